"""The end-to-end harness: Quickcal on 127.0.0.1 against a fake Slack, driven by signed requests.

    def test_x(quickcal: Quickcal, slack: FakeSlack) -> None:
        key = quickcal.command("lunch with Adele friday noon")    # as ALICE in CHANNEL
        card = slack.wait_for("chat.postEphemeral")              # bounded wait
        key = quickcal.click(card, "draft_create")               # a signed block_actions
        result = slack.wait_for("response_url", lambda c: c.args["key"] == key)
        quickcal.run(quickcal.services.storage.get_draft(...))   # storage, on the app's loop
        quickcal.restart()                                       # new process, same database

Fixtures: `google` (FakeGoogle, held to its contract), `slack` (FakeSlack with ALICE in
New York, BOB, ADELE, CAMILLE in French, two SAMs), `settings` (Settings pointing at the
fake and at a fresh SQLite file), `clock` (the app's clock, fixed at NOW, a Wednesday;
`clock.advance(timedelta(...))`), `quickcal` (the running app). Every test ends with no
contract violation recorded by the fakes.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Coroutine, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import httpx
import pytest
from cryptography.fernet import Fernet

from bot.services import Clock, Services, build_services
from bot.serving import ServedWeb
from bot.settings import Settings
from tests.bot import slack_requests as shapes
from tests.fakes.google import FakeGoogle
from tests.fakes.server import LiveServer
from tests.fakes.slack import FakeSlack, SlackCall

T = TypeVar("T")
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
ALICE = "U0ALICE"
BOB = "U0BOB"
ADELE = "U0ADELE"
CAMILLE = "U0CAMILLE"  # writes in French
CHANNEL = shapes.CHANNEL


class Quickcal:
    """The app under test, served for real; every method sends what Slack would send."""

    def __init__(self, settings: Settings, slack: FakeSlack, *, clock: Clock | None = None) -> None:
        self.settings = settings
        self.slack = slack
        self.clock = clock
        self._web: ServedWeb | None = None
        self._server: LiveServer | None = None
        self.http = httpx.Client(timeout=10.0)

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> Quickcal:
        self._web = ServedWeb(self.settings, build=self._build)
        self._server = LiveServer(self._web).start()
        return self

    async def _build(self, settings: Settings) -> Services:
        if self.clock is None:
            return await build_services(settings)
        return await build_services(settings, clock=self.clock)

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def restart(self) -> None:
        """Stop the process and start a new one on the same database (nothing in memory kept)."""
        self.stop()
        self.start()

    @property
    def url(self) -> str:
        assert self._server is not None
        return self._server.url

    @property
    def services(self) -> Services:
        assert self._web is not None
        assert self._web.services is not None
        return self._web.services

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run `coroutine` on the app's event loop (where its database engine lives)."""
        assert self._web is not None
        assert self._web.loop is not None
        return asyncio.run_coroutine_threadsafe(coroutine, self._web.loop).result(timeout=10)

    # -- what Slack sends ------------------------------------------------------------------
    def post(
        self, body: bytes, *, content_type: str, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        signed = shapes.signed_headers(SIGNING_SECRET, body, content_type=content_type)
        return self.http.post(
            f"{self.url}/slack/events", content=body, headers={**signed, **(headers or {})}
        )

    def command(self, text: str, *, user: str = ALICE, channel: str = CHANNEL) -> str:
        """`/event text`; returns the key of its response_url."""
        key = shapes.unique("cmd")
        body = shapes.command_body(
            text, user=user, channel=channel, response_url=self.slack.response_url(key)
        )
        response = self.post(body, content_type="application/x-www-form-urlencoded")
        assert response.status_code == 200, response.text
        return key

    def interact(self, payload: dict[str, Any]) -> httpx.Response:
        response = self.post(
            shapes.interactive_body(payload), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 200, response.text
        return response

    def shortcut(
        self,
        message_text: str,
        *,
        user: str = ALICE,
        author: str = BOB,
        ts: str = "1699999999.000100",
    ) -> str:
        key = shapes.unique("sc")
        self.interact(
            shapes.message_shortcut(
                user=user,
                channel=CHANNEL,
                message_text=message_text,
                message_user=author,
                message_ts=ts,
                response_url=self.slack.response_url(key),
            )
        )
        return key

    def event(
        self, event: dict[str, Any], *, event_id: str | None = None, retry: int | None = None
    ) -> httpx.Response:
        headers = (
            {}
            if retry is None
            else {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        )
        body = json.dumps(shapes.event_callback(event, event_id=event_id)).encode()
        response = self.post(body, content_type="application/json", headers=headers)
        assert response.status_code == 200, response.text
        return response

    def click(
        self,
        card: SlackCall,
        action_id: str,
        *,
        user: str = ALICE,
        option: str | None = None,
        selected_date: str | None = None,
        state: dict[str, Any] | None = None,
    ) -> str:
        """Click `action_id` on the message `card` (a recorded call); returns its response_url key.

        `state` is the message's `state.values` (what its pickers hold at the time).
        """
        block_id, element = card.element(action_id)
        action: dict[str, Any] = {"action_id": action_id, "type": element["type"]}
        if block_id:
            action["block_id"] = block_id
        if element["type"] == "button":
            action |= {"text": element["text"], "value": element.get("value", "")}
        elif option is not None:
            action["selected_option"] = next(o for o in element["options"] if o["value"] == option)
        if selected_date is not None:
            action["selected_date"] = selected_date
        key = shapes.unique("act")
        ephemeral = card.method in {"chat.postEphemeral", "response_url"}
        channel = str(card.args.get("channel") or CHANNEL)
        message = None
        if not ephemeral:
            ts = card.response.get("ts") if card.response else None
            message = {
                "type": "message",
                "ts": ts,
                "text": card.args.get("text", ""),
                "blocks": card.blocks,
            }
        payload = shapes.block_actions(
            user=user,
            action=action,
            response_url=self.slack.response_url(key),
            channel=channel,
            message=message,
            ephemeral=ephemeral,
        )
        payload["state"] = {"values": state or {}}
        self.interact(payload)
        return key

    def submit(
        self, opened: SlackCall, values: dict[str, Any], *, user: str = ALICE
    ) -> httpx.Response:
        """Submit the modal that `opened` (a views.open call) showed, with `state.values`."""
        return self.interact(
            shapes.view_submission(user=user, view=opened.args["view"], values=values)
        )


def until(condition: Callable[[], object], *, seconds: float = 10.0) -> None:
    """A bounded wait for what the app does after it has answered (listeners run after ack)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"the condition did not hold within {seconds:.0f} s"
        time.sleep(0.05)


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        fake.add_user(
            ALICE,
            name="alice",
            real_name="Alice Park",
            display_name="alice",
            email="alice@example.com",
            tz="America/New_York",
        )
        fake.add_user(
            BOB,
            name="bob",
            real_name="Bob Stone",
            display_name="bob",
            email="bob@example.com",
            tz="Europe/London",
        )
        fake.add_user(
            ADELE,
            name="adele",
            real_name="Adele Martin",
            display_name="Adele",
            email="adele@example.com",
            tz="Europe/Paris",
        )
        fake.add_user(
            CAMILLE,
            name="camille",
            real_name="Camille Roux",
            display_name="Camille",
            email="camille@example.fr",
            tz="Europe/Paris",
            locale="fr-FR",
        )
        fake.add_user(
            "U0SAM1",
            name="sam.lee",
            real_name="Sam Lee",
            display_name="Sam",
            email="sam.lee@example.com",
        )
        fake.add_user(
            "U0SAM2",
            name="sam.ortiz",
            real_name="Sam Ortiz",
            display_name="Sam O",
            email="sam.ortiz@example.com",
        )
        yield fake
        assert not fake.violations, fake.violations


@pytest.fixture
def google() -> Iterator[FakeGoogle]:
    """A fake Google Calendar; every test using it ends with no contract violation."""
    with FakeGoogle() as fake:
        yield fake
        assert not fake.contract_violations


@pytest.fixture
def settings(tmp_path: Any, slack: FakeSlack) -> Settings:
    return Settings(
        _env_file=None,
        slack_bot_token=slack.token,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=slack.api_url,
        data_dir=tmp_path,
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'quickcal.db'}",
        secret_key=Fernet.generate_key().decode(),
        public_url="http://127.0.0.1:9",
    )


# Wednesday 2026-11-18 09:00 in New York (Alice's zone): "next Friday" has two readings.
NOW = datetime(2026, 11, 18, 14, 0, tzinfo=UTC)


class SteppingClock:
    """The app's clock in tests: fixed at NOW until a test moves it on."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


def fixed_clock() -> datetime:
    return NOW


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def quickcal(settings: Settings, slack: FakeSlack, clock: SteppingClock) -> Iterator[Quickcal]:
    app = Quickcal(settings, slack, clock=clock).start()
    yield app
    app.stop()
    app.http.close()
