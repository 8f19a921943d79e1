"""What a draft card becomes (the event, undone, cancelled) and the private notices beside it."""

from __future__ import annotations

from typing import Any

from bot import ids
from bot.blocks.draft import Card, detail_fields, title_of
from bot.blocks.summary import when
from bot.blocks.text import BUTTON_TEXT, FALLBACK_TEXT, mrkdwn, plain, user_text
from providers.base import CreatedEvent

Block = dict[str, Any]
# The local calendar's .ics feed (a URL button: its action is acknowledged with the links').
FEED_BUTTON = "Download .ics"
FEED_ACTION = f"{ids.LINK_OPEN}_ics"


def result_blocks(
    card: Card, created: CreatedEvent, *, label: str, feed: str | None = None
) -> list[Block]:
    """ "Added to Google Calendar", the event's details, View / Join / Undo.

    A calendar without a web page (the local one) keeps the card's "Add to ..." links, so
    the event can still go to a calendar app in one click, and offers its `feed` (.ics URL).
    """
    title = user_text(title_of(card.draft), 500)
    blocks: list[Block] = [
        {
            "type": "section",
            "text": mrkdwn(f":white_check_mark: *Added to {user_text(label, 100)}:* {title}"),
        },
        event_fields(card),
    ]
    blocks.append(event_actions(card.draft_id, created, also=card.template_links, feed=feed))
    return blocks


def event_fields(card: Card) -> Block:
    """The event's details once it exists: the calendar is said in the heading instead."""
    fields = [f for f in detail_fields(card) if not f["text"].startswith("*Calendar*")]
    return {"type": "section", "fields": fields or [mrkdwn(" ")]}


def event_actions(
    draft_id: str,
    created: CreatedEvent,
    *,
    also: tuple[tuple[str, str], ...] = (),
    feed: str | None = None,
) -> Block:
    """View, Join meeting, any `also` (text, url) links, Download .ics (`feed`), and Undo."""
    elements: list[Block] = []
    if created.web_link:
        elements.append(_link("View", f"{ids.LINK_OPEN}_view", created.web_link, style="primary"))
    if created.meeting_link:
        elements.append(_link("Join meeting", f"{ids.LINK_OPEN}_meeting", created.meeting_link))
    if not created.web_link:
        for index, (text, url) in enumerate(also):
            elements.append(_link(text, f"{ids.LINK_OPEN}_{index}", url))
    if feed:
        elements.append(_link(FEED_BUTTON, FEED_ACTION, feed))
    elements.append(
        {
            "type": "button",
            "action_id": ids.EVENT_UNDO,
            "text": plain("Undo", BUTTON_TEXT),
            "value": draft_id,
            "style": "danger",
            "confirm": {
                "title": plain("Remove this event?", 100),
                "text": plain("It will be deleted from your calendar.", 300),
                "confirm": plain("Remove", 30),
                "deny": plain("Keep it", 30),
            },
        }
    )
    return {"type": "actions", "elements": elements}


def result_text(card: Card, *, label: str) -> str:
    """The result's notification fallback: "Added to <calendar>: title, when"."""
    moment = when(card.draft, default_minutes=card.default_minutes)
    words = f"Added to {label}: {title_of(card.draft)}" + (f", {moment.plain}" if moment else "")
    return user_text(words, FALLBACK_TEXT)


def undone_blocks(title: str, *, label: str) -> list[Block]:
    """What the card becomes after Undo: the event removed from `label`."""
    return [
        {
            "type": "section",
            "text": mrkdwn(
                f":leftwards_arrow_with_hook: Removed *{user_text(title, 500)}* "
                f"from {user_text(label, 100)}."
            ),
        }
    ]


def undone_text(title: str, *, label: str) -> str:
    """The Undo answer's notification fallback."""
    return user_text(f"Removed {title} from {label}", FALLBACK_TEXT)


def cancelled_blocks(title: str) -> list[Block]:
    """What the card becomes after Cancel: discarded, nothing added."""
    return [
        {
            "type": "section",
            "text": mrkdwn(f"Discarded the draft *{user_text(title, 500)}*. Nothing was added."),
        }
    ]


def cancelled_text(title: str) -> str:
    """The Cancel answer's notification fallback."""
    return user_text(f"Discarded the draft {title}", FALLBACK_TEXT)


def notice_blocks(words: str) -> list[Block]:
    """One plain sentence (errors in the person's words, "already created", ...)."""
    return [{"type": "section", "text": mrkdwn(words)}]


def edit_again_blocks(words: str, *, draft_id: str, button: str) -> list[Block]:
    """`words` and a button that opens the Edit modal again (its click brings a new trigger)."""
    return [
        *notice_blocks(words),
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": ids.DRAFT_EDIT_AGAIN,
                    "text": plain(button, BUTTON_TEXT),
                    "value": draft_id,
                    "style": "primary",
                }
            ],
        },
    ]


def _link(text: str, action_id: str, url: str, *, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "action_id": action_id,
        "text": plain(text, BUTTON_TEXT),
        "url": url[:3000],
    }
    if style:
        button["style"] = style
    return button
