"""Places: the location after "at", "@" or "in" ("at Harry's Bar", "in Room 4B", quoted text)."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.locales import lexicon
from nlp.pattern import alt, compile_ci
from nlp.scan import Scan

_QUOTES = r"[\"“”«»「」『』]"


@lru_cache(maxsize=16)
def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon(code)
    sp = lex.spaced
    preps = alt(lex.place_preps, spaced=sp)
    quoted = compile_ci(r"(?:" + preps + r"|@)\s*" + _QUOTES + r"(?P<place>[^\"“”«»「」『』\x00]{1,120})"
                        + _QUOTES)
    cap = r"[A-Z\u00c0-\u00de][\w'’&.-]*"
    tail = r"(?:[ ]+(?:" + cap + r"|\d+\w*|[A-Z]|\(\w[\w ]*\)|of|de|du|la|the|on|&))*"
    head = r"(?:(?:" + alt(lex.place_articles) + r")\s+)?(?:" + cap + r"|(?i:" + alt(
        lex.lowercase_places) + r"))"
    plain = re.compile(r"(?:(?i:" + preps + r")\s+|@\s*)(?P<place>" + head + tail + r")")
    suffixed = compile_ci(r"(?:^|(?<=[\s\x00]))(?P<place>[^\s\x00]{1,30}?)" + alt(
        lex.place_suffixes, spaced=False)) if lex.place_suffixes else re.compile(r"(?!x)x")
    return quoted, plain, suffixed


def find_quoted_place(scan: Scan, *, locale: str) -> str | None:
    """A quoted location ("at \"The 12th Street Grill\""), read before any other phrase."""
    m = _patterns(lexicon(locale).code)[0].search(scan.view)
    if m is None:
        return None
    scan.take(m.start(), m.end(), "location")
    return m["place"].strip()


def find_place(scan: Scan, *, locale: str) -> str | None:
    """The location of the event, consumed with its preposition; None if there is none."""
    _, plain, suffixed = _patterns(lexicon(locale).code)
    for pattern in (plain, suffixed):
        m = pattern.search(scan.view)
        if m:
            place = m["place"].strip(" ,.;:!?")
            place = re.sub(r"\s+(?:of|de|du|la|the|on|&)$", "", place)
            if place:
                scan.take(m.start(), m.start("place") + len(place), "location")
                return place
    return None
