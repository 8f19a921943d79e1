"""Message shortcut "Create event": a draft from the message it was used on, linking back."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.asking import answer
from bot.delivery import Place
from bot.drafting import Ask, permalink
from bot.payloads import MessageShortcut
from bot.services import Services


def register(app: AsyncApp, services: Services) -> None:
    """The "Create event" message shortcut."""

    @app.shortcut(ids.SHORTCUT_CREATE)
    async def on_create_shortcut(
        ack: AsyncAck, shortcut: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        sent = MessageShortcut.model_validate(shortcut)
        channel = sent.channel.id if sent.channel else None
        link = None
        if channel and sent.message.ts:
            link = permalink(sent.team.domain, channel, sent.message.ts)
        ask = Ask(
            team_id=sent.team.id,
            user_id=sent.user.id,
            channel_id=channel,
            source="shortcut",
            text=sent.message.text,
            response_url=sent.response_url,
            permalink=link,
        )
        # Shortcuts always carry a response_url; the DM is the fallback should one not.
        place = (
            Place("response_url", sent.user.id, channel, sent.response_url)
            if sent.response_url
            else Place("dm", sent.user.id)
        )
        await answer(services, client, ask, place)
