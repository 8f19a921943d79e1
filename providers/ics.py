"""ics_calendar: local events as an iCalendar file (RFC 5545) written with `icalendar`.

Each VEVENT has UID, DTSTAMP, SUMMARY, DTSTART/DTEND with TZID (and the zone's
VTIMEZONE) or VALUE=DATE, RRULE, VALARM, LOCATION, DESCRIPTION and ATTENDEE mailto.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event, vCalAddress, vRecur

from nlp.draft import EventDraft
from providers.parts import DEFAULT_LENGTH, description, emails, span
from providers.recurrence import recurrence_lines

PRODID = "-//Quickcal//Quickcal local calendar//EN"
UID_DOMAIN = "quickcal"


def ics_calendar(
    events: Iterable[tuple[str, EventDraft]],
    *,
    default_length: timedelta = DEFAULT_LENGTH,
    stamp: datetime | None = None,
) -> bytes:
    """A VCALENDAR holding one VEVENT per `(event_id, draft)`; drafts without a date are skipped."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    now = stamp or datetime.now(UTC)
    for event_id, draft in events:
        if draft.start is not None:
            calendar.add_component(_vevent(event_id, draft, now=now, default_length=default_length))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def _vevent(event_id: str, draft: EventDraft, *, now: datetime, default_length: timedelta) -> Event:
    start, end = span(draft, default_length=default_length)
    event = Event()
    event.add("uid", f"{event_id}@{UID_DOMAIN}")
    event.add("dtstamp", now)
    event.add("summary", draft.title)
    event.add("dtstart", start)
    event.add("dtend", end)
    for line in recurrence_lines(draft):
        name, _, value = line.partition(":")
        if name == "RRULE":
            event.add("rrule", vRecur.from_ical(value))
    if draft.location:
        event.add("location", draft.location)
    text = description(draft)
    if text:
        event.add("description", text)
    for address in emails(draft):
        attendee = vCalAddress(f"mailto:{address}")
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        attendee.params["PARTSTAT"] = "NEEDS-ACTION"
        attendee.params["RSVP"] = "TRUE"
        event.add("attendee", attendee, encode=False)
    if draft.reminder_minutes is not None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", draft.title or "Reminder")
        alarm.add("trigger", -timedelta(minutes=draft.reminder_minutes))
        event.add_component(alarm)
    return event
