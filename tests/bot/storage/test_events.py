"""Created events: receipts, recent events, and Undo exactly once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.storage import AlreadyUndone, DraftNotYours, EventNotFound, EventRecord, Storage
from providers.base import CreatedEvent
from tests.bot.storage.conftest import FakeClock
from tests.bot.storage.drafts_data import ALICE, BOB, LUNCH, TEAM


async def created(storage: Storage, event_id: str, *, user: str = ALICE) -> EventRecord:
    stored = await storage.add_draft(
        LUNCH, team_id=TEAM, user_id=user, channel_id="C0CHAN", source="shortcut"
    )
    claim = await storage.begin_create(stored.id, user_id=user)
    event = CreatedEvent(provider="local", event_id=event_id, meeting_link="https://meet/x")
    return await storage.finish_create(stored.id, event, claimed_at=claim.claimed_at)


async def test_the_receipt_location_is_kept(storage: Storage) -> None:
    record = await created(storage, "e1")
    await storage.attach_receipt(record.draft_id, channel_id="D0DM", message_ts="17.01")
    again = await storage.get_event(record.draft_id)
    assert (again.receipt_channel_id, again.receipt_ts) == ("D0DM", "17.01")
    assert again.event.meeting_link == "https://meet/x"
    with pytest.raises(EventNotFound):
        await storage.attach_receipt("nope", channel_id="D0DM", message_ts="1")


async def test_undo_happens_once(storage: Storage, clock: FakeClock) -> None:
    record = await created(storage, "e1")
    undone = await storage.mark_undone(record.draft_id, user_id=ALICE)
    assert undone.undone_at == clock.now
    with pytest.raises(AlreadyUndone):
        await storage.mark_undone(record.draft_id, user_id=ALICE)


async def test_concurrent_undos_let_one_through(
    storage: Storage, second_instance: Storage
) -> None:
    record = await created(storage, "e1")

    async def undo(instance: Storage) -> bool:
        try:
            await instance.mark_undone(record.draft_id)
        except AlreadyUndone:
            return False
        return True

    wins = await asyncio.gather(*(undo(i) for _ in range(5) for i in (storage, second_instance)))
    assert wins.count(True) == 1


async def test_undo_is_for_the_owner_only(storage: Storage) -> None:
    record = await created(storage, "e1")
    with pytest.raises(DraftNotYours):
        await storage.mark_undone(record.draft_id, user_id=BOB)
    with pytest.raises(EventNotFound):
        await storage.mark_undone("nope")


async def test_a_failed_provider_delete_restores_the_event(storage: Storage) -> None:
    record = await created(storage, "e1")
    await storage.mark_undone(record.draft_id)
    await storage.restore_event(record.draft_id)
    assert (await storage.get_event(record.draft_id)).undone_at is None
    await storage.mark_undone(record.draft_id)


async def test_recent_events_are_newest_first_without_undone(
    storage: Storage, clock: FakeClock
) -> None:
    first = await created(storage, "e1")
    clock.advance(timedelta(minutes=1))
    second = await created(storage, "e2")
    clock.advance(timedelta(minutes=1))
    third = await created(storage, "e3")
    await created(storage, "e4", user=BOB)
    await storage.mark_undone(second.draft_id)
    recent = await storage.recent_events(TEAM, ALICE)
    assert [r.event_id for r in recent] == [third.event_id, first.event_id]
    assert len(await storage.recent_events(TEAM, ALICE, limit=1)) == 1
