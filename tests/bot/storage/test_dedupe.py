"""claim_once: the first claimer of a key wins, everywhere, once; old keys are purged."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.storage import Storage
from tests.bot.storage.conftest import FakeClock


async def test_a_key_is_claimed_once(storage: Storage) -> None:
    assert await storage.claim_once("event:Ev01")
    assert not await storage.claim_once("event:Ev01")
    assert await storage.claim_once("event:Ev02")


async def test_racing_claimers_on_two_instances_get_one_win(
    storage: Storage, second_instance: Storage
) -> None:
    key = "trigger:1234.5678.abcdef" * 20  # long keys are fine: they are hashed
    wins = await asyncio.gather(
        *(i.claim_once(key) for _ in range(10) for i in (storage, second_instance))
    )
    assert wins.count(True) == 1


async def test_keys_are_forgotten_after_a_day(storage: Storage, clock: FakeClock) -> None:
    assert await storage.claim_once("event:Ev01")
    clock.advance(timedelta(hours=23))
    await storage.expire_old()
    assert not await storage.claim_once("event:Ev01")
    clock.advance(timedelta(hours=2))
    await storage.expire_old()
    assert await storage.claim_once("event:Ev01")


async def test_a_released_key_is_claimed_again_once(storage: Storage) -> None:
    assert await storage.claim_once("event:Ev01")
    assert await storage.claim_once("event:Ev02")
    await storage.release("event:Ev01")
    assert await storage.claim_once("event:Ev01")
    assert not await storage.claim_once("event:Ev01")
    assert not await storage.claim_once("event:Ev02")  # the others keep their claims
