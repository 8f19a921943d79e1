"""The drafts every provider mapping is tested with: one literal table, keyed by case name."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from nlp.draft import Attendee, EventDraft

PARIS = "Europe/Paris"
KEY = "draft-0001"


def at(day: date, hour: int, minute: int = 0, zone: str = PARIS) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))


ADELE = Attendee(kind="email", value="adele@example.com")
MEGAN = Attendee(kind="name", value="Megan")
SLACK = Attendee(kind="slack", value="U0123ABCD")

DRAFTS: dict[str, EventDraft] = {
    "timed": EventDraft(
        title="Lunch with Adele",
        start=at(date(2026, 3, 10), 12),
        end=at(date(2026, 3, 10), 13, 30),
        timezone=PARIS,
        location="Chez Marcel",
    ),
    "timed-no-end": EventDraft(title="Call", start=at(date(2026, 3, 10), 9), timezone=PARIS),
    "all-day": EventDraft(
        title="Offsite",
        start=date(2026, 3, 10),
        end=date(2026, 3, 11),
        all_day=True,
        timezone=PARIS,
    ),
    "multi-day": EventDraft(
        title="Conference",
        start=date(2026, 12, 3),
        end=date(2026, 12, 6),
        all_day=True,
        timezone=PARIS,
    ),
    "zoned": EventDraft(
        title="Sync with NY",
        start=at(date(2026, 3, 10), 9, zone="America/New_York"),
        end=at(date(2026, 3, 10), 10, zone="America/New_York"),
        timezone="America/New_York",
    ),
    "attendees": EventDraft(
        title="Design review",
        start=at(date(2026, 3, 10), 15),
        timezone=PARIS,
        attendees=(ADELE, MEGAN, SLACK, Attendee(kind="email", value="bob@example.com")),
        description="Bring the mockups",
    ),
    "reminder": EventDraft(
        title="Dentist", start=at(date(2026, 3, 10), 8), timezone=PARIS, reminder_minutes=30
    ),
    "meeting": EventDraft(
        title="Standup", start=at(date(2026, 3, 10), 9, 30), timezone=PARIS, online_meeting=True
    ),
    "tokyo-everything": EventDraft(
        title="Quarterly planning",
        start=at(date(2026, 3, 10), 14, zone="Asia/Tokyo"),
        end=at(date(2026, 3, 10), 16, zone="Asia/Tokyo"),
        timezone="Asia/Tokyo",
        location="Room 4",
        attendees=(ADELE, MEGAN),
        reminder_minutes=1440,
        description="Agenda in the doc",
    ),
}

# Each RRULE form of shared/nlp/CONVENTIONS.md.
RRULES: dict[str, str] = {
    "weekly-byday": "FREQ=WEEKLY;BYDAY=MO",
    "weekdays": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "daily": "FREQ=DAILY",
    "every-other-week": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
    "monthly-bymonthday": "FREQ=MONTHLY;BYMONTHDAY=15",
    "monthly-second-tuesday": "FREQ=MONTHLY;BYDAY=2TU",
    "monthly-last-thursday": "FREQ=MONTHLY;BYDAY=-1TH",
    "monthly-last-day": "FREQ=MONTHLY;BYMONTHDAY=-1",
    "yearly": "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3",
    "until": "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T235959",
    "count": "FREQ=DAILY;COUNT=10",
    "weekly-count": "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10",
}


def recurring(rule: str, *, all_day: bool = False) -> EventDraft:
    """A draft repeating by `rule`, starting at the rule's first occurrence from March 2026."""
    base = datetime(2026, 3, 1, 10, 0)
    first = rrulestr(rule, dtstart=base).after(base, inc=True)
    assert first is not None
    if all_day:
        return EventDraft(
            title="Repeating", start=first.date(), all_day=True, timezone=PARIS, recurrence=(rule,)
        )
    start = first.replace(tzinfo=ZoneInfo(PARIS))
    return EventDraft(title="Repeating", start=start, timezone=PARIS, recurrence=(rule,))


ALL: dict[str, EventDraft] = {
    **DRAFTS,
    **{f"rrule-{name}": recurring(rule) for name, rule in RRULES.items()},
    "rrule-all-day-yearly": recurring(RRULES["yearly"], all_day=True),
    "rrule-all-day-until": recurring(RRULES["until"], all_day=True),
}
