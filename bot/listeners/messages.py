"""A direct message to Quickcal, or a mention of @Quickcal: each becomes a private draft card.

Slack retries an event it thinks was missed; `claim_once` on the event id runs each once.
"""

from __future__ import annotations

import re
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.asking import answer, show_help, wants_help
from bot.delivery import Place
from bot.drafting import Ask
from bot.payloads import EventEnvelope, MessageEvent
from bot.services import Services

LEADING_MENTION = re.compile(r"^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s,:]*")


def register(app: AsyncApp, services: Services) -> None:
    @app.event("message")
    async def on_direct_message(
        event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        message, envelope = MessageEvent.model_validate(event), EventEnvelope.model_validate(body)
        # Edits, joins, bot posts (our own cards included) are not requests.
        if message.channel_type != "im" or message.subtype or message.bot_id or not message.user:
            return
        if not await services.storage.claim_once(f"event:{envelope.event_id}"):
            return
        place = Place("dm", user_id=message.user, channel_id=message.channel)
        if wants_help(message.text):
            await show_help(client, place)
            return
        ask = Ask(
            team_id=envelope.team_id or message.team or "",
            user_id=message.user,
            channel_id=message.channel,
            source="dm",
            text=message.text,
        )
        await answer(services, client, ask, place)

    @app.event("app_mention")
    async def on_mention(
        event: dict[str, Any],
        body: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        message, envelope = MessageEvent.model_validate(event), EventEnvelope.model_validate(body)
        if not message.user or not await services.storage.claim_once(f"event:{envelope.event_id}"):
            return
        text = LEADING_MENTION.sub("", message.text, count=1)
        if context.bot_user_id:
            text = text.replace(f"<@{context.bot_user_id}>", "").strip()
        place = Place("ephemeral", user_id=message.user, channel_id=message.channel)
        if wants_help(text):
            await show_help(client, place)
            return
        ask = Ask(
            team_id=envelope.team_id or message.team or "",
            user_id=message.user,
            channel_id=message.channel,
            source="mention",
            text=text,
        )
        await answer(services, client, ask, place)
