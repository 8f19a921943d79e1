"""Shared helpers for the parser tests: one call reads a phrase at a fixed writer's now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from nlp.draft import EventDraft
from nlp.parse import parse

# Wednesday 18 November 2026, 09:00 in New York: the dev corpus's most common now.
NOW = "2026-11-18T09:00"
TZ = "America/New_York"

Read = Callable[..., EventDraft]


def read_text(text: str, now: str = NOW, tz: str = TZ, locale: str = "en") -> EventDraft:
    return parse(text, now=datetime.fromisoformat(now), tz=tz, locale=locale)


def wall(draft: EventDraft) -> str | None:
    """The start as naive wall-clock ISO text in the event's zone (or a date)."""
    if draft.start is None:
        return None
    if isinstance(draft.start, datetime):
        return draft.start.replace(tzinfo=None).isoformat(timespec="minutes")
    return draft.start.isoformat()


def wall_end(draft: EventDraft) -> str | None:
    if draft.end is None:
        return None
    if isinstance(draft.end, datetime):
        return draft.end.replace(tzinfo=None).isoformat(timespec="minutes")
    return draft.end.isoformat()


@pytest.fixture
def read() -> Read:
    return read_text
