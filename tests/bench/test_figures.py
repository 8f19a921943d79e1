"""The benchmark's pure pieces: percentiles, bars and verdicts, the table, results.json."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from bench.results import Bar, Figure, Report
from bench.stats import median, percentile, spread
from bench.table import render


def test_percentiles_are_observed_values_by_nearest_rank() -> None:
    samples = [float(n) for n in range(100, 0, -1)]  # 100..1, unsorted on purpose
    assert percentile(samples, 0.5) == 50.0
    assert percentile(samples, 0.95) == 95.0
    assert percentile(samples, 0.99) == 99.0
    assert percentile(samples, 1.0) == 100.0
    assert percentile([7.0], 0.99) == 7.0
    assert math.isnan(percentile([], 0.5))


def test_median_and_spread_skip_what_could_not_be_measured() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 2.0, 3.0]) == 2.5
    assert spread([2.0, math.nan, 5.0, 1.0]) == (1.0, 5.0)
    assert math.isnan(median([math.nan]))


@pytest.mark.parametrize(
    ("bar", "value", "met"),
    [
        (Bar(150), 149.9, True),
        (Bar(150), 150.0, False),  # "below" is strict
        (Bar(0, rule="at most"), 0.0, True),
        (Bar(0, rule="at most"), 1.0, False),
        (Bar(10, rule="at least"), 10.0, True),
        (Bar(10, rule="at least"), 9.0, False),
        (Bar(10), math.nan, False),  # a figure that could not be measured never passes
    ],
)
def test_a_bar_is_met_by_its_rule(bar: Bar, value: float, met: bool) -> None:
    assert bar.met_by(value) is met


def test_a_speed_is_judged_on_the_median_a_count_on_every_run() -> None:
    speed = Figure("parser", "p50", "µs", (100.0, 120.0, 900.0), Bar(150))
    assert speed.ok is True  # one noisy run does not fail the median
    slow_acks = Figure("ack", "acks over 3 s", "", (0.0, 0.0, 1.0),
                       Bar(0, rule="at most", judged="every run"))
    assert slow_acks.ok is False  # one slow ack in one run is one too many
    assert Figure("ack", "rps", "req/s", (5.0,)).ok is None  # no bar, no verdict


def test_the_table_shows_median_spread_bar_and_verdict() -> None:
    figures = [
        Figure("parser", "latency p50", "µs", (100.0, 120.0, 140.0), Bar(150)),
        Figure("ack: 2 s", "acks over 3 s", "", (0.0, 2.0, 0.0),
               Bar(0, rule="at most", judged="every run")),
    ]
    lines = render(figures).splitlines()
    assert lines[0].split() == ["figure", "median", "spread", "(min–max)", "runs", "bar", "ok"]
    assert "[parser]" in lines
    [speed] = [line for line in lines if "latency p50" in line]
    assert "120 µs" in speed
    assert "100–140 µs" in speed
    assert "< 150 µs" in speed
    assert speed.rstrip().endswith("ok")
    [count] = [line for line in lines if "acks over 3 s" in line]
    assert "<= 0 each run" in count
    assert count.rstrip().endswith("MISSED")


def test_results_json_has_the_machine_every_figure_and_what_was_missed(tmp_path: Path) -> None:
    report = Report(quick=True)
    report.figures += [
        Figure("memory", "at rest", "MiB", (118.25,)),
        Figure("ack", "errors", "", (0.0, 3.0), Bar(0, rule="at most", judged="every run")),
        Figure("ack", "p50", "ms", (math.nan,)),
    ]
    written = json.loads(report.write(tmp_path / "results.json").read_text(encoding="utf-8"))
    assert written["quick"] is True
    assert written["machine"]["cores"] >= 1
    assert written["machine"]["python"].count(".") == 2
    assert {"started", "wall_seconds", "load_average_1min_at_end"} <= set(written)
    rest, errors, unmeasured = written["figures"]
    assert rest == {"section": "memory", "name": "at rest", "unit": "MiB", "runs": [118.25],
                    "median": 118.25, "min": 118.25, "max": 118.25, "bar": None, "ok": None,
                    "note": ""}
    assert errors["ok"] is False
    assert errors["bar"] == "<= 0 each run"
    assert unmeasured["median"] is None  # JSON has no NaN
    assert written["missed"] == ["ack: errors"]  # a figure without a bar is never missed
