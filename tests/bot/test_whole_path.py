"""Property: any message text, through the whole path without HTTP, stays within every contract.

Slack's text -> the words the parser reads (`plain_text`) -> a draft (`read`) -> the people
resolved as Slack would (members with an email become invitees) -> the draft card, its
fallback text, the result, receipt, cancelled and undone cards -> the Edit modal -> the
modal submitted as Slack sends it unchanged (`read_edit`) -> each provider's body, for the
draft as parsed and as edited. Nothing raises; every message and modal is within Block
Kit's limits; no user string reaches mrkdwn unescaped (the only markup is Quickcal's own
date tokens and links); every provider body is valid against its published contract.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, cast

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.blocks.draft import Card, Person, draft_blocks, draft_text, title_of
from bot.blocks.modal import edit_modal
from bot.blocks.receipt import receipt_blocks, receipt_text
from bot.blocks.result import (
    cancelled_blocks,
    cancelled_text,
    result_blocks,
    result_text,
    undone_blocks,
    undone_text,
)
from bot.creating import fitted, for_calendar
from bot.editing import read_edit
from bot.errors import InvalidEdit
from bot.markup import plain_text
from bot.reading import read
from bot.templates import template_links
from bot.wording import explain
from nlp.draft import Attendee, EventDraft
from nlp.locales import LEXICONS
from providers.base import Calendar, CreatedEvent
from providers.errors import Rejected, Unsupported
from providers.google_body import check_google, to_google_event
from providers.graph_body import check_graph, to_graph_event
from providers.lineworks_body import check_lineworks, to_lineworks_event
from tests.bot.slack_requests import modal_values
from tests.fakes.block_kit import block_problems, view_problems
from tests.fakes.contracts import GOOGLE_EVENT, GRAPH_EVENT, LINEWORKS_EVENT, problems

NOW = datetime(2026, 11, 18, 9, 0)
DRAFT_ID = "d7f3c2a14b9e4f0a8c6d5e2b1a0f9e8d"
ZONES = ["America/New_York", "Europe/Paris", "Asia/Tokyo", "Australia/Lord_Howe", "UTC"]
# Workspace members: ids a message may mention, with the display names Slack would give
# (people choose those, so they are as hostile as any message).
MEMBERS = {"U0ADELE": "Adele <!channel> & *co*", "U0BOB": "bob", "W0GRID": "Grid_user~"}
CALENDARS = (("google", "Google Calendar"), ("local", "Quickcal <calendar> & co"))

# Pieces of what people write, Slack's markup as Slack sends it, and what could break it.
PIECES = [
    "lunch", "with", "at", "every", "Monday", "tomorrow", "3pm", "noon", "Dec 3", "12/3",
    "for 2 hours", "until Dec 20", "every other week", "remind me 10 min before", "on Zoom",
    "PST", "in", "the", "and", "-", "to", "2:30am", "Mar 8", "weekdays", "tonight at 8",
    "明日", "15時", "내일", "um", "Uhr", "à", "a las", "<@U0ADELE>", "<@U0BOB|bob>",
    "<@W0GRID>", "<@U0NOBODY>", "<!channel>", "<!here>", "<#C0GENERAL|general>",
    "<!subteam^S1|@team>", "&amp;", "&lt;b&gt;", "&", "<", ">", "*bold*", "_it_", "~s~",
    "`code`", "```", "https://example.com/a?b=c&d=e", "<https://example.com/x|the doc>",
    "<mailto:ana@example.com|ana@example.com>", "ana@example.com", "ben+1@example.org",
    '"Room <1>"', "in Room & Hall", "🎉", ":tada:", "\n", "\t", "\x00", "\u202e", "|", "^",
    "x" * 300, "with Adele", "with Sam and Kwame", "w/ Dr. Ng", "with Zoë &amp; Ana", "Sam",
]  # fmt: skip
# A day and time in each language, so that most messages reach the calendars.
WHENS = [
    "tomorrow 3pm", "friday noon", "Dec 3 at 10am", "next Monday 9-10am", "every weekday at 9",
    "every other Tuesday 2pm until Dec 20", "Mar 8 2:30am", "tonight at 8", "12/3 for 2 hours",
    "Dec 3-5", "明日 15時", "내일 오후 3시", "morgen um 15 Uhr", "demain à 15h", "mañana a las 3",
]  # fmt: skip
phrases = st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join)
sentences = st.builds(
    lambda before, when, after: f"{before} {when} {after}",
    st.lists(st.sampled_from(PIECES), max_size=8).map(" ".join),
    st.sampled_from(WHENS),
    st.lists(st.sampled_from(PIECES), max_size=8).map(" ".join),
)
LONGEST = 4000  # Slack's limit is 40,000; the parser reads the first 4,096 characters
texts = st.one_of(
    st.text(max_size=400),
    phrases,
    sentences,
    sentences,
    # Long messages, cheaply: a sentence, then the same words again, cut at LONGEST.
    st.builds(lambda text, times: ((text + " ") * times)[:LONGEST], sentences, st.integers(1, 150)),
    st.builds(lambda text, times: (text * times)[:LONGEST], st.text(min_size=1, max_size=40),
              st.integers(50, 200)),
)  # fmt: skip

# Quickcal's own markup in mrkdwn: date tokens (fallback escaped) and its links.
OWN_MARKUP = re.compile(r"<!date\^\d+\^\{[a-z_ {}]+\}\|[^<>]*>|<https://[^<>|]+\|this message>")
BARE_AMPERSAND = re.compile(r"&(?!amp;|lt;|gt;)")


@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=texts, zone=st.sampled_from(ZONES), locale=st.sampled_from(sorted(LEXICONS)))
@example(
    text="lunch with <@U0ADELE> & <@U0NOBODY> friday noon at <Room & Hall>",
    zone="America/New_York",
    locale="en",
)
@example(
    text="&lt;!channel&gt; standup every weekday at 9 with Sam until Dec 20",
    zone="Europe/Paris",
    locale="fr",
)
@example(text="x" * 4000 + " tomorrow 3pm", zone="Asia/Tokyo", locale="ja")
def test_any_message_stays_within_every_contract(text: str, zone: str, locale: str) -> None:
    draft = resolved(read(plain_text(text), now=NOW, zone=zone, locale=locale))
    card = card_of(draft, zone=zone)
    for blocks, fallback in messages(card):
        assert block_problems(blocks, surface="message") == []
        assert unescaped([fallback, *mrkdwn_texts(blocks)]) == []
    view = modal_of(draft)
    assert view_problems(view) == []
    edited, errors = submitted(view, draft)
    # Slack shows errors only next to inputs the modal has.
    assert set(errors) <= {block["block_id"] for block in view["blocks"]}
    for each in (draft, *edited):
        if each.start is not None:
            assert provider_problems(each) == []


def submitted(view: dict[str, Any], draft: EventDraft) -> tuple[list[EventDraft], dict[str, str]]:
    """The modal submitted as it opened: ([the edited draft], {}) or ([], field errors)."""
    try:
        return [read_edit(modal_values(view), draft=draft).draft], {}
    except InvalidEdit as exc:
        return [], exc.fields


def resolved(draft: EventDraft) -> EventDraft:
    """What `bot.drafting.resolve_people` makes of it when every member shows an email."""
    attendees = [
        Attendee(kind="email", value=f"{a.value.lower()}@example.com")
        if a.kind == "slack" and a.value in MEMBERS
        else a
        for a in draft.attendees
    ]
    return draft.model_copy(update={"attendees": tuple(dict.fromkeys(attendees))})


def card_of(draft: EventDraft, *, zone: str) -> Card:
    names = [a.value for a in draft.attendees if a.kind == "name"]
    return Card(
        draft_id=DRAFT_ID,
        draft=draft,
        calendar_label=CALENDARS[1][1],
        names={f"{k.lower()}@example.com": v for k, v in MEMBERS.items()},
        # Every name is ambiguous: each gets its "which one?" buttons (the most blocks).
        choices={n: (Person("U0SAM1", "Sam <Lee>"), Person("U0SAM2", "Sam & O")) for n in names},
        template_links=template_links(draft),
        warning=what_lineworks_cannot_keep(draft),
        person_zone=zone,
    )


def what_lineworks_cannot_keep(draft: EventDraft) -> str | None:
    """The card's warning, as `bot.drafting` words it for a calendar that cannot hold all."""
    if draft.start is None:
        return None
    try:
        check_lineworks(for_calendar(draft, default_minutes=60))
    except Unsupported as exc:
        return explain(exc, label="LINE WORKS")
    return None


def messages(card: Card) -> Iterator[tuple[list[dict[str, Any]], str]]:
    """Every message the draft becomes: (blocks, notification fallback)."""
    title = title_of(card.draft)
    yield draft_blocks(card), draft_text(card)
    # The calendar's own words, as hostile as a message (`explain` escapes them).
    refusal = Rejected("Invalid <summary> & co: " + title, provider="google")
    failed = replace(card, failure=explain(refusal, label="Google <Calendar>"))
    yield draft_blocks(failed), draft_text(failed)
    for created in (
        CreatedEvent(provider="google", event_id="e1", web_link="https://calendar.google.com/e"),
        CreatedEvent(provider="local", event_id="e2"),
    ):
        label = created.provider
        yield (
            result_blocks(card, created, label=label, feed="https://q.example/f.ics"),
            result_text(card, label=label),
        )
        source = "https://quickcal-test.slack.com/archives/C0GENERAL/p1700000000000100"
        yield (
            receipt_blocks(card, created, label=label, source=source),
            receipt_text(card, label=label),
        )
    yield cancelled_blocks(title), cancelled_text(title)
    yield undone_blocks(title, label=CALENDARS[1][1]), undone_text(title, label=CALENDARS[1][1])


def modal_of(draft: EventDraft) -> dict[str, Any]:
    return edit_modal(
        draft,
        draft_id=DRAFT_ID,
        members=[a.value for a in draft.attendees if a.kind == "slack"],
        emails=[a.value for a in draft.attendees if a.kind == "email"],
        calendars=CALENDARS,
        calendar="google",
    )


def mrkdwn_texts(node: Any) -> Iterator[str]:
    """Every mrkdwn text object's text, however deep."""
    if isinstance(node, dict):
        if node.get("type") == "mrkdwn" and isinstance(node.get("text"), str):
            yield node["text"]
        for value in node.values():
            yield from mrkdwn_texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from mrkdwn_texts(value)


def unescaped(texts: list[str]) -> list[str]:
    """Texts in which Slack would read user words as markup: `<`, `>` or a bare `&`."""
    found = []
    for text in texts:
        rest = OWN_MARKUP.sub("", text)
        if "<" in rest or ">" in rest or BARE_AMPERSAND.search(rest):
            found.append(text)
    return found


Provider = tuple[str, Callable[[EventDraft], None], Callable[..., dict[str, Any]]]
PROVIDERS: list[Provider] = [
    (GOOGLE_EVENT, check_google, to_google_event),
    (GRAPH_EVENT, check_graph, to_graph_event),
    (LINEWORKS_EVENT, check_lineworks, to_lineworks_event),
]


class Checker:
    """As much of a `Calendar` as `bot.creating.fitted` reads: its `check`."""

    def __init__(self, check: Callable[[EventDraft], None]) -> None:
        self.check = check


def provider_problems(draft: EventDraft) -> list[str]:
    """Each provider's body for `draft`, as `bot.creating` fits it, against its contract.

    What a calendar cannot hold is refused before the call (`Unsupported`, said on the
    card): no body is built then.
    """
    final = for_calendar(draft, default_minutes=60)
    found = []
    for contract, check, body_of in PROVIDERS:
        try:
            ready = fitted(cast(Calendar, Checker(check)), final)
        except Unsupported:
            continue
        body = body_of(ready, idempotency_key=DRAFT_ID, default_length=timedelta(hours=1))
        found += [f"{contract}: {p}" for p in problems(contract, body)]
    return found
