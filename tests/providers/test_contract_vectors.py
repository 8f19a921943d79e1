"""The validator setup itself: shared contract vectors must pass (valid) or fail (invalid)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.fakes.contracts import CONTRACTS, GOOGLE_EVENT, GRAPH_EVENT, LINEWORKS_EVENT, problems

VECTORS: dict[str, Any] = json.loads(
    (CONTRACTS / "contract-test-vectors.json").read_text(encoding="utf-8")
)
OURS = (GOOGLE_EVENT, GRAPH_EVENT, LINEWORKS_EVENT)
CASES = [
    (key, kind, name, case)
    for key, cases in VECTORS.items()
    if key.split("#")[0] in OURS
    for kind in ("valid", "invalid")
    for name, case in cases.get(kind, {}).items()
]


def test_every_provider_schema_has_vectors_of_both_kinds() -> None:
    kinds = {(key.split("#")[0], kind) for key, kind, _, _ in CASES}
    assert kinds == {(name, kind) for name in OURS for kind in ("valid", "invalid")}


@pytest.mark.parametrize(
    ("key", "kind", "name", "case"), CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES]
)
def test_vector(key: str, kind: str, name: str, case: Any) -> None:
    schema, _, pointer = key.partition("#/")
    body = case["body"] if kind == "invalid" else case
    found = problems(schema, body, pointer=pointer)
    if kind == "valid":
        assert found == [], name
    else:
        assert found, f"{name} should break: {case['rule']}"
