"""The pieces of a draft that every provider mapping reads the same way.

Span (start and end, with the default length applied), the attendees who have an
email address, and the description, which keeps the people named without one so
nothing the person typed is lost.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from nlp.draft import EventDraft, When
from providers.errors import Unsupported
from providers.recurrence import recurrence_lines

DEFAULT_LENGTH = timedelta(hours=1)
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


def span(draft: EventDraft, *, default_length: timedelta = DEFAULT_LENGTH) -> tuple[When, When]:
    """Start and (exclusive) end; a timed draft without an end lasts `default_length`."""
    end = draft.end_or_default(default_length)
    if draft.start is None or end is None:
        raise Unsupported("the event has no date yet", fields=("start",))
    return draft.start, end


def emails(draft: EventDraft) -> list[str]:
    """Attendees' email addresses, each once, in the order given."""
    found: list[str] = []
    for person in draft.attendees:
        address = person.value.strip().removeprefix("mailto:")
        if (person.kind == "email" or _EMAIL.match(address)) and address.lower() not in {
            f.lower() for f in found
        }:
            found.append(address)
    return found


def unreachable(draft: EventDraft) -> list[str]:
    """People named without an email address (names, Slack mentions)."""
    return [
        f"<@{p.value}>" if p.kind == "slack" else p.value
        for p in draft.attendees
        if p.kind != "email" and not _EMAIL.match(p.value.strip())
    ]


def description(draft: EventDraft) -> str:
    """The draft's description, plus a line naming people who could not be invited."""
    lines = [draft.description.strip()] if draft.description.strip() else []
    names = unreachable(draft)
    if names:
        lines.append("With: " + ", ".join(names))
    return "\n\n".join(lines)


def ical_fields(draft: EventDraft) -> dict[str, Any]:
    """`description`, `location` and `recurrence` as RFC 5545 names them, when present.

    Google Calendar and LINE WORKS both take these three under these names, as is.
    """
    fields: dict[str, Any] = {}
    text = description(draft)
    if text:
        fields["description"] = text
    if draft.location:
        fields["location"] = draft.location
    lines = recurrence_lines(draft)
    if lines:
        fields["recurrence"] = lines
    return fields


def local_time(moment: datetime) -> str:
    """Wall-clock time without offset, `YYYY-MM-DDTHH:MM:SS` (Graph, LINE WORKS)."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S")
