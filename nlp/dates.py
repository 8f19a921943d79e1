"""Dates: the day phrases of a message ("Dec 3", "12/3", "the 3rd", "next Friday", "tmrw")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from nlp.date_patterns import date_patterns
from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import before, holds, key, matches
from nlp.places import in_place_name
from nlp.scan import Scan

_DAY_NUMBER = re.compile(r"\d{1,2}")
_NOUN_NEXT = re.compile(r"[ ]+[^\W\d]")  # a word follows: "month-end close" is a modifier
_DIGIT = re.compile(r"\d")
_NUMBER_NEXT = re.compile(r"[ ,]*\d")  # "Sa 10 Uhr": a clock or a date follows the day
# "nth": the `day`-th (-1: last) `weekday` of `month`, or of the month `offset` months ahead.
DateKind = Literal["ymd", "md", "dom", "offset", "weekday", "weekend", "monthend", "month",
                   "nth"]
Week = Literal["plain", "next", "nextweek", "thisweek", "weekafter", "afternext"]


@dataclass(frozen=True)
class DateSpec:
    """A day as the text gave it, before it is placed relative to today."""

    kind: DateKind
    year: int | None = None
    month: int = 0
    day: int = 0
    # days from today ("tomorrow": 1); for "dom", months ahead; for "ymd", years ahead
    offset: int = 0
    weekday: int = 0  # 0 = Monday
    week: Week = "plain"


@dataclass(frozen=True)
class DateAtom:
    """A day phrase found at text[start:end]; `last` closes a compressed range ("Dec 3-5")."""

    spec: DateSpec
    start: int
    end: int
    last: DateSpec | None = None
    day_part: int | None = None  # "tonight": the minutes of the day it implies
    last_end: int | None = None  # where the range's closing day phrase ends
    shift: int = 0  # days added: "a week from Friday"
    also: tuple[int, ...] = ()  # more days of the month: "the 1st and 15th"


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: "Feb 29" stays possible
    except ValueError:
        return False
    return True


def _full_year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def _day_spec(m: re.Match[str], year: int | None, month: int, day: int) -> DateSpec:
    """A month and day, in the year written, in next year ("来年1月8日", "Jan 8 next
    year": this year's counted one on), or else on its next occurrence."""
    if m.groupdict().get("nexty"):
        return DateSpec("ymd", month=month, day=day, offset=1)
    return DateSpec("ymd" if year else "md", year=year, month=month, day=day)


def find_dates(scan: Scan, *, locale: str) -> list[DateAtom]:
    """Every day phrase of the message, consumed from the scan, in text order."""
    lex = lexicon(locale)
    pats = date_patterns(lex.code)
    atoms: list[DateAtom] = []

    def add(match: re.Match[str], atom: DateAtom, *, week: Week | None = None) -> None:
        start = min(match.start(), atom.start)
        if week is None and (lead := before(pats.lead, scan.low, start,
                                            reach=pats.lead_reach)) is not None:
            start = lead.start()
        atom = DateAtom(atom.spec, start, atom.end, last=atom.last, day_part=atom.day_part,
                        also=atom.also)
        atoms.append(atom)
        scan.take(start, match.end(), "date")

    digits = _DIGIT.search(scan.low) is not None
    named_month = holds(scan.low, pats.month_pieces) and \
        pats.month_word.search(scan.low) is not None
    months = digits and named_month
    wordy = bool(lex.ordinal_words) and named_month
    for m in matches(pats.iso, scan.low) if digits else ():
        year, mo, d = int(m["year"]), int(m["month"]), int(m["day"])
        if _valid(year, mo, d):
            add(m, DateAtom(DateSpec("ymd", year=year, month=mo, day=d), m.start(), m.end()))
    for m in matches(pats.suffixed, scan.low) if digits else ():
        y, mo, d = _full_year(m["year"]), int(m["month"]), int(m["day"])
        if _valid(y, mo, d):
            add(m, DateAtom(_day_spec(m, y, mo, d), m.start(), m.end()))
    for pattern in (pats.day_range_first, pats.month_range):
        for m in matches(pattern, scan.low) if months else ():
            mo, d, d2 = lex.months[key(m["month"])], int(m["day"]), int(m["day2"])
            y = _full_year(m["year"])
            if d2 > d and _valid(y, mo, d) and _valid(y, mo, d2):
                add(m, DateAtom(_day_spec(m, y, mo, d), m.start(), m.end(),
                                last=_day_spec(m, y, mo, d2)))
    for pattern, run in ((pats.month_first, months or wordy), (pats.day_first, months),
                         (pats.day_first_words, wordy)):
        for m in matches(pattern, scan.low) if run else ():
            mo, y = lex.months[key(m["month"])], _full_year(m["year"])
            groups = m.groupdict()
            d = int(groups["day"]) if groups.get("day") else lex.ordinal_words[key(m["dayw"])]
            if _valid(y, mo, d):
                add(m, DateAtom(_day_spec(m, y, mo, d), m.start(), m.end()))
    for m in matches(pats.numeric, scan.low) if digits else ():
        if lex.numbered_places and before(pats.label, scan.low, m.start(), reach=20):
            continue  # "Raum 3.12", "Gate 4/5": a room's label
        a, b, y = int(m["a"]), int(m["b"]), _full_year(m["year"])
        mo, d = (a, b) if lex.date_order == "md" else (b, a)
        if _valid(y, mo, d):
            spec = DateSpec("ymd" if y else "md", year=y, month=mo, day=d)
            add(m, DateAtom(spec, m.start(), m.end()))
    # Only where a day-part phrase holds a relative day word (es "mañana") is it looked for.
    parts: list[tuple[int, int]] | None = None if pats.part_clash else []
    for m in matches(pats.relative, scan.low) if holds(scan.low, pats.relative_words) else ():
        if parts is None:
            parts = [p.span() for p in matches(pats.day_part, scan.low)]
        if any(s <= m.start() and m.end() <= e for s, e in parts):
            continue
        word = key(m["rel"])
        if word in lex.evening_days:
            offset, minutes = lex.evening_days[word]
            spec = DateSpec("offset", offset=offset)
            add(m, DateAtom(spec, m.start(), m.end(), day_part=minutes))
        else:
            add(m, DateAtom(DateSpec("offset", offset=lex.relative_days[word]), m.start(), m.end()))
    for m in matches(pats.ends, scan.low) if holds(scan.low, pats.ends_words) else ():
        # "Cottage weekend Dec 11-13", "cena de fin de año esta noche": a calendar date, or
        # today / tomorrow / tonight, wins over a vague period, which stays in the title; so
        # does a hyphenated modifier ("Month-end close", "year-end party"), one word: after
        # a determiner the word is the period ("ce week-end camping").
        explicit = any(a.spec.kind in ("ymd", "md", "offset") for a in atoms)
        if (explicit and key(m["w"]) in (*lex.weekend, *lex.month_end, *lex.year_end)) or (
                "-" in m["w"] and " " not in key(m["w"]) and _NOUN_NEXT.match(scan.low, m.end())):
            continue
        word = key(m["w"])
        # "EOW" is a deadline like "EOD": the work week's last day at close of business.
        add(m, DateAtom(_end_spec(lex, word), m.start(), m.end(),
                        day_part=lex.week_end_time if word in lex.week_end_deadlines else None))
    for m in matches(pats.weekday, scan.low) if holds(scan.low, pats.weekday_pieces) else ():
        if _in_place_name(lex, scan, m):
            continue
        lead = before(pats.weekday_lead, scan.low, m.start(), reach=pats.weekday_reach)
        week = _week(lex, m, lead)
        spec = DateSpec("weekday", weekday=lex.weekdays[key(m["weekday"])], week=week)
        if (dom := m.groupdict().get("dom")) and 1 <= int(dom) <= 31:
            spec = DateSpec("dom", day=int(dom))
        start = lead.start() if lead else m.start()
        if m["later"] and (article := before(pats.article_lead, scan.low, start)):
            start = article.start()  # "the Monday after next": one day, the article with it
        part = m.groupdict().get("wpart")
        add(m, DateAtom(spec, start, m.end(),
                        day_part=lex.weekday_part_suffixes[key(part)] if part else None), week=week)
    # A day of the month is written with a digit or after its lead word ("the fifth").
    for m in matches(pats.dom, scan.low) if digits or any(
            word in scan.low for word in lex.day_of_month_lead) else ():
        groups = m.groupdict()
        if groups.get("dayb") and any(a.spec.kind == "offset" for a in atoms):
            continue  # "Joe's Pizza on 5th tomorrow": beside "tomorrow" a bare "5th" is a street
        digits_day = groups.get("day") or groups.get("dayb")
        d = int(digits_day) if digits_day else lex.ordinal_words[key(m["dayw"])]
        if 1 <= d <= 31:
            also = tuple(int(n) for n in _DAY_NUMBER.findall(m.groupdict().get("also") or ""))
            add(m, DateAtom(DateSpec("dom", day=d), m.start(), m.end(),
                            also=tuple(n for n in also if 1 <= n <= 31 and n != d)))
    atoms.sort(key=lambda a: a.start)
    return atoms


def _in_place_name(lex: Lexicon, scan: Scan, m: re.Match[str]) -> bool:
    """Whether a capitalised day abbreviation ends a place's name ("@ Lau Pa Sat"); not
    where a number follows it: "im Café Sa 10 Uhr", "at Blue Bottle Sat 10am" name a day."""
    word = scan.text[m.start("weekday"):m.end("weekday")]
    if not (word[:1].isupper() and lex.spaced and lex.place_preps) or \
            not _abbreviated(lex.code, key(word)) or _NUMBER_NEXT.match(scan.text, m.end()):
        return False
    return in_place_name(scan, m.start("weekday"), locale=lex.code)


@lru_cache(maxsize=64)
def _abbreviated(code: str, word: str) -> bool:
    """Whether a day name is short for a longer one ("Sat"); de "Samstag" is no short
    "Sonnabend"."""
    days = lexicon(code).weekdays
    return any(other != word and other.startswith(word) and n == days[word]
               for other, n in days.items())


def _end_spec(lex: Lexicon, word: str) -> DateSpec:
    if word in lex.weekend or word in lex.next_weekend:
        return DateSpec("weekend", week="next" if word in lex.next_weekend else "plain")
    if word in lex.month_end:
        return DateSpec("monthend")
    if word in lex.week_end:
        return DateSpec("weekday", weekday=4)  # the work week's last day
    return DateSpec("md", month=12, day=31)  # the next Dec 31 from today on is this year's


def _week(lex: Lexicon, m: re.Match[str], lead: re.Match[str] | None) -> Week:
    if m["later"]:
        return "afternext"
    week = (lead["week1"] if lead else None) or m["week2"]
    if week:
        if key(week) in lex.week_after_next:
            return "weekafter"
        return "nextweek" if key(week) in lex.next_week else "thisweek"
    mod = lead["mod"] if lead else None
    if (mod and key(mod) in lex.next_words) or m["after"]:
        return "next"
    return "plain"
