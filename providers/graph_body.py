"""to_graph_event: an EventDraft as the body of Microsoft Graph's create-event call.

Pure: no I/O. Graph wants local wall-clock `dateTime` without offset plus a zone
name; Windows names are accepted everywhere (IANA only from Graph's own list), so
the IANA zone is translated with CLDR's table (tzlocal). All-day events are
`isAllDay` with midnight start and end; recurrence is a patternedRecurrence.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from tzlocal.windows_tz import tz_win

from nlp.draft import EventDraft, When
from providers.errors import Unsupported
from providers.graph_recurrence import to_patterned_recurrence
from providers.keys import graph_transaction_id
from providers.parts import DEFAULT_LENGTH, description, emails, local_time, span
from providers.recurrence import recurrence_lines, rules


def windows_zone(iana: str) -> str:
    """The Windows time zone name Graph understands for an IANA name."""
    name = tz_win.get(iana) or ("UTC" if iana in ("UTC", "Etc/UTC", "GMT") else None)
    if name is None:
        raise Unsupported(
            f"Outlook does not know the time zone {iana}", provider="microsoft",
            fields=("timezone",),
        )  # fmt: skip
    return name


def check_graph(draft: EventDraft) -> None:
    """Raise Unsupported for what Outlook cannot hold (before anything is sent)."""
    start, _ = span(draft)
    zone = windows_zone(draft.timezone)
    lines = recurrence_lines(draft)
    if len(lines) > 1 or any(not line.startswith("RRULE:") for line in lines):
        raise Unsupported(
            "Outlook can repeat an event by one rule only, without exceptions",
            provider="microsoft", fields=("recurrence",),
        )  # fmt: skip
    for parts in rules(draft):
        to_patterned_recurrence(parts, start=_date(start), zone=draft.zone, windows_zone=zone)


def to_graph_event(
    draft: EventDraft,
    *,
    idempotency_key: str,
    default_length: timedelta = DEFAULT_LENGTH,
    meeting_provider: str = "teamsForBusiness",
) -> dict[str, Any]:
    """The request body; its `transactionId` is derived from `idempotency_key`.

    `meeting_provider` is the one the target calendar allows (OutlookCalendar reads it).
    """
    start, end = span(draft, default_length=default_length)
    zone = windows_zone(draft.timezone)
    body: dict[str, Any] = {
        "subject": draft.title,
        "start": {"dateTime": _local(start, draft), "timeZone": zone},
        "end": {"dateTime": _local(end, draft), "timeZone": zone},
        "transactionId": graph_transaction_id(idempotency_key),
    }
    if draft.all_day:
        body["isAllDay"] = True
    text = description(draft)
    if text:
        body["body"] = {"contentType": "text", "content": text}
    if draft.location:
        body["location"] = {"displayName": draft.location}
    invited = emails(draft)
    if invited:
        body["attendees"] = [
            {"emailAddress": {"address": address}, "type": "required"} for address in invited
        ]
    if draft.reminder_minutes is not None:
        body["isReminderOn"] = True
        body["reminderMinutesBeforeStart"] = draft.reminder_minutes
    if draft.online_meeting:
        body["isOnlineMeeting"] = True
        body["onlineMeetingProvider"] = meeting_provider
    for parts in rules(draft):
        body["recurrence"] = to_patterned_recurrence(
            parts, start=_date(start), zone=draft.zone, windows_zone=zone
        )
    return body


def _date(value: When) -> date:
    return value.date() if isinstance(value, datetime) else value


def _local(value: When, draft: EventDraft) -> str:
    if isinstance(value, datetime):
        return local_time(value.astimezone(draft.zone))
    return local_time(datetime.combine(value, time()))
