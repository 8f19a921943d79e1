"""The durable DM receipt of a created event, and keeping it true after Undo."""

from __future__ import annotations

import logging

from slack_sdk.web.async_client import AsyncWebClient

from bot.blocks.draft import Card
from bot.blocks.receipt import receipt_blocks, receipt_text
from bot.blocks.result import undone_blocks, undone_text
from bot.creating import Created
from bot.delivery import open_dm
from bot.directory import slack_call
from bot.errors import SlackFailed
from bot.feeds import feed_url_for
from bot.services import Services
from bot.storage import EventRecord

log = logging.getLogger(__name__)


async def send_receipt(
    services: Services, client: AsyncWebClient, created: Created, card: Card
) -> None:
    """Post the receipt in the person's DM with Quickcal and remember where it is."""
    try:
        channel = await open_dm(client, created.stored.user_id)
        data = await slack_call(
            client.chat_postMessage(
                channel=channel,
                text=receipt_text(card, label=created.label),
                blocks=receipt_blocks(
                    card,
                    created.record.event,
                    label=created.label,
                    feed=feed_url_for(services, created.record),
                ),
            )
        )
    except SlackFailed as exc:
        # The event exists and the card says so; a missing receipt must not undo that.
        log.warning("receipt not posted: %s", exc.code)
        return
    await services.storage.attach_receipt(
        created.stored.id,
        channel_id=str(data.get("channel") or channel),
        message_ts=str(data["ts"]),
    )


async def mark_receipt_undone(
    client: AsyncWebClient, record: EventRecord, *, title: str, label: str, clicked_ts: str | None
) -> None:
    """After Undo from the card, the receipt says so too (and loses its Undo button)."""
    if not record.receipt_channel_id or not record.receipt_ts or record.receipt_ts == clicked_ts:
        return
    try:
        await slack_call(
            client.chat_update(
                channel=record.receipt_channel_id,
                ts=record.receipt_ts,
                text=undone_text(title, label=label),
                blocks=undone_blocks(title, label=label),
            )
        )
    except SlackFailed as exc:
        log.warning("receipt not updated: %s", exc.code)
