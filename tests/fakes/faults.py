"""Faults a fake provider injects: an error status, a dropped connection, a slow answer."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.types import Message, Receive, Scope, Send


class _QuietDrops(logging.Filter):
    """Keep uvicorn from printing a traceback for each connection we drop on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, Dropped)


class Dropped(ConnectionAbortedError):
    """Raised inside the app to make uvicorn close the socket mid-answer."""


@dataclass
class Fault:
    """One injected fault: answer `status`, drop the connection (`reset`) or wait (`slow`)."""

    kind: str  # "status" | "reset" | "slow"
    times: int
    path: str | None
    status: int = 0
    retry_after: float | None = None
    reason: str | None = None
    seconds: float = 0.0


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
