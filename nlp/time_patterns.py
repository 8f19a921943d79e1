"""Time patterns: the compiled regular expressions `find_times` reads, one set per locale."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import alt, compile_low, needles, reach_of

NAME = r"[A-Z\u00c0-\u00de][\w'’-]*"

@dataclass(frozen=True)
class TimePatterns:
    ranges: tuple[re.Pattern[str], ...]  # one per kind of opening clock (named, numeric)
    singles: tuple[re.Pattern[str], ...]
    lead: re.Pattern[str]  # read backwards: "from", "at", "um", "a las"
    shift_lead: re.Pattern[str]  # the same with "half past", de "halb" before the hour
    shift_word: re.Pattern[str]  # any such word: no match, the plain lead suffices
    named_pieces: tuple[str, ...]  # one is in every named time ("noon"): gates the first kind
    shift_pieces: tuple[str, ...]  # one is in every such word: a cheap gate before `shift_word`
    length_lead: re.Pattern[str]  # read backwards: fr "pendant" makes "2 heures" a length
    open_end: re.Pattern[str]  # after a single time: "till late" leaves the end open
    label: re.Pattern[str]  # read backwards: "Room", "Raum", "Gate" make "3.02" a label
    trailing: re.Pattern[str]  # "Sunday brunch w/ Olu 11": an hour closing the message
    reach: int  # how far back a lead can start


def _clock(lex: Lexicon, n: str, kind: str) -> str:
    """A clock time as named groups suffixed `n`: a named time or a numeric one.

    Each kind opens with plain letters or a digit, so the engine can skip ahead on it;
    the digit's left edge is checked after the digit for the same reason.
    """
    sp = lex.spaced
    if lex.approx_suffixes:  # "noonish"
        named = (r"(?P<named" + n + r">" + alt(lex.named_times, spaced=sp, open_end=True)
                 + r")(?:-?" + alt(lex.approx_suffixes, spaced=False) + r")?(?!\w)")
    else:
        named = r"(?P<named" + n + r">" + alt(lex.named_times, spaced=sp) + r")"
    if lex.hour_tails:  # fr "midi et demi"
        named += r"(?:\s+(?P<ntail" + n + r">" + alt(lex.hour_tails, spaced=sp) + r"))?"
    prefixes = (*lex.am_prefixes, *lex.pm_prefixes)
    pre = r"(?:(?P<pre" + n + r">" + alt(prefixes, spaced=False) + r")\s*)?" if prefixes else ""
    edge = r"(?<![\w:/.,]\d)" if sp else r"(?<![\d:/.]\d)"
    num = pre + r"(?P<h" + n + r">\d" + edge + r"\d?)"
    suffix = alt(lex.hour_suffixes, spaced=False)
    # ko "2시간" and ja "2時間" are lengths: an hour suffix that opens a unit word is no suffix.
    unit_rests = [u[len(s):] for s in lex.hour_suffixes for u in lex.units
                  if u.startswith(s) and len(u) > len(s)]
    if unit_rests:
        suffix += r"(?!" + alt(unit_rests, spaced=False) + r")"
    # "1500", "930": a 24-hour clock without a colon; "1500h" says so outright.
    military = (r"|(?P<mil" + n + r">[0-5]\d)(?!\d)(?:\s*(?P<milh" + n + r">"
                + alt(lex.military_suffixes, spaced=False) + r")(?!\w))?")
    mins = (
        r"(?:[:.](?P<m" + n + r">\d{2})(?!\d)(?:\s*" + suffix + r")?" + military
        + r"|\s*(?P<suf" + n + r">" + suffix
        # ko "2시 3층": a number glued to a noun is no minutes; "2시 30분", "14h30" are.
        + r")(?:\s*(?P<mm" + n + r">\d{1,2})(?:\s*" + alt(lex.minute_suffixes, spaced=False)
        + r"|(?!\w))|\s*(?P<half" + n + r">" + alt(lex.half_words, spaced=False) + r"))?)?"
    )
    if lex.hour_tails:
        mins += r"(?:\s+(?P<tail" + n + r">" + alt(lex.hour_tails, spaced=sp) + r"))?"
    long_mer = [w for w in (*lex.am_words, *lex.pm_words) if len(w) > 1]
    short_mer = [w for w in (*lex.am_words, *lex.pm_words) if len(w) == 1]
    mer = (
        r"(?:\s*(?P<mer" + n + r">" + alt(long_mer, spaced=False) + r")(?!\w)"
        + (r"|(?P<mer1" + n + r">" + alt(short_mer, spaced=False) + r")(?!\w)" if short_mer else "")
        + r")?"
    )
    if lex.approx_suffixes:
        mer += r"(?:\s*-?\s*(?P<ish" + n + r">" + alt(lex.approx_suffixes, spaced=False) + r"))?"
    end = r"(?!\w)" if sp else ""
    # "15 min" and "2 hours" are lengths, not clock times; "10h heure de Paris" is a time.
    clashing = [z for z in lex.zone_names if any(z.startswith(u + " ") for u in lex.units)]
    zones = r"(?=\s*" + alt(clashing, spaced=sp) + r")|" if clashing else ""
    gap = r"\s*-?\s*" if sp else r"-?"  # ko "9시 주간회의": a unit is glued to its number
    end += r"(?:" + zones + r"(?!" + gap + alt(lex.units, spaced=sp) + r"))"
    if kind == "named":
        return named
    if kind == "worded":  # "a las doce", "at three": read only after a time preposition
        word = r"(?P<hw" + n + r">" + alt(lex.hour_words, spaced=sp) + r")"
        tails = (r"(?:\s+(?P<tail" + n + r">" + alt(lex.hour_tails, spaced=sp) + r"))?"
                 if lex.hour_tails else "")
        return word + r"(?:\s*(?P<suf" + n + r">" + suffix + r"))?" + tails + mer + end
    if kind == "numeric":
        return num + mins + mer + end
    return r"(?:" + named + r"|" + num + mins + mer + end + r")"


@lru_cache(maxsize=16)
def time_patterns(code: str) -> TimePatterns:
    lex = lexicon(code)
    sp = lex.spaced
    particle = r"(?:" + alt(lex.time_particles, spaced=False) + r")?" if lex.time_particles else ""
    end_particle = (r"(?:\s*" + alt(lex.range_end_particles, spaced=False) + r")?"
                    if lex.range_end_particles else "")
    seps = r"(?P<sep>" + alt((*lex.range_seps, *lex.from_seps), spaced=sp) + r")"
    preps = alt(lex.time_preps, spaced=sp)
    tail = r"\s*" + seps + r"\s*(?:" + preps + r"\s*)?" + _clock(lex, "2", "any") + end_particle
    lead = (r"(?:(?P<from>" + alt(lex.from_words, spaced=sp) + r")\s+)?"
            + r"(?:(?P<prep>" + preps + r")\s*)?")
    return TimePatterns(
        ranges=tuple(compile_low(_clock(lex, "1", kind) + tail + particle)
                     for kind in ("named", "numeric")),
        singles=tuple(compile_low(_clock(lex, "1", kind) + particle)
                      for kind in ("named", "numeric", "worded") if kind != "worded"
                      or lex.hour_words),
        lead=compile_low(lead + r"$"),
        shift_lead=compile_low(lead + r"(?:(?P<shift>" + alt(lex.hour_leads, spaced=sp)
                               + r")\s*)?$"),
        shift_word=compile_low(alt(lex.hour_leads, spaced=sp)),
        shift_pieces=needles(lex.hour_leads),
        named_pieces=needles(lex.named_times),
        length_lead=compile_low(alt(lex.for_words, spaced=sp) + r"\s*$"),
        open_end=compile_low(r"\s*" + alt(lex.open_ends, spaced=sp)),
        reach=reach_of(lex.from_words, lex.time_preps, lex.hour_leads),
        trailing=re.compile(r"(?i:" + alt(lex.with_words, spaced=sp) + r")[ ]+(?P<who>"
                            + NAME + r"(?:[ ]+" + NAME + r")?)[ ]+(?P<h>1[0-2]|[1-9])"
                            + r"[\s.!?\x00]*$") if sp else re.compile(r"(?!x)x"),
        label=compile_low(alt(lex.numbered_places, spaced=sp) + r"[ ](?:\d+[-–])?$"),
    )
