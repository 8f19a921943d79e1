"""The dev corpus as a regression test, scored with the shared scorer."""

from __future__ import annotations

import importlib.util
import json
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest

from nlp.parse import parse
from nlp.render import batch_line

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "nlp"
# Floors: what the parser reaches today. Raise them as it improves; never lower them.
FULL_MATCH_EN = 1.0
FULL_MATCH_ALL = 1.0
FIELD_FLOOR = 0.97


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quickcal_score", SHARED / "score.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_corpus(path: Path) -> tuple[int, dict[str, object]]:
    """(number of cases, the shared scorer's summary) of the parser on a labelled file."""
    score = _scorer()
    corpus = score.load_jsonl(path)
    predictions = []
    for case in corpus:
        draft = parse(case["text"], now=datetime.fromisoformat(case["now"]), tz=case["tz"],
                      locale=case.get("locale", "en"))
        # Through JSON, as the batch command writes it.
        predictions.append(json.loads(json.dumps(batch_line(draft, case_id=case["id"]))))
    result: dict[str, object] = score.score(corpus, predictions)
    return len(corpus), result


@pytest.fixture(scope="module")
def summary() -> dict[str, object]:
    if not (SHARED / "corpus-dev.jsonl").exists():
        pytest.skip(f"shared corpus not found at {SHARED}")
    return score_corpus(SHARED / "corpus-dev.jsonl")[1]


def _rate(summary: dict[str, object], name: str) -> float:
    value = summary[name]
    assert isinstance(value, dict)
    return float(value["accuracy"])


def test_full_match_english(summary: dict[str, object]) -> None:
    assert _rate(summary, "full_match_en") >= FULL_MATCH_EN


def test_full_match_all_locales(summary: dict[str, object]) -> None:
    assert _rate(summary, "full_match") >= FULL_MATCH_ALL


def test_every_field(summary: dict[str, object]) -> None:
    fields = summary["fields"]
    assert isinstance(fields, dict)
    low = {name: r["accuracy"] for name, r in fields.items()
           if r["accuracy"] is not None and r["accuracy"] < FIELD_FLOOR}
    assert not low


def test_no_end_before_its_start(summary: dict[str, object]) -> None:
    assert summary["end_order_violations"] == 0
