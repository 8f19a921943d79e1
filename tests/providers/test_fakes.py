"""The fake servers refuse what the real ones refuse: otherwise the other tests prove nothing."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from tests.fakes.google import FakeGoogle
from tests.fakes.graph import FakeGraph
from tests.fakes.lineworks import FakeLineWorks

TIMED = {
    "start": {"dateTime": "2026-03-10T10:00:00", "timeZone": "Europe/Paris"},
    "end": {"dateTime": "2026-03-10T11:00:00", "timeZone": "Europe/Paris"},
}


def test_google_refuses_a_missing_or_unknown_bearer_token(google: FakeGoogle) -> None:
    url = google.api_url + "/calendars/primary/events"
    assert httpx.post(url, json=TIMED).status_code == 401
    bad = httpx.post(url, json=TIMED, headers={"Authorization": "Bearer made-up"})
    assert bad.status_code == 401
    assert bad.json()["error"]["errors"][0]["reason"] == "authError"


def test_google_refuses_a_body_that_breaks_the_contract(google: FakeGoogle) -> None:
    headers = {"Authorization": f"Bearer {google.oauth.issue().access_token}"}
    body = {**TIMED, "title": "not a Google field"}
    answer = httpx.post(google.api_url + "/calendars/primary/events", json=body, headers=headers)
    assert answer.status_code == 400
    assert google.contract_violations
    google.contract_violations.clear()  # seen on purpose


def test_google_refuses_an_unknown_zone_and_an_empty_range(google: FakeGoogle) -> None:
    headers = {"Authorization": f"Bearer {google.oauth.issue().access_token}"}
    url = google.api_url + "/calendars/primary/events"
    zone = {**TIMED, "end": {"dateTime": "2026-03-10T11:00:00", "timeZone": "Mars/Olympus"}}
    assert httpx.post(url, json=zone, headers=headers).status_code == 400
    empty = {**TIMED, "end": TIMED["start"]}
    assert (
        httpx.post(url, json=empty, headers=headers).json()["error"]["errors"][0]["reason"]
        == "timeRangeEmpty"
    )


def test_graph_refuses_a_recurrence_that_does_not_start_with_the_event(graph: FakeGraph) -> None:
    headers = {"Authorization": f"Bearer {graph.oauth.issue().access_token}"}
    body = {
        "subject": "x",
        "start": {"dateTime": "2026-03-10T10:00:00", "timeZone": "Romance Standard Time"},
        "end": {"dateTime": "2026-03-10T11:00:00", "timeZone": "Romance Standard Time"},
        "recurrence": {
            "pattern": {"type": "daily", "interval": 1},
            "range": {"type": "noEnd", "startDate": "2026-03-11"},
        },
    }
    assert httpx.post(graph.api_url + "/me/events", json=body, headers=headers).status_code == 400


def test_lineworks_refuses_another_users_path(lineworks: FakeLineWorks) -> None:
    headers = {"Authorization": f"Bearer {lineworks.oauth.issue().access_token}"}
    answer = httpx.get(lineworks.api_url + "/users/someone-else", headers=headers)
    assert answer.status_code == 401


def test_the_authorize_endpoint_needs_state_pkce_and_a_known_client(graph: FakeGraph) -> None:
    authorize = graph.url + "/common/oauth2/v2.0/authorize"
    base = {"response_type": "code", "client_id": graph.oauth.client_id,
            "redirect_uri": "https://app.example/cb", "state": "s1"}  # fmt: skip
    unknown = httpx.get(f"{authorize}?{urlencode({**base, 'client_id': 'who'})}")
    assert unknown.status_code == 400
    no_pkce = httpx.get(f"{authorize}?{urlencode(base)}")
    assert parse_qs(urlsplit(no_pkce.headers["location"]).query)["error"] == ["invalid_request"]
