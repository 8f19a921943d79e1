"""Drafts: stored and read back whole, the state machine, its races, and expiry."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.crypto import KeyRing
from bot.storage import (
    DRAFT_LIFETIME,
    STALE_CREATING,
    DraftAlreadyCreated,
    DraftBusy,
    DraftCancelled,
    DraftExpired,
    DraftNotFound,
    DraftNotYours,
    DraftStateError,
    EventNotFound,
    Storage,
    StoredDraft,
)
from bot.storage.tables import drafts
from providers.base import CreatedEvent
from tests.bot.storage.conftest import FakeClock
from tests.bot.storage.drafts_data import ALICE, BOB, LUNCH, OFFSITE, TEAM

RESPONSE_URL = "https://hooks.slack.com/actions/T0TEAM/1234/abcdefSECRET"
CREATED = CreatedEvent(provider="google", event_id="evt1", calendar_id="primary",
                       web_link="https://calendar.example/evt1")


async def add(storage: Storage, *, user: str = ALICE) -> StoredDraft:
    return await storage.add_draft(
        LUNCH, team_id=TEAM, user_id=user, channel_id="C0CHAN", source="command",
        response_url=RESPONSE_URL,
    )


async def test_a_draft_reads_back_whole(storage: Storage, clock: FakeClock) -> None:
    stored = await add(storage)
    again = await storage.get_draft(stored.id)
    assert again == stored
    assert again.draft == LUNCH
    assert again.draft.start == LUNCH.start
    assert again.draft.zone.key == "Europe/Paris"
    assert again.response_url == RESPONSE_URL
    assert (again.state, again.source, again.version) == ("pending", "command", 1)
    assert again.created_at == clock.now
    assert again.expires_at == clock.now + DRAFT_LIFETIME


async def test_an_all_day_draft_keeps_its_dates(storage: Storage) -> None:
    stored = await storage.add_draft(
        OFFSITE, team_id=TEAM, user_id=ALICE, channel_id=None, source="dm"
    )
    assert (await storage.get_draft(stored.id)).draft == OFFSITE


async def test_ids_are_random_and_long(storage: Storage) -> None:
    ids = {(await add(storage)).id for _ in range(5)}
    assert len(ids) == 5
    assert all(len(draft_id) >= 22 for draft_id in ids)  # 128 random bits


async def test_an_unknown_draft_is_not_found(storage: Storage) -> None:
    with pytest.raises(DraftNotFound):
        await storage.get_draft("nope")
    with pytest.raises(DraftNotFound):
        await storage.begin_create("nope", user_id=ALICE)


async def test_a_draft_survives_a_restart(storage: Storage, second_instance: Storage) -> None:
    stored = await add(storage)
    await storage.close()
    assert (await second_instance.get_draft(stored.id)).draft == LUNCH


async def test_create_moves_pending_to_creating_to_created(storage: Storage) -> None:
    stored = await add(storage)
    creating = await storage.begin_create(stored.id, user_id=ALICE)
    assert (creating.state, creating.version) == ("creating", 2)
    record = await storage.finish_create(stored.id, CREATED, claimed_at=creating.claimed_at)
    assert record.event == CREATED
    assert (record.team_id, record.user_id, record.undone_at) == (TEAM, ALICE, None)
    assert (await storage.get_draft(stored.id)).state == "created"
    assert await storage.get_event(stored.id) == record


async def test_finishing_twice_returns_the_same_record(storage: Storage) -> None:
    stored = await add(storage)
    claim = await storage.begin_create(stored.id, user_id=ALICE)
    first = await storage.finish_create(stored.id, CREATED, claimed_at=claim.claimed_at)
    assert await storage.finish_create(stored.id, CREATED, claimed_at=claim.claimed_at) == first


async def test_finishing_a_draft_nobody_began_is_refused(storage: Storage) -> None:
    stored = await add(storage)
    with pytest.raises(DraftStateError) as caught:
        await storage.finish_create(stored.id, CREATED, claimed_at=None)
    assert caught.value.state == "pending"
    with pytest.raises(EventNotFound):
        await storage.get_event(stored.id)


@pytest.mark.parametrize(
    ("first", "error"),
    [
        ("begin", DraftBusy),
        ("created", DraftAlreadyCreated),
        ("cancelled", DraftCancelled),
    ],
)
async def test_a_second_create_is_refused_with_the_reason(
    storage: Storage, first: str, error: type[Exception]
) -> None:
    stored = await add(storage)
    if first == "cancelled":
        await storage.cancel(stored.id, user_id=ALICE)
    else:
        claim = await storage.begin_create(stored.id, user_id=ALICE)
    if first == "created":
        await storage.finish_create(stored.id, CREATED, claimed_at=claim.claimed_at)
    with pytest.raises(error):
        await storage.begin_create(stored.id, user_id=ALICE)


async def test_someone_elses_draft_is_refused(storage: Storage) -> None:
    stored = await add(storage)
    with pytest.raises(DraftNotYours):
        await storage.begin_create(stored.id, user_id=BOB)
    with pytest.raises(DraftNotYours):
        await storage.cancel(stored.id, user_id=BOB)
    with pytest.raises(DraftNotYours):
        await storage.update_draft(stored.id, LUNCH, user_id=BOB)
    assert (await storage.get_draft(stored.id)).state == "pending"


async def test_a_failed_create_can_be_tried_again(storage: Storage) -> None:
    stored = await add(storage)
    claim = await storage.begin_create(stored.id, user_id=ALICE)
    failed = await storage.fail_create(
        stored.id, error="Google said: quota exceeded", claimed_at=claim.claimed_at
    )
    assert (failed.state, failed.error) == ("failed", "Google said: quota exceeded")
    again = await storage.begin_create(stored.id, user_id=ALICE)
    assert (again.state, again.error) == ("creating", None)


async def test_failing_needs_a_create_in_progress(storage: Storage) -> None:
    stored = await add(storage)
    with pytest.raises(DraftStateError):
        await storage.fail_create(stored.id, error="x", claimed_at=None)


async def test_a_create_stuck_after_a_crash_may_be_taken_again(
    storage: Storage, clock: FakeClock
) -> None:
    stored = await add(storage)
    await storage.begin_create(stored.id, user_id=ALICE)
    clock.advance(STALE_CREATING - timedelta(seconds=1))
    with pytest.raises(DraftBusy):
        await storage.begin_create(stored.id, user_id=ALICE)
    clock.advance(timedelta(seconds=2))
    assert (await storage.begin_create(stored.id, user_id=ALICE)).state == "creating"


async def test_cancel_is_idempotent_and_final(storage: Storage) -> None:
    stored = await add(storage)
    assert (await storage.cancel(stored.id, user_id=ALICE)).state == "cancelled"
    assert (await storage.cancel(stored.id, user_id=ALICE)).state == "cancelled"
    with pytest.raises(DraftCancelled):
        await storage.update_draft(stored.id, OFFSITE, user_id=ALICE)


async def test_a_created_draft_cannot_be_cancelled(storage: Storage) -> None:
    stored = await add(storage)
    claim = await storage.begin_create(stored.id, user_id=ALICE)
    await storage.finish_create(stored.id, CREATED, claimed_at=claim.claimed_at)
    with pytest.raises(DraftAlreadyCreated):
        await storage.cancel(stored.id, user_id=ALICE)


async def test_edit_replaces_the_draft_only_before_create(
    storage: Storage, clock: FakeClock
) -> None:
    stored = await add(storage)
    clock.advance(timedelta(hours=5))
    edited = await storage.update_draft(stored.id, OFFSITE, user_id=ALICE)
    assert (edited.draft, edited.version) == (OFFSITE, 2)
    assert edited.expires_at == clock.now + DRAFT_LIFETIME  # an edit gives it a new day
    await storage.begin_create(stored.id, user_id=ALICE)
    with pytest.raises(DraftBusy):
        await storage.update_draft(stored.id, LUNCH, user_id=ALICE)
    assert (await storage.get_draft(stored.id)).draft == OFFSITE


async def test_target_and_card_are_remembered(storage: Storage) -> None:
    stored = await add(storage)
    await storage.set_target(stored.id, user_id=ALICE, provider="microsoft", calendar_id="AAMk")
    await storage.attach_card(
        stored.id, channel_id="C0CHAN", message_ts="1700000000.000100",
        response_url="https://hooks.slack.com/actions/T0TEAM/99/new",
    )
    again = await storage.get_draft(stored.id)
    assert (again.provider, again.calendar_id) == ("microsoft", "AAMk")
    assert (again.card_channel_id, again.card_ts) == ("C0CHAN", "1700000000.000100")
    assert again.response_url == "https://hooks.slack.com/actions/T0TEAM/99/new"
    with pytest.raises(DraftNotFound):
        await storage.attach_card("nope", channel_id="C", message_ts="1")


async def test_a_draft_expires_after_a_day(storage: Storage, clock: FakeClock) -> None:
    stored = await add(storage)
    done = await add(storage)
    claim = await storage.begin_create(done.id, user_id=ALICE)
    await storage.finish_create(done.id, CREATED, claimed_at=claim.claimed_at)
    clock.advance(DRAFT_LIFETIME)
    with pytest.raises(DraftExpired):
        await storage.begin_create(stored.id, user_id=ALICE)
    with pytest.raises(DraftExpired):
        await storage.update_draft(stored.id, OFFSITE, user_id=ALICE)
    assert await storage.expire_old() == 2
    with pytest.raises(DraftNotFound):
        await storage.get_draft(stored.id)
    # The record of a created event outlives its draft (Undo from the receipt).
    assert (await storage.get_event(done.id)).event_id == "evt1"


async def test_expire_old_keeps_live_drafts(storage: Storage, clock: FakeClock) -> None:
    stored = await add(storage)
    clock.advance(DRAFT_LIFETIME - timedelta(minutes=1))
    assert await storage.expire_old() == 0
    assert (await storage.get_draft(stored.id)).state == "pending"


async def race(storage: Storage, draft_id: str, *, user: str = ALICE) -> bool:
    try:
        await storage.begin_create(draft_id, user_id=user)
    except DraftBusy:
        return False
    return True


async def test_twenty_concurrent_clicks_start_one_create(storage: Storage) -> None:
    stored = await add(storage)
    wins = await asyncio.gather(*(race(storage, stored.id) for _ in range(20)))
    assert wins.count(True) == 1
    assert (await storage.get_draft(stored.id)).version == 2


async def test_clicks_on_two_instances_start_one_create(
    storage: Storage, second_instance: Storage
) -> None:
    stored = await add(storage)
    wins = await asyncio.gather(
        *(race(instance, stored.id) for _ in range(10) for instance in (storage, second_instance))
    )
    assert wins.count(True) == 1


async def test_a_tampered_response_url_reads_as_absent(storage: Storage) -> None:
    stored = await add(storage)
    async with storage.engine.begin() as connection:
        await connection.execute(
            update(drafts).where(drafts.c.id == stored.id).values(response_url_secret="gAAAAx")
        )
    again = await storage.get_draft(stored.id)
    assert again.response_url is None
    assert again.draft == LUNCH  # the draft itself is intact and can still be created
    await storage.begin_create(stored.id, user_id=ALICE)


async def test_open_migrates_a_new_sqlite_file_in_the_data_folder(
    tmp_path: Path, keys: KeyRing
) -> None:
    folder = tmp_path / "data"
    opened = await Storage.open(None, keys=keys, data_dir=folder, migrate=True)
    try:
        assert await opened.schema_is_current()
        assert (folder / "quickcal.db").is_file()
        stored = await add(opened)
        assert (await opened.get_draft(stored.id)).draft == LUNCH
    finally:
        await opened.close()
