"""Stale create claims: found by their age, taken over by exactly one of many reconcilers."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.storage import (
    DRAFT_LIFETIME,
    DraftAlreadyCreated,
    DraftBusy,
    DraftStateError,
    Storage,
    StoredDraft,
)
from providers.base import CreatedEvent
from tests.bot.storage.conftest import FakeClock
from tests.bot.storage.drafts_data import ALICE, BOB, LUNCH, TEAM

LEASE = timedelta(minutes=2)
CREATED = CreatedEvent(provider="google", event_id="evt1", calendar_id="primary")


async def claimed(storage: Storage, *, user: str = ALICE) -> StoredDraft:
    stored = await storage.add_draft(
        LUNCH, team_id=TEAM, user_id=user, channel_id="C0CHAN", source="command"
    )
    return await storage.begin_create(stored.id, user_id=user)


async def test_only_claims_older_than_the_lease_are_stale(
    storage: Storage, clock: FakeClock
) -> None:
    oldest = await claimed(storage)
    clock.advance(timedelta(seconds=10))
    older = await claimed(storage, user=BOB)
    pending = await storage.add_draft(
        LUNCH, team_id=TEAM, user_id=ALICE, channel_id=None, source="dm"
    )
    failed = await claimed(storage)
    await storage.fail_create(failed.id, error="unsettled|x", claimed_at=failed.claimed_at)
    done = await claimed(storage)
    await storage.finish_create(done.id, CREATED, claimed_at=done.claimed_at)
    clock.advance(LEASE - timedelta(seconds=30))
    fresh = await claimed(storage)  # a live create, just started
    assert await storage.stale_creates(stale_after=LEASE) == []

    clock.advance(timedelta(seconds=31))  # the first two are past the lease, by 11 s and 1 s
    stale = await storage.stale_creates(stale_after=LEASE)
    assert [s.id for s in stale] == [oldest.id, older.id]  # oldest first
    assert {pending.id, failed.id, done.id, fresh.id}.isdisjoint(s.id for s in stale)
    assert [s.id for s in await storage.stale_creates(stale_after=LEASE, limit=1)] == [oldest.id]


async def test_a_claim_outlives_its_drafts_day_and_is_never_purged(
    storage: Storage, clock: FakeClock
) -> None:
    # Claimed a minute before the draft's day ends: the event may exist at the calendar.
    stored = await storage.add_draft(
        LUNCH, team_id=TEAM, user_id=ALICE, channel_id="C0CHAN", source="command"
    )
    clock.advance(DRAFT_LIFETIME - timedelta(minutes=1))
    claim = await storage.begin_create(stored.id, user_id=ALICE, stale_after=LEASE)
    assert claim.expires_at >= clock.now + 2 * LEASE  # kept alive past two leases
    clock.advance(DRAFT_LIFETIME)  # and then the process died, and nobody came for a day
    assert await storage.expire_old() == 0  # housekeeping never purges a claim
    [stale] = await storage.stale_creates(stale_after=LEASE)
    assert stale.id == stored.id
    taken = await storage.resume_create(stored.id, stale_after=LEASE)  # settled, whatever its age
    assert (taken.state, taken.claimed_at) == ("creating", clock.now)


async def test_resuming_takes_only_a_stale_claim_and_restamps_it(
    storage: Storage, clock: FakeClock
) -> None:
    stored = await claimed(storage)
    with pytest.raises(DraftBusy):
        await storage.resume_create(stored.id, stale_after=LEASE)
    clock.advance(LEASE + timedelta(seconds=1))
    taken = await storage.resume_create(stored.id, stale_after=LEASE)
    assert (taken.state, taken.updated_at, taken.user_id) == ("creating", clock.now, ALICE)
    # Re-stamped: a live claim again, for another lease.
    assert await storage.stale_creates(stale_after=LEASE) == []
    with pytest.raises(DraftBusy):
        await storage.resume_create(stored.id, stale_after=LEASE)


async def test_resuming_never_takes_what_is_not_a_claim(storage: Storage, clock: FakeClock) -> None:
    pending = await storage.add_draft(
        LUNCH, team_id=TEAM, user_id=ALICE, channel_id=None, source="dm"
    )
    failed = await claimed(storage)
    await storage.fail_create(failed.id, error="unsettled|x", claimed_at=failed.claimed_at)
    done = await claimed(storage)
    await storage.finish_create(done.id, CREATED, claimed_at=done.claimed_at)
    clock.advance(LEASE + timedelta(seconds=1))
    for draft_id in (pending.id, failed.id):
        with pytest.raises(DraftStateError) as caught:
            await storage.resume_create(draft_id, stale_after=LEASE)
        assert not isinstance(caught.value, DraftBusy)
    with pytest.raises(DraftAlreadyCreated):
        await storage.resume_create(done.id, stale_after=LEASE)
    assert (await storage.get_draft(failed.id)).state == "failed"


async def test_a_click_honours_the_lease_it_is_given(storage: Storage, clock: FakeClock) -> None:
    stored = await claimed(storage)
    clock.advance(LEASE - timedelta(seconds=1))
    with pytest.raises(DraftBusy):
        await storage.begin_create(stored.id, user_id=ALICE, stale_after=LEASE)
    clock.advance(timedelta(seconds=2))
    again = await storage.begin_create(stored.id, user_id=ALICE, stale_after=LEASE)
    assert again.state == "creating"


async def resume(storage: Storage, draft_id: str) -> bool:
    try:
        await storage.resume_create(draft_id, stale_after=LEASE)
    except DraftBusy:
        return False
    return True


async def test_reconcilers_on_two_instances_take_a_claim_once(
    storage: Storage, second_instance: Storage, clock: FakeClock
) -> None:
    stored = await claimed(storage)
    clock.advance(LEASE + timedelta(seconds=1))
    wins = await asyncio.gather(
        *(resume(instance, stored.id) for _ in range(10) for instance in (storage, second_instance))
    )
    assert wins.count(True) == 1
    assert (await storage.get_draft(stored.id)).version == stored.version + 1
