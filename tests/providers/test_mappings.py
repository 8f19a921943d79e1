"""Each provider mapping against its published JSON schema; golden bodies for the main cases."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nlp.draft import EventDraft
from providers.errors import Unsupported
from providers.google_body import check_google, to_google_event
from providers.graph_body import check_graph, to_graph_event
from providers.lineworks_body import check_lineworks, to_lineworks_event
from tests.fakes.contracts import GOOGLE_EVENT, GRAPH_EVENT, LINEWORKS_EVENT, problems
from tests.providers.drafts import ALL, KEY

GOLDEN = Path(__file__).parent / "golden"
Mapper = Callable[..., dict[str, Any]]
MAPPINGS: dict[str, tuple[Callable[[EventDraft], None], Mapper, str]] = {
    "google": (check_google, to_google_event, GOOGLE_EVENT),
    "microsoft": (check_graph, to_graph_event, GRAPH_EVENT),
    "lineworks": (check_lineworks, to_lineworks_event, LINEWORKS_EVENT),
}
# What a provider says it cannot express, by case: everything else must map.
UNSUPPORTED = {("lineworks", "meeting")}
GOLDEN_CASES = [
    "timed",
    "all-day",
    "multi-day",
    "attendees",
    "meeting",
    "tokyo-everything",
    "rrule-weekdays",
    "rrule-monthly-second-tuesday",
    "rrule-until",
]


@pytest.mark.parametrize("case", sorted(ALL))
@pytest.mark.parametrize("provider", sorted(MAPPINGS))
def test_each_body_meets_the_published_contract(provider: str, case: str) -> None:
    check, mapper, schema = MAPPINGS[provider]
    draft = ALL[case]
    if (provider, case) in UNSUPPORTED:
        with pytest.raises(Unsupported):
            check(draft)
        return
    check(draft)
    body = mapper(draft, idempotency_key=KEY)
    assert problems(schema, body) == []


@pytest.mark.parametrize("case", GOLDEN_CASES)
@pytest.mark.parametrize("provider", sorted(MAPPINGS))
def test_golden_bodies(provider: str, case: str) -> None:
    if (provider, case) in UNSUPPORTED:
        pytest.skip("the provider cannot express this case (tested above)")
    _, mapper, _ = MAPPINGS[provider]
    body = mapper(ALL[case], idempotency_key=KEY)
    path = GOLDEN / f"{provider}-{case}.json"
    if os.environ.get("QUICKCAL_WRITE_GOLDEN"):
        path.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert body == json.loads(path.read_text(encoding="utf-8"))


def test_the_same_key_gives_the_same_body_and_another_key_another_id() -> None:
    draft = ALL["timed"]
    for _, mapper, _ in MAPPINGS.values():
        assert mapper(draft, idempotency_key=KEY) == mapper(draft, idempotency_key=KEY)
        assert mapper(draft, idempotency_key=KEY) != mapper(draft, idempotency_key="other")
