"""Faults a fake provider injects: an error status, a dropped connection, a slow or a
stalled answer."""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.types import Message, Receive, Scope, Send


class _QuietDrops(logging.Filter):
    """Keep uvicorn from printing a traceback for each connection we drop on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, Dropped)


class Dropped(ConnectionAbortedError):
    """Raised inside the app to make uvicorn close the socket mid-answer."""


@dataclass(frozen=True)
class Stall:
    """A held answer: `done` is set once the work is done (e.g. the event is stored); the
    answer goes out when `release` is set or `seconds` have passed, whichever comes first."""

    seconds: float
    done: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)


@dataclass
class Fault:
    """One injected fault: answer `status`, drop the connection (`reset`), wait before
    (`slow`) or after (`stall`) doing the work."""

    kind: str  # "status" | "reset" | "slow" | "stall"
    times: int
    path: str | None
    status: int = 0
    retry_after: float | None = None
    reason: str | None = None
    seconds: float = 0.0
    stall: Stall | None = None


async def handle_then_drop(app: Starlette, scope: Scope, receive: Receive, send: Send) -> None:
    """Let `app` do the work, then drop the connection mid-answer: a lost response."""

    async def swallow(message: Message) -> None:
        return None

    await app(scope, receive, swallow)  # the work happens: the event exists
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"4096")],
        }
    )
    await send({"type": "http.response.body", "body": b"{", "more_body": True})
    # Raising after the answer started makes uvicorn close the socket: the client sees
    # a connection dropped mid-response, exactly a "lost response".
    raise Dropped("fake: connection dropped on purpose")


async def handle_then_stall(
    app: Starlette, scope: Scope, receive: Receive, send: Send, *, stall: Stall
) -> None:
    """Let `app` do the work, then keep its answer back: a process killed while waiting for
    it never learns the work was done."""
    held: list[Message] = []

    async def keep(message: Message) -> None:
        held.append(message)

    await app(scope, receive, keep)
    stall.done.set()
    # The fake's stop() sets `release`, so a stall never holds up stopping the server.
    await asyncio.to_thread(stall.release.wait, stall.seconds)
    for message in held:
        await send(message)  # uvicorn drops it quietly if the client has gone


STATUS_WORDS = {
    400: "Bad Request",
    401: "Invalid Credentials",
    403: "Rate Limit Exceeded",
    404: "Not Found",
    409: "Conflict",
    429: "Too Many Requests",
    500: "Backend Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


logging.getLogger("uvicorn.error").addFilter(_QuietDrops())
