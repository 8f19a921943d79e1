"""RRULE -> Graph patternedRecurrence, as a literal table; and the rules Graph cannot say."""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from providers.errors import Unsupported
from providers.graph_recurrence import to_patterned_recurrence
from providers.recurrence import rule_parts
from tests.fakes.contracts import GRAPH_EVENT, problems

TUESDAY = date(2026, 3, 3)
ALL_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
PATTERNS: list[tuple[str, dict[str, Any]]] = [
    ("FREQ=DAILY", {"type": "daily", "interval": 1}),
    ("FREQ=DAILY;INTERVAL=3", {"type": "daily", "interval": 3}),
    ("FREQ=WEEKLY", {"type": "weekly", "interval": 1, "daysOfWeek": ["tuesday"],
                     "firstDayOfWeek": "monday"}),
    ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", {"type": "weekly", "interval": 1,
     "daysOfWeek": ALL_DAYS[:5], "firstDayOfWeek": "monday"}),
    ("FREQ=DAILY;BYDAY=MO,WE", {"type": "weekly", "interval": 1,
     "daysOfWeek": ["monday", "wednesday"], "firstDayOfWeek": "monday"}),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;WKST=SU", {"type": "weekly", "interval": 2,
     "daysOfWeek": ["thursday"], "firstDayOfWeek": "sunday"}),
    ("FREQ=MONTHLY", {"type": "absoluteMonthly", "interval": 1, "dayOfMonth": 3}),
    ("FREQ=MONTHLY;BYMONTHDAY=15", {"type": "absoluteMonthly", "interval": 1, "dayOfMonth": 15}),
    ("FREQ=MONTHLY;BYDAY=2TU", {"type": "relativeMonthly", "interval": 1,
     "daysOfWeek": ["tuesday"], "index": "second"}),
    ("FREQ=MONTHLY;BYDAY=-1TH", {"type": "relativeMonthly", "interval": 1,
     "daysOfWeek": ["thursday"], "index": "last"}),
    ("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1", {"type": "relativeMonthly", "interval": 1,
     "daysOfWeek": ["tuesday"], "index": "first"}),
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", {"type": "relativeMonthly", "interval": 1,
     "daysOfWeek": ALL_DAYS[:5], "index": "last"}),
    ("FREQ=MONTHLY;BYMONTHDAY=-1", {"type": "relativeMonthly", "interval": 1,
     "daysOfWeek": ALL_DAYS, "index": "last"}),
    ("FREQ=YEARLY", {"type": "absoluteYearly", "interval": 1, "dayOfMonth": 3, "month": 3}),
    ("FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=12", {"type": "absoluteYearly", "interval": 1,
     "dayOfMonth": 12, "month": 6}),
    ("FREQ=YEARLY;BYMONTH=9;BYDAY=1MO", {"type": "relativeYearly", "interval": 1,
     "daysOfWeek": ["monday"], "index": "first", "month": 9}),
    ("FREQ=YEARLY;BYMONTH=9;BYDAY=MO;BYSETPOS=-1", {"type": "relativeYearly", "interval": 1,
     "daysOfWeek": ["monday"], "index": "last", "month": 9}),
    ("FREQ=YEARLY;INTERVAL=2;BYMONTH=3;BYMONTHDAY=15", {"type": "absoluteYearly",
     "interval": 2, "dayOfMonth": 15, "month": 3}),
    ("FREQ=YEARLY;BYMONTH=6", {"type": "absoluteYearly", "interval": 1, "dayOfMonth": 3,
     "month": 6}),
    # Every month, but only in March: the same days as every year in March.
    ("FREQ=MONTHLY;BYMONTH=3;BYMONTHDAY=15", {"type": "absoluteYearly", "interval": 1,
     "dayOfMonth": 15, "month": 3}),
    ("FREQ=MONTHLY;BYMONTH=3;BYDAY=2TU", {"type": "relativeYearly", "interval": 1,
     "daysOfWeek": ["tuesday"], "index": "second", "month": 3}),
    ("FREQ=MONTHLY;INTERVAL=2;BYDAY=FR;BYSETPOS=3", {"type": "relativeMonthly", "interval": 2,
     "daysOfWeek": ["friday"], "index": "third"}),
]  # fmt: skip
RANGES: list[tuple[str, dict[str, Any]]] = [
    ("FREQ=DAILY", {"type": "noEnd"}),
    ("FREQ=DAILY;COUNT=10", {"type": "numbered", "numberOfOccurrences": 10}),
    # 23:59:59 Paris on Dec 15 is 22:59:59Z: the end date stays the 15th in the event's zone.
    ("FREQ=DAILY;UNTIL=20261215T225959Z", {"type": "endDate", "endDate": "2026-12-15"}),
    ("FREQ=DAILY;UNTIL=20261215", {"type": "endDate", "endDate": "2026-12-15"}),
]
CANNOT = [
    "FREQ=HOURLY",
    "FREQ=MINUTELY",
    "FREQ=DAILY;BYHOUR=9,17",
    "FREQ=MONTHLY;BYMONTHDAY=1,15",
    "FREQ=MONTHLY;BYMONTHDAY=-2",
    "FREQ=MONTHLY;BYDAY=1MO,3WE",
    "FREQ=MONTHLY;BYDAY=1MO,1TU",
    "FREQ=MONTHLY;BYDAY=MO,TU",
    "FREQ=MONTHLY;BYDAY=1MO;BYSETPOS=2",
    "FREQ=MONTHLY;BYDAY=5FR",
    "FREQ=YEARLY;BYWEEKNO=20",
    "FREQ=WEEKLY;BYDAY=1MO",
    "FREQ=YEARLY;BYMONTH=1,7",
    # Parts a pattern would not read are refused, never dropped.
    "FREQ=DAILY;BYMONTHDAY=1,15",
    "FREQ=DAILY;BYMONTH=3",
    "FREQ=DAILY;BYSETPOS=1",
    "FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=1",
    "FREQ=WEEKLY;BYMONTH=3",
    "FREQ=WEEKLY;BYMONTHDAY=15",
    "FREQ=MONTHLY;INTERVAL=2;BYMONTH=3;BYMONTHDAY=15",
    "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1,3",
    "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
    "FREQ=YEARLY;BYDAY=1MO",
    "FREQ=YEARLY;BYMONTHDAY=15",
]


def convert(rule: str) -> dict[str, Any]:
    return to_patterned_recurrence(
        rule_parts(rule), start=TUESDAY, zone=ZoneInfo("Europe/Paris"),
        windows_zone="Romance Standard Time",
    )  # fmt: skip


def valid(recurrence: dict[str, Any]) -> list[str]:
    body = {
        "subject": "x",
        "start": {"dateTime": "2026-03-03T10:00:00", "timeZone": "Romance Standard Time"},
        "end": {"dateTime": "2026-03-03T11:00:00", "timeZone": "Romance Standard Time"},
        "recurrence": recurrence,
    }
    return problems(GRAPH_EVENT, body)


@pytest.mark.parametrize(("rule", "pattern"), PATTERNS)
def test_patterns(rule: str, pattern: dict[str, Any]) -> None:
    converted = convert(rule)
    assert converted["pattern"] == pattern
    assert valid(converted) == []


@pytest.mark.parametrize(("rule", "span"), RANGES)
def test_ranges(rule: str, span: dict[str, Any]) -> None:
    converted = convert(rule)
    expected = {"startDate": "2026-03-03", "recurrenceTimeZone": "Romance Standard Time", **span}
    assert converted["range"] == expected
    assert valid(converted) == []


@pytest.mark.parametrize("rule", CANNOT)
def test_rules_graph_cannot_say_are_refused_with_a_reason(rule: str) -> None:
    with pytest.raises(Unsupported) as caught:
        convert(rule)
    assert caught.value.fields == ("recurrence",)
    assert caught.value.message.startswith("Outlook cannot repeat an event")


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=DAILY;BYMONTHDAY=1,15", "daily on given days of the month"),
        ("FREQ=WEEKLY;BYDAY=MO;BYSETPOS=1", "weekly at a position (BYSETPOS)"),
        ("FREQ=MONTHLY;INTERVAL=2;BYMONTH=3", "monthly only in some months"),
    ],
)
def test_a_part_the_pattern_would_ignore_is_named(rule: str, words: str) -> None:
    with pytest.raises(Unsupported, match=re.escape(words)):
        convert(rule)
