"""Places: the location after "at", "@" or "in" ("at Harry's Bar", "in Room 4B", quoted text)."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.locales import lexicon
from nlp.pattern import alt, before, compile_low
from nlp.people import person_lead
from nlp.scan import Scan

_QUOTES = r"[\"“”„«»「」『』]"
_ANY_QUOTE = re.compile(_QUOTES)
# Particles that join the capitalised words of a name in any language a place may be
# named in ("Champ de Mars", "Hotel del Coronado", "Bank of America Plaza").
_PARTICLES = ("de", "du", "des", "la", "le", "of", "the", "von", "van", "der", "di", "da",
              "del", "dos", "das")
# A place label number: "Room 3.02", "Raum 2.14", "Gate B12".
_LABEL = r"\d+(?:[.,-]\d+)*\w*"  # "Room 12-04": a dash inside a label is no range
# A name in a script without capitals ("@ 渋谷ヒカリエ"): one run of kana, kanji or hangul.
_UNCASED = r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][^\s\x00@,;!?、。]{0,40}"


@lru_cache(maxsize=16)
def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon(code)
    sp = lex.spaced
    preps = alt(lex.place_preps, spaced=sp)
    quoted = compile_low(r"(?:" + preps + r"|@)\s*" + _QUOTES
                         + r"(?P<place>[^\"“”„«»「」『』\x00]{1,120})" + _QUOTES)
    cap = r"[A-Z\u00c0-\u00de][\w'’&.-]*"
    links = alt(lex.place_links)
    nouns = r"|(?i:" + alt(lex.place_nouns) + r")" if lex.place_nouns else ""
    # Particles that are no link word, so one word has one reading (no backtracking blow-up).
    particle = r"(?:(?:" + alt(set(_PARTICLES) - set(lex.place_links)) + r")[ ]+)+" + cap
    # "at Lena's loft": after a possessive one plain noun belongs to the place.
    small = alt((*lex.edge_joiners, *lex.with_words, *lex.articles, *lex.for_words,
                 *lex.place_links, *lex.range_seps))
    owned = r"|(?<=['’]s )(?!" + small + r"(?!\w))[a-z][\w-]{2,}"
    tail = (r"(?:[ ]+(?:" + cap + r"|" + _LABEL + r"|[A-Z]|\(\w[\w ]*\)|" + particle + r"|"
            + links + nouns + owned + r"))*")
    # "@ Social, Koramangala": a capitalised locality after a comma, ending the phrase.
    tail += r"(?:,[ ]+[A-Z\u00c0-\u00de][\w'’&.-]*(?=[ ]*(?:\x00|$|[.!?;])))?"
    articles = r"(?i:" + alt(lex.place_articles) + r")"
    # "the cafeteria": after an article one plain word names a place too.
    # "conf room B", "the big kitchen": a few plain words that end in a place noun.
    nouned = (r"(?:[a-z\u00e0-\u00ff0-9][\w'’-]*[ ]+){0,2}(?i:" + alt(lex.place_nouns) + r")|"
              if lex.place_nouns else "")
    head = (r"(?:(?:" + articles + r"\s+)?(?:" + nouned + cap + r"|(?i:"
            + alt(lex.lowercase_places) + r"))|" + articles
            + r"\s+[a-z\u00e0-\u00ff][\w'’-]{2,}(?!\w)"
            + r"|\d{1,5}[ ]+" + cap  # "123 Main St"
            + r"|" + _UNCASED + r")")
    # "@ Blue Bottle" is a place; "@Adele" (no space) names a person.
    plain = re.compile(r"(?:(?i:" + preps + r")\s+|@\s+)(?P<place>" + head + tail + r")")
    suffixed = compile_low(r"(?:^|(?<=[\s\x00]))(?P<place>[^\s\x00]{2,30}?)" + alt(
        lex.place_suffixes, spaced=False)) if lex.place_suffixes else re.compile(r"(?!x)x")
    return quoted, plain, suffixed


def _without_dangling(place: str, *, code: str) -> str:
    """The place without link words left at its end ("Blue Bottle on", "Rue de la")."""
    links = lexicon(code).place_links
    end = len(place)
    while (cut := place.rfind(" ", 0, end)) > 0 and place[cut + 1:end] in links:
        end = len(place[:cut].rstrip())
    return place[:end]


def find_quoted_place(scan: Scan, *, locale: str) -> str | None:
    """A quoted location ("at \"The 12th Street Grill\""), read before any other phrase."""
    if _ANY_QUOTE.search(scan.view) is None:
        return None
    m = _patterns(lexicon(locale).code)[0].search(scan.low)
    if m is None:
        return None
    scan.take(m.start(), m.end(), "location")
    return scan.text[m.start("place"):m.end("place")].strip()


@lru_cache(maxsize=16)
def _addressed(code: str) -> re.Pattern[str]:
    """Read backwards from a place: "parler à" makes "à Paul" a person, not a place."""
    return compile_low(person_lead(lexicon(code)) + r"\s+$")


def _calendar_word(code: str, place: str) -> bool:
    """Whether a would-be place is one month or weekday name ("in December", "at Friday")."""
    lex = lexicon(code)
    word = place.strip(" ,.;:!?").casefold()
    return word in lex.months or word in lex.weekdays


@lru_cache(maxsize=16)
def _plain_lead(code: str) -> re.Pattern[str]:
    """How the plain place phrase opens ("at ", "@ "), on lower-cased text: a cheap gate."""
    lex = lexicon(code)
    return compile_low(r"(?:" + alt(lex.place_preps, spaced=lex.spaced) + r")\s+|@\s+")


def _plain_start(scan: Scan, code: str) -> int | None:
    """Where the plain place phrase can first start; None where it cannot occur.

    Case-blind matching equals matching the lower-cased text only for ASCII ("ſ" matches
    "s" case-blind), so other text is searched from its start.
    """
    if not scan.text.isascii():
        return 0
    lead = _plain_lead(code).search(scan.low)
    return None if lead is None else lead.start()


def find_place(scan: Scan, *, locale: str) -> str | None:
    """The location of the event, consumed with its preposition; None if there is none."""
    code = lexicon(locale).code
    _, plain, suffixed = _patterns(code)
    for pattern, text in ((plain, scan.view), (suffixed, scan.low)):
        if pattern is plain:
            # The costly case-blind search starts where its opening words first stand.
            start = _plain_start(scan, code)
            m = pattern.search(text, start) if start is not None else None
        else:
            m = pattern.search(text)
        if m and pattern is plain and lexicon(code).person_verbs and \
                before(_addressed(code), scan.low, m.start("place")) is not None:
            m = pattern.search(text, m.end())  # the person's name; a place may follow
        if m and pattern is plain and _calendar_word(code, m["place"]):
            m = pattern.search(text, m.end())  # "in December" is a time, never a place
        if m:
            place = scan.text[m.start("place"):m.end("place")].strip(" ,.;:!?")
            place = _without_dangling(place, code=code)
            if place:
                # A preposition leads a place; a particle (ko "에서") closes it.
                end = m.end() if pattern is suffixed else m.start("place") + len(place)
                scan.take(m.start(), end, "location")
                return place
    return None
