"""to_google_event: an EventDraft as the body (and query) of Google Calendar's events.insert.

Pure: no I/O. Times carry their offset and the IANA zone (Google requires the zone
for recurring events); all-day events use dates with an exclusive end; a video
meeting is a Meet `createRequest`, honoured only with `conferenceDataVersion=1`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from nlp.draft import EventDraft, When
from providers.errors import Unsupported
from providers.keys import google_event_id
from providers.parts import DEFAULT_LENGTH, emails, ical_fields, span
from providers.recurrence import recurrence_lines

MAX_REMINDER_MINUTES = 40320  # four weeks, the API's limit for an override


def check_google(draft: EventDraft) -> None:
    """Raise Unsupported for what Google Calendar cannot hold."""
    span(draft)
    if draft.reminder_minutes is not None and draft.reminder_minutes > MAX_REMINDER_MINUTES:
        raise Unsupported(
            "Google Calendar reminders can be at most 4 weeks before the event",
            provider="google",
            fields=("reminder",),
        )
    recurrence_lines(draft)


def to_google_event(
    draft: EventDraft, *, idempotency_key: str, default_length: timedelta = DEFAULT_LENGTH
) -> dict[str, Any]:
    """The events.insert request body; its `id` is derived from `idempotency_key`."""
    start, end = span(draft, default_length=default_length)
    event_id = google_event_id(idempotency_key)
    body: dict[str, Any] = {
        "id": event_id,
        "start": _when(start, draft.timezone),
        "end": _when(end, draft.timezone),
    }
    if draft.title:
        body["summary"] = draft.title
    body.update(ical_fields(draft))
    invited = emails(draft)
    if invited:
        body["attendees"] = [{"email": address} for address in invited]
    if draft.reminder_minutes is not None:
        body["reminders"] = {
            "useDefault": False,
            "overrides": [{"method": "popup", "minutes": draft.reminder_minutes}],
        }
    if draft.online_meeting:
        # The same requestId on a retry asks for the same conference, not a second one.
        body["conferenceData"] = {
            "createRequest": {
                "requestId": event_id[:32],
                "conferenceSolutionKey": {"type": "hangoutsMeet"},
            }
        }
    return body


def google_query(draft: EventDraft) -> dict[str, str]:
    """events.insert query: Meet needs conferenceDataVersion=1; attendees get invitations."""
    query = {"conferenceDataVersion": "1"}
    query["sendUpdates"] = "all" if emails(draft) else "none"
    return query


def _when(value: When, zone: str) -> dict[str, str]:
    if isinstance(value, datetime):
        return {"dateTime": value.isoformat(timespec="seconds"), "timeZone": zone}
    return {"date": value.isoformat()}
