"""Reading the Edit modal: every field, and every way input can be wrong, as field errors."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot import ids
from bot.editing import read_edit
from bot.errors import InvalidEdit
from nlp.draft import Attendee, EventDraft

NY = ZoneInfo("America/New_York")
DRAFT = EventDraft(
    title="Lunch",
    start=datetime(2026, 11, 20, 12, tzinfo=NY),
    timezone="America/New_York",
    attendees=(Attendee(kind="name", value="Sam"),),
    recurrence=("RRULE:FREQ=MONTHLY;BYDAY=2TU",),
)


def form(**fields: Any) -> dict[str, dict[str, Any]]:
    base: dict[str, Any] = {
        ids.FIELD_TITLE: {"value": "Lunch"},
        ids.FIELD_START_DATE: {"selected_date": "2026-11-20"},
        ids.FIELD_START_TIME: {"selected_time": "12:00"},
        ids.FIELD_END_DATE: {"selected_date": None},
        ids.FIELD_END_TIME: {"selected_time": "13:00"},
        ids.FIELD_ALL_DAY: {"selected_options": []},
        ids.FIELD_LOCATION: {"value": None},
        ids.FIELD_MEMBERS: {"selected_users": []},
        ids.FIELD_EMAILS: {"value": None},
        ids.FIELD_REPEAT: {"selected_option": {"value": "keep"}},
        ids.FIELD_REMINDER: {"selected_option": {"value": "default"}},
        ids.FIELD_VIDEO: {"selected_options": []},
        ids.FIELD_CALENDAR: {"selected_option": {"value": "local"}},
    }
    base |= fields
    return {block: {block + ids.INPUT: value} for block, value in base.items()}


def test_unchanged_form_keeps_the_draft() -> None:
    edited = read_edit(form(), draft=DRAFT)
    assert edited.draft.title == "Lunch"
    assert edited.draft.end == datetime(2026, 11, 20, 13, tzinfo=NY)
    assert edited.draft.recurrence == DRAFT.recurrence  # "keep" a rule the list cannot show
    assert edited.draft.attendees == DRAFT.attendees  # names the card still asks about
    assert edited.calendar == "local"


def test_every_field_is_read() -> None:
    edited = read_edit(
        form(
            title={"value": "  Team   lunch "},
            location={"value": "Bistro"},
            members={"selected_users": ["U1"]},
            emails={"value": "a@example.com; b@example.org"},
            repeat={"selected_option": {"value": "weekdays"}},
            reminder={"selected_option": {"value": "15"}},
            video={"selected_options": [{"value": "yes"}]},
            end_date={"selected_date": "2026-11-21"},
            end_time={"selected_time": "09:00"},
        ),
        draft=DRAFT,
    )
    draft = edited.draft
    assert draft.title == "Team lunch"
    assert draft.location == "Bistro"
    assert [a.value for a in draft.attendees] == ["U1", "a@example.com", "b@example.org", "Sam"]
    assert draft.recurrence == ("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",)
    assert draft.reminder_minutes == 15
    assert draft.online_meeting is True
    assert draft.end == datetime(2026, 11, 21, 9, tzinfo=NY)


def test_all_day_and_no_start_time_mean_whole_days() -> None:
    edited = read_edit(
        form(
            all_day={"selected_options": [{"value": "yes"}]},
            end_date={"selected_date": "2026-11-22"},
        ),
        draft=DRAFT,
    )
    assert (edited.draft.start, edited.draft.end) == (date(2026, 11, 20), date(2026, 11, 23))
    untimed = read_edit(form(start_time={"selected_time": None}), draft=DRAFT)
    assert untimed.draft.all_day is True


WRONG = [
    ({ids.FIELD_TITLE: {"value": "   "}}, ids.FIELD_TITLE, "Give the event a title."),
    ({ids.FIELD_TITLE: {"value": "x" * 256}}, ids.FIELD_TITLE, "Keep the title under 255"),
    ({ids.FIELD_START_DATE: {"selected_date": None}}, ids.FIELD_START_DATE, "Pick the day"),
    ({ids.FIELD_END_TIME: {"selected_time": "11:00"}}, ids.FIELD_END_TIME, "The end must be after"),
    ({ids.FIELD_END_TIME: {"selected_time": "12:00"}}, ids.FIELD_END_TIME, "The end must be after"),
    (
        {ids.FIELD_END_DATE: {"selected_date": "2026-11-19"}},
        ids.FIELD_END_DATE,
        "The end must be after",
    ),
    ({ids.FIELD_EMAILS: {"value": "a@example.com, nope"}}, ids.FIELD_EMAILS, "“nope” is not an"),
    ({ids.FIELD_LOCATION: {"value": "x" * 501}}, ids.FIELD_LOCATION, "Keep the place under"),
]


@pytest.mark.parametrize(("fields", "block", "words"), WRONG)
def test_bad_input_is_a_field_error(fields: dict[str, Any], block: str, words: str) -> None:
    with pytest.raises(InvalidEdit) as caught:
        read_edit(form(**fields), draft=DRAFT)
    assert block in caught.value.fields
    assert caught.value.fields[block].startswith(words)


def test_all_errors_come_at_once() -> None:
    with pytest.raises(InvalidEdit) as caught:
        read_edit(
            form(title={"value": ""}, emails={"value": "bad"}, start_date={"selected_date": None}),
            draft=DRAFT,
        )
    assert set(caught.value.fields) == {ids.FIELD_TITLE, ids.FIELD_EMAILS, ids.FIELD_START_DATE}
