"""Day phrases: absolute, numeric, relative, weekdays, next/this, weekend, end of month."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import read_text, wall

# now: Wednesday 2026-11-18 09:00 America/New_York
DATES = [
    ("Dentist Dec 3", "2026-12-03"),
    ("Dentist December 3rd", "2026-12-03"),
    ("Dentist Dec. 14", "2026-12-14"),
    ("Dentist 3 December", "2026-12-03"),
    ("Dentist 3rd of December", "2026-12-03"),
    ("Dentist December the 3rd", "2026-12-03"),
    ("Dentist on the 3rd of December", "2026-12-03"),
    ("Dentist Sept 9", "2027-09-09"),
    ("Dentist 12/3", "2026-12-03"),
    ("Dentist 12/3/2026", "2026-12-03"),
    ("Dentist 12/03/27", "2027-12-03"),
    ("Dentist 2026-12-03", "2026-12-03"),
    ("Dentist Jan 8, 2027", "2027-01-08"),
    ("Dentist Nov 18", "2026-11-18"),
    ("Dentist Nov 17", "2027-11-17"),
    ("Dentist Feb 29", "2028-02-29"),
    ("Dentist the 3rd", "2026-12-03"),
    ("Dentist on the 25th", "2026-11-25"),
    ("Dentist Thursday, Dec 3", "2026-12-03"),
    ("Dentist Sat Dec 19", "2026-12-19"),
    ("Dentist today", "2026-11-18"),
    ("Dentist tomorrow", "2026-11-19"),
    ("Dentist tmrw", "2026-11-19"),
    ("Dentist tmr", "2026-11-19"),
    ("Dentist 2moro", "2026-11-19"),
    ("Dentist the day after tomorrow", "2026-11-20"),
    ("Dentist day after tomorrow", "2026-11-20"),
    ("Dentist in 3 days", "2026-11-21"),
    ("Dentist in 2 weeks", "2026-12-02"),
    ("Dentist a week from Friday", "2026-11-27"),
    ("Dentist Friday", "2026-11-20"),
    ("Dentist on Fri", "2026-11-20"),
    ("Dentist this Friday", "2026-11-20"),
    ("Dentist Wednesday", "2026-11-18"),
    ("Dentist thurs", "2026-11-19"),
    ("Dentist Friday next week", "2026-11-27"),
    ("Dentist next week Tuesday", "2026-11-24"),
    ("Dentist Friday the 4th", "2026-12-04"),
    ("Dentist this weekend", "2026-11-21"),
    ("Dentist next weekend", "2026-11-28"),
    ("Dentist Monday, November 30", "2026-11-30"),
    ("Dentist two days from tomorrow", "2026-11-21"),
    ("Dentist end of the month", "2026-11-30"),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_day_phrases(text: str, expected: str) -> None:
    draft = read_text(text)
    assert wall(draft) == expected
    assert draft.all_day
    assert draft.title == "Dentist"


def test_next_weekday_keeps_the_other_reading() -> None:
    draft = read_text("Planning next Friday")
    assert wall(draft) == "2026-11-20"
    assert [a.isoformat() for a in draft.alternatives] == ["2026-11-27"]


def test_next_weekday_with_one_reading_has_no_alternative() -> None:
    draft = read_text("Planning next Tuesday")
    assert wall(draft) == "2026-11-24"
    assert draft.alternatives == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yoga Wednesday 8am", "2026-11-25T08:00"),  # today's 8am has passed
        ("Review Wednesday 4pm", "2026-11-18T16:00"),  # today counts while ahead
        ("Call at 3pm", "2026-11-18T15:00"),
        ("Call at 8am", "2026-11-19T08:00"),  # time only, passed: tomorrow
        ("Release at midnight", "2026-11-19T00:00"),
        ("Deploy Friday midnight", "2026-11-21T00:00"),
        ("Fireworks Dec 31 at midnight", "2027-01-01T00:00"),
    ],
)
def test_today_counts_unless_the_time_has_passed(text: str, expected: str) -> None:
    assert wall(read_text(text)) == expected


def test_a_message_without_a_date_has_no_start() -> None:
    draft = read_text("lunch with Adele")
    assert draft.start is None
    assert draft.end is None
    assert not draft.all_day
