"""Recurrence: repeat phrases ("every Mon/Wed", "the last Thursday of a month") as RRULE parts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from nlp.dates import DateAtom
from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import MASK, before, holds, key
from nlp.places import in_place_name
from nlp.recurrence_patterns import RulePatterns, rule_patterns
from nlp.scan import Scan

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_ORDINAL_PARTS = re.compile(r"\w+")
_LEADING_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Rule:
    """The parts of an RRULE the text gave; the date finders may add BYMONTHDAY and friends."""

    freq: str
    interval: int = 1
    by_day: tuple[str, ...] = ()  # "MO", "2TU", "-1TH"
    by_month_day: int | None = None
    more_month_days: tuple[int, ...] = ()  # "the 1st and 15th": BYMONTHDAY=1,15
    by_month: int | None = None
    count: int | None = None
    count_span: tuple[int, str] | None = None  # "for 8 weeks": (8, "WEEKLY")
    until_at: int | None = None  # where the UNTIL date must begin
    until_end: int | None = None  # or end (ja "12月20日まで")
    spans: tuple[tuple[int, int], ...] = field(default=())

    def line(self, *, until: str | None = None) -> str:
        """The RRULE line ("RRULE:FREQ=WEEKLY;BYDAY=MO")."""
        parts = [f"FREQ={self.freq}"]
        if self.interval > 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.by_month is not None:
            parts.append(f"BYMONTH={self.by_month}")
        if self.by_month_day is not None:
            days = dict.fromkeys((self.by_month_day, *self.more_month_days))
            parts.append("BYMONTHDAY=" + ",".join(str(d) for d in days))
        if self.by_day:
            parts.append("BYDAY=" + ",".join(self.by_day))
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        elif until is not None:
            parts.append(f"UNTIL={until}")
        return "RRULE:" + ";".join(parts)


def _days(lex: Lexicon, text: str, names: re.Pattern[str]) -> tuple[str, ...]:
    found: list[str] = []
    for m in names.finditer(text):
        word = key(m[0])
        if word in lex.weekday_groups:
            days: tuple[int, ...] = lex.weekday_groups[word]
        elif word in lex.weekday_plurals:
            days = (lex.weekday_plurals[word],)
        else:
            days = (lex.weekdays[word],)
        found.extend(DAY_CODES[d] for d in days if DAY_CODES[d] not in found)
    return tuple(found)


def _month_days(lex: Lexicon, text: str) -> tuple[int, ...]:
    """The days of a month listed ("1st and 15th", "last"), in order, each once."""
    days: list[int] = []
    for word in _ORDINAL_PARTS.findall(text):
        lead = _LEADING_DIGITS.match(word)
        day = int(lead[0]) if lead else lex.nth.get(key(word), 0)
        if (1 <= day <= 31 or day == -1) and day not in days:
            days.append(day)
    return tuple(days)


def _number(lex: Lexicon, text: str) -> int:
    return int(text) if text.isdigit() else lex.number_words.get(key(text), 1)


def _frequency(pats: RulePatterns, view: str, scan: Scan, code: str) -> re.Match[str] | None:
    """The first frequency word that repeats the event.

    A frequency adjective may name the event instead: "the quarterly roadmap review" (a
    determiner) and "Quarterly planning Jan 26" (a date that happens once) are one event
    titled with the adjective; "weekly sync Monday" and "daily standup at 9am" repeat.
    Capitalised in a place's name ("au Pain Quotidien") it names the place.
    """
    dated: bool | None = None  # whether a one-off date is written: looked for once
    for m in pats.frequency.finditer(view):
        if scan.text[m.start()].isupper() and in_place_name(scan, m.start(), locale=code,
                                                             least=0):
            continue
        if m["list"] or not pats.adjective.match(view, m.start("freq")):
            return m
        if before(pats.determiner, view, m.start()) is not None:
            continue
        if dated is None:
            dated = any(before(pats.bound_lead, view, d.start()) is None
                        for d in pats.one_off.finditer(view))
        if not dated:
            return m
    return None


def _this_month_only(lex: Lexicon, pats: RulePatterns, view: str, m: re.Match[str]) -> bool:
    """"the last day of the month" with no "every" or "monthly" word: one day, no rule.
    Positions listed ("the 1st and 3rd Monday of the month") are a habit all the same."""
    said = key(m[0])
    ends = [of for of in lex.of_this_month if said.endswith(" " + of)]  # not "jedes monats"
    if not ends or m["lead"] or len(_month_days(lex, m["nth"])) > 1:
        return False
    tail = m.end() - max(len(of) for of in ends)
    return pats.trigger.search(view[:tail] + MASK * (m.end() - tail) + view[m.end():]) is None


def find_recurrence(scan: Scan, *, locale: str) -> Rule | None:
    """The repeat phrase of the message with its COUNT and UNTIL words, consumed."""
    lex = lexicon(locale)
    pats = rule_patterns(lex.code)
    view = scan.low
    # Day letters come two or more joined by "/" ("M/W/F"): no slash, no letters to read.
    letters = pats.letters.search(scan.view) if lex.day_letters and "/" in scan.view else None
    habit = pats.habit.search(view) if lex.habit_articles else None
    if (not holds(view, pats.trigger_words) or pats.trigger.search(view) is None) and \
            letters is None and habit is None:
        return None
    # "except Fridays" names the days left out: hidden while the rule itself is read.
    excluded = pats.except_days.search(view) if lex.except_words else None
    if excluded is not None:
        view = view[:excluded.start()] + MASK * (excluded.end() - excluded.start()) + \
            view[excluded.end():]
    rule: Rule | None = None
    m = pats.nth_weekday.search(view)
    # "every second Tuesday" alone is every other Tuesday; "of the month" makes it monthly.
    if m is not None and ((not m["of"] and (
            not m["lead"] or key(f"{m['lead']} {m['nth']}") in lex.every_other))
            or _this_month_only(lex, pats, view, m)):
        m = None
    if m is not None:
        code = _days(lex, m["wd"], pats.day_names)[0]
        places = [lex.nth[key(n)] for n in pats.nth_words.findall(m["nth"])]
        rule = Rule("MONTHLY", by_day=tuple(f"{n}{code}" for n in dict.fromkeys(places)))
    elif (m := pats.nth_day.search(view)) and (month_days := _month_days(lex, m["nth"])) and \
            not _this_month_only(lex, pats, view, m):
        rule = Rule("MONTHLY", by_month_day=month_days[0], more_month_days=month_days[1:])
    elif m := pats.every_list.search(view):
        rule = Rule("WEEKLY", interval=2 if m["other"] else 1,
                    by_day=_days(lex, m["list"], pats.day_names))
    elif m := pats.every_unit.search(view):
        interval = 2 if m["other"] else max(1, _number(lex, m["n"]))
        days = _days(lex, m["list"], pats.day_names) if m["list"] else ()
        rule = Rule(lex.unit_frequencies[key(m["unit"])], interval=interval, by_day=days)
    elif m := _frequency(pats, view, scan, lex.code):
        freq, interval = lex.frequencies[key(m["freq"])]
        days = _days(lex, m["list"], pats.day_names) if m["list"] else ()
        rule = Rule("WEEKLY" if days and freq == "DAILY" else freq, interval=interval, by_day=days)
    elif m := pats.plural.search(view):
        rule = Rule("WEEKLY", by_day=_days(lex, m["list"], pats.day_names))
    elif m := pats.every_part.search(view):
        rule = Rule("DAILY")
    elif m := pats.every_date.search(view):
        rule = Rule("YEARLY")
    elif m := habit:
        rule = Rule("WEEKLY", by_day=_days(lex, m["list"], pats.day_names))
    elif m := letters:
        named = dict.fromkeys(DAY_CODES[lex.day_letters[part]] for part in m[0].split("/"))
        rule = Rule("WEEKLY", by_day=tuple(named))
    if rule is None or m is None:
        return None
    scan.take(m.start(), m.end(), "recurrence")
    if excluded is not None and rule.freq in ("DAILY", "WEEKLY") and rule.interval == 1:
        # "every day except weekends": the days left over, weekly.
        dropped = set(_days(lex, excluded["list"], pats.day_names))
        kept = tuple(d for d in (rule.by_day or DAY_CODES) if d not in dropped)
        if kept:
            rule = replace(rule, freq="WEEKLY", by_day=kept)
            scan.take(excluded.start(), excluded.end(), "recurrence")
    if rule.freq in ("WEEKLY", "DAILY") and not rule.by_day and rule.interval == 1 and (
            p := pats.plural.search(scan.low)):
        # "weekly 1:1 Mondays": the days may come apart from the frequency word; ja
        # "平日毎日" (every day, weekdays) is a weekly rule on those days.
        rule = replace(rule, freq="WEEKLY", by_day=_days(lex, p["list"], pats.day_names))
        scan.take(p.start(), p.end(), "recurrence")
    if rule.freq == "MONTHLY" and not rule.by_day and rule.by_month_day is None and (
            p := pats.bare_nth_weekday.search(scan.low)):
        # "monthly all-hands first Friday": the day may come apart from the frequency word.
        code = _days(lex, p["wd"], pats.day_names)[0]
        positions = dict.fromkeys(lex.nth[key(n)] for n in pats.nth_words.findall(p["nth"]))
        rule = replace(rule, by_day=tuple(f"{n}{code}" for n in positions))
        scan.take(p.start(), p.end(), "recurrence")
    if (again := pats.frequency.search(scan.low)) and (not again["list"] or not rule.by_day) \
            and lex.frequencies[key(again["freq"])] == (rule.freq, rule.interval):
        # "annual review every year on Jan 10": the frequency said twice is said once.
        if again["list"]:
            rule = replace(rule, by_day=_days(lex, again["list"], pats.day_names))
        scan.take(again.start(), again.end(), "recurrence")
    if c := pats.times.search(scan.low):
        rule = replace(rule, count=int(c["n"] or c["n2"]))
        scan.take(c.start(), c.end(), "recurrence")
    elif c := pats.for_units.search(scan.low):
        span = (_number(lex, c["n"]), lex.unit_frequencies[key(c["unit"])])
        rule = replace(rule, count_span=span)
        scan.take(c.start(), c.end(), "recurrence")
    if u := pats.until.search(scan.low, m.end()):
        rule = replace(rule, until_at=u.end())
        scan.take(u.start(), u.end(), "recurrence")
    elif lex.until_suffixes and (u := pats.until_suffix.search(scan.low)):
        rule = replace(rule, until_end=u.start())
        scan.take(u.start(), u.end(), "recurrence")
    return rule


def find_course(scan: Scan, days: list[DateAtom], *, locale: str) -> Rule | None:
    """A weekly course said as one weekday, a clock time and a number of weeks ("cours le
    samedi à 10h pendant 6 semaines", "Yoga Saturday 10am for 6 weeks"): weekly, so many
    times. Called only where a clock time was read: "off Monday for 2 weeks" is a length.
    """
    lex = lexicon(locale)
    if len(days) != 1 or days[0].spec.kind != "weekday" or days[0].last is not None or \
            not lex.for_words:
        return None
    pats = rule_patterns(lex.code)
    m = pats.for_units.search(scan.low)
    if m is None or lex.unit_frequencies[key(m["unit"])] != "WEEKLY":
        return None
    scan.take(m.start(), m.end(), "recurrence")
    return Rule("WEEKLY", count_span=(_number(lex, m["n"]), "WEEKLY"))
