"""DST: times in a gap or a fold are resolved deterministically and flagged, never silently."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.nlp.conftest import read_text


def test_a_time_in_the_spring_gap_moves_forward_and_is_flagged() -> None:
    draft = read_text("Backup 2:30am Mar 8", now="2026-03-01T09:00", tz="America/New_York")
    assert isinstance(draft.start, datetime)
    assert draft.start.isoformat() == "2026-03-08T03:30:00-04:00"
    assert draft.flags == ("nonexistent_time",)


def test_a_time_in_the_autumn_fold_takes_the_first_instant_and_is_flagged() -> None:
    draft = read_text("Backup 1:30am Nov 1", now="2026-10-20T09:00", tz="America/New_York")
    assert isinstance(draft.start, datetime)
    assert draft.start.isoformat() == "2026-11-01T01:30:00-04:00"
    assert draft.flags == ("ambiguous_time",)


def test_ordinary_times_carry_no_flag() -> None:
    assert read_text("Backup 3am Nov 1", now="2026-10-20T09:00").flags == ()


def test_relative_times_are_elapsed_across_the_change() -> None:
    draft = read_text("Check in 3 hours", now="2026-11-01T00:30", tz="America/New_York")
    assert isinstance(draft.start, datetime)
    assert draft.start - datetime.fromisoformat("2026-11-01T00:30-04:00") == timedelta(hours=3)
    assert draft.start.isoformat() == "2026-11-01T02:30:00-05:00"


# Ranges and other readings: each wall-clock value is checked, and flagged on its own.
RANGE_CASES = [
    # text, writer's now, start, end, flags
    ("Backup 1am-2:30am Mar 8", "2026-03-01T09:00", "2026-03-08T01:00:00-05:00",
     "2026-03-08T03:30:00-04:00", ("nonexistent_end",)),
    ("Backup 12:30am-1:30am Nov 1", "2026-10-20T09:00", "2026-11-01T00:30:00-04:00",
     "2026-11-01T01:30:00-04:00", ("ambiguous_end",)),
    ("Backup Nov 1 1:30am to 1:45am", "2026-10-20T09:00", "2026-11-01T01:30:00-04:00",
     "2026-11-01T01:45:00-04:00", ("ambiguous_time", "ambiguous_end")),
    ("Backup 2:15am-2:45am Mar 8", "2026-03-01T09:00", "2026-03-08T03:15:00-04:00",
     "2026-03-08T03:45:00-04:00", ("nonexistent_time", "nonexistent_end")),
    ("Backup every Sunday 1am-2:30am", "2026-03-02T09:00", "2026-03-08T01:00:00-05:00",
     "2026-03-08T03:30:00-04:00", ("nonexistent_end",)),
    ("Backup 1am-3am Mar 8", "2026-03-01T09:00", "2026-03-08T01:00:00-05:00",
     "2026-03-08T03:00:00-04:00", ()),
]


@pytest.mark.parametrize(("text", "now", "start", "end", "flags"), RANGE_CASES)
def test_range_ends_in_a_gap_or_fold_are_flagged(text: str, now: str, start: str, end: str,
                                                 flags: tuple[str, ...]) -> None:
    draft = read_text(text, now=now, tz="America/New_York")
    assert isinstance(draft.start, datetime)
    assert isinstance(draft.end, datetime)
    assert (draft.start.isoformat(), draft.end.isoformat(), draft.flags) == (start, end, flags)


def test_another_reading_in_a_gap_is_flagged_as_the_alternative() -> None:
    # Said on Saturday Feb 28: "next Sunday" is Mar 1, or Sunday of next week, Mar 8.
    draft = read_text("Backup next Sunday 2:30am", now="2026-02-28T09:00", tz="America/New_York")
    assert isinstance(draft.start, datetime)
    assert draft.start.isoformat() == "2026-03-01T02:30:00-05:00"
    assert [a.isoformat() for a in draft.alternatives] == ["2026-03-08T03:30:00-04:00"]
    assert draft.flags == ("nonexistent_alternative",)
