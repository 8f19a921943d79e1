"""The contract-checked fakes of tests/, the fake Slack forwarding response_url answers.

The fakes run in the orchestrating process; the load generator runs in a process of its
own (bench/crowd.py) so neither holds the other's GIL. `BenchSlack` puts every
response_url POST, stamped on arrival, on `outbox` (a multiprocessing queue) for it.
"""

from __future__ import annotations

import time
from typing import Any, Protocol

from bench.inbox import Arrival
from tests.fakes.google import FakeGoogle
from tests.fakes.slack import FakeSlack, SlackCall

PEOPLE_ZONE = "America/New_York"


class Outbox(Protocol):
    def put(self, item: Any, /) -> None: ...


class BenchSlack(FakeSlack):
    """FakeSlack that also hands each response_url POST to `outbox` when one is set."""

    outbox: Outbox | None = None

    def _record(self, call: SlackCall, problems: list[str]) -> None:
        at = time.perf_counter()
        super()._record(call, problems)
        outbox = self.outbox
        if call.method == "response_url" and outbox is not None:
            outbox.put(Arrival(str(call.args["key"]), at, call))


def person_id(index: int) -> str:
    return f"U0BENCH{index:04d}"


def start_slack(people: int) -> BenchSlack:
    """The fake workspace with `people` members, all in New York."""
    slack = BenchSlack()
    slack.start()
    for index in range(people):
        user = person_id(index)
        slack.add_user(user, name=f"bench{index}", real_name=f"Bench Person {index}",
                       display_name=f"bench{index}", email=f"bench{index}@example.com",
                       tz=PEOPLE_ZONE)
    return slack


def start_google() -> FakeGoogle:
    return FakeGoogle().start()
