"""to_lineworks_event: an EventDraft as the body of LINE WORKS' create-event call.

Pure: no I/O. Timed events are local `dateTime` plus an IANA `timeZone`; all-day
events are dates with an exclusive end; reminders are DISPLAY alarms. LINE WORKS
cannot create a video meeting through this API, and limits the title (200) and
location (100): `check_lineworks` says so rather than cut anything.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from nlp.draft import EventDraft, When
from providers.errors import Unsupported
from providers.keys import lineworks_event_id
from providers.parts import DEFAULT_LENGTH, description, emails, ical_fields, local_time, span
from providers.recurrence import recurrence_lines

LIMITS = {"title": 200, "location": 100, "description": 5000}


def check_lineworks(draft: EventDraft) -> None:
    """Raise Unsupported for what LINE WORKS cannot hold."""
    span(draft)
    recurrence_lines(draft)
    problems: list[str] = []
    if draft.online_meeting:
        problems.append("online_meeting")
    sizes = {
        "title": draft.title,
        "location": draft.location or "",
        "description": description(draft),
    }
    problems += [name for name, text in sizes.items() if len(text) > LIMITS[name]]
    if problems:
        words = {
            "online_meeting": "it cannot create a video meeting",
            "title": f"the title is longer than {LIMITS['title']} characters",
            "location": f"the location is longer than {LIMITS['location']} characters",
            "description": f"the description is longer than {LIMITS['description']} characters",
        }
        raise Unsupported(
            "LINE WORKS: " + "; ".join(words[p] for p in problems),
            provider="lineworks",
            fields=tuple(problems),
        )


def to_lineworks_event(
    draft: EventDraft, *, idempotency_key: str, default_length: timedelta = DEFAULT_LENGTH
) -> dict[str, Any]:
    """The request body; its `eventId` is derived from `idempotency_key`."""
    start, end = span(draft, default_length=default_length)
    event: dict[str, Any] = {
        "eventId": lineworks_event_id(idempotency_key),
        "summary": draft.title,
        "start": _when(start, draft.timezone),
        "end": _when(end, draft.timezone),
    }
    event.update(ical_fields(draft))
    invited = emails(draft)
    if invited:
        event["attendees"] = [
            {"email": a, "partstat": "NEEDS-ACTION", "isOptional": False, "isResource": False}
            for a in invited
        ]
    if draft.reminder_minutes is not None:
        event["reminders"] = [{"method": "DISPLAY", "trigger": trigger(draft.reminder_minutes)}]
    return {"eventComponents": [event], "sendNotification": bool(invited)}


def trigger(minutes: int) -> str:
    """Minutes before the start as an RFC 5545 negative duration (-PT15M, -P1D, -PT0S)."""
    if minutes == 0:
        return "-PT0S"
    if minutes % 1440 == 0:
        return f"-P{minutes // 1440}D"
    if minutes % 60 == 0:
        return f"-PT{minutes // 60}H"
    return f"-PT{minutes}M"


def _when(value: When, zone: str) -> dict[str, str]:
    if isinstance(value, datetime):
        return {"dateTime": local_time(value), "timeZone": zone}
    return {"date": value.isoformat()}
