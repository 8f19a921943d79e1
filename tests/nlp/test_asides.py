"""Asides: a change of plan keeps the new value; meeting nouns and vague times read no time."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import read_text, wall

# text, title, start (now: Wednesday 18 November 2026, 09:00 New York)
CHANGES = [
    ("standup on monday moved from 9:30 to 10:15", "Standup", "2026-11-23T10:15"),
    ("the all-hands got moved from Thursday to Friday 9am", "The all-hands", "2026-11-20T09:00"),
    ("review was pushed from 2pm to 4pm tomorrow", "Review", "2026-11-19T16:00"),
    ("can we do the 1:1 at 5 instead of 4 on monday?", "The 1:1", "2026-11-23T17:00"),
    ("demo wed 3pm instead of tue", "Demo", "2026-11-18T15:00"),
    ("lunch thu at 1pm rather than 12", "Lunch", "2026-11-19T13:00"),
    ("could we do the walkthrough tomorrow at 4:30 instead?", "The walkthrough",
     "2026-11-19T16:30"),
]


@pytest.mark.parametrize(("text", "title", "start"), CHANGES)
def test_a_change_of_plan_keeps_the_new_value(text: str, title: str, start: str) -> None:
    draft = read_text(text)
    assert (draft.title, wall(draft)) == (title, start)


def test_a_plain_range_is_no_change() -> None:
    draft = read_text("workshop friday from 9:30 to 10:15")
    assert (wall(draft), draft.end is not None) == ("2026-11-20T09:30", True)
