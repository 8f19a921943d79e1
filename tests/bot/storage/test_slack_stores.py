"""Slack installation and install-state stores: slack_sdk's interfaces on our tables."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from slack_sdk.oauth.installation_store.models.installation import Installation
from sqlalchemy import update

from bot.storage import Storage
from bot.storage.tables import slack_installations
from tests.bot.storage.conftest import FakeClock, dump_text
from tests.bot.storage.drafts_data import ALICE, BOB, TEAM

# Longer than slack_sdk's stock 200-character columns once encrypted.
BOT_TOKEN = "xoxb-17653672481-19874698323-" + "pdFZKVChBaVGHTsuUmo9QuZ7" * 4
USER_TOKEN = "xoxp-17653672481-19874698323-" + "userTokenPLAINTEXT" * 4


def install(
    *, user: str = ALICE, bot_token: str | None = BOT_TOKEN, at: float = 1.7e9
) -> Installation:
    return Installation(
        app_id="A0APP", team_id=TEAM, team_name="Acme", bot_token=bot_token, bot_id="B0BOT",
        bot_user_id="U0QUICKCAL", bot_scopes=["commands", "chat:write"], user_id=user,
        user_token=USER_TOKEN, user_scopes=["identify"], installed_at=at,
        bot_refresh_token="xoxe-1-refresh", bot_token_expires_in=43200,
    )


async def test_an_installation_reads_back(storage: Storage) -> None:
    store = storage.installation_store
    original = install()
    await store.async_save(original)
    found = await store.async_find_installation(enterprise_id=None, team_id=TEAM)
    assert found is not None
    assert found.to_dict() == original.to_dict()
    bot = await store.async_find_bot(enterprise_id=None, team_id=TEAM)
    assert bot is not None
    assert (bot.bot_token, bot.bot_user_id, bot.bot_scopes) == (
        BOT_TOKEN, "U0QUICKCAL", ["commands", "chat:write"],
    )
    assert await store.async_find_bot(enterprise_id=None, team_id="T0OTHER") is None


async def test_tokens_are_encrypted_at_rest(storage: Storage) -> None:
    await storage.installation_store.async_save(install())
    dump = await dump_text(storage)
    assert BOT_TOKEN not in dump
    assert USER_TOKEN not in dump
    assert "xoxe-1-refresh" not in dump


async def test_a_user_install_gets_the_newest_bot_token(storage: Storage) -> None:
    store = storage.installation_store
    await store.async_save(install(user=BOB, at=1.7e9))
    await store.async_save(install(user=ALICE, bot_token="xoxb-newer", at=1.8e9))
    found = await store.async_find_installation(enterprise_id=None, team_id=TEAM, user_id=BOB)
    assert found is not None
    assert (found.user_id, found.bot_token) == (BOB, "xoxb-newer")
    latest = await store.async_find_installation(enterprise_id=None, team_id=TEAM)
    assert latest is not None
    assert latest.user_id == ALICE


async def test_saving_the_same_install_again_replaces_it(storage: Storage) -> None:
    store = storage.installation_store
    await store.async_save(install())
    rotated = install()
    rotated.bot_token = "xoxb-rotated"
    await store.async_save(rotated)
    async with storage.engine.connect() as connection:
        count = len((await connection.execute(slack_installations.select())).all())
    assert count == 1
    bot = await store.async_find_bot(enterprise_id=None, team_id=TEAM)
    assert bot is not None
    assert bot.bot_token == "xoxb-rotated"


async def test_deletes_forget_the_workspace(storage: Storage) -> None:
    store = storage.installation_store
    await store.async_save(install(user=ALICE))
    await store.async_save(install(user=BOB, at=1.6e9))
    await store.async_delete_installation(enterprise_id=None, team_id=TEAM, user_id=BOB)
    assert await store.async_find_installation(
        enterprise_id=None, team_id=TEAM, user_id=BOB
    ) is None
    assert await store.async_find_installation(enterprise_id=None, team_id=TEAM) is not None
    await store.async_delete_all(enterprise_id=None, team_id=TEAM)
    assert await store.async_find_installation(enterprise_id=None, team_id=TEAM) is None
    assert await store.async_find_bot(enterprise_id=None, team_id=TEAM) is None


async def test_an_enterprise_install_is_found_by_enterprise(storage: Storage) -> None:
    store = storage.installation_store
    org = Installation(
        app_id="A0APP", enterprise_id="E0ORG", bot_token=BOT_TOKEN, bot_id="B0", user_id=ALICE,
        is_enterprise_install=True,
    )
    await store.async_save(org)
    found = await store.async_find_installation(
        enterprise_id="E0ORG", team_id="T0ANY", is_enterprise_install=True
    )
    assert found is not None
    assert found.bot_token == BOT_TOKEN


async def test_a_tampered_installation_reads_as_absent(storage: Storage) -> None:
    await storage.installation_store.async_save(install())
    async with storage.engine.begin() as connection:
        await connection.execute(
            update(slack_installations).values(installation_secret="gAAAAABnope")
        )
    found = await storage.installation_store.async_find_installation(
        enterprise_id=None, team_id=TEAM
    )
    assert found is None


async def test_an_install_state_is_used_once(storage: Storage, second_instance: Storage) -> None:
    state = await storage.slack_state_store.async_issue()
    assert state not in await dump_text(storage)
    results = await asyncio.gather(
        *(i.slack_state_store.async_consume(state) for _ in range(3)
          for i in (storage, second_instance))
    )
    assert results.count(True) == 1
    assert not await storage.slack_state_store.async_consume("forged")


async def test_an_old_install_state_is_refused(storage: Storage, clock: FakeClock) -> None:
    state = await storage.slack_state_store.async_issue()
    clock.advance(timedelta(seconds=storage.slack_state_store.expiration_seconds))
    assert not await storage.slack_state_store.async_consume(state)
