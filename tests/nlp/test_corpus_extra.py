"""The independent corpora (labelled without sight of the parser) as regression tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.nlp.test_corpus import _rate, score_corpus

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, kw_only=True)
class Corpus:
    """One labelled file and the floors the parser reaches on it today."""

    name: str
    size: int
    full: float
    english: float | None
    locale_floor: float
    locales: set[str]

    @property
    def path(self) -> Path:
        return HERE / self.name


# Floors: what the parser reaches today. Raise them as it improves; never lower them.
CORPORA = {
    "extra": Corpus(name="corpus-extra.jsonl", size=260, full=1.0, english=1.0, locale_floor=1.0,
                    locales={"de", "en", "es", "fr", "ja", "ko"}),
    "extra2-en": Corpus(name="corpus-extra2-en.jsonl", size=276, full=1.0, english=1.0,
                        locale_floor=1.0, locales={"en"}),
    "extra2-intl": Corpus(name="corpus-extra2-intl.jsonl", size=100, full=1.0, english=None,
                          locale_floor=1.0, locales={"de", "es", "fr", "ja", "ko"}),
    "extra3": Corpus(name="corpus-extra3.jsonl", size=200, full=1.0, english=1.0, locale_floor=1.0,
                     locales={"de", "en", "es", "fr", "ja", "ko"}),
    "extra4": Corpus(name="corpus-extra4.jsonl", size=160, full=1.0, english=1.0, locale_floor=1.0,
                     locales={"de", "en", "es", "fr", "ja", "ko"}),
    # First score 97.5% (en 98.6%, other locales 96.0%), before its three misses became rules.
    "extra5": Corpus(name="corpus-extra5.jsonl", size=120, full=1.0, english=1.0, locale_floor=1.0,
                     locales={"de", "en", "es", "fr", "ja", "ko"}),
}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def scored(request: pytest.FixtureRequest) -> tuple[Corpus, dict[str, object]]:
    corpus_file: Corpus = CORPORA[request.param]
    size, result = score_corpus(corpus_file.path)
    assert size == corpus_file.size
    return corpus_file, result


def test_full_match_all_locales(scored: tuple[Corpus, dict[str, object]]) -> None:
    corpus, summary = scored
    assert _rate(summary, "full_match") >= corpus.full - 1e-9


def test_full_match_english(scored: tuple[Corpus, dict[str, object]]) -> None:
    corpus, summary = scored
    if corpus.english is None:
        pytest.skip("no English cases in this corpus")
    assert _rate(summary, "full_match_en") >= corpus.english - 1e-9


def test_every_locale(scored: tuple[Corpus, dict[str, object]]) -> None:
    corpus, summary = scored
    by_locale = summary["by_locale"]
    assert isinstance(by_locale, dict)
    assert set(by_locale) == corpus.locales
    low = {code: r["accuracy"] for code, r in by_locale.items()
           if r["accuracy"] < corpus.locale_floor - 1e-9}
    assert not low


def test_no_end_before_its_start(scored: tuple[Corpus, dict[str, object]]) -> None:
    _, summary = scored
    assert summary["end_order_violations"] == 0
