"""Figures (one value per repeated run, judged against a bar) and bench/results.json."""

from __future__ import annotations

import json
import math
import os
import platform
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from bench.stats import median, spread

RESULTS = Path(__file__).resolve().parent / "results.json"
Rule = Literal["below", "at most", "at least"]
Judged = Literal["median", "every run"]


@dataclass(frozen=True)
class Bar:
    """What a figure must meet: `below` is strict (<), `at most` (<=), `at least` (>=).

    `judged` says over what: the median of the runs (speed, noisy on a shared machine),
    or every run (counts that must stay zero: one bad run is one too many).
    """

    limit: float
    rule: Rule = "below"
    judged: Judged = "median"

    def met_by(self, value: float) -> bool:
        if math.isnan(value):
            return False
        if self.rule == "below":
            return value < self.limit
        if self.rule == "at most":
            return value <= self.limit
        return value >= self.limit

    def words(self, unit: str) -> str:
        sign = {"below": "<", "at most": "<=", "at least": ">="}[self.rule]
        every = "each run" if self.judged == "every run" else ""
        return " ".join(part for part in (sign, _number(self.limit), unit, every) if part)


@dataclass(frozen=True)
class Figure:
    """One measured quantity: its value in each repeated run, in `unit`."""

    section: str
    name: str
    unit: str
    runs: tuple[float, ...]
    bar: Bar | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return median(self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        return spread(self.runs)

    @property
    def ok(self) -> bool | None:
        """None without a bar; else whether the median (or every run) meets it."""
        if self.bar is None:
            return None
        if self.bar.judged == "every run":
            return bool(self.runs) and all(self.bar.met_by(v) for v in self.runs)
        return self.bar.met_by(self.median)

    def as_json(self) -> dict[str, Any]:
        low, high = self.spread
        return {
            "section": self.section,
            "name": self.name,
            "unit": self.unit,
            "runs": [_json_number(v) for v in self.runs],
            "median": _json_number(self.median),
            "min": _json_number(low),
            "max": _json_number(high),
            "bar": None if self.bar is None else self.bar.words(self.unit),
            "ok": self.ok,
            "note": self.note,
        }


def machine() -> dict[str, Any]:
    """What the figures depend on: cores, CPU, Python, OS."""
    return {
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu": _cpu_model(),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "system": f"{platform.system()} {platform.release()}",
        # Other work on the machine inflates every figure: say how busy it was.
        "load_average_1min_at_start": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


@dataclass
class Report:
    """Every figure of one `python -m bench`, with where and when it was measured."""

    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    machine: dict[str, Any] = field(default_factory=machine)
    quick: bool = False
    figures: list[Figure] = field(default_factory=list)
    wall_seconds: float = 0.0

    @property
    def missed(self) -> list[Figure]:
        return [f for f in self.figures if f.ok is False]

    def as_json(self) -> dict[str, Any]:
        return {
            "started": self.started.isoformat(timespec="seconds"),
            "wall_seconds": round(self.wall_seconds, 1),
            "quick": self.quick,
            "machine": self.machine,
            "load_average_1min_at_end": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
            "figures": [f.as_json() for f in self.figures],
            "missed": [f"{f.section}: {f.name}" for f in self.missed],
        }

    def write(self, path: Path = RESULTS) -> Path:
        path.write_text(json.dumps(self.as_json(), indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        return path


def _json_number(value: float) -> float | None:
    # JSON has no NaN: a figure that could not be measured is null.
    return None if math.isnan(value) else round(value, 3)


def _number(value: float) -> str:
    return f"{value:g}"
