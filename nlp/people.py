"""People: attendees from Slack mentions, e-mail addresses and "with NAME" phrases."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.draft import Attendee
from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import alt, compile_ci
from nlp.scan import Scan

MENTION = re.compile(r"<@(?P<id>[UW][A-Z0-9]{2,})(?:\|[^>]{0,80})?>")
MAILTO = re.compile(r"<mailto:(?P<email>[^|>\s]{1,254})(?:\|[^>]{0,254})?>")
EMAIL = re.compile(r"(?<![\w.+-])(?P<email>[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})")
# A name is one or two capitalised words; "The"/"My" open a group, not a name.
_NOT_NAMES = frozenset({
    "the", "my", "our", "your", "his", "her", "their", "team", "everyone", "all", "a", "an",
    "me", "us", "them", "him", "everybody", "i", "you", "we", "they", "it",
})


@lru_cache(maxsize=16)
def _with_pattern(code: str) -> re.Pattern[str]:
    lex = lexicon(code)
    word = r"(?:[A-Z\u00c0-\u00de][\w'’.-]*)"
    name = word + r"(?:[ ]" + word + r")?"
    joiners = r"(?i:" + alt(lex.name_joiners) + r")"
    joiner = r"\s*(?:,\s*(?:" + joiners + r"\s+)?|\s+" + joiners + r"\s+|\s*&\s*)\s*"
    slot = r"(?:" + name + r"|\x00+)"
    return re.compile(
        r"(?i:" + alt(lex.with_words, spaced=lex.spaced) + r")\s*(?P<names>" + slot + r"(?:"
        + joiner + slot + r")*)"
    )


@lru_cache(maxsize=16)
def _suffix_pattern(code: str) -> re.Pattern[str]:
    lex = lexicon(code)
    return compile_ci(r"(?P<name>[A-Za-z][\w.'-]*|[\u30a0-\u30ff]{2,}|[\u4e00-\u9fff]{1,4}さん)"
                      + alt(lex.name_suffixes, spaced=False))


Found = list[tuple[int, Attendee]]  # each person with where the text names them


def find_contacts(scan: Scan) -> Found:
    """Slack mentions and e-mail addresses anywhere; they stay in the title."""
    found: Found = []
    for pattern, kind, group in ((MENTION, "slack", "id"), (MAILTO, "email", "email"),
                                 (EMAIL, "email", "email")):
        for m in pattern.finditer(scan.view):
            found.append((m.start(), Attendee(kind=kind, value=m[group])))  # type: ignore[arg-type]
            scan.take(m.start(), m.end(), "attendee")
    return found


def _is_name(lex: Lexicon, word: str) -> bool:
    first = word.split(maxsplit=1)[0]
    return (first.lower() not in _NOT_NAMES and not first.lower().endswith(("'s", "’s"))
            and first.lower() not in lex.name_joiners)


def find_names(scan: Scan, *, locale: str) -> Found:
    """People named after "with" ("with Adele, Bob & Carol"); the phrase stays in the title."""
    lex = lexicon(locale)
    found: Found = []
    if lex.with_words:
        for m in _with_pattern(lex.code).finditer(scan.view):
            joined = alt(lex.name_joiners)
            at = m.start("names")
            for part in re.split(r"(\s*(?:,|" + joined + r")\s*)", m["names"], flags=re.IGNORECASE):
                name = part.strip(" \x00.")
                if name and _is_name(lex, name) and not re.fullmatch(joined + "|,", name, re.I):
                    found.append((at, Attendee(kind="name", value=name)))
                at += len(part)
    if lex.name_suffixes:
        for m in _suffix_pattern(lex.code).finditer(scan.view):
            found.append((m.start(), Attendee(kind="name", value=m["name"])))
    return found
