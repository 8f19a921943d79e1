"""The database TokenStore: one renewal per stale token across tasks and instances."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import update

from bot.storage import Storage, account_key
from bot.storage.tables import calendar_links
from providers.base import OAuthToken, TokenStore
from providers.errors import AuthExpired, NotLinked
from tests.bot.storage.drafts_data import ALICE, TEAM
from tests.bot.storage.links_data import ACCOUNT, TOKEN

ACCOUNT_KEY = account_key(TEAM, ALICE, "google")


class Renewer:
    """A renew callable that counts its calls and yields control while 'on the network'."""

    def __init__(self, *, refresh_token: str | None = "rotated-refresh") -> None:  # noqa: S107
        self.calls: list[OAuthToken] = []
        self.refresh_token = refresh_token

    async def __call__(self, stale: OAuthToken) -> OAuthToken:
        self.calls.append(stale)
        # Let every other contender run up to its lock while this renewal is in flight.
        for _ in range(20):
            await asyncio.sleep(0)
        await asyncio.sleep(0.02)
        return OAuthToken(
            access_token=f"access-{len(self.calls)}", refresh_token=self.refresh_token
        )


async def linked(storage: Storage) -> TokenStore:
    await storage.save_link(TEAM, ALICE, "google", account=ACCOUNT, token=TOKEN)
    return storage.token_store


async def test_get_returns_the_stored_token(storage: Storage) -> None:
    store = await linked(storage)
    assert await store.get(ACCOUNT_KEY) == TOKEN


@pytest.mark.parametrize("account", [account_key(TEAM, ALICE, "microsoft"), "garbage", "a:b"])
async def test_get_without_a_link_raises_not_linked(storage: Storage, account: str) -> None:
    store = await linked(storage)
    with pytest.raises(NotLinked):
        await store.get(account)


async def test_refresh_stores_the_new_token(storage: Storage) -> None:
    store = await linked(storage)
    renew = Renewer()
    fresh = await store.refresh(ACCOUNT_KEY, stale=TOKEN, renew=renew)
    assert fresh == OAuthToken(access_token="access-1", refresh_token="rotated-refresh")
    assert renew.calls == [TOKEN]
    assert await store.get(ACCOUNT_KEY) == fresh


async def test_a_response_without_refresh_token_keeps_the_old_one(storage: Storage) -> None:
    store = await linked(storage)
    fresh = await store.refresh(ACCOUNT_KEY, stale=TOKEN, renew=Renewer(refresh_token=None))
    assert (fresh.access_token, fresh.refresh_token) == ("access-1", TOKEN.refresh_token)
    assert (await store.get(ACCOUNT_KEY)).refresh_token == TOKEN.refresh_token


async def test_a_token_renewed_meanwhile_is_returned_without_renewing(storage: Storage) -> None:
    store = await linked(storage)
    first = await store.refresh(ACCOUNT_KEY, stale=TOKEN, renew=Renewer())
    renew = Renewer()
    assert await store.refresh(ACCOUNT_KEY, stale=TOKEN, renew=renew) == first
    assert renew.calls == []


async def test_ten_concurrent_refreshes_on_two_instances_renew_once(
    storage: Storage, second_instance: Storage
) -> None:
    store = await linked(storage)
    renew = Renewer()
    results = await asyncio.gather(
        *(
            instance.token_store.refresh(ACCOUNT_KEY, stale=TOKEN, renew=renew)
            for _ in range(5)
            for instance in (storage, second_instance)
        )
    )
    assert len(renew.calls) == 1
    assert {token.access_token for token in results} == {"access-1"}
    assert await store.get(ACCOUNT_KEY) == results[0]


async def test_an_expired_grant_marks_the_link_broken(storage: Storage) -> None:
    store = await linked(storage)

    async def refuse(stale: OAuthToken) -> OAuthToken:
        raise AuthExpired("invalid_grant", provider="google")

    with pytest.raises(AuthExpired):
        await store.refresh(ACCOUNT_KEY, stale=TOKEN, renew=refuse)
    link = await storage.get_link(TEAM, ALICE, "google")
    assert link is not None
    assert link.status == "broken"
    with pytest.raises(AuthExpired):
        await store.get(ACCOUNT_KEY)
    renew = Renewer()
    with pytest.raises(AuthExpired):
        await store.refresh(ACCOUNT_KEY, stale=TOKEN, renew=renew)
    assert renew.calls == []


async def test_another_failure_changes_nothing(storage: Storage) -> None:
    store = await linked(storage)

    async def down(stale: OAuthToken) -> OAuthToken:
        raise ConnectionError("token endpoint unreachable")

    with pytest.raises(ConnectionError):
        await store.refresh(ACCOUNT_KEY, stale=TOKEN, renew=down)
    assert await store.get(ACCOUNT_KEY) == TOKEN


async def test_a_tampered_token_is_not_linked(storage: Storage) -> None:
    store = await linked(storage)
    async with storage.engine.begin() as connection:
        await connection.execute(update(calendar_links).values(token_secret="gAAAAABtampered"))
    with pytest.raises(NotLinked):
        await store.get(ACCOUNT_KEY)
    with pytest.raises(NotLinked):
        await store.refresh(ACCOUNT_KEY, stale=TOKEN, renew=Renewer())


async def test_other_writes_go_on_while_a_token_is_renewed(storage: Storage) -> None:
    # The renew call is on the network; on SQLite a write transaction held across it
    # would stall every other write of the app (the whole file is locked).
    store = await linked(storage)
    written: list[bool] = []

    async def renew_while_others_write(stale: OAuthToken) -> OAuthToken:
        written.append(await storage.claim_once("event:written-during-renewal"))
        await storage.set_timezone(TEAM, ALICE, "Asia/Tokyo")
        return OAuthToken(access_token="access-1", refresh_token="rotated-refresh")

    fresh = await store.refresh(ACCOUNT_KEY, stale=TOKEN, renew=renew_while_others_write)
    assert written == [True]
    assert (await storage.get_user_settings(TEAM, ALICE)).timezone == "Asia/Tokyo"
    assert await store.get(ACCOUNT_KEY) == fresh


async def test_a_link_replaced_during_renewal_is_kept(storage: Storage) -> None:
    if storage.dialect != "sqlite":
        pytest.skip("PostgreSQL holds the row lock across renewal: this writer would wait")
    store = await linked(storage)
    relinked = OAuthToken(access_token="relinked", refresh_token="relinked-refresh")

    async def renew_while_relinked(stale: OAuthToken) -> OAuthToken:
        await storage.save_link(TEAM, ALICE, "google", account=ACCOUNT, token=relinked)
        return OAuthToken(access_token="access-1", refresh_token="rotated-refresh")

    # The person linked again meanwhile: the newer link wins, the renewal is dropped.
    assert await store.refresh(ACCOUNT_KEY, stale=TOKEN, renew=renew_while_relinked) == relinked
    assert await store.get(ACCOUNT_KEY) == relinked


async def test_a_key_rotation_during_renewal_still_saves_the_new_token(storage: Storage) -> None:
    if storage.dialect != "sqlite":
        pytest.skip("PostgreSQL holds the row lock across renewal: this writer would wait")
    store = await linked(storage)

    async def renew_while_rotating(stale: OAuthToken) -> OAuthToken:
        async with storage.engine.begin() as connection:
            # What `python -m bot.rotate` does: the same token under a new ciphertext.
            again = storage.keys.encrypt(TOKEN.model_dump_json())
            await connection.execute(update(calendar_links).values(token_secret=again))
        return OAuthToken(access_token="access-1", refresh_token="rotated-refresh")

    fresh = await store.refresh(ACCOUNT_KEY, stale=TOKEN, renew=renew_while_rotating)
    assert fresh.access_token == "access-1"
    assert await store.get(ACCOUNT_KEY) == fresh
