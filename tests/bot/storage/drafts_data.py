"""Drafts the storage tests store: plain values, built once."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from nlp.draft import Attendee, EventDraft

PARIS = ZoneInfo("Europe/Paris")
TEAM = "T0TEAM"
ALICE = "U0ALICE"
BOB = "U0BOB"

LUNCH = EventDraft(
    title="Lunch with Adele",
    start=datetime(2026, 3, 6, 12, 0, tzinfo=PARIS),
    end=datetime(2026, 3, 6, 13, 0, tzinfo=PARIS),
    timezone="Europe/Paris",
    location="Café de Flore",
    attendees=(Attendee(kind="name", value="Adele"),),
    recurrence=("RRULE:FREQ=WEEKLY;BYDAY=FR",),
    reminder_minutes=10,
)
OFFSITE = EventDraft(
    title="Offsite",
    start=date(2026, 3, 9),
    end=date(2026, 3, 11),
    all_day=True,
    timezone="Europe/Paris",
)
