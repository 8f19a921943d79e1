"""Context days: a clause saying who or what is away gives no date when another names one."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import read_text, wall, wall_end

# text, title, start (now: Wednesday 18 November 2026, 09:00 New York)
CONTEXT = [
    ("Morning! Since Kwame is out Thursday, let's move the vendor sync to Friday at 11",
     "The vendor sync", "2026-11-20T11:00"),
    ("office is closed tomorrow, and Monday at 9 we do the kickoff", "The kickoff",
     "2026-11-23T09:00"),
    ("so sorry, I'm double-booked this afternoon — could we do the walkthrough tomorrow at 4:30",
     "The walkthrough", "2026-11-19T16:30"),
    ("Ana is on vacation Monday; review Tuesday 10am", "Review", "2026-11-24T10:00"),
    ("I can't make Thursday, sync Friday 2pm?", "Sync", "2026-11-20T14:00"),
]


@pytest.mark.parametrize(("text", "title", "start"), CONTEXT)
def test_the_event_day_is_not_the_absence_day(text: str, title: str, start: str) -> None:
    draft = read_text(text)
    assert (draft.title, wall(draft)) == (title, start)


@pytest.mark.parametrize(("text", "start"), [
    ("Adele is out Friday", "2026-11-20"),  # the only day: the event is the absence itself
    ("OOO Monday", "2026-11-23"),
    ("closed tomorrow, open Friday", "2026-11-19"),  # no absence words: the first day
])
def test_a_lone_absence_keeps_its_day(text: str, start: str) -> None:
    assert wall(read_text(text)) == start


@pytest.mark.parametrize("text", ["Dec 24 - Jan 2 out of office", "out of office Dec 24 - Jan 2",
                                  "Dec 24 - Jan 2: out of office"])
def test_a_dash_between_two_days_is_a_range_not_a_clause(text: str) -> None:
    draft = read_text(text)
    assert (draft.title, wall(draft), wall_end(draft)) == (
        "Out of office", "2026-12-24", "2027-01-03")
