"""Database URLs and engines: SQLite in the data folder by default, any SQLAlchemy URL else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

DEFAULT_FILE = "quickcal.db"
# A writer waits this long for another writer's lock before SQLite says "database is locked".
SQLITE_BUSY_MS = 30_000
# Execution option asking SQLite for its write lock at BEGIN (see `begin_immediate`).
IMMEDIATE = "quickcal_immediate"

SUPPORTED = ("sqlite", "postgresql")
_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
}


def database_url(url: str | None, *, data_dir: Path) -> str:
    """The async form of `url` (or SQLite in `data_dir` when empty).

    `sqlite:///x.db` -> `sqlite+aiosqlite:///x.db`; `postgresql://` and `postgres://`
    -> `postgresql+psycopg://`. Creates the SQLite file's folder when needed.
    """
    if not url or not url.strip():
        data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite+aiosqlite:///{data_dir / DEFAULT_FILE}"
    scheme, sep, rest = url.strip().partition("://")
    backend = scheme.split("+")[0]
    # Only the driver changes; the rest is kept byte for byte (make_url re-quotes it).
    full = _ASYNC_DRIVERS.get(backend, scheme) + sep + rest
    if backend == "sqlite":
        database = make_url(full).database
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    return full


def create_engine(url: str) -> AsyncEngine:
    """An async engine for `url` (normalised first); SQLite gets WAL, busy_timeout and
    foreign keys on every connection, and transactions SQLAlchemy begins itself.
    """
    full = database_url(url, data_dir=Path("data"))
    backend = make_url(full).get_backend_name()
    if backend not in SUPPORTED:
        raise ValueError(f"Quickcal stores data in SQLite or PostgreSQL, not {backend}")
    # hide_parameters: a failing statement's values never reach an exception text or a log.
    if backend == "postgresql":
        return create_async_engine(full, pool_pre_ping=True, hide_parameters=True)
    engine = create_async_engine(
        full, connect_args={"timeout": SQLITE_BUSY_MS / 1000}, hide_parameters=True
    )
    event.listen(engine.sync_engine, "connect", _sqlite_connect)
    event.listen(engine.sync_engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control from the sqlite3 driver, which would BEGIN lazily (only
    # before writes) and so break read-then-write atomicity; SQLAlchemy's begin event
    # below emits BEGIN instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # busy_timeout first: switching to WAL itself needs a lock another connection may hold.
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a commit survives the
    # process being killed (what the crash tests do); only an OS crash or power cut may
    # lose the last moments. SQLite's own advice for WAL; FULL cost an fsync per write.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # A write transaction takes SQLite's single write lock up front: otherwise two
    # read-then-write transactions deadlock on the upgrade and one fails with BUSY.
    immediate = connection.get_execution_options().get(IMMEDIATE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
