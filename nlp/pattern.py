"""Pattern: regex fragments assembled from word tables (alternations with word edges)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from nlp.lexicon import Lexicon

# Consumed characters are replaced by this in a scan's view, so later finders skip them.
MASK = "\x00"
GAP = r"[\s\x00]"
MAX_MATCHES = 24
# Put before a pattern that opens with optional white space: it may then only start where a
# white-space run starts, which keeps searches linear on long runs of spaces.
RUN_START = r"(?<![\s,])"


def alt(items: Iterable[str], *, spaced: bool = True, open_end: bool = False) -> str:
    """A non-capturing alternation of words, longest first, with word edges where spaced.

    A space inside an entry matches any run of white space; an entry's edge gets a
    word boundary only where that edge is a word character (so "@" and "w/" still work).
    `open_end` leaves the right edge to the caller ("noon" + optional "ish").
    """
    parts: list[str] = []
    for item in sorted(set(items), key=len, reverse=True):
        if not item:
            continue
        body = r"\s+".join(re.escape(w) for w in item.split())
        starts, ends = _wordish(item[0]), _wordish(item[-1])
        if spaced and starts:
            # The left edge is checked after the first letter, so the alternation still
            # opens with plain letters the engine can skip ahead on.
            body = body[:_first_len(body)] + r"(?<!\w.)" + body[_first_len(body):]
        if spaced and ends and not open_end:
            body = body + r"(?!\w)"
        parts.append(body)
    if not parts:
        return r"(?!x)x"  # matches nothing: the locale has no such words
    return "(?:" + "|".join(parts) + ")"


def _first_len(body: str) -> int:
    """Length of the first (escaped) character of a pattern body."""
    return 2 if body.startswith("\\") else 1


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def needles(*tables: Iterable[str], sizes: tuple[int, ...] = (4,)) -> tuple[str, ...]:
    """Few short strings one of which is in any text an `alt` of `tables` matches: plain `in`
    tests that gate a costlier search.

    Each entry's words are literal in its match, so any piece of one (`sizes` long, or the
    whole word when shorter) is too; pieces shared by many entries are chosen first, and a
    piece holding another chosen one is dropped. The test must run on the searched text or
    on the text before masking: masking only removes characters.
    """
    entries = {item for table in tables for item in table if item.split()}
    pieces = {item: {word[i:i + n] for word in _long_words(item, min(sizes)) for n in sizes
                     for i in range(max(1, len(word) - n + 1))} for item in entries}
    chosen: list[str] = []
    while entries:
        best = max(sorted({p for item in entries for p in pieces[item]}),
                   key=lambda p: (sum(1 for item in entries if p in pieces[item]), len(p)))
        chosen.append(best)
        entries = {item for item in entries if best not in pieces[item]}
    return tuple(sorted(w for w in chosen if not any(o != w and o in w for o in chosen)))


def _long_words(item: str, size: int) -> list[str]:
    """The words of an entry worth a test: short ones ("me" in "remind me") are everywhere,
    and of short ones those with a digit ("1" in "1 on 1") are rarer than letters."""
    words = item.split()
    return [w for w in words if len(w) >= size] or [
        w for w in words if any(ch.isdigit() for ch in w)] or words


def holds(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` (from `needles`) occurs in `text`."""
    return any(word in text for word in words)


def no_noun_after(lex: Lexicon) -> str:
    """A lookahead: no word follows except a joining one ("at", "with", "to"...).

    A word that names a day by itself ("the first", "Christmas") does so only where it
    is not an adjective of the noun after it ("the first draft", "Christmas party").
    """
    if not lex.spaced:
        return ""
    joins = alt((*lex.time_preps, *lex.with_words, *lex.from_words, *lex.range_seps,
                 *lex.place_preps, *lex.for_words, *lex.name_joiners, *lex.in_words))
    return r"(?![ \t]+(?!" + joins + r")[^\W\d_])"


def reach_of(*tables: Iterable[str]) -> int:
    """How far back `before` need look for words drawn from `tables` in turn (with spaces).

    A short window keeps the backward search cheap: it tries every position in it.
    """
    return sum(max((len(w) for w in table), default=0) + 3 for table in tables)


def before(pattern: re.Pattern[str], text: str, start: int, *,
           reach: int = 48) -> re.Match[str] | None:
    """A match of `pattern` (which ends in `$`) that ends right at `start`, if non-empty.

    Optional words before a phrase ("on Friday", "at 3pm") are read backwards from the
    phrase instead of opening its pattern, so the phrase patterns open with plain letters
    or digits that the regex engine can skip ahead on.
    """
    m = pattern.search(text, max(0, start - reach), start)
    return m if m is not None and m.start() < start else None


def matches(pattern: re.Pattern[str], text: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """The first MAX_MATCHES matches from `pos` on: a chat message names a handful of each
    phrase kind, so a flood of them (4 KB of "1-2-3-") costs bounded work, not one step per
    match. Look-behinds still see the text before `pos`."""
    # Most phrase kinds are absent from a message: a bare `search` says so for less than
    # building the iterator; iterating from the first match yields exactly the matches a
    # scan from `pos` would.
    first = pattern.search(text, pos)
    if first is None:
        return iter(())
    return islice(pattern.finditer(text, first.start()), MAX_MATCHES)


def compile_low(pattern: str) -> re.Pattern[str]:
    """Compile a pattern for lower-cased text (`Scan.low`, `fold`).

    Folding the text once instead of matching case-insensitively lets the regex
    engine skip ahead on a word list's first letters: several times faster.
    """
    return re.compile(pattern)


def fold(text: str) -> str:
    """Lower case, keeping every character's offset (a few letters grow when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def key(text: str) -> str:
    """The table key for matched text: lower case, single spaces, no trailing dot."""
    return " ".join(text.lower().split()).rstrip(".")
