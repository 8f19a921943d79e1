"""A draft put into words for people: when, repeats, reminder, who; shared by every card."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.blocks.text import clock_words, day_words, duration_words, escape, slack_date
from nlp.draft import EventDraft
from providers.recurrence import rule_parts

DAY_NAMES = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
WEEKDAYS = {"MO", "TU", "WE", "TH", "FR"}


@dataclass(frozen=True)
class When:
    """The when of a draft: `text` in mrkdwn (Slack date tokens), `plain` for fallbacks."""

    text: str
    plain: str


def when(draft: EventDraft, *, default_minutes: int = 60) -> When | None:
    """Day, date, start-end or all-day, and duration; None when the draft has no start."""
    start, end = draft.start, draft.end_or_default(timedelta(minutes=default_minutes))
    if start is None or end is None:
        return None
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        start, end = _day(start), _day(end)
        last = end - timedelta(days=1)
        if last == start:
            words = f"{day_words(start)} · all day"
        else:
            days = (end - start).days
            words = f"{day_words(start)} – {day_words(last)} · all day ({days} days)"
        return When(text=words, plain=words)
    minutes = int((end - start).total_seconds() // 60)
    length = duration_words(minutes)
    same_day = end.date() == start.date()
    until = clock_words(end) if same_day else f"{day_words(end.date())} {clock_words(end)}"
    plain_words = f"{day_words(start.date())} · {clock_words(start)}–{until} ({length})"
    viewer_start = slack_date(
        start,
        "{date_short_pretty} {time}",
        fallback=f"{day_words(start.date())} {clock_words(start)}",
    )
    viewer_end = slack_date(
        end, "{time}" if same_day else "{date_short_pretty} {time}", fallback=until
    )
    text = f"{viewer_start} – {viewer_end} ({length})"
    return When(text=text, plain=plain_words)


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def zone_words(draft: EventDraft) -> str:
    """ "America/New_York (UTC−05:00)" for the card's "times are in" line."""
    if not isinstance(draft.start, datetime):
        return draft.timezone
    offset = draft.start.utcoffset() or timedelta()
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "−"
    hours, minutes = divmod(abs(total), 60)
    return f"{draft.timezone} (UTC{sign}{hours:02d}:{minutes:02d})"


def repeat_words(
    recurrence: tuple[str, ...], *, start: date | None, zone: str = "UTC"
) -> str | None:
    """RRULE lines in plain words: "every Monday until Dec 20"; None when not recurring.

    A UTC UNTIL (as calendars want it) is read back on the event's zone's calendar.
    """
    rules = [line for line in recurrence if not line.upper().startswith(("EXDATE", "RDATE"))]
    if not rules:
        return None
    parts = rule_parts(rules[0])
    interval = int(parts.get("INTERVAL", "1") or 1)
    words = _frequency(parts, interval, start)
    if "UNTIL" in parts:
        until = _until_day(parts["UNTIL"], zone)
        words += f" until {until:%b} {until.day}" if until else ""
    elif "COUNT" in parts:
        words += f", {parts['COUNT']} times"
    return words


def _frequency(parts: dict[str, str], interval: int, start: date | None) -> str:
    freq = parts.get("FREQ", "")
    days = [d for d in parts.get("BYDAY", "").split(",") if d]
    every = "every" if interval == 1 else ("every other" if interval == 2 else f"every {interval}")
    if freq == "DAILY":
        return (
            "every day"
            if interval == 1
            else f"{every} days".replace("every other days", "every other day")
        )
    if freq == "WEEKLY":
        if set(days) == WEEKDAYS and interval == 1:
            return "every weekday"
        names = [DAY_NAMES.get(d[-2:], d) for d in days] or ([f"{start:%A}"] if start else [])
        joined = _and(names)
        if interval == 1:
            return f"every {joined}" if joined else "every week"
        unit = "week" if interval == 2 else "weeks"
        return f"{every} {unit} on {joined}" if joined else f"{every} {unit}"
    if freq == "MONTHLY":
        unit = "month" if interval <= 2 else "months"
        if days:
            ordinal, name = _nth_day(days[0])
            return f"the {ordinal} {name} of {every} {unit}"
        day = int(parts.get("BYMONTHDAY", str(start.day if start else 1)).split(",")[0])
        return (
            f"the last day of {every} {unit}" if day == -1 else f"{every} {unit} on the {_nth(day)}"
        )
    if freq == "YEARLY":
        return f"every year on {start:%B} {start.day}" if start else "every year"
    return escape(";".join(f"{k}={v}" for k, v in parts.items()))


def _nth_day(code: str) -> tuple[str, str]:
    number, name = code[:-2], DAY_NAMES.get(code[-2:], code[-2:])
    return ORDINALS.get(int(number or "1"), _nth(int(number or "1"))), name


def _nth(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _and(names: list[str]) -> str:
    return (
        names[0]
        if len(names) == 1
        else ", ".join(names[:-1]) + " and " + names[-1]
        if names
        else ""
    )


def _until_day(value: str, zone: str) -> date | None:
    try:
        if value.endswith("Z"):
            moment = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            return moment.astimezone(ZoneInfo(zone)).date()
        return datetime.strptime(value[:8], "%Y%m%d").date()
    except ValueError:
        return None


def reminder_words(minutes: int | None) -> str | None:
    """10 -> "10 minutes before"; 0 -> "when it starts"; None -> None (calendar default)."""
    if minutes is None:
        return None
    if minutes == 0:
        return "when it starts"
    if minutes % (24 * 60) == 0:
        days = minutes // (24 * 60)
        return f"{days} day{'s' if days > 1 else ''} before"
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'s' if hours > 1 else ''} before"
    return f"{minutes} minutes before"
