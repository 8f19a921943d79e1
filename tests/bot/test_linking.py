"""Linking each provider end to end, as a browser does it, then creating an event there."""

from __future__ import annotations

import pytest

from bot.storage import account_key
from tests.bot.conftest import ALICE, ADELE
from tests.bot.linking_harness import LABELS, LinkingWorld, query_of, world  # noqa: F401
from tests.fakes.slack import TEAM_ID

PROVIDERS = ["google", "microsoft", "lineworks"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_new_person_links_a_provider_and_creates_an_event_there(
    world: LinkingWorld, provider: str  # noqa: F811
) -> None:
    fake = world.providers[provider]
    start = world.start(provider)
    assert start.status_code == 302
    authorize = start.headers["location"]
    assert authorize.startswith(fake.url)
    asked = query_of(authorize)
    assert asked["redirect_uri"] == f"{world.app.url}/oauth/{provider}/callback"
    assert asked["state"]
    if provider == "lineworks":
        assert "code_challenge" not in asked  # LINE WORKS has no PKCE
    else:
        assert asked["code_challenge_method"] == "S256"
        assert len(asked["code_challenge"]) == 43

    callback = world.authorize(start)
    assert callback.startswith(f"{world.app.url}/oauth/{provider}/callback?")
    page = world.browser_of(ALICE).get(callback)
    assert page.status_code == 200
    assert f"{LABELS[provider]} connected" in page.text
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"

    dm = world.slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == ALICE)
    assert f"{LABELS[provider]} connected" in dm.texts()
    assert "/event" in dm.texts()
    link = world.app.run(world.app.services.storage.get_link(TEAM_ID, ALICE, provider))
    assert link is not None
    assert link.status == "active"
    assert link.account == account_key(TEAM_ID, ALICE, provider)

    home = world.home()
    assert "Disconnect" in home.texts()

    key = world.app.command("lunch with Adele friday noon")
    card = world.slack.wait_for("response_url", lambda c: c.args["key"] == key)
    assert LABELS[provider] in card.texts()
    clicked = world.app.click(card, "draft_create")
    added = f"Added to {LABELS[provider]}"
    world.slack.wait_for("response_url", lambda c: c.args["key"] == clicked and added in c.texts())
    assert len(fake.store) == 1
    assert fake.contract_violations == []


def test_each_provider_gets_its_own_link_for_the_same_person(world: LinkingWorld) -> None:  # noqa: F811
    for provider in PROVIDERS:
        assert world.connect(provider).status_code == 200
    links = world.app.run(world.app.services.storage.list_links(TEAM_ID, ALICE))
    assert sorted(link.provider for link in links) == sorted(PROVIDERS)


def test_two_people_link_their_own_accounts(world: LinkingWorld) -> None:  # noqa: F811
    assert world.connect("google", ALICE).status_code == 200
    assert world.connect("google", ADELE).status_code == 200
    storage = world.app.services.storage
    assert world.app.run(storage.get_link(TEAM_ID, ALICE, "google")) is not None
    assert world.app.run(storage.get_link(TEAM_ID, ADELE, "google")) is not None


def test_disconnect_revokes_at_the_provider_and_forgets_here(world: LinkingWorld) -> None:  # noqa: F811
    google = world.providers["google"]
    assert world.connect("google").status_code == 200
    home = world.home()
    world.app.click(home, "home_disconnect")
    world.slack.wait_for("views.publish", lambda c: c.args["user_id"] == ALICE, count=3)
    storage = world.app.services.storage
    assert world.app.run(storage.get_link(TEAM_ID, ALICE, "google")) is None
    assert google.oauth.revoked  # the grant is dead at Google too
    assert "Connect" in world.home().texts()


def test_microsoft_disconnect_forgets_here_without_a_revoke_endpoint(
    world: LinkingWorld,  # noqa: F811
) -> None:
    assert world.connect("microsoft").status_code == 200
    world.app.click(world.home(), "home_disconnect")
    world.slack.wait_for("views.publish", lambda c: c.args["user_id"] == ALICE, count=3)
    storage = world.app.services.storage
    assert world.app.run(storage.get_link(TEAM_ID, ALICE, "microsoft")) is None
