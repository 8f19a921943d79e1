"""The real app behind its guard: bad signatures are 401 and run nothing; replays run once."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.bot import slack_requests as shapes
from tests.bot.conftest import ALICE, CHANNEL, SIGNING_SECRET, Quickcal
from tests.fakes.slack import FakeSlack

FORM = "application/x-www-form-urlencoded"


def command(slack: FakeSlack, key: str) -> bytes:
    return shapes.command_body(
        "lunch friday noon", user=ALICE, channel=CHANNEL, response_url=slack.response_url(key)
    )


def bad_headers(case: str, body: bytes) -> dict[str, str]:
    good = shapes.signed_headers(SIGNING_SECRET, body, content_type=FORM)
    now = int(time.time())
    return {
        "non-numeric timestamp": {**good, "X-Slack-Request-Timestamp": "now"},
        "fractional timestamp": {**good, "X-Slack-Request-Timestamp": f"{now}.25"},
        "stale": shapes.signed_headers(SIGNING_SECRET, body, content_type=FORM, at=now - 600),
        "wrong secret": shapes.signed_headers("not-the-secret", body, content_type=FORM),
        "missing signature": {k: v for k, v in good.items() if k != "X-Slack-Signature"},
    }[case]


CASES = ["non-numeric timestamp", "fractional timestamp", "stale", "wrong secret",
         "missing signature"]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_a_bad_signature_is_401_and_runs_no_listener(
    quickcal: Quickcal, slack: FakeSlack, case: str
) -> None:
    body = command(slack, "forged")
    response = httpx.post(f"{quickcal.url}/slack/events", content=body,
                          headers=bad_headers(case, body))  # fmt: skip
    assert response.status_code == 401
    # A good request afterwards is answered; the forged one left no trace before it.
    quickcal.command("coffee tomorrow 9am")
    slack.wait_for("response_url")
    assert slack.calls_to("response_url", lambda c: c.args["key"] == "forged") == []


def test_a_tampered_body_is_401(quickcal: Quickcal, slack: FakeSlack) -> None:
    body = command(slack, "tampered")
    headers = shapes.signed_headers(SIGNING_SECRET, body, content_type=FORM)
    tampered = body.replace(b"lunch", b"brunch")
    response = httpx.post(f"{quickcal.url}/slack/events", content=tampered, headers=headers)
    assert response.status_code == 401


def test_a_replayed_command_makes_one_draft(quickcal: Quickcal, slack: FakeSlack) -> None:
    body = command(slack, "replayed")
    headers = shapes.signed_headers(SIGNING_SECRET, body, content_type=FORM)
    for _ in range(2):
        sent = httpx.post(f"{quickcal.url}/slack/events", content=body, headers=headers)
        assert sent.status_code == 200
    slack.wait_for("response_url", lambda c: c.args["key"] == "replayed")
    quickcal.command("coffee tomorrow 9am")  # a later request, fully answered
    slack.wait_for("response_url", lambda c: c.args["key"] != "replayed")
    assert len(slack.calls_to("response_url", lambda c: c.args["key"] == "replayed")) == 1
