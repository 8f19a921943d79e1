"""When: places day phrases and clock times on the calendar, relative to the writer's now."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import MAXYEAR, UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from nlp.dates import DateSpec
from nlp.draft import TimeFlag
from nlp.times import Clock, Meridiem

DAY_MINUTES = 1440
NOON = 720
EVENING = 1080  # a day part from here on is a night: its 12 is midnight, 1-4 come after it


def next_month_day(today: date, month: int, day: int) -> date:
    """The next `month`/`day` from today on (today counts)."""
    for year in range(today.year, today.year + 9):
        try:
            candidate = date(year, month, day)
        except ValueError:  # Feb 29 outside a leap year
            continue
        if candidate >= today:
            return candidate
    return date(today.year, month, min(day, 28))


def _months_on(today: date, offset: int) -> tuple[int, int]:
    """The year and month `offset` months after today's."""
    year, month = divmod(today.month - 1 + offset, 12)
    if today.year + year > MAXYEAR:
        raise OverflowError("that month is past the calendar's end")
    return today.year + year, month + 1


def next_day_of_month(today: date, day: int) -> date:
    """The next day numbered `day` from today on (today counts)."""
    year, month = today.year, today.month
    for _ in range(13):
        if year > MAXYEAR:
            raise OverflowError("the next such day is past the calendar's end")
        if day <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, day)
            if candidate >= today:
                return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return today


def place_date(spec: DateSpec, today: date, *,
               passed: bool = False) -> tuple[date, tuple[date, ...]]:
    """The day `spec` means from `today`, and other readings where it is ambiguous.

    `passed` says the stated time has already gone by today: a weekday alone then
    means next week's.
    """
    if spec.kind == "ymd":  # with no year, `offset` years from this one ("来年1月8日")
        year = spec.year or today.year + spec.offset
        if year > MAXYEAR:
            raise OverflowError("next year is past the calendar's end")
        if not (spec.year or calendar.isleap(year)) and (spec.month, spec.day) == (2, 29):
            return date(year, 3, 1), ()  # "来年2月29日" in a common year: no such day
        return date(year, spec.month, spec.day), ()
    if spec.kind == "md":
        return next_month_day(today, spec.month, spec.day), ()
    if spec.kind == "dom":
        if spec.offset:  # "next month on the 3rd": counted from that month's first day
            year, month = _months_on(today, spec.offset)
            return next_day_of_month(date(year, month, 1), spec.day), ()
        return next_day_of_month(today, spec.day), ()
    if spec.kind == "month":  # "until March": the month's last day
        last = calendar.monthrange(today.year, spec.month)[1]
        return next_month_day(today, spec.month, last), ()
    if spec.kind == "nth":
        return _nth_weekday(spec, today), ()
    if spec.kind == "offset":
        return today + timedelta(days=spec.offset), ()
    if spec.kind == "weekend":
        # "this weekend" is its Saturday, read as "Saturday" alone; "next weekend" a week on.
        saturday, _ = place_date(DateSpec("weekday", weekday=5), today, passed=passed)
        return saturday + timedelta(days=7 if spec.week == "next" else 0), ()
    if spec.kind == "monthend":  # this month's last day, or `offset` months on
        year, month = _months_on(today, spec.offset)
        return date(year, month, calendar.monthrange(year, month)[1]), ()
    ahead = (spec.weekday - today.weekday()) % 7
    monday = today - timedelta(days=today.weekday())
    if spec.week == "nextweek":
        return monday + timedelta(days=7 + spec.weekday), ()
    if spec.week == "weekafter":
        return monday + timedelta(days=14 + spec.weekday), ()
    if spec.week == "thisweek":
        return monday + timedelta(days=spec.weekday), ()
    if spec.week == "afternext":  # "Friday after next": the one after the coming one
        later = today + timedelta(days=(ahead or 7) + 7)
        of_week_after = monday + timedelta(days=14 + spec.weekday)
        return later, (() if of_week_after == later else (of_week_after,))
    if spec.week == "next":
        coming = today + timedelta(days=ahead or 7)
        of_next_week = monday + timedelta(days=7 + spec.weekday)
        return coming, (() if of_next_week == coming else (of_next_week,))
    if ahead == 0 and passed:
        ahead = 7
    return today + timedelta(days=ahead), ()


def _nth_weekday(spec: DateSpec, today: date) -> date:
    """"the 2nd Tuesday of next month / of March / of the month": a named month's (month 0:
    any month's) next such day from today."""
    year, month = today.year, today.month
    for step in range(13 if not spec.offset else 1):
        if spec.offset:
            year, month = _months_on(today, spec.offset)
        elif step or (spec.month and month != spec.month):  # month 0: "of the month", any
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            if spec.month and month != spec.month:
                continue
        days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
                if date(year, month, d).weekday() == spec.weekday]
        day = date(year, month, days[-1] if spec.day == -1 or spec.day > len(days)
                   else days[spec.day - 1])
        if day >= today or spec.offset:
            return day
    return today


def on_or_after(spec: DateSpec, first: date, *, today: date | None = None) -> date:
    """The day `spec` means as the end of a range that starts on `first`.

    A weekday tied to a week ("Wednesday next week") is read from `today`, as the
    writer counts weeks, unless that falls before the range's first day.
    """
    if today is not None and spec.kind == "weekday" and spec.week != "plain":
        day, _ = place_date(spec, today)
        if day >= first:
            return day
    if spec.kind == "ymd" and spec.year is None:  # "Jan 8-10 next year": on from the first
        spec = replace(spec, kind="md")
    day, _ = place_date(spec, first)
    return day


def clock_minutes(clock: Clock, *, hint: int | None = None) -> int:
    """Minutes from the start of the day (1440 is midnight at the end of it).

    `hint` is a day part's default time: an evening hint makes "at 8" 20:00. Without
    am/pm a bare hour is a working-hours time: 7-11 morning, 12 noon, 1-6 afternoon.
    """
    if clock.named is not None:
        return clock.named
    hour = clock.hour
    if clock.meridiem == "am":
        hour = 0 if hour == 12 else hour
    elif clock.meridiem == "pm":
        hour = hour if hour == 12 else hour + 12
    elif not clock.exact and hour <= 12:
        if hint is not None and hint >= EVENING and (hour == 12 or hour <= 4):
            hour += 12 if hour == 12 else 24  # "tonight at 12": midnight; "at 1": after it
        elif hint is not None and hint > NOON:
            hour = hour if hour == 12 else hour + 12
        elif (hint is None or hint == NOON) and 1 <= hour <= 6:
            # A midday hint ("lunch at 1") reads as working hours: 11 is 11:00, 1 is 13:00.
            hour += 12
    return hour * 60 + clock.minute


def range_minutes(first: Clock, last: Clock, *, hint: int | None = None) -> tuple[int, int]:
    """Start and end minutes of a range; one side's am/pm carries to the other where it fits."""
    if last.meridiem and not first.meridiem and first.named is None and not first.exact:
        end = clock_minutes(last)
        start = clock_minutes(Clock(first.hour, first.minute, last.meridiem))
        if start >= end:
            other: Meridiem = "am" if last.meridiem == "pm" else "pm"
            start = clock_minutes(Clock(first.hour, first.minute, other))
    else:
        start = clock_minutes(first, hint=hint)
        if first.meridiem and not last.meridiem and last.named is None and not last.exact:
            end = clock_minutes(Clock(last.hour, last.minute, first.meridiem))
        elif last.named is None and not last.exact and last.meridiem is None and last.hour <= 12:
            end = last.hour % 12 * 60 + last.minute
        else:
            end = clock_minutes(last, hint=hint)
        while end <= start and end + 720 <= start + DAY_MINUTES and last.named is None \
                and not last.exact and last.meridiem is None:
            end += 720
    if end <= start:
        end += DAY_MINUTES
    return start, end


def wall(day: date, minutes: int, zone: ZoneInfo) -> tuple[datetime, tuple[TimeFlag, ...]]:
    """The aware datetime of `minutes` into `day` in `zone`, with DST flags.

    A time in a DST gap is moved forward by the gap (zoneinfo's fold=0 reading); a time
    that occurs twice takes the earlier instant. Both are flagged, never silent.
    """
    if minutes >= DAY_MINUTES or minutes < 0:
        day = day + timedelta(days=minutes // DAY_MINUTES)
        minutes %= DAY_MINUTES
    hour, minute = divmod(minutes, 60)
    # Built by the constructor, not `combine` + `replace`: a parse places a clock a few
    # times, and keyword `replace` costs more than the zone arithmetic itself.
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    flags: tuple[TimeFlag, ...] = ()
    back = local.astimezone(UTC).astimezone(zone)
    # Same tzinfo on both sides: the comparison is of wall clocks, as a naive one would be.
    if back != local:
        flags = ("nonexistent_time",)
        local = back
    elif datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone,
                  fold=1).utcoffset() != local.utcoffset():
        flags = ("ambiguous_time",)
    return local, flags


def after(start: datetime, minutes: float) -> datetime:
    """`minutes` of elapsed time after `start` (across a DST change the wall clock moves too)."""
    zone = start.tzinfo
    return (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(zone)
