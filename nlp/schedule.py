"""Schedule: combines the day, time, length and repeat phrases into start, end and RRULE."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from nlp.dates import DateAtom, DateSpec
from nlp.dayparts import DayPart
from nlp.draft import TimeFlag, When
from nlp.lengths import DAY, Length
from nlp.lexicon import Lexicon
from nlp.recurrence import DAY_CODES, Rule
from nlp.times import TimeAtom
from nlp.when import after, clock_minutes, on_or_after, place_date, range_minutes, wall

_MAX_OCCURRENCES = 800
WEEK = 7 * DAY
_PERIOD_DAYS = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 28, "YEARLY": 365}
_EVENING = 18 * 60  # a day part from here on is a night: its small hours follow it
_SMALL_HOURS = 5 * 60


@dataclass(frozen=True)
class Found:
    """What the finders read from one message."""

    dates: list[DateAtom]
    times: list[TimeAtom]
    day_parts: list[DayPart]
    relative: Length | None
    duration: Length | None
    rule: Rule | None
    all_day: bool
    meal: int | None = None  # a meal word's day part: steers a bare hour, sets no time


@dataclass(frozen=True)
class Schedule:
    """When the event happens, ready for the draft."""

    start: When | None = None
    end: When | None = None
    recurrence: tuple[str, ...] = ()
    alternatives: tuple[When, ...] = ()
    flags: tuple[TimeFlag, ...] = ()


def _after(end: When, start: When) -> bool:
    """Whether `end` comes after `start` (both dates or both datetimes)."""
    if isinstance(end, datetime) and isinstance(start, datetime):
        return end > start
    if not isinstance(end, datetime) and not isinstance(start, datetime):
        return end > start
    return False


def _passed(day: date, minutes: int | None, zone: ZoneInfo, now: datetime) -> bool:
    return minutes is not None and wall(day, minutes, zone)[0] <= now


def _at(day: date, minutes: int | None, zone: ZoneInfo) -> tuple[When, tuple[TimeFlag, ...]]:
    if minutes is None:
        return day, ()
    return wall(day, minutes, zone)


# The start's DST flags restated for the end or for another reading of the start.
_END_FLAGS: dict[TimeFlag, TimeFlag] = {"nonexistent_time": "nonexistent_end",
                                        "ambiguous_time": "ambiguous_end"}
_ALTERNATIVE_FLAGS: dict[TimeFlag, TimeFlag] = {"nonexistent_time": "nonexistent_alternative",
                                                "ambiguous_time": "ambiguous_alternative"}


def _end_at(day: date, minutes: int, zone: ZoneInfo) -> tuple[datetime, tuple[TimeFlag, ...]]:
    end, flags = wall(day, minutes, zone)
    return end, tuple(_END_FLAGS[f] for f in flags)


def _unique_flags(*groups: tuple[TimeFlag, ...]) -> tuple[TimeFlag, ...]:
    return tuple(dict.fromkeys(f for group in groups for f in group))


def plan(found: Found, *, lex: Lexicon, text: str, now: datetime, zone: ZoneInfo) -> Schedule:
    """The schedule of an event from the phrases found, relative to the writer's `now`."""
    today = now.date()
    dates = list(found.dates)
    until: DateAtom | None = None
    rule = found.rule
    if rule is not None and (rule.until_at is not None or rule.until_end is not None):
        until = next((d for d in dates if (rule.until_at is not None and abs(
            d.start - rule.until_at) <= 1) or (rule.until_end is not None and abs(
                d.end - rule.until_end) <= 1)), None)
        if until is not None:
            dates.remove(until)
    first = dates[0] if dates else None
    last_day = first.last if first is not None else None
    end_minutes_on_last: int | None = None
    closing = first.last_end if first is not None else None
    if closing is not None:
        later = [t for t in found.times if t.start >= closing and t.last is None]
        if later and len(found.times) >= 2:
            end_minutes_on_last = clock_minutes(later[0].first)
    hint = first.day_part if first is not None and first.day_part is not None else (
        found.day_parts[0].minutes if found.day_parts else None)
    steer = found.meal if hint is None else hint

    minutes: int | None = None
    end_minutes: int | None = None
    timed = [t for t in found.times if end_minutes_on_last is None or closing is None
             or t.start < closing]
    if found.all_day:
        pass
    elif timed:
        atom = timed[0]
        if atom.last is not None:
            minutes, end_minutes = range_minutes(atom.first, atom.last, hint=steer)
        else:
            minutes = clock_minutes(atom.first, hint=steer)
    elif hint is not None:
        minutes = hint

    relative = found.relative
    if relative is not None and relative.bare and found.times:
        relative = None  # "at 10 ... in 5": the clock said wins over a unitless number
    if relative is not None and relative.unit < DAY and first is None and rule is None:
        start_dt = after(now.astimezone(zone), relative.minutes)
        length = found.duration.minutes if found.duration else None
        return Schedule(start=start_dt, end=after(start_dt, length) if length else None)

    alternatives: tuple[date, ...] = ()
    if rule is not None:
        return _recurring(found, rule, first, until, lex=lex, today=today, now=now, zone=zone,
                          minutes=minutes, end_minutes=end_minutes)
    if minutes is not None and hint is not None and hint >= _EVENING and minutes < _SMALL_HOURS:
        # "tonight at 1am", ja "今夜0時": the small hours after that evening, the next day.
        minutes += DAY
        end_minutes = end_minutes + DAY if end_minutes is not None else None
    if first is not None:
        spec = first.spec
        if last_day is not None and spec.kind == last_day.kind == "weekday" and \
                spec.week == "plain" and last_day.week in ("nextweek", "weekafter"):
            spec = replace(spec, week=last_day.week)  # "Monday to Friday next week"
        day, alternatives = place_date(spec, today, passed=_passed(today, minutes, zone, now))
        if relative is not None and relative.unit >= WEEK and spec.kind == "weekday" and \
                spec.week == "plain" and last_day is None:
            # "in two weeks on Thursday": that weekday of the week two weeks ahead.
            weeks = int(relative.minutes // WEEK)
            day = today + timedelta(days=7 * weeks + spec.weekday - today.weekday())
            alternatives = ()
        if first.shift:
            day += timedelta(days=first.shift)
            alternatives = ()
    elif relative is not None:
        day = today + timedelta(days=int(relative.minutes // DAY))
    elif minutes is not None:
        day = today if not _passed(today, minutes, zone, now) else today + timedelta(days=1)
    else:
        return Schedule()

    start, flags = _at(day, minutes, zone)
    end: When | None = None
    end_flags: tuple[TimeFlag, ...] = ()
    if last_day is not None:
        last = on_or_after(last_day, day, today=today)
        if minutes is None:
            end = last + timedelta(days=1)
        elif end_minutes_on_last is not None:
            end, end_flags = _end_at(last, end_minutes_on_last, zone)
    if end is None and end_minutes is not None:
        end, end_flags = _end_at(day, end_minutes, zone)
    if end is None and found.duration is not None:
        if isinstance(start, datetime):
            end = after(start, found.duration.minutes)
        elif found.duration.minutes >= DAY:
            end = start + timedelta(days=round(found.duration.minutes / DAY))
    if end is not None and not _after(end, start):
        end, end_flags = None, ()
    alts: list[When] = []
    alt_flags: list[TimeFlag] = []
    for other in alternatives:
        value, other_flags = _at(other, minutes, zone)
        alts.append(value)
        alt_flags.extend(_ALTERNATIVE_FLAGS[f] for f in other_flags)
    return Schedule(start=start, end=end, alternatives=tuple(alts),
                    flags=_unique_flags(flags, end_flags, tuple(alt_flags)))


def _merge(rule: Rule, atom: DateAtom | None) -> tuple[Rule, DateSpec | None]:
    """Folds the day phrase into the rule where it names the rule's day ("monthly on the 15th")."""
    if atom is None:
        return rule, None
    spec = atom.spec
    free_day = not rule.by_day and rule.by_month_day is None
    if rule.freq == "MONTHLY" and spec.kind == "dom" and free_day:
        return replace(rule, by_month_day=spec.day, more_month_days=atom.also), None
    if rule.freq == "YEARLY" and spec.kind in ("md", "ymd") and rule.by_month is None:
        return replace(rule, by_month=spec.month, by_month_day=spec.day), None
    if rule.freq == "WEEKLY" and spec.kind == "weekday" and not rule.by_day:
        return replace(rule, by_day=(DAY_CODES[spec.weekday],)), None
    return rule, spec


def _recurring(found: Found, rule: Rule, first: DateAtom | None, until: DateAtom | None, *,
               lex: Lexicon, today: date, now: datetime, zone: ZoneInfo, minutes: int | None,
               end_minutes: int | None) -> Schedule:
    # dateutil loads only for repeat rules: it keeps `--batch` quick to start.
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415
    from dateutil.rrule import rrulestr  # noqa: PLC0415

    rule, spec = _merge(rule, first)
    named_day = rule.by_day or rule.by_month_day is not None or rule.by_month is not None
    if spec is None and minutes is None and not named_day and rule.freq != "DAILY":
        return Schedule()  # "weekly team meeting": which day is the writer's to say
    begin = place_date(spec, today)[0] if spec is not None else today
    last_day: date | None = None
    if first is not None and first.last is not None and until is None:
        opening = place_date(first.spec, today)[0]
        closing_day = on_or_after(first.last, opening)
        if (closing_day - opening).days >= _PERIOD_DAYS[rule.freq] * rule.interval:
            # "every Wednesday from Jan 7 to Mar 25": the range bounds the series; a
            # shorter one ("quarterly planning Jan 12-14") is each occurrence's length.
            begin, last_day = opening, closing_day
    clock = time(0) if minutes is None else time((minutes // 60) % 24, minutes % 60)
    open_rule = replace(rule, count=None).line()
    # The first occurrence is the next matching day from now on, whatever the interval:
    # "every other Friday" said on a Friday evening starts next Friday, not in two weeks.
    series = rrulestr(replace(rule, count=None, interval=1).line(),
                      dtstart=datetime.combine(begin, clock))
    occurrence: datetime | None = None
    for n, candidate in enumerate(series):
        if n > _MAX_OCCURRENCES:
            break
        if minutes is None or not _passed(candidate.date(), minutes, zone, now):
            occurrence = candidate
            break
    if occurrence is None:
        return Schedule()
    day = occurrence.date()
    if rule.count_span is not None:
        amount, unit = rule.count_span
        step = {"DAILY": relativedelta(days=amount), "WEEKLY": relativedelta(weeks=amount),
                "MONTHLY": relativedelta(months=amount), "YEARLY": relativedelta(years=amount)}
        stop = occurrence + step[unit]
        counted = rrulestr(open_rule, dtstart=occurrence)
        rule = replace(rule, count=max(1, sum(1 for _ in counted.between(occurrence, stop, inc=True)
                                              if _ < stop)))
    until_text: str | None = None
    if until is not None:
        last_day = place_date(until.spec, today)[0]
    if last_day is not None:
        last = last_day
        if minutes is None:
            until_text = last.strftime("%Y%m%d")
        else:
            closing = datetime.combine(last, time(23, 59, 59), zone).astimezone(UTC)
            until_text = closing.strftime("%Y%m%dT%H%M%SZ")
    start, flags = _at(day, minutes, zone)
    end: When | None = None
    end_flags: tuple[TimeFlag, ...] = ()
    if end_minutes is not None:
        end, end_flags = _end_at(day, end_minutes, zone)
    elif first is not None and first.last is not None and minutes is None and last_day is None:
        # "Quarterly planning Jan 12-14": each occurrence spans as many days as the range.
        opening = place_date(first.spec, today)[0]
        end = day + (on_or_after(first.last, opening) - opening) + timedelta(days=1)
    elif found.duration is not None and isinstance(start, datetime):
        end = after(start, found.duration.minutes)
    if end is not None and not _after(end, start):
        end, end_flags = None, ()
    return Schedule(start=start, end=end, recurrence=(rule.line(until=until_text),),
                    flags=_unique_flags(flags, end_flags))


