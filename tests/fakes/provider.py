"""What every fake calendar server shares: recording, bearer checks, injected faults.

A fake is a real HTTP server on 127.0.0.1 (uvicorn in a thread, see `server.py`):

    with FakeGoogle() as google:                 # or .start() / .stop()
        token = google.oauth.issue("alice@example.com")
        settings = ProviderSettings(**google.env())   # every base URL points here
        ...
        assert len(google.events) == 1            # live (not deleted) events, as stored
        google.requests[-1].json                  # every request, in arrival order
        google.fail_next(429, retry_after=2)      # next API request answers 429
        google.fail_next(403, reason="rateLimitExceeded")   # Google's quota 403
        google.reset_next()                       # do the work, then drop the connection
        google.slow_next(5.0)                     # wait before answering (client timeouts)
        stall = google.stall_next(30.0)           # do the work, then keep the answer back:
        stall.done.wait(10)                       #   the event is stored, no answer yet
        google.expire_tokens()                    # every access token now answers 401

Faults hit API paths (under `api_prefix`) unless `path=` names another one
(e.g. `fail_next(503, path="/token")`). Request bodies that break the published
contract are answered 400 with the provider's own error shape and kept in
`contract_violations`.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Self

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute
from starlette.types import Message, Receive, Scope, Send

from tests.fakes.faults import STATUS_WORDS, Fault, Stall, handle_then_drop, handle_then_stall
from tests.fakes.oauth import FakeOAuth
from tests.fakes.server import LiveServer


@dataclass(frozen=True)
class RecordedRequest:
    """One request as it arrived; `at` is `time.monotonic()` on arrival."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    at: float

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class FakeProvider:
    """Base of FakeGoogle, FakeGraph and FakeLineWorks; see the module docstring."""

    oauth: FakeOAuth
    api_prefix: str = ""
    requests: list[RecordedRequest] = field(default_factory=list)
    contract_violations: list[str] = field(default_factory=list)
    store: dict[str, dict[str, Any]] = field(default_factory=dict)  # event id -> resource
    _faults: list[Fault] = field(default_factory=list)
    _stalls: list[Stall] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: LiveServer | None = None

    # ---- lifecycle -----------------------------------------------------
    def start(self) -> Self:
        app = Starlette(routes=[*self.oauth.routes(), *self.routes()])
        self._server = LiveServer(self._wrap(app)).start()
        return self

    def stop(self) -> None:
        for stall in self._stalls:
            stall.release.set()  # nothing held keeps the server from stopping
        if self._server:
            self._server.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """The server's origin, e.g. http://127.0.0.1:53211 (no trailing slash)."""
        if self._server is None:
            raise RuntimeError("start() the fake first")
        return self._server.url

    @property
    def api_url(self) -> str:
        return self.url + self.api_prefix

    # ---- what tests read -----------------------------------------------
    @property
    def events(self) -> list[dict[str, Any]]:
        """The live events, as the provider would return them."""
        return list(self.store.values())

    def api_requests(self, method: str | None = None) -> list[RecordedRequest]:
        """Requests under the API prefix (not OAuth), optionally of one method."""
        return [
            r
            for r in self.requests
            if r.path.startswith(self.api_prefix) and method in (None, r.method)
        ]

    # ---- test controls -------------------------------------------------
    def fail_next(
        self,
        status: int,
        *,
        retry_after: float | None = None,
        times: int = 1,
        reason: str | None = None,
        path: str | None = None,
    ) -> None:
        """Answer the next `times` matching requests with `status` (and Retry-After)."""
        self._add(Fault("status", times, path, status, retry_after, reason))

    def reset_next(self, *, times: int = 1, path: str | None = None) -> None:
        """Handle the request (so an event IS created), then drop the connection mid-answer."""
        self._add(Fault("reset", times, path))

    def slow_next(self, seconds: float, *, times: int = 1, path: str | None = None) -> None:
        """Wait `seconds` before handling the request."""
        self._add(Fault("slow", times, path, seconds=seconds))

    def stall_next(self, seconds: float, *, path: str | None = None) -> Stall:
        """Handle the next request (so an event IS created), then keep its answer back for
        `seconds` or until `stall.release` is set; `stall.done` is set once it is handled."""
        stall = Stall(seconds)
        self._stalls.append(stall)
        self._add(Fault("stall", 1, path, seconds=seconds, stall=stall))
        return stall

    def expire_tokens(self) -> None:
        self.oauth.expire_tokens()

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def reset(self) -> None:
        """Forget events, requests, faults and violations (for a fake shared by several tests)."""
        self.clear_faults()
        self.store.clear()
        self.requests.clear()
        self.contract_violations.clear()

    # ---- for subclasses --------------------------------------------------
    def routes(self) -> list[BaseRoute]:
        raise NotImplementedError

    def env(self) -> dict[str, str]:
        """Environment for ProviderSettings pointing every URL of this provider here."""
        raise NotImplementedError

    def error(self, status: int, message: str, *, reason: str | None = None) -> Response:
        """An error in the provider's own shape."""
        raise NotImplementedError

    def account(self, request: Request) -> str | None:
        """The account of a valid `Authorization: Bearer` token this fake issued, else None."""
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        return self.oauth.account_for(token)

    def unauthorized(self) -> Response:
        return self.error(401, "Invalid Credentials", reason="authError")

    def check_contract(self, problems: list[str]) -> Response | None:
        """A 400 naming the first broken rule, or None when the body conforms."""
        if not problems:
            return None
        self.contract_violations.extend(problems)
        return self.error(400, problems[0][:300], reason="invalid")

    # ---- machinery -------------------------------------------------------
    def _add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def _take(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                hit = path.startswith(self.api_prefix) if fault.path is None else fault.path in path
                if hit:
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def _wrap(self, app: Starlette) -> Any:
        async def recorded(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            body = b""
            more = True
            while more:
                message = await receive()
                body += message.get("body", b"")
                more = message.get("more_body", False)
            self.requests.append(
                RecordedRequest(
                    method=scope["method"],
                    path=scope["path"],
                    query=dict(Request(scope).query_params),
                    headers={k.decode().lower(): v.decode() for k, v in scope["headers"]},
                    body=body,
                    at=time.monotonic(),
                )
            )

            async def replay() -> Message:
                return {"type": "http.request", "body": body, "more_body": False}

            fault = self._take(scope["path"])
            if fault is None:
                await app(scope, replay, send)
            elif fault.kind == "slow":
                await asyncio.sleep(fault.seconds)
                await app(scope, replay, send)
            elif fault.kind == "reset":
                await handle_then_drop(app, scope, replay, send)
            elif fault.kind == "stall" and fault.stall is not None:
                await handle_then_stall(app, scope, replay, send, stall=fault.stall)
            else:
                await self._fail(fault)(scope, replay, send)

        return recorded

    def _fail(self, fault: Fault) -> Response:
        response = self.error(
            fault.status, STATUS_WORDS.get(fault.status, "Error"), reason=fault.reason
        )
        if fault.retry_after is not None:
            seconds = fault.retry_after
            response.headers["Retry-After"] = (
                str(int(seconds)) if seconds == int(seconds) else str(seconds)
            )
        return response


def json_error(status: int, body: dict[str, Any]) -> JSONResponse:
    return JSONResponse(body, status_code=status)
