"""The guard in front of `/slack/events`: strict signature check, then replay/retry dedupe.

Stock Bolt answers 500 to a non-numeric timestamp; here every malformed or wrong
signature or timestamp is a 401 and no listener runs. A body larger than anything Slack
sends is a 413 before it is read in full (`MAX_BODY_BYTES`). A signed body that is none of
Slack's shapes, or lacks what every request of its kind carries (`shape_problem`), is a 400:
Bolt would answer 500, or a listener fail after the ack. An event_callback without a
readable event is acknowledged quietly: a non-200 would only make Slack send it again.
While the database is behind this code's schema (a rolling deploy before `upgrade`), 503:
Slack retries later. A request already handled (a replay inside the five minutes, or
Slack's `X-Slack-Retry-Num` retry) is acknowledged with an empty 200 and goes no further:
an Events API delivery is claimed in storage (across instances; Slack retries those), an
interaction's trigger_id is remembered in memory (replays.py: no database write before the
acknowledgement). An event whose handling failed (5xx or an exception) has its claim
released, so Slack's retry runs it again.

    SignatureRejected     the request is not provably from Slack: 401
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl

from slack_sdk.signature import Clock, SignatureVerifier
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.payloads import shape_problem, unreadable_event
from bot.redaction import remember
from bot.replays import RecentTriggers
from bot.services import Services

log = logging.getLogger(__name__)

TOLERANCE_SECONDS = 60 * 5
TRIGGER = "slack:trigger:"
# The largest request Slack sends is a message shortcut: the whole message, whose text may
# hold 40,000 characters, and again in its rich_text blocks (up to 50). Emoji arrive as
# `:shortcodes:`, so the widest characters people type are 3 UTF-8 bytes (CJK), which the
# form encoding of `payload=` writes as 9 (`%E4%B8%AD`): 2 x 40,000 x 9 = 720,000 bytes,
# plus the blocks' JSON and the envelope. A view submission holds far less (our modal has
# three text inputs of at most 3,000 characters). One decimal megabyte leaves ~280 KB for
# structure, a bot message's own blocks and attachments; anything larger is refused unread
# (413). A shortcut on a rare message larger than that is refused too: the bound on memory
# per request is worth it, and the person still has /event.
MAX_BODY_BYTES = 1_000_000
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")

ClaimOnce = Callable[[str], Awaitable[bool]]
Release = Callable[[str], Awaitable[None]]
SchemaReady = Callable[[], Awaitable[bool]]


class SignatureRejected(Exception):
    """The request is not provably from Slack; `reason` is for our logs, never secret."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _FixedClock(Clock):
    def __init__(self, now: float) -> None:
        self._now = now

    def now(self) -> float:
        return self._now


def verify(headers: Mapping[str, str], body: bytes, *, signing_secret: str, now: float) -> None:
    """Raise `SignatureRejected` unless the headers sign `body` within five minutes of `now`."""
    if not signing_secret.strip():
        raise SignatureRejected("no signing secret is configured")
    timestamp = headers.get("x-slack-request-timestamp")
    signature = headers.get("x-slack-signature")
    if timestamp is None or signature is None:
        raise SignatureRejected("missing signature headers")
    if not _TIMESTAMP.fullmatch(timestamp):
        raise SignatureRejected("malformed timestamp")
    if not _SIGNATURE.fullmatch(signature):
        raise SignatureRejected("malformed signature")
    if abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        raise SignatureRejected("timestamp outside five minutes")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise SignatureRejected("body is not UTF-8") from None
    verifier = SignatureVerifier(signing_secret, clock=_FixedClock(now))
    if not verifier.is_valid(body=text, timestamp=timestamp, signature=signature):
        raise SignatureRejected("signature mismatch")


def parse_body(body: bytes, *, content_type: str) -> dict[str, Any] | None:
    """The request as data, or None when it is none of Slack's shapes.

    Slack sends a JSON object (Events API), a form whose `payload` is a JSON object
    (interactivity), or a slash command's form (`command`; `ssl_check` for Slack's URL
    check). Read in Bolt's order, so what passes here parses there too.
    """
    try:
        text = body.decode("utf-8")
        if content_type.startswith("application/json") or text.startswith("{"):
            data = json.loads(text)
        else:
            form = dict(parse_qsl(text, keep_blank_values=True))
            if "payload" in form:
                data = json.loads(form["payload"])
            elif "command" in form or "ssl_check" in form:
                data = form
            else:
                return None
    except (UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


async def read_body(scope: Scope, receive: Receive, *, limit: int) -> bytes | None:
    """The whole body, or None as soon as it is known to be larger than `limit` bytes.

    Content-Length is trusted to refuse early, never to stop early: a chunked body has
    none, and a body is counted as it arrives whatever the header said.
    """
    declared = dict(scope["headers"]).get(b"content-length", b"")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnect
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def event_key(event_id: str) -> str:
    """The guard's dedupe key of an Events API delivery (listeners release it on failure)."""
    return f"slack:event:{event_id}"


def dedupe_key(data: dict[str, Any]) -> str | None:
    """The key naming what this request asks for once: the event id or the trigger id."""
    event_id, trigger_id = data.get("event_id"), data.get("trigger_id")
    if isinstance(event_id, str) and event_id:
        return event_key(event_id)
    if isinstance(trigger_id, str) and trigger_id:
        return TRIGGER + trigger_id
    return None


def reply_urls(data: dict[str, Any]) -> list[str]:
    """The response_url(s) a request carries: secrets for as long as they live."""
    found = [data.get("response_url")]
    listed = data.get("response_urls")
    if isinstance(listed, list):
        found += [u.get("response_url") for u in listed if isinstance(u, dict)]
    return [url for url in found if isinstance(url, str) and url]


class SlackGuard:
    """ASGI middleware in front of `path` (POST): 401 unless signed, 200 if handled already."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        path: str,
        signing_secret: str,
        claim_once: ClaimOnce,
        release: Release | None = None,
        schema_ready: SchemaReady | None = None,
        clock: Callable[[], float] = time.time,
        max_body: int = MAX_BODY_BYTES,
    ) -> None:
        self.app = app
        self.path = path
        self.signing_secret = signing_secret
        self.claim_once = claim_once
        self.release = release
        self.schema_ready = schema_ready
        self.clock = clock
        self.max_body = max_body
        self.triggers = RecentTriggers(lifetime=TOLERANCE_SECONDS)
        # Schemas only move forward: once ready, never asked again (no query per request).
        self._ready = schema_ready is None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        try:
            body = await read_body(scope, receive, limit=self.max_body)
        except ClientDisconnect:
            return  # nobody is left to answer
        if body is None:
            log.warning("refused a request larger than %d bytes", self.max_body)
            too_large = PlainTextResponse("request too large", status_code=413)
            await too_large(scope, receive, send)
            return
        request = Request(scope, receive)
        refusal, key = await self._admit(request, body)
        if refusal is not None:
            await refusal(scope, receive, send)
            return

        async def watched(message: Message) -> None:
            # Released before Slack sees the failure, so its retry cannot arrive first.
            if message["type"] == "http.response.start" and int(message["status"]) >= 500:
                await self._release(key)
            await send(message)

        try:
            await self.app(scope, _replay(body, receive), watched)
        except Exception:
            await self._release(key)
            raise

    async def _admit(self, request: Request, body: bytes) -> tuple[Response | None, str | None]:
        """A refusal (401, 400, 503, or 200 for a duplicate) or the dedupe key claimed."""
        try:
            verify(request.headers, body, signing_secret=self.signing_secret, now=self.clock())
        except SignatureRejected as exc:
            log.warning("refused a Slack request: %s", exc.reason)
            return PlainTextResponse("invalid request signature", status_code=401), None
        data = parse_body(body, content_type=request.headers.get("content-type", ""))
        if data is None:
            log.warning("refused a signed Slack request whose body is not one Slack sends")
            return PlainTextResponse("malformed request body", status_code=400), None
        for url in reply_urls(data):
            remember(url)  # so no log line can carry it, whatever its host
        problem = shape_problem(data)
        if problem is not None:
            log.warning("refused a signed Slack request that is not Slack's shape (%s)", problem)
            return PlainTextResponse("malformed request body", status_code=400), None
        if unreadable_event(data):
            log.warning("acknowledged an event_callback without a readable event")
            return Response(status_code=200), None
        if not self._ready and self.schema_ready is not None:
            self._ready = await self.schema_ready()
            if not self._ready:
                log.warning("refused a Slack request: the database schema is behind this code")
                return PlainTextResponse("not ready", status_code=503), None
        key = dedupe_key(data)
        if key is not None and key.startswith(TRIGGER):
            # Never retried by Slack: only a replay repeats it, refused in memory (replays.py).
            if not self.triggers.first(key):
                log.info("acknowledged a replayed interaction")
                return Response(status_code=200), None
            return None, None
        if key is not None and not await self.claim_once(key):
            log.info("acknowledged a request already handled (%s)", key.split(":")[1])
            return Response(status_code=200), None
        return None, key

    async def _release(self, key: str | None) -> None:
        if key is None or self.release is None:
            return
        try:
            await self.release(key)
        except Exception:  # the database may be what failed; Slack's retry may then be lost
            log.warning("could not release the claim of a failed request")
        else:
            log.info("released the claim of a failed request; Slack's retry will run")


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands the already-read body to the app, then waits as before."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def middleware(services: Services, *, path: str) -> Middleware:
    """The guard as Starlette middleware, keyed on the app's signing secret and storage."""
    return Middleware(
        SlackGuard,
        path=path,
        signing_secret=services.settings.secret(services.settings.slack_signing_secret) or "",
        claim_once=services.storage.claim_once,
        release=services.storage.release,
        schema_ready=services.storage.schema_is_ready,
    )
