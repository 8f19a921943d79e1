"""Slack's markup read back into what the person typed."""

from __future__ import annotations

import pytest

from bot.markup import plain_text

CASES = [
    ("R&amp;D sync friday", "R&D sync friday"),
    ("&lt;!channel&gt; party", "<!channel> party"),  # typed literally: shown, never pinging
    ("<!channel> party", "party"),
    ("standup <!here> at 9", "standup at 9"),
    ("lunch with <@U0ADELE>", "lunch with <@U0ADELE>"),
    ("lunch with <@U0ADELE|adele>", "lunch with <@U0ADELE|adele>"),
    ("sync in <#C0GENERAL|general>", "sync in #general"),
    ("ping <!subteam^S1|@design>", "ping @design"),
    ("read <https://ex.com/doc|the doc> first", "read the doc (https://ex.com/doc) first"),
    ("see <https://ex.com>", "see https://ex.com"),
    (
        "mail <mailto:ana@example.com|ana@example.com>",
        "mail ana@example.com (mailto:ana@example.com)",
    ),
    ("x &gt; y &amp;&amp; 3 &lt; 4", "x > y && 3 < 4"),
]


@pytest.mark.parametrize(("sent", "typed"), CASES)
def test_plain_text(sent: str, typed: str) -> None:
    assert plain_text(sent) == typed
