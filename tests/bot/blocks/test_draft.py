"""The draft card and what it becomes, checked against Block Kit's published limits."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot import ids
from bot.blocks.draft import Card, Person, draft_blocks, draft_text
from bot.blocks.help import help_blocks
from bot.blocks.modal import edit_modal
from bot.blocks.receipt import receipt_blocks, receipt_text
from bot.blocks.result import result_blocks
from nlp import parse
from nlp.draft import Attendee, EventDraft
from providers.base import CreatedEvent
from tests.fakes.block_kit import block_problems, view_problems

NY = ZoneInfo("America/New_York")
START = datetime(2026, 11, 20, 12, tzinfo=NY)


@dataclass(frozen=True)
class Broken:
    label: str
    reconnect_url: str


def card(**changes: object) -> Card:
    fields: dict[str, object] = {"title": "Lunch", "start": START, "timezone": "America/New_York"}
    fields |= changes
    return Card("d1", EventDraft.model_validate(fields), "Quickcal calendar")


def text_of(blocks: list[dict[str, object]]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def test_title_pings_nobody_and_fallback_is_plain() -> None:
    shown = card(title="<!channel> <@U1> & co")
    blocks = draft_blocks(shown)
    assert "<!channel>" not in text_of(blocks)
    assert "&lt;!channel&gt; &lt;@U1&gt; &amp; co" in text_of(blocks)
    assert "<!channel>" not in draft_text(shown)
    assert block_problems(blocks, surface="message") == []


def test_huge_fields_stay_within_limits() -> None:
    many = tuple(Attendee(kind="email", value=f"person{i}@example.com") for i in range(300))
    shown = card(title="T" * 5000, location="L" * 5000, attendees=many, description="D" * 9999)
    blocks = draft_blocks(shown)
    assert block_problems(blocks, surface="message") == []
    assert len(draft_text(shown)) <= 300


def test_zone_and_calendar_are_said() -> None:
    blocks = draft_blocks(card())
    assert "Times in America/New_York (UTC−05:00), your Slack time zone" in text_of(blocks)
    assert "*Calendar*\\nQuickcal calendar" in text_of(blocks)


def test_no_start_asks_with_pickers_and_offers_no_create() -> None:
    blocks = draft_blocks(Card("d1", EventDraft(title="Offsite"), "Quickcal calendar"))
    found = text_of(blocks)
    assert ids.DRAFT_SET_DATE in found
    assert ids.DRAFT_SET_TIME in found
    assert ids.DRAFT_CREATE not in found
    assert f'"block_id": "{ids.WHEN_BLOCK}|d1"' in found


def test_alternatives_and_choices_are_buttons() -> None:
    other = datetime(2026, 11, 27, 12, tzinfo=NY)
    shown = Card(
        "d1",
        EventDraft(
            title="x",
            start=START,
            alternatives=(other,),
            timezone="America/New_York",
            attendees=(Attendee(kind="name", value="Sam"),),
        ),
        "Quickcal calendar",
        choices={"Sam": (Person("U1", "Sam (Sam Lee)"), Person("U2", "Sam O (Sam Ortiz)"))},
    )
    found = text_of(draft_blocks(shown))
    assert f'"{ids.DRAFT_PICK_START}_0"' in found
    assert '"value": "d1|0"' in found
    assert '"value": "d1|U2|Sam"' in found
    assert '"value": "d1||Sam"' in found
    assert "Sam (which one? see below)" in found


def test_broken_link_warns_and_offers_reconnect() -> None:
    blocks = draft_blocks(card(), broken=Broken("Google Calendar", "https://q.test/oauth/google"))
    found = text_of(blocks)
    assert "Your Google Calendar link stopped working" in found
    assert '"url": "https://q.test/oauth/google"' in found
    assert block_problems(blocks, surface="message") == []


def test_failure_offers_retry_instead_of_create() -> None:
    failed = Card("d1", card().draft, "Google Calendar", failure="Google Calendar didn't answer.")
    blocks = draft_blocks(failed)
    found = text_of(blocks)
    assert ids.DRAFT_RETRY in found
    assert ids.DRAFT_CREATE not in found
    assert ":warning: Google Calendar didn't answer." in found


def test_result_and_receipt_carry_links_and_undo() -> None:
    created = CreatedEvent(
        provider="google",
        event_id="e1",
        web_link="https://calendar.google.com/e1",
        meeting_link="https://meet.google.com/abc",
    )
    for blocks in (
        result_blocks(card(), created, label="Google Calendar"),
        receipt_blocks(card(), created, label="Google Calendar"),
    ):
        found = text_of(blocks)
        assert ids.EVENT_UNDO in found
        assert "https://calendar.google.com/e1" in found
        assert "https://meet.google.com/abc" in found
        assert block_problems(blocks, surface="message") == []
    assert receipt_text(card(), label="Google Calendar").startswith("You added Lunch to Google")


def test_help_and_modal_fit_their_surfaces() -> None:
    assert block_problems(help_blocks(), surface="message") == []
    draft = EventDraft(
        title="T" * 400,
        start=date(2026, 12, 3),
        all_day=True,
        recurrence=("RRULE:FREQ=MONTHLY;BYDAY=2TU",),
        reminder_minutes=17,
    )
    view = edit_modal(
        draft,
        draft_id="d1",
        members=["U1"],
        emails=["a@example.com"],
        calendars=[("local", "Quickcal calendar")],
        calendar="local",
    )
    assert view_problems(view) == []
    assert view["callback_id"] == ids.EDIT_MODAL
    found = text_of(view["blocks"])
    assert "The second Tuesday of every month" in found  # a rule the list lacks is kept
    assert "17 minutes before" in found


def test_clock_changes_are_said() -> None:
    gap = EventDraft(
        title="x",
        start=datetime(2026, 3, 8, 3, 30, tzinfo=NY),
        timezone="America/New_York",
        flags=("nonexistent_time",),
    )
    fold = EventDraft(
        title="x",
        start=datetime(2026, 11, 1, 1, 30, tzinfo=NY),
        timezone="America/New_York",
        flags=("ambiguous_time",),
    )
    gap_text = text_of(draft_blocks(Card("d1", gap, "Quickcal calendar")))
    assert (
        "does not exist that day (the clocks go forward), so the event starts at 03:30" in gap_text
    )
    fold_text = text_of(draft_blocks(Card("d1", fold, "Quickcal calendar")))
    assert "happens twice that night (the clocks go back): this is the first one" in fold_text
    assert "clocks" not in text_of(draft_blocks(card()))


def test_a_clock_change_at_the_end_is_said_too() -> None:
    # 2:30 does not exist in New York on 2026-03-08: the parser moves the end and flags it.
    draft = parse("backup 1am-2:30am Mar 8", now=datetime(2026, 3, 1, 9), tz="America/New_York")
    assert "nonexistent_end" in draft.flags
    shown = text_of(draft_blocks(Card("d1", draft, "Quickcal calendar")))
    assert "The end time does not exist that day (the clocks go forward)" in shown
    assert "so the event ends at 03:30" in shown
