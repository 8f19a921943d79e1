"""One-click "Add to Google Calendar" / "Add to Outlook" links that need no account.

Google: calendar/render?action=TEMPLATE&text&dates&ctz&details&location&recur&add.
Outlook: outlook.live.com/calendar/0/deeplink/compose?subject&startdt&enddt&allday&body&location&to.
Neither link can carry a reminder or a video meeting, and Outlook's cannot carry a
repeat rule: `template_gaps` names what a link leaves out so the card can say so.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlencode

from nlp.draft import EventDraft, When
from providers.parts import DEFAULT_LENGTH, description, emails, span
from providers.recurrence import recurrence_lines

GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"
OUTLOOK_TEMPLATE = "https://outlook.live.com/calendar/0/deeplink/compose"


def google_template_url(draft: EventDraft, *, default_length: timedelta = DEFAULT_LENGTH) -> str:
    """Google's "add event" page prefilled with the draft (wall-clock times in its zone)."""
    start, end = span(draft, default_length=default_length)
    params = {
        "action": "TEMPLATE",
        "text": draft.title,
        "dates": f"{_google_when(start)}/{_google_when(end)}",
    }
    if not draft.all_day:
        params["ctz"] = draft.timezone  # dates are wall-clock times in this zone
    text = description(draft)
    if text:
        params["details"] = text
    if draft.location:
        params["location"] = draft.location
    rules = recurrence_lines(draft)
    if rules:
        params["recur"] = "\n".join(rules)
    invited = emails(draft)
    if invited:
        params["add"] = ",".join(invited)
    return f"{GOOGLE_TEMPLATE}?{urlencode(params)}"


def outlook_template_url(draft: EventDraft, *, default_length: timedelta = DEFAULT_LENGTH) -> str:
    """Outlook on the web's compose page prefilled with the draft (times with their offset)."""
    start, end = span(draft, default_length=default_length)
    params = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": draft.title,
        "startdt": _outlook_when(start),
        "enddt": _outlook_when(end),
        "allday": "true" if draft.all_day else "false",
    }
    text = description(draft)
    if text:
        params["body"] = text
    if draft.location:
        params["location"] = draft.location
    invited = emails(draft)
    if invited:
        params["to"] = ",".join(invited)
    return f"{OUTLOOK_TEMPLATE}?{urlencode(params)}"


def template_gaps(draft: EventDraft) -> dict[str, tuple[str, ...]]:
    """Per link ("google", "outlook"), the draft fields it cannot carry."""
    lost = []
    if draft.reminder_minutes is not None:
        lost.append("reminder")
    if draft.online_meeting:
        lost.append("online_meeting")
    outlook = [*lost, "recurrence"] if draft.recurrence else lost
    return {"google": tuple(lost), "outlook": tuple(outlook)}


def _google_when(value: When) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y%m%dT%H%M%S")
    return value.strftime("%Y%m%d")


def _outlook_when(value: When) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")  # with its offset: no zone guessing
    return value.isoformat()
