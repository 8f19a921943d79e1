"""The schema's version: Alembic upgrade to head, and where a database stands against it.

Migrations are backward compatible (expand, then contract in a later release), so an
instance serves a database at its head or AHEAD of it (a newer release ran `upgrade`
first, in a rolling deploy); only a database BEHIND its code is not ready.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Literal

import sqlalchemy
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from .database import database_url

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for the shipped migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    """The newest migration's id."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def sync_url(url: str | None, *, data_dir: Path = Path("data")) -> str:
    """The same database through a blocking driver, for Alembic (None: SQLite in `data_dir`)."""
    full = database_url(url, data_dir=data_dir)
    return full.replace("sqlite+aiosqlite://", "sqlite://", 1)


def upgrade(url: str, *, revision: str = "head") -> None:
    """Migrate the database at `url` to `revision` (the newest by default).

    Blocking; call `upgrade_async` from inside an event loop. With several app instances
    on one database, run this once before starting them.
    """
    engine = sqlalchemy.create_engine(sync_url(url))
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
    finally:
        engine.dispose()


async def upgrade_async(url: str, *, revision: str = "head") -> None:
    """`upgrade` from async code (runs in a worker thread)."""
    await asyncio.to_thread(upgrade, url, revision=revision)


SchemaState = Literal["current", "ahead", "behind"]


def compare_heads(heads: tuple[str, ...]) -> SchemaState:
    """Where a database whose revisions are `heads` stands against this code's head."""
    script = ScriptDirectory.from_config(alembic_config())
    known = {revision.revision for revision in script.walk_revisions()}
    if heads and set(heads) == {script.get_current_head()}:
        return "current"
    if heads and not set(heads) <= known:
        return "ahead"  # a revision this code has never seen: a newer release wrote it
    return "behind"  # empty, or an ancestor of our head


async def schema_state(engine: AsyncEngine) -> SchemaState:
    """`current`, `ahead` (migrated by a newer release) or `behind` (empty included)."""
    async with engine.connect() as connection:
        heads = await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_heads()
        )
    return compare_heads(tuple(heads))


async def schema_is_current(engine: AsyncEngine) -> bool:
    """True when the database is exactly at this code's head (False when behind or ahead)."""
    return await schema_state(engine) == "current"


async def schema_is_ready(engine: AsyncEngine) -> bool:
    """True when this code can serve the database: at its head or ahead of it."""
    return await schema_state(engine) != "behind"
