"""Housekeeping: purge expired drafts, OAuth states and old dedupe keys, on a timer."""

from __future__ import annotations

import asyncio
import logging

from bot.storage import Storage

log = logging.getLogger(__name__)
EVERY_SECONDS = 3600.0


async def keep_tidy(storage: Storage, *, every: float = EVERY_SECONDS) -> None:
    """Run `storage.expire_old()` now and every `every` seconds until cancelled.

    Expired drafts are already refused by every transition; this only keeps the tables
    small. A failed round is logged and retried next time: housekeeping never stops the app.
    Several instances may all run it: the deletes are idempotent.
    """
    while True:
        try:
            purged = await storage.expire_old()
        except Exception:
            log.exception("housekeeping failed; trying again in %.0f s", every)
        else:
            if purged:
                log.info("housekeeping purged %d expired drafts", purged)
        await asyncio.sleep(every)


def start_housekeeping(storage: Storage, *, every: float = EVERY_SECONDS) -> asyncio.Task[None]:
    """The timer as a task of the running loop; cancel it on shutdown."""
    return asyncio.get_running_loop().create_task(keep_tidy(storage, every=every))
