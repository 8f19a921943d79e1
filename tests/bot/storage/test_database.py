"""Database URLs and engines: async drivers, the default SQLite file, SQLite's pragmas."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot.storage import Storage, create_engine, database_url

CASES = [
    ("sqlite:///./data/quickcal.db", "sqlite+aiosqlite:///./data/quickcal.db"),
    ("sqlite+aiosqlite:///:memory:", "sqlite+aiosqlite:///:memory:"),
    ("sqlite+pysqlite:////var/q.db", "sqlite+aiosqlite:////var/q.db"),
    ("postgresql://postgres@127.0.0.1:5432/test", "postgresql+psycopg://postgres@127.0.0.1:5432/test"),
    ("postgres://u:p%40ss@db.example/quickcal", "postgresql+psycopg://u:p%40ss@db.example/quickcal"),
    ("postgresql+psycopg2://u@h/d", "postgresql+psycopg://u@h/d"),
    ("postgresql+psycopg://u@h/d?sslmode=require", "postgresql+psycopg://u@h/d?sslmode=require"),
]


@pytest.mark.parametrize(("given", "expected"), CASES)
def test_urls_get_async_drivers(given: str, expected: str, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # relative SQLite paths create their folder here
    assert database_url(given, data_dir=tmp_path) == expected


def test_no_url_means_sqlite_in_the_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "not" / "yet"
    assert database_url(None, data_dir=folder) == f"sqlite+aiosqlite:///{folder}/quickcal.db"
    assert folder.is_dir()
    assert database_url("  ", data_dir=folder) == database_url(None, data_dir=folder)


def test_a_relative_sqlite_file_gets_its_folder(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    database_url("sqlite:///./deep/er/q.db", data_dir=tmp_path / "unused")
    assert (tmp_path / "deep" / "er").is_dir()


async def test_sqlite_connections_use_wal_busy_timeout_and_foreign_keys(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'q.db'}")
    try:
        async with engine.connect() as connection:
            pragmas = {
                name: (await connection.execute(text(f"PRAGMA {name}"))).scalar_one()
                for name in ("journal_mode", "busy_timeout", "foreign_keys")
            }
    finally:
        await engine.dispose()
    assert pragmas == {"journal_mode": "wal", "busy_timeout": 30000, "foreign_keys": 1}


def test_other_databases_are_refused_clearly() -> None:
    with pytest.raises(ValueError, match="SQLite or PostgreSQL"):
        create_engine("mysql+aiomysql://u@h/d")


async def test_a_failing_statement_does_not_show_its_values(storage: Storage) -> None:
    secret = "xoxb-must-not-appear-in-errors"
    # The server's own message names no value here; SQLAlchemy would append the parameters.
    broken = text("SELECT no_such_column FROM handled_requests WHERE key_hash = :value")
    with pytest.raises(DBAPIError) as caught:
        async with storage.engine.connect() as connection:
            await connection.execute(broken, {"value": secret})
    assert "no_such_column" in str(caught.value)
    assert secret not in str(caught.value)
