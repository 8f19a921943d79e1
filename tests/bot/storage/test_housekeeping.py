"""Housekeeping on a real database: expired drafts go, live ones stay, failures don't stop it."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import pytest

from bot.housekeeping import keep_tidy, start_housekeeping
from bot.storage import DRAFT_LIFETIME, DraftNotFound, Storage
from tests.bot.storage.conftest import FakeClock
from tests.bot.storage.drafts_data import ALICE, LUNCH, TEAM


async def wait_until_gone(storage: Storage, draft_id: str) -> None:
    for _ in range(500):
        try:
            await storage.get_draft(draft_id)
        except DraftNotFound:
            return
        await asyncio.sleep(0.01)
    pytest.fail("housekeeping never purged the expired draft")


async def test_the_timer_purges_expired_drafts_and_keeps_live_ones(
    storage: Storage, clock: FakeClock
) -> None:
    old = await storage.add_draft(
        LUNCH, team_id=TEAM, user_id=ALICE, channel_id="C0CHAN", source="command"
    )
    clock.advance(DRAFT_LIFETIME + timedelta(minutes=1))
    fresh = await storage.add_draft(
        LUNCH, team_id=TEAM, user_id=ALICE, channel_id="C0CHAN", source="command"
    )
    task = start_housekeeping(storage, every=0.01)
    try:
        await wait_until_gone(storage, old.id)
        assert (await storage.get_draft(fresh.id)).state == "pending"
    finally:
        task.cancel()


class Flaky:
    """A storage whose first purge fails: the loop must log it and go on."""

    def __init__(self) -> None:
        self.calls = 0

    async def expire_old(self) -> int:
        self.calls += 1
        if self.calls == 1:
            raise RuntimeError("database restarting")
        return 0


async def test_a_failed_round_is_logged_and_retried(caplog: pytest.LogCaptureFixture) -> None:
    flaky = Flaky()
    caplog.set_level(logging.ERROR, logger="bot.housekeeping")
    task = asyncio.get_running_loop().create_task(keep_tidy(flaky, every=0.01))  # type: ignore[arg-type]
    try:
        for _ in range(500):
            if flaky.calls >= 3:
                break
            await asyncio.sleep(0.01)
    finally:
        task.cancel()
    assert flaky.calls >= 3
    assert "housekeeping failed" in caplog.text
