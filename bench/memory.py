"""Memory: Quickcal's resident size (VmRSS) at rest, and after 10,000 drafts made over HTTP."""

from __future__ import annotations

from bench.crowd import Plan, run_crowd
from bench.fakes import person_id, start_google, start_slack
from bench.messages import texts
from bench.quickcal import QuickcalProcess, workdir
from bench.results import Bar, Figure

SECTION = "memory (Quickcal's VmRSS)"
PEOPLE = 200


def measure(*, drafts: int = 10_000, concurrency: int = 50) -> list[Figure]:
    """One run: a fresh process, one warm-up draft (the crowd's), then `drafts` `/event`s."""
    slack = start_slack(PEOPLE)
    google = start_google()
    try:
        with workdir() as home, \
                QuickcalProcess.launch(slack, google, people=PEOPLE, home=home) as app:
            warm = Plan(app.target(slack), texts(1), [person_id(0)], concurrency=1, click=False)
            run_crowd(warm, slack)
            at_rest = app.rss_kib()
            users = [person_id(i % PEOPLE) for i in range(drafts)]
            plan = Plan(app.target(slack), texts(drafts), users, concurrency=concurrency,
                        click=False)
            outcome = run_crowd(plan, slack)
            after = app.rss_kib()
    finally:
        google.stop()
        slack.stop()
    cards = sum(1 for j in outcome.journeys if j.card)
    note = f"{cards} cards, {concurrency} at a time"
    return [
        Figure(SECTION, "at rest (after one draft)", "MiB", (at_rest / 1024,)),
        Figure(SECTION, f"after {drafts:,} drafts", "MiB", (after / 1024,), note=note),
        Figure(SECTION, "growth per draft", "KiB", ((after - at_rest) / max(cards, 1),)),
        Figure(SECTION, "drafts per second", "drafts/s", (cards / outcome.wall,)),
        Figure(SECTION, "cards that never came", "", (float(drafts - cards),),
               Bar(0, rule="at most", judged="every run")),
    ]
