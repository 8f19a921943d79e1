"""Requests exactly as Slack sends them: signed, form-encoded commands, `payload=` interactivity,
JSON `event_callback` envelopes. Shapes copied from slack-bolt's own test payloads."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from typing import Any
from urllib.parse import urlencode

from tests.fakes.slack import BOT_USER_ID, TEAM_ID

APP_ID = "A0QUICKCAL"
CHANNEL = "C0GENERAL"
_serial = itertools.count(1)


def unique(prefix: str) -> str:
    return f"{prefix}{next(_serial):06d}"


def signed_headers(
    secret: str, body: bytes, *, content_type: str, at: int | None = None
) -> dict[str, str]:
    """Slack's v0 signature: HMAC-SHA256 over `v0:{timestamp}:{body}` with the signing secret."""
    timestamp = str(at if at is not None else int(time.time()))
    base = b"v0:" + timestamp.encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": f"v0={digest}",
    }


def command_body(
    text: str, *, user: str, channel: str, response_url: str, command: str = "/event"
) -> bytes:
    """A slash command, form-encoded as Slack posts it."""
    return urlencode(
        {
            "token": "verification-token",
            "team_id": TEAM_ID,
            "team_domain": "quickcal-test",
            "channel_id": channel,
            "channel_name": "general" if channel.startswith("C") else "directmessage",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": unique("13345224609.738474920."),
        }
    ).encode()


def interactive_body(payload: dict[str, Any]) -> bytes:
    """Interactivity: `payload=` with the URL-encoded JSON."""
    return urlencode({"payload": json.dumps(payload)}).encode()


def _who(user: str) -> dict[str, Any]:
    return {"id": user, "username": user.lower(), "name": user.lower(), "team_id": TEAM_ID}


def message_shortcut(
    *,
    user: str,
    channel: str,
    message_text: str,
    message_user: str,
    message_ts: str,
    response_url: str,
    callback_id: str = "create_event_from_message",
) -> dict[str, Any]:
    return {
        "type": "message_action",
        "token": "verification-token",
        "action_ts": f"{time.time():.6f}",
        "team": {"id": TEAM_ID, "domain": "quickcal-test"},
        "user": _who(user),
        "channel": {"id": channel, "name": "general"},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": unique("13345224609.738474920."),
        "response_url": response_url,
        "message_ts": message_ts,
        "message": {
            "client_msg_id": unique("msg-"),
            "type": "message",
            "text": message_text,
            "user": message_user,
            "ts": message_ts,
            "team": TEAM_ID,
        },
    }


def block_actions(
    *,
    user: str,
    action: dict[str, Any],
    response_url: str,
    channel: str,
    message: dict[str, Any] | None = None,
    ephemeral: bool = True,
) -> dict[str, Any]:
    """A click on a message's block element (`action` as Slack reports the element)."""
    message_ts = (message or {}).get("ts", "1700000000.000001")
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": _who(user),
        "api_app_id": APP_ID,
        "token": "verification-token",
        "container": {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel,
            "is_ephemeral": ephemeral,
        },
        "trigger_id": unique("13345224609.738474920."),
        "team": {"id": TEAM_ID, "domain": "quickcal-test"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel, "name": "general"},
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [{"action_ts": f"{time.time():.6f}", "block_id": unique("b"), **action}],
    }
    if message is not None:
        payload["message"] = message
    return payload


def view_submission(*, user: str, view: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """A modal submitted with `values` in Slack's `state.values` shape."""
    return {
        "type": "view_submission",
        "team": {"id": TEAM_ID, "domain": "quickcal-test"},
        "user": _who(user),
        "api_app_id": APP_ID,
        "token": "verification-token",
        "trigger_id": unique("13345224609.738474920."),
        "view": {
            "id": view.get("id", unique("V")),
            "team_id": TEAM_ID,
            "type": "modal",
            "blocks": view.get("blocks", []),
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
            "state": {"values": values},
            "hash": "156772938.1827394",
            "title": view.get("title"),
            "app_id": APP_ID,
            "bot_id": "BQUICKCAL",
        },
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }


def event_callback(event: dict[str, Any], *, event_id: str | None = None) -> dict[str, Any]:
    """The JSON envelope of an Events API delivery."""
    return {
        "token": "verification-token",
        "team_id": TEAM_ID,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or unique("Ev0"),
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
    }


def dm_event(text: str, *, user: str, ts: str | None = None) -> dict[str, Any]:
    stamp = ts or f"{time.time():.6f}"
    return {
        "type": "message",
        "channel": f"D{user}",
        "user": user,
        "text": text,
        "ts": stamp,
        "event_ts": stamp,
        "channel_type": "im",
        "client_msg_id": unique("msg-"),
    }


def mention_event(text: str, *, user: str, channel: str = CHANNEL) -> dict[str, Any]:
    stamp = f"{time.time():.6f}"
    return {
        "type": "app_mention",
        "user": user,
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": stamp,
        "channel": channel,
        "event_ts": stamp,
        "client_msg_id": unique("msg-"),
    }


def modal_values(view: dict[str, Any], **changes: dict[str, Any]) -> dict[str, Any]:
    """`state.values` as Slack sends them: each input's initial value, then `changes`."""
    state: dict[str, Any] = {}
    for block in view["blocks"]:
        element = block["element"]
        kind = element["type"]
        current: dict[str, Any] = {"type": kind}
        if kind == "plain_text_input":
            current["value"] = element.get("initial_value")
        elif kind == "datepicker":
            current["selected_date"] = element.get("initial_date")
        elif kind == "timepicker":
            current["selected_time"] = element.get("initial_time")
        elif kind == "checkboxes":
            current["selected_options"] = element.get("initial_options", [])
        elif kind == "multi_users_select":
            current["selected_users"] = element.get("initial_users", [])
        elif kind == "static_select":
            current["selected_option"] = element.get("initial_option")
        current |= changes.get(block["block_id"], {})
        state[block["block_id"]] = {element["action_id"]: current}
    return state
