"""app-manifest.yaml is valid, and says exactly what the code does: commands, shortcuts,
events, interactivity, and the minimal scopes for the Web API methods the code calls."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft7Validator

from bot import ids
from bot.install import BOT_SCOPES
from bot.web import SLACK_EVENTS_PATH
from tests.fakes.contracts import CONTRACTS
from tests.fakes.slack import contract

ROOT = Path(__file__).resolve().parents[2]
MANIFEST: dict[str, Any] = yaml.safe_load((ROOT / "app-manifest.yaml").read_text("utf-8"))
# Scopes the contract file does not list (methods outside it, and event subscriptions).
EXTRA_METHOD_SCOPES = {"users.list": {"users:read"}, "auth.test": set(), "views.update": set()}
EVENT_SCOPES = {"app_mention": {"app_mentions:read"}, "message.im": {"im:history"}}
# Reading `profile.email` from users.info / users.list needs this on top of users:read.
EMAIL_SCOPE = "users:read.email"


def bolt_registrations() -> dict[str, set[str]]:
    """What `app.command/shortcut/event/view(...)` calls in bot/ register, by kind."""
    found: dict[str, set[str]] = {
        "command": set(),
        "shortcut": set(),
        "event": set(),
        "view": set(),
    }
    for path in (ROOT / "bot").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            kind = node.func.attr
            if kind not in found or not node.args:
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found[kind].add(arg.value)
            elif (
                isinstance(arg, ast.Attribute)
                and isinstance(arg.value, ast.Name)
                and arg.value.id == "ids"
            ):
                found[kind].add(getattr(ids, arg.attr))
    return found


def called_methods() -> set[str]:
    """Web API methods the code calls through slack_sdk (`client.chat_postMessage(` ...)."""
    pattern = re.compile(r"\.(chat|users|views|conversations|auth|team|apps)_([A-Za-z]+)\(")
    methods = set()
    for path in (ROOT / "bot").rglob("*.py"):
        for family, name in pattern.findall(path.read_text("utf-8")):
            methods.add(f"{family}.{name}")
    return methods


def test_manifest_matches_slacks_schema() -> None:
    schema = json.loads((CONTRACTS / "slack-app-manifest.schema.json").read_text("utf-8"))
    errors = sorted(e.message for e in Draft7Validator(schema).iter_errors(MANIFEST))
    assert errors == []


def test_commands_and_shortcuts_are_the_registered_ones() -> None:
    registered = bolt_registrations()
    commands = {c["command"] for c in MANIFEST["features"]["slash_commands"]}
    shortcuts = {s["callback_id"] for s in MANIFEST["features"]["shortcuts"]}
    assert commands == registered["command"] == {ids.COMMAND}
    assert shortcuts == registered["shortcut"] == {ids.SHORTCUT_CREATE}
    assert registered["view"] >= {ids.EDIT_MODAL}


def test_subscribed_events_are_the_handled_ones() -> None:
    subscribed = set(MANIFEST["settings"]["event_subscriptions"]["bot_events"])
    # `message.im` arrives as a `message` event whose channel_type is "im".
    as_bolt_sees_them = {e.removesuffix(".im") for e in subscribed}
    assert as_bolt_sees_them == bolt_registrations()["event"]


def test_every_request_goes_to_the_one_endpoint() -> None:
    settings = MANIFEST["settings"]
    urls = [
        settings["event_subscriptions"]["request_url"],
        settings["interactivity"]["request_url"],
        *(c["url"] for c in MANIFEST["features"]["slash_commands"]),
    ]
    assert all(url.endswith(SLACK_EVENTS_PATH) for url in urls)
    assert settings["interactivity"]["is_enabled"] is True


def test_scopes_are_exactly_what_the_code_needs() -> None:
    methods = called_methods()
    assert methods >= {"chat.postMessage", "chat.postEphemeral", "users.info", "views.open"}
    granted = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    needed: set[str] = {"commands", EMAIL_SCOPE}
    for method in methods:
        known = contract()["methods"].get(method)
        options = set(known["current"]["scopes"]["bot"]) if known else EXTRA_METHOD_SCOPES[method]
        if options:
            usable = options & granted
            assert usable, f"{method} needs one of {sorted(options)}"
            needed |= usable
    for event in MANIFEST["settings"]["event_subscriptions"]["bot_events"]:
        needed |= EVENT_SCOPES.get(event, set())
    assert granted == needed  # nothing more than the code uses
    assert granted == set(BOT_SCOPES)  # and what the install flow asks for
