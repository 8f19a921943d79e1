"""Quickcal's parser against today's open-source parsers, on the shared dev corpus.

    make bench-rivals        (installs the rivals into .bench/, never into the app)

Rivals: parsedatetime and dateparser (Python), chrono-node and sherlockjs (Node.js). Each rival
gets the benefit of the doubt: its first reading is the start, a reading without a certain hour
is all-day, and an all-day range end is made exclusive as calendars want. Fields a rival does not
produce (title, location, attendees, recurrence) score as empty, as they would in a product.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

from nlp.parse import parse
from nlp.render import batch_line

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "nlp"
NODE_DIR = ROOT / ".bench" / "node"
FIELDS = ["title", "start", "end", "all_day", "tz", "location", "attendees", "rrule"]

Case = dict[str, Any]
Prediction = dict[str, Any]


def load_score() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {SHARED / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def reading(case: Case, start: datetime | None, end: datetime | None, *, timed: bool) -> Prediction:
    """A rival's wall-clock reading in the writer's zone, as a prediction line."""
    if start is None:
        return {"id": case["id"], "start": None}
    zone = ZoneInfo(case["tz"])
    if not timed:
        last = end.date() if end is not None and end.date() > start.date() else None
        return {
            "id": case["id"],
            "start": start.date().isoformat(),
            "end": iso(last + timedelta(days=1)) if last else None,
            "all_day": True,
        }
    aware_end = end.replace(tzinfo=zone) if end is not None else None
    aware_start = start.replace(tzinfo=zone)
    return {
        "id": case["id"],
        "start": aware_start.isoformat(),
        "end": iso(aware_end) if aware_end and aware_end > aware_start else None,
        "all_day": False,
    }


def run_quickcal(cases: list[Case]) -> tuple[list[Prediction], list[int]]:
    preds, times = [], []
    for case in cases:
        now = datetime.fromisoformat(case["now"])
        t0 = time.perf_counter_ns()
        draft = parse(case["text"], now=now, tz=case["tz"], locale=case["locale"])
        times.append(time.perf_counter_ns() - t0)
        preds.append(batch_line(draft, case_id=case["id"]))
    return preds, times


def run_parsedatetime(cases: list[Case]) -> tuple[list[Prediction], list[int]]:
    import parsedatetime  # rivals are imported only when measured

    cal = parsedatetime.Calendar(version=parsedatetime.VERSION_CONTEXT_STYLE)
    preds, times = [], []
    for case in cases:
        now = datetime.fromisoformat(case["now"])
        t0 = time.perf_counter_ns()
        found = cal.nlp(case["text"], sourceTime=now)
        times.append(time.perf_counter_ns() - t0)
        if not found:
            preds.append(reading(case, None, None, timed=False))
            continue
        dt, flags = found[0][0], found[0][1]
        end = found[1][0] if len(found) > 1 else None
        preds.append(reading(case, dt, end, timed=bool(flags.hasTime)))
    return preds, times


def run_dateparser(cases: list[Case]) -> tuple[list[Prediction], list[int]]:
    from dateparser.search import search_dates

    preds, times = [], []
    for case in cases:
        now = datetime.fromisoformat(case["now"])
        settings = {"RELATIVE_BASE": now, "PREFER_DATES_FROM": "future"}
        t0 = time.perf_counter_ns()
        found = search_dates(case["text"], languages=[case["locale"]], settings=settings)
        times.append(time.perf_counter_ns() - t0)
        if not found:
            preds.append(reading(case, None, None, timed=False))
            continue
        dt = found[0][1]
        end = found[1][1] if len(found) > 1 else None
        preds.append(reading(case, dt, end, timed=dt.time() != datetime.min.time()))
    return preds, times


def run_node(cases: list[Case]) -> dict[str, tuple[list[Prediction], list[int]]]:
    """chrono-node and sherlockjs, one Node process per writer zone (TZ sets their clock)."""
    if not shutil.which("node") or not (NODE_DIR / "node_modules" / "chrono-node").exists():
        return {}
    by_zone: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        by_zone[case["tz"]].append(case)
    out: dict[str, tuple[list[Prediction], list[int]]] = defaultdict(lambda: ([], []))
    by_id = {c["id"]: c for c in cases}
    script = NODE_DIR / "rivals.mjs"
    shutil.copy(Path(__file__).with_name("rivals.mjs"), script)
    for zone, group in by_zone.items():
        stdin = "".join(json.dumps(c) + "\n" for c in group)
        env = {**os.environ, "TZ": zone}
        done = subprocess.run(
            ["node", str(script)], input=stdin, capture_output=True, text=True, env=env,
            cwd=NODE_DIR, check=True,
        )
        for line in done.stdout.splitlines():
            row = json.loads(line)
            case = by_id[row["id"]]
            start = datetime(*row["start"]) if row.get("start") else None
            end = datetime(*row["end"]) if row.get("end") else None
            pred = reading(case, start, end, timed=bool(row.get("timed")))
            if row.get("title"):
                pred["title"] = row["title"]
            out[row["rival"]][0].append(pred)
            out[row["rival"]][1].append(int(row["ns"]))
    return dict(out)


def percent(summary: dict[str, Any], field: str) -> str:
    rate = summary["fields"][field]["accuracy"]
    return "  -  " if rate is None else f"{100 * rate:5.1f}"


def table(rows: Iterable[tuple[str, dict[str, Any], list[int]]]) -> str:
    head = f"{'parser':<14}" + "".join(f"{f:>10}" for f in FIELDS) + f"{'full':>8}{'median µs':>11}"
    lines = [head, "-" * len(head)]
    for name, summary, times in rows:
        cells = "".join(f"{percent(summary, f):>10}" for f in FIELDS)
        full = 100 * (summary["full_match"]["accuracy"] or 0)
        median = statistics.median(times) / 1000 if times else float("nan")
        lines.append(f"{name:<14}{cells}{full:>8.1f}{median:>11.0f}")
    return "\n".join(lines)


def main() -> int:
    score = load_score()
    corpus = [c for c in score.load_jsonl(SHARED / "corpus-dev.jsonl") if c["locale"] == "en"]
    runners: dict[str, Callable[[list[Case]], tuple[list[Prediction], list[int]]]] = {
        "quickcal": run_quickcal,
        "parsedatetime": run_parsedatetime,
    }
    if importlib.util.find_spec("dateparser"):
        runners["dateparser"] = run_dateparser
    results = {name: run(corpus) for name, run in runners.items()}
    results.update(run_node(corpus))
    rows = [(name, score.score(corpus, preds), times) for name, (preds, times) in results.items()]
    print(f"English cases of the dev corpus: {len(corpus)}; per-field accuracy, %\n")
    print(table(rows))
    missing = {"dateparser", "chrono-node", "sherlockjs"} - set(results)
    if missing:
        print(f"\nnot installed, not measured: {', '.join(sorted(missing))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
