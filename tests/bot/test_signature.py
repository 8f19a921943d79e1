"""The /slack/events guard over real HTTP: the signature matrix, replays and retries."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from urllib.parse import urlencode

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.signature import (
    SignatureRejected,
    SlackGuard,
    dedupe_key,
    parse_body,
    reply_urls,
    verify,
)
from tests.fakes.server import LiveServer, serve

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
EVENT = json.dumps({"type": "event_callback", "event_id": "Ev01", "event": {"type": "x"}})


def sign(body: str, timestamp: str, secret: str = SECRET) -> str:
    mac = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256)
    return "v0=" + mac.hexdigest()


class Harness:
    """A Starlette app whose one endpoint counts the requests that got through the guard."""

    def __init__(self) -> None:
        self.ran: list[bytes] = []
        self.claimed: set[str] = set()
        self.failures: list[int | None] = []  # next handlings: a status, or None to raise
        self.schema_ready = True

    async def endpoint(self, request: Request) -> Response:
        self.ran.append(await request.body())
        if self.failures:
            status = self.failures.pop(0)
            if status is None:
                raise RuntimeError("the handler crashed")
            return Response("failed", status_code=status)
        return Response("handled", status_code=200)

    async def claim_once(self, key: str) -> bool:
        if key in self.claimed:
            return False
        self.claimed.add(key)
        return True

    async def release(self, key: str) -> None:
        self.claimed.discard(key)

    async def is_ready(self) -> bool:
        return self.schema_ready

    def app(self) -> Starlette:
        guard = Middleware(
            SlackGuard,
            path="/slack/events",
            signing_secret=SECRET,
            claim_once=self.claim_once,
            release=self.release,
            schema_ready=self.is_ready,
        )
        routes = [
            Route("/slack/events", self.endpoint, methods=["POST"]),
            Route("/other", self.endpoint, methods=["POST"]),
        ]
        return Starlette(routes=routes, middleware=[guard])


@pytest.fixture
def harness() -> Harness:
    return Harness()


@pytest.fixture
def server(harness: Harness) -> Iterator[LiveServer]:
    with serve(harness.app()) as live:
        yield live


def post(server: LiveServer, body: str, headers: dict[str, str], *, form: bool = False) -> int:
    kind = "application/x-www-form-urlencoded" if form else "application/json"
    response = httpx.post(
        server.url + "/slack/events",
        content=body.encode(),
        headers={"Content-Type": kind, **headers},
    )
    return response.status_code


def now() -> str:
    return str(int(time.time()))


def headers_for(body: str, ts: str | None = None, sig: str | None = None) -> dict[str, str]:
    ts = now() if ts is None else ts
    return {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": sign(body, ts) if sig is None else sig,
    }


def _bad_cases(ts: str) -> dict[str, dict[str, str]]:
    good = sign(EVENT, ts)
    # Well past the five minutes: `ts` is truncated to the second, and the guard reads its
    # clock later, on a machine that may be busy (301 s was refused only most of the time).
    old = str(int(ts) - 330)
    future = str(int(ts) + 330)

    def pair(timestamp: str, signature: str) -> dict[str, str]:
        return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature}

    cases = [
        ("no headers", {}),
        ("no signature", {"X-Slack-Request-Timestamp": ts}),
        ("no timestamp", {"X-Slack-Signature": good}),
        ("non-numeric timestamp", pair("soon", good)),
        ("fractional timestamp", pair(f"{ts}.5", good)),
        ("negative timestamp", pair(f"-{ts}", good)),
        ("plus-signed timestamp", pair(f"+{ts}", good)),
        ("hex timestamp", pair(hex(int(ts)), good)),
        ("huge timestamp", pair("9" * 40, good)),
        ("empty timestamp", pair("", good)),
        ("too old", pair(old, sign(EVENT, old))),
        ("future", pair(future, sign(EVENT, future))),
        ("empty signature", pair(ts, "")),
        ("no v0 prefix", pair(ts, good[3:])),
        ("v1 scheme", pair(ts, "v1" + good[2:])),
        ("upper-case hex", pair(ts, good.upper())),
        ("truncated", pair(ts, good[:-2])),
        ("other secret", pair(ts, sign(EVENT, ts, "other"))),
        ("signed for another timestamp", pair(str(int(ts) - 1), good)),
        ("tampered body", pair(ts, sign(EVENT + " ", ts))),
    ]
    return dict(cases)


@pytest.mark.parametrize("case", sorted(_bad_cases("1700000000")))
def test_every_malformed_signature_is_401_and_runs_nothing(
    server: LiveServer, harness: Harness, case: str
) -> None:
    assert post(server, EVENT, _bad_cases(now())[case]) == 401, case
    assert harness.ran == []
    assert harness.claimed == set()  # a forged request cannot burn a real event's key


USER = {"id": "U1", "name": "ann", "team_id": "T1"}
COMMAND = (
    "command=%2Fevent&text=&team_id=T1&user_id=U1&response_url=https%3A%2F%2Fh%2F1&trigger_id="
)
CLICK = {"type": "block_actions", "user": USER, "actions": [{"action_id": "a", "value": "v"}]}


def interaction(payload: dict[str, object]) -> str:
    return urlencode({"payload": json.dumps(payload)})


# Correctly signed, yet none of the shapes Slack sends: Bolt would answer 500.
MALFORMED = {
    "json array": ("[1, 2]", "application/json"),
    "broken json": ("{not json", "application/json"),
    "json string": ('"event"', "application/json"),
    "json null": ("null", "application/json"),
    "empty json body": ("", "application/json"),
    "broken payload": ("payload=%7Bbad", "application/x-www-form-urlencoded"),
    "payload array": ("payload=%5B1%5D", "application/x-www-form-urlencoded"),
    "payload not json": ("payload=hello", "application/x-www-form-urlencoded"),
    "form without command": ("text=lunch&user_id=U1", "application/x-www-form-urlencoded"),
    "empty form": ("", "application/x-www-form-urlencoded"),
    "brace body as form": ("{oops", "application/x-www-form-urlencoded"),
    "interaction without type": (interaction({"user": USER}), "application/x-www-form-urlencoded"),
    "click without actions": (
        interaction({**CLICK, "actions": []}), "application/x-www-form-urlencoded"
    ),
    "command without user": (
        "command=%2Fevent&team_id=T1&response_url=https%3A%2F%2Fh%2F1",
        "application/x-www-form-urlencoded",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_signed_malformed_body_is_400_and_runs_nothing(
    server: LiveServer, harness: Harness, case: str
) -> None:
    body, content_type = MALFORMED[case]
    response = httpx.post(
        server.url + "/slack/events",
        content=body.encode(),
        headers={"Content-Type": content_type, **headers_for(body)},
    )
    assert response.status_code == 400, case
    assert harness.ran == []
    assert harness.claimed == set()


WELL_FORMED = {
    "event": (EVENT, "application/json; charset=utf-8"),
    "url verification": ('{"type": "url_verification", "challenge": "c"}', "application/json"),
    "command": (COMMAND + "1.2.c", "application/x-www-form-urlencoded"),
    "command without channel or text": (
        "command=%2Fevent&team_id=T1&user_id=U1&response_url=https%3A%2F%2Fh%2F1",
        "application/x-www-form-urlencoded",
    ),
    "ssl check": ("ssl_check=1&token=t", "application/x-www-form-urlencoded"),
    "interaction": (
        interaction({**CLICK, "trigger_id": "3.4.d"}), "application/x-www-form-urlencoded"
    ),
    "view closed": (
        interaction({"type": "view_closed", "user": USER, "view": {"callback_id": "m"}}),
        "application/x-www-form-urlencoded",
    ),
    "another kind of interaction": (
        interaction({"type": "interactive_message", "callback_id": "c"}),
        "application/x-www-form-urlencoded",
    ),
}


@pytest.mark.parametrize("case", sorted(WELL_FORMED))
def test_every_shape_slack_sends_gets_through(
    server: LiveServer, harness: Harness, case: str
) -> None:
    body, content_type = WELL_FORMED[case]
    response = httpx.post(
        server.url + "/slack/events",
        content=body.encode(),
        headers={"Content-Type": content_type, **headers_for(body)},
    )
    assert response.status_code == 200, case
    assert harness.ran == [body.encode()]


@pytest.mark.parametrize("failure", [500, 503, None], ids=["500", "503", "crash"])
def test_a_failed_handling_frees_the_retry(
    server: LiveServer, harness: Harness, failure: int | None
) -> None:
    harness.failures.append(failure)
    # A crash reaches Slack as Starlette's 500, from outside the guard.
    assert post(server, EVENT, headers_for(EVENT)) == (failure or 500)
    assert harness.claimed == set()  # released: Slack's retry is not mistaken for a replay
    retry = {**headers_for(EVENT), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
    assert post(server, EVENT, retry) == 200
    assert post(server, EVENT, {**retry, "X-Slack-Retry-Num": "2"}) == 200
    assert len(harness.ran) == 2  # the failed one, then the retry; the third was a duplicate


def test_a_database_behind_the_code_is_503_until_upgraded(
    server: LiveServer, harness: Harness
) -> None:
    harness.schema_ready = False
    assert post(server, EVENT, headers_for(EVENT)) == 503
    assert harness.ran == []
    assert harness.claimed == set()  # Slack's retry after the upgrade is handled
    assert post(server, EVENT, headers_for(EVENT)) == 503
    harness.schema_ready = True
    assert post(server, EVENT, headers_for(EVENT)) == 200
    assert harness.ran == [EVENT.encode()]


def test_a_good_signature_reaches_the_endpoint(server: LiveServer, harness: Harness) -> None:
    assert post(server, EVENT, headers_for(EVENT)) == 200
    assert harness.ran == [EVENT.encode()]


def test_other_paths_are_not_guarded(server: LiveServer, harness: Harness) -> None:
    assert httpx.post(server.url + "/other", content=b"x").status_code == 200
    assert harness.ran == [b"x"]


def test_non_utf8_body_is_401(server: LiveServer, harness: Harness) -> None:
    body = b"\xff\xfe"
    ts = now()
    mac = hmac.new(SECRET.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    response = httpx.post(
        server.url + "/slack/events",
        content=body,
        headers={"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=" + mac},
    )
    assert response.status_code == 401
    assert harness.ran == []


def test_a_replay_is_acknowledged_and_does_nothing(server: LiveServer, harness: Harness) -> None:
    headers = headers_for(EVENT)
    assert post(server, EVENT, headers) == 200
    assert post(server, EVENT, headers) == 200
    assert len(harness.ran) == 1


def test_a_slack_retry_of_a_handled_event_does_nothing(
    server: LiveServer, harness: Harness
) -> None:
    assert post(server, EVENT, headers_for(EVENT)) == 200
    retry = {**headers_for(EVENT), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "timeout"}
    assert post(server, EVENT, retry) == 200
    assert len(harness.ran) == 1


def test_two_different_events_both_run(server: LiveServer, harness: Harness) -> None:
    other = EVENT.replace("Ev01", "Ev02")
    assert post(server, EVENT, headers_for(EVENT)) == 200
    assert post(server, other, headers_for(other)) == 200
    assert len(harness.ran) == 2


def test_a_replayed_interaction_is_dropped_by_trigger_id(
    server: LiveServer, harness: Harness
) -> None:
    body = interaction({**CLICK, "trigger_id": "123.456.abc"})
    headers = headers_for(body)
    assert post(server, body, headers, form=True) == 200
    assert post(server, body, headers, form=True) == 200
    assert len(harness.ran) == 1


DEDUPE_KEYS = [
    (EVENT, "application/json", "slack:event:Ev01"),
    ('{"type": "url_verification", "challenge": "c"}', "application/json", None),
    (COMMAND + "9.9.z", "application/x-www-form-urlencoded", "slack:trigger:9.9.z"),
    (urlencode({"payload": json.dumps({"type": "view_submission", "trigger_id": "1.2.q"})}),
     "application/x-www-form-urlencoded", "slack:trigger:1.2.q"),
    (urlencode({"payload": "not json"}), "application/x-www-form-urlencoded", None),
    ("[1, 2]", "application/json", None),
    ("{broken", "application/json", None),
]


@pytest.mark.parametrize(("body", "content_type", "key"), DEDUPE_KEYS)
def test_dedupe_key(body: str, content_type: str, key: str | None) -> None:
    assert dedupe_key(parse_body(body.encode(), content_type=content_type) or {}) == key


def test_reply_urls_are_found_in_commands_and_payloads() -> None:
    command = parse_body(b"command=%2Fevent&response_url=https%3A%2F%2Fh%2F1", content_type="")
    assert command is not None
    assert reply_urls(command) == ["https://h/1"]
    view = {"response_urls": [{"response_url": "https://h/2", "channel_id": "C1"}]}
    assert reply_urls(view) == ["https://h/2"]


def test_without_a_signing_secret_nothing_is_accepted() -> None:
    ts = now()
    headers = {"x-slack-request-timestamp": ts, "x-slack-signature": sign(EVENT, ts, " ")}
    with pytest.raises(SignatureRejected):
        verify(headers, EVENT.encode(), signing_secret="", now=float(ts))


def test_an_event_callback_without_a_readable_event_is_acknowledged(
    server: LiveServer, harness: Harness
) -> None:
    for event in (None, "message", {"text": "no type"}):
        body = json.dumps({"type": "event_callback", "event_id": f"Ev{event!s}", "event": event})
        assert post(server, body, headers_for(body)) == 200
    assert harness.ran == []  # nothing to do, and no reason for Slack to send them again
