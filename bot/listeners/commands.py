"""`/event TEXT`: a draft card for TEXT, or help for `/event` alone and `/event help`."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.asking import answer, show_help, wants_help
from bot.delivery import Place
from bot.drafting import Ask
from bot.services import Services


def register(app: AsyncApp, services: Services) -> None:
    @app.command(ids.COMMAND)
    async def on_event_command(
        ack: AsyncAck, command: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        text = str(command.get("text") or "")
        place = Place(
            "response_url",
            user_id=command["user_id"],
            channel_id=command.get("channel_id"),
            response_url=command["response_url"],
        )
        if wants_help(text):
            await show_help(client, place)
            return
        ask = Ask(
            team_id=command["team_id"],
            user_id=command["user_id"],
            channel_id=command.get("channel_id"),
            source="command",
            text=text,
            response_url=command["response_url"],
        )
        await answer(services, client, ask, place)
