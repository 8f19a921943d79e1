"""One SQLite writer at a time, in arrival order, with what answers Slack first.

SQLite has one write lock per file, and its busy handler waits for it by sleeping in
growing steps (up to 100 ms), so writers queued there wake late. Queued here instead, each
writer starts the moment the last one finishes; and an urgent writer (the dedupe key a
request writes before Slack's 3-second acknowledgement) goes before every queued ordinary
one (drafts, events: work done after the acknowledgement), so a burst of work never
delays an acknowledgement by more than the one write in progress.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class WriterQueue:
    """An asyncio lock with two queues: urgent waiters are served before ordinary ones."""

    def __init__(self) -> None:
        self._busy = False
        self._urgent: deque[asyncio.Future[None]] = deque()
        self._ordinary: deque[asyncio.Future[None]] = deque()

    @asynccontextmanager
    async def turn(self, *, urgent: bool = False) -> AsyncIterator[None]:
        """Hold the write turn for the body of the `async with`."""
        await self._acquire(urgent=urgent)
        try:
            yield
        finally:
            self._release()

    @property
    def waiting(self) -> int:
        """How many writers wait for their turn (for tests and diagnostics)."""
        return len(self._urgent) + len(self._ordinary)

    async def _acquire(self, *, urgent: bool) -> None:
        if not self._busy and not self._urgent and not self._ordinary:
            self._busy = True
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        (self._urgent if urgent else self._ordinary).append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self._release()  # the turn was handed over as we were cancelled: pass it on
            else:
                self._forget(waiter)
            raise

    def _release(self) -> None:
        for queue in (self._urgent, self._ordinary):
            while queue:
                waiter = queue.popleft()
                if not waiter.done():
                    waiter.set_result(None)  # the turn passes straight to it: still busy
                    return
        self._busy = False

    def _forget(self, waiter: asyncio.Future[None]) -> None:
        for queue in (self._urgent, self._ordinary):
            if waiter in queue:
                queue.remove(waiter)
