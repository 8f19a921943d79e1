"""The fake Slack holds calls to the contract: a test against it can fail for the right reasons."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from tests.fakes.slack import FakeSlack

SECTION = {"type": "section", "text": {"type": "mrkdwn", "text": "hi"}}


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as slack:
        slack.add_user(
            "U1", name="ana", real_name="Ana Diaz", email="ana@example.com", tz="Asia/Tokyo"
        )
        yield slack


def client(fake: FakeSlack, token: str | None = None) -> AsyncWebClient:
    return AsyncWebClient(token=token or fake.token, base_url=fake.api_url)


async def refused(fake: FakeSlack, method: str, **args: Any) -> str:
    with pytest.raises(SlackApiError) as caught:
        await client(fake).api_call(method, json=args)
    return str(caught.value.response["error"])


async def test_well_formed_calls_are_served(fake: FakeSlack) -> None:
    posted = await client(fake).chat_postMessage(channel="C1", text="hi", blocks=[SECTION])
    assert posted["ok"]
    assert posted["ts"]
    user = await client(fake).users_info(user="U1")
    assert user["user"]["tz"] == "Asia/Tokyo"
    assert user["user"]["tz_offset"] == 9 * 3600
    assert user["user"]["profile"]["email"] == "ana@example.com"
    dm = await client(fake).conversations_open(users="U1")
    assert dm["channel"]["id"] == "DU1"
    assert fake.violations == []
    assert [c.method for c in fake.calls] == [
        "chat.postMessage",
        "users.info",
        "conversations.open",
    ]


async def test_blocks_without_fallback_text_break_the_contract(fake: FakeSlack) -> None:
    assert await refused(fake, "chat.postMessage", channel="C1", blocks=[SECTION]) == (
        "invalid_arguments"
    )
    assert fake.violations == ["chat.postMessage: a message with blocks needs fallback text"]


@pytest.mark.parametrize(
    ("method", "args", "problem"),
    [
        ("chat.postEphemeral", {"channel": "C1", "text": "x"}, "missing user"),
        ("chat.postMessage", {"text": "x"}, "missing channel"),
        ("chat.postMessage", {"channel": "C", "text": "x", "blocks": [SECTION] * 51}, "51 blocks"),
        (
            "chat.postMessage",
            {
                "channel": "C",
                "text": "x",
                "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}],
            },
            "3001 characters",
        ),
        (
            "views.open",
            {
                "trigger_id": "t",
                "view": {
                    "type": "modal",
                    "title": {"type": "plain_text", "text": "x" * 25},
                    "blocks": [],
                },
            },
            "view.title",
        ),
        (
            "views.open",
            {"view": {"type": "modal", "title": {"type": "plain_text", "text": "x"}, "blocks": []}},
            "missing one of trigger_id",
        ),
    ],
)
async def test_contract_breaks_are_recorded(
    fake: FakeSlack, method: str, args: dict[str, Any], problem: str
) -> None:
    assert await refused(fake, method, **args) == "invalid_arguments"
    assert any(problem in v for v in fake.violations), fake.violations


async def test_a_wrong_token_is_refused(fake: FakeSlack) -> None:
    with pytest.raises(SlackApiError) as caught:
        await client(fake, "xoxb-wrong").chat_postMessage(channel="C1", text="x")
    assert caught.value.response["error"] == "invalid_auth"


async def test_injected_failures(fake: FakeSlack) -> None:
    fake.fail_next("chat.postMessage", "channel_not_found")
    with pytest.raises(SlackApiError):
        await client(fake).chat_postMessage(channel="C1", text="x")
    assert (await client(fake).chat_postMessage(channel="C1", text="x"))["ok"]
