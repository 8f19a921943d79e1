"""Database round trips per request: each is a hop to SQLite's thread on the loop that also
acknowledges Slack, so a draft reads what it needs once (a count, not a timing)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from tests.bot.conftest import Quickcal, until
from tests.fakes.slack import FakeSlack

FROM = re.compile(r"^SELECT .*? FROM (\w+)")


@pytest.fixture
def statements(quickcal: Quickcal) -> Iterator[list[str]]:
    seen: list[str] = []
    engine = quickcal.services.storage.engine.sync_engine

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def test_a_draft_reads_the_persons_settings_and_links_once(
    quickcal: Quickcal, slack: FakeSlack, statements: list[str]
) -> None:
    warm = quickcal.command("coffee friday 10am")  # the first caches the Slack profile
    slack.wait_for("response_url", lambda c: c.args["key"] == warm)
    statements.clear()
    key = quickcal.command("lunch with Adele friday noon")
    slack.wait_for("response_url", lambda c: c.args["key"] == key)
    until(lambda: any(s.startswith("INSERT INTO drafts") for s in statements))
    reads = Counter(m.group(1) for s in statements if (m := FROM.search(s)))
    assert reads["user_settings"] == 1, reads
    assert reads["calendar_links"] == 1, reads
    begun = sum(1 for s in statements if s.startswith("BEGIN"))
    assert begun <= 3, statements  # settings, links, the draft (no dedupe write for a command)
