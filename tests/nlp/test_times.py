"""Times of day: am/pm forms, 24-hour clocks, working-hours bare hours, named times, day parts."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import read_text, wall

TIMES = [
    ("Call Friday 3pm", "15:00"),
    ("Call Friday 3 pm", "15:00"),
    ("Call Friday 3:30 p.m.", "15:30"),
    ("Call Friday 8 a.m.", "08:00"),
    ("Call Friday 10a", "10:00"),
    ("Call Friday 4p", "16:00"),
    ("Call Friday 12am", "00:00"),
    ("Call Friday 12pm", "12:00"),
    ("Call Friday 15:00", "15:00"),
    ("Call Friday 09:30", "09:30"),
    ("Call Friday at 3", "15:00"),
    ("Call Friday at 9", "09:00"),
    ("Call Friday at 12", "12:00"),
    ("Call Friday at 6:30", "18:30"),
    ("Call Friday @ 3:15", "15:15"),
    ("Call Friday at 10 o'clock", "10:00"),
    ("Call Friday 9", "09:00"),
    ("Call Friday noon", "12:00"),
    ("Call Friday at midday", "12:00"),
    ("Call Friday EOD", "17:00"),
    ("Call Friday end of day", "17:00"),
    ("Call Friday morning", "09:00"),
    ("Call Friday afternoon", "14:00"),
    ("Call Friday evening", "18:00"),
    ("Call Friday evening at 7", "19:00"),
    ("Call tonight", "19:00"),
    ("Call tonight at 8", "20:00"),
    ("Call tonight at 10", "22:00"),
    ("Call this afternoon", "14:00"),
    ("Call tomorrow morning", "09:00"),
]


@pytest.mark.parametrize(("text", "clock"), TIMES)
def test_clock_times(text: str, clock: str) -> None:
    draft = read_text(text)
    start = wall(draft)
    assert start is not None
    assert start[11:] == clock
    assert draft.title == "Call"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call in 2 hours", "2026-11-18T11:00"),
        ("Call in 30 minutes", "2026-11-18T09:30"),
        ("Call in an hour", "2026-11-18T10:00"),
        ("Call in half an hour", "2026-11-18T09:30"),
        ("Call in 90 min", "2026-11-18T10:30"),
        ("Call in 48 hours", "2026-11-20T09:00"),
        ("Call in 5 days at 10am", "2026-11-23T10:00"),
    ],
)
def test_relative_times(text: str, expected: str) -> None:
    assert wall(read_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "zone", "expected"),
    [
        ("Webinar Thursday 1pm PST", "America/Los_Angeles", "2026-11-19T13:00"),
        ("Webinar Thursday 1pm pst", "America/Los_Angeles", "2026-11-19T13:00"),
        ("Webinar Thursday 1pm ET", "America/New_York", "2026-11-19T13:00"),
        ("Webinar Thursday 10am Eastern", "America/New_York", "2026-11-19T10:00"),
        ("Webinar Thursday 9am London time", "Europe/London", "2026-11-19T09:00"),
        ("Webinar Thursday 9am JST", "Asia/Tokyo", "2026-11-19T09:00"),
        ("Webinar Thursday 16:00 UTC", "UTC", "2026-11-19T16:00"),
        ("Webinar Thursday 9am UTC+9", "Etc/GMT-9", "2026-11-19T09:00"),
        ("Webinar at noon London time", "Europe/London", "2026-11-19T12:00"),
    ],
)
def test_named_zones(text: str, zone: str, expected: str) -> None:
    draft = read_text(text)
    assert draft.timezone == zone
    assert wall(draft) == expected
    assert draft.title == "Webinar"


def test_a_zone_word_needs_a_time_before_it() -> None:
    draft = read_text("ET phone home Friday")
    assert draft.timezone == "America/New_York"
    assert draft.title == "ET phone home"
