"""Help for `/event` alone or `/event help`: what Quickcal understands, by example."""

from __future__ import annotations

from typing import Any

from bot import ids
from bot.blocks.text import mrkdwn

EXAMPLES = (
    "lunch with Adele Friday noon",
    "design review tomorrow 3-4pm at Room 4 with bob@example.com",
    "standup every weekday at 9:30 for 15 min on Zoom",
    "offsite Dec 3-5",
    "call with Sam next Tue 10am PST, remind me 10 min before",
    "1:1 every other Monday at 11 until Dec 20",
)
INTRO = (
    "*Quickcal turns a message into a calendar event.*\n"
    "Type it as you would tell a colleague; I show you a draft to check before anything is added."
)
WAYS_IN = (
    "*Other ways in:* send me a direct message, mention @Quickcal in a channel, or use "
    "*Create event* in a message's ⋯ menu.\n"
    "Events go to the calendar you linked on my Home tab (or with "
    f"`{ids.COMMAND} connect`), else to your local Quickcal calendar."
)
HELP_TEXT = f"Quickcal: type {ids.COMMAND} and your event, e.g. {ids.COMMAND} {EXAMPLES[0]}"


def help_blocks() -> list[dict[str, Any]]:
    examples = "\n".join(f"• `{ids.COMMAND} {text}`" for text in EXAMPLES)
    return [
        {"type": "section", "text": mrkdwn(INTRO)},
        {"type": "section", "text": mrkdwn(f"*Try:*\n{examples}")},
        {"type": "section", "text": mrkdwn(WAYS_IN)},
    ]
