"""A draft's recurrence as RFC 5545 lines every provider can send, checked with dateutil.

Drafts may carry `FREQ=...` with or without the `RRULE:` prefix and a floating
local UNTIL (the parser's "until Dec 15" is 20261215T235959 in the event's zone).
Providers need UNTIL in UTC for timed events and as a DATE for all-day ones
(RFC 5545 3.3.10), so each line is rewritten that way and parsed once by dateutil.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from dateutil.rrule import rrulestr

from nlp.draft import EventDraft
from providers.errors import Unsupported


def rule_parts(line: str) -> dict[str, str]:
    """`RRULE:FREQ=WEEKLY;BYDAY=MO` -> {"FREQ": "WEEKLY", "BYDAY": "MO"} (keys upper-cased)."""
    value = line.split(":", 1)[1] if line.upper().startswith("RRULE:") else line
    parts: dict[str, str] = {}
    for item in filter(None, value.strip().split(";")):
        key, _, part = item.partition("=")
        parts[key.strip().upper()] = part.strip().upper()
    return parts


def recurrence_lines(draft: EventDraft) -> list[str]:
    """The draft's rules as `RRULE:` lines with a provider-ready UNTIL; other lines kept."""
    lines: list[str] = []
    for raw in draft.recurrence:
        head = raw.split(":", 1)[0].split(";", 1)[0].upper()
        if head in ("EXDATE", "RDATE", "EXRULE"):
            lines.append(raw)
            continue
        parts = rule_parts(raw)
        if "UNTIL" in parts:
            parts["UNTIL"] = _until(parts["UNTIL"], draft)
        line = "RRULE:" + ";".join(f"{k}={v}" for k, v in parts.items())
        _check(line, draft)
        lines.append(line)
    return lines


def rules(draft: EventDraft) -> list[dict[str, str]]:
    """The parts of each RRULE line of the draft, normalised (see `recurrence_lines`)."""
    return [rule_parts(line) for line in recurrence_lines(draft) if line.startswith("RRULE:")]


def _until(value: str, draft: EventDraft) -> str:
    moment = _read_until(value, draft)
    if draft.all_day:
        day = moment.astimezone(draft.zone).date() if isinstance(moment, datetime) else moment
        return day.strftime("%Y%m%d")
    if not isinstance(moment, datetime):
        # A bare date on a timed rule covers the whole named day.
        moment = datetime.combine(moment, time(23, 59, 59), tzinfo=draft.zone)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _read_until(value: str, draft: EventDraft) -> datetime | date:
    try:
        if "T" not in value:
            return datetime.strptime(value, "%Y%m%d").date()
        if value.endswith("Z"):
            return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        return datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=draft.zone)
    except ValueError:
        raise Unsupported(
            f"the repeat rule's end date {value!r} cannot be read", fields=("recurrence",)
        ) from None


def _check(line: str, draft: EventDraft) -> None:
    start = draft.start
    if start is None:
        raise Unsupported("a repeating event needs a start", fields=("recurrence",))
    first = start if isinstance(start, datetime) else datetime.combine(start, time())
    try:
        rule = rrulestr(line, dtstart=first if first.tzinfo else first.replace(tzinfo=None))
        rule.after(first, inc=True)
    except (ValueError, TypeError) as exc:
        raise Unsupported(
            f"the repeat rule cannot be read ({exc})", fields=("recurrence",)
        ) from None
