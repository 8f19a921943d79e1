"""The durable receipt in the person's DM: what was added where, with View and Undo."""

from __future__ import annotations

from typing import Any

from bot.blocks.draft import Card, title_of
from bot.blocks.result import event_actions, event_fields
from bot.blocks.summary import when
from bot.blocks.text import FALLBACK_TEXT, mrkdwn, user_text
from providers.base import CreatedEvent

Block = dict[str, Any]


def receipt_blocks(
    card: Card,
    created: CreatedEvent,
    *,
    label: str,
    source: str | None = None,
    feed: str | None = None,
) -> list[Block]:
    """Receipt of one created event; `source` is a permalink to the message it came from,
    `feed` the local calendar's .ics URL when the event went there."""
    title = user_text(title_of(card.draft), 500)
    blocks: list[Block] = [
        {
            "type": "section",
            "text": mrkdwn(f":calendar: You added *{title}* to {user_text(label, 100)}."),
        },
        event_fields(card),
    ]
    if source:
        blocks.append({"type": "context", "elements": [mrkdwn(f"From <{source}|this message>")]})
    blocks.append(event_actions(card.draft_id, created, also=card.template_links, feed=feed))
    return blocks


def receipt_text(card: Card, *, label: str) -> str:
    moment = when(card.draft, default_minutes=card.default_minutes)
    words = f"You added {title_of(card.draft)} to {label}" + (f", {moment.plain}" if moment else "")
    return user_text(words, FALLBACK_TEXT)
