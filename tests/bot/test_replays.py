"""Replayed interactions: a trigger id is let through once within its signature's life."""

from __future__ import annotations

import pytest

from bot import replays
from bot.replays import RecentTriggers


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_trigger_is_first_once_within_the_lifetime() -> None:
    clock = Clock()
    seen = RecentTriggers(lifetime=300, clock=clock)
    assert seen.first("1.2.a")
    assert not seen.first("1.2.a")
    assert seen.first("1.2.b")
    clock.now += 299
    assert not seen.first("1.2.a")
    clock.now += 2  # past the signature's life: the signature check refuses it anyway
    assert seen.first("1.2.a")


def test_memory_stays_bounded_under_a_flood(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replays, "CAPACITY", 100)
    seen = RecentTriggers(lifetime=300, clock=Clock())
    for n in range(1000):
        assert seen.first(f"t{n}")
    assert not seen.first("t999")  # the newest are kept...
    assert seen.first("t0")  # ...the oldest forgotten
