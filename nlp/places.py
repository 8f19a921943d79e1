"""Places: the location after "at", "@" or "in" ("at Harry's Bar", "in Room 4B", quoted text)."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.locales import lexicon
from nlp.pattern import alt, before, compile_low, key
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
    inside = r"[^\"“”„«»「」『』\x00]{1,120})" + _QUOTES
    # ja 「鳥貴族 新宿店」で, ko "을지로 노가리 골목"에서: a particle after the quote.
    after = (r"|" + _QUOTES + r"(?P<marked>" + inside + r"\s*"
             + alt(lex.place_suffixes, spaced=False)) if lex.place_suffixes else ""
    quoted = compile_low(r"(?:" + preps + r"|@)\s*" + _QUOTES + r"(?P<place>" + inside + after)
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
    # "@ Blue Bottle" is a place; "@Adele" (no space) names a person, but a handle is never
    # kana, kanji or hangul: "@会議室B" is a place.
    plain = re.compile(r"(?:(?i:" + preps + r")\s+|@\s+|@(?=" + _UNCASED[:_UNCASED.index("]") + 1]
                       + r"))(?P<place>" + head + tail + r")")
    # ko "3층 회의실에서", "홍대입구역 2번 출구에서": words with a number or ending in a place
    # noun lead the word before the particle, which may then be a label ("회의실 A에서").
    word = r"[^\s\x00]"
    # The first digit is where the digit stands: a long run backtracks once, not per split.
    lead = (r"(?:[^\s\x00\d]*\d" + word + r"*" + (r"|" + word + r"+" + alt(
        lex.place_nouns, spaced=False) if lex.place_nouns else "") + r")[ ]")
    suffixed = compile_low(r"(?:^|(?<=[\s\x00]))(?P<place>(?:" + lead + r"){1,2}" + word
                           + r"{1,30}?|" + word + r"{2,30}?)" + alt(
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
    group = "place" if m["place"] is not None else "marked"
    return scan.text[m.start(group):m.end(group)].strip()


@lru_cache(maxsize=16)
def _addressed(code: str) -> re.Pattern[str]:
    """Read backwards from a place: "parler à" makes "à Paul" a person, not a place."""
    return compile_low(person_lead(lexicon(code)) + r"\s+$")


def _visited(code: str, text: str, m: re.Match[str]) -> bool:
    """Whether a would-be place names whom the event visits ("chez le médecin")."""
    lex = lexicon(code)
    lead = key(text[m.start():m.start("place")])
    return (bool(lex.person_place_preps) and not text[m.start("place")].isupper()
            and lead in lex.person_place_preps) or lead in lex.visit_preps


@lru_cache(maxsize=32)
def _name_lead(code: str, least: int) -> re.Pattern[str]:
    lex = lexicon(code)
    # Case-sensitive on the view: capitalised words after a place preposition.
    return re.compile(r"(?:(?i:" + alt(lex.place_preps, spaced=lex.spaced) + r")|@)\s+"
                      + r"(?:[A-Z\u00c0-\u00de][\w'’&.-]*\s+){" + str(least) + r",3}$")


def in_place_name(scan: Scan, start: int, *, locale: str, least: int = 1) -> bool:
    """Whether the word at `start` stands among a place's capitalised words ("@ Lau Pa Sat",
    "au Pain Quotidien"), after at least `least` of them."""
    lex = lexicon(locale)
    if not (lex.spaced and lex.place_preps):
        return False
    return before(_name_lead(lex.code, least), scan.view, start, reach=60) is not None


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
        if m and pattern is plain and _visited(code, text, m):
            m = pattern.search(text, m.end())  # the person visited; a place may follow
        if m and pattern is plain and m["place"].endswith(lexicon(code).honorifics) and \
                text[m.start()] == "@":
            m = pattern.search(text, m.end())  # "@田中さん": a person addressed, no place
        if m and pattern is plain and _calendar_word(code, m["place"]):
            m = pattern.search(text, m.end())  # "in December" is a time, never a place
        while m and pattern is suffixed and m["place"].endswith(lexicon(code).not_places):
            m = pattern.search(text, m.end())  # ja "家族で": with the family, no place
        if m:
            place = scan.text[m.start("place"):m.end("place")].strip(" ,.;:!?")
            place = _without_dangling(place, code=code)
            if place:
                # A preposition leads a place; a particle (ko "에서") closes it.
                end = m.end() if pattern is suffixed else m.start("place") + len(place)
                scan.take(m.start(), end, "location")
                return place
    return None
