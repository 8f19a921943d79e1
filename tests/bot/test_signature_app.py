"""The real app behind its guard: bad signatures are 401 and run nothing; replays run once."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import httpx
import pytest

from bot.settings import Settings
from bot.storage import upgrade
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


@pytest.mark.parametrize(
    ("body", "content_type"),
    [(b"[1, 2]", "application/json"), (b"{not json", "application/json"),
     (b"payload=%7Bbad", FORM), (b"text=lunch", FORM)],
)  # fmt: skip
def test_a_signed_malformed_body_is_400_not_a_crash(
    quickcal: Quickcal, slack: FakeSlack, body: bytes, content_type: str
) -> None:
    assert quickcal.post(body, content_type=content_type).status_code == 400
    quickcal.command("coffee tomorrow 9am")  # the app goes on serving
    slack.wait_for("response_url")


def test_a_database_behind_the_code_refuses_slack_with_503(
    settings: Settings, slack: FakeSlack, tmp_path: Path
) -> None:
    # A new release started before `python -m bot.storage upgrade` ran (N instances).
    url = f"sqlite+aiosqlite:///{tmp_path / 'behind.db'}"
    behind = settings.model_copy(update={"database_url": url, "migrate_on_start": False})
    app = Quickcal(behind, slack).start()
    try:
        body = command(slack, "too-early")
        assert app.post(body, content_type=FORM).status_code == 503  # Slack retries later
        assert app.http.get(f"{app.url}/readyz").status_code == 503
        upgrade(url)
        assert app.http.get(f"{app.url}/readyz").status_code == 200
        assert app.post(body, content_type=FORM).status_code == 200
        slack.wait_for("response_url", lambda c: c.args["key"] == "too-early")
        # The next release migrated again (expand only): this instance stays ready.
        with sqlite3.connect(tmp_path / "behind.db") as connection:
            connection.execute("UPDATE alembic_version SET version_num = 'f00d'")
        assert app.http.get(f"{app.url}/readyz").status_code == 200
        quickcal_again = command(slack, "after-expand")
        assert app.post(quickcal_again, content_type=FORM).status_code == 200
        slack.wait_for("response_url", lambda c: c.args["key"] == "after-expand")
    finally:
        app.stop()
        app.http.close()
