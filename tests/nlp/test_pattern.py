"""Pattern: the cheap gates (`needles`, `holds`) never skip a phrase, `matches` sees them all."""

from __future__ import annotations

import re

import pytest

from nlp.lexicon import Lexicon
from nlp.locales import LEXICONS
from nlp.pattern import alt, compile_low, holds, matches, needles

# Every table a gate stands for, as the finders pass them to `needles`.
GATED = ("reminder_leads", "reminder_nouns", "in_words", "after_words", "relative_days",
         "evening_days", "weekend", "next_weekend", "month_end", "week_end", "year_end",
         "weekdays", "months", "every", "every_other", "frequencies", "weekday_plurals",
         "plural_groups", "of_every_month", "title_nouns", "vague_times", "change_verbs",
         "instead_words", "online_words", "online_platforms", "day_parts", "day_tails",
         "hour_leads", "named_times", "bare_minutes", "shift_words")


@pytest.mark.parametrize("code", sorted(LEXICONS))
@pytest.mark.parametrize("sizes", [(4,), (3, 4)])
def test_every_entry_holds_a_needle(code: str, sizes: tuple[int, ...]) -> None:
    lex: Lexicon = LEXICONS[code]
    for name in GATED:
        table = list(getattr(lex, name))
        words = needles(table, sizes=sizes)
        for entry in table:
            assert holds(entry, words), (code, name, entry, words)
            # Words joined by any white space in the pattern are still found.
            assert holds("x " + "\t ".join(entry.split()) + " y", words), (code, name, entry)


def test_needles_of_an_empty_table_gate_everything_out() -> None:
    assert needles(()) == ()
    assert not holds("anything at all", ())


@pytest.mark.parametrize(("table", "expected"), [
    (("remind me", "ping me"), ("emin", "ping")),  # "me" is everywhere: not a test
    (("1 on 1", "one on one"), ("1", "one")),  # a digit is rarer than "on"
    (("tomorrow", "tmrw"), ("morr", "tmrw")),
])
def test_needles_prefer_rare_pieces(table: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert needles(table) == expected


@pytest.mark.parametrize("text", [
    "with Adele with Bob", "xwith with", "", "with", "w/ Sam, w Kim",
    "1-2-3-" * 40, "with " * 60,
])
def test_matches_equal_a_plain_scan(text: str) -> None:
    pattern = compile_low(alt(("with", "w/", "w")) + r"(?:\s+\w+)?")
    plain = [(m.start(), m.end()) for m in pattern.finditer(text)][:24]
    assert [(m.start(), m.end()) for m in matches(pattern, text)] == plain
    for pos in range(len(text) + 1):
        # Look-behinds see the text before `pos`, as in a scan from the start.
        expected = [(m.start(), m.end()) for m in pattern.finditer(text, pos)][:24]
        assert [(m.start(), m.end()) for m in matches(pattern, text, pos)] == expected


def test_matches_of_a_pattern_absent_is_empty() -> None:
    assert list(matches(re.compile("zzz"), "lunch with Adele")) == []
