"""Housekeeping: purge expired drafts, OAuth states and old dedupe keys, on a timer."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.storage import Storage

log = logging.getLogger(__name__)
EVERY_SECONDS = 3600.0


async def repeat(job: Callable[[], Awaitable[object]], *, every: float, name: str) -> None:
    """Run `job` now and every `every` seconds until cancelled.

    A failed round is logged and retried next time: background work never stops the app.
    """
    while True:
        try:
            await job()
        except Exception:
            log.exception("%s failed; trying again in %.0f s", name, every)
        await asyncio.sleep(every)


async def keep_tidy(storage: Storage, *, every: float = EVERY_SECONDS) -> None:
    """Run `storage.expire_old()` now and every `every` seconds until cancelled.

    Expired drafts are already refused by every transition; this only keeps the tables
    small. Several instances may all run it: the deletes are idempotent.
    """

    async def tidy() -> None:
        purged = await storage.expire_old()
        if purged:
            log.info("housekeeping purged %d expired drafts", purged)

    await repeat(tidy, every=every, name="housekeeping")


def start_housekeeping(storage: Storage, *, every: float = EVERY_SECONDS) -> asyncio.Task[None]:
    """The timer as a task of the running loop; cancel it on shutdown."""
    return asyncio.get_running_loop().create_task(keep_tidy(storage, every=every))
