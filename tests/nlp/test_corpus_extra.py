"""The independent corpus (labelled without sight of the parser) as a regression test."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from nlp.parse import parse
from nlp.render import batch_line
from tests.nlp.test_corpus import _rate, _scorer

CORPUS = Path(__file__).resolve().parent / "corpus-extra.jsonl"
# Floors: what the parser reaches today. Raise them as it improves; never lower them.
FULL_MATCH_ALL = 1.0
FULL_MATCH_EN = 1.0
LOCALE_FLOOR = 1.0


@pytest.fixture(scope="module")
def summary() -> dict[str, object]:
    score = _scorer()
    corpus = score.load_jsonl(CORPUS)
    assert len(corpus) == 260
    predictions = []
    for case in corpus:
        draft = parse(case["text"], now=datetime.fromisoformat(case["now"]), tz=case["tz"],
                      locale=case.get("locale", "en"))
        # Through JSON, as the batch command writes it.
        predictions.append(json.loads(json.dumps(batch_line(draft, case_id=case["id"]))))
    result: dict[str, object] = score.score(corpus, predictions)
    return result


def test_full_match_all_locales(summary: dict[str, object]) -> None:
    assert _rate(summary, "full_match") >= FULL_MATCH_ALL


def test_full_match_english(summary: dict[str, object]) -> None:
    assert _rate(summary, "full_match_en") >= FULL_MATCH_EN


def test_every_locale(summary: dict[str, object]) -> None:
    by_locale = summary["by_locale"]
    assert isinstance(by_locale, dict)
    assert set(by_locale) == {"de", "en", "es", "fr", "ja", "ko"}
    low = {code: r["accuracy"] for code, r in by_locale.items() if r["accuracy"] < LOCALE_FLOOR}
    assert not low


def test_no_end_before_its_start(summary: dict[str, object]) -> None:
    assert summary["end_order_violations"] == 0
