"""Title: what remains of the message once every other phrase is taken out, tidied."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nlp.locales import lexicon
from nlp.pattern import alt, compile_ci

_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)])")
_REPEATED_COMMAS = re.compile(r"(?:\s*,){2,}")


@lru_cache(maxsize=16)
def _edges(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon(code)
    sp = lex.spaced
    fillers = alt(lex.fillers, spaced=sp)
    joiners = alt(lex.edge_joiners, spaced=sp)
    lead = compile_ci(r"^(?:" + fillers + r"|" + joiners + r")"
                      + (r"(?:[\s,.:;!-]+|$)" if sp else r"\s*"))
    trail = compile_ci((r"(?:^|(?<!\s)\s+)" if sp else r"(?<!\s)\s*") + r"(?:" + joiners + r")$")
    polite = compile_ci(r"(?:^|(?<!\s)\s+)" + alt(("please", "pls", "plz", "thanks", "thx"), spaced=sp) + r"$")
    return lead, trail, polite


def _is_edge_junk(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch.isspace() or category[0] in "PSZC" or category in ("Mn", "Me")


def _strip_junk(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_edge_junk(text[start]) and text[start] not in "<(\"'":
        start += 1
    while end > start and _is_edge_junk(text[end - 1]) and text[end - 1] not in ">)\"'":
        end -= 1
    return text[start:end]


def make_title(remaining: str, *, locale: str) -> str:
    """The event title from the message's leftover text: edges trimmed, first letter capitalised."""
    lead, trail, polite = _edges(lexicon(locale).code)
    text = " ".join(remaining.split())
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = _REPEATED_COMMAS.sub(",", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    for _ in range(12):
        before = text
        text = _strip_junk(text)
        text = lead.sub("", text, count=1)
        text = trail.sub("", text, count=1)
        text = polite.sub("", text, count=1)
        if text == before:
            break
    text = " ".join(text.split())
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text
