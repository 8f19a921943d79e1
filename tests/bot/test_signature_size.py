"""The size cap in front of `/slack/events`: what Slack can send gets through, more is a 413
before the body is read in full (declared or counted), with no Bolt involved."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from urllib.parse import urlencode

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route

from bot.signature import MAX_BODY_BYTES, SlackGuard
from tests.bot import slack_requests as shapes
from tests.bot.conftest import ALICE, CHANNEL, Quickcal
from tests.bot.test_signature import EVENT, SECRET, Harness, headers_for, post
from tests.fakes.server import LiveServer, serve
from tests.fakes.slack import FakeSlack

FORM = "application/x-www-form-urlencoded"


def test_the_largest_message_slack_sends_gets_through(quickcal: Quickcal, slack: FakeSlack) -> None:
    # 40,000 characters of CJK (9 bytes each once form-encoded), as text and again in blocks.
    text = "会" * 40_000
    payload = shapes.message_shortcut(
        user=ALICE, channel=CHANNEL, message_text=text, message_user=ALICE,
        message_ts="1700000000.000100", response_url=slack.response_url("largest"),
    )  # fmt: skip
    payload["message"]["blocks"] = [
        {"type": "rich_text", "block_id": "b1", "elements": [
            {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}]}
    ]  # fmt: skip
    body = urlencode({"payload": json.dumps(payload, ensure_ascii=False)}).encode()
    assert 700_000 < len(body) <= MAX_BODY_BYTES
    assert quickcal.post(body, content_type=FORM).status_code == 200
    slack.wait_for("response_url", lambda c: c.args["key"] == "largest")


def test_a_chunked_body_is_counted_as_it_arrives(quickcal: Quickcal) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(64):
            yield b"x" * (32 * 1024)  # 2 MiB in all, with no Content-Length

    response = quickcal.http.post(
        f"{quickcal.url}/slack/events", content=chunks(), headers={"Content-Type": FORM}
    )
    assert response.status_code == 413


def test_a_declared_size_too_large_is_refused_before_the_body(quickcal: Quickcal) -> None:
    # Only the headers are sent: the answer cannot have waited for the body.
    host, port = quickcal.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: quickcal\r\n"
            b"Content-Type: application/json\r\nContent-Length: 50000000\r\n\r\n"
        )
        answer = b""
        while b"\r\n" not in answer:  # bounded by the socket's timeout
            answer += sock.recv(64) or b"\r\n"
    status_line = answer.split(b"\r\n")[0]
    assert status_line == b"HTTP/1.1 413 Request Entity Too Large"


# -- the guard alone, with a small cap: refused before it reads it all, whatever the signature
SMALL_CAP = 1000


@pytest.fixture
def harness() -> Harness:
    return Harness()


@pytest.fixture
def capped(harness: Harness) -> Iterator[LiveServer]:
    guard = Middleware(
        SlackGuard,
        path="/slack/events",
        signing_secret=SECRET,
        claim_once=harness.claim_once,
        max_body=SMALL_CAP,
    )
    app = Starlette(routes=[Route("/slack/events", harness.endpoint, methods=["POST"])],
                    middleware=[guard])  # fmt: skip
    with serve(app) as live:
        yield live


@pytest.mark.parametrize(("size", "status"), [(SMALL_CAP, 200), (SMALL_CAP + 1, 413)])
def test_the_cap_is_on_the_body_size(
    capped: LiveServer, harness: Harness, size: int, status: int
) -> None:
    padding = size - len(EVENT.replace('"x"}', '"x", "pad": ""}'))
    body = EVENT.replace('"x"}', '"x", "pad": "' + "p" * padding + '"}')
    assert len(body) == size
    assert post(capped, body, headers_for(body)) == status
    assert len(harness.ran) == (1 if status == 200 else 0)


def test_a_chunked_body_over_the_cap_is_413(capped: LiveServer, harness: Harness) -> None:
    def chunks() -> Iterator[bytes]:
        yield from (b"{" + b" " * 300, b" " * 300, b" " * 300, b" " * 300 + b"}")

    response = httpx.post(capped.url + "/slack/events", content=chunks(),
                          headers={"Content-Type": "application/json"})  # fmt: skip
    assert response.status_code == 413
    assert harness.ran == []


def test_a_chunked_body_under_the_cap_is_read_whole(capped: LiveServer, harness: Harness) -> None:
    headers = headers_for(EVENT)
    pieces = [EVENT[:10].encode(), EVENT[10:20].encode(), EVENT[20:].encode()]
    response = httpx.post(capped.url + "/slack/events", content=iter(pieces),
                          headers={"Content-Type": "application/json", **headers})  # fmt: skip
    assert response.status_code == 200
    assert harness.ran == [EVENT.encode()]
