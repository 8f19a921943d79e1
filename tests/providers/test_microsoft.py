"""Outlook video meetings: the service the target calendar allows, or Unsupported before sending."""

from __future__ import annotations

import httpx
import pytest

from providers.errors import Unsupported
from tests.fakes.graph import FakeGraph, GraphAccount
from tests.providers.conftest import ACCOUNT, link
from tests.providers.drafts import ALL, KEY

TEAM = "AAMkAGViNDU7zAAAAAGtlAAA="


def account(*providers: str) -> GraphAccount:
    return GraphAccount("MeganB@contoso.com", calendars={TEAM: "Team"}, meeting_providers=providers)


@pytest.mark.parametrize(
    ("allowed", "sent"),
    [
        (("teamsForBusiness",), "teamsForBusiness"),
        (("skypeForConsumer",), "skypeForConsumer"),  # a personal (outlook.com) account
        (("skypeForBusiness", "teamsForBusiness"), "skypeForBusiness"),  # its default first
    ],
)
@pytest.mark.parametrize("calendar_id", [None, TEAM])
async def test_the_meeting_uses_the_service_the_calendar_allows(
    http: httpx.AsyncClient, allowed: tuple[str, ...], sent: str, calendar_id: str | None
) -> None:
    with FakeGraph(accounts=[account(*allowed)]) as graph:
        linked = await link("microsoft", graph, http)
        created = await linked.calendar.create(
            ALL["meeting"], account=ACCOUNT, calendar_id=calendar_id, idempotency_key=KEY
        )
        [read] = graph.api_requests("GET")
        assert read.path == (f"/v1.0/me/calendars/{TEAM}" if calendar_id else "/v1.0/me/calendar")
        [post] = graph.api_requests("POST")
        assert post.json["isOnlineMeeting"] is True
        assert post.json["onlineMeetingProvider"] == sent
        assert created.meeting_link is not None
        assert graph.contract_violations == []


async def test_a_calendar_that_allows_no_meeting_is_refused_before_sending(
    http: httpx.AsyncClient,
) -> None:
    with FakeGraph(accounts=[account()]) as graph:
        linked = await link("microsoft", graph, http)
        with pytest.raises(Unsupported) as caught:
            await linked.calendar.create(
                ALL["meeting"], account=ACCOUNT, calendar_id=None, idempotency_key=KEY
            )
        assert caught.value.fields == ("online_meeting",)
        assert "cannot host online meetings" in caught.value.message
        assert graph.api_requests("POST") == []
        assert graph.events == []


async def test_an_event_without_a_meeting_reads_no_calendar(
    graph: FakeGraph, http: httpx.AsyncClient
) -> None:
    linked = await link("microsoft", graph, http)
    await linked.calendar.create(
        ALL["timed"], account=ACCOUNT, calendar_id=None, idempotency_key=KEY
    )
    assert graph.api_requests("GET") == []
    assert "onlineMeetingProvider" not in graph.api_requests("POST")[0].json


async def test_the_fake_refuses_a_provider_the_calendar_does_not_allow(
    http: httpx.AsyncClient,
) -> None:
    # Before Quickcal read the calendar, it sent teamsForBusiness to any account.
    with FakeGraph(accounts=[account("skypeForConsumer")]) as graph:
        token = graph.oauth.issue()
        body = {
            "subject": "x",
            "start": {"dateTime": "2026-03-10T12:00:00", "timeZone": "UTC"},
            "end": {"dateTime": "2026-03-10T13:00:00", "timeZone": "UTC"},
            "isOnlineMeeting": True,
            "onlineMeetingProvider": "teamsForBusiness",
        }
        answer = await http.post(
            f"{graph.api_url}/me/calendar/events",
            json=body,
            headers={"Authorization": f"Bearer {token.access_token}"},
        )
        assert answer.status_code == 400
        assert "not allowed" in answer.json()["error"]["message"]
