"""Purity: `parse` reads no clock; the writer's `now` is its only idea of the time."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from types import FrameType
from typing import Any

import pytest

from tests.nlp.conftest import read_text

# Every way the standard library tells the time or today's date.
CLOCKS = {
    ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"),
    ("time", "time"), ("time", "time_ns"), ("time", "monotonic"), ("time", "monotonic_ns"),
    ("time", "perf_counter"), ("time", "perf_counter_ns"), ("time", "localtime"),
    ("time", "gmtime"), ("time", "ctime"), ("time", "strftime"), ("time", "process_time"),
}


def _clock(fn: Any) -> str | None:
    owner = getattr(fn, "__self__", None)
    if isinstance(owner, type) and issubclass(owner, date):
        key = ("datetime" if issubclass(owner, datetime) else "date", fn.__name__)
    elif getattr(fn, "__module__", None) == "time":
        key = ("time", fn.__name__)
    else:
        return None
    return ".".join(key) if key in CLOCKS else None


@contextmanager
def clock_reads() -> Iterator[list[str]]:
    """Records each clock read made from Python code while the block runs."""
    seen: list[str] = []

    def watch(frame: FrameType, event: str, arg: Any) -> None:
        if event == "c_call":
            name = _clock(arg)
            if name is not None:
                seen.append(f"{name} in {frame.f_code.co_filename}:{frame.f_lineno}")

    # Other tools' garbage-collection callbacks (hypothesis times them) are not parse's.
    collecting = gc.isenabled()
    gc.disable()
    sys.setprofile(watch)
    try:
        yield seen
    finally:
        sys.setprofile(None)
        if collecting:
            gc.enable()


PHRASES = [
    ("Call at 3pm", "en"), ("lunch with Adele Friday noon", "en"), ("Check in 3 hours", "en"),
    ("Standup every weekday at 9:30 until Dec 21", "en"), ("Offsite Dec 3-5", "en"),
    ("Backup 1am-2:30am Mar 8", "en"), ("now", "en"), ("today", "en"), ("tonight", "en"),
    ("right now", "en"), ("明日15時から会議", "ja"), ("내일 오후 3시 회의", "ko"),
    ("Treffen morgen um 15 Uhr", "de"), ("Réunion demain à 15h", "fr"),
    ("Reunión mañana a las 3pm", "es"), ("Sync every two weeks on monday", "en"),
]


@pytest.mark.parametrize(("text", "locale"), PHRASES)
@pytest.mark.parametrize("now", ["2026-11-18T09:00", "2026-11-18T09:00:00+09:00"])
def test_parse_reads_no_clock(text: str, locale: str, now: str) -> None:
    read_text("warm the caches", locale=locale)
    with clock_reads() as seen:
        read_text(text, now=now, locale=locale)
    assert seen == []


@pytest.mark.parametrize("reads", [datetime.now, date.today,
                                   time.time, time.monotonic])
def test_the_watch_sees_a_clock_read(reads: Callable[[], object]) -> None:
    with clock_reads() as seen:
        reads()
    assert len(seen) == 1
