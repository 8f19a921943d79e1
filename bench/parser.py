"""Parser benchmark: per-message latency on chat-length text and worst cases on 4 KB inputs."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

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


def run(rounds: int = 20) -> int:
    """Print the figures; 0 when every bar is met, 1 when any is missed."""
    cases = chat_cases()
    for case in cases:  # warm the per-locale pattern caches first
        parse(case.text, now=case.now, tz=case.tz, locale=case.locale)
    samples: list[float] = []
    for _ in range(rounds):
        for case in cases:
            samples.append(_time(partial(parse, case.text, now=case.now, tz=case.tz,
                                         locale=case.locale)))
    samples.sort()
    median = statistics.median(samples)
    p99 = samples[int(len(samples) * 0.99) - 1]
    lengths = [len(c.text) for c in cases]
    print(f"parser: {len(samples)} parses of {len(cases)} chat messages "
          f"({min(lengths)}-{max(lengths)} chars, mean {statistics.mean(lengths):.0f})")
    print(f"  median {median * 1e6:8.1f} µs   (bar: < 150 µs) {_verdict(median, MEDIAN_BAR)}")
    print(f"  p99    {p99 * 1e6:8.1f} µs   (bar: < 1000 µs) {_verdict(p99, P99_BAR)}")
    print(f"  max    {samples[-1] * 1e6:8.1f} µs")
    worst_name, worst = "", 0.0
    rows = []
    for name, text in adversarial().items():
        for locale in ("en", "ja", "de"):
            call = partial(parse, text, now=NOW, tz=TZ, locale=locale)
            took = min(_time(call) for _ in range(3))
            rows.append((took, f"{name} [{locale}]"))
            if took > worst:
                worst_name, worst = f"{name} [{locale}]", took
    rows.sort(reverse=True)
    print(f"adversarial 4 KB inputs: {len(rows)} runs; slowest:")
    for took, name in rows[:5]:
        print(f"  {took * 1e3:8.2f} ms  {name}")
    print(f"  worst 4 KB input: {worst * 1e3:.2f} ms ({worst_name})   (bar: < 20 ms) "
          f"{_verdict(worst, WORST_BAR)}")
    missed = [name for name, value, bar in (("median", median, MEDIAN_BAR), ("p99", p99, P99_BAR),
                                            ("worst 4 KB input", worst, WORST_BAR))
              if value >= bar]
    if missed:
        print(f"FAILED: bar missed: {', '.join(missed)}")
        return 1
    return 0


def _verdict(value: float, bar: float) -> str:
    return "ok" if value < bar else "TOO SLOW"
