"""The draft card: what Quickcal understood, in the person's zone, with Create / Edit / Cancel."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from bot import ids
from bot.blocks.summary import reminder_words, repeat_words, when, zone_words
from bot.blocks.text import (
    BUTTON_TEXT,
    FALLBACK_TEXT,
    FIELD_TEXT,
    clock_words,
    day_words,
    mrkdwn,
    plain,
    shorten,
    user_text,
)
from nlp.draft import EventDraft, When

Block = dict[str, Any]
TITLE_LIMIT = 500
# Room for the fixed blocks of the card within a message's 50.
MAX_CHOICE_BLOCKS = 8


class BrokenLink(Protocol):
    """A linked calendar that stopped working (`bot.linking.BrokenLink` is one)."""

    @property
    def label(self) -> str: ...

    @property
    def reconnect_url(self) -> str: ...


@dataclass(frozen=True)
class Person:
    """A workspace member offered as the answer to an ambiguous name."""

    user_id: str
    label: str


@dataclass(frozen=True)
class Card:
    """Everything the draft card shows; `names` maps attendee emails to people's names."""

    draft_id: str
    draft: EventDraft
    calendar_label: str
    default_minutes: int = 60
    names: Mapping[str, str] = field(default_factory=dict)
    choices: Mapping[str, tuple[Person, ...]] = field(default_factory=dict)
    # Names of members Slack shows without an email: they cannot be invited.
    no_email: frozenset[str] = frozenset()
    template_links: tuple[tuple[str, str], ...] = ()
    failure: str | None = None
    # What the target calendar cannot keep, said before Create (the rest is still created).
    warning: str | None = None
    # The zone the text was read in (the person's); None when unknown.
    person_zone: str | None = None


def title_of(draft: EventDraft) -> str:
    """The title people see: the draft's, or "Untitled event" when it has none."""
    return draft.title.strip() or "Untitled event"


def detail_fields(card: Card) -> list[Block]:
    """The card's facts as section fields (≤ 10), each escaped and within 2000 characters."""
    draft = card.draft
    facts: list[tuple[str, str]] = []
    moment = when(draft, default_minutes=card.default_minutes)
    if moment is not None:
        facts.append(("When", moment.text))
    if draft.location:
        facts.append(("Where", user_text(draft.location, 500)))
    who = attendee_words(draft, names=card.names, choices=card.choices, no_email=card.no_email)
    if who:
        facts.append(("Who", who))
    start_day = draft.start.date() if isinstance(draft.start, datetime) else draft.start
    repeats = repeat_words(draft.recurrence, start=start_day, zone=draft.timezone)
    if repeats:
        facts.append(("Repeats", repeats))
    reminder = reminder_words(draft.reminder_minutes)
    if reminder:
        facts.append(("Reminder", reminder))
    if draft.online_meeting:
        facts.append(("Video", "a meeting link will be added"))
    facts.append(("Calendar", user_text(card.calendar_label, 200)))
    return [mrkdwn(f"*{label}*\n{value}", FIELD_TEXT) for label, value in facts]


def attendee_words(
    draft: EventDraft,
    *,
    names: Mapping[str, str],
    choices: Mapping[str, tuple[Person, ...]],
    no_email: frozenset[str] = frozenset(),
) -> str:
    """Who is invited, by name and email, and what happens to the names that can't be."""
    words: list[str] = []
    for attendee in draft.attendees:
        if attendee.kind == "email":
            name = names.get(attendee.value.lower())
            words.append(user_text(f"{name} ({attendee.value})" if name else attendee.value, 200))
        elif attendee.kind == "slack":
            words.append(user_text(names.get(attendee.value, attendee.value), 200))
        elif attendee.value in choices:
            words.append(f"{user_text(attendee.value, 100)} (which one? see below)")
        elif attendee.value in no_email:
            words.append(
                f"{user_text(attendee.value, 100)} (no email to invite: noted in the description)"
            )
        else:
            words.append(
                f"{user_text(attendee.value, 100)} (not in Slack: noted in the description)"
            )
    return shorten(", ".join(words), 1800)


def draft_blocks(card: Card, *, broken: BrokenLink | None = None) -> list[Block]:
    """The interactive draft card; `broken` adds a warning and a Reconnect button."""
    draft = card.draft
    blocks: list[Block] = [
        {"type": "section", "text": mrkdwn(f"*{user_text(title_of(draft), TITLE_LIMIT)}*")},
        {"type": "section", "fields": detail_fields(card)},
    ]
    if draft.start is None:
        blocks += ask_for_date(card.draft_id)
    elif draft.alternatives:
        blocks += alternative_blocks(card.draft_id, draft.alternatives)
    for name, people in list(card.choices.items())[:MAX_CHOICE_BLOCKS]:
        blocks += choice_blocks(card.draft_id, name, people)
    if broken is not None:
        blocks.append(broken_block(broken))
    for notice in (clock_change(draft), card.warning, card.failure):
        if notice:
            blocks.append({"type": "section", "text": mrkdwn(f":warning: {notice}")})
    if isinstance(draft.start, datetime):
        whose = (
            "your Slack time zone"
            if card.person_zone in (None, draft.timezone)
            else f"from your message; yours is {card.person_zone}"
        )
        zone = f"Times in {zone_words(draft)}, {whose}"
        blocks.append({"type": "context", "elements": [mrkdwn(zone)]})
    blocks.append(draft_actions(card))
    return blocks


def clock_change(draft: EventDraft) -> str | None:
    """Say so when a clock change moved a time (a DST gap) or made it happen twice (a fold).

    The parser flags the start, the end and the other reading separately; each is said.
    """
    if not isinstance(draft.start, datetime):
        return None
    said = []
    if "nonexistent_time" in draft.flags:
        said.append(
            "That time does not exist that day (the clocks go forward), "
            f"so the event starts at {clock_words(draft.start)}."
        )
    if "ambiguous_time" in draft.flags:
        said.append(
            "The start happens twice that night (the clocks go back): this is the first one."
        )
    if "nonexistent_end" in draft.flags and isinstance(draft.end, datetime):
        said.append(
            "The end time does not exist that day (the clocks go forward), "
            f"so the event ends at {clock_words(draft.end)}."
        )
    if "ambiguous_end" in draft.flags:
        said.append("The end happens twice that night (the clocks go back): this is the first one.")
    if {"nonexistent_alternative", "ambiguous_alternative"} & set(draft.flags):
        said.append("The other reading of the day falls on a clock change: check its time.")
    return " ".join(said) or None


def draft_actions(card: Card) -> Block:
    """Create (Retry after a failure; none until there is a start), Edit, Cancel, links."""
    first = (
        _button("Retry", ids.DRAFT_RETRY, card.draft_id, style="primary")
        if card.failure
        else _button("Create", ids.DRAFT_CREATE, card.draft_id, style="primary")
    )
    # Without a start there is nothing to create yet: the card asks for the day instead.
    elements = [first] if card.draft.start is not None else []
    elements += [
        _button("Edit", ids.DRAFT_EDIT, card.draft_id),
        _button("Cancel", ids.DRAFT_CANCEL, card.draft_id),
    ]
    for index, (label, url) in enumerate(card.template_links):
        elements.append(
            {
                "type": "button",
                "action_id": f"{ids.LINK_OPEN}_{index}",
                "text": plain(label, BUTTON_TEXT),
                "url": url,
            }
        )
    return {"type": "actions", "elements": elements}


def ask_for_date(draft_id: str) -> list[Block]:
    """No date in the text: ask with pickers instead of guessing (the day commits the choice)."""
    return [
        {
            "type": "section",
            "text": mrkdwn(
                "*When is it?* I found no date in your message. "
                "Pick a start time if it has one, then the day."
            ),
        },
        {
            "type": "actions",
            "block_id": f"{ids.WHEN_BLOCK}|{draft_id}",
            "elements": [
                {
                    "type": "timepicker",
                    "action_id": ids.DRAFT_SET_TIME,
                    "placeholder": plain("Start time (optional)"),
                },
                {
                    "type": "datepicker",
                    "action_id": ids.DRAFT_SET_DATE,
                    "placeholder": plain("Pick a day"),
                },
            ],
        },
    ]


def alternative_blocks(draft_id: str, alternatives: tuple[When, ...]) -> list[Block]:
    """The start was ambiguous: each other reading is one click away."""
    buttons = [
        _button(_start_words(value), f"{ids.DRAFT_PICK_START}_{index}", f"{draft_id}|{index}")
        for index, value in enumerate(alternatives[:5])
    ]
    return [
        {"type": "section", "text": mrkdwn("Did you mean another day?")},
        {"type": "actions", "elements": buttons},
    ]


def choice_blocks(draft_id: str, name: str, people: tuple[Person, ...]) -> list[Block]:
    """Several members answer to `name`: offer each (and "none of them")."""
    buttons = [
        _button(
            person.label,
            f"{ids.DRAFT_PICK_ATTENDEE}_{index}",
            f"{draft_id}|{person.user_id}|{name}",
        )
        for index, person in enumerate(people[:10])
    ]
    buttons.append(
        _button("None of them", f"{ids.DRAFT_PICK_ATTENDEE}_none", f"{draft_id}||{name}")
    )
    return [
        {"type": "section", "text": mrkdwn(f"Which *{user_text(name, 100)}* did you mean?")},
        {"type": "actions", "elements": buttons},
    ]


def broken_block(broken: BrokenLink) -> Block:
    """The warning that a linked calendar stopped working, with its Reconnect button."""
    label = user_text(broken.label, 100)
    return {
        "type": "section",
        "text": mrkdwn(
            f":warning: Your {label} link stopped working. "
            "Reconnect it, or this goes to your local calendar."
        ),
        "accessory": {
            "type": "button",
            "action_id": f"{ids.LINK_OPEN}_reconnect",
            "text": plain(f"Reconnect {broken.label}", BUTTON_TEXT),
            "url": broken.reconnect_url,
        },
    }


def draft_text(card: Card) -> str:
    """The notification fallback: title and when, plain."""
    moment = when(card.draft, default_minutes=card.default_minutes)
    words = f"Draft: {title_of(card.draft)}" + (f", {moment.plain}" if moment else ", no date yet")
    return user_text(words, FALLBACK_TEXT)


def _start_words(value: When) -> str:
    if isinstance(value, datetime):
        return f"{day_words(value.date())} {clock_words(value)}"
    return day_words(value)


def _button(text: str, action_id: str, value: str, *, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "action_id": action_id,
        "text": plain(shorten(text, BUTTON_TEXT), BUTTON_TEXT),
        "value": shorten(value, 2000),
    }
    if style:
        button["style"] = style
    return button
