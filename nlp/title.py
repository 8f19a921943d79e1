"""Title: what remains of the message once every other phrase is taken out, tidied."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nlp.lexicon import Lexicon
from nlp.locales import lexicon
from nlp.pattern import alt, compile_low, fold
from nlp.scan import Scan

_EMPTY_BRACKETS = re.compile(r"\([\s,;:.-]*\)|\[[\s,;:.-]*\]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)])")
_PUNCT_AFTER_SPACE = re.compile(r"\s[,.;:!?)]")  # what `_SPACE_BEFORE_PUNCT` needs: a gate
_REPEATED_COMMAS = re.compile(r"(?:\s*,){2,}")
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


@lru_cache(maxsize=16)
def _preamble(code: str) -> re.Pattern[str]:
    """Chatter that opens with a filler and ends where a request opens with another ("hey
    team, quick heads up - can we do the review"): the request is the event."""
    lex = lexicon(code)
    fillers = alt(lex.fillers, spaced=lex.spaced)
    # "Hey team, lunch Friday": a greeting to a group is no part of the event either.
    hello = alt(lex.greetings, spaced=lex.spaced)
    whom = alt((*lex.group_nouns, *lex.not_names), spaced=lex.spaced)
    return compile_low(r"^(?:" + fillers + r"[^.!?\n]{0,60}?[,:;.!—–-]\s+(?=" + fillers
                       + r"(?:[\s,.:;!-]|$))|" + hello + r"[ ]+" + whom + r"[ ]*[,:;!—–-]+\s*)")


@lru_cache(maxsize=16)
def _edges(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon(code)
    sp = lex.spaced
    fillers = alt(lex.fillers, spaced=sp)
    joiners = alt(lex.edge_joiners, spaced=sp)
    keep = r"(?!" + alt(lex.filler_nouns, spaced=sp) + r")" if lex.filler_nouns else ""
    # "schedule a meeting": the indefinite article after a command word goes with it (the
    # articles that never lead a place: "a", not "the").
    some = [a for a in lex.articles if a not in lex.place_articles]
    article = (r"(?:[\s,.:;!-]+" + alt(some, spaced=sp) + r"(?=\s))?") if some and sp else ""
    lead = compile_low(r"^(?:" + fillers + article + r"|" + joiners + r")"
                       + (r"(?:[\s,.:;!-]+|$)" if sp else r"\s*") + keep)
    trail = compile_low((r"(?:^|(?<!\s)\s+)" if sp else r"(?<!\s)\s*") + r"(?:" + joiners + r")$")
    polite = compile_low(r"(?:^|(?<!\s)\s+)" + alt(lex.polite_tail, spaced=sp) + r"$")
    return lead, trail, polite


@lru_cache(maxsize=16)
def _endings(code: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The last words of the trailing joiners and of the polite tails: what a text those
    `_edges` patterns match must end with (a cheap `endswith` before the search)."""
    lex = lexicon(code)
    return (tuple(w.split()[-1] for w in lex.edge_joiners if w.split()),
            tuple(w.split()[-1] for w in lex.polite_tail if w.split()))


def _is_edge_junk(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch.isspace() or category[0] in "PSZC" or category in ("Mn", "Me")


def _strip_junk(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_edge_junk(text[start]) and text[start] not in "<(\"'":
        start += 1
    while end > start and _is_edge_junk(text[end - 1]) and text[end - 1] not in ">)\"'":
        end -= 1
    return text[start:end]


_TAIL_REACH = 80  # the longest trailing word an end pattern removes, with its spaces


def _cut(pattern: re.Pattern[str], text: str, low: str, *, at_end: bool = False) -> str:
    """`text` without the first match of a lower-case `pattern` in `low`, its `fold`.

    An `at_end` pattern ends in `$`: only the text's last characters can hold it, so
    the search starts there instead of trying every position of a long message.
    """
    m = pattern.search(low, max(0, len(text) - _TAIL_REACH) if at_end else 0)
    return text if m is None else text[:m.start()] + text[m.end():]


@lru_cache(maxsize=16)
def _chatter(code: str) -> frozenset[str]:
    """Words a preamble is made of ("ok so the plan:", "hey all, quick one:")."""
    lex = lexicon(code)
    phrases = (*lex.greetings, *lex.fillers, *lex.group_nouns, *lex.not_names,
               *lex.preamble_words)
    return frozenset(word for phrase in phrases for word in phrase.split())


_FRAMED = re.compile(r"[,:;!?—–]| - | for ")  # what any framing needs: a cheap gate
_LEAD_CLAUSE = re.compile(r"^([^,:;!?—–]{1,60}?)\s*[,:;!—–]+\s+")
_CLAUSE_BREAK = re.compile(r"\s*(?:[?!]+|[,;]|\s[—–-])\s+")


@lru_cache(maxsize=16)
def _clause_patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = lexicon(code)
    remark = compile_low(alt(lex.side_remarks, spaced=True))
    booked = compile_low(r"^" + alt(lex.booking_leads, spaced=True) + r"\s+[^,.!?]{1,40}?\s+"
                         + alt(lex.for_words, spaced=True) + r"\s+")
    return remark, booked


def _drop_chatter(text: str, *, code: str) -> str:
    """Without chat framing: preambles of filler words ("ok so the plan:"), "I booked the
    room for", and side remarks after the event clause ("? probably best", ", same link")."""
    if _FRAMED.search(text) is None:
        return text  # most titles: no clause to drop, nothing booked "for" an event
    lex = lexicon(code)
    words = _chatter(code)
    for _ in range(4):
        m = _LEAD_CLAUSE.match(text)
        if m is None or not m.group(1).strip() or len(text) == m.end() or not all(
                w.strip("!.'’") in words for w in fold(m.group(1)).split()):
            break
        text = text[m.end():]
    remark, booked = _clause_patterns(code)
    low = fold(text)
    if lex.booking_leads and (b := booked.match(low)) and len(text) > b.end():
        text, low = text[b.end():], low[b.end():]
    for brk in _CLAUSE_BREAK.finditer(text):
        if brk.start() == 0:
            continue
        strong = brk.group().strip()[:1] in "?!"
        if strong or remark.match(low, brk.end()):
            return text[:brk.start()]
    return text


def _phrasal(low: str, lex: Lexicon) -> bool:
    """Whether the text ends in a verb and its particle ("Check in"): no dangling joiner."""
    return any(low.endswith(verb) and (len(low) == len(verb) or low[-len(verb) - 1] == " ")
               for verb in lex.phrasal_verbs)


_ADDRESS = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>[ \t]+")


def make_title(remaining: str, *, locale: str) -> str:
    """The event title from the message's leftover text: edges trimmed, first letter capitalised."""
    lex = lexicon(locale)
    lead, trail, polite = _edges(lex.code)
    trail_ends, polite_ends = _endings(lex.code)
    text = " ".join(remaining.split())
    # Each rewrite runs only where the characters it needs are there: most titles have none,
    # and a `sub` costs a call into Python for its template even when nothing matches.
    if "(" in text or "[" in text:
        text = _EMPTY_BRACKETS.sub(" ", text)
    if "," in text:
        text = _REPEATED_COMMAS.sub(",", text)
    if _PUNCT_AFTER_SPACE.search(text):
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    if lex.unspaced_title:
        text = _CJK_GAP.sub("", text)
    if lex.spaced and lex.fillers and (m := _preamble(lex.code).match(fold(text))):
        text = text[m.end():]
    if text.startswith("<@") and (m := _ADDRESS.match(text)):
        # "<@U123> can we do a quick sync": a request addressed to someone; the title is the
        # request (the mention is an attendee wherever it stands).
        rest = text[m.end():]
        if (cut := _cut(lead, rest, fold(rest))) is not rest and cut.strip():
            text = cut
    if lex.spaced and lex.side_remarks:
        text = _drop_chatter(text, code=lex.code)
    for _ in range(12):
        before = text
        text = _strip_junk(text)
        if not text:
            break
        low = fold(text)  # folded again only after a cut: most titles lose nothing
        if (cut := _cut(lead, text, low)).strip():  # a title never shrinks to nothing
            text, low = cut, (low if cut is text else fold(cut))
        for pattern, ends in ((trail, trail_ends), (polite, polite_ends)):
            # The pattern ends in `$` after a word of its table: the text must end with one.
            if not low.rstrip("\n").endswith(ends) or (pattern is trail and _phrasal(low, lex)):
                continue
            if (cut := _cut(pattern, text, low, at_end=True)).strip():
                text, low = cut, (low if cut is text else fold(cut))
        if text == before:
            break
    text = " ".join(text.split())
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def title_spans(scan: Scan, title: str) -> list[tuple[int, int]]:
    """Where the title's words stand in the message: one span per unbroken run of them."""
    spans: list[tuple[int, int]] = []
    at = 0
    low = fold(scan.text)
    for word in fold(title).split():
        found = low.find(word, at)
        while found >= 0 and not scan.free_between(found, found + len(word)):
            found = low.find(word, found + 1)
        if found < 0:
            continue
        end = found + len(word)
        if spans and not scan.text[spans[-1][1]:found].strip():
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((found, end))
        at = end
    return spans
