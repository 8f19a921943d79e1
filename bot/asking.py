"""A new request for an event (command, shortcut, DM, mention) -> its draft card, privately."""

from __future__ import annotations

import logging

from slack_sdk.web.async_client import AsyncWebClient

from bot.blocks.draft import draft_blocks, draft_text
from bot.blocks.help import HELP_TEXT, help_blocks
from bot.blocks.result import notice_blocks
from bot.delivery import Place, post
from bot.drafting import Ask, start_draft
from bot.errors import BotError
from bot.services import Services
from bot.storage import StorageError
from bot.wording import explain

log = logging.getLogger(__name__)
HELP_WORDS = {"", "help", "?", "-h", "--help"}
NO_TEXT = "That message has no text I can read. Try `/event lunch with Adele Friday noon`."


def wants_help(text: str) -> bool:
    """Is `text` a request for help (nothing, "help", "?") rather than an event?"""
    return text.strip().lower() in HELP_WORDS


async def answer(services: Services, client: AsyncWebClient, ask: Ask, place: Place) -> None:
    """Parse, store and show the draft at `place`; any failure becomes one plain sentence."""
    if not ask.text.strip():
        await post(client, place, text=NO_TEXT, blocks=notice_blocks(NO_TEXT))
        return
    try:
        shown = await start_draft(services, client, ask)
    except Exception as exc:
        if not isinstance(exc, BotError | StorageError):
            log.exception("could not make a draft")
        words = explain(exc)
        await post(client, place, text=words, blocks=notice_blocks(words))
        return
    posted = await post(
        client,
        place,
        text=draft_text(shown.card),
        blocks=draft_blocks(shown.card, broken=shown.broken),
    )
    if posted.ts is not None:
        # A card chat.update can reach (a DM): the reconciler changes it there when a
        # create is finished after a crash, long after every response_url has expired.
        await services.storage.attach_card(
            shown.stored.id, channel_id=posted.channel_id, message_ts=posted.ts
        )


async def show_help(client: AsyncWebClient, place: Place) -> None:
    """The help card, privately at `place`."""
    await post(client, place, text=HELP_TEXT, blocks=help_blocks())
