"""A real crash in the middle of a create: `python -m bot` is SIGKILLed after Google stored
the event and before Quickcal recorded it; after a restart the reconciler finishes the draft
with the same idempotency key, the person is told once, and Google holds one event.

The fakes (Slack, Google) run in this process; Quickcal runs as a subprocess over real
sockets, on an SQLite file (and on a fresh PostgreSQL database when
QUICKCAL_TEST_DATABASE_URL is set). Each process's output is printed when a test fails.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot import ids
from bot.crypto import load_keyring
from bot.reconciling import reconcile
from bot.services import build_services
from bot.settings import Settings
from bot.storage import EventRecord, Storage, StoredDraft
from providers.settings import ProviderSettings
from tests.bot.accounts import link_account
from tests.bot.conftest import ALICE, SIGNING_SECRET
from tests.bot.test_multi_instance import Instance, pg_url  # noqa: F401 (a fixture)
from tests.fakes.google import FakeGoogle
from tests.fakes.server import free_port
from tests.fakes.slack import FakeSlack, SlackCall

ACCOUNT = "user@example.com"
ADDED = "Added to Google Calendar"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database at the newest schema (PostgreSQL: one made for this test)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'quickcal.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def settings(database: str, slack: FakeSlack, google: FakeGoogle, tmp_path: Path) -> Settings:
    """What every Quickcal process of the test is configured with (also as its environment)."""
    return Settings(
        _env_file=None,
        slack_bot_token=slack.token,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=slack.api_url,
        database_url=database,
        secret_key=Fernet.generate_key().decode(),
        data_dir=tmp_path,
        migrate_on_start=False,  # migrated once below, before any process starts
        providers=ProviderSettings(**google.env()),  # type: ignore[arg-type]
    )


def environment(settings: Settings, google: FakeGoogle) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": str(settings.secret(settings.slack_bot_token)),
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": settings.slack_api_url,
        "DATABASE_URL": str(settings.database_url),
        "QUICKCAL_SECRET_KEY": str(settings.secret(settings.secret_key)),
        "QUICKCAL_DATA_DIR": str(settings.data_dir),
        "QUICKCAL_MIGRATE_ON_START": "false",
        **google.env(),
    }


async def link_alice(settings: Settings, google: FakeGoogle) -> None:
    """Migrate, then store Alice's Google link sealed with the processes' own key."""
    keys = load_keyring(settings.secret(settings.secret_key), data_dir=settings.data_dir)
    storage = await Storage.open(
        settings.database_url, keys=keys, data_dir=settings.data_dir, migrate=True
    )
    try:
        await link_account(storage, google, user=ALICE, account=ACCOUNT)
    finally:
        await storage.close()


class Processes:
    """The Quickcal processes a test starts, each logging to its own file."""

    def __init__(self, slack: FakeSlack, env: dict[str, str], folder: Path) -> None:
        self.slack = slack
        self.env = env
        self.folder = folder
        self.started: list[Instance] = []

    def start(self, name: str, **extra: str) -> Instance:
        folder = self.folder / name
        folder.mkdir()
        log = folder / "quickcal.log"
        instance = Instance(self.slack, env={**self.env, **extra}, port=free_port(), log=log)
        self.started.append(instance)
        return instance.start()

    def logs(self) -> str:
        return "\n".join(f"--- {i.log}\n{i.log.read_text()}" for i in self.started)


@pytest.fixture
def processes(
    settings: Settings, slack: FakeSlack, google: FakeGoogle, tmp_path: Path
) -> Iterator[Processes]:
    asyncio.run(link_alice(settings, google))
    running = Processes(slack, environment(settings, google), tmp_path)
    try:
        yield running
    finally:
        for instance in running.started:
            instance.stop()
        print(running.logs())  # shown by pytest when the test failed


async def afterwards(settings: Settings, draft_id: str) -> tuple[StoredDraft, EventRecord, int]:
    """The draft and its event as stored, and what one more reconcile round (here, from a
    third instance with the shortest lease) settled."""
    services = await build_services(settings.model_copy(update={"reconcile_after_seconds": 0.1}))
    try:
        stored = await services.storage.get_draft(draft_id)
        record = await services.storage.get_event(draft_id)
        return stored, record, await reconcile(services)
    finally:
        await services.aclose()


def result_cards(slack: FakeSlack) -> list[SlackCall]:
    return slack.calls_to("response_url", lambda c: ADDED in c.texts())


def receipts(slack: FakeSlack) -> list[SlackCall]:
    return slack.calls_to("chat.postMessage", lambda c: c.args["channel"] == f"D{ALICE}")


def test_a_create_killed_mid_way_is_finished_once_after_a_restart(
    processes: Processes, slack: FakeSlack, google: FakeGoogle, settings: Settings
) -> None:
    first = processes.start("first")  # the default lease: minutes, far longer than this test
    key = first.command("lunch friday noon")
    card = slack.wait_for("response_url", lambda c: c.args["key"] == key)
    draft_id = str(card.button(ids.DRAFT_CREATE)["value"])

    stall = google.stall_next(60.0, path="/events")
    clicked = first.click(card, ids.DRAFT_CREATE)
    assert stall.done.wait(15), "the insert never reached Google"
    assert first.process is not None
    os.kill(first.process.pid, signal.SIGKILL)  # Google has the event; Quickcal never hears
    first.process.wait(10)
    [lost] = google.events
    assert result_cards(slack) == []
    assert receipts(slack) == []

    # A short lease: the dead process's claim is stale at once, and the timer runs often.
    processes.start(
        "second", QUICKCAL_RECONCILE_AFTER_SECONDS="1", QUICKCAL_RECONCILE_EVERY_SECONDS="0.5"
    )
    result = slack.wait_for("response_url", lambda c: ADDED in c.texts(), timeout=20)
    receipt = slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == f"D{ALICE}")
    assert result.args["key"] in {key, clicked}  # the card itself changed, through its URL
    assert result.args["replace_original"] is True
    assert result.button(f"{ids.LINK_OPEN}_view")["url"] == lost["htmlLink"]
    assert ids.EVENT_UNDO in receipt.action_ids()

    inserts = [r for r in google.api_requests("POST") if r.path.endswith("/events")]
    assert [r.json["id"] for r in inserts] == [lost["id"], lost["id"]]  # the same key
    assert google.events == [lost]  # Google answered the retry with the event it had

    stored, record, settled = asyncio.run(afterwards(settings, draft_id))
    assert stored.state == "created"
    assert (record.provider, record.event_id) == ("google", lost["id"])
    assert settled == 0  # a further round finds nothing to do
    assert (len(result_cards(slack)), len(receipts(slack))) == (1, 1)  # told once
    assert "Traceback" not in processes.logs()
