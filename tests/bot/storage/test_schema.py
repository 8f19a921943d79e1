"""Alembic: from empty to head gives exactly the models' schema; a behind database says so."""

from __future__ import annotations

import sqlalchemy
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect, text

from bot.crypto import KeyRing
from bot.storage import (
    Storage,
    create_engine,
    schema_is_current,
    schema_is_ready,
    schema_state,
    upgrade,
    upgrade_async,
)
from bot.storage.schema import alembic_config, head_revision, sync_url
from bot.storage.tables import metadata


def _differences(connection: Connection) -> list[object]:
    return list(compare_metadata(MigrationContext.configure(connection), metadata))


async def test_upgrade_from_empty_gives_exactly_the_models(empty_url: str) -> None:
    await upgrade_async(empty_url)
    engine = create_engine(empty_url)
    try:
        async with engine.connect() as connection:
            assert await connection.run_sync(_differences) == []
            tables = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
        assert tables == {t.name for t in metadata.sorted_tables} | {"alembic_version"}
        assert await schema_is_current(engine)
    finally:
        await engine.dispose()


async def test_an_empty_database_is_behind_and_not_ready(empty_url: str) -> None:
    engine = create_engine(empty_url)
    try:
        assert await schema_state(engine) == "behind"
        assert not await schema_is_current(engine)
        assert not await schema_is_ready(engine)
    finally:
        await engine.dispose()


async def test_a_database_at_head_is_current_and_ready(empty_url: str) -> None:
    upgrade(empty_url)
    engine = create_engine(empty_url)
    try:
        assert await schema_state(engine) == "current"
        assert await schema_is_ready(engine)
    finally:
        await engine.dispose()


async def test_a_database_ahead_of_this_code_is_still_ready(empty_url: str) -> None:
    # A rolling deploy: the next release ran `upgrade` (expand only) before this instance
    # was replaced; its revision is unknown here, and this code keeps serving.
    upgrade(empty_url)
    engine = create_engine(empty_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
        assert await schema_state(engine) == "ahead"
        assert not await schema_is_current(engine)
        assert await schema_is_ready(engine)
    finally:
        await engine.dispose()


async def test_upgrading_twice_is_harmless_and_downgrade_empties(empty_url: str) -> None:
    upgrade(empty_url)
    upgrade(empty_url)
    sync = sqlalchemy.create_engine(sync_url(empty_url))
    try:
        with sync.begin() as connection:
            command.downgrade(alembic_config(connection), "base")
        with sync.connect() as connection:
            assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    finally:
        sync.dispose()
    engine = create_engine(empty_url)
    try:
        assert not await schema_is_current(engine)
    finally:
        await engine.dispose()
    upgrade(empty_url)


def test_there_is_one_head() -> None:
    assert head_revision() == "0002"


async def test_an_unreachable_database_is_not_ready(keys: KeyRing) -> None:
    # Port 1 on this machine refuses connections at once.
    storage = Storage(create_engine("postgresql://postgres@127.0.0.1:1/none"), keys=keys)
    try:
        assert not await storage.schema_is_current()
    finally:
        await storage.close()


async def test_the_storage_reports_a_current_schema(storage: Storage) -> None:
    assert await storage.schema_is_current()
    assert await storage.schema_is_ready()


async def test_an_unreachable_database_is_not_ready_to_serve(keys: KeyRing) -> None:
    storage = Storage(create_engine("postgresql://postgres@127.0.0.1:1/none"), keys=keys)
    try:
        assert not await storage.schema_is_ready()
    finally:
        await storage.close()
