"""Message shortcut "Create event": a draft from the message it was used on, linking back."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.asking import answer
from bot.delivery import Place
from bot.drafting import Ask, permalink
from bot.services import Services


def register(app: AsyncApp, services: Services) -> None:
    @app.shortcut(ids.SHORTCUT_CREATE)
    async def on_create_shortcut(
        ack: AsyncAck, shortcut: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        message = shortcut.get("message") or {}
        channel = (shortcut.get("channel") or {}).get("id")
        team = shortcut.get("team") or {}
        user = shortcut["user"]["id"]
        link = None
        if channel and message.get("ts"):
            link = permalink(team.get("domain"), channel, str(message["ts"]))
        ask = Ask(
            team_id=team.get("id") or shortcut["user"].get("team_id", ""),
            user_id=user,
            channel_id=channel,
            source="shortcut",
            text=str(message.get("text") or ""),
            response_url=shortcut.get("response_url"),
            permalink=link,
        )
        place = Place(
            "response_url" if shortcut.get("response_url") else "dm",
            user_id=user,
            channel_id=channel if shortcut.get("response_url") else None,
            response_url=shortcut.get("response_url"),
        )
        await answer(services, client, ask, place)
