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
    # Written without spaces between words (ja): the title closes the gaps phrases leave.
    unspaced_title: bool = False
    date_order: Literal["md", "dm"] = "md"
    dotted_dates: bool = False  # "3.4." is a date (de)
    months: Table = field(default_factory=_empty)
    weekdays: Table = field(default_factory=_empty)  # 0 = Monday
    weekday_plurals: Table = field(default_factory=_empty)  # "mondays": a weekly rule
    weekday_groups: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    weekday_part_suffixes: Table = field(default_factory=_empty)  # de "Samstag|abend": 1080
    # "M/W/F", "Tu/Th": school-timetable day letters; two or more joined by "/" are weekly.
    day_letters: Table = field(default_factory=_empty)
    plural_groups: Words = ()  # "weekdays" alone is a weekly rule; "weekday" is not
    # fr "le mardi et le jeudi": days listed each with this article are a habit, weekly.
    habit_articles: Words = ()
    ordinal_suffixes: Words = ()
    day_of_month_lead: Words = ()  # "the" in "the 3rd"
    bare_day_of_month: bool = False  # fr "le 15", es "el 15": the day needs no ordinal suffix
    ordinal_nouns: Words = ()  # "the 4th floor": after these an ordinal counts, no day
    ordinal_words: Table = field(default_factory=_empty)  # "the twenty-third": 23
    of_words: Words = ()  # "3rd of December", "23 de diciembre"
    year_suffix: Words = ()
    next_year: Words = ()  # ja "来年1月8日", "Jan 8 next year": the date falls in next year
    month_suffix: Words = ()
    day_suffix: Words = ()
    relative_days: Table = field(default_factory=_empty)  # "tomorrow": 1
    evening_days: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # "tonight"
    day_parts: Table = field(default_factory=_empty)  # "morning": 540 minutes
    # Day parts only right after a day ("Tuesday night"): alone they name things ("movie night").
    day_tails: Table = field(default_factory=_empty)
    # A meal word only steers a bare hour ("dinner at 8" is 20:00); it sets no time itself.
    meals: Table = field(default_factory=_empty)
    named_times: Table = field(default_factory=_empty)  # "noon": 720, "midnight": 1440
    am_words: Words = ()
    pm_words: Words = ()
    am_prefixes: Words = ()
    pm_prefixes: Words = ()
    # pm prefixes of the night (ko "밤", ja "夜"): 12 is midnight, 1-4 the small hours after.
    night_prefixes: Words = ()
    hour_suffixes: Words = ()
    minute_suffixes: Words = ()
    half_words: Words = ()
    # Minutes moved from the hour named next ("half past 2", de "halb 3" = 2:30: -30).
    hour_words: Table = field(default_factory=_empty)  # es "a la una y media": 1:30
    hour_word_preps: Words = ()  # after these an hour word alone is a time: "a las doce"
    hour_leads: Table = field(default_factory=_empty)
    hour_tails: Table = field(default_factory=_empty)  # after the hour: es "3 y media" +30
    approx_suffixes: Words = ()  # "3ish", "noonish": still that time
    military_suffixes: Words = ()  # "1500h", "1500 hrs": a four-digit 24-hour clock
    time_preps: Words = ()
    time_particles: Words = ()  # after a time: ja "に", ko "에"
    date_preps: Words = ()
    date_particles: Words = ()  # after a date: ja "に", ko "에"
    this_words: Words = ()
    next_words: Words = ()  # "next Friday": ambiguous
    next_after: Words = ()  # "vendredi prochain"
    next_week: Words = ()
    this_week: Words = ()
    week_after_next: Words = ()  # ja "再来週の月曜日"
    after_next: Words = ()  # "Monday after next"
    week_particles: Words = ()  # ja "来週の火曜日"
    weekend: Words = ()
    next_weekend: Words = ()
    month_end: Words = ()
    next_month: Words = ()  # "the 3rd of next month"
    end_of: Words = ()  # "end of March": the month's last day
    month_end_suffix: Words = ()  # ja "3月末"
    holidays: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # "christmas eve"
    week_end: Words = ()  # "end of the week": the work week's Friday
    week_end_deadlines: Words = ()  # "EOW": at close of business, as "EOD"
    week_end_time: int | None = None  # that close of business, in minutes
    year_end: Words = ()
    in_words: Words = ()  # "in 2 hours"
    bare_minutes: Words = ()  # "call in 15": a round number after "in", alone, is minutes
    shift_words: Words = ()  # "a week from Friday"
    after_words: Words = ()  # "2時間後", "30분 후에", "from now"
    units: Table = field(default_factory=_empty)  # minutes per unit
    number_words: Table = field(default_factory=_empty)
    half_an_hour: Words = ()
    and_a_half: Words = ()  # "an hour and a half", "2 and a half hours"
    range_seps: Words = ()
    from_words: Words = ()
    open_ends: Words = ()  # "from 8pm till late": the end left open, said after the start
    from_seps: Words = ()
    range_end_particles: Words = ()
    all_day: Words = ()
    every: Words = ()
    every_other: Words = ()
    frequencies: Mapping[str, tuple[str, int]] = field(default_factory=dict)
    unit_frequencies: Mapping[str, str] = field(default_factory=dict)
    # "quarterly planning": frequency words that may be a plain adjective of the title
    frequency_adjectives: Words = ()
    series_starts: Words = ()  # "starting Dec 1": the first day of a series, no one-off date
    nth: Table = field(default_factory=_empty)  # "second": 2, "last": -1
    of_every_month: Words = ()
    # Of those, the ones that alone name this month: "the last day of the month" is one day
    # unless an "every" or "monthly" word says it repeats ("every 2nd Monday of the month").
    of_this_month: Words = ()
    day_word: Words = ()  # "day" in "the last day of every month"
    rule_leads: Words = ()  # "on the" before a rule's day: "on the last day of every month"
    until_words: Words = ()
    except_words: Words = ()  # "every day except weekends"
    until_suffixes: Words = ()  # after the date: ja "12月20日まで", ko "12월 20일까지"
    times_words: Words = ()  # "6 times"
    times_prefixes: Words = ()  # "x10"
    for_words: Words = ()  # "for 2 hours"
    fillers: Words = ()  # leading command and filler words
    filler_nouns: Words = ()  # after a filler word these make it a noun: "book club"
    greetings: Words = ()  # "hey team, ...": dropped with the group greeted
    polite_tail: Words = ()  # trailing politeness dropped from the title ("pls", "thanks")
    edge_joiners: Words = ()  # dropped at either end of the title
    phrasal_verbs: Words = ()  # "check in": a joiner that ends one stays in the title
    # Nouns that look like a time or a range but name the meeting: "the 1:1", "1-on-1".
    title_nouns: Words = ()
    # A change of plan: "(got) moved from Thursday to Friday", "at 5 instead of 4".
    change_verbs: Words = ()
    change_auxiliaries: Words = ()
    change_tos: Words = ()
    instead_words: Words = ()
    # Chat framing around the event: preamble words ("reminder for everyone:"), "I booked
    # the room for", and remarks that open a clause after the event ("ping me if...").
    preamble_words: Words = ()
    booking_leads: Words = ()
    side_remarks: Words = ()
    # A clause saying someone or something is away gives context, not the event's day.
    absence_words: Words = ()
    vague_times: Words = ()  # "asap", "when you're back": no date, and no part of the title
    with_words: Words = ()
    # "parler à Paul", "talk to Bob": after these verb stems (with up to four more
    # letters) the preposition leads a person, not a place.
    person_verbs: Words = ()
    person_preps: Words = ()
    name_joiners: Words = ()
    group_nouns: Words = ()  # "with Tokyo office": a capitalised word before these is a group
    not_names: Words = ()  # capitalised words that open a group, not a name: "The", "My"
    name_suffixes: Words = ()  # ja "Adeleと"
    # ko "지수랑", "민호, 유나와": a two- or three-syllable word before these is a given name,
    # unless `not_names` lists it or it ends in one of `not_name_endings` ("팀원들과").
    given_name_suffixes: Words = ()
    # ja "鈴木と打ち合わせ": a whole run of kanji that is a common family name, before a name
    # particle, is a person (a word table: ordinary nouns before "と" are not people).
    surnames: Words = ()
    not_name_endings: Words = ()
    place_preps: Words = ()
    place_suffixes: Words = ()  # ja "会議室Aで", ko "강남역에서"
    # ja "家族で", "3人で": before a place particle these say who, not where (also as endings).
    not_places: Words = ()
    honorifics: Words = ()  # ja "田中さん", ko "지수 님": "@田中さん" names a person, no place
    # "chez Inès" is her place; "chez le médecin" names whom the event visits, no place:
    # after these only a capitalised name is a location.
    person_place_preps: Words = ()
    # de "beim Arzt", "bei der Ärztin" (as fr "chez le médecin"): the preposition of visiting
    # with its article leads a common noun, whom the event visits, no place; "bei Anna" is
    # her place. German capitalises every noun, so the case test above cannot tell.
    visit_preps: Words = ()
    place_links: Words = ()  # small words inside a place name: "Bank of America"
    lowercase_places: Words = ()  # "at home": a place though not capitalised
    place_nouns: Words = ()  # "in conf room B": lower-case words ending in one are a place
    numbered_places: Words = ()  # "Gate 11", "Level 12": a number after these is a label
    place_articles: Words = ()  # "en la Sala 4B": the article may lead the place
    online_words: Words = ()  # detected anywhere, kept in the title
    online_platforms: Words = ()  # "on Zoom": taken out of the title
    online_preps: Words = ()
    online_particles: Words = ()  # after the medium: ja "Zoomで", taken out of the title
    reminder_leads: Words = ()
    reminder_before: Words = ()
    reminder_nouns: Words = ()  # "with a 15 minute reminder"
    # After a reminder lead, offsets said without a number: "remind me the day before".
    reminder_phrases: Table = field(default_factory=_empty)
    articles: Words = ()  # "a 30 min call"
    zone_names: Mapping[str, str] = field(default_factory=dict)  # "london time": IANA name
