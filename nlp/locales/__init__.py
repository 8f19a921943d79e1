"""Locales: one word-table module per language, looked up by code."""

from __future__ import annotations

from functools import lru_cache

from nlp.lexicon import Lexicon
from nlp.locales import de, en, es, fr, ja, ko

LEXICONS: dict[str, Lexicon] = {
    lex.code: lex
    for lex in (en.LEXICON, ja.LEXICON, ko.LEXICON, de.LEXICON, fr.LEXICON, es.LEXICON)
}


def known(code: str) -> bool:
    """Whether a locale code ("fr", "ja-JP", "es_MX") names a language the parser reads."""
    return code in LEXICONS or _language(code) in LEXICONS


@lru_cache(maxsize=64)  # every finder asks for it: a C-level cache hit is the cheapest call
def lexicon(code: str) -> Lexicon:
    """The lexicon of a locale ("en", "ja-JP" -> "ja").

    An unknown code reads as English: `parse` never fails on a locale (a Slack user's
    locale may be any language); the command line rejects one it does not know.
    """
    found = LEXICONS.get(code)
    if found is not None:
        return found
    return LEXICONS.get(_language(code), en.LEXICON)


def _language(code: str) -> str:
    return code.lower().replace("_", "-").split("-")[0]
