"""The workspace directory: one users.list walk per team at a time, never one for all teams."""

from __future__ import annotations

import asyncio

from slack_sdk.web.async_client import AsyncWebClient

from bot.directory import Directory
from tests.fakes.slack import FakeSlack


def client_of(slack: FakeSlack) -> AsyncWebClient:
    return AsyncWebClient(token=slack.token, base_url=slack.api_url)


async def test_a_slow_team_never_holds_up_another() -> None:
    with FakeSlack(team_id="T0SLOW") as slow, FakeSlack(team_id="T0QUICK") as quick:
        slow.add_user("U0S", name="sol", email="sol@example.com")
        quick.add_user("U0Q", name="quinn", email="quinn@example.com")
        directory = Directory()
        hold = slow.hold_next("users.list")
        walking = asyncio.create_task(directory.members(client_of(slow), "T0SLOW"))
        assert await asyncio.to_thread(hold.arrived.wait, 10.0)
        # Bounded only so a regression fails instead of hanging: the answer needs no wait.
        other = await asyncio.wait_for(directory.members(client_of(quick), "T0QUICK"), 10.0)
        assert [m.id for m in other] == ["U0Q"]
        assert not walking.done()
        hold.release.set()
        assert [m.id for m in await walking] == ["U0S"]
        assert directory.cached("T0SLOW") is not None


async def test_members_are_kept_per_team() -> None:
    with FakeSlack() as slack:
        slack.add_user("U0A", name="ana", email="Ana@Example.com")
        directory = Directory()
        client = client_of(slack)
        assert directory.cached("T0QUICK") is None
        await directory.members(client, "T0QUICK")
        by_email = await directory.by_email(client, "T0QUICK")
        assert list(by_email) == ["ana@example.com"]
        assert len(slack.calls_to("users.list")) == 1  # the second read came from memory
