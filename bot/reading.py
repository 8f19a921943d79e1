"""Reading a message in the person's language, and in English when that reads it better.

People often write English in a Slack set to another language (and the reverse), so the
text is read both ways when the person's language is not English, and the reading that
understood more of it wins: a date first, then how many characters it accounted for.
"""

from __future__ import annotations

from datetime import datetime

from nlp.draft import EventDraft
from nlp.parse import parse

ENGLISH = "en"
UNREAD = {"title", "noise"}


def read(text: str, *, now: datetime, zone: str, locale: str) -> EventDraft:
    """The best draft of `text` for a person whose Slack speaks `locale`."""
    own = parse(text, now=now, tz=zone, locale=locale)
    if locale.lower().split("-")[0] == ENGLISH:
        return own
    english = parse(text, now=now, tz=zone, locale=ENGLISH)
    return english if understood(english) > understood(own) else own


def understood(draft: EventDraft) -> tuple[bool, int]:
    """How much of the text a reading accounted for: (found a date, characters read)."""
    covered = sum(s.end - s.start for s in draft.spans if s.field not in UNREAD)
    return draft.start is not None, covered
