"""Calendar links: saved encrypted, read back, marked broken, deleted; tampering reads absent."""

from __future__ import annotations

from sqlalchemy import update

from bot.storage import Storage
from bot.storage.tables import calendar_links
from providers.base import AccountInfo, OAuthToken
from tests.bot.storage.conftest import FakeClock
from tests.bot.storage.drafts_data import ALICE, BOB, TEAM
from tests.bot.storage.links_data import ACCOUNT, TOKEN


async def test_a_link_reads_back_with_its_primary_calendar(
    storage: Storage, clock: FakeClock
) -> None:
    saved = await storage.save_link(TEAM, ALICE, "google", account=ACCOUNT, token=TOKEN)
    link = await storage.get_link(TEAM, ALICE, "google")
    assert link == saved
    assert link is not None
    assert link.token == TOKEN
    assert (link.account_id, link.email, link.display_name) == (
        "10923", "alice@example.com", "Alice Park",
    )
    assert link.calendars == ACCOUNT.calendars
    assert (link.calendar_id, link.timezone, link.status) == (
        "alice@example.com", "Europe/Paris", "active",
    )
    assert link.updated_at == clock.now
    assert link.account == f"{TEAM}:{ALICE}:google"


async def test_relinking_keeps_the_chosen_calendar_and_heals_a_broken_link(
    storage: Storage,
) -> None:
    await storage.save_link(TEAM, ALICE, "google", account=ACCOUNT, token=TOKEN)
    await storage.set_link_calendar(TEAM, ALICE, "google", "team@group.calendar.google.com")
    await storage.mark_broken(TEAM, ALICE, "google")
    fresh = OAuthToken(access_token="new-access", refresh_token="new-refresh")
    link = await storage.save_link(TEAM, ALICE, "google", account=ACCOUNT, token=fresh)
    assert (link.calendar_id, link.status, link.token) == (
        "team@group.calendar.google.com", "active", fresh,
    )


async def test_linking_another_account_starts_from_its_primary(storage: Storage) -> None:
    await storage.save_link(TEAM, ALICE, "google", account=ACCOUNT, token=TOKEN)
    await storage.set_link_calendar(TEAM, ALICE, "google", "team@group.calendar.google.com")
    other = AccountInfo(account_id="777", calendars=())
    link = await storage.save_link(TEAM, ALICE, "google", account=other, token=TOKEN)
    assert link.calendar_id is None


async def test_links_are_per_person_and_provider(storage: Storage) -> None:
    await storage.save_link(TEAM, ALICE, "microsoft", account=ACCOUNT, token=TOKEN)
    await storage.save_link(TEAM, ALICE, "google", account=ACCOUNT, token=TOKEN)
    await storage.save_link(TEAM, BOB, "google", account=ACCOUNT, token=TOKEN)
    links = await storage.list_links(TEAM, ALICE)
    assert [link.provider for link in links] == ["google", "microsoft"]
    assert await storage.get_link(TEAM, ALICE, "lineworks") is None


async def test_a_broken_link_stays_visible_as_broken(storage: Storage) -> None:
    await storage.save_link(TEAM, ALICE, "google", account=ACCOUNT, token=TOKEN)
    await storage.mark_broken(TEAM, ALICE, "google")
    link = await storage.get_link(TEAM, ALICE, "google")
    assert link is not None
    assert link.status == "broken"


async def test_delete_returns_the_token_to_revoke(storage: Storage) -> None:
    await storage.save_link(TEAM, ALICE, "google", account=ACCOUNT, token=TOKEN)
    assert await storage.delete_link(TEAM, ALICE, "google") == TOKEN
    assert await storage.get_link(TEAM, ALICE, "google") is None
    assert await storage.delete_link(TEAM, ALICE, "google") is None


async def test_a_tampered_token_reads_as_not_linked(storage: Storage) -> None:
    await storage.save_link(TEAM, ALICE, "google", account=ACCOUNT, token=TOKEN)
    await storage.save_link(TEAM, ALICE, "microsoft", account=ACCOUNT, token=TOKEN)
    async with storage.engine.begin() as connection:
        row = (
            await connection.execute(
                calendar_links.select().where(calendar_links.c.provider == "google")
            )
        ).one()
        flipped = row.token_secret[:-6] + ("A" if row.token_secret[-6] != "A" else "B")
        await connection.execute(
            update(calendar_links)
            .where(calendar_links.c.provider == "google")
            .values(token_secret=flipped + row.token_secret[-5:])
        )
    assert await storage.get_link(TEAM, ALICE, "google") is None
    assert [link.provider for link in await storage.list_links(TEAM, ALICE)] == ["microsoft"]
    assert await storage.delete_link(TEAM, ALICE, "google") is None
