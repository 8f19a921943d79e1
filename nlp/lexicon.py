"""Lexicon: the word tables of one language, plain data that the grammar compiles.

A new locale is a new `Lexicon` in `nlp/locales/`, never new parsing code. Keys are
lower-case; the grammar matches them case-insensitively, longest first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Words = tuple[str, ...]
Table = Mapping[str, int]


def _empty() -> dict[str, int]:
    return {}


@dataclass(frozen=True)
class Lexicon:
    """Every word list the grammar needs for one language."""

    code: str
    # Spaced languages get word boundaries; ja/ko words glue to digits and particles.
    spaced: bool = True
    date_order: Literal["md", "dm"] = "md"
    dotted_dates: bool = False  # "3.4." is a date (de)
    months: Table = field(default_factory=_empty)
    weekdays: Table = field(default_factory=_empty)  # 0 = Monday
    weekday_plurals: Table = field(default_factory=_empty)  # "mondays": a weekly rule
    weekday_groups: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    plural_groups: Words = ()  # "weekdays" alone is a weekly rule; "weekday" is not
    ordinal_suffixes: Words = ()
    day_of_month_lead: Words = ()  # "the" in "the 3rd"
    of_words: Words = ()  # "3rd of December", "23 de diciembre"
    year_suffix: Words = ()
    month_suffix: Words = ()
    day_suffix: Words = ()
    relative_days: Table = field(default_factory=_empty)  # "tomorrow": 1
    evening_days: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # "tonight"
    day_parts: Table = field(default_factory=_empty)  # "morning": 540 minutes
    named_times: Table = field(default_factory=_empty)  # "noon": 720, "midnight": 1440
    am_words: Words = ()
    pm_words: Words = ()
    am_prefixes: Words = ()
    pm_prefixes: Words = ()
    hour_suffixes: Words = ()
    minute_suffixes: Words = ()
    half_words: Words = ()
    time_preps: Words = ()
    time_particles: Words = ()  # after a time: ja "に", ko "에"
    date_preps: Words = ()
    date_particles: Words = ()  # after a date: ja "に", ko "에"
    this_words: Words = ()
    next_words: Words = ()  # "next Friday": ambiguous
    next_after: Words = ()  # "vendredi prochain"
    next_week: Words = ()
    this_week: Words = ()
    week_particles: Words = ()  # ja "来週の火曜日"
    weekend: Words = ()
    month_end: Words = ()
    in_words: Words = ()  # "in 2 hours"
    shift_words: Words = ()  # "a week from Friday"
    after_words: Words = ()  # "2時間後", "30분 후에", "from now"
    units: Table = field(default_factory=_empty)  # minutes per unit
    number_words: Table = field(default_factory=_empty)
    half_an_hour: Words = ()
    range_seps: Words = ()
    from_words: Words = ()
    from_seps: Words = ()
    range_end_particles: Words = ()
    all_day: Words = ()
    every: Words = ()
    every_other: Words = ()
    frequencies: Mapping[str, tuple[str, int]] = field(default_factory=dict)
    unit_frequencies: Mapping[str, str] = field(default_factory=dict)
    nth: Table = field(default_factory=_empty)  # "second": 2, "last": -1
    of_every_month: Words = ()
    day_word: Words = ()  # "day" in "the last day of every month"
    until_words: Words = ()
    times_words: Words = ()  # "6 times"
    for_words: Words = ()  # "for 2 hours"
    fillers: Words = ()  # leading command and filler words
    edge_joiners: Words = ()  # dropped at either end of the title
    with_words: Words = ()
    name_joiners: Words = ()
    name_suffixes: Words = ()  # ja "Adeleと"
    place_preps: Words = ()
    place_suffixes: Words = ()  # ja "会議室Aで", ko "강남역에서"
    lowercase_places: Words = ()  # "at home": a place though not capitalised
    place_articles: Words = ()  # "en la Sala 4B": the article may lead the place
    online_words: Words = ()  # detected anywhere, kept in the title
    online_platforms: Words = ()  # "on Zoom": taken out of the title
    online_preps: Words = ()
    reminder_leads: Words = ()
    reminder_before: Words = ()
    reminder_nouns: Words = ()  # "with a 15 minute reminder"
    articles: Words = ()  # "a 30 min call"
    zone_names: Mapping[str, str] = field(default_factory=dict)  # "london time": IANA name
