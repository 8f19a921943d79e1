"""Date patterns: the compiled regular expressions `find_dates` reads, one set per locale."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import alt, compile_low, needles, no_noun_after, reach_of


@dataclass(frozen=True)
class DatePatterns:
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
    label: re.Pattern[str]  # read backwards: "Raum" in "Raum 3.12" makes the number a label


def _lead(lex: Lexicon) -> str:
    """An optional preposition before a date ("on", "am", "le"), consumed with it."""
    return r"(?:" + alt(lex.date_preps, spaced=lex.spaced) + r"\s+)?"


def _tail(lex: Lexicon) -> str:
    """An optional particle after a date (ja "に"/"の", ko "에")."""
    return r"(?:" + alt(lex.date_particles, spaced=False) + r")?" if lex.date_particles else ""


@lru_cache(maxsize=16)
def date_patterns(code: str) -> DatePatterns:
    lex = lexicon(code)
    sp = lex.spaced
    month = r"(?P<month>" + alt(lex.months, spaced=sp) + r")\.?"
    ords = alt(lex.ordinal_suffixes, spaced=False) if lex.ordinal_suffixes else r"(?!x)x"
    # "Jan 2:30" holds a clock; "Jan 2: offsite" a day before a colon.
    day = r"(?<![\d:/.])(?P<day>\d{1,2})(?:" + ords + r")?(?!\d|:\d)"
    # "Jan 8 next year", "8. Januar nächstes Jahr": a year named by its place from this one.
    later = (r"|,?\s+(?P<nexty>" + alt(lex.next_year, spaced=sp) + r")") if sp and lex.next_year \
        else ""
    year = r"(?:,?\s*(?P<year>\d{4})(?!\d)" + later + r")?"
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
    next_year = (r"|(?P<nexty>" + alt(lex.next_year, spaced=False) + r")\s*"
                 if lex.next_year else "")
    suffixed = (
        r"(?:(?P<year>\d{4})\s*" + alt(lex.year_suffix, spaced=False)
        + r"\s*" + next_year + r")?(?P<month>\d{1,2})\s*"
        + alt(lex.month_suffix, spaced=False) + r"\s*(?P<day>\d{1,2})\s*"
        + alt(lex.day_suffix, spaced=False) + tail
    ) if lex.month_suffix else r"(?!x)x"
    dom_lead = alt(lex.day_of_month_lead, spaced=sp)
    if lex.day_suffix:
        # "3日" is the 3rd, but "3日間" (three days) and "3日後" (in three days) are lengths.
        # "3日間" (for 3 days), "3日後" / "3일 후" (in 3 days) count days: no day of the month.
        later = alt(lex.after_words, spaced=False) if lex.after_words else r"(?!x)x"
        dom = (r"(?<!\d)(?P<day>\d{1,2})\s*" + alt(lex.day_suffix, spaced=False)
               + r"(?!間|\s*(?:" + later + r"))")
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
    named_day = r"(?P<weekday>" + weekday + r")"
    if lex.weekday_part_suffixes:
        # de "Samstagabend": a day part glued to the day's name.
        named_day = (r"(?P<weekday>" + alt(lex.weekdays, spaced=sp, open_end=True) + r")(?:"
                     + r"(?P<wpart>" + alt(lex.weekday_part_suffixes, spaced=False)
                     + r"))?(?!\w)\.?")
    weekday_full = (
        named_day
        + r"(?:\s+(?P<after>" + alt(lex.next_after, spaced=sp) + r"))?"
        + r"(?:\s+(?P<later>" + alt(lex.after_next, spaced=sp) + r"))?"
        + r"(?:,?\s+(?P<week2>" + weeks + r"))?" + tail
    )
    if lex.bare_day_of_month:
        # es "el lunes 17", fr "vendredi 12": a bare number after the day is its date.
        weekday_full += r"(?:,?\s+(?P<dom>\d{1,2})(?![\d:.,/])" + not_time + r")?"
    return DatePatterns(
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
        label=compile_low(alt(lex.numbered_places, spaced=sp) + r"[ ]$"),
        weekday_reach=reach_of(lex.date_preps, (*lex.next_week, *lex.this_week,
                                                *lex.week_after_next), lex.week_particles,
                               lex.date_preps, (*lex.this_words, *lex.next_words)),
        weekday_lead=compile_low(
            _lead(lex) + r"(?:(?P<week1>" + weeks + r")\s*" + part + r"\s*" + _lead(lex) + r")?"
            + mods + "$"),
    )
