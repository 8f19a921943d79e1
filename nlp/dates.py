"""Dates: the day phrases of a message ("Dec 3", "12/3", "the 3rd", "next Friday", "tmrw")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import (
    alt,
    before,
    compile_low,
    holds,
    key,
    matches,
    needles,
    no_noun_after,
    reach_of,
)
from nlp.scan import Scan

_DAY_NUMBER = re.compile(r"\d{1,2}")
_NOUN_NEXT = re.compile(r"[ ]+[^\W\d]")  # a word follows: "month-end close" is a modifier
_DIGIT = re.compile(r"\d")
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
    offset: int = 0  # days from today ("tomorrow": 1); for "dom", months ahead
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


@dataclass(frozen=True)
class _Patterns:
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    suffixed: re.Pattern[str]
    month_first: re.Pattern[str]
    day_first: re.Pattern[str]
    day_first_words: re.Pattern[str]  # "the fifth of December"
    day_range_first: re.Pattern[str]
    month_range: re.Pattern[str]
    dom: re.Pattern[str]
    relative: re.Pattern[str]
    relative_words: tuple[str, ...]  # pieces of the words `relative` needs: a cheap gate
    weekday: re.Pattern[str]
    weekday_pieces: tuple[str, ...]  # one is in every day name: a cheap gate before `weekday`
    ends: re.Pattern[str]  # "this weekend", "end of the week / month / year": one search
    ends_words: tuple[str, ...]  # pieces of the words `ends` needs: a cheap gate
    month_word: re.Pattern[str]  # any month name: the month patterns run only when one is there
    month_pieces: tuple[str, ...]  # one is in every month name: a cheap gate before `month_word`
    day_part: re.Pattern[str]  # es "por la mañana" (in the morning) holds "mañana" (tomorrow)
    part_clash: bool
    lead: re.Pattern[str]  # read backwards from a day phrase: "on", "am", "le"
    article_lead: re.Pattern[str]  # read backwards: "the" in "the Monday after next"
    weekday_lead: re.Pattern[str]  # "next", "this", "next week (on)"
    lead_reach: int
    weekday_reach: int


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
    # "December fifth", "the fifth of December": a word ordinal beside a month is a day.
    day_any = r"(?:" + day + (r"|(?P<dayw>" + alt(lex.ordinal_words, spaced=sp) + r"))"
                              if lex.ordinal_words else ")")
    weekday = alt(lex.weekdays, spaced=sp) + r"\.?"
    tail = _tail(lex)
    of = r"(?:" + alt(lex.of_words, spaced=sp) + r"\s+)?"
    marks = alt((*lex.am_words, *lex.pm_words, *lex.hour_suffixes), spaced=False)
    not_time = r"(?!\s*(?:[:.]\d|" + marks + r"(?![^\W\d_])))"
    seps = alt(lex.range_seps + lex.from_seps, spaced=sp)
    froms = r"(?:" + alt(lex.from_words, spaced=sp) + r"\s+)?"
    numeric_sep = r"[/.]" if lex.dotted_dates else r"/"
    numeric = (
        r"(?<![\d/.:])(?P<a>\d{1,2})" + numeric_sep + r"(?P<b>\d{1,2})"
        + r"(?:" + numeric_sep + r"(?P<year>\d{4}|\d{2})|\.)?(?![\d/])" + tail
    )
    suffixed = (
        r"(?:(?P<year>\d{4})\s*" + alt(lex.year_suffix, spaced=False)
        + r"\s*)?(?P<month>\d{1,2})\s*"
        + alt(lex.month_suffix, spaced=False) + r"\s*(?P<day>\d{1,2})\s*"
        + alt(lex.day_suffix, spaced=False) + tail
    ) if lex.month_suffix else r"(?!x)x"
    dom_lead = alt(lex.day_of_month_lead, spaced=sp)
    if lex.day_suffix:
        # "3日" is the 3rd, but "3日間" (three days) and "3日後" (in three days) are lengths.
        dom = r"(?<!\d)(?P<day>\d{1,2})\s*" + alt(lex.day_suffix, spaced=False) + r"(?!間|後)"
        dom += tail
    elif lex.day_of_month_lead:
        bare = r"?" + not_time if lex.bare_day_of_month else ""
        # "the 1st and 15th": more days of the month, kept for a monthly rule.
        joiner = r"\s*(?:,|" + alt(lex.name_joiners, spaced=sp) + r")\s*(?:" + dom_lead + r"\s+)?"
        also = r"(?P<also>(?:" + joiner + r"\d{1,2}(?:" + ords + r")(?!\w)){0,30})"
        # "the 4th floor", "the 5th birthday": an ordinal that counts a noun names no day.
        counted = (r"(?![ \t]+" + alt(lex.ordinal_nouns, spaced=sp) + r")"
                   if lex.ordinal_nouns else "")
        dom = (dom_lead + r"\s+(?:(?P<day>\d{1,2})(?:" + ords + r")" + bare + r"(?!\w)"
               + counted + also)
        if lex.ordinal_words:
            # "on the twenty-third": a word ordinal names a day only where no noun follows
            # ("the first draft" is no date).
            dom += r"|(?P<dayw>" + alt(lex.ordinal_words, spaced=sp) + r")" + no_noun_after(lex)
        dom += r")"
        if lex.ordinal_suffixes and all(o.isalpha() for o in lex.ordinal_suffixes):
            # "Meeting 23rd at 10": a written ordinal needs no "the", unless a noun follows
            # ("3rd party", "2nd floor").
            dom += (r"|(?<![\w.:/])(?P<dayb>\d{1,2})(?:" + ords + r")(?!\w)"
                    + no_noun_after(lex))
    else:
        dom = r"(?!x)x"
    rel_words = alt([*lex.relative_days, *lex.evening_days], spaced=sp)
    mods = r"(?:(?P<mod>" + alt((*lex.this_words, *lex.next_words), spaced=sp) + r")"
    mods += (r"\s+)?" if sp else r"\s*)?")
    weeks = alt((*lex.next_week, *lex.this_week, *lex.week_after_next), spaced=sp)
    part = r"(?:" + alt(lex.week_particles, spaced=False) + r")?" if lex.week_particles else ""
    weekday_full = (
        r"(?P<weekday>" + weekday + r")"
        + r"(?:\s+(?P<after>" + alt(lex.next_after, spaced=sp) + r"))?"
        + r"(?:\s+(?P<later>" + alt(lex.after_next, spaced=sp) + r"))?"
        + r"(?:,?\s+(?P<week2>" + weeks + r"))?" + tail
    )
    return _Patterns(
        iso=compile_low(r"(?<!\d)(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)"
                        r"(?P<day>\d{1,2})(?!\d)"),
        numeric=compile_low(numeric),
        suffixed=compile_low(suffixed),
        month_first=compile_low(month + r"\s*(?:" + dom_lead + r"\s+)?" + day_any + year
                                + not_time + tail),
        day_first=compile_low(r"(?:" + dom_lead + r"\s+)?" + day + r"\s*" + of + month + year),
        # Kept apart from the digit form, which the engine can skip ahead on.
        day_first_words=compile_low(r"(?:" + dom_lead + r"\s+)?(?P<dayw>" + alt(
            lex.ordinal_words, spaced=sp) + r")\s*" + of + month + year),
        day_range_first=compile_low(
            froms + r"(?<![\d:/.])(?P<day>\d{1,2})(?:" + ords + r")?\s*" + seps + r"\s*"
            + r"(?P<day2>\d{1,2})(?:" + ords + r")?\s*" + of + month + year
        ),
        month_range=compile_low(
            froms + month + r"\s*" + day + r"\s*" + seps + r"\s*(?P<day2>\d{1,2})(?:" + ords
            + r")?(?![\d:])" + year + not_time
        ),
        dom=compile_low(dom),
        relative=compile_low(r"(?P<rel>" + rel_words + r")" + tail),
        relative_words=needles(lex.relative_days, lex.evening_days),
        weekday=compile_low(weekday_full),
        weekday_pieces=needles(lex.weekdays, sizes=(3, 4)),
        month_word=compile_low(alt(lex.months, spaced=sp)),
        month_pieces=needles(lex.months, sizes=(3, 4)),
        ends_words=needles(lex.weekend, lex.next_weekend, lex.month_end, lex.week_end,
                           lex.year_end, sizes=(3, 4)),
        ends=compile_low(r"(?P<w>" + alt((*lex.weekend, *lex.next_weekend, *lex.month_end,
                                          *lex.week_end, *lex.year_end), spaced=sp) + r")"
                         + tail),
        day_part=compile_low(alt(lex.day_parts, spaced=sp)),
        part_clash=any(word in part for word in lex.relative_days for part in lex.day_parts),
        lead=compile_low(_lead(lex) + "$"),
        article_lead=compile_low(_lead(lex) + alt(lex.articles, spaced=sp) + r"\s+$"),
        lead_reach=reach_of(lex.date_preps),
        weekday_reach=reach_of(lex.date_preps, (*lex.next_week, *lex.this_week,
                                                *lex.week_after_next), lex.week_particles,
                               lex.date_preps, (*lex.this_words, *lex.next_words)),
        weekday_lead=compile_low(
            _lead(lex) + r"(?:(?P<week1>" + weeks + r")\s*" + part + r"\s*" + _lead(lex) + r")?"
            + mods + "$"),
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
            spec = DateSpec("ymd" if y else "md", year=y, month=mo, day=d)
            add(m, DateAtom(spec, m.start(), m.end()))
    for pattern in (pats.day_range_first, pats.month_range):
        for m in matches(pattern, scan.low) if months else ():
            mo, d, d2 = lex.months[key(m["month"])], int(m["day"]), int(m["day2"])
            y = _full_year(m["year"])
            if d2 > d and _valid(y, mo, d) and _valid(y, mo, d2):
                kind: DateKind = "ymd" if y else "md"
                add(m, DateAtom(DateSpec(kind, year=y, month=mo, day=d), m.start(), m.end(),
                                last=DateSpec(kind, year=y, month=mo, day=d2)))
    for pattern, run in ((pats.month_first, months or wordy), (pats.day_first, months),
                         (pats.day_first_words, wordy)):
        for m in matches(pattern, scan.low) if run else ():
            mo, y = lex.months[key(m["month"])], _full_year(m["year"])
            groups = m.groupdict()
            d = int(groups["day"]) if groups.get("day") else lex.ordinal_words[key(m["dayw"])]
            if _valid(y, mo, d):
                add(m, DateAtom(DateSpec("ymd" if y else "md", year=y, month=mo, day=d),
                                m.start(), m.end()))
    for m in matches(pats.numeric, scan.low) if digits else ():
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
        # "Cottage weekend Dec 11-13": a calendar date wins over a vague period, which stays
        # in the title; so does a hyphenated modifier ("Month-end close", "year-end party").
        explicit = any(a.spec.kind in ("ymd", "md") for a in atoms)
        if (explicit and key(m["w"]) in (*lex.weekend, *lex.month_end, *lex.year_end)) or (
                "-" in m["w"] and _NOUN_NEXT.match(scan.low, m.end())):
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
        start = lead.start() if lead else m.start()
        if m["later"] and (article := before(pats.article_lead, scan.low, start)):
            start = article.start()  # "the Monday after next": one day, the article with it
        add(m, DateAtom(spec, start, m.end()), week=week)
    # A day of the month is written with a digit or after its lead word ("the fifth").
    for m in matches(pats.dom, scan.low) if digits or any(
            word in scan.low for word in lex.day_of_month_lead) else ():
        groups = m.groupdict()
        digits_day = groups.get("day") or groups.get("dayb")
        d = int(digits_day) if digits_day else lex.ordinal_words[key(m["dayw"])]
        if 1 <= d <= 31:
            also = tuple(int(n) for n in _DAY_NUMBER.findall(m.groupdict().get("also") or ""))
            add(m, DateAtom(DateSpec("dom", day=d), m.start(), m.end(),
                            also=tuple(n for n in also if 1 <= n <= 31 and n != d)))
    atoms.sort(key=lambda a: a.start)
    return atoms


@lru_cache(maxsize=16)
def _place_name_lead(code: str) -> re.Pattern[str]:
    lex = lexicon(code)
    # Case-sensitive on the view: capitalised words after a place preposition.
    return re.compile(r"(?:(?i:" + alt(lex.place_preps, spaced=lex.spaced)
                      + r")|@)\s+(?:[A-Z\u00c0-\u00de][\w'’&.-]*\s+){1,3}$")


def _in_place_name(lex: Lexicon, scan: Scan, m: re.Match[str]) -> bool:
    """Whether a capitalised day abbreviation ends a place's name ("@ Lau Pa Sat")."""
    word = scan.text[m.start("weekday"):m.end("weekday")]
    if not (word[:1].isupper() and lex.spaced and lex.place_preps) or \
            len(word) >= _full_length(lex.code, lex.weekdays[key(word)]):
        return False
    return before(_place_name_lead(lex.code), scan.view, m.start("weekday"), reach=60) is not None


@lru_cache(maxsize=64)
def _full_length(code: str, weekday: int) -> int:
    """The length of the day's name written out ("Saturday"): shorter is an abbreviation."""
    return max(len(w) for w, n in lexicon(code).weekdays.items() if n == weekday)


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
