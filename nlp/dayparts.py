"""Day parts: "morning"-like hints, meal words that steer a bare hour, and "all day"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.locales import lexicon
from nlp.pattern import alt, compile_low, holds, key, matches, needles
from nlp.scan import Scan
from nlp.times import TimeAtom


@dataclass(frozen=True)
class DayPart:
    """A day part ("morning", "evening") at text[start:end]: a default time and an am/pm hint."""

    minutes: int
    start: int
    end: int


@dataclass(frozen=True)
class _Patterns:
    day_part: re.Pattern[str]
    day_tail: re.Pattern[str]  # only right after a day: "Tuesday night"
    part_pieces: tuple[str, ...]  # cheap gates: one is in every day-part (tail) word
    tail_pieces: tuple[str, ...]
    meal: re.Pattern[str]


@lru_cache(maxsize=16)
def _patterns(code: str) -> _Patterns:
    lex = lexicon(code)
    sp = lex.spaced
    particle = r"(?:" + alt(lex.time_particles, spaced=False) + r")?" if lex.time_particles else ""
    return _Patterns(
        day_part=compile_low(r"(?P<part>" + alt(lex.day_parts, spaced=sp) + r")" + particle),
        day_tail=compile_low(r"(?P<part>" + alt(lex.day_tails, spaced=sp) + r")" + particle),
        part_pieces=needles(lex.day_parts),
        tail_pieces=needles(lex.day_tails),
        meal=compile_low(r"(?P<meal>" + alt(lex.meals, spaced=sp) + r")"),
    )


def find_day_parts(scan: Scan, *, locale: str, times: list[TimeAtom],
                   days: bool) -> list[DayPart]:
    """Day-part words ("morning", "evening"), consumed from the scan.

    Beside an explicit time a day-part word counts only next to a day or time phrase
    (ko "저녁" is both "evening" and "dinner": "오후 5시 ... 저녁" is dinner), and a word
    that is also a meal names a time only beside a day ("내일 점심"). Words that
    are day parts only right after a day ("Tuesday night") are read where `days` were found.
    """
    lex = lexicon(locale)
    found: list[DayPart] = []
    near = {"date", "time", "recurrence"}
    pats = _patterns(lex.code)
    for m in matches(pats.day_part, scan.low) if holds(scan.low, pats.part_pieces) else ():
        beside = scan.owner_before(m.start()) in near or scan.owner_after(m.end()) in near
        if (times or not days) and (key(m["part"]) in lex.meals or (times and not beside)):
            # Beside a clock, ko "점심" is lunch: a meal, left in the title; with no day
            # either ("David랑 점심") it is a meal too, and the message has no date.
            continue
        found.append(DayPart(lex.day_parts[key(m["part"])], m.start(), m.end()))
        scan.take(m.start(), m.end(), "time")
    for m in matches(pats.day_tail, scan.low) if days and holds(scan.low, pats.tail_pieces) \
            else ():
        if scan.owner_before(m.start(), skip=" ") in ("date", "recurrence"):
            found.append(DayPart(lex.day_tails[key(m["part"])], m.start(), m.end()))
            scan.take(m.start(), m.end(), "time")
    if len(found) > 1:
        found.sort(key=lambda part: part.start)
    return found


def find_meal(scan: Scan, *, locale: str) -> int | None:
    """The day part a meal word implies ("dinner": evening), left in the title.

    It only steers a bare hour ("dinner at 8" is 20:00): "dinner Friday" stays all day.
    """
    lex = lexicon(locale)
    if not lex.meals:
        return None
    m = _patterns(lex.code).meal.search(scan.low)
    return None if m is None else lex.meals[key(m["meal"])]


@lru_cache(maxsize=16)
def _all_day_pattern(code: str) -> re.Pattern[str]:
    lex = lexicon(code)
    return compile_low(alt(lex.all_day, spaced=lex.spaced))


def find_all_day(scan: Scan, *, locale: str) -> bool:
    """Whether the message says the event lasts all day ("all day", "終日"), consumed."""
    m = _all_day_pattern(lexicon(locale).code).search(scan.low)
    if m is None:
        return False
    scan.take(m.start(), m.end(), "date")
    return True
