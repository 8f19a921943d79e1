"""Two Quickcal processes on one PostgreSQL: linking across them, one event, one refresh.

Real subprocesses (`python -m bot`) on their own ports share a database created for this
test on `QUICKCAL_TEST_DATABASE_URL`'s server; without the variable the test is skipped
with the reason shown (`-ra`). The fakes (Slack, Google) run in this process; both
instances are reached over real sockets, as behind a load balancer.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import psycopg
import pytest
import sqlalchemy
from alembic import command
from cryptography.fernet import Fernet
from psycopg import sql
from sqlalchemy.engine import make_url

from bot.settings import Settings
from bot.storage import upgrade
from bot.storage.schema import alembic_config, sync_url
from tests.bot.conftest import ALICE, SIGNING_SECRET, Quickcal
from tests.bot.test_linking import query_of
from tests.fakes.google import FakeGoogle
from tests.fakes.server import free_port
from tests.fakes.slack import FakeSlack, SlackCall

PG_ENV = "QUICKCAL_TEST_DATABASE_URL"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh database on the test server, migrated once (as README says: before starting)."""
    raw = os.environ.get(PG_ENV, "").strip()
    if not raw:
        pytest.skip(f"a fresh PostgreSQL database needs {PG_ENV} (set in CI)")
    server = make_url(raw.replace("postgresql+psycopg://", "postgresql://", 1))
    name = f"quickcal_multi_{uuid.uuid4().hex[:10]}"
    dsn = server.render_as_string(hide_password=False)
    try:
        admin = psycopg.connect(dsn, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL server unreachable ({exc})")
    with admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


class Instance(Quickcal):
    """One `python -m bot` process; the Quickcal helpers send it what Slack would send."""

    def __init__(self, slack: FakeSlack, *, env: dict[str, str], port: int, log: Path) -> None:
        super().__init__(Settings(_env_file=None), slack)
        self.port = port
        self.log = log
        self.env = {**os.environ, **env, "QUICKCAL_PORT": str(port)}
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Instance:
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot"],
                env=self.env,
                cwd=self.log.parent,  # no stray .env is read
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while True:
            assert self.process.poll() is None, self.log.read_text()
            assert time.monotonic() < deadline, "instance not ready: " + self.log.read_text()
            try:
                if self.http.get(f"{self.url}/readyz").status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.http.close()


@pytest.fixture
def pair(
    pg_url: str, slack: FakeSlack, tmp_path: Path
) -> Iterator[tuple[Instance, Instance, FakeGoogle]]:
    with FakeGoogle() as google:
        ports = free_port(), free_port()
        env = {
            "SLACK_BOT_TOKEN": slack.token,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": slack.api_url,
            "DATABASE_URL": pg_url,
            "QUICKCAL_SECRET_KEY": Fernet.generate_key().decode(),
            "QUICKCAL_DATA_DIR": str(tmp_path),
            # The fleet never migrates on start: the fixture upgraded once, as README says.
            "QUICKCAL_MIGRATE_ON_START": "false",
            # Behind a load balancer every instance has the one public URL: here, the first's.
            "QUICKCAL_PUBLIC_URL": f"http://127.0.0.1:{ports[0]}",
            **google.env(),
        }
        folders = [tmp_path / "a", tmp_path / "b"]
        for folder in folders:
            folder.mkdir()
        a, b = (
            Instance(slack, env=env, port=port, log=folder / "quickcal.log")
            for port, folder in zip(ports, folders, strict=True)
        )
        try:
            yield a.start(), b.start(), google
        finally:
            a.stop()
            b.stop()


def at(instance: Instance, url: str) -> str:
    """The same URL, served by `instance` (the load balancer's choice)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"127.0.0.1:{instance.port}"))


def together(*calls: Callable[[], Any]) -> None:
    """Run the calls at the same moment, each from its own thread."""
    barrier = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            call()
        except BaseException as exc:  # re-raised below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


def draft(instance: Instance, slack: FakeSlack, text: str) -> SlackCall:
    key = instance.command(text)
    return slack.wait_for("response_url", lambda c: c.args["key"] == key)


@pytest.mark.postgres
def test_two_instances_share_links_states_clicks_and_refreshes(
    pair: tuple[Instance, Instance, FakeGoogle], slack: FakeSlack
) -> None:
    a, b, google = pair
    # Linking: Connect and start on A; the provider's redirect is sent four times at once,
    # twice to each instance (a double-submitting browser behind a load balancer).
    a.event({"type": "app_home_opened", "user": ALICE, "channel": "D1", "tab": "home"})
    home = slack.wait_for("views.publish")
    statuses: list[int] = []
    with httpx.Client(timeout=10.0) as browser:
        started = browser.get(home.button("home_connect_google")["url"])
        assert started.status_code == 302
        back = browser.get(started.headers["location"]).headers["location"]
        assert query_of(back)["code"]

        def callback(instance: Instance) -> None:
            with httpx.Client(timeout=10.0, cookies=browser.cookies) as tab:
                statuses.append(tab.get(at(instance, back)).status_code)

        together(*(partial(callback, instance) for instance in (a, b, a, b)))
    assert sorted(statuses) == [200, 400, 400, 400]
    assert len(google.oauth.token_requests) == 1
    slack.wait_for("chat.postMessage", lambda c: c.args["channel"] == ALICE)

    # One draft, Create pressed on both instances at once: one event, one create call.
    card = draft(a, slack, "lunch with Adele friday noon")
    together(lambda: a.click(card, "draft_create"), lambda: b.click(card, "draft_create"))
    slack.wait_for("response_url", lambda c: "Added to Google Calendar" in c.texts())
    inserts = [r for r in google.requests if r.method == "POST" and r.path.endswith("/events")]
    assert len(inserts) == 1
    assert len(google.store) == 1

    # Every access token dies; two creates on two instances at once: one refresh.
    google.expire_tokens()
    first = draft(a, slack, "standup monday 9am")
    second = draft(b, slack, "retro monday 4pm")
    together(lambda: a.click(first, "draft_create"), lambda: b.click(second, "draft_create"))
    slack.wait_for("response_url", lambda c: "Added to Google Calendar" in c.texts(), count=3)
    assert len(google.store) == 3
    assert google.oauth.refreshes == 1
    secrets = [query_of(back)["code"], query_of(back)["state"], SIGNING_SECRET, slack.token]
    assert len(slack.calls_to("chat.postMessage", lambda c: c.args["channel"] == ALICE)) == 1
    secrets += [t.access_token for t in google.oauth.tokens]
    secrets += [t.refresh_token for t in google.oauth.tokens if t.refresh_token]
    for instance in (a, b):
        log = instance.log.read_text()
        assert "Traceback" not in log
        assert "GET /readyz" in log  # the access log is written, and clean
        assert not [s for s in secrets if s in log]


def test_a_database_behind_the_code_is_not_ready(quickcal: Quickcal) -> None:
    """The load balancer's signal: /healthz says the process lives, /readyz that it may serve."""
    assert quickcal.http.get(f"{quickcal.url}/healthz").status_code == 200
    assert quickcal.http.get(f"{quickcal.url}/readyz").json() == {"ok": True}
    engine = sqlalchemy.create_engine(sync_url(quickcal.settings.database_url))
    try:
        with engine.begin() as connection:
            command.stamp(alembic_config(connection), "base")  # as if migrations were pending
    finally:
        engine.dispose()
    behind = quickcal.http.get(f"{quickcal.url}/readyz")
    assert behind.status_code == 503
    assert behind.json() == {"ok": False}
    assert quickcal.http.get(f"{quickcal.url}/healthz").status_code == 200
