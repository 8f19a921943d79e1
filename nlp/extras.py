"""Extras: reminders ("remind me 10 min before") and online meetings ("on Zoom", "video call")."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.lengths import amount, minutes_of
from nlp.locales import lexicon
from nlp.pattern import RUN_START, alt, compile_ci
from nlp.scan import Scan


@lru_cache(maxsize=16)
def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon(code)
    sp = lex.spaced
    qty = amount(lex)
    leads = alt(lex.reminder_leads, spaced=sp)
    before = alt(lex.reminder_before, spaced=sp)
    nouns = alt(lex.reminder_nouns, spaced=sp)
    arts = alt(lex.articles, spaced=sp)
    reminder = compile_ci(
        RUN_START + r",?\s*(?:(?P<lead>" + leads + r")\s*:?\s*(?:me\s+)?|(?:(?:"
        + alt(lex.with_words, spaced=sp) + r")\s+)?(?:" + arts + r"\s+)?)" + qty
        + r"(?:\s*(?P<before>" + before + r")|\s*-?\s*(?P<noun>" + nouns + r"))?"
    )
    online = compile_ci(alt(lex.online_words, spaced=sp))
    platform = compile_ci(r"(?:" + alt(lex.online_preps, spaced=sp) + r")\s+"
                          + alt(lex.online_platforms, spaced=sp))
    return reminder, online, platform, compile_ci(alt(lex.online_platforms, spaced=sp))


def find_reminder(scan: Scan, *, locale: str) -> int | None:
    """Minutes before the event to remind, consumed; None if the text asks for none."""
    lex = lexicon(locale)
    for m in _patterns(lex.code)[0].finditer(scan.view):
        if m["noun"] or (m["lead"] and m["before"]):
            break
    else:
        return None
    scan.take(m.start(), m.end(), "reminder")
    return round(minutes_of(lex, m))


def find_online(scan: Scan, *, locale: str) -> bool:
    """Whether the event is an online meeting; "on Zoom" leaves the title, "Zoom call" stays."""
    _, online, platform, _names = _patterns(lexicon(locale).code)
    m = platform.search(scan.view)
    if m:
        scan.take(m.start(), m.end(), "online_meeting")
        return True
    return online.search(scan.view) is not None
