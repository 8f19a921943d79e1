"""What every part of storage shares: the engine, the key ring, the clock, transactions."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.crypto import KeyRing, TamperedSecret

from .database import IMMEDIATE
from .writers import WriterQueue

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current instant, aware, in UTC."""
    return datetime.now(UTC)


def digest(value: str) -> str:
    """SHA-256 hex: how single-use values (states, dedupe keys) are kept, never in clear."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


class StorageCore:
    """The engine, keys and clock the record mixins of `Storage` work with."""

    def __init__(self, engine: AsyncEngine, *, keys: KeyRing, clock: Clock = utc_now) -> None:
        self.engine = engine
        self.keys = keys
        self.clock = clock
        # SQLite's writers take turns here, acknowledgements first (writers.py); other
        # processes on the same file still meet busy_timeout.
        self._writers = WriterQueue()

    @property
    def dialect(self) -> str:
        """`sqlite` or `postgresql`: the few places that lock differently ask this."""
        return self.engine.dialect.name

    @asynccontextmanager
    async def writing(self, *, urgent: bool = False) -> AsyncIterator[AsyncConnection]:
        """A transaction that will write: committed on success, rolled back on error.

        On SQLite it holds the write lock from BEGIN (one writer at a time, so that
        read-then-write is atomic), taking its turn in this process's `WriterQueue`;
        `urgent` writes (before Slack's acknowledgement) go first.
        """
        if self.dialect != "sqlite":
            async with self.engine.connect() as connection, connection.begin():
                yield connection
            return
        async with self._writers.turn(urgent=urgent), self.engine.connect() as connection:
            await connection.execution_options(**{IMMEDIATE: True})
            async with connection.begin():
                yield connection

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncConnection]:
        """A read-only transaction (one consistent snapshot)."""
        async with self.engine.connect() as connection, connection.begin():
            yield connection

    def upsert(
        self,
        table: Table,
        values: dict[str, Any],
        *,
        keys: tuple[str, ...],
        update: tuple[str, ...],
    ) -> Any:
        """INSERT, or on a clash of `keys` UPDATE only the `update` columns (one statement).

        With no `update` columns a clash does nothing: an atomic insert-if-absent.
        """
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        statement = dialect_insert(table).values(values)
        if not update:
            return statement.on_conflict_do_nothing(index_elements=list(keys))
        return statement.on_conflict_do_update(
            index_elements=list(keys),
            set_={name: statement.excluded[name] for name in update},
        )

    def seal(self, plain: str | None) -> str | None:
        """Encrypt a secret for a `_secret` column (None stays None)."""
        return None if plain is None else self.keys.encrypt(plain)

    def open_secret(self, ciphertext: str | None, *, what: str) -> str | None:
        """Decrypt a `_secret` column; a tampered value reads as absent (and is logged)."""
        if ciphertext is None:
            return None
        try:
            return self.keys.decrypt(ciphertext)
        except TamperedSecret:
            # Says which kind of secret, never the value: enough to investigate.
            log.warning("a stored %s could not be decrypted; treating it as absent", what)
            return None
