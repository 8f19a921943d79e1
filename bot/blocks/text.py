"""Text for Slack: escaping user words, shortening within Block Kit limits, date tokens."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from nlp.draft import When

ELLIPSIS = "…"
# Block Kit limits (shared/contracts/block-kit-limits.json).
SECTION_TEXT = 3000
FIELD_TEXT = 2000
BUTTON_TEXT = 75
OPTION_TEXT = 75
OPTION_VALUE = 75
CONTEXT_TEXT = 3000
MODAL_TITLE = 24
INPUT_VALUE = 3000
# Fallback `text` of a message: Slack truncates past 40,000 characters; keep it short.
FALLBACK_TEXT = 300

_ENTITY_TAIL = re.compile(r"&[a-z]{0,3}$")


def escape(text: str) -> str:
    """Slack's three control characters, so `<!channel>` or `<@U1>` in user text pings nobody."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters with an ellipsis, never inside an entity."""
    if len(text) <= limit:
        return text
    cut = _ENTITY_TAIL.sub("", text[: limit - 1])
    return cut.rstrip() + ELLIPSIS


def user_text(text: str, limit: int) -> str:
    """User-supplied words, escaped then shortened to `limit` (the order keeps entities whole)."""
    return shorten(escape(" ".join(text.split())), limit)


def plain(text: str, limit: int = SECTION_TEXT) -> dict[str, Any]:
    """A plain_text object; `text` is ours or already escaped."""
    return {"type": "plain_text", "text": shorten(text, limit) or " ", "emoji": True}


def mrkdwn(text: str, limit: int = SECTION_TEXT) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": shorten(text, limit) or " "}


def slack_date(moment: datetime, token: str, *, fallback: str) -> str:
    """`<!date^UNIX^{token}|fallback>`: each viewer sees `moment` in their own Slack zone."""
    return f"<!date^{int(moment.timestamp())}^{token}|{escape(fallback)}>"


def day_words(day: date) -> str:
    """ "Fri, Nov 20, 2026" (English, the product's card language)."""
    return f"{day:%a}, {day:%b} {day.day}, {day.year}"


def clock_words(moment: datetime) -> str:
    """ "12:00" in 24 h; the `{time}` token shows each viewer their own preference."""
    return f"{moment:%H:%M}"


def duration_words(minutes: int) -> str:
    """90 -> "1 h 30 min"; 2880 -> "2 days"."""
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} day" + ("s" if days > 1 else ""))
    if hours:
        parts.append(f"{hours} h")
    if mins:
        parts.append(f"{mins} min")
    return " ".join(parts) or "0 min"


def when_key(value: When) -> str:
    """A compact, parseable form of a start for button values: ISO date or datetime."""
    return value.isoformat()
