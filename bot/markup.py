"""Slack's message markup -> the plain words the parser reads.

Slack sends `&`, `<`, `>` typed by people as `&amp;`, `&lt;`, `&gt;`, and its own markup in
angle brackets: `<@U123|name>` mentions (kept: the parser makes them attendees),
`<#C123|general>` channels, `<!here>` (dropped) and `<!subteam^S1|@team>` pings,
`<https://x|label>` links. Left as they are, "R&amp;D sync" would become a title shown
as "R&amp;amp;D".
"""

from __future__ import annotations

import re

_MARKUP = re.compile(r"<([^<>]*)>")
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


def plain_text(text: str) -> str:
    """`text` as the person typed it, with Slack mentions kept as `<@U…>`."""
    return " ".join(_unescape(_MARKUP.sub(_replace, text)).split())


def _replace(match: re.Match[str]) -> str:
    inside = match.group(1)
    target, _, label = inside.partition("|")
    if target.startswith(("@U", "@W")):
        return f"<{target}>" if not label else f"<{target}|{label}>"
    if target.startswith("#C"):
        return f"#{label}" if label else target
    if target.startswith("!subteam^"):
        return label or "@team"
    if target.startswith("!date^"):
        return label
    if target.startswith("!"):
        # @here / @channel / @everyone address people; they are not part of the event.
        return ""
    if label:
        return f"{label} ({target})"
    return target.removeprefix("mailto:")


def _unescape(text: str) -> str:
    for entity, char in _ENTITIES:
        text = text.replace(entity, char)
    return text
