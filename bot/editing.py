"""The Edit modal's values -> a new draft, or field errors Slack shows next to each input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from pydantic import ValidationError

from bot import ids
from bot.blocks.modal import (
    DEFAULT_REMINDER,
    EMAILS_MAX,
    KEEP_REPEAT,
    LOCATION_MAX,
    REPEATS,
    TITLE_MAX,
)
from bot.errors import InvalidEdit
from nlp.draft import Attendee, EventDraft

EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")


@dataclass(frozen=True)
class Edited:
    """The edited draft (members as Slack ids, to be resolved) and the chosen calendar."""

    draft: EventDraft
    calendar: str | None


def read_edit(values: dict[str, dict[str, Any]], *, draft: EventDraft) -> Edited:
    """Read `view.state.values`; raise `InvalidEdit` with every field's problem at once."""
    form = _Form(values)
    errors: dict[str, str] = {}
    title = " ".join((form.text(ids.FIELD_TITLE) or "").split())
    if not title:
        errors[ids.FIELD_TITLE] = "Give the event a title."
    elif len(title) > TITLE_MAX:
        errors[ids.FIELD_TITLE] = f"Keep the title under {TITLE_MAX} characters ({len(title)} now)."
    location = (form.text(ids.FIELD_LOCATION) or "").strip()
    if len(location) > LOCATION_MAX:
        errors[ids.FIELD_LOCATION] = f"Keep the place under {LOCATION_MAX} characters."
    emails = _emails(form.text(ids.FIELD_EMAILS) or "", errors)
    start, end, all_day = _span(form, draft, errors)
    if errors:
        raise InvalidEdit(errors)
    attendees = [Attendee(kind="slack", value=u) for u in form.users(ids.FIELD_MEMBERS)]
    attendees += [Attendee(kind="email", value=e) for e in emails]
    # Names the card still asks about survive an edit; the modal cannot show them.
    attendees += [a for a in draft.attendees if a.kind == "name"]
    repeat = form.option(ids.FIELD_REPEAT)
    recurrence = draft.recurrence if repeat == KEEP_REPEAT else _rule(repeat)
    reminder = form.option(ids.FIELD_REMINDER)
    fields = {
        **{name: getattr(draft, name) for name in EventDraft.model_fields},
        "title": title,
        "start": start,
        "end": end,
        "all_day": all_day,
        "location": location or None,
        "attendees": tuple(dict.fromkeys(attendees)),
        "recurrence": recurrence if start is not None else (),
        "reminder_minutes": None if reminder in (None, DEFAULT_REMINDER) else int(reminder),
        "online_meeting": form.checked(ids.FIELD_VIDEO),
        "alternatives": (),
        "flags": (),
    }
    try:
        edited = EventDraft.model_validate(fields)
    except ValidationError as exc:
        raise InvalidEdit({ids.FIELD_END_DATE: _first_message(exc)}) from exc
    return Edited(edited, form.option(ids.FIELD_CALENDAR))


def _span(
    form: _Form, draft: EventDraft, errors: dict[str, str]
) -> tuple[date | datetime | None, date | datetime | None, bool]:
    start_day = form.day(ids.FIELD_START_DATE)
    if start_day is None:
        errors[ids.FIELD_START_DATE] = "Pick the day it starts."
        return None, None, False
    start_time, end_time = form.clock(ids.FIELD_START_TIME), form.clock(ids.FIELD_END_TIME)
    end_day = form.day(ids.FIELD_END_DATE)
    # No start time means a day-long event, as in every calendar's own form.
    if form.checked(ids.FIELD_ALL_DAY) or start_time is None:
        last = end_day or start_day
        if last < start_day:
            errors[ids.FIELD_END_DATE] = "The end must not be before the start."
            return None, None, True
        return start_day, last + timedelta(days=1), True
    start = datetime.combine(start_day, start_time, tzinfo=draft.zone)
    if end_time is None and end_day is None:
        return start, None, False
    end_clock = end_time or start_time
    end = datetime.combine(end_day or start_day, end_clock, tzinfo=draft.zone)
    if end <= start:
        field = ids.FIELD_END_TIME if end_day in (None, start_day) else ids.FIELD_END_DATE
        errors[field] = "The end must be after the start."
    return start, end, False


def _emails(text: str, errors: dict[str, str]) -> list[str]:
    if len(text) > EMAILS_MAX:
        errors[ids.FIELD_EMAILS] = f"Keep this under {EMAILS_MAX} characters."
        return []
    found = [part.strip() for part in re.split(r"[,;\s]+", text) if part.strip()]
    wrong = [part for part in found if not EMAIL.match(part)]
    if wrong:
        errors[ids.FIELD_EMAILS] = f"“{wrong[0][:80]}” is not an email address."
    return found


def _rule(choice: str | None) -> tuple[str, ...]:
    rule = next((r for value, _, r in REPEATS if value == choice), None)
    return (rule,) if rule else ()


def _first_message(exc: ValidationError) -> str:
    return str(exc.errors()[0].get("msg", "This is not a valid event."))[:200]


class _Form:
    """Typed reads of Slack's `state.values` (block id -> action id -> element state)."""

    def __init__(self, values: dict[str, dict[str, Any]]) -> None:
        self._values = values

    def _element(self, block_id: str) -> dict[str, Any]:
        block = self._values.get(block_id) or {}
        found = block.get(block_id + ids.INPUT) or {}
        return found if isinstance(found, dict) else {}

    def text(self, block_id: str) -> str | None:
        value = self._element(block_id).get("value")
        return value if isinstance(value, str) else None

    def day(self, block_id: str) -> date | None:
        value = self._element(block_id).get("selected_date")
        return date.fromisoformat(value) if isinstance(value, str) and value else None

    def clock(self, block_id: str) -> time | None:
        value = self._element(block_id).get("selected_time")
        return time.fromisoformat(value) if isinstance(value, str) and value else None

    def checked(self, block_id: str) -> bool:
        return bool(self._element(block_id).get("selected_options"))

    def users(self, block_id: str) -> list[str]:
        return [str(u) for u in self._element(block_id).get("selected_users") or []]

    def option(self, block_id: str) -> str | None:
        chosen = self._element(block_id).get("selected_option") or {}
        value = chosen.get("value") if isinstance(chosen, dict) else None
        return str(value) if value is not None else None
