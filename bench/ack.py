"""Acknowledgement under load: 200 people send `/event` and click Create while the calendar
answers after 2 s, after 10 s, or not within Quickcal's timeout.

Each run is a fresh `python -m bot` (own process, fresh SQLite, everyone linked to the fake
Google) so no breaker state or cache carries from one run to the next. Three processes:
Quickcal, the fakes (this one) and the load generator (bench/crowd.py); an ack is timed by
the generator, so its own lag (reported) is included: the figures are upper bounds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.crowd import Plan, run_crowd
from bench.fakes import BenchSlack, person_id, start_google, start_slack
from bench.load import Journey
from bench.messages import texts
from bench.quickcal import PROVIDER_TIMEOUT_SECONDS, QuickcalProcess, workdir
from bench.results import Bar, Figure
from bench.stats import percentile

ACK_BAR_SECONDS = 3.0
# (label, seconds the fake Google waits before answering each create)
SCENARIOS = (
    ("provider answers after 2 s", 2.0),
    ("provider answers after 10 s", 10.0),
    # Past Quickcal's timeout; the fake still finishes each create afterwards, as a slow
    # calendar would (the draft is then "unsettled": only Retry, same key, may follow).
    ("provider times out", PROVIDER_TIMEOUT_SECONDS + 5.0),
)


@dataclass(frozen=True)
class Run:
    """One burst: every person's journey, its wall time, and the events the calendar holds."""

    journeys: list[Journey]
    wall: float
    events: int
    cpu: float  # Quickcal's CPU seconds during the burst
    lag: float  # the load generator's worst event-loop lag, seconds

    @property
    def acks(self) -> list[float]:
        return [a.seconds for j in self.journeys for a in j.acks]

    def said(self) -> str:
        """The most common failure answer, so a figure of failures says what they were."""
        said = Counter(j.said for j in self.journeys if j.said)
        return said.most_common(1)[0][0] if said else ""

    def count(self, outcome: str) -> int:
        return sum(1 for j in self.journeys if j.outcome == outcome)

    @property
    def click_to_result(self) -> list[float]:
        """Seconds from each Create click to its answer (the event, or the draft kept)."""
        return [j.click_to_result for j in self.journeys if j.click_to_result is not None]

    @property
    def requests_per_second(self) -> float:
        acks = [a for j in self.journeys for a in j.acks]
        span = max(a.sent + a.seconds for a in acks) - min(a.sent for a in acks)
        return len(acks) / span

    @property
    def errors(self) -> int:
        """Non-200 answers, cards that never came, clicks whose result never came."""
        refused = sum(1 for j in self.journeys for a in j.acks if a.status != 200)
        no_card = sum(1 for j in self.journeys if j.acks and j.acks[0].status == 200
                      and not j.card)
        lost = sum(1 for j in self.journeys if j.outcome == "lost"
                   and all(a.status == 200 for a in j.acks))
        return refused + no_card + lost


def measure(*, people: int = 200, repeats: int = 3,
            scenarios: Sequence[tuple[str, float]] = SCENARIOS) -> list[Figure]:
    figures: list[Figure] = []
    slack = start_slack(people)
    try:
        with workdir() as home:
            for n, (label, delay) in enumerate(scenarios):
                runs = [one_run(slack, delay=delay, people=people, home=home / f"{n}-{i}")
                        for i in range(repeats)]
                figures += figures_of(f"ack: {label}", runs)
    finally:
        slack.stop()
    if slack.violations:
        raise RuntimeError(f"Quickcal broke Slack's contract: {slack.violations[:3]}")
    return figures


def one_run(slack: BenchSlack, *, delay: float, people: int, home: Path) -> Run:
    google = start_google()
    try:
        with QuickcalProcess.launch(slack, google, people=people, home=home) as app:
            # The warm-up draft is never created: every create of the crowd meets the delay.
            google.slow_next(delay, times=people)
            users = [person_id(i) for i in range(people)]
            plan = Plan(app.target(slack), texts(people), users, concurrency=people)
            cpu = app.cpu_seconds()
            outcome = run_crowd(plan, slack)
            cpu = app.cpu_seconds() - cpu
            events = len(google.events)
        if google.contract_violations:
            broken = google.contract_violations[:3]
            raise RuntimeError(f"Quickcal broke Google's contract: {broken}")
    finally:
        google.stop()
    return Run(outcome.journeys, outcome.wall, events, cpu=cpu, lag=outcome.lag)


def figures_of(section: str, runs: list[Run]) -> list[Figure]:
    def each(values: list[float]) -> tuple[float, ...]:
        return tuple(values)

    every_zero = Bar(0, rule="at most", judged="every run")
    return [
        Figure(section, "ack p50", "ms", each([percentile(r.acks, 0.5) * 1e3 for r in runs])),
        Figure(section, "ack p95", "ms", each([percentile(r.acks, 0.95) * 1e3 for r in runs])),
        Figure(section, "ack p99", "ms", each([percentile(r.acks, 0.99) * 1e3 for r in runs])),
        Figure(section, "ack max", "ms", each([max(r.acks) * 1e3 for r in runs])),
        Figure(section, "acks over 3 s", "",
               each([float(sum(1 for a in r.acks if a > ACK_BAR_SECONDS)) for r in runs]),
               every_zero),
        Figure(section, "requests per second", "req/s",
               each([r.requests_per_second for r in runs])),
        Figure(section, "errors", "", each([float(r.errors) for r in runs]), every_zero),
        Figure(section, "created", "", each([float(r.count("created")) for r in runs])),
        Figure(section, "failed, Retry offered", "",
               each([float(r.count("failed, Retry offered")) for r in runs]),
               note=" / ".join(sorted({f'"{r.said()}"' for r in runs if r.said()}))),
        Figure(section, "lost (no result, no Retry)", "",
               each([float(r.count("lost") + r.count("other")) for r in runs]), every_zero),
        Figure(section, "events at the calendar", "", each([float(r.events) for r in runs])),
        Figure(section, "click to answer p50", "s",
               each([percentile(r.click_to_result, 0.5) for r in runs])),
        Figure(section, "click to answer max", "s",
               each([percentile(r.click_to_result, 1.0) for r in runs])),
        Figure(section, "burst wall time", "s", each([r.wall for r in runs])),
        Figure(section, "Quickcal CPU per person", "ms",
               each([r.cpu / len(r.journeys) * 1e3 for r in runs])),
        Figure(section, "load generator's own worst lag", "ms", each([r.lag * 1e3 for r in runs])),
    ]
