"""Parser benchmark: throughput and per-message latency on the corpus, worst case on 4 KB inputs."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from bench.results import Bar, Figure
from bench.stats import percentile
from nlp.parse import parse

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "nlp" / "corpus-dev.jsonl"
NOW = datetime(2026, 11, 18, 9, 0)
TZ = "America/New_York"
# Used when the shared corpus is absent: a spread of everyday phrase kinds.
FALLBACK = [
    "lunch with Adele Friday noon", "Coffee with Megan tomorrow at 10am",
    "Holiday party December 15th 6-10pm at Harry's Bar", "Standup every weekday at 9:30",
    "Call with Bob at 3", "Offsite Dec 3-5", "Pick up dry cleaning in 2 hours",
    "Webinar Thursday 1pm PST", "sync with <@U012AB3CD> tomorrow 10am",
    "Reading group the second Tuesday of every month at 7pm at Blue Bottle",
]
SIZE = 4096


@dataclass(frozen=True)
class Case:
    text: str
    now: datetime
    tz: str
    locale: str


def chat_cases() -> list[Case]:
    if not CORPUS.exists():
        return [Case(t, NOW, TZ, "en") for t in FALLBACK]
    cases = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            cases.append(Case(row["text"], datetime.fromisoformat(row["now"]), row["tz"],
                              row.get("locale", "en")))
    return cases


def adversarial() -> dict[str, str]:
    """4 KB inputs built to provoke regex backtracking or quadratic scans."""

    def fill(unit: str) -> str:
        return (unit * (SIZE // len(unit) + 1))[:SIZE]

    return {
        "digits": fill("1234567890"),
        "spaces": " " * SIZE,
        "at at at": fill("at "),
        "with with": fill("with "),
        "with Names": fill("with Adele and "),
        "digits and colons": fill("1:2:3:4:"),
        "range dashes": fill("1-2-3-"),
        "dates": fill("Dec 3-5 "),
        "every": fill("every Monday and "),
        "numbers and units": fill("2 hours 3 min "),
        "mentions": fill("<@U0123ABCD|x> "),
        "emails": fill("a.b.c@d.e.f "),
        "at-signs": fill("@@@@ "),
        "quotes": fill('at "x '),
        "capitals": fill("At Harry Bar Conference Room "),
        "punctuation": fill("!?.,;:-()"),
        "emoji": fill("🎉🍕"),
        "japanese": fill("明日15時から会議"),
        "korean": fill("내일 오후 3시 회의 "),
        "slashes": fill("12/3/"),
        "dots": fill("3.4."),
        "next next": fill("next "),
        "the the": fill("the "),
        # Phrase kinds of the second pass: clocks without colons, shifted hours, shortcodes,
        # place nouns, group nouns, "except" lists, word ordinals.
        "military": fill("1500 0930h "),
        "half past": fill("half past quarter to "),
        "shortcodes": fill(":a::b: "),
        "place nouns": fill("in conf room office lobby "),
        "group nouns": fill("with Tokyo office and "),
        "except": fill("every day except Monday and "),
        "ordinals": fill("the twenty-third of "),
        "hour words": fill("a las doce y media "),
        # An unclosed Slack link re-opened again and again: each "<" must end the URL.
        "open links": fill("<http://a"),
        # Phrase kinds of the third pass: day lists, day letters, bare minutes, open ends,
        # addressed people, number words in repeats.
        "month days": fill("the 1st and 15th, "),
        "day letters": fill("M/W/F/"),
        "bare minutes": fill("in 15 in "),
        "open ends": fill("from 8pm till late "),
        "addressed": fill("talk to Paul à "),
        "every two": fill("every two weeks on "),
        # Phrase kinds of the fourth pass: name particles, room labels, frequency
        # adjectives, hyphenated periods, greetings, trailing hours, "@" places.
        "of of": "at Foo " + fill("of ")[:SIZE - 7],
        "particles": fill("at Champ de la "),
        "room labels": fill("in Room 3.02 "),
        "adjectives": fill("weekly review ")[:SIZE - 6] + " Dec 3",
        "month-end": fill("month-end close "),
        "greetings": fill("hey team, "),
        "trailing hours": "Friday " + fill("with Olu 1 ")[:SIZE - 7],
        "at places": fill("@ 渋谷 "),
        "x": "x" * SIZE,
    }


def _time(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


MEDIAN_BAR = 150e-6
P99_BAR = 1e-3
WORST_BAR = 20e-3
SECTION = "parser"


@dataclass(frozen=True)
class Run:
    """One pass of the benchmark: every chat case `rounds` times, every 4 KB input."""

    samples: list[float]  # seconds per parse
    wall: float  # seconds for all the chat parses, loop included
    worst: float  # the slowest 4 KB input (best of 3 tries), seconds
    worst_name: str
    slowest: list[tuple[float, str]]


def one_run(cases: list[Case], *, rounds: int) -> Run:
    samples: list[float] = []
    began = time.perf_counter()
    for _ in range(rounds):
        for case in cases:
            samples.append(_time(partial(parse, case.text, now=case.now, tz=case.tz,
                                         locale=case.locale)))
    wall = time.perf_counter() - began
    rows = []
    for name, text in adversarial().items():
        for locale in ("en", "ja", "de"):
            call = partial(parse, text, now=NOW, tz=TZ, locale=locale)
            # Best of three: the input's own cost, not a neighbour's burst on a shared core.
            rows.append((min(_time(call) for _ in range(3)), f"{name} [{locale}]"))
    rows.sort(reverse=True)
    worst, worst_name = rows[0] if rows else (0.0, "")
    return Run(samples, wall, worst, worst_name, rows[:5])


def measure(*, repeats: int = 5, rounds: int = 4) -> tuple[list[Figure], list[Run]]:
    """The parser's figures over `repeats` runs (bars read when called: tests move them)."""
    cases = chat_cases()
    for case in cases:  # warm the per-locale pattern caches first
        parse(case.text, now=case.now, tz=case.tz, locale=case.locale)
    runs = [one_run(cases, rounds=rounds) for _ in range(repeats)]
    worst_names = sorted({r.worst_name for r in runs})
    figures = [
        Figure(SECTION, "messages per second", "msg/s",
               tuple(len(r.samples) / r.wall for r in runs)),
        Figure(SECTION, "latency p50", "µs", tuple(percentile(r.samples, 0.5) * 1e6 for r in runs),
               Bar(MEDIAN_BAR * 1e6)),
        Figure(SECTION, "latency p99", "µs", tuple(percentile(r.samples, 0.99) * 1e6 for r in runs),
               Bar(P99_BAR * 1e6)),
        Figure(SECTION, "latency max", "µs", tuple(max(r.samples) * 1e6 for r in runs)),
        Figure(SECTION, "slowest 4 KB input", "ms", tuple(r.worst * 1e3 for r in runs),
               Bar(WORST_BAR * 1e3), note=", ".join(worst_names)),
    ]
    return figures, runs


def run(rounds: int = 20) -> int:
    """Print the figures of one run; 0 when every bar is met, 1 when any is missed."""
    figures, [one] = measure(repeats=1, rounds=rounds)
    lengths = [len(c.text) for c in chat_cases()]
    print(f"parser: {len(one.samples)} parses of {len(lengths)} chat messages "
          f"({min(lengths)}-{max(lengths)} chars)")
    for figure in figures:
        verdict = {None: "", True: "ok", False: "TOO SLOW"}[figure.ok]
        print(f"  {figure.name:<20} {figure.median:10.1f} {figure.unit:<6} {verdict}")
    print("adversarial 4 KB inputs; slowest:")
    for took, name in one.slowest:
        print(f"  {took * 1e3:8.2f} ms  {name}")
    missed = [f.name for f in figures if f.ok is False]
    if missed:
        print(f"FAILED: bar missed: {', '.join(missed)}")
        return 1
    return 0
