"""An RRULE as Microsoft Graph's patternedRecurrence, or Unsupported when Graph has no words for it.

Graph knows daily, weekly (days, first day of week), absolute and relative monthly
and yearly patterns, with an end date, a count or no end. RFC 5545's WKST
defaults to Monday, so `firstDayOfWeek` does too (it matters for INTERVAL=2).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from providers.errors import Unsupported

DAYS = {
    "MO": "monday", "TU": "tuesday", "WE": "wednesday", "TH": "thursday",
    "FR": "friday", "SA": "saturday", "SU": "sunday",
}  # fmt: skip
INDEX = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
KNOWN = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST", "BYSETPOS"}
# Parts every pattern reads (frequency, step, week start) or the range reads (end).
FRAME = {"FREQ", "INTERVAL", "WKST", "COUNT", "UNTIL"}
UNUSED = {
    "BYDAY": "on given weekdays",
    "BYMONTH": "only in some months",
    "BYMONTHDAY": "on given days of the month",
    "BYSETPOS": "at a position (BYSETPOS)",
}
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")


def _refuse(why: str) -> Unsupported:
    return Unsupported(
        f"Outlook cannot repeat an event {why}", provider="microsoft", fields=("recurrence",)
    )


def to_patterned_recurrence(
    parts: dict[str, str], *, start: date, zone: ZoneInfo, windows_zone: str
) -> dict[str, Any]:
    """`parts` of one normalised RRULE (see providers.recurrence) -> patternedRecurrence.

    Every BY-part must be consumed by the chosen pattern: one it would ignore
    (BYMONTH on a weekly rule, BYSETPOS on a daily one...) is refused, never dropped.
    """
    unknown = sorted(set(parts) - KNOWN)
    if unknown:
        raise _refuse("by " + ", ".join(unknown))
    pattern, used = _pattern(parts, start)
    left = sorted(set(parts) - used - FRAME)
    if left:
        freq = parts.get("FREQ", "").lower()
        raise _refuse(f"{freq} " + " and ".join(UNUSED[part] for part in left))
    return {
        "pattern": pattern,
        "range": _range(parts, start=start, zone=zone, windows_zone=windows_zone),
    }


def _pattern(parts: dict[str, str], start: date) -> tuple[dict[str, Any], set[str]]:
    """The pattern, and the BY-parts it expresses."""
    freq = parts.get("FREQ", "")
    interval = int(parts.get("INTERVAL", "1"))
    days = _days(parts.get("BYDAY", ""))
    first_day = DAYS.get(parts.get("WKST", "MO"), "monday")
    if freq == "MONTHLY" and "BYMONTH" in parts and interval == 1:
        freq = "YEARLY"  # every month but only in March is every year in March
    if freq == "DAILY" and not days:
        return {"type": "daily", "interval": interval}, set()
    if freq in ("DAILY", "WEEKLY"):
        if any(n is not None for n, _ in days):
            raise _refuse("on numbered weekdays within a week")
        names = [d for _, d in days] or [_weekday(start)]
        return {"type": "weekly", "interval": interval, "daysOfWeek": names,
                "firstDayOfWeek": first_day}, {"BYDAY"}  # fmt: skip
    if freq == "MONTHLY":
        return _monthly(parts, days, start, interval, yearly=False)
    if freq == "YEARLY":
        if "BYMONTH" not in parts and ({"BYDAY", "BYMONTHDAY"} & set(parts)):
            # RFC 5545: without BYMONTH these count within the whole year (BYDAY=1MO is
            # the year's first Monday) or repeat in every month: Graph has neither.
            raise _refuse("yearly by weekday or day of the month without naming the month")
        month = _single_int(parts.get("BYMONTH"), default=start.month, what="in several months")
        pattern, used = _monthly(parts, days, start, interval, yearly=True)
        return {**pattern, "month": month}, used | {"BYMONTH"}
    raise _refuse(f"{freq.lower() or 'without a frequency'}")


def _monthly(
    parts: dict[str, str], days: list[tuple[int | None, str]], start: date, interval: int,
    *, yearly: bool,
) -> tuple[dict[str, Any], set[str]]:  # fmt: skip
    kind = "Yearly" if yearly else "Monthly"
    setpos = parts.get("BYSETPOS")
    if days:
        if "BYMONTHDAY" in parts:
            raise _refuse("on weekdays that must also fall on given days of the month")
        # Graph's index picks one occurrence among the listed days, like BYSETPOS does;
        # "2TU" is the same for a single day. "1MO,3WE" (two occurrences) has no Graph form.
        ordinals = {n for n, _ in days}
        if setpos is not None:
            position = _single_int(setpos, default=0, what="at several positions")
            ordinal = position if ordinals == {None} else None
        else:
            ordinal = ordinals.pop() if len(days) == 1 else None
        if ordinal not in INDEX:
            raise _refuse("on that combination of weekdays")
        pattern = {"type": "relative" + kind, "interval": interval,
                   "daysOfWeek": [d for _, d in days], "index": INDEX[ordinal]}  # fmt: skip
        return pattern, {"BYDAY", "BYSETPOS"}
    if setpos is not None:
        raise _refuse("by position without weekdays")
    day = _single_int(parts.get("BYMONTHDAY"), default=start.day, what="on several days")
    if day == -1:
        # Outlook's "last day of the month": every day of the week, index last.
        return {"type": "relative" + kind, "interval": interval,
                "daysOfWeek": list(DAYS.values()), "index": "last"}, {"BYMONTHDAY"}  # fmt: skip
    if day < 1:
        raise _refuse("counting days back from the end of the month (other than the last)")
    return {"type": "absolute" + kind, "interval": interval, "dayOfMonth": day}, {"BYMONTHDAY"}


def _range(
    parts: dict[str, str], *, start: date, zone: ZoneInfo, windows_zone: str
) -> dict[str, Any]:
    base = {"startDate": start.isoformat(), "recurrenceTimeZone": windows_zone}
    if "COUNT" in parts:
        return {**base, "type": "numbered", "numberOfOccurrences": int(parts["COUNT"])}
    if "UNTIL" in parts:
        until = parts["UNTIL"]
        if until.endswith("Z"):
            moment = datetime.strptime(until, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            last = moment.astimezone(zone).date()
        else:
            last = datetime.strptime(until[:8], "%Y%m%d").replace(tzinfo=zone).date()
        return {**base, "type": "endDate", "endDate": last.isoformat()}
    return {**base, "type": "noEnd"}


def _days(value: str) -> list[tuple[int | None, str]]:
    found: list[tuple[int | None, str]] = []
    for item in filter(None, value.split(",")):
        match = _BYDAY.match(item)
        if not match:
            raise _refuse(f"on {item!r}")
        found.append((int(match[1]) if match[1] else None, DAYS[match[2]]))
    return found


def _single_int(value: str | None, *, default: int, what: str) -> int:
    if value is None:
        return default
    if "," in value:
        raise _refuse(what)
    return int(value)


def _weekday(day: date) -> str:
    return list(DAYS.values())[day.weekday()]
