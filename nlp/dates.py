"""Dates: the day phrases of a message ("Dec 3", "12/3", "the 3rd", "next Friday", "tmrw")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import RUN_START, alt, compile_ci, key
from nlp.scan import Scan

DateKind = Literal["ymd", "md", "dom", "offset", "weekday", "weekend", "monthend"]
Week = Literal["plain", "next", "nextweek", "thisweek"]


@dataclass(frozen=True)
class DateSpec:
    """A day as the text gave it, before it is placed relative to today."""

    kind: DateKind
    year: int | None = None
    month: int = 0
    day: int = 0
    offset: int = 0  # days from today ("tomorrow": 1)
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


@dataclass(frozen=True)
class _Patterns:
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    suffixed: re.Pattern[str]
    month_first: re.Pattern[str]
    day_first: re.Pattern[str]
    day_range_first: re.Pattern[str]
    month_range: re.Pattern[str]
    dom: re.Pattern[str]
    relative: re.Pattern[str]
    weekday: re.Pattern[str]
    weekend: re.Pattern[str]
    month_end: re.Pattern[str]


def _lead(lex: Lexicon) -> str:
    """An optional preposition before a date ("on", "am", "le"), consumed with it."""
    return r"(?:" + alt(lex.date_preps, spaced=lex.spaced) + r"\s+)?"


def _tail(lex: Lexicon) -> str:
    """An optional particle after a date (ja "に"/"の", ko "에")."""
    return r"(?:" + alt(lex.date_particles, spaced=False) + r")?" if lex.date_particles else ""


@lru_cache(maxsize=16)
def _patterns(code: str) -> _Patterns:
    lex = lexicon(code)
    sp = lex.spaced
    month = r"(?P<month>" + alt(lex.months, spaced=sp) + r")\.?"
    ords = alt(lex.ordinal_suffixes, spaced=False) if lex.ordinal_suffixes else r"(?!x)x"
    day = r"(?<![\d:/.])(?P<day>\d{1,2})(?:" + ords + r")?(?![\d:])"
    year = r"(?:,?\s*(?P<year>\d{4})(?!\d))?"
    weekday = alt(lex.weekdays, spaced=sp) + r"\.?"
    wd_lead = r"(?:" + weekday + r",?\s+)?"
    lead = _lead(lex)
    tail = _tail(lex)
    of = r"(?:" + alt(lex.of_words, spaced=sp) + r"\s+)?"
    marks = alt((*lex.am_words, *lex.pm_words, *lex.hour_suffixes), spaced=False)
    not_time = r"(?!\s*(?:[:.]\d|" + marks + r"(?![^\W\d_])))"
    seps = alt(lex.range_seps + lex.from_seps, spaced=sp)
    froms = r"(?:" + alt(lex.from_words, spaced=sp) + r"\s+)?"
    numeric_sep = r"[/.]" if lex.dotted_dates else r"/"
    numeric = (
        lead + wd_lead + r"(?<![\d/.:])(?P<a>\d{1,2})" + numeric_sep + r"(?P<b>\d{1,2})"
        + r"(?:" + numeric_sep + r"(?P<year>\d{4}|\d{2})|\.)?(?![\d/])" + tail
    )
    suffixed = (
        r"(?:(?P<year>\d{4})\s*" + alt(lex.year_suffix, spaced=False) + r"\s*)?(?P<month>\d{1,2})\s*"
        + alt(lex.month_suffix, spaced=False) + r"\s*(?P<day>\d{1,2})\s*"
        + alt(lex.day_suffix, spaced=False) + tail
    ) if lex.month_suffix else r"(?!x)x"
    dom_lead = alt(lex.day_of_month_lead, spaced=sp)
    if lex.day_suffix:
        dom = r"(?<!\d)(?P<day>\d{1,2})\s*" + alt(lex.day_suffix, spaced=False) + r"(?!間|後)" + tail
    elif lex.day_of_month_lead:
        dom = lead + dom_lead + r"\s+(?P<day>\d{1,2})" + ords + r"(?!\w)"
    else:
        dom = r"(?!x)x"
    rel_words = alt([*lex.relative_days, *lex.evening_days], spaced=sp)
    mods = r"(?:(?P<mod>" + alt((*lex.this_words, *lex.next_words), spaced=sp) + r")\s+)?"
    weeks = alt((*lex.next_week, *lex.this_week), spaced=sp)
    part = r"(?:" + alt(lex.week_particles, spaced=False) + r")?" if lex.week_particles else ""
    weekday_full = (
        lead + r"(?:(?P<week1>" + weeks + r")\s*" + part + r"\s*" + lead + r")?" + mods
        + r"(?P<weekday>" + weekday + r")"
        + r"(?:\s+(?P<after>" + alt(lex.next_after, spaced=sp) + r"))?"
        + r"(?:,?\s+(?P<week2>" + weeks + r"))?" + tail
    )
    return _Patterns(
        iso=compile_ci(lead + wd_lead + r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
        numeric=compile_ci(numeric),
        suffixed=compile_ci(lead + suffixed),
        month_first=compile_ci(lead + wd_lead + month + r"\s*" + day + year + not_time + tail),
        day_first=compile_ci(
            lead + wd_lead + r"(?:" + dom_lead + r"\s+)?" + day + r"\s*" + of + month + year
        ),
        day_range_first=compile_ci(
            froms + r"(?<![\d:/.])(?P<day>\d{1,2})(?:" + ords + r")?\s*" + seps + r"\s*"
            + r"(?P<day2>\d{1,2})(?:" + ords + r")?\s*" + of + month + year
        ),
        month_range=compile_ci(
            froms + month + r"\s*" + day + r"\s*" + seps + r"\s*(?P<day2>\d{1,2})(?:" + ords
            + r")?(?![\d:])" + year + not_time
        ),
        dom=compile_ci(dom),
        relative=compile_ci(lead + r"(?P<rel>" + rel_words + r")" + tail),
        weekday=compile_ci(weekday_full),
        weekend=compile_ci(lead + r"(?P<w>" + alt(lex.weekend, spaced=sp) + r")" + tail),
        month_end=compile_ci(lead + r"(?P<w>" + alt(lex.month_end, spaced=sp) + r")" + tail),
    )


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


def find_dates(scan: Scan, *, locale: str) -> list[DateAtom]:
    """Every day phrase of the message, consumed from the scan, in text order."""
    lex = lexicon(locale)
    pats = _patterns(lex.code)
    atoms: list[DateAtom] = []

    def add(match: re.Match[str], atom: DateAtom) -> None:
        atoms.append(atom)
        scan.take(match.start(), match.end(), "date")

    for m in pats.iso.finditer(scan.view):
        y, mo, d = int(m["year"]), int(m["month"]), int(m["day"])
        if _valid(y, mo, d):
            add(m, DateAtom(DateSpec("ymd", year=y, month=mo, day=d), m.start(), m.end()))
    for m in pats.suffixed.finditer(scan.view):
        y, mo, d = _full_year(m["year"]), int(m["month"]), int(m["day"])
        if _valid(y, mo, d):
            add(m, DateAtom(DateSpec("ymd" if y else "md", year=y, month=mo, day=d), m.start(), m.end()))
    for pattern in (pats.day_range_first, pats.month_range):
        for m in pattern.finditer(scan.view):
            mo, d, d2 = lex.months[key(m["month"])], int(m["day"]), int(m["day2"])
            y = _full_year(m["year"])
            if d2 > d and _valid(y, mo, d) and _valid(y, mo, d2):
                kind: DateKind = "ymd" if y else "md"
                add(m, DateAtom(DateSpec(kind, year=y, month=mo, day=d), m.start(), m.end(),
                                last=DateSpec(kind, year=y, month=mo, day=d2)))
    for pattern in (pats.month_first, pats.day_first):
        for m in pattern.finditer(scan.view):
            mo, d, y = lex.months[key(m["month"])], int(m["day"]), _full_year(m["year"])
            if _valid(y, mo, d):
                add(m, DateAtom(DateSpec("ymd" if y else "md", year=y, month=mo, day=d),
                                m.start(), m.end()))
    for m in pats.numeric.finditer(scan.view):
        a, b, y = int(m["a"]), int(m["b"]), _full_year(m["year"])
        mo, d = (a, b) if lex.date_order == "md" else (b, a)
        if _valid(y, mo, d):
            add(m, DateAtom(DateSpec("ymd" if y else "md", year=y, month=mo, day=d), m.start(), m.end()))
    for m in pats.relative.finditer(scan.view):
        word = key(m["rel"])
        if word in lex.evening_days:
            offset, minutes = lex.evening_days[word]
            add(m, DateAtom(DateSpec("offset", offset=offset), m.start(), m.end(), day_part=minutes))
        else:
            add(m, DateAtom(DateSpec("offset", offset=lex.relative_days[word]), m.start(), m.end()))
    for m in pats.weekend.finditer(scan.view):
        add(m, DateAtom(DateSpec("weekend"), m.start(), m.end()))
    for m in pats.month_end.finditer(scan.view):
        add(m, DateAtom(DateSpec("monthend"), m.start(), m.end()))
    for m in pats.weekday.finditer(scan.view):
        add(m, DateAtom(DateSpec("weekday", weekday=lex.weekdays[key(m["weekday"])],
                                 week=_week(lex, m)), m.start(), m.end()))
    for m in pats.dom.finditer(scan.view):
        d = int(m["day"])
        if 1 <= d <= 31:
            add(m, DateAtom(DateSpec("dom", day=d), m.start(), m.end()))
    atoms.sort(key=lambda a: a.start)
    return atoms


def _week(lex: Lexicon, m: re.Match[str]) -> Week:
    week = m["week1"] or m["week2"]
    if week:
        return "nextweek" if key(week) in lex.next_week else "thisweek"
    mod = m["mod"]
    if (mod and key(mod) in lex.next_words) or m["after"]:
        return "next"
    return "plain"


@lru_cache(maxsize=16)
def _all_day_pattern(code: str) -> re.Pattern[str]:
    lex = lexicon(code)
    return compile_ci(alt(lex.all_day, spaced=lex.spaced))


def find_all_day(scan: Scan, *, locale: str) -> bool:
    """Whether the message says the event lasts all day ("all day", "終日"), consumed."""
    m = _all_day_pattern(lexicon(locale).code).search(scan.view)
    if m is None:
        return False
    scan.take(m.start(), m.end(), "date")
    return True


@lru_cache(maxsize=16)
def _link_patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon(code)
    sp = lex.spaced
    seps = alt((*lex.range_seps, *lex.from_seps), spaced=sp)
    froms = alt(lex.from_words, spaced=sp)
    shift = (r"(?:(?<!\d)(?P<num>\d{1,3})|(?P<word>" + alt(lex.number_words, spaced=sp) + r"))\s+(?P<unit>"
             + alt(lex.units, spaced=sp) + r")\s+" + alt(lex.shift_words, spaced=sp) + r"\s*$")
    return (compile_ci(RUN_START + r"[\s,]*" + seps + r"[\s,]*"), compile_ci(froms + r"\s*$"),
            compile_ci(shift))


def link_dates(scan: Scan, atoms: list[DateAtom], *, locale: str,
               times: list[tuple[int, int]]) -> list[DateAtom]:
    """Joins day phrases that belong together, consuming the words between them.

    "Monday to Wednesday" (and "Monday 9am to Wednesday 5pm") is one range; "Friday the
    4th" is the 4th; "a week from Friday" is Friday shifted by seven days.
    """
    lex = lexicon(locale)
    sep, lead, shift = _link_patterns(lex.code)
    out: list[DateAtom] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        if nxt is not None and atom.last is None:
            gap = "".join(ch for at, ch in enumerate(scan.text[atom.end:nxt.start], atom.end)
                          if not any(a <= at < b for a, b in times))
            if atom.spec.kind == "weekday" and nxt.spec.kind in ("dom", "md", "ymd") and \
                    not gap.strip(" ,"):
                out.append(DateAtom(nxt.spec, atom.start, nxt.end))
                i += 2
                continue
            if sep.fullmatch(gap) and nxt.last is None:
                m = sep.search(scan.text, atom.end)
                if m is not None and m.start() < nxt.start:
                    scan.take(m.start(), m.end(), "date")
                start = atom.start
                if (before := lead.search(scan.view[:atom.start])) is not None:
                    scan.take(before.start(), before.end(), "date")
                    start = before.start()
                out.append(DateAtom(atom.spec, start, nxt.end, last=nxt.spec,
                                    day_part=atom.day_part, last_end=nxt.end))
                i += 2
                continue
        window = max(0, atom.start - 40)  # a shift phrase is short: look just before the day
        if (m := shift.search(scan.view, window, atom.start)) is not None and \
                lex.units[key(m["unit"])] >= 1440:
            count = int(m["num"]) if m["num"] else lex.number_words[key(m["word"])]
            scan.take(m.start(), m.end(), "date")
            atom = DateAtom(atom.spec, m.start(), atom.end, day_part=atom.day_part,
                            shift=count * lex.units[key(m["unit"])] // 1440)
        out.append(atom)
        i += 1
    return out
