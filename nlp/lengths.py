"""Lengths: spans of time, as an offset from now ("in 2 hours") or as a duration ("for 45 min")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import alt, compile_ci, key
from nlp.scan import Scan

DAY = 1440


@dataclass(frozen=True)
class Length:
    """A span of `minutes` found at text[start:end]."""

    minutes: float
    start: int
    end: int
    unit: int = 1  # minutes in the unit written: a length in days names a day, not an instant


@dataclass(frozen=True)
class _Patterns:
    relative: re.Pattern[str]
    duration: re.Pattern[str]
    amount: str


def amount(lex: Lexicon) -> str:
    """A number and a unit ("2 hours", "an hour", "1.5h", "half an hour") as named groups."""
    sp = lex.spaced
    number = r"(?:(?<![\d.,])(?P<num>\d{1,6}(?:[.,]\d{1,3})?)|(?P<word>" + alt(lex.number_words, spaced=sp) + r"))"
    unit = r"(?P<unit>" + alt(lex.units, spaced=False) + r")" + (r"(?!\w)" if sp else "")
    half = r"(?P<half>" + alt(lex.half_an_hour, spaced=sp) + r")"
    return r"(?:" + half + r"|" + number + r"\s*-?\s*" + unit + r")"


def minutes_of(lex: Lexicon, m: re.Match[str]) -> float:
    """The minutes an `amount` match stands for."""
    if m["half"]:
        return 30.0
    count = float(m["num"].replace(",", ".")) if m["num"] else float(lex.number_words[key(m["word"])])
    return count * lex.units[key(m["unit"])]


@lru_cache(maxsize=16)
def _patterns(code: str) -> _Patterns:
    lex = lexicon(code)
    sp = lex.spaced
    qty = amount(lex)
    ins = alt(lex.in_words, spaced=sp)
    afters = alt(lex.after_words, spaced=False)
    relative = r"(?:(?P<in>" + ins + r")\s+)?" + qty + r"(?:\s*(?P<after>" + afters + r"))?"
    fors = alt(lex.for_words, spaced=sp)
    arts = alt(lex.articles, spaced=sp)
    duration = (
        r"(?P<paren>\(\s*)?(?:" + fors + r"\s+(?:" + arts + r"\s+)?|" + arts + r"\s+)?" + qty
        + r"(?(paren)\s*\))"
    )
    return _Patterns(compile_ci(relative), compile_ci(duration), qty)


def find_relative(scan: Scan, *, locale: str) -> Length | None:
    """An offset from now ("in 2 hours", "2時間後に"), consumed; days and weeks count too."""
    lex = lexicon(locale)
    for m in _patterns(lex.code).relative.finditer(scan.view):
        if m["in"] or m["after"]:
            break
    else:
        return None
    scan.take(m.start(), m.end(), "date")
    unit = 30 if m["half"] else lex.units[key(m["unit"])]
    return Length(minutes_of(lex, m), m.start(), m.end(), unit=unit)


def find_duration(scan: Scan, *, locale: str, days: bool) -> Length | None:
    """A length of the event ("for 45 min", "(30m)", "2h workshop"), consumed.

    Lengths in days count only when `days` (an all-day event: "for 3 days").
    """
    lex = lexicon(locale)
    for m in _patterns(lex.code).duration.finditer(scan.view):
        minutes = minutes_of(lex, m)
        if minutes <= 0 or (minutes >= DAY and not days) or minutes > 366 * DAY:
            continue
        scan.take(m.start(), m.end(), "duration")
        return Length(minutes, m.start(), m.end())
    return None
