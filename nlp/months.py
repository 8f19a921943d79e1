"""Months: days named by their month or by name ("the 3rd of next month", "until March",
"Christmas Eve")."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from nlp.dates import DateAtom, DateSpec
from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import alt, compile_low, key, matches, no_noun_after
from nlp.scan import Scan


@lru_cache(maxsize=16)
def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon(code)
    sp = lex.spaced
    # A month named alone, with no day after it: only an UNTIL date reads it ("until March").
    alone = r"(?P<month>" + alt(lex.months, spaced=sp) + r")\.?(?!\s*\d)"
    if lex.month_suffix and lex.until_suffixes:
        # ko "12월까지": a numbered month right before the (consumed) UNTIL particle.
        alone += r"|(?<!\d)(?P<n>\d{1,2})\s*" + alt(lex.month_suffix, spaced=False) + r"(?!\s*\d)"
    # A holiday names its day unless a noun follows: "Christmas party" is no date.
    holiday = r"(?P<day>" + alt(lex.holidays, spaced=sp) + r")" + no_noun_after(lex)
    return (compile_low(alt(lex.next_month, spaced=sp)), compile_low(alone),
            compile_low(holiday))


@lru_cache(maxsize=16)
def _end_pattern(code: str) -> re.Pattern[str]:
    lex = lexicon(code)
    sp = lex.spaced
    forms: list[str] = []
    if lex.end_of and lex.months:
        forms.append(alt(lex.end_of, spaced=sp) + r"\s*(?:(?P<month>" + alt(lex.months, spaced=sp)
                     + r")\.?(?!\s*\d)|(?P<next>" + alt(lex.next_month, spaced=sp) + r"))")
    if lex.month_end_suffix and lex.month_suffix:
        forms.append(r"(?<!\d)(?P<n>\d{1,2})\s*" + alt(lex.month_suffix, spaced=False) + r"\s*"
                     + alt(lex.month_end_suffix, spaced=False))
    return compile_low("|".join(forms) if forms else r"(?!x)x")


@lru_cache(maxsize=16)
def _nth_pattern(code: str) -> re.Pattern[str]:
    """"the 2nd Tuesday of next month", "the last Friday of December": one day."""
    lex = lexicon(code)
    sp = lex.spaced
    if not (lex.nth and lex.of_words and lex.months and sp):
        return re.compile(r"(?!x)x")
    lead = r"(?:" + alt(lex.day_of_month_lead) + r"\s+)?" if lex.day_of_month_lead else ""
    return compile_low(lead + r"(?P<nth>" + alt(lex.nth) + r")\s+(?P<wd>" + alt(lex.weekdays)
                       + r")\.?\s+" + alt(lex.of_words) + r"\s+(?:(?P<next>"
                       + alt(lex.next_month) + r")|(?P<month>" + alt(lex.months) + r")\.?)"
                       + r"(?!\s*\d)")


@lru_cache(maxsize=16)
def _this_month_pattern(code: str) -> re.Pattern[str]:
    """"the last day of the month", "the 2nd Tuesday of the month", "the 1st of the month":
    one day of this month (the recurrence finder left them: no "every" word)."""
    lex = lexicon(code)
    sp = lex.spaced
    if not (lex.of_this_month and lex.nth and sp):
        return re.compile(r"(?!x)x")
    lead = r"(?:" + alt(lex.day_of_month_lead) + r"\s+)?" if lex.day_of_month_lead else ""
    ords = r"|(?<![\d.:/])(?P<dom>\d{1,2})(?:" + alt(lex.ordinal_suffixes, spaced=False) + r")" \
        if lex.ordinal_suffixes else ""
    return compile_low(lead + r"(?:(?P<nth>" + alt(lex.nth) + r")\s+(?:(?P<dayw>" + alt(
        lex.day_word or ("(?!x)x",)) + r")|(?P<wd>" + alt(lex.weekdays) + r")\.?)" + ords
        + r")\s+" + alt(lex.of_this_month))


def _this_month_day(m: re.Match[str], lex: Lexicon) -> DateSpec | None:
    if m["dom"]:
        day = int(m["dom"])
        return DateSpec("dom", day=day) if 1 <= day <= 31 else None
    nth = lex.nth[key(m["nth"])]
    if m["wd"]:
        return DateSpec("nth", day=nth, weekday=lex.weekdays[key(m["wd"])])
    return DateSpec("monthend") if nth == -1 else DateSpec("dom", day=nth)


def find_month_ends(scan: Scan, *, locale: str) -> list[DateAtom]:
    """The last day of a named month ("end of March", ja "3月末") and a weekday counted in a
    month ("the 2nd Tuesday of next month"), consumed before the day finders read "月末"
    (this month's end) or "the 2nd" inside them."""
    lex = lexicon(locale)
    found: list[DateAtom] = []
    # "of" is in every such phrase: a substring test spares most messages the search.
    counted = any(word in scan.low for word in lex.of_words)
    for m in matches(_nth_pattern(lex.code), scan.low) if counted else ():
        spec = DateSpec("nth", day=lex.nth[key(m["nth"])], weekday=lex.weekdays[key(m["wd"])],
                        month=0 if m["next"] else lex.months[key(m["month"])],
                        offset=1 if m["next"] else 0)
        found.append(DateAtom(spec, m.start(), m.end()))
        scan.take(m.start(), m.end(), "date")
    for m in matches(_this_month_pattern(lex.code), scan.low) if any(
            word in scan.low for word in lex.of_this_month) else ():
        if (day := _this_month_day(m, lex)) is not None:
            found.append(DateAtom(day, m.start(), m.end()))
            scan.take(m.start(), m.end(), "date")
    # A plain substring test first: most messages name no month's end at all.
    if not any(word in scan.low for word in (*lex.end_of, *lex.month_end_suffix)):
        return found
    for m in matches(_end_pattern(lex.code), scan.low):
        groups = m.groupdict()
        if groups.get("next"):  # "end of next month": its last day
            found.append(DateAtom(DateSpec("monthend", offset=1), m.start(), m.end()))
            scan.take(m.start(), m.end(), "date")
            continue
        month = lex.months[key(groups["month"])] if groups.get("month") else int(groups["n"])
        if 1 <= month <= 12:
            found.append(DateAtom(DateSpec("month", month=month), m.start(), m.end()))
            scan.take(m.start(), m.end(), "date")
    return found


def find_month_days(scan: Scan, atoms: list[DateAtom], *, locale: str,
                    until: bool) -> list[DateAtom]:
    """Moves a day of the month into next month where the text says so, reads a month
    alone right after an UNTIL word (`until`: the text has one) as that month's last day,
    and a holiday as its day where no other day is named; all consumed."""
    lex = lexicon(locale)
    if not lex.next_month and not lex.until_words and not lex.holidays:
        return atoms
    next_month, alone, holiday = _patterns(lex.code)
    out = list(atoms)
    days = [i for i, atom in enumerate(out) if atom.spec.kind == "dom"]
    if days and (m := next_month.search(scan.low)) is not None:
        i = days[0]
        out[i] = replace(out[i], spec=replace(out[i].spec, offset=1),
                         start=min(out[i].start, m.start()), end=max(out[i].end, m.end()))
        scan.take(m.start(), m.end(), "date")
    for m in matches(alone, scan.low) if until else ():
        month = lex.months[key(m["month"])] if m["month"] else int(m["n"])
        if (scan.owner_before(m.start()) == "recurrence" or scan.owner_after(m.end()) ==
                "recurrence") and 1 <= month <= 12:
            spec = DateSpec("month", month=month)
            out.append(DateAtom(spec, m.start(), m.end()))
            scan.take(m.start(), m.end(), "date")
    if not out and lex.holidays and (m := holiday.search(scan.low)) is not None:
        month, day = lex.holidays[key(m["day"])]
        out.append(DateAtom(DateSpec("md", month=month, day=day), m.start(), m.end()))
        scan.take(m.start(), m.end(), "date")
    out.sort(key=lambda a: a.start)
    return out
