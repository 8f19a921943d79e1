"""Lengths: spans of time, as an offset from now ("in 2 hours") or as a duration ("for 45 min")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import alt, before, compile_low, holds, key, matches, needles
from nlp.scan import Scan

DAY = 1440


@dataclass(frozen=True)
class Length:
    """A span of `minutes` found at text[start:end]."""

    minutes: float
    start: int
    end: int
    unit: int = 1  # minutes in the unit written: a length in days names a day, not an instant
    bare: bool = False  # "in 15" without a unit: yields to any clock time the text gives


@dataclass(frozen=True)
class _Patterns:
    relative: tuple[re.Pattern[str], ...]
    # Per `relative` pattern, words one of which it needs ("in", "from now"): cheap gates.
    relative_words: tuple[tuple[str, ...], ...]
    duration: tuple[re.Pattern[str], ...]
    article: re.Pattern[str]  # read backwards: "a" in "a 30 min call"
    unit: re.Pattern[str]  # any unit word: no match, no length to look for
    bare: re.Pattern[str]  # "in 15" with no unit and nothing clock-like after it
    bare_pieces: tuple[str, ...]  # one is in every bare number: a cheap gate before `bare`


def amount(lex: Lexicon, *, digits_only: bool = False, words_only: bool = False) -> str:
    """A number and a unit ("2 hours", "an hour", "1.5h", "half an hour") as named groups.

    `digits_only` keeps just the "2 hours" form: it opens with a digit, which the regex
    engine skips ahead on, so a bare amount can be searched for cheaply. `words_only`
    keeps the "two hour" form without articles ("a day" alone names no length).
    """
    sp = lex.spaced
    num = r"(?P<num>\d(?<![\d.,]\d)\d{0,5}(?:[.,]\d{1,3})?)"
    unit = r"(?P<unit>" + alt(lex.units, spaced=False) + r")"
    # "1h30", "1 hour 30 min": minutes after an hour count too.
    minute_units = alt([u for u, size in lex.units.items() if size == 1], spaced=False)
    joins = r"(?:" + alt(lex.from_seps, spaced=sp) + r"\s+)?" if lex.from_seps else ""
    more = (r"(?:(?<=h)(?P<more>[0-5]\d)(?:" + minute_units + r")?(?!\w)"
            + r"|\s+" + joins + r"(?P<more2>[0-5]?\d)\s*" + minute_units + r"(?!\w)"
            + (r"|(?!\w))" if sp else r"|)"))
    unit += more
    halves = alt(lex.and_a_half, spaced=sp)
    if lex.and_a_half:
        # "2 hours and a half", ko "1시간 반": the half after the unit, in every form.
        unit += r"(?:\s" + ("+" if sp else "*") + r"(?P<plus2>" + halves + r"))?"
    if digits_only:
        return num + r"\s*-?\s*" + unit
    number = r"(?:" + num + r"|(?P<word>" + alt(lex.number_words, spaced=sp) + r"))"
    if words_only:
        number = r"(?P<word>" + alt([w for w in lex.number_words if w not in lex.articles],
                                    spaced=sp) + r")"
    half = r"(?P<half>" + alt(lex.half_an_hour, spaced=sp) + r")"
    if lex.and_a_half:
        number += r"(?:\s+(?P<plus>" + halves + r"))?"
    return r"(?:" + half + r"|" + number + r"\s*-?\s*" + unit + r")"


def minutes_of(lex: Lexicon, m: re.Match[str]) -> float:
    """The minutes an `amount` match stands for."""
    groups = m.groupdict()
    if groups.get("half"):
        return 30.0
    if groups.get("num"):
        count = float(groups["num"].replace(",", "."))
    else:
        count = float(lex.number_words[key(groups["word"])])
    size = lex.units[key(groups["unit"])]
    extra = groups.get("more") or groups.get("more2")
    if groups.get("plus") or groups.get("plus2"):
        count += 0.5
    return count * size + (int(extra) if extra and size == 60 else 0)


def _unit(lex: Lexicon, m: re.Match[str]) -> int:
    groups = m.groupdict()
    return 30 if groups.get("half") else lex.units[key(groups["unit"])]


@lru_cache(maxsize=16)
def _patterns(code: str) -> _Patterns:
    lex = lexicon(code)
    sp = lex.spaced
    qty = amount(lex)
    digits = amount(lex, digits_only=True)
    ins = alt(lex.in_words, spaced=sp)
    afters = r"(?P<after>" + alt(lex.after_words, spaced=False) + r")"
    fors = alt(lex.for_words, spaced=sp)
    arts = alt(lex.articles, spaced=sp)
    return _Patterns(
        relative=(compile_low(ins + r"\s+" + qty + r"(?:\s*" + afters + r")?"),
                  compile_low(digits + r"\s*" + afters),
                  compile_low(qty + r"\s*" + afters)),
        relative_words=(needles(lex.in_words), needles(lex.after_words),
                        needles(lex.after_words)),
        duration=(compile_low(fors + r"\s+(?:" + arts + r"\s+)?" + qty),
                  compile_low(r"\(\s*" + qty + r"\s*\)"),
                  compile_low(digits),
                  compile_low(amount(lex, words_only=True))),
        article=compile_low(arts + r"\s+$"),
        unit=compile_low(alt((*lex.units, *lex.half_an_hour), spaced=False)),
        # Only at the end of a clause: "in 15 Dec", "in 30 min", "in 10am" are other things.
        bare_pieces=needles(lex.bare_minutes),
        bare=compile_low(r"(?<!\w)" + ins + r"\s+(?P<n>" + alt(lex.bare_minutes, spaced=sp)
                         + r")(?=\s*(?:$|[,.;!?)]|-|–|" + alt(lex.with_words, spaced=sp) + r"))"),
    )


def has_amount(scan: Scan, *, locale: str) -> bool:
    """Whether the text holds any unit word at all ("min", "hours", "時間"): a cheap gate."""
    return _patterns(lexicon(locale).code).unit.search(scan.low) is not None


def find_relative(scan: Scan, *, locale: str) -> Length | None:
    """An offset from now ("in 2 hours", "2時間後に"), consumed; days and weeks count too."""
    lex = lexicon(locale)
    pats = _patterns(lex.code)
    if has_amount(scan, locale=lex.code):
        for pattern, words in zip(pats.relative, pats.relative_words, strict=True):
            m = pattern.search(scan.low) if holds(scan.low, words) else None
            if m is not None:
                scan.take(m.start(), m.end(), "date")
                return Length(minutes_of(lex, m), m.start(), m.end(), unit=_unit(lex, m))
    if holds(scan.low, pats.bare_pieces) and (m := pats.bare.search(scan.low)) is not None:
        scan.take(m.start(), m.end(), "date")
        return Length(float(m["n"]), m.start(), m.end(), bare=True)
    return None


def find_duration(scan: Scan, *, locale: str, days: bool) -> Length | None:
    """A length of the event ("for 45 min", "(30m)", "2h workshop"), consumed.

    Lengths in days count only when `days` (an all-day event: "for 3 days").
    """
    lex = lexicon(locale)
    if not has_amount(scan, locale=lex.code):
        return None
    pats = _patterns(lex.code)
    for pattern in pats.duration:
        for m in matches(pattern, scan.low):
            minutes = minutes_of(lex, m)
            if minutes <= 0 or (minutes >= DAY and not days) or minutes > 366 * DAY:
                continue
            start = m.start()
            if pattern in pats.duration[2:] and (art := before(pats.article, scan.low, start)):
                start = art.start()
            scan.take(start, m.end(), "duration")
            return Length(minutes, start, m.end())
    return None
