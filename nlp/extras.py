"""Extras: reminders ("remind me 10 min before") and online meetings ("on Zoom", "video call")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.lengths import amount, has_amount, minutes_of
from nlp.locales import lexicon
from nlp.pattern import alt, before, compile_low, holds, key, matches, needles
from nlp.scan import Scan

# Slack writes links as <https://...|label>, channels as <#C123|name>, broadcasts as <!here>.
_SLACK_LINK = re.compile(r"<(?:(?P<url>https?://[^|<>\s]{1,2000})|#[A-Z0-9]{2,}|![a-z]{2,})"
                         r"(?:\|[^>]{0,200})?>")
# Slack writes emoji as shortcodes (":calendar:", ":+1:"): decoration, never part of a title.
_SHORTCODE = re.compile(r"(?<!\w):[a-z0-9_+'-]{1,60}:(?!\w)")
# Broadcasts typed as plain text ("@channel", "@here"): noise like "<!here>".
_BROADCAST = re.compile(r"(?<![\w@<])@(?:channel|here|everyone)(?![\w@])", re.IGNORECASE)
_BARE_URL = re.compile(r"(?<![\w/])(?P<url>https?://[^\s<>]{1,2000})")
_MEETING_HOSTS = re.compile(r"^https?://(?:[\w-]+\.)*(?:zoom\.us|meet\.google\.com|teams\."
                            r"microsoft\.com|teams\.live\.com|webex\.com|whereby\.com)(?:[/:?#]|$)",
                            re.IGNORECASE)


def find_links(scan: Scan) -> bool:
    """Links, channel names, broadcasts ("<!here>", "@channel") and emoji shortcodes, taken out
    of the text (their digits are no dates).

    Returns whether one of the links is a video-meeting link (a Zoom or Meet URL).
    """
    online = False
    if ":" in scan.view:
        for m in matches(_SHORTCODE, scan.view):
            scan.take(m.start(), m.end(), "noise")
    if "@" in scan.view:
        for m in matches(_BROADCAST, scan.view):
            scan.take(m.start(), m.end(), "noise")
    if "<" not in scan.view and "://" not in scan.view:
        return online
    for pattern in (_SLACK_LINK, _BARE_URL):
        for m in matches(pattern, scan.view):
            url = m["url"]
            meeting = url is not None and _MEETING_HOSTS.match(url) is not None
            online = online or meeting
            scan.take(m.start(), m.end(), "online_meeting" if meeting else "noise")
    return online


@dataclass(frozen=True)
class _Patterns:
    reminders: tuple[re.Pattern[str], ...]
    named_reminder: re.Pattern[str]  # "remind me the day before"
    reminder_lead: re.Pattern[str]  # read backwards: "with a" in "with a 15 minute reminder"
    reminder_words: tuple[str, ...]  # one is in every reminder phrase: a cheap first test
    online: re.Pattern[str]
    online_pieces: tuple[str, ...]  # one is in every online or platform word: a cheap gate
    platform: re.Pattern[str]


@lru_cache(maxsize=16)
def _patterns(code: str) -> _Patterns:
    lex = lexicon(code)
    sp = lex.spaced
    leads = alt(lex.reminder_leads, spaced=sp)
    ahead = alt(lex.reminder_before, spaced=sp)
    nouns = alt(lex.reminder_nouns, spaced=sp)
    arts = alt(lex.articles, spaced=sp)
    withs = alt(lex.with_words, spaced=sp)
    particle = r"(?:" + alt(lex.time_particles, spaced=False) + r")?" if lex.time_particles \
        else ""
    polite = r"(?:\s*" + alt(lex.polite_tail, spaced=sp) + r")?" if lex.polite_tail else ""
    return _Patterns(
        reminders=(
            compile_low(r"(?P<lead>" + leads + r")\s*(?P<colon>:)?\s*(?:me\s+)?" + amount(lex)
                        + r"(?:\s*(?P<ahead>" + ahead + r"))?"),
            compile_low(amount(lex, digits_only=True) + r"\s*-?\s*" + nouns),
            # ko "10분 전에 알림", ja "15分前にリマインドして": the amount leads, and the
            # politeness after the lead goes with it.
            compile_low(amount(lex, digits_only=True) + r"\s*(?P<ahead>" + ahead + r")\s*"
                        + particle + r"\s*(?P<lead>" + leads + r")" + polite),
        ),
        named_reminder=compile_low(r"(?P<lead>" + leads + r")\s*:?\s*(?:me\s+|us\s+)?(?P<named>"
                                   + alt(lex.reminder_phrases, spaced=sp) + r")"),
        reminder_lead=compile_low(r",?\s*(?:" + withs + r"\s+)?(?:" + arts + r"\s+)?$"),
        reminder_words=needles(lex.reminder_leads, lex.reminder_nouns),
        online=compile_low(alt(lex.online_words, spaced=sp)),
        online_pieces=needles(lex.online_words, lex.online_platforms, sizes=(3, 4)),
        platform=compile_low(r"(?:" + alt(lex.online_preps, spaced=sp) + r")\s+"
                             + alt(lex.online_platforms, spaced=sp) + r"|"
                             + alt((*lex.online_words, *lex.online_platforms), spaced=sp)
                             + alt(lex.online_particles, spaced=False)),
    )


def find_reminder(scan: Scan, *, locale: str) -> int | None:
    """Minutes before the event to remind, consumed; None if the text asks for none."""
    lex = lexicon(locale)
    pats = _patterns(lex.code)
    # Every phrase names its unit ("the day before") and a lead or noun ("remind", "alert"),
    # so two gates serve all forms; the substring test is the cheaper, so it runs first.
    if not holds(scan.low, pats.reminder_words) or not has_amount(scan, locale=lex.code):
        return None
    if lex.reminder_phrases and (m := pats.named_reminder.search(scan.low)):
        lead = before(pats.reminder_lead, scan.low, m.start())
        scan.take(lead.start() if lead is not None else m.start(), m.end(), "reminder")
        return lex.reminder_phrases[key(m["named"])]
    for pattern in pats.reminders:
        for m in matches(pattern, scan.low):
            groups = m.groupdict()
            # "remind me 10 min" alone is no reminder; "remind me 10 min before",
            # "reminder: 10 min" or "reminder 15m" (the noun) is.
            if "colon" in groups and not (groups["colon"] or groups["ahead"]
                                          or key(groups["lead"]) in lex.reminder_nouns):
                continue
            lead = before(pats.reminder_lead, scan.low, m.start())
            start = lead.start() if lead is not None else m.start()
            scan.take(start, m.end(), "reminder")
            return round(minutes_of(lex, m))
    return None


def find_online(scan: Scan, *, locale: str) -> bool:
    """Whether the event is an online meeting; "on Zoom" (ja "Zoomで") leaves the title, "Zoom
    call" stays."""
    pats = _patterns(lexicon(locale).code)
    if not holds(scan.low, pats.online_pieces):
        return False
    m = pats.platform.search(scan.low)
    if m:
        scan.take(m.start(), m.end(), "online_meeting")
        return True
    return pats.online.search(scan.low) is not None
