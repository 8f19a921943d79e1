"""What a draft's card becomes after a create: the result, or the failure with Retry.

One place for both, so a click (bot/listeners/actions.py) and the reconciler
(bot/reconciling.py) show the same card for the same outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.blocks.draft import Card, draft_blocks, draft_text
from bot.blocks.result import result_blocks, result_text
from bot.creating import Created
from bot.drafting import show
from bot.feeds import feed_url_for
from bot.linking import broken_link_for
from bot.services import Services
from bot.storage import StoredDraft
from bot.targets import label_of
from bot.wording import explain
from providers.errors import NotLinked


@dataclass(frozen=True)
class Outcome:
    """A card's new text and blocks; `card` is the draft as shown (for the receipt)."""

    text: str
    blocks: list[dict[str, Any]]
    card: Card


async def created_outcome(services: Services, client: AsyncWebClient, created: Created) -> Outcome:
    """The result card: the event, its calendar, View / Undo and the .ics link."""
    shown = await show(services, client, created.stored)
    feed = feed_url_for(services, created.record)
    blocks = result_blocks(shown.card, created.record.event, label=created.label, feed=feed)
    return Outcome(result_text(shown.card, label=created.label), blocks, shown.card)


async def failed_outcome(
    services: Services, client: AsyncWebClient, stored: StoredDraft, error: BaseException
) -> Outcome:
    """The draft card again, saying why the create failed, with Retry (and Reconnect)."""
    label = label_of(services.calendars, stored.provider)
    shown = await show(services, client, stored, failure=explain(error, label=label))
    broken = shown.broken
    if isinstance(error, NotLinked) and stored.provider:
        # "Reconnect it" comes with the button that does it.
        found = await broken_link_for(
            services, team_id=stored.team_id, user_id=stored.user_id, provider=stored.provider
        )
        broken = found or broken
    blocks = draft_blocks(shown.card, broken=broken)
    return Outcome(draft_text(shown.card), blocks, shown.card)
