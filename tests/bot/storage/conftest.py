"""Real databases for the storage tests: SQLite files always, PostgreSQL when configured.

Every test taking `storage` (or `url`) runs once per backend. The PostgreSQL variant needs
`QUICKCAL_TEST_DATABASE_URL` (CI: postgresql://postgres@127.0.0.1:5432/test); this session
creates its own uniquely named database on that server and drops it at the end, so parallel
runs never collide. Without the variable, or with the server down, the PostgreSQL variants
are skipped with the reason shown (`-ra`), never passed.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.crypto import KeyRing
from bot.storage import Storage, create_engine, upgrade
from bot.storage.tables import metadata

PG_ENV = "QUICKCAL_TEST_DATABASE_URL"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class FakeClock:
    """A clock the test moves by hand (expiry without sleeping)."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


def server_dsn() -> str:
    raw = os.environ.get(PG_ENV, "").strip()
    if not raw:
        pytest.skip(f"PostgreSQL variant skipped: {PG_ENV} is not set")
    return make_url(raw.replace("postgresql+psycopg://", "postgresql://", 1)).render_as_string(
        hide_password=False
    )


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this session; its SQLAlchemy URL."""
    server = server_dsn()
    name = f"quickcal_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(server, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL variant skipped: {PG_ENV} is set but unreachable ({exc})")
    with admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test (migrating once is enough)."""
    path = tmp_path_factory.mktemp("template") / "quickcal.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """The URL of an empty, migrated database of each backend."""
    if request.param == "sqlite":
        path = tmp_path / "quickcal.db"
        shutil.copyfile(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    database: str = request.getfixturevalue("pg_database")
    _empty_pg(database)
    yield database


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no tables at all, of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    server = server_dsn()
    name = f"quickcal_schema_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(server, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL variant skipped: server unreachable ({exc})")
    with admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def _empty_pg(url: str) -> None:
    tables = ", ".join(table.name for table in metadata.sorted_tables)
    with psycopg.connect(url) as connection:
        connection.execute(f"TRUNCATE {tables}")  # names from our own metadata


@pytest.fixture
def keys() -> KeyRing:
    return KeyRing([KeyRing.generate_key()])


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def storage(url: str, keys: KeyRing, clock: FakeClock) -> AsyncIterator[Storage]:
    opened = Storage(create_engine(url), keys=keys, clock=clock)
    yield opened
    await opened.close()


@pytest.fixture
async def second_instance(url: str, keys: KeyRing, clock: FakeClock) -> AsyncIterator[Storage]:
    """Another app instance on the same database: its own engine and connection pool."""
    opened = Storage(create_engine(url), keys=keys, clock=clock)
    yield opened
    await opened.close()


async def dump_text(storage: Storage) -> str:
    """Every value of every table as text: what a leaked database dump would show."""
    parts: list[str] = []
    async with storage.engine.connect() as connection:
        for table in metadata.sorted_tables:
            rows = await connection.execute(text(f"SELECT * FROM {table.name}"))  # noqa: S608
            parts.extend(repr(tuple(row)) for row in rows)
    return "\n".join(parts)
