"""A direct message to Quickcal, or a mention of @Quickcal: each becomes a private draft card.

Slack retries an event it thinks was missed; `claim_once` on the event id runs each once.
A handling that fails releases its claims (this listener's and the HTTP guard's), so
Slack's retry of that event runs again instead of being acknowledged and lost.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.asking import answer, show_help, wants_help
from bot.delivery import Place
from bot.drafting import Ask
from bot.payloads import EventEnvelope, MessageEvent
from bot.services import Services
from bot.signature import event_key

log = logging.getLogger(__name__)


def bot_user_id(body: dict[str, Any], context: AsyncBoltContext) -> str | None:
    """Quickcal's own user id here: Bolt's authorization, else the event's bot authorization."""
    if context.bot_user_id:
        return context.bot_user_id
    for authorization in body.get("authorizations") or []:
        if isinstance(authorization, dict) and authorization.get("is_bot"):
            found = authorization.get("user_id")
            if isinstance(found, str) and found:
                return found
    return None


def without_own_mention(text: str, bot_user: str | None) -> str:
    """`text` less every mention of Quickcal itself, wherever it stands; other people stay."""
    if not bot_user:
        return text.strip()
    own = re.compile(rf"<@{re.escape(bot_user)}(?:\|[^>]*)?>[\s,:]*")
    return " ".join(own.sub(" ", text).split())


async def once(services: Services, event_id: str, work: Callable[[], Awaitable[None]]) -> None:
    """Run `work` for the first delivery of `event_id`; on failure free it for Slack's retry."""
    keys = [f"event:{event_id}", event_key(event_id)] if event_id else []
    try:
        if keys and not await services.storage.claim_once(keys[0]):
            return
        await work()
    except Exception:
        for key in keys:
            try:
                await services.storage.release(key)
            except Exception:  # the database may be what failed: the original error matters
                log.warning("could not release a failed event's claim")
        raise


def register(app: AsyncApp, services: Services) -> None:
    """The `message` (direct messages only) and `app_mention` listeners."""

    @app.event("message")
    async def on_direct_message(
        event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        message, envelope = MessageEvent.model_validate(event), EventEnvelope.model_validate(body)
        # Edits, joins, bot posts (our own cards included) are not requests.
        if message.channel_type != "im" or message.subtype or message.bot_id or not message.user:
            return
        place = Place("dm", user_id=message.user, channel_id=message.channel)
        ask = Ask(
            team_id=envelope.team_id or message.team or "",
            user_id=message.user,
            channel_id=message.channel,
            source="dm",
            text=message.text,
        )
        await once(services, envelope.event_id, lambda: _reply(services, client, ask, place))

    @app.event("app_mention")
    async def on_mention(
        event: dict[str, Any],
        body: dict[str, Any],
        client: AsyncWebClient,
        context: AsyncBoltContext,
    ) -> None:
        message, envelope = MessageEvent.model_validate(event), EventEnvelope.model_validate(body)
        if not message.user:
            return
        place = Place("ephemeral", user_id=message.user, channel_id=message.channel)
        ask = Ask(
            team_id=envelope.team_id or message.team or "",
            user_id=message.user,
            channel_id=message.channel,
            source="mention",
            text=without_own_mention(message.text, bot_user_id(body, context)),
        )
        await once(services, envelope.event_id, lambda: _reply(services, client, ask, place))


async def _reply(services: Services, client: AsyncWebClient, ask: Ask, place: Place) -> None:
    if wants_help(ask.text):
        await show_help(client, place)
    else:
        await answer(services, client, ask, place)
