"""Times: clock times, named times and day parts ("3:30 p.m.", "noon", "9-5", "tonight at 8")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import before, holds, key, matches
from nlp.scan import Scan
from nlp.time_patterns import TimePatterns, time_patterns
from nlp.zones import zone_at

_DIGIT = re.compile(r"\d")
_CAPITAL_NEXT = re.compile(r"[ ]+[A-Z]")  # a street name after a house number
Meridiem = Literal["am", "pm"] | None


@dataclass(frozen=True)
class Clock:
    """A time of day as written: `hour` may still need am/pm; `named` is exact minutes."""

    hour: int = 0
    minute: int = 0
    meridiem: Meridiem = None
    named: int | None = None  # minutes of the day: "noon" 720, "midnight" 1440
    exact: bool = False  # 24-hour reading: "15:00", "09:30", "19 Uhr" past 12


@dataclass(frozen=True)
class TimeAtom:
    """A time or a time range found at text[start:end]."""

    first: Clock
    start: int
    end: int
    last: Clock | None = None


def _read(lex: Lexicon, groups: dict[str, Any], n: str) -> tuple[Clock, bool] | None:
    """The clock of group set `n` and whether it is unmistakably a time; None if impossible."""
    named = groups.get("named" + n)
    if named:
        minutes = lex.named_times[key(named)]
        if tail := groups.get("ntail" + n):
            minutes += lex.hour_tails[key(tail)]
        return Clock(named=minutes), True
    if worded := groups.get("hw" + n):
        digits, minute = str(lex.hour_words[key(worded)]), 0
    else:
        digits = groups["h" + n]
        minute = int(groups["m" + n] or groups["mm" + n] or groups.get("mil" + n) or 0)
        minute += 30 if groups["half" + n] else 0
    hour = int(digits)
    mer_word = groups["mer" + n] or groups.get("mer1" + n)
    meridiem: Meridiem = None
    pre = groups.get("pre" + n)
    if mer_word:
        meridiem = "am" if key(mer_word) in lex.am_words or mer_word[0] == "a" else "pm"
    elif pre:
        if pre in lex.night_prefixes and (hour == 12 or 1 <= hour <= 4) and minute < 60:
            # ko "밤 12시" is midnight, "밤 1시" the small hours after it: the next day.
            return Clock(named=(hour % 12 + 24) * 60 + minute), True
        meridiem = "am" if pre in lex.am_prefixes else "pm"
    if hour > 24 or minute > 59 or (meridiem and not 1 <= hour <= 12):
        return None
    exact = hour > 12 or hour == 0 or (len(digits) == 2 and digits[0] == "0")
    strong = bool(meridiem or groups.get("m" + n) or groups["suf" + n] or exact or groups.get(
        "ish" + n) or groups.get("milh" + n) or groups.get("tail" + n))
    if groups.get("mil" + n) and not groups.get("milh" + n):
        exact = exact or len(digits) == 2  # "0930", "1500": but "930" may still need am/pm
        strong = False  # "1500" alone may be an amount: "at 1500" or "1500h" is a time
    clock = Clock(hour=hour % 24 if hour == 24 else hour, minute=minute, meridiem=meridiem,
                  named=1440 if hour == 24 and minute == 0 else None, exact=exact)
    if tail := groups.get("tail" + n):
        clock = _shifted(clock, lex.hour_tails[key(tail)])
    return clock, strong


def _shifted(clock: Clock, minutes: int) -> Clock:
    """`clock` moved by `minutes` ("quarter to 5" is 4:45), keeping its am/pm reading."""
    if clock.named is not None:  # "quarter to noon" 11:45, "half past midnight" 00:30 after
        return Clock(named=max(0, clock.named + minutes))
    total = clock.hour * 60 + clock.minute + minutes
    hour, minute = divmod(total % 1440, 60)
    if hour == 0 and not clock.exact:
        hour = 12  # "quarter to 1" is 12:45, whichever half of the day 1 was
    return Clock(hour=hour, minute=minute, meridiem=clock.meridiem, exact=clock.exact)


def _plain(m: re.Match[str]) -> bool:
    """A bare "10-11" reads as hours when both sides could be hours of a working day."""
    if m["h1"] is None or m["h2"] is None or m["sep"] not in ("-", "–"):
        return False
    first, last = int(m["h1"]), int(m["h2"])
    # "9-5", "11-1", "10-11": a forward step of at most a working day; "3-2" is a score.
    return 1 <= first <= 12 and 1 <= last <= 12 and 1 <= (last - first) % 12 <= 9


def _phone_like(groups: dict[str, Any]) -> bool:
    """A range of colon-less clocks that are not both four digits ("555-1234")."""
    sides = [(groups.get("h" + n), groups.get("mil" + n), groups.get("milh" + n)) for n in "12"]
    if not any(mil and not suffix for _, mil, suffix in sides):
        return False
    return not all(h and mil and len(h) + len(mil) == 4 for h, mil, _ in sides)


def _glued(text: str, start: int) -> bool:
    """Whether a time word is the tail of a hyphenated word (fr "après-midi" holds "midi")."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()


def _labels(pats: TimePatterns, scan: Scan, m: re.Match[str], clocks: tuple[Clock, ...]) -> bool:
    """Whether a bare number names a room, not a time ("in Room 3.02", "Gate 11", "Raum 2.14").

    A colon, am/pm or an hour word ("Room 3 at 9:30", "office 9am") still reads as a time.
    """
    return ":" not in m[0] and all(c.meridiem is None and c.named is None for c in clocks) \
        and not m.groupdict().get("suf1") and before(pats.label, scan.low, m.start()) is not None


def find_times(scan: Scan, *, locale: str) -> list[TimeAtom]:
    """Every time and time range of the message, consumed from the scan, in text order."""
    lex = lexicon(locale)
    pats = time_patterns(lex.code)
    atoms: list[TimeAtom] = []
    digits = _DIGIT.search(scan.low) is not None
    # The first pattern of `ranges` and of `singles` opens with a named time ("noon").
    named = holds(scan.low, pats.named_pieces)
    for pattern in pats.ranges if digits else pats.ranges[:1]:
        for m in matches(pattern, scan.low) if named or pattern is not pats.ranges[0] else ():
            groups = m.groupdict()
            first, last = _read(lex, groups, "1"), _read(lex, groups, "2")
            if first is None or last is None or _glued(scan.low, m.start()) or \
                    _labels(pats, scan, m, (first[0], last[0])):
                continue
            lead = before(pats.lead, scan.low, m.start(), reach=pats.reach)
            opened = lead is not None and lead["from"] is not None
            if _phone_like(groups) and (lead is None or lead["prep"] is None):
                continue  # "555-1234" is a phone number; "0900-1000" is a range
            sep = key(m["sep"])
            if sep in lex.from_seps and sep not in lex.range_seps and not opened:
                continue
            near_date = scan.owner_before(m.start()) == "date" or \
                scan.owner_after(m.end()) == "date"
            if not (first[1] or last[1] or lead is not None or near_date or _plain(m)):
                continue
            start = lead.start() if lead is not None else m.start()
            atoms.append(TimeAtom(first[0], start, m.end(), last=last[0]))
            scan.take(start, m.end(), "time")
    leads: re.Pattern[str] | None = None  # chosen at the first clock that needs one
    for n, pattern in enumerate(pats.singles):
        # Without a digit only words can be clocks; hour words ("at three") are read only
        # where no clock was written in digits.
        if (n == 0 and not named) or (n == 1 and not digits) or (n == 2 and atoms):
            continue
        for m in matches(pattern, scan.low):
            groups = m.groupdict()
            read = _read(lex, groups, "1")
            # fr "pendant 2 heures": after a length word an hour word is a unit, no clock.
            if read is None or _glued(scan.low, m.start()) or (
                    groups.get("suf1") and before(pats.length_lead, scan.low, m.start())) or \
                    _labels(pats, scan, m, (read[0],)):
                continue
            clock, strong = read
            if leads is None:
                shifted_hours = holds(scan.low, pats.shift_pieces) and \
                    pats.shift_word.search(scan.low) is not None
                leads = pats.shift_lead if shifted_hours else pats.lead
            lead = before(leads, scan.low, m.start(), reach=pats.reach)
            # "from 8pm": a from word that is also a time preposition leads a single time.
            from_prep = lead is not None and lead["from"] is not None and \
                key(lead["from"]) in lex.time_preps
            prep = lead is not None and (lead["prep"] is not None or from_prep)
            shift = lead.groupdict().get("shift") if lead is not None else None
            if shift:
                clock, strong = _shifted(clock, lex.hour_leads[key(shift)]), True
            # "Friday 2026" is no time, nor "at 123 Main St"; "Friday at 2030" and "1400 GMT" are.
            if groups.get("mil1") and not groups.get("milh1"):
                if zone_at(scan, m.end(), locale=lex.code):
                    strong = True
                elif not prep or _CAPITAL_NEXT.match(scan.view, m.end()):
                    continue
            # "two" alone is a number; "at two" is a time, fr "à deux" only with "heures".
            if groups.get("hw1") and not shift and not (prep and lead is not None and (
                    strong or key(lead["prep"]) in lex.hour_word_preps)):
                continue
            if not (strong or prep or scan.owner_before(m.start()) == "date"):
                continue
            if not (strong or prep or lex.spaced) and scan.low[m.end():m.end() + 1].isalpha():
                continue  # ja "土曜 3人で": a bare number glued to a word counts that word
            start = m.start()
            if lead is not None and (prep or shift):
                start = lead.start("prep") if lead["prep"] is not None and not from_prep \
                    else lead.start() if prep else lead.start("shift")
            atoms.append(TimeAtom(clock, start, m.end()))
            scan.take(start, m.end(), "time")
            if lex.open_ends and (tail := pats.open_end.match(scan.low, m.end())):
                scan.take(m.end(), tail.end(), "end")
    if not atoms and scan.has("date") and (hour := pats.trailing.search(scan.view)) and \
            not any(key(w) in _not_people(lex.code) for w in hour["who"].split()):
        # A person's name takes no number, so the hour after it is the time; a room, gate or
        # team does ("with Team 5", "Room 11"), so those stay numbers.
        atoms.append(TimeAtom(Clock(int(hour["h"])), hour.start("h"), hour.end("h")))
        scan.take(hour.start("h"), hour.end("h"), "time")
    atoms.sort(key=lambda a: a.start)
    return atoms


@lru_cache(maxsize=16)
def _not_people(code: str) -> frozenset[str]:
    """Capitalised words after "with" that name no person and may carry a number."""
    lex = lexicon(code)
    return frozenset(key(w) for w in (*lex.group_nouns, *lex.not_names, *lex.place_nouns,
                                      *lex.numbered_places, *lex.lowercase_places))
