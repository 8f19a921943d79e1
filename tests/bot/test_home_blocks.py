"""The App Home view builder: what each kind of link shows, checked against Slack's models."""

from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

import pytest
from slack_sdk.models.views import View

from bot.blocks.home import (
    HOME_CALENDAR,
    HOME_CONNECT,
    HOME_DEFAULT_PROVIDER,
    HOME_DISCONNECT,
    HOME_EVENT_MINUTES,
    HOME_TIMEZONE,
    PROFILE_ZONE,
    HomeState,
    ProviderRow,
    connect_blocks,
    home_view,
    zone_options,
)

GOOGLE = ProviderRow("google", "Google Calendar", "https://q.test/oauth/google/start?t=1")
OUTLOOK = ProviderRow("microsoft", "Outlook", "https://q.test/oauth/microsoft/start?t=2")


def state(*rows: ProviderRow, **changes: Any) -> HomeState:
    values: dict[str, Any] = {
        "providers": rows,
        "default_provider": None,
        "timezone": "Europe/Paris",
        "timezone_overridden": False,
        "event_minutes": 60,
    }
    return HomeState(**{**values, **changes})


def accessories(view: dict[str, Any]) -> list[dict[str, Any]]:
    return [b["accessory"] for b in view["blocks"] if "accessory" in b]


def valid(view: dict[str, Any]) -> dict[str, Any]:
    View(**view).validate_json()  # slack_sdk enforces Block Kit's limits
    return view


# (row, button text, action id, has url)
ROWS = [
    (GOOGLE, "Connect", f"{HOME_CONNECT}_google", True),
    (ProviderRow(**{**GOOGLE.__dict__, "account": "a@x.test"}), "Disconnect", HOME_DISCONNECT,
     False),
    (ProviderRow(**{**GOOGLE.__dict__, "account": "a@x.test", "broken": True}), "Reconnect",
     f"{HOME_CONNECT}_google", True),
]


@pytest.mark.parametrize(("row", "text", "action_id", "has_url"), ROWS)
def test_each_link_state_offers_the_right_button(
    row: ProviderRow, text: str, action_id: str, has_url: bool
) -> None:
    (block,) = connect_blocks([row])
    button = block["accessory"]
    assert button["text"]["text"] == text
    assert button["action_id"] == action_id
    assert ("url" in button) is has_url
    if has_url:
        assert button["url"] == row.connect_url


def test_a_new_person_sees_connect_for_every_provider_and_the_profile_zone() -> None:
    view = valid(home_view(state(GOOGLE, OUTLOOK)))
    urls = [a.get("url") for a in accessories(view)]
    assert GOOGLE.connect_url in urls
    assert OUTLOOK.connect_url in urls
    text = str(view)
    assert "Europe/Paris (from your Slack profile)" in text
    zone = next(a for a in accessories(view) if a["action_id"] == HOME_TIMEZONE)
    assert "initial_option" not in zone


def test_several_calendars_give_a_picker_with_the_current_one_chosen() -> None:
    linked = ProviderRow(
        **{
            **GOOGLE.__dict__,
            "account": "a@x.test",
            "calendars": (("primary", "Adele"), ("team", "Team")),
            "calendar_id": "team",
        }
    )
    view = valid(home_view(state(linked, OUTLOOK, default_provider="google")))
    picker = next(a for a in accessories(view) if a["action_id"] == HOME_CALENDAR)
    assert picker["initial_option"]["value"] == "google:team"
    default = next(a for a in accessories(view) if a["action_id"] == HOME_DEFAULT_PROVIDER)
    assert default["initial_option"]["value"] == "google"
    assert [o["value"] for o in default["options"]] == ["google", "local"]


def test_a_broken_link_is_not_offered_as_default() -> None:
    broken = ProviderRow(**{**GOOGLE.__dict__, "account": "a@x.test", "broken": True})
    view = valid(home_view(state(broken, default_provider="google")))
    default = next(a for a in accessories(view) if a["action_id"] == HOME_DEFAULT_PROVIDER)
    assert default["initial_option"]["value"] == "local"


def test_overridden_zone_and_unusual_length_are_shown_as_chosen() -> None:
    view = valid(
        home_view(state(GOOGLE, timezone="Asia/Tokyo", timezone_overridden=True, event_minutes=50))
    )
    zone = next(a for a in accessories(view) if a["action_id"] == HOME_TIMEZONE)
    assert zone["initial_option"]["value"] == "Asia/Tokyo"
    length = next(a for a in accessories(view) if a["action_id"] == HOME_EVENT_MINUTES)
    assert length["initial_option"]["value"] == "50"
    assert "50" in [o["value"] for o in length["options"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("tokyo", "Asia/Tokyo"), ("new york", "America/New_York"), ("PARIS", "Europe/Paris")],
)
def test_zone_options_match_loosely(query: str, expected: str) -> None:
    values = [o["value"] for o in zone_options(query, sorted(available_timezones()))]
    assert values[0] == PROFILE_ZONE
    assert expected in values


def test_zone_options_respect_slacks_limit() -> None:
    assert len(zone_options("a", sorted(available_timezones()))) == 100
