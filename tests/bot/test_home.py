"""The Home tab over HTTP: what it shows, and every change it offers, stored and re-published."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from bot.blocks.home import (
    HOME_CALENDAR,
    HOME_CONNECT,
    HOME_DEFAULT_PROVIDER,
    HOME_EVENT_MINUTES,
    HOME_TIMEZONE,
    PROFILE_ZONE,
)
from bot.listeners.home import connect_reply, wants_connect
from bot.storage import UserSettings
from tests.bot import slack_requests as shapes
from tests.bot.conftest import ALICE
from tests.bot.test_linking import LinkingWorld, world  # noqa: F401
from tests.fakes.slack import TEAM_ID

# ruff: noqa: F811  (the `world` fixture is imported by name)


def home_view(world: LinkingWorld, user: str = ALICE) -> Any:
    """A view payload as Slack sends it with Home tab interactions."""
    return {"id": "VHOME", "type": "home", "team_id": TEAM_ID, "blocks": world.home(user).blocks}


def choose(world: LinkingWorld, action_id: str, value: str, user: str = ALICE) -> Any:
    """Pick `value` in the select `action_id` of the Home tab; returns the next publish."""
    before = len(world.slack.calls_to("views.publish", lambda c: c.args["user_id"] == user))
    action = {
        "action_id": action_id,
        "type": "static_select",
        "selected_option": {"text": {"type": "plain_text", "text": value}, "value": value},
    }
    payload = shapes.block_actions(
        user=user, action=action, response_url=world.slack.response_url("home"), channel="D1"
    )
    payload["container"] = {"type": "view", "view_id": "VHOME"}
    payload.pop("response_url")
    world.app.interact(payload)
    return world.slack.wait_for(
        "views.publish", lambda c: c.args["user_id"] == user, count=before + 1
    )


def prefs(world: LinkingWorld, user: str = ALICE) -> UserSettings:
    return world.app.run(world.app.services.storage.get_user_settings(TEAM_ID, user))


def test_a_new_person_sees_connect_buttons_and_the_profile_zone(world: LinkingWorld) -> None:
    view = world.home()
    for provider in ("google", "microsoft", "lineworks"):
        url = view.button(f"{HOME_CONNECT}_{provider}")["url"]
        assert url.startswith(f"{world.app.url}/oauth/{provider}/start?ticket=")
    assert "America/New_York (from your Slack profile)" in view.texts()
    assert "1 hour" in view.texts()


def test_zone_search_answers_options(world: LinkingWorld) -> None:
    payload = {
        "type": "block_suggestion",
        "user": {"id": ALICE, "team_id": TEAM_ID},
        "team": {"id": TEAM_ID, "domain": "quickcal-test"},
        "action_id": HOME_TIMEZONE,
        "block_id": HOME_TIMEZONE,
        "value": "tokyo",
        "container": {"type": "view", "view_id": "VHOME"},
        "api_app_id": "A0QUICKCAL",
    }
    answer = world.app.interact(payload)
    values = [o["value"] for o in answer.json()["options"]]
    assert values == [PROFILE_ZONE, "Asia/Tokyo"]


def test_zone_override_and_back_to_the_profile(world: LinkingWorld) -> None:
    shown = choose(world, HOME_TIMEZONE, "Asia/Tokyo")
    assert prefs(world).timezone == "Asia/Tokyo"
    assert "Asia/Tokyo (your choice)" in shown.texts()
    shown = choose(world, HOME_TIMEZONE, PROFILE_ZONE)
    assert prefs(world).timezone is None
    assert "America/New_York (from your Slack profile)" in shown.texts()


def test_forged_values_change_nothing(world: LinkingWorld) -> None:
    for action_id, value in [
        (HOME_TIMEZONE, "Mars/Olympus_Mons"),
        (HOME_EVENT_MINUTES, "100000"),
        (HOME_EVENT_MINUTES, "soon"),
        (HOME_DEFAULT_PROVIDER, "evilcorp"),
    ]:
        world.app.interact(_action_payload(action_id, value))
        world.home()  # a later request has been answered
    assert prefs(world).timezone is None
    assert prefs(world).event_minutes is None
    assert prefs(world).default_provider is None


def _action_payload(action_id: str, value: str) -> dict[str, Any]:
    action = {"action_id": action_id, "type": "static_select",
              "selected_option": {"text": {"type": "plain_text", "text": value}, "value": value}}
    payload = shapes.block_actions(user=ALICE, action=action, response_url="https://x.test/r",
                                   channel="D1")
    payload.pop("response_url")
    return payload


def test_default_length_is_stored_and_used_by_the_next_draft(world: LinkingWorld) -> None:
    shown = choose(world, HOME_EVENT_MINUTES, "30")
    assert prefs(world).event_minutes == 30
    assert shown.button(HOME_EVENT_MINUTES)["initial_option"]["value"] == "30"
    key = world.app.command("sync with Adele tomorrow 10am")
    card = world.slack.wait_for("response_url", lambda c: c.args["key"] == key)
    assert "10:00–10:30" in card.texts()


def test_default_calendar_and_calendar_choice(world: LinkingWorld) -> None:
    assert world.connect("google").status_code == 200
    assert world.connect("lineworks").status_code == 200
    choose(world, HOME_DEFAULT_PROVIDER, "lineworks")
    assert prefs(world).default_provider == "lineworks"
    team = "google:team@group.calendar.google.com"
    shown = choose(world, HOME_CALENDAR, team)
    link = world.app.run(world.app.services.storage.get_link(TEAM_ID, ALICE, "google"))
    assert link is not None
    assert link.calendar_id == "team@group.calendar.google.com"
    assert shown.button(HOME_CALENDAR)["initial_option"]["value"] == team
    world.app.interact(_action_payload(HOME_CALENDAR, "google:someone-elses@example.com"))
    world.home()  # a later request was answered
    link = world.app.run(world.app.services.storage.get_link(TEAM_ID, ALICE, "google"))
    assert link is not None
    assert link.calendar_id == "team@group.calendar.google.com"


def test_event_connect_offers_the_same_buttons(world: LinkingWorld) -> None:
    services = world.app.services
    reply = world.app.run(connect_reply(services, team_id=TEAM_ID, user_id=ALICE))
    ids = [b["accessory"]["action_id"] for b in reply["blocks"]]
    assert ids == [f"{HOME_CONNECT}_{p}" for p in ("google", "microsoft", "lineworks")]
    assert reply["text"]
    # The button's URL really starts a link for this person.
    url = reply["blocks"][0]["accessory"]["url"]
    with httpx.Client(timeout=10.0) as browser:
        assert browser.get(url).status_code == 302


def test_a_broken_link_offers_reconnect_and_keeps_the_draft(world: LinkingWorld) -> None:
    google = world.providers["google"]
    assert world.connect("google").status_code == 200
    google.oauth.revoke_all()  # the person removed Quickcal's access at Google
    google.expire_tokens()
    key = world.app.command("review friday 2pm")
    card = world.slack.wait_for("response_url", lambda c: c.args["key"] == key)
    draft_id = str(card.button("draft_create")["value"])
    world.app.click(card, "draft_create")
    storage = world.app.services.storage
    deadline = time.monotonic() + 10
    while (link := world.app.run(storage.get_link(TEAM_ID, ALICE, "google"))) is None or (
        link.status != "broken"
    ):
        assert time.monotonic() < deadline, "the link was never marked broken"
        time.sleep(0.05)
    # The link breaks inside the create; the draft is released a moment later.
    while (kept := world.app.run(storage.get_draft(draft_id))).state == "creating":
        assert time.monotonic() < deadline, "the draft was never released"
        time.sleep(0.05)
    assert kept.state in {"failed", "pending"}
    assert google.store == {}
    assert "Reconnect" in world.home().texts()
    key = world.app.command("review friday 3pm")
    again = world.slack.wait_for("response_url", lambda c: c.args["key"] == key)
    assert "Reconnect Google Calendar" in again.texts()
    reconnect = next(
        e["url"]
        for b in again.blocks
        for e in [*b.get("elements", []), b.get("accessory") or {}]
        if "/oauth/google/start" in str(e.get("url", ""))
    )
    browser = world.browser_of(ALICE)
    back = world.authorize(browser.get(reconnect))
    assert browser.get(back).status_code == 200
    link = world.app.run(storage.get_link(TEAM_ID, ALICE, "google"))
    assert link is not None
    assert link.status == "active"


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("connect", True), (" Connect  Calendar ", True), ("link", True),
     ("connect with Adele friday", False), ("lunch", False), ("", False)],
)  # fmt: skip
def test_wants_connect(text: str, wanted: bool) -> None:
    assert wants_connect(text) is wanted


def test_the_event_connect_command_answers_with_the_buttons_in_place(world: LinkingWorld) -> None:
    key = world.app.command("connect")
    reply = world.slack.wait_for("response_url", lambda c: c.args["key"] == key)
    ids = [b["accessory"]["action_id"] for b in reply.args["blocks"] if "accessory" in b]
    assert ids == [f"{HOME_CONNECT}_{p}" for p in ("google", "microsoft", "lineworks")]
    assert reply.args["response_type"] == "ephemeral"
    assert "Connect" in reply.args["text"]
