"""Locales: one word-table module per language, looked up by code."""

from __future__ import annotations

from nlp.lexicon import Lexicon
from nlp.locales import de, en, es, fr, ja, ko

LEXICONS: dict[str, Lexicon] = {
    lex.code: lex
    for lex in (en.LEXICON, ja.LEXICON, ko.LEXICON, de.LEXICON, fr.LEXICON, es.LEXICON)
}


def lexicon(code: str) -> Lexicon:
    """The lexicon of a locale ("en", "ja-JP" -> "ja"); English when unknown."""
    found = LEXICONS.get(code)
    if found is not None:
        return found
    return LEXICONS.get(code.lower().replace("_", "-").split("-")[0], en.LEXICON)
