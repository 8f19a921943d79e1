"""Recurrence patterns: the compiled regular expressions `find_recurrence` reads, per locale."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.locales import lexicon
from nlp.pattern import RUN_START, alt, compile_low, needles


@dataclass(frozen=True)
class RulePatterns:
    nth_weekday: re.Pattern[str]
    every_date: re.Pattern[str]  # "every Dec 3": yearly; the date finder reads the day
    nth_day: re.Pattern[str]
    every_list: re.Pattern[str]
    every_unit: re.Pattern[str]
    frequency: re.Pattern[str]
    plural: re.Pattern[str]
    every_part: re.Pattern[str]
    times: re.Pattern[str]
    for_units: re.Pattern[str]
    until: re.Pattern[str]
    until_suffix: re.Pattern[str]
    day_names: re.Pattern[str]
    nth_words: re.Pattern[str]
    bare_nth_weekday: re.Pattern[str]  # "first Friday" apart from "monthly"
    except_days: re.Pattern[str]
    habit: re.Pattern[str]  # fr "le mardi et le jeudi"
    trigger: re.Pattern[str]  # any word a repeat phrase needs: no match, no rule to look for
    trigger_words: tuple[str, ...]  # pieces of those words: a cheaper test before `trigger`
    letters: re.Pattern[str]  # "M/W/F": read case-sensitively, on the text as written
    adjective: re.Pattern[str]  # "quarterly planning": a frequency word that leads a noun
    determiner: re.Pattern[str]  # read backwards: "the quarterly review" is one event
    one_off: re.Pattern[str]  # a date that happens once: "Jan 26", "12/3", "tomorrow"
    # read backwards: "until Dec 18", "starting Dec 1" bound a rule, no one-off date
    bound_lead: re.Pattern[str]


@lru_cache(maxsize=16)
def rule_patterns(code: str) -> RulePatterns:
    lex = lexicon(code)
    sp = lex.spaced
    w = r"\s+" if sp else r"\s*"
    on = r"(?:" + alt(lex.rule_leads, spaced=sp) + r"\s+)?" if sp else ""
    day = alt((*lex.weekdays, *lex.weekday_plurals, *lex.weekday_groups), spaced=sp) + r"\.?"
    joiner = r"\s*(?:,|/|&|\+|" + alt(lex.name_joiners, spaced=sp) + r"|,\s*" + alt(
        lex.name_joiners, spaced=sp) + r")\s*"
    day_list = r"(?P<list>" + day + r"(?:" + joiner + day + r")*)"
    # "every mon wed fri": after "every" people list days with bare spaces too.
    spaced_list = r"(?P<list>" + day + r"(?:(?:" + joiner + r"|\s+)" + day + r")*)"
    every = alt(lex.every, spaced=sp)
    other = alt(lex.every_other, spaced=sp)
    nth_word = alt(lex.nth, spaced=sp)
    # "the 1st and 3rd Monday": several positions share one weekday.
    nth = r"(?P<nth>" + nth_word + r"(?:" + joiner + nth_word + r")*)"
    of_every = alt(lex.of_every_month, spaced=sp)
    ordinal = nth_word
    leads = lex.day_of_month_lead
    the = r"(?:" + alt(leads, spaced=sp) + w + r")?" if leads else ""
    if lex.ordinal_suffixes and sp:
        ordinal = (r"(?:(?<![\d.:/])\d{1,2}(?:" + alt(lex.ordinal_suffixes, spaced=False)
                   + r")(?!\w)|" + nth_word + r")")
    units = r"(?P<unit>" + alt(lex.unit_frequencies, spaced=sp) + r")"
    number = r"(?P<n>\d+|" + alt(lex.number_words, spaced=sp) + r")"
    # "every two weeks": a number word counts as its digits, an article does not ("every a").
    count = r"(?P<n>\d+|" + alt([n for n in lex.number_words if n not in lex.articles],
                                 spaced=sp) + r")"
    monthly = alt([k for k, (f, _) in lex.frequencies.items() if f == "MONTHLY"], spaced=sp)
    nth_lead = r"(?:(?P<lead>" + every + r"|" + monthly + r")" + w + on + r"|" + on + r")"
    months = alt(lex.months, spaced=sp)
    weeks = (*lex.next_week, *lex.this_week, *lex.week_after_next)
    one_day = alt(lex.weekdays, spaced=sp)
    return RulePatterns(
        nth_weekday=compile_low(nth_lead + nth + w + r"(?P<wd>" + day + r")"
                                + r"(?:" + w + r"(?P<of>" + of_every + r"))?"),
        every_date=compile_low(every + r"(?=" + w + months + r"\.?\s*\d)"),
        # "the last day of every month", "1st and 15th of each month": BYMONTHDAY.
        # "monthly on the last day", ko "매달 마지막 날": after a monthly word the day noun
        # alone says it is a day of the month.
        nth_day=compile_low(r"(?:(?P<lead>" + monthly + r")" + w + r")?" + on + r"(?P<nth>"
                            + ordinal + r"(?:" + joiner + the + ordinal + r")*)"
                            + r"(?:" + w + r"(?P<dayw>" + alt(lex.day_word, spaced=sp) + r"))?"
                            + r"(?(lead)(?(dayw)(?:" + w + of_every + r")?|(?!x)x)|" + w
                            + of_every + r")"),
        every_list=compile_low(r"(?:(?P<other>" + other + r")|" + every + r")" + w + spaced_list),
        every_unit=compile_low(r"(?:(?P<other>" + other + r")|" + every + w + count + r")"
                               + w + units
                              + r"(?:\s*" + on + day_list + r")?"),
        frequency=compile_low(r"(?P<freq>" + alt(lex.frequencies, spaced=sp) + r")"
                             + r"(?:\s*" + on + day_list + r")?"),
        habit=compile_low(alt(lex.habit_articles, spaced=sp) + w + r"(?P<list>" + day + r"(?:"
                          + joiner + alt(lex.habit_articles, spaced=sp) + w + day + r")+)"),
        plural=compile_low(r"(?P<list>" + alt((*lex.weekday_plurals, *lex.plural_groups), spaced=sp)
                          + r"(?:" + joiner + day + r")*)"),
        every_part=compile_low(every + r"(?=" + w + alt((*lex.day_parts, *lex.day_tails),
                                                        spaced=sp) + r")"),
        times=compile_low(RUN_START + r",?\s*(?:(?<!\d)(?P<n>\d+)\s*"
                          + alt(lex.times_words, spaced=sp) + r"|(?<!\w)"
                          + alt(lex.times_prefixes, spaced=False)
                          + r"\s*(?P<n2>\d{1,4})(?!\w))"),
        for_units=compile_low(alt(lex.for_words, spaced=sp) + w + number + w + units),
        until=compile_low(RUN_START + r",?\s*" + alt(lex.until_words, spaced=sp) + r"\s*"),
        until_suffix=compile_low(alt(lex.until_suffixes, spaced=sp)),
        day_names=compile_low(day),
        nth_words=compile_low(nth_word),
        bare_nth_weekday=compile_low(on + nth + w + r"(?P<wd>" + day + r")"),
        except_days=compile_low(RUN_START + r"[\s,]*" + alt(lex.except_words, spaced=sp)
                                + r"\s*" + on + day_list),
        letters=re.compile(r"(?<![\w/])(?:" + alt(lex.day_letters) + r")(?:/(?:"
                           + alt(lex.day_letters) + r")){1,6}(?![\w/])"),
        adjective=compile_low(alt(lex.frequency_adjectives, spaced=sp) + r"[ ]+(?!"
                              + alt((*lex.rule_leads, *lex.weekdays, *lex.weekday_plurals,
                                     *lex.weekday_groups, *lex.months, *lex.relative_days,
                                     *lex.evening_days, *lex.time_preps, *lex.date_preps,
                                     *lex.until_words, *lex.for_words, *lex.every,
                                     *lex.named_times, *lex.day_parts), spaced=sp)
                              + r")[^\W\d]"),
        determiner=compile_low(alt((*lex.articles, *lex.place_articles), spaced=sp) + r"[ ]+$"),
        one_off=compile_low(r"(?:" + months + r")\.?[ ]*\d|\d(?:" + alt(
            lex.ordinal_suffixes, spaced=False) + r")?[ ]+(?:" + alt(lex.of_words, spaced=sp)
            + r"[ ]+)?(?:" + months + r")|(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])"
            + r"|(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)|"
            + alt((*lex.relative_days, *lex.evening_days), spaced=sp) + r"|(?:"
            + alt(lex.in_words, spaced=sp) + r")[ ]+" + number + r"[ ]+" + alt(
                [u for u, minutes in lex.units.items() if minutes >= 1440], spaced=sp)
            # "this Friday", "Wednesday next week": a weekday of one week is one day.
            + r"|" + alt((*lex.this_words, *lex.next_words, *weeks), spaced=sp) + r"[ ]+(?:"
            + alt(lex.date_preps, spaced=sp) + r"[ ]+)?" + one_day + r"|" + one_day + r",?[ ]+"
            + alt(weeks, spaced=sp)),
        bound_lead=compile_low(alt((*lex.until_words, *lex.series_starts), spaced=sp)
                               + r"[ ]+$"),
        trigger=compile_low(alt((*lex.every, *lex.every_other, *lex.frequencies,
                                 *lex.weekday_plurals, *lex.plural_groups,
                                 *lex.of_every_month), spaced=sp)),
        trigger_words=needles(lex.every, lex.every_other, lex.frequencies, lex.weekday_plurals,
                              lex.plural_groups, lex.of_every_month),
    )
