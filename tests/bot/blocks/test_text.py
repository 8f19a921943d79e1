"""Escaping, shortening within Block Kit limits, Slack date tokens."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.blocks.text import duration_words, escape, shorten, slack_date, user_text

ESCAPES = [
    ("<!channel> party", "&lt;!channel&gt; party"),
    ("<@U123> & <#C1>", "&lt;@U123&gt; &amp; &lt;#C1&gt;"),
    ("fish & chips", "fish &amp; chips"),
    ("plain words", "plain words"),
    ("&amp; stays visible", "&amp;amp; stays visible"),
]


@pytest.mark.parametrize(("raw", "shown"), ESCAPES)
def test_escape(raw: str, shown: str) -> None:
    assert escape(raw) == shown


SHORTENED = [
    ("short", 10, "short"),
    ("exactly ten", 11, "exactly ten"),
    ("a" * 20, 10, "a" * 9 + "…"),
    ("ab &amp; cd", 6, "ab…"),  # never cut inside an entity
    ("ab &lt;", 6, "ab…"),
]


@pytest.mark.parametrize(("text", "limit", "expected"), SHORTENED)
def test_shorten(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_user_text_escapes_then_fits_the_limit() -> None:
    text = user_text("<!here> " * 1000, 3000)
    assert len(text) <= 3000
    assert "<!here>" not in text
    assert text.endswith("…")


def test_slack_date_token_with_escaped_fallback() -> None:
    moment = datetime(2026, 11, 20, 12, tzinfo=ZoneInfo("America/New_York"))
    token = slack_date(moment, "{date_short_pretty} {time}", fallback="Fri <12:00>")
    assert token == "<!date^1795194000^{date_short_pretty} {time}|Fri &lt;12:00&gt;>"


@pytest.mark.parametrize(
    ("minutes", "words"),
    [(30, "30 min"), (60, "1 h"), (90, "1 h 30 min"), (1440, "1 day"), (2880 + 60, "2 days 1 h")],
)
def test_duration_words(minutes: int, words: str) -> None:
    assert duration_words(minutes) == words
