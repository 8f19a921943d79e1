"""A draft in words: recurrence, reminders, the when and the zone the card shows."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.blocks.summary import reminder_words, repeat_words, when, zone_words
from nlp.draft import EventDraft

NY = ZoneInfo("America/New_York")
MONDAY = date(2026, 11, 23)

RULES = [
    ("RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261220T235959", "every Monday until Dec 20"),
    ("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"),
    ("FREQ=WEEKLY;BYDAY=TU,TH", "every Tuesday and Thursday"),
    ("RRULE:FREQ=WEEKLY", "every Monday"),
    ("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "every other week on Monday"),
    ("RRULE:FREQ=DAILY", "every day"),
    ("RRULE:FREQ=DAILY;COUNT=10", "every day, 10 times"),
    ("RRULE:FREQ=DAILY;INTERVAL=3", "every 3 days"),
    ("RRULE:FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th"),
    ("RRULE:FREQ=MONTHLY;BYMONTHDAY=-1", "the last day of every month"),
    ("RRULE:FREQ=MONTHLY;BYDAY=2TU", "the second Tuesday of every month"),
    ("RRULE:FREQ=MONTHLY;BYDAY=-1TH", "the last Thursday of every month"),
    ("RRULE:FREQ=YEARLY", "every year on November 23"),
    # A UTC UNTIL is read on the event's own calendar: still Dec 20 in New York.
    ("RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261221T045959Z", "every Monday until Dec 20"),
]


@pytest.mark.parametrize(("rule", "words"), RULES)
def test_recurrence_in_words(rule: str, words: str) -> None:
    assert repeat_words((rule,), start=MONDAY, zone="America/New_York") == words


def test_no_recurrence_is_no_words() -> None:
    assert repeat_words((), start=MONDAY) is None


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (None, None),
        (0, "when it starts"),
        (10, "10 minutes before"),
        (60, "1 hour before"),
        (120, "2 hours before"),
        (1440, "1 day before"),
    ],
)
def test_reminder_words(minutes: int | None, words: str | None) -> None:
    assert reminder_words(minutes) == words


def test_timed_when_uses_slack_date_tokens_and_duration() -> None:
    draft = EventDraft(
        title="x", start=datetime(2026, 11, 20, 12, tzinfo=NY), timezone="America/New_York"
    )
    words = when(draft, default_minutes=45)
    assert words is not None
    assert words.plain == "Fri, Nov 20, 2026 · 12:00–12:45 (45 min)"
    assert words.text.startswith("<!date^1795194000^{date_short_pretty} {time}|")
    assert zone_words(draft) == "America/New_York (UTC−05:00)"


def test_all_day_when() -> None:
    one = EventDraft(title="x", start=date(2026, 12, 3), all_day=True)
    three = EventDraft(title="x", start=date(2026, 12, 3), end=date(2026, 12, 6), all_day=True)
    shown_one, shown_three = when(one), when(three)
    assert shown_one is not None
    assert shown_three is not None
    assert shown_one.plain == "Thu, Dec 3, 2026 · all day"
    assert shown_three.plain == "Thu, Dec 3, 2026 – Sat, Dec 5, 2026 · all day (3 days)"
    assert when(EventDraft(title="x")) is None
