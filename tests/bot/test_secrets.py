"""Secrets at rest: a tampered token reads as not linked, keys rotate, no plaintext is stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cryptography.fernet import Fernet
from sqlalchemy import update

from bot.crypto import KeyRing
from bot.rotate import rotate_database
from bot.storage.tables import calendar_links
from tests.bot.conftest import ALICE, BOB
from tests.bot.test_linking import LABELS, LinkingWorld, query_of, world  # noqa: F401
from tests.fakes.slack import TEAM_ID

# ruff: noqa: F811  (the `world` fixture is imported by name)


def database_file(world: LinkingWorld) -> Path:
    return Path(world.app.settings.data_dir) / "quickcal.db"


def create_event(world: LinkingWorld, text: str = "lunch with Adele friday noon") -> str:
    """Run `/event text` and press Create; returns every text of the final card."""
    key = world.app.command(text)
    card = world.slack.wait_for("response_url", lambda c: c.args["key"] == key)
    clicked = world.app.click(card, "draft_create")
    done = world.slack.wait_for(
        "response_url", lambda c: c.args["key"] == clicked and "Added to" in c.texts()
    )
    return done.texts()


def test_a_tampered_token_reads_as_not_linked(world: LinkingWorld) -> None:
    assert world.connect("google").status_code == 200

    async def tamper() -> None:
        engine = world.app.services.storage.engine
        async with engine.begin() as connection:
            await connection.execute(
                update(calendar_links).values(token_secret="gAAAAABtampered" + "x" * 80)
            )

    world.app.run(tamper())
    storage = world.app.services.storage
    assert world.app.run(storage.get_link(TEAM_ID, ALICE, "google")) is None
    home = world.home()
    assert "not connected" in home.texts()
    assert "Added to Quickcal calendar" in create_event(world)  # no 500: the local calendar
    assert world.providers["google"].store == {}


def test_keys_rotate_without_losing_a_link(world: LinkingWorld) -> None:
    old = str(world.app.settings.secret(world.app.settings.secret_key))
    assert world.connect("google").status_code == 200
    new = Fernet.generate_key().decode()
    world.app.with_keys(f"{new},{old}")  # step 1: both keys, newest first
    report = world.app.run(
        rotate_database(
            world.app.settings.database_url,
            keys=KeyRing.from_text(f"{new},{old}"),
            data_dir=Path(world.app.settings.data_dir),
        )
    )
    assert report.rotated >= 1
    assert report.unreadable == 0
    world.app.with_keys(new)  # step 3: the old key is gone
    assert "Added to Google Calendar" in create_event(world)
    assert len(world.providers["google"].store) == 1
    # Without the new key nothing opens: the link reads as absent, never as an error.
    world.app.with_keys(old)
    storage = world.app.services.storage
    assert world.app.run(storage.get_link(TEAM_ID, ALICE, "google")) is None


def test_no_plaintext_secret_in_a_database_dump(world: LinkingWorld) -> None:
    states = []
    for provider in LABELS:
        started = world.start(provider)
        states.append(query_of(started.headers["location"])["state"])
        back = world.authorize(started)
        assert world.browser_of(ALICE).get(back).status_code == 200
    pending = world.start("google", BOB)  # one state left pending, with its PKCE verifier
    states.append(query_of(pending.headers["location"])["state"])
    secrets = [*states]
    for fake in world.providers.values():
        for token in fake.oauth.tokens:
            secrets += [token.access_token, token.refresh_token or ""]
        for request in fake.oauth.token_requests:
            secrets += [request.form.get("code", ""), request.form.get("code_verifier", "")]
        secrets.append(fake.oauth.client_secret)
    secrets = [s for s in secrets if s]
    assert len(secrets) >= 12
    path = database_file(world)
    with sqlite3.connect(path) as connection:
        dump = "\n".join(connection.iterdump())
    raw = path.read_bytes().decode("latin-1")
    wal = path.with_name(path.name + "-wal")
    raw += wal.read_bytes().decode("latin-1") if wal.exists() else ""
    for secret in secrets:
        assert secret not in dump
        assert secret not in raw
    assert "calendar_links" in dump  # the dump is real and holds the links
