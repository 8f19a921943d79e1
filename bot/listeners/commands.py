"""`/event TEXT`: a draft card for TEXT; help for `/event` alone and `/event help`;
the Connect buttons for `/event connect`."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.asking import answer, show_help, wants_help
from bot.delivery import Place, post
from bot.drafting import Ask
from bot.listeners.home import connect_reply, wants_connect
from bot.payloads import SlashCommand
from bot.services import Services


def register(app: AsyncApp, services: Services) -> None:
    """The `/event` slash command."""

    @app.command(ids.COMMAND)
    async def on_event_command(
        ack: AsyncAck, command: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        sent = SlashCommand.model_validate(command)
        place = Place(
            "response_url",
            user_id=sent.user_id,
            channel_id=sent.channel_id,
            response_url=sent.response_url,
        )
        if wants_help(sent.text):
            await show_help(client, place)
            return
        if wants_connect(sent.text):
            reply = await connect_reply(services, team_id=sent.team_id, user_id=sent.user_id)
            await post(client, place, text=reply["text"], blocks=reply.get("blocks", []))
            return
        ask = Ask(
            team_id=sent.team_id,
            user_id=sent.user_id,
            channel_id=sent.channel_id,
            source="command",
            text=sent.text,
            response_url=sent.response_url,
        )
        await answer(services, client, ask, place)
