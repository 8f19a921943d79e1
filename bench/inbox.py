"""Answers Quickcal posted to response_urls, awaited by key: each wakes only its own waiter.

`FakeSlack.wait_for` blocks a thread and rescans every call; 200 people waiting at once
would make the load generator its own bottleneck. Here each arrival (stamped with
`time.perf_counter()` where the fake received it: CLOCK_MONOTONIC, the same in every process
on Linux) is delivered from any thread and resolves one asyncio future.
"""

from __future__ import annotations

import asyncio
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from tests.fakes.slack import SlackCall

Match = Callable[[SlackCall], bool]


@dataclass(frozen=True)
class Arrival:
    """A response_url POST as the fake Slack received it, and when."""

    key: str
    at: float  # time.perf_counter() on arrival
    call: SlackCall


@dataclass
class _Waiter:
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[Arrival]
    match: Match


class Inbox:
    """Arrivals by key; `deliver` from any thread, `arrival` from a coroutine."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._by_key: dict[str, list[Arrival]] = defaultdict(list)
        self._waiters: dict[str, list[_Waiter]] = defaultdict(list)

    def deliver(self, arrival: Arrival) -> None:
        with self._guard:
            self._by_key[arrival.key].append(arrival)
            waiters = self._waiters.get(arrival.key, [])
            woken = [w for w in waiters if w.match(arrival.call)]
            for waiter in woken:
                waiters.remove(waiter)
        for waiter in woken:
            waiter.loop.call_soon_threadsafe(_settle, waiter.future, arrival)

    async def arrival(self, key: str, match: Match, *, within: float) -> Arrival | None:
        """The first arrival for `key` that `match`es; None after `within` seconds."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Arrival] = loop.create_future()
        with self._guard:
            for earlier in self._by_key.get(key, []):
                if match(earlier.call):
                    return earlier
            self._waiters[key].append(_Waiter(loop, future, match))
        try:
            return await asyncio.wait_for(future, within)
        except TimeoutError:
            return None


def _settle(future: asyncio.Future[Arrival], arrival: Arrival) -> None:
    if not future.done():
        future.set_result(arrival)
