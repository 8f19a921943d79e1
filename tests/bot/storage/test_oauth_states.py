"""Provider OAuth states: single use, atomic, typed refusals, verifier kept encrypted."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import update

from bot.storage import OAuthGrant, OAuthStateError, OAuthStateExpired, Storage
from bot.storage.oauth_states import OAUTH_STATE_LIFETIME
from bot.storage.tables import oauth_states
from tests.bot.storage.conftest import FakeClock, dump_text
from tests.bot.storage.drafts_data import ALICE, TEAM

VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-PLAINTEXT"


async def issue(storage: Storage, *, provider: str = "google") -> str:
    return await storage.issue_oauth_state(
        team_id=TEAM, user_id=ALICE, provider=provider, code_verifier=VERIFIER
    )


async def test_a_state_is_consumed_once(storage: Storage, clock: FakeClock) -> None:
    state = await issue(storage)
    grant = await storage.consume_oauth_state(state, provider="google")
    assert grant == OAuthGrant(
        team_id=TEAM, user_id=ALICE, provider="google", code_verifier=VERIFIER,
        created_at=clock.now,
    )
    with pytest.raises(OAuthStateError):
        await storage.consume_oauth_state(state, provider="google")


async def test_neither_state_nor_verifier_is_stored_in_clear(storage: Storage) -> None:
    state = await issue(storage)
    dump = await dump_text(storage)
    assert state not in dump
    assert VERIFIER not in dump


async def test_four_parallel_callbacks_get_one_grant(
    storage: Storage, second_instance: Storage
) -> None:
    state = await issue(storage)

    async def consume(instance: Storage) -> bool:
        try:
            await instance.consume_oauth_state(state, provider="google")
        except OAuthStateError:
            return False
        return True

    wins = await asyncio.gather(*(consume(i) for _ in range(2) for i in (storage, second_instance)))
    assert wins.count(True) == 1


async def test_an_old_state_is_expired(storage: Storage, clock: FakeClock) -> None:
    state = await issue(storage)
    clock.advance(OAUTH_STATE_LIFETIME)
    with pytest.raises(OAuthStateExpired):
        await storage.consume_oauth_state(state, provider="google")


async def test_unknown_or_foreign_states_are_refused(storage: Storage) -> None:
    state = await issue(storage, provider="microsoft")
    with pytest.raises(OAuthStateError):
        await storage.consume_oauth_state("forged", provider="google")
    with pytest.raises(OAuthStateError):
        await storage.consume_oauth_state(state, provider="google")
    # Presenting it to the wrong provider did not burn it.
    assert (await storage.consume_oauth_state(state, provider="microsoft")).provider == "microsoft"


async def test_a_state_without_pkce_works(storage: Storage) -> None:
    state = await storage.issue_oauth_state(
        team_id=TEAM, user_id=ALICE, provider="lineworks", code_verifier=None
    )
    grant = await storage.consume_oauth_state(state, provider="lineworks")
    assert grant.code_verifier is None


async def test_expired_states_are_purged(storage: Storage, clock: FakeClock) -> None:
    state = await issue(storage)
    clock.advance(OAUTH_STATE_LIFETIME + timedelta(seconds=1))
    await storage.expire_old()
    with pytest.raises(OAuthStateError) as caught:
        await storage.consume_oauth_state(state, provider="google")
    assert type(caught.value) is OAuthStateError


async def test_a_tampered_verifier_refuses_the_state(storage: Storage) -> None:
    state = await issue(storage)
    async with storage.engine.begin() as connection:
        await connection.execute(update(oauth_states).values(code_verifier_secret="gAAAAx"))
    with pytest.raises(OAuthStateError):
        await storage.consume_oauth_state(state, provider="google")
