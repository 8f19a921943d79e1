"""Asides: words no finder may read as the event's date or time, found before them all.

Meeting nouns that look like clock times ("the 1:1 at 4") are hidden but stay in the
title; vague times ("asap", "when you're back") leave the title and give no date; the
old value of a change of plan ("moved from 9:30 to 10:15", "at 5 instead of 4") leaves
both, so only the new value is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.locales import lexicon
from nlp.pattern import alt, compile_low, holds, matches, needles
from nlp.scan import Scan

_OLD_REACH = 40  # the longest old value read between "from" and "to", in characters


@dataclass(frozen=True)
class _Patterns:
    gate: re.Pattern[str]  # any word an aside opens with: most messages have none
    pieces: tuple[str, ...]  # one is in each of those words: a cheaper test before `gate`
    nouns: re.Pattern[str]  # "1:1", "one-on-one"
    vague: re.Pattern[str]  # "asap"
    moved: re.Pattern[str]  # "got moved from Thursday to": all of it but the new value
    instead: re.Pattern[str]  # "instead of 4": the old value after the new one


@lru_cache(maxsize=16)
def _patterns(code: str) -> _Patterns | None:
    lex = lexicon(code)
    words = (*lex.title_nouns, *lex.vague_times, *lex.change_verbs, *lex.instead_words)
    if not words:
        return None
    sp = lex.spaced
    never = r"(?!x)x"
    mer = alt((*lex.am_words, *lex.pm_words), spaced=False)
    return _Patterns(
        gate=compile_low(alt(words, spaced=sp)),
        pieces=needles(words),
        # Not inside a longer number or clock: "11:15" holds "1:1" but names a time.
        nouns=compile_low(r"(?<![\w:.,/-])" + alt(lex.title_nouns, spaced=sp)
                          + r"(?![\w:.,/-]?\d)(?!-)") if lex.title_nouns else re.compile(never),
        vague=compile_low(alt(lex.vague_times, spaced=sp)) if lex.vague_times
        else re.compile(never),
        moved=compile_low(
            r"(?:(?:" + alt(lex.change_auxiliaries, spaced=sp) + r")\s+)?"
            + alt(lex.change_verbs, spaced=sp) + r"\s+" + alt(lex.from_words, spaced=sp)
            + r"\s+[^,;!?\n\x00]{1," + str(_OLD_REACH) + r"}?\s+"
            + alt(lex.change_tos, spaced=sp) + r"(?=\s)") if lex.change_verbs and lex.change_tos
        else re.compile(never),
        instead=compile_low(alt(lex.instead_words, spaced=sp) + r"\s+[^\s,;!?\x00]+(?:\s*"
                            + mer + r"(?!\w))?") if lex.instead_words else re.compile(never),
    )


def find_asides(scan: Scan, *, locale: str) -> None:
    """Hide meeting nouns, take out vague times and the values a change of plan replaces."""
    pats = _patterns(lexicon(locale).code)
    if pats is None or not holds(scan.low, pats.pieces) or pats.gate.search(scan.low) is None:
        return
    for m in matches(pats.nouns, scan.low):
        scan.hold(m.start(), m.end())
    for pattern in (pats.vague, pats.moved, pats.instead):
        for m in matches(pattern, scan.low):
            scan.take(m.start(), m.end(), "noise")
