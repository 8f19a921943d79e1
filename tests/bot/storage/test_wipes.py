"""Wipes: app_uninstalled forgets a team, tokens_revoked a person; others are untouched."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.storage import SlackProfile, Storage, account_key
from bot.storage.tables import metadata
from providers.base import CreatedEvent
from tests.bot.storage.conftest import dump_text
from tests.bot.storage.drafts_data import ALICE, BOB, LUNCH, TEAM
from tests.bot.storage.links_data import ACCOUNT, TOKEN
from tests.bot.storage.test_slack_stores import install

OTHER_TEAM = "T0OTHER"


async def fill(storage: Storage, team: str, user: str) -> None:
    """One row of every kind for (team, user)."""
    draft = await storage.add_draft(
        LUNCH, team_id=team, user_id=user, channel_id="C0", source="command",
        response_url=f"https://hooks.slack.com/actions/{team}/{user}",
    )
    done = await storage.add_draft(LUNCH, team_id=team, user_id=user, channel_id="C0",
                                   source="dm")
    claim = await storage.begin_create(done.id, user_id=user)
    await storage.finish_create(
        done.id, CreatedEvent(provider="local", event_id=f"{user}-e"), claimed_at=claim.claimed_at
    )
    await storage.save_link(team, user, "google", account=ACCOUNT, token=TOKEN)
    await storage.cache_profile(team, user, SlackProfile(tz="Europe/Paris"))
    await storage.issue_oauth_state(team_id=team, user_id=user, provider="google",
                                    code_verifier="v")
    await storage.local_events.put(account_key(team, user, "local"), "e1", LUNCH)
    installation = install(user=user)
    installation.team_id = team
    await storage.installation_store.async_save(installation)
    assert draft.id


async def counts(storage: Storage) -> dict[str, int]:
    async with storage.engine.connect() as connection:
        return {
            table.name: (await connection.execute(select(func.count()).select_from(table)))
            .scalar_one()
            for table in metadata.sorted_tables
        }


async def test_delete_team_forgets_every_row_of_the_team(storage: Storage) -> None:
    await fill(storage, OTHER_TEAM, ALICE)
    keep = await counts(storage)
    await fill(storage, TEAM, ALICE)
    await fill(storage, TEAM, BOB)
    links = await storage.delete_team(TEAM)
    assert sorted(link.user_id for link in links) == [ALICE, BOB]
    assert {link.token for link in links} == {TOKEN}
    assert await counts(storage) == keep
    assert TEAM not in await dump_text(storage)
    assert await storage.installation_store.async_find_bot(
        enterprise_id=None, team_id=TEAM
    ) is None
    assert await storage.get_link(OTHER_TEAM, ALICE, "google") is not None


async def test_delete_user_forgets_only_that_person(storage: Storage) -> None:
    await fill(storage, TEAM, BOB)
    keep = await counts(storage)
    await fill(storage, TEAM, ALICE)
    links = await storage.delete_user(TEAM, ALICE)
    assert [link.provider for link in links] == ["google"]
    after = await counts(storage)
    # The workspace's bot stays: one person revoking their token does not uninstall the app.
    assert after == keep | {"slack_bots": after["slack_bots"]}
    assert ALICE not in await dump_text(storage)
    assert await storage.get_link(TEAM, BOB, "google") is not None
    assert await storage.local_events.list(account_key(TEAM, ALICE, "local")) == []
    assert len(await storage.local_events.list(account_key(TEAM, BOB, "local"))) == 1


async def test_wiping_nobody_is_harmless(storage: Storage) -> None:
    assert await storage.delete_team("T0NOBODY") == []
    assert await storage.delete_user(TEAM, "U0NOBODY") == []
