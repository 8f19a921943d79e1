"""Render: a draft as readable lines, as JSON, or as one line of the batch format."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from nlp.draft import EventDraft, When


def iso(value: When | None) -> str | None:
    """ISO 8601: a date for all-day values, a datetime with its UTC offset otherwise."""
    return None if value is None else value.isoformat()


def batch_line(draft: EventDraft, *, case_id: Any) -> dict[str, Any]:
    """The batch output record of one draft (the scorer's prediction format)."""
    return {
        "id": case_id,
        "title": draft.title,
        "start": iso(draft.start),
        "end": iso(draft.end),
        "all_day": draft.all_day,
        "timezone": draft.timezone,
        "location": draft.location,
        "attendees": [a.value for a in draft.attendees],
        "recurrence": list(draft.recurrence),
        "reminder_minutes": draft.reminder_minutes,
        "online_meeting": draft.online_meeting,
    }


def _when(value: When | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return value.strftime("%a %Y-%m-%d %H:%M %Z (UTC%z)")
    return value.strftime("%a %Y-%m-%d (all day)")


def readable(draft: EventDraft) -> str:
    """A few aligned lines a person can check at a glance."""
    rows = [
        ("title", draft.title or "-"),
        ("start", _when(draft.start) if draft.start is not None else "- (no date: ask)"),
        ("end", _when(draft.end)),
        ("zone", draft.timezone),
    ]
    if draft.location:
        rows.append(("location", draft.location))
    if draft.attendees:
        rows.append(("attendees", ", ".join(f"{a.value} ({a.kind})" for a in draft.attendees)))
    if draft.recurrence:
        rows.append(("repeats", " ".join(draft.recurrence)))
    if draft.reminder_minutes is not None:
        rows.append(("reminder", f"{draft.reminder_minutes} min before"))
    if draft.online_meeting:
        rows.append(("online", "yes"))
    if draft.alternatives:
        rows.append(("or", ", ".join(_when(a) for a in draft.alternatives)))
    if draft.flags:
        rows.append(("flags", ", ".join(draft.flags)))
    return "\n".join(f"{name:>10}  {value}" for name, value in rows)
