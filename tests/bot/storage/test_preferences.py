"""Per-person settings: defaults, each setting on its own, and the cached profile."""

from __future__ import annotations

import asyncio

import pytest

from bot.storage import SlackProfile, Storage, UserSettings
from tests.bot.storage.conftest import FakeClock
from tests.bot.storage.drafts_data import ALICE, BOB, TEAM


async def test_a_stranger_has_empty_settings(storage: Storage) -> None:
    assert await storage.get_user_settings(TEAM, ALICE) == UserSettings(
        team_id=TEAM, user_id=ALICE
    )


async def test_each_setting_changes_alone(storage: Storage, clock: FakeClock) -> None:
    await storage.set_timezone(TEAM, ALICE, "Asia/Tokyo")
    await storage.set_event_minutes(TEAM, ALICE, 30)
    await storage.set_default_provider(TEAM, ALICE, "google")
    profile = SlackProfile(tz="Europe/Paris", email="alice@example.com", name="Alice Park")
    await storage.cache_profile(TEAM, ALICE, profile)
    await storage.set_timezone(TEAM, ALICE, None)
    settings = await storage.get_user_settings(TEAM, ALICE)
    assert settings.timezone is None
    assert (settings.event_minutes, settings.default_provider) == (30, "google")
    assert settings.profile == profile
    assert settings.profile_fetched_at == clock.now
    assert (await storage.get_user_settings(TEAM, BOB)).event_minutes is None


async def test_concurrent_changes_are_not_lost(
    storage: Storage, second_instance: Storage
) -> None:
    await asyncio.gather(
        storage.set_timezone(TEAM, ALICE, "Asia/Tokyo"),
        second_instance.set_event_minutes(TEAM, ALICE, 45),
        storage.set_default_provider(TEAM, ALICE, "lineworks"),
    )
    settings = await storage.get_user_settings(TEAM, ALICE)
    assert (settings.timezone, settings.event_minutes, settings.default_provider) == (
        "Asia/Tokyo",
        45,
        "lineworks",
    )


async def test_a_length_must_be_positive(storage: Storage) -> None:
    with pytest.raises(ValueError, match="minute"):
        await storage.set_event_minutes(TEAM, ALICE, 0)
