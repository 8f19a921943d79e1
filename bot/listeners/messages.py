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
from bot.services import Services

LEADING_MENTION = re.compile(r"^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s,:]*")


def register(app: AsyncApp, services: Services) -> None:
    @app.event("message")
    async def on_direct_message(
        event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        # Edits, joins, bot posts (our own cards included) are not requests.
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        if not await services.storage.claim_once(f"event:{body.get('event_id')}"):
            return
        user = str(event["user"])
        place = Place("dm", user_id=user, channel_id=str(event["channel"]))
        text = str(event.get("text") or "")
        if wants_help(text):
            await show_help(client, place)
            return
        ask = Ask(
            team_id=str(body.get("team_id") or event.get("team") or ""),
            user_id=user,
            channel_id=str(event["channel"]),
            source="dm",
            text=text,
        )
        await answer(services, client, ask, place)

    @app.event("app_mention")
    async def on_mention(
        event: dict[str, Any],
        body: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        if not await services.storage.claim_once(f"event:{body.get('event_id')}"):
            return
        user = str(event["user"])
        channel = str(event["channel"])
        text = LEADING_MENTION.sub("", str(event.get("text") or ""), count=1)
        if context.bot_user_id:
            text = text.replace(f"<@{context.bot_user_id}>", "").strip()
        place = Place("ephemeral", user_id=user, channel_id=channel)
        if wants_help(text):
            await show_help(client, place)
            return
        ask = Ask(
            team_id=str(body.get("team_id") or ""),
            user_id=user,
            channel_id=channel,
            source="mention",
            text=text,
        )
        await answer(services, client, ask, place)
