"""Provider-specific behaviour of the clients against the fake servers."""

from __future__ import annotations

import httpx
import pytest

from providers.errors import Rejected
from tests.fakes.google import FakeGoogle
from tests.fakes.graph import FakeGraph
from tests.fakes.lineworks import FakeLineWorks
from tests.providers.conftest import ACCOUNT, Linked, link
from tests.providers.drafts import ALL, KEY


async def test_google_meet_is_requested_with_conference_data_version_1(
    google: FakeGoogle, http: httpx.AsyncClient
) -> None:
    linked = await link("google", google, http)
    created = await linked.calendar.create(
        ALL["meeting"], account=ACCOUNT, calendar_id=None, idempotency_key=KEY
    )
    assert created.meeting_link == "https://meet.google.com/abc-defg-hij"
    post = google.api_requests("POST")[0]
    assert post.query["conferenceDataVersion"] == "1"
    assert post.path == "/calendar/v3/calendars/primary/events"


async def test_google_invites_attendees_and_keeps_names_in_the_description(
    google: FakeGoogle, http: httpx.AsyncClient
) -> None:
    linked = await link("google", google, http)
    await linked.calendar.create(
        ALL["attendees"], account=ACCOUNT, calendar_id=None, idempotency_key=KEY
    )
    post = google.api_requests("POST")[0]
    assert post.query["sendUpdates"] == "all"
    event = google.events[0]
    assert [a["email"] for a in event["attendees"]] == ["adele@example.com", "bob@example.com"]
    assert "Megan" in event["description"]


async def test_google_a_chosen_calendar_is_used(
    google: FakeGoogle, http: httpx.AsyncClient
) -> None:
    linked = await link("google", google, http)
    created = await linked.calendar.create(
        ALL["timed"], account=ACCOUNT, calendar_id="team@group.calendar.google.com",
        idempotency_key=KEY,
    )  # fmt: skip
    assert created.calendar_id == "team@group.calendar.google.com"
    path = google.api_requests("POST")[0].path  # (as decoded by the server)
    assert path == "/calendar/v3/calendars/team@group.calendar.google.com/events"
    await linked.calendar.delete(created, account=ACCOUNT)
    assert google.events == []


async def test_google_recreating_a_deleted_event_is_refused_clearly(
    google: FakeGoogle, http: httpx.AsyncClient
) -> None:
    linked = await link("google", google, http)
    created = await linked.calendar.create(
        ALL["timed"], account=ACCOUNT, calendar_id=None, idempotency_key=KEY
    )
    await linked.calendar.delete(created, account=ACCOUNT)
    with pytest.raises(Rejected):
        await linked.calendar.create(
            ALL["timed"], account=ACCOUNT, calendar_id=None, idempotency_key=KEY
        )


async def test_teams_meeting_link_comes_back(graph: FakeGraph, http: httpx.AsyncClient) -> None:
    linked = await link("microsoft", graph, http)
    created = await linked.calendar.create(
        ALL["meeting"], account=ACCOUNT, calendar_id=None, idempotency_key=KEY
    )
    assert created.meeting_link is not None
    assert created.meeting_link.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert created.web_link is not None
    assert created.web_link.startswith("https://outlook.office365.com/owa/?itemid=")


async def test_graph_a_chosen_calendar_and_a_recurring_event(
    graph: FakeGraph, http: httpx.AsyncClient
) -> None:
    linked = await link("microsoft", graph, http)
    await linked.calendar.create(
        ALL["rrule-monthly-last-thursday"], account=ACCOUNT,
        calendar_id="AAMkAGViNDU7zAAAAAGtlAAA=", idempotency_key=KEY,
    )  # fmt: skip
    post = graph.api_requests("POST")[0]
    assert post.path == "/v1.0/me/calendars/AAMkAGViNDU7zAAAAAGtlAAA=/events"
    assert graph.events[0]["type"] == "seriesMaster"


async def test_lineworks_lost_answer_on_the_default_calendar_finds_the_event(
    lineworks: FakeLineWorks, http: httpx.AsyncClient
) -> None:
    linked = await link("lineworks", lineworks, http)
    lineworks.reset_next()
    created = await linked.calendar.create(
        ALL["tokyo-everything"], account=ACCOUNT, calendar_id=None, idempotency_key=KEY
    )
    assert created.calendar_id == "calendar-96b8-4c74-8277-7953e0b4604a"
    assert created.web_link is not None
    assert len(lineworks.events) == 1
    await linked.calendar.delete(created, account=ACCOUNT)
    assert lineworks.events == []


async def test_identity_google(google: FakeGoogle, http: httpx.AsyncClient) -> None:
    info = await (await link("google", google, http)).calendar.identify(ACCOUNT)
    assert info.account_id == "user@example.com"
    assert info.timezone == "Europe/Paris"
    assert [c.id for c in info.calendars] == ["user@example.com", "team@group.calendar.google.com"]
    assert info.calendars[0].primary


async def test_identity_graph_turns_the_windows_zone_into_iana(
    graph: FakeGraph, http: httpx.AsyncClient
) -> None:
    info = await (await link("microsoft", graph, http)).calendar.identify(ACCOUNT)
    assert info.email == "MeganB@contoso.com"
    assert info.timezone == "America/Los_Angeles"
    assert [c.primary for c in info.calendars] == [True, False]


async def test_identity_lineworks(lineworks: FakeLineWorks, http: httpx.AsyncClient) -> None:
    info = await (await link("lineworks", lineworks, http)).calendar.identify(ACCOUNT)
    assert info.account_id == "userf7da-f82c-4284-13e7-030f3b4c756x"
    assert info.timezone == "Asia/Tokyo"
    assert info.display_name == "Sato Yui"
    assert info.calendars[0].id == "calendar-96b8-4c74-8277-7953e0b4604a"


async def test_unlink_revokes_where_the_provider_can(linked: Linked) -> None:
    revoked = await linked.calendar.unlink(ACCOUNT)
    assert revoked == (linked.calendar.name != "microsoft")
    assert bool(linked.fake.oauth.revoked) == revoked


async def test_no_token_or_secret_is_logged(
    linked: Linked, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    linked.fake.expire_tokens()
    linked.fake.fail_next(503)
    await linked.calendar.create(
        ALL["timed"], account=ACCOUNT, calendar_id=None, idempotency_key=KEY
    )
    token = await linked.tokens.get(ACCOUNT)
    secret = linked.calendar.oauth.client_secret.get_secret_value()
    assert secret
    for record in caplog.records:
        text = record.getMessage()
        assert token.access_token not in text
        assert secret not in text
        assert str(token.refresh_token) not in text


async def test_each_calendar_identify_lists_can_be_created_in(linked: Linked) -> None:
    info = await linked.calendar.identify(ACCOUNT)
    for listed in info.calendars:
        created = await linked.calendar.create(
            ALL["timed"], account=ACCOUNT, calendar_id=listed.id, idempotency_key=listed.id
        )
        assert created.calendar_id == listed.id
    assert len(linked.fake.events) == len(info.calendars)
