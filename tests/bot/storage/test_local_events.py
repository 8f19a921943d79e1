"""The local calendar's events: put is idempotent, list is by start, delete is quiet."""

from __future__ import annotations

from bot.storage import Storage, account_key
from providers.base import LocalEventStore
from tests.bot.storage.drafts_data import ALICE, BOB, LUNCH, OFFSITE, TEAM

OWNER = account_key(TEAM, ALICE, "local")


async def test_put_twice_keeps_one_event(storage: Storage) -> None:
    store: LocalEventStore = storage.local_events
    await store.put(OWNER, "ev1", LUNCH)
    await store.put(OWNER, "ev1", LUNCH)
    assert await store.list(OWNER) == [("ev1", LUNCH)]


async def test_put_again_replaces_and_list_orders_by_start(storage: Storage) -> None:
    store = storage.local_events
    await store.put(OWNER, "late", OFFSITE)
    await store.put(OWNER, "early", OFFSITE)
    await store.put(OWNER, "early", LUNCH)  # March 6 noon, before the March 9 offsite
    await store.put(account_key(TEAM, BOB, "local"), "bob", LUNCH)
    assert await store.list(OWNER) == [("early", LUNCH), ("late", OFFSITE)]


async def test_delete_removes_and_ignores_the_absent(storage: Storage) -> None:
    store = storage.local_events
    await store.put(OWNER, "ev1", LUNCH)
    await store.delete(OWNER, "ev1")
    await store.delete(OWNER, "never")
    assert await store.list(OWNER) == []
