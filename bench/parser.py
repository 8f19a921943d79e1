"""Parser benchmark: per-message latency on chat-length text and worst cases on 4 KB inputs."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
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
        "x": "x" * SIZE,
    }


def _time(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def run(rounds: int = 20) -> None:
    cases = chat_cases()
    for case in cases:  # warm the per-locale pattern caches first
        parse(case.text, now=case.now, tz=case.tz, locale=case.locale)
    samples: list[float] = []
    for _ in range(rounds):
        for case in cases:
            samples.append(_time(lambda c=case: parse(c.text, now=c.now, tz=c.tz,
                                                      locale=c.locale)))  # type: ignore[misc]
    samples.sort()
    median = statistics.median(samples)
    p99 = samples[int(len(samples) * 0.99) - 1]
    lengths = [len(c.text) for c in cases]
    print(f"parser: {len(samples)} parses of {len(cases)} chat messages "
          f"({min(lengths)}-{max(lengths)} chars, mean {statistics.mean(lengths):.0f})")
    print(f"  median {median * 1e6:8.1f} µs   (bar: < 150 µs)")
    print(f"  p99    {p99 * 1e6:8.1f} µs   (bar: < 1000 µs)")
    print(f"  max    {samples[-1] * 1e6:8.1f} µs")
    worst_name, worst = "", 0.0
    rows = []
    for name, text in adversarial().items():
        for locale in ("en", "ja", "de"):
            took = min(_time(lambda t=text, lo=locale: parse(t, now=NOW, tz=TZ, locale=lo))
                       for _ in range(3))  # type: ignore[misc]
            rows.append((took, f"{name} [{locale}]"))
            if took > worst:
                worst_name, worst = f"{name} [{locale}]", took
    rows.sort(reverse=True)
    print(f"adversarial 4 KB inputs: {len(rows)} runs; slowest:")
    for took, name in rows[:5]:
        print(f"  {took * 1e3:8.2f} ms  {name}")
    verdict = "ok" if worst < 0.020 else "TOO SLOW"
    print(f"  worst 4 KB input: {worst * 1e3:.2f} ms ({worst_name})   (bar: < 20 ms) {verdict}")
