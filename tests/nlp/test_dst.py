"""DST: times in a gap or a fold are resolved deterministically and flagged, never silently."""

from __future__ import annotations

from datetime import datetime, timedelta

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
