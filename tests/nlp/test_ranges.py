"""Ranges and lengths: time ranges, durations in elapsed time, multi-day all-day events."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import read_text, wall, wall_end

RANGES = [
    ("Party Friday 6-10pm", "2026-11-20T18:00", "2026-11-20T22:00"),
    ("Party Friday 3-4pm", "2026-11-20T15:00", "2026-11-20T16:00"),
    ("Party Friday 10am-11:30am", "2026-11-20T10:00", "2026-11-20T11:30"),
    ("Party Friday from 2 to 5", "2026-11-20T14:00", "2026-11-20T17:00"),
    ("Party Friday 10am to noon", "2026-11-20T10:00", "2026-11-20T12:00"),
    ("Party Friday noon-1:30", "2026-11-20T12:00", "2026-11-20T13:30"),
    ("Party Friday 9:30-10", "2026-11-20T09:30", "2026-11-20T10:00"),
    ("Party Friday 9-5", "2026-11-20T09:00", "2026-11-20T17:00"),
    ("Party Friday 11:30-1pm", "2026-11-20T11:30", "2026-11-20T13:00"),
    ("Party Friday 10am-2", "2026-11-20T10:00", "2026-11-20T14:00"),
    ("Party Friday 10pm-3am", "2026-11-20T22:00", "2026-11-21T03:00"),
    ("Party Friday 11pm to 3am", "2026-11-20T23:00", "2026-11-21T03:00"),
    ("Party Friday from 1pm until 4pm", "2026-11-20T13:00", "2026-11-20T16:00"),
    ("Party Friday 1pm till 4pm", "2026-11-20T13:00", "2026-11-20T16:00"),
    ("Party Friday 1pm thru 4pm", "2026-11-20T13:00", "2026-11-20T16:00"),
    ("Party Friday 14:00-15:30", "2026-11-20T14:00", "2026-11-20T15:30"),
    ("Party Friday 2pm for 45 min", "2026-11-20T14:00", "2026-11-20T14:45"),
    ("Party Friday 2pm for an hour", "2026-11-20T14:00", "2026-11-20T15:00"),
    ("Party Friday 2pm for 1.5 hours", "2026-11-20T14:00", "2026-11-20T15:30"),
    ("Party Friday 2pm (30m)", "2026-11-20T14:00", "2026-11-20T14:30"),
    ("2h Party Friday 2pm", "2026-11-20T14:00", "2026-11-20T16:00"),
    ("Party Monday 9am to Wednesday 5pm", "2026-11-23T09:00", "2026-11-25T17:00"),
    ("Party Dec 3-5", "2026-12-03", "2026-12-06"),
    ("Party Dec 31 - Jan 2", "2026-12-31", "2027-01-03"),
    ("Party April 8 to April 10", "2027-04-08", "2027-04-11"),
    ("Party Monday to Wednesday", "2026-11-23", "2026-11-26"),
    ("Party from Monday to Wednesday", "2026-11-23", "2026-11-26"),
    ("Party Wed-Fri", "2026-11-18", "2026-11-21"),
    ("Party Monday thru Wednesday", "2026-11-23", "2026-11-26"),
    ("Party Dec 21 through Jan 4", "2026-12-21", "2027-01-05"),
    ("Party Nov 30-Dec 2", "2026-11-30", "2026-12-03"),
    ("Party 12/24-12/26", "2026-12-24", "2026-12-27"),
    ("Party 10-11", "2026-11-18T10:00", "2026-11-18T11:00"),
    ("Party 1-2", "2026-11-18T13:00", "2026-11-18T14:00"),
    ("Party 12-1 tomorrow", "2026-11-19T12:00", "2026-11-19T13:00"),
    ("Quick 15 min Party tomorrow 10am", "2026-11-19T10:00", "2026-11-19T10:15"),
    ("30-minute Party Friday 2pm", "2026-11-20T14:00", "2026-11-20T14:30"),
]


@pytest.mark.parametrize(("text", "start", "end"), RANGES)
def test_ranges(text: str, start: str, end: str) -> None:
    draft = read_text(text)
    assert (wall(draft), wall_end(draft)) == (start, end)
    assert draft.title in ("Party", "Quick Party")


def test_a_score_is_not_a_range() -> None:
    draft = read_text("Score 3-2 recap")
    assert draft.start is None
    assert draft.title == "Score 3-2 recap"


def test_lengths_are_elapsed_time_across_dst() -> None:
    # Paris springs forward at 02:00 on 29 March 2026: three elapsed hours end at 05:00.
    draft = read_text("Maintenance Sunday 1am for 3 hours", now="2026-03-26T09:00",
                      tz="Europe/Paris")
    assert (wall(draft), wall_end(draft)) == ("2026-03-29T01:00", "2026-03-29T05:00")


def test_a_length_without_a_date_gives_no_start() -> None:
    draft = read_text("Call with Bob for 30 min")
    assert draft.start is None
    assert draft.end is None
    assert draft.title == "Call with Bob"


def test_all_day_word() -> None:
    draft = read_text("Out of office all day Friday")
    assert wall(draft) == "2026-11-20"
    assert draft.all_day
    assert draft.title == "Out of office"


MORE_RANGES = [
    ("Party Friday 2pm 1h30", "2026-11-20T14:00", "2026-11-20T15:30"),
    ("Party Friday 2pm for 1 hour 30 min", "2026-11-20T14:00", "2026-11-20T15:30"),
    ("Party Friday 2pm for 2 hours and 15 minutes", "2026-11-20T14:00", "2026-11-20T16:15"),
    ("Party Friday 0900-1000", "2026-11-20T09:00", "2026-11-20T10:00"),
    ("Party Friday at 930-1030", "2026-11-20T09:30", "2026-11-20T10:30"),
    ("Party Monday through Wednesday next week", "2026-11-23", "2026-11-26"),
    ("Party Dec 3 to Dec 5", "2026-12-03", "2026-12-06"),
    ("Party Friday 2pm for an hour and a half", "2026-11-20T14:00", "2026-11-20T15:30"),
    ("Party Friday 2pm for 2 and a half hours", "2026-11-20T14:00", "2026-11-20T16:30"),
    ("Two hour Party Friday at 1", "2026-11-20T13:00", "2026-11-20T15:00"),
    ("A three-hour Party Friday at 1", "2026-11-20T13:00", "2026-11-20T16:00"),
    ("Half an hour Party Friday 3pm", "2026-11-20T15:00", "2026-11-20T15:30"),
]


@pytest.mark.parametrize(("text", "start", "end"), MORE_RANGES)
def test_more_ranges(text: str, start: str, end: str) -> None:
    draft = read_text(text)
    assert (wall(draft), wall_end(draft), draft.title) == (start, end, "Party")


@pytest.mark.parametrize(("text", "start", "end"), [
    ("화상 회의 내일 오후 4시부터 1시간 반", "2026-11-19T16:00", "2026-11-19T17:30"),
    ("화상 회의 내일 오후 4시 1시간반", "2026-11-19T16:00", "2026-11-19T17:30"),
])
def test_a_half_after_the_unit_in_korean(text: str, start: str, end: str) -> None:
    draft = read_text(text, locale="ko")
    assert (wall(draft), wall_end(draft), draft.title) == (start, end, "화상 회의")


def test_a_week_named_on_the_last_day_holds_for_the_first() -> None:
    # Said on a Monday: "Monday" alone would be today, but the range is next week's.
    draft = read_text("Party Monday to Wednesday next week", now="2026-11-23T08:00")
    assert (wall(draft), wall_end(draft)) == ("2026-11-30", "2026-12-03")


@pytest.mark.parametrize(
    ("text", "start", "end", "rule"),
    [
        ("Planning quarterly on Jan 12-14", "2027-01-12", "2027-01-15",
         "RRULE:FREQ=MONTHLY;INTERVAL=3"),
        ("Offsite every year Dec 3-5", "2026-12-03", "2026-12-06",
         "RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=3"),
    ],
)
def test_a_repeating_range_keeps_its_end(text: str, start: str, end: str, rule: str) -> None:
    draft = read_text(text)
    assert (wall(draft), wall_end(draft), draft.recurrence) == (start, end, (rule,))
