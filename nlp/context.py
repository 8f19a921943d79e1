"""Context: days that explain rather than schedule ("Kwame is out Thursday, ...")."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from nlp.dates import DateAtom
from nlp.locales import lexicon
from nlp.pattern import alt, compile_low, key
from nlp.scan import Scan

# Where one clause of a chat message ends and the next begins.
_CLAUSE_END = re.compile(r"[,;:.!?\n]|\s[—–-]\s|[—–]")


@lru_cache(maxsize=16)
def _absence(code: str) -> re.Pattern[str] | None:
    lex = lexicon(code)
    return compile_low(alt(lex.absence_words, spaced=lex.spaced)) if lex.absence_words else None


def _clause(text: str, at: int) -> tuple[int, int]:
    """The clause of `text` around index `at`."""
    start = 0
    for m in _CLAUSE_END.finditer(text, 0, at):
        start = m.end()
    close = _CLAUSE_END.search(text, at)
    return start, close.start() if close is not None else len(text)


def drop_context_dates(scan: Scan, dates: list[DateAtom], *, locale: str) -> list[DateAtom]:
    """Without the days of clauses that say who or what is away ("the office is closed
    tomorrow", "I'm double-booked this afternoon") when another clause names a day: that
    other day is the event's. The whole context clause leaves the title too."""
    pattern = _absence(lexicon(locale).code)
    if pattern is None or len(dates) < 2 or pattern.search(scan.low) is None:
        return dates
    lex = lexicon(locale)
    text = scan.text
    for a, b in pairwise(dates):
        # "Dec 24 - Jan 2 out of office": a dash between two days joins a range; it breaks
        # no clause.
        if a.end < b.start and key(text[a.end:b.start]) in lex.range_seps:
            text = text[:a.end] + " " * (b.start - a.end) + text[b.start:]
    kept: list[DateAtom] = []
    context: list[tuple[int, int]] = []
    for atom in dates:
        start, end = _clause(text, atom.start)
        if pattern.search(scan.low, start, end) and atom.end <= end:
            context.append((start, end))
        else:
            kept.append(atom)
    if not kept or not context:
        return dates
    for start, end in context:
        i = start
        while i < end:  # only the still free runs: the day keeps its own span
            if not scan.free(i):
                i += 1
                continue
            j = i
            while j < end and scan.free(j):
                j += 1
            scan.take(i, j, "noise")
            i = j
    return kept
