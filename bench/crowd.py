"""Runs the load generator in a process of its own and brings back every person's journey.

Three processes share the machine: Quickcal, the fakes (this process), the load generator
(a spawned child). The fake Slack forwards response_url answers to the child through a
multiprocessing queue; the child also measures its own event-loop lag, so the figures can
say how much of an ack time was the generator's, not Quickcal's.
"""

from __future__ import annotations

import asyncio
import itertools
import multiprocessing
import os
import queue
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Any

from bench.fakes import BenchSlack
from bench.inbox import Arrival, Inbox
from bench.load import Driver, Journey, Target, crowd, person
from tests.bot import slack_requests as shapes

WARM_UP_TEXT = "warm-up tomorrow 9am"
TICK = 0.01
# Each child numbers its trigger ids and response_url keys from its own block: Slack never
# sends a trigger id twice, and Quickcal's guard would take a repeat for a replay.
_blocks = itertools.count(1)
BLOCK = 1_000_000


@dataclass(frozen=True)
class Plan:
    """Who sends what to which Quickcal, how many at once, and whether they click Create."""

    target: Target
    texts: list[str]
    users: list[str]
    concurrency: int
    click: bool = True


@dataclass(frozen=True)
class Outcome:
    journeys: list[Journey]
    wall: float  # seconds from the first request to the last answer awaited
    lag: float  # the generator loop's worst lag (seconds late on a 10 ms tick)
    cpu: float  # CPU seconds the generator used during the crowd


def run_crowd(plan: Plan, slack: BenchSlack, *, timeout: float = 600.0) -> Outcome:
    """Warm Quickcal up with one draft, then run `plan` in a child process."""
    context = multiprocessing.get_context("spawn")
    arrivals: Any = context.Queue()
    results: Any = context.Queue()
    first = next(_blocks) * BLOCK + os.getpid() % 1000 * 1000 * BLOCK
    child = context.Process(target=_child, args=(plan, arrivals, results, first), daemon=True)
    slack.outbox = arrivals
    child.start()
    try:
        answer = results.get(timeout=timeout)
    except queue.Empty:
        answer = f"the load generator gave no answer within {timeout:.0f} s"
    finally:
        slack.outbox = None
        arrivals.put(None)
        child.join(timeout=10)
        if child.is_alive():
            child.terminate()
        arrivals.cancel_join_thread()  # never block our exit on arrivals nobody reads
    if isinstance(answer, str):
        raise RuntimeError(f"load generator failed:\n{answer}")
    if not isinstance(answer, Outcome):
        raise TypeError(f"unexpected answer from the load generator: {answer!r}")
    return answer


def _child(plan: Plan, arrivals: Any, results: Any, first: int) -> None:
    shapes._serial = itertools.count(first)  # see BLOCK
    inbox = Inbox()

    def pump() -> None:
        while (item := arrivals.get()) is not None:
            if isinstance(item, Arrival):
                inbox.deliver(item)

    threading.Thread(target=pump, daemon=True).start()
    try:
        results.put(asyncio.run(_drive(plan, inbox)))
    except Exception:
        results.put(traceback.format_exc())


async def _drive(plan: Plan, inbox: Inbox) -> Outcome:
    driver = Driver(plan.target, inbox)
    lags: list[float] = []

    async def tick() -> None:
        while True:
            began = time.perf_counter()
            await asyncio.sleep(TICK)
            lags.append(time.perf_counter() - began - TICK)

    # One draft first, so the crowd meets a warm process (imports, auth.test, pools).
    await person(driver, WARM_UP_TEXT, user=plan.users[0], click=False)
    ticker = asyncio.create_task(tick())
    cpu = time.process_time()
    journeys, wall = await crowd(driver, plan.texts, plan.users, concurrency=plan.concurrency,
                                 click=plan.click)
    cpu = time.process_time() - cpu
    ticker.cancel()
    return Outcome(journeys, wall, max(lags, default=0.0), cpu)
