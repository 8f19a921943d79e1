"""Quickcal with every fake provider, served on a known port so OAuth redirects come back to it.

    def test_x(linked: LinkingWorld) -> None:
        url = linked.connect_url("google")          # from the published Home tab
        page = linked.connect("google")             # start -> authorize -> callback, as a browser
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr

from bot.blocks.home import HOME_CONNECT
from bot.serving import ServedWeb
from bot.services import build_services
from bot.settings import Settings
from providers.settings import ProviderSettings
from tests.bot.conftest import ALICE, SIGNING_SECRET, Quickcal
from tests.fakes.google import FakeGoogle
from tests.fakes.graph import FakeGraph
from tests.fakes.lineworks import FakeLineWorks
from tests.fakes.provider import FakeProvider
from tests.fakes.server import LiveServer, free_port
from tests.fakes.slack import FakeSlack

LABELS = {"google": "Google Calendar", "microsoft": "Outlook", "lineworks": "LINE WORKS"}


class Clock:
    """The app's clock, moved by the test (OAuth states and Connect links expire)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, by: timedelta) -> None:
        self.offset += by


class ServedOnPort(Quickcal):
    """The harness app on a port chosen before start (public_url must name it), own clock."""

    def __init__(self, settings: Settings, slack: FakeSlack, *, port: int, clock: Clock) -> None:
        super().__init__(settings, slack)
        self.port = port
        self.clock = clock

    def start(self) -> ServedOnPort:
        self._web = ServedWeb(self.settings, build=partial(build_services, clock=self.clock))
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
            _env_file=None,  # type: ignore[call-arg]
            slack_bot_token=slack.token,
            slack_signing_secret=SIGNING_SECRET,
            slack_api_url=slack.api_url,
            data_dir=tmp_path,
            database_url=f"sqlite+aiosqlite:///{tmp_path / 'quickcal.db'}",
            secret_key=Fernet.generate_key().decode(),
            public_url=f"http://127.0.0.1:{port}",
            providers=ProviderSettings(_env_file=None, **env),  # type: ignore[call-arg]
        )
        app = ServedOnPort(settings, slack, port=port, clock=Clock()).start()
        found = LinkingWorld(
            app=app,
            slack=slack,
            providers={"google": google, "microsoft": graph, "lineworks": lineworks},
        )
        try:
            yield found
        finally:
            found.close()
            app.stop()
            app.http.close()
