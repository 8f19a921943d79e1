"""Putting cards in front of people: new private cards, replaced cards, private one-liners."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal

from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.directory import slack_call
from bot.redaction import remember

log = logging.getLogger(__name__)
Blocks = list[dict[str, Any]]
PlaceKind = Literal["response_url", "ephemeral", "dm"]


@dataclass(frozen=True)
class Place:
    """Where a new card goes: a response_url (commands, shortcuts), an ephemeral message in
    a channel (mentions), or a message in the person's DM with Quickcal."""

    kind: PlaceKind
    user_id: str
    channel_id: str | None = None
    response_url: str | None = None


@dataclass(frozen=True)
class Posted:
    """Where a card landed; `ts` only for messages chat.update can change later."""

    channel_id: str | None
    ts: str | None


async def post(client: AsyncWebClient, place: Place, *, text: str, blocks: Blocks) -> Posted:
    """Show a new card privately at `place`."""
    if place.kind == "response_url" and place.response_url:
        await send(place.response_url, text=text, blocks=blocks, replace=False)
        return Posted(place.channel_id, None)
    if place.kind == "ephemeral" and place.channel_id:
        await slack_call(
            client.chat_postEphemeral(
                channel=place.channel_id, user=place.user_id, text=text, blocks=blocks
            )
        )
        return Posted(place.channel_id, None)
    channel = place.channel_id or await open_dm(client, place.user_id)
    data = await slack_call(client.chat_postMessage(channel=channel, text=text, blocks=blocks))
    return Posted(str(data.get("channel") or channel), str(data.get("ts") or "") or None)


async def open_dm(client: AsyncWebClient, user_id: str) -> str:
    """The id of the person's DM with Quickcal."""
    data = await slack_call(client.conversations_open(users=user_id))
    return str((data.get("channel") or {}).get("id", ""))


async def send(url: str, *, text: str, blocks: Blocks | None = None, replace: bool) -> bool:
    """POST to a response_url: replace the card it belongs to, or add a private message.

    False when Slack did not take it (no URL, or expired: 30 minutes or 5 uses); the draft
    is safe in storage either way, so callers that have another way to reach the person
    try it, and the others only note it.
    """
    if not url:
        # Slack always sends one with a click; a request without it has nowhere to answer.
        log.warning("no response_url to answer on")
        return False
    # It may come from storage, read by a process that never saw the request: scrub it.
    remember(url)
    body: dict[str, Any] = {"text": text, "replace_original": replace}
    if not replace:
        body["response_type"] = "ephemeral"
    if blocks is not None:
        body["blocks"] = blocks
    response = await AsyncWebhookClient(url).send_dict(body)
    if response.status_code != 200:
        log.warning("response_url answered %s", response.status_code)
        return False
    return True


async def tell(url: str, text: str) -> None:
    """A private one-line answer to whoever clicked, leaving the card as it is."""
    await send(url, text=text, replace=False)
