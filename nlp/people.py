"""People: attendees from Slack mentions, e-mail addresses and "with NAME" phrases."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.draft import Attendee
from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import alt, compile_low, matches
from nlp.scan import Scan

MENTION = re.compile(r"<@(?P<id>[UW][A-Z0-9]{2,})(?:\|[^>]{0,80})?>")
MAILTO = re.compile(r"<mailto:(?P<email>[^|>\s]{1,254})(?:\|[^>]{0,254})?>")
_GLUE = r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"  # kana, kanji, hangul
_GLUED = re.compile(_GLUE)
# Address characters: word characters save kana, kanji and hangul, so that a particle glued
# to an address ("jiho@example.kr와", "kenji@example.jpと", "田中とsato@…") is no part of it.
_ADDR = r"[^\W\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
EMAIL = re.compile(r"(?<!" + _ADDR + r")(?<![.+-])(?P<email>(?:" + _ADDR + r"|[.+-]){1,64}@(?:"
                   + _ADDR + r"|-){1,63}(?:\.(?:" + _ADDR + r"|-){1,63}){1,8})")


@lru_cache(maxsize=16)
def _with_pattern(code: str) -> re.Pattern[str]:
    lex = lexicon(code)
    # A capitalised word, or any handle written with "@" ("@sam").
    word = r"(?:@?[A-Z\u00c0-\u00de][\w'’.-]*|@[a-z][\w.-]{1,30})"
    name = word + r"(?:[ ]" + word + r")?"
    joiners = r"(?i:" + alt(lex.name_joiners) + r")"
    joiner = r"\s*(?:,\s*(?:" + joiners + r"\s+)?|\s+" + joiners + r"\s+|\s*&\s*)\s*"
    group = r"(?:[ ](?i:" + alt(lex.group_nouns) + r"))?" if lex.group_nouns else ""
    slot = r"(?:" + name + group + r"|\x00+)"
    lead = alt(lex.with_words, spaced=lex.spaced)
    if lex.person_verbs:
        lead = r"(?:" + lead + r"|" + person_lead(lex) + r")"
    return re.compile(
        r"(?<![/\w])(?i:" + lead + r")\s*(?P<names>" + slot + r"(?:" + joiner + slot + r")*)"
    )


def person_lead(lex: Lexicon) -> str:
    """A verb of addressing and its preposition ("parler à", "talk to"): a person follows."""
    return alt(lex.person_verbs, spaced=lex.spaced, open_end=True) + r"\w{0,4}\s+" + alt(
        lex.person_preps, spaced=lex.spaced)


@lru_cache(maxsize=16)
def _with_gate(code: str) -> re.Pattern[str]:
    """The lead words of `_with_pattern` alone, on lower-cased text: a cheap first test."""
    lex = lexicon(code)
    lead = alt(lex.with_words, spaced=lex.spaced)
    if lex.person_verbs:
        lead = r"(?:" + lead + r"|" + person_lead(lex) + r")"
    return compile_low(lead)


@lru_cache(maxsize=16)
def _group_pattern(code: str) -> re.Pattern[str]:
    """A group noun after a name ("Tokyo office", "Sales team"): the name is a group."""
    return re.compile(r"[ ]" + alt(lexicon(code).group_nouns) + r"$", re.IGNORECASE)


@lru_cache(maxsize=16)
def _joiner_pattern(code: str) -> re.Pattern[str]:
    """What separates names in a list: "," "and" "&" (kept, to count offsets)."""
    return re.compile(r"(\s*(?:,|" + alt(lexicon(code).name_joiners) + r")\s*)", re.IGNORECASE)


@lru_cache(maxsize=16)
def _suffix_pattern(code: str) -> re.Pattern[str]:
    lex = lexicon(code)
    # A name glued to the word before it is no name, save "鈴木さん" after "田中さんと" and a
    # Latin name after kana or kanji ("渋谷でAlexと"): another script ends the word before.
    return compile_low(r"(?P<name>(?<![\w.'-])(?:[A-Za-z][\w.'-]{0,40}|[\u30a0-\u30ff]{2,20})|"
                      r"(?<=" + _GLUE + r")[a-z][a-z.'-]{1,40}|[\u4e00-\u9fff]{1,4}さん)"
                      + alt(lex.name_suffixes, spaced=False))


@lru_cache(maxsize=16)
def _surname_pattern(code: str) -> re.Pattern[str]:
    """A whole run of kanji before a name particle ("鈴木と"): a family name if listed."""
    kanji = r"[\u3400-\u9fff\u3005]"
    return re.compile(r"(?<!" + kanji + r")(?P<name>" + kanji + r"{2,4})"
                      + alt(lexicon(code).name_suffixes, spaced=False))


@lru_cache(maxsize=16)
def _given_pattern(code: str) -> re.Pattern[str]:
    """ko "민호, 유나와": given names listed before a name particle."""
    name = r"(?<![\w])[\uac00-\ud7a3]{2,3}"
    return re.compile(r"(?P<names>(?:" + name + r"\s*,\s*){0,4}" + name + r")"
                      + alt(lexicon(code).given_name_suffixes, spaced=False))


Found = list[tuple[int, Attendee]]  # each person with where the text names them


def find_contacts(scan: Scan) -> Found:
    """Slack mentions and e-mail addresses anywhere; they stay in the title."""
    found: Found = []
    if "@" not in scan.view and "<" not in scan.view:
        return found
    for pattern, kind, group in ((MENTION, "slack", "id"), (MAILTO, "email", "email"),
                                 (EMAIL, "email", "email")):
        for m in matches(pattern, scan.view):
            found.append((m.start(), Attendee(kind=kind, value=m[group])))
            scan.take(m.start(), m.end(), "attendee")
    return found


def _is_name(lex: Lexicon, word: str) -> bool:
    first = word.split(maxsplit=1)[0]
    if word.startswith("@"):
        return len(word) > 2
    if len(word) < 2:  # "M/W/F": a lone letter is no name
        return False
    return (first.lower() not in lex.not_names and not first.lower().endswith(("'s", "’s"))
            and first.lower() not in lex.name_joiners)


def find_names(scan: Scan, *, locale: str) -> Found:
    """People named after "with" ("with Adele, Bob & Carol"); the phrase stays in the title."""
    lex = lexicon(locale)
    found: Found = []
    # Case-blind matching equals matching the lower-cased text only for ASCII ("ſ" matches
    # "s" case-blind), so only in ASCII text does the gate say where a phrase can first
    # start: the costly case-blind search skips no match by starting there.
    start: int | None = 0
    if lex.with_words and scan.text.isascii():
        gate = _with_gate(lex.code).search(scan.low)
        start = gate.start() if gate is not None else None
    if lex.with_words and start is not None:
        split = _joiner_pattern(lex.code)
        group = _group_pattern(lex.code)
        for m in matches(_with_pattern(lex.code), scan.view, start):
            at = m.start("names")
            for part in split.split(m["names"]):
                name = part.strip(" \x00.")
                if name and not split.fullmatch(part) and _is_name(lex, name) and \
                        not (lex.group_nouns and group.search(name)):
                    found.append((at, Attendee(kind="name", value=name.lstrip("@"))))
                at += len(part)
    if lex.name_suffixes:
        for m in matches(_suffix_pattern(lex.code), scan.low):
            name = scan.text[m.start("name"):m.end("name")]
            if m.start() and _GLUED.match(scan.low, m.start() - 1) and name.isascii() and not (
                    name[0].isupper() and name[1].islower()):
                continue  # glued to kana, only a capitalised word is a name ("会議室Bと")
            found.append((m.start(), Attendee(kind="name", value=name)))
    if lex.surnames and any(suffix in scan.low for suffix in lex.name_suffixes):
        for m in matches(_surname_pattern(lex.code), scan.low):
            if m["name"] in lex.surnames:
                found.append((m.start(), Attendee(kind="name", value=m["name"])))
    if lex.given_name_suffixes and _GLUED.search(scan.low):
        for m in matches(_given_pattern(lex.code), scan.view):
            at = m.start()
            for part in m["names"].split(","):
                name = part.strip()
                if name not in lex.not_names and not name.endswith(lex.not_name_endings):
                    found.append((at, Attendee(kind="name", value=name)))
                at += len(part) + 1
    return found
