"""Pattern: regex fragments assembled from word tables (alternations with word edges)."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Consumed characters are replaced by this in a scan's view, so later finders skip them.
MASK = "\x00"
GAP = r"[\s\x00]"
# Put before a pattern that opens with optional white space: it may then only start where a
# white-space run starts, which keeps searches linear on long runs of spaces.
RUN_START = r"(?<![\s,\x00])"


def alt(items: Iterable[str], *, spaced: bool = True) -> str:
    """A non-capturing alternation of words, longest first, with word edges where spaced.

    A space inside an entry matches any run of white space; an entry's edge gets a
    word boundary only where that edge is a word character (so "@" and "w/" still work).
    """
    words: list[str] = []  # word characters at both edges: one shared boundary (much faster)
    parts: list[str] = []
    for item in sorted(set(items), key=len, reverse=True):
        if not item:
            continue
        body = r"\s+".join(re.escape(w) for w in item.split())
        starts, ends = _wordish(item[0]), _wordish(item[-1])
        if spaced and starts and ends:
            words.append(body)
            continue
        if spaced and starts:
            body = r"(?<!\w)" + body
        if spaced and ends:
            body = body + r"(?!\w)"
        parts.append(body)
    if words:  # after the others: "a.m." must win over "a"
        parts.append(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)")
    if not parts:
        return r"(?!x)x"  # matches nothing: the locale has no such words
    return "(?:" + "|".join(parts) + ")"


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def compile_ci(pattern: str) -> re.Pattern[str]:
    """Compile case-insensitively (Unicode word rules)."""
    return re.compile(pattern, re.IGNORECASE)


def key(text: str) -> str:
    """The table key for matched text: lower case, single spaces, no trailing dot."""
    return " ".join(text.lower().split()).rstrip(".")
