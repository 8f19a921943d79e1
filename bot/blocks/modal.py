"""The Edit modal: every field of a draft, prefilled; block ids are the field names."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from bot import ids
from bot.blocks.summary import reminder_words, repeat_words
from bot.blocks.text import OPTION_TEXT, plain, shorten
from nlp.draft import EventDraft

Block = dict[str, Any]
KEEP_REPEAT = "keep"
# Repeat choices: (value, words, RRULE); "keep" stands for a rule the list cannot express.
REPEATS: tuple[tuple[str, str, str | None], ...] = (
    ("none", "Does not repeat", None),
    ("daily", "Every day", "RRULE:FREQ=DAILY"),
    ("weekdays", "Every weekday", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
    ("weekly", "Every week", "RRULE:FREQ=WEEKLY"),
    ("biweekly", "Every other week", "RRULE:FREQ=WEEKLY;INTERVAL=2"),
    ("monthly", "Every month", "RRULE:FREQ=MONTHLY"),
    ("yearly", "Every year", "RRULE:FREQ=YEARLY"),
)
REMINDERS: tuple[int, ...] = (0, 5, 10, 15, 30, 60, 120, 1440)
DEFAULT_REMINDER = "default"
TITLE_MAX = 255
LOCATION_MAX = 500
EMAILS_MAX = 2000


def edit_modal(
    draft: EventDraft,
    *,
    draft_id: str,
    members: Sequence[str],
    emails: Sequence[str],
    calendars: Sequence[tuple[str, str]],
    calendar: str,
    default_minutes: int = 60,
) -> dict[str, Any]:
    """The modal view for `views.open`; `members` are Slack ids, `emails` the other invitees."""
    start, end = draft.start, draft.end_or_default(timedelta(minutes=default_minutes))
    blocks: list[Block] = [
        _input(ids.FIELD_TITLE, "Title", _text_input(draft.title, max_length=None)),
        _input(ids.FIELD_START_DATE, "Starts", _date_input(start)),
        _input(
            ids.FIELD_START_TIME,
            "Start time",
            _time_input(start),
            optional=True,
            hint=f"Times are in {draft.timezone}. No start time: an all-day event.",
        ),
        _input(
            ids.FIELD_END_DATE,
            "Ends",
            _date_input(_last_day(end, all_day=draft.all_day)),
            optional=True,
        ),
        _input(ids.FIELD_END_TIME, "End time", _time_input(end), optional=True),
        _input(
            ids.FIELD_ALL_DAY, "All day", _checkbox("All-day event", draft.all_day), optional=True
        ),
        _input(ids.FIELD_LOCATION, "Where", _text_input(draft.location or ""), optional=True),
        _input(ids.FIELD_MEMBERS, "Invite members", _members_input(members), optional=True),
        _input(
            ids.FIELD_EMAILS,
            "Invite by email",
            _text_input(", ".join(emails), placeholder="ana@example.com, ben@example.org"),
            optional=True,
            hint="Separate addresses with commas.",
        ),
        _input(ids.FIELD_REPEAT, "Repeats", _repeat_input(draft), optional=True),
        _input(
            ids.FIELD_REMINDER, "Reminder", _reminder_input(draft.reminder_minutes), optional=True
        ),
        _input(
            ids.FIELD_VIDEO,
            "Video meeting",
            _checkbox("Add a video meeting link", draft.online_meeting),
            optional=True,
        ),
    ]
    if calendars:
        blocks.append(_input(ids.FIELD_CALENDAR, "Calendar", _calendar_input(calendars, calendar)))
    return {
        "type": "modal",
        "callback_id": ids.EDIT_MODAL,
        "private_metadata": draft_id,
        "title": plain("Edit event", 24),
        "submit": plain("Save", 24),
        "close": plain("Cancel", 24),
        "blocks": blocks,
    }


def _input(
    block_id: str, label: str, element: Block, *, optional: bool = False, hint: str | None = None
) -> Block:
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "label": plain(label, 2000),
        "element": {**element, "action_id": block_id + ids.INPUT},
        "optional": optional,
    }
    if hint:
        block["hint"] = plain(hint, 2000)
    return block


def _text_input(
    value: str, *, max_length: int | None = None, placeholder: str | None = None
) -> Block:
    element: Block = {"type": "plain_text_input"}
    if value:
        element["initial_value"] = shorten(value, 3000)
    if max_length:
        element["max_length"] = max_length
    if placeholder:
        element["placeholder"] = plain(placeholder, 150)
    return element


def _date_input(value: date | datetime | None) -> Block:
    element: Block = {"type": "datepicker"}
    if value is not None:
        day = value.date() if isinstance(value, datetime) else value
        element["initial_date"] = day.isoformat()
    return element


def _time_input(value: date | datetime | None) -> Block:
    element: Block = {"type": "timepicker"}
    if isinstance(value, datetime):
        element["initial_time"] = f"{value:%H:%M}"
    return element


def _last_day(end: date | datetime | None, *, all_day: bool) -> date | datetime | None:
    # All-day ends are exclusive in calendars; people think of the last day.
    if all_day and isinstance(end, date) and not isinstance(end, datetime):
        return end - timedelta(days=1)
    return end


def _checkbox(text: str, checked: bool) -> Block:
    option = {"text": plain(text, OPTION_TEXT), "value": "yes"}
    element: Block = {"type": "checkboxes", "options": [option]}
    if checked:
        element["initial_options"] = [option]
    return element


def _members_input(members: Sequence[str]) -> Block:
    element: Block = {"type": "multi_users_select", "placeholder": plain("Choose people", 150)}
    if members:
        element["initial_users"] = list(members)
    return element


def _sentence(words: str) -> str:
    return words[:1].upper() + words[1:]


def _option(value: str, text: str) -> Block:
    return {"text": plain(shorten(text, OPTION_TEXT), OPTION_TEXT), "value": value}


def _repeat_input(draft: EventDraft) -> Block:
    options = [_option(value, words) for value, words, _ in REPEATS]
    current = next((v for v, _, rule in REPEATS if rule and draft.recurrence == (rule,)), None)
    if draft.recurrence and current is None:
        start = draft.start.date() if isinstance(draft.start, datetime) else draft.start
        words = repeat_words(draft.recurrence, start=start, zone=draft.timezone) or "As parsed"
        options.insert(1, _option(KEEP_REPEAT, _sentence(words)))
        current = KEEP_REPEAT
    chosen = current or "none"
    return {
        "type": "static_select",
        "options": options,
        "initial_option": next(o for o in options if o["value"] == chosen),
    }


def _reminder_input(minutes: int | None) -> Block:
    values = sorted({*REMINDERS, *([minutes] if minutes is not None else [])})
    options = [_option(DEFAULT_REMINDER, "Calendar's default")]
    options += [_option(str(m), _sentence(reminder_words(m) or "")) for m in values]
    chosen = DEFAULT_REMINDER if minutes is None else str(minutes)
    return {
        "type": "static_select",
        "options": options,
        "initial_option": next(o for o in options if o["value"] == chosen),
    }


def _calendar_input(calendars: Sequence[tuple[str, str]], calendar: str) -> Block:
    options = [_option(name, label) for name, label in calendars]
    initial = next((o for o in options if o["value"] == calendar), options[0])
    return {"type": "static_select", "options": options, "initial_option": initial}
