"""Requests already handled: Slack retries, replayed events and double clicks run once.

A claim is taken before the work; a handling that fails releases it, so Slack's retry runs.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete

from .core import StorageCore, digest
from .tables import handled_requests

HANDLED_LIFETIME = timedelta(days=1)


class RequestRecords(StorageCore):
    """`claim_once`: an atomic insert-if-absent on a unique key (purged after a day); `release`."""

    async def claim_once(self, key: str) -> bool:
        """True for the first claimer of `key` (across instances), False for every later one."""
        statement = self.upsert(
            handled_requests,
            {"key_hash": digest(key), "handled_at": self.clock()},
            keys=("key_hash",),
            update=(),
        ).returning(handled_requests.c.key_hash)
        # Urgent: Slack's 3-second acknowledgement waits on this write.
        async with self.writing(urgent=True) as connection:
            result = await connection.execute(statement)
            return result.one_or_none() is not None

    async def release(self, key: str) -> None:
        """Forget the claim on `key` (its handling failed): the next claimer wins again."""
        async with self.writing() as connection:
            await connection.execute(
                delete(handled_requests).where(handled_requests.c.key_hash == digest(key))
            )
