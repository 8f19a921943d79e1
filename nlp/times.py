"""Times: clock times, named times and day parts ("3:30 p.m.", "noon", "9-5", "tonight at 8")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import alt, compile_ci, key
from nlp.scan import Scan

Meridiem = Literal["am", "pm"] | None


@dataclass(frozen=True)
class Clock:
    """A time of day as written: `hour` may still need am/pm; `named` is exact minutes."""

    hour: int = 0
    minute: int = 0
    meridiem: Meridiem = None
    named: int | None = None  # minutes of the day: "noon" 720, "midnight" 1440
    exact: bool = False  # 24-hour reading: "15:00", "09:30", "19 Uhr" past 12


@dataclass(frozen=True)
class TimeAtom:
    """A time or a time range found at text[start:end]."""

    first: Clock
    start: int
    end: int
    last: Clock | None = None


@dataclass(frozen=True)
class DayPart:
    """A part of the day ("morning", "evening") at text[start:end]: a default time and an am/pm hint."""

    minutes: int
    start: int
    end: int


@dataclass(frozen=True)
class _Patterns:
    range: re.Pattern[str]
    single: re.Pattern[str]
    day_part: re.Pattern[str]


def _clock(lex: Lexicon, n: str) -> str:
    sp = lex.spaced
    named = alt(lex.named_times, spaced=sp)
    pre = r"(?:(?P<pre" + n + r">" + alt((*lex.am_prefixes, *lex.pm_prefixes), spaced=False) + r")\s*)?"
    num = (r"(?<![\w:/.,])" if sp else r"(?<![\d:/.])") + r"(?P<h" + n + r">\d{1,2})"
    suffix = alt(lex.hour_suffixes, spaced=False)
    mins = (
        r"(?:[:.](?P<m" + n + r">\d{2})(?!\d)|\s*(?P<suf" + n + r">" + suffix + r")"
        r"(?:\s*(?P<mm" + n + r">\d{1,2})(?:\s*" + alt(lex.minute_suffixes, spaced=False) + r")?"
        r"|\s*(?P<half" + n + r">" + alt(lex.half_words, spaced=False) + r"))?)?"
    )
    long_mer = [w for w in (*lex.am_words, *lex.pm_words) if len(w) > 1]
    short_mer = [w for w in (*lex.am_words, *lex.pm_words) if len(w) == 1]
    mer = (
        r"(?:\s*(?P<mer" + n + r">" + alt(long_mer, spaced=False) + r")(?!\w)"
        + (r"|(?P<mer1" + n + r">" + alt(short_mer, spaced=False) + r")(?!\w)" if short_mer else "")
        + r")?"
    )
    edge = r"(?!\w)" if sp else ""
    return (
        r"(?:(?P<named" + n + r">" + named + r")|" + pre + num + mins + mer + edge + ")"
    )


@lru_cache(maxsize=16)
def _patterns(code: str) -> _Patterns:
    lex = lexicon(code)
    sp = lex.spaced
    prep = r"(?:(?P<prep>" + alt(lex.time_preps, spaced=sp) + r")\s*)?"
    particle = r"(?:" + alt(lex.time_particles, spaced=False) + r")?" if lex.time_particles else ""
    end_particle = (
        r"(?:\s*" + alt(lex.range_end_particles, spaced=False) + r")?" if lex.range_end_particles else ""
    )
    froms = r"(?:(?P<from>" + alt(lex.from_words, spaced=sp) + r")\s+)?"
    seps = r"(?P<sep>" + alt((*lex.range_seps, *lex.from_seps), spaced=sp) + r")"
    return _Patterns(
        range=compile_ci(froms + prep + _clock(lex, "1") + r"\s*" + seps + r"\s*"
                         + r"(?:" + alt(lex.time_preps, spaced=sp) + r"\s*)?"
                         + _clock(lex, "2") + end_particle + particle),
        single=compile_ci(prep + _clock(lex, "1") + particle),
        day_part=compile_ci(r"(?P<part>" + alt(lex.day_parts, spaced=sp) + r")" + particle),
    )


def _read(lex: Lexicon, m: re.Match[str], n: str) -> tuple[Clock, bool] | None:
    """The clock of group set `n` and whether it is unmistakably a time; None if impossible."""
    named = m["named" + n]
    if named:
        return Clock(named=lex.named_times[key(named)]), True
    digits = m["h" + n]
    hour = int(digits)
    minute = int(m["m" + n] or m["mm" + n] or 0) + (30 if m["half" + n] else 0)
    mer_word = m["mer" + n] or m.groupdict().get("mer1" + n)
    meridiem: Meridiem = None
    pre = m["pre" + n]
    if mer_word:
        meridiem = "am" if key(mer_word) in lex.am_words or mer_word.lower()[0] == "a" else "pm"
    elif pre:
        meridiem = "am" if pre in lex.am_prefixes else "pm"
    if hour > 24 or minute > 59 or (meridiem and not 1 <= hour <= 12):
        return None
    exact = hour > 12 or hour == 0 or (len(digits) == 2 and digits[0] == "0")
    strong = bool(meridiem or m["m" + n] or m["suf" + n] or exact)
    return Clock(hour=hour % 24 if hour == 24 else hour, minute=minute, meridiem=meridiem,
                 named=1440 if hour == 24 and minute == 0 else None, exact=exact), strong


def find_times(scan: Scan, *, locale: str) -> list[TimeAtom]:
    """Every time and time range of the message, consumed from the scan, in text order."""
    lex = lexicon(locale)
    pats = _patterns(lex.code)
    atoms: list[TimeAtom] = []
    for m in pats.range.finditer(scan.view):
        first, last = _read(lex, m, "1"), _read(lex, m, "2")
        if first is None or last is None:
            continue
        sep = key(m["sep"])
        if sep in lex.from_seps and sep not in lex.range_seps and not m["from"]:
            continue
        near_date = scan.owner_before(m.start()) == "date" or scan.owner_after(m.end()) == "date"
        if not (first[1] or last[1] or m["from"] or m["prep"] or near_date):
            continue
        atoms.append(TimeAtom(first[0], m.start(), m.end(), last=last[0]))
        scan.take(m.start(), m.end(), "time")
    for m in pats.single.finditer(scan.view):
        read = _read(lex, m, "1")
        if read is None:
            continue
        clock, strong = read
        if not (strong or m["prep"] or scan.owner_before(m.start()) == "date"):
            continue
        atoms.append(TimeAtom(clock, m.start(), m.end()))
        scan.take(m.start(), m.end(), "time")
    atoms.sort(key=lambda a: a.start)
    return atoms


def find_day_parts(scan: Scan, *, locale: str, times: list[TimeAtom]) -> list[DayPart]:
    """Day-part words ("morning", "evening"), consumed from the scan.

    Beside an explicit time a day-part word counts only next to a day or time phrase
    (ko "저녁" is both "evening" and "dinner": "오후 5시 ... 저녁" is dinner).
    """
    lex = lexicon(locale)
    found: list[DayPart] = []
    near = {"date", "time", "recurrence"}
    for m in _patterns(lex.code).day_part.finditer(scan.view):
        if times and not (scan.owner_before(m.start()) in near or scan.owner_after(m.end()) in near):
            continue
        found.append(DayPart(lex.day_parts[key(m["part"])], m.start(), m.end()))
        scan.take(m.start(), m.end(), "time")
    return found
