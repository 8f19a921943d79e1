"""Create to result: from the click on Create to the updated card at the fake Slack's
response_url, with the calendar answering at once.

Clicks come a few at a time (not a burst), so the figure is the path's own latency:
signature, claim, the create at Google, the database, the card rendered and posted.
"""

from __future__ import annotations

from bench.crowd import Plan, run_crowd
from bench.fakes import person_id, start_google, start_slack
from bench.messages import texts
from bench.quickcal import QuickcalProcess, workdir
from bench.results import Figure
from bench.stats import percentile

SECTION = "create to result (calendar answers at once)"


def measure(*, clicks: int = 100, concurrency: int = 5, repeats: int = 3) -> list[Figure]:
    people = clicks
    slack = start_slack(people)
    google = start_google()
    runs: list[list[float]] = []
    created: list[float] = []
    try:
        with workdir() as home, \
                QuickcalProcess.launch(slack, google, people=people, home=home) as app:
            users = [person_id(i) for i in range(people)]
            for run in range(repeats):
                plan = Plan(app.target(slack), texts(people, seed=run), users,
                            concurrency=concurrency)
                outcome = run_crowd(plan, slack)
                runs.append([j.click_to_result for j in outcome.journeys
                             if j.click_to_result is not None and j.outcome == "created"])
                created.append(float(len(runs[-1])))
    finally:
        google.stop()
        slack.stop()
    if slack.violations or google.contract_violations:
        raise RuntimeError(f"contract broken: {slack.violations[:2]} "
                           f"{google.contract_violations[:2]}")
    note = f"{clicks} clicks, {concurrency} at a time"
    return [
        Figure(SECTION, "click to card p50", "ms",
               tuple(percentile(r, 0.5) * 1e3 for r in runs), note=note),
        Figure(SECTION, "click to card p95", "ms", tuple(percentile(r, 0.95) * 1e3 for r in runs)),
        Figure(SECTION, "click to card max", "ms",
               tuple(max(r, default=float("nan")) * 1e3 for r in runs)),
        Figure(SECTION, "created", "", tuple(created)),
    ]
