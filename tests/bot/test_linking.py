"""Linking each provider end to end, as a browser does it, then creating an event there.

This module also holds the linking world the other security tests use (import `world`):
Quickcal with the three fake providers, served on a port known before start so the OAuth
redirects come back to it, a clock the test moves, and a cookie-keeping browser per person.

    def test_x(world: LinkingWorld) -> None:
        url = world.connect_url("google")         # from the published Home tab
        page = world.connect("google")            # start -> authorize -> callback, as a browser
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr

from bot.blocks.home import HOME_CONNECT
from bot.serving import ServedWeb
from bot.settings import Settings
from bot.storage import account_key
from providers.settings import ProviderSettings
from tests.bot.conftest import ADELE, ALICE, SIGNING_SECRET, Quickcal
from tests.fakes.google import FakeGoogle
from tests.fakes.graph import FakeGraph
from tests.fakes.lineworks import FakeLineWorks
from tests.fakes.provider import FakeProvider
from tests.fakes.server import LiveServer, free_port
from tests.fakes.slack import TEAM_ID, FakeSlack

LABELS = {"google": "Google Calendar", "microsoft": "Outlook", "lineworks": "LINE WORKS"}


class MovingClock:
    """The app's clock, moved by the test (OAuth states and Connect links expire)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, by: timedelta) -> None:
        self.offset += by


class ServedOnPort(Quickcal):
    """The harness app on a port chosen before start (public_url must name it), own clock."""

    def __init__(
        self, settings: Settings, slack: FakeSlack, *, port: int, clock: MovingClock
    ) -> None:
        super().__init__(settings, slack, clock=clock)
        self.port = port

    def start(self) -> ServedOnPort:
        self._web = ServedWeb(self.settings, build=self._build)
        self._server = LiveServer(self._web, port=self.port).start()
        return self

    def with_keys(self, keys: str) -> None:
        """Restart on the same database with QUICKCAL_SECRET_KEY = `keys`."""
        self.stop()
        self.settings = self.settings.model_copy(update={"secret_key": SecretStr(keys)})
        self.start()


def browser() -> httpx.Client:
    """A browser: keeps cookies, and follows redirects only when the test says so."""
    return httpx.Client(timeout=10.0, follow_redirects=False)


@dataclass
class LinkingWorld:
    """The app, fake Slack and the three fake providers, and a browser per person."""

    app: ServedOnPort
    slack: FakeSlack
    providers: dict[str, FakeProvider]
    clock: MovingClock
    browsers: dict[str, httpx.Client] = field(default_factory=dict)

    def browser_of(self, user: str) -> httpx.Client:
        if user not in self.browsers:
            self.browsers[user] = browser()
        return self.browsers[user]

    def home(self, user: str = ALICE) -> Any:
        """Open the Home tab as `user`; returns the views.publish call."""
        before = len(self.slack.calls_to("views.publish", lambda c: c.args["user_id"] == user))
        self.app.event({"type": "app_home_opened", "user": user, "channel": "D1", "tab": "home"})
        return self.slack.wait_for(
            "views.publish", lambda c: c.args["user_id"] == user, count=before + 1
        )

    def connect_url(self, provider: str, user: str = ALICE) -> str:
        return str(self.home(user).button(f"{HOME_CONNECT}_{provider}")["url"])

    def start(self, provider: str, user: str = ALICE) -> httpx.Response:
        """GET the Connect URL as `user`'s browser: the 302 to the authorize page."""
        return self.browser_of(user).get(self.connect_url(provider, user))

    def authorize(self, start: httpx.Response, user: str = ALICE) -> str:
        """Follow the 302 to the fake provider, which redirects back: the callback URL."""
        assert start.status_code == 302, start.text
        consent = self.browser_of(user).get(start.headers["location"])
        assert consent.status_code == 302, consent.text
        return str(consent.headers["location"])

    def token_requests(self) -> int:
        return sum(len(p.oauth.token_requests) for p in self.providers.values())

    def connect(self, provider: str, user: str = ALICE) -> httpx.Response:
        """The whole dance as a browser does it; returns the final page."""
        callback = self.authorize(self.start(provider, user), user)
        return self.browser_of(user).get(callback)

    def close(self) -> None:
        for client in self.browsers.values():
            client.close()


def query_of(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


@pytest.fixture
def world(tmp_path: Any, slack: FakeSlack) -> Iterator[LinkingWorld]:
    with FakeGoogle() as google, FakeGraph() as graph, FakeLineWorks() as lineworks:
        port = free_port()
        env = {**google.env(), **graph.env(), **lineworks.env()}
        settings = Settings(
            _env_file=None,
            slack_bot_token=slack.token,
            slack_signing_secret=SIGNING_SECRET,
            slack_api_url=slack.api_url,
            data_dir=tmp_path,
            database_url=f"sqlite+aiosqlite:///{tmp_path / 'quickcal.db'}",
            secret_key=Fernet.generate_key().decode(),
            public_url=f"http://127.0.0.1:{port}",
            providers=ProviderSettings.model_validate(env),
        )
        clock = MovingClock()
        app = ServedOnPort(settings, slack, port=port, clock=clock).start()
        found = LinkingWorld(
            app=app,
            slack=slack,
            providers={"google": google, "microsoft": graph, "lineworks": lineworks},
            clock=clock,
        )
        try:
            yield found
        finally:
            found.close()
            app.stop()
            app.http.close()




PROVIDERS = ["google", "microsoft", "lineworks"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_new_person_links_a_provider_and_creates_an_event_there(
    world: LinkingWorld, provider: str
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


def test_each_provider_gets_its_own_link_for_the_same_person(world: LinkingWorld) -> None:
    for provider in PROVIDERS:
        assert world.connect(provider).status_code == 200
    links = world.app.run(world.app.services.storage.list_links(TEAM_ID, ALICE))
    assert sorted(link.provider for link in links) == sorted(PROVIDERS)


def test_two_people_link_their_own_accounts(world: LinkingWorld) -> None:
    assert world.connect("google", ALICE).status_code == 200
    assert world.connect("google", ADELE).status_code == 200
    storage = world.app.services.storage
    assert world.app.run(storage.get_link(TEAM_ID, ALICE, "google")) is not None
    assert world.app.run(storage.get_link(TEAM_ID, ADELE, "google")) is not None


def test_disconnect_revokes_at_the_provider_and_forgets_here(world: LinkingWorld) -> None:
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
    world: LinkingWorld,
) -> None:
    assert world.connect("microsoft").status_code == 200
    world.app.click(world.home(), "home_disconnect")
    world.slack.wait_for("views.publish", lambda c: c.args["user_id"] == ALICE, count=3)
    storage = world.app.services.storage
    assert world.app.run(storage.get_link(TEAM_ID, ALICE, "microsoft")) is None
