"""app_uninstalled wipes the team; tokens_revoked wipes the people named; tokens are revoked."""

from __future__ import annotations

import pytest

from bot.storage import DraftNotFound
from tests.bot.conftest import ALICE, BOB, until
from tests.bot.test_linking import LinkingWorld, world  # noqa: F401
from tests.fakes.slack import TEAM_ID

# ruff: noqa: F811  (the `world` fixture is imported by name)


def draft_of(world: LinkingWorld, user: str) -> str:
    """A pending draft of `user`: its id, from the card's Create button."""
    key = world.app.command("standup monday 9am", user=user)
    card = world.slack.wait_for("response_url", lambda c: c.args["key"] == key)
    return str(card.button("draft_create")["value"])


def exists(world: LinkingWorld, draft_id: str) -> bool:
    try:
        world.app.run(world.app.services.storage.get_draft(draft_id))
    except DraftNotFound:
        return False
    return True


def links(world: LinkingWorld, user: str) -> list[str]:
    found = world.app.run(world.app.services.storage.list_links(TEAM_ID, user))
    return [link.provider for link in found]



@pytest.fixture
def two_people(world: LinkingWorld) -> tuple[str, str]:
    for user in (ALICE, BOB):
        assert world.connect("google", user).status_code == 200
    assert world.connect("lineworks", ALICE).status_code == 200
    return draft_of(world, ALICE), draft_of(world, BOB)


def test_app_uninstalled_wipes_every_row_of_the_team_and_revokes(
    world: LinkingWorld, two_people: tuple[str, str]
) -> None:
    world.app.event({"type": "app_uninstalled"})
    google, lineworks = world.providers["google"], world.providers["lineworks"]
    until(lambda: len(google.oauth.revoked) == 2 and len(lineworks.oauth.revoked) == 1)
    assert links(world, ALICE) == []
    assert links(world, BOB) == []
    assert not any(exists(world, d) for d in two_people)
    assert len(google.oauth.revoked) == 2
    assert len(lineworks.oauth.revoked) == 1


def test_tokens_revoked_wipes_only_the_people_named(
    world: LinkingWorld, two_people: tuple[str, str]
) -> None:
    alice_draft, bob_draft = two_people
    world.app.event({"type": "tokens_revoked", "tokens": {"oauth": [ALICE], "bot": []}})
    until(lambda: not links(world, ALICE))
    assert not exists(world, alice_draft)
    assert links(world, BOB) == ["google"]
    assert exists(world, bob_draft)


def test_a_replayed_uninstall_event_is_handled_once(world: LinkingWorld) -> None:
    assert world.connect("google", ALICE).status_code == 200
    world.app.event({"type": "app_uninstalled"}, event_id="Ev0UNINSTALL")
    until(lambda: not links(world, ALICE))
    assert world.connect("google", ALICE).status_code == 200  # linked again afterwards
    world.app.event({"type": "app_uninstalled"}, event_id="Ev0UNINSTALL", retry=1)
    world.home(ALICE)  # a later request was answered; the retry ran nothing before it
    assert links(world, ALICE) == ["google"]  # the retry did nothing


def test_revoking_the_bot_tokens_wipes_the_whole_team(
    world: LinkingWorld, two_people: tuple[str, str]
) -> None:
    # A revoked bot cannot act here any more: Slack's way of saying "uninstalled".
    world.app.event({"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UQUICKCAL"]}})
    google, lineworks = world.providers["google"], world.providers["lineworks"]
    until(lambda: len(google.oauth.revoked) == 2 and len(lineworks.oauth.revoked) == 1)
    assert links(world, ALICE) == []
    assert links(world, BOB) == []
    assert not any(exists(world, d) for d in two_people)
