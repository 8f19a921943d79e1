"""One-click answers on the card: a message with no date, another reading, which Sam."""

from __future__ import annotations

from bot import ids
from bot.storage import account_key
from tests.bot.conftest import ALICE, Quickcal
from tests.fakes.slack import TEAM_ID, FakeSlack, SlackCall


def answer(slack: FakeSlack, key: str) -> SlackCall:
    return slack.wait_for("response_url", lambda c: c.args["key"] == key)


def stored_events(quickcal: Quickcal) -> list[object]:
    store = quickcal.services.storage.local_events
    return [d for _, d in quickcal.run(store.list(account_key(TEAM_ID, ALICE, "local")))]


def test_no_date_asks_instead_of_guessing(quickcal: Quickcal, slack: FakeSlack) -> None:
    card = answer(slack, quickcal.command("team offsite"))
    assert "I found no date in your message" in card.texts()
    assert ids.DRAFT_CREATE not in card.action_ids()  # nothing to create yet
    assert {ids.DRAFT_SET_DATE, ids.DRAFT_SET_TIME} <= set(card.action_ids())

    block_id, _ = card.element(ids.DRAFT_SET_DATE)
    assert block_id is not None
    state = {block_id: {ids.DRAFT_SET_TIME: {"type": "timepicker", "selected_time": "15:30"}}}
    quickcal.click(card, ids.DRAFT_SET_TIME, state=state)  # waits in the card's state
    dated = answer(
        slack, quickcal.click(card, ids.DRAFT_SET_DATE, selected_date="2026-12-04", state=state)
    )
    assert "Fri, Dec 4, 2026 15:30" in dated.texts()
    assert ids.DRAFT_CREATE in dated.action_ids()

    answer(slack, quickcal.click(dated, ids.DRAFT_CREATE))
    [event] = stored_events(quickcal)
    assert event.start.isoformat() == "2026-12-04T15:30:00-05:00"  # type: ignore[attr-defined]


def test_a_day_without_a_time_is_all_day(quickcal: Quickcal, slack: FakeSlack) -> None:
    card = answer(slack, quickcal.command("team offsite"))
    dated = answer(slack, quickcal.click(card, ids.DRAFT_SET_DATE, selected_date="2026-12-04"))
    assert "Fri, Dec 4, 2026 · all day" in dated.texts()


def test_an_alternative_reading_is_one_click(quickcal: Quickcal, slack: FakeSlack) -> None:
    # On Wednesday, "next Friday" is this week's or next week's.
    card = answer(slack, quickcal.command("call next friday 3pm"))
    assert "Fri, Nov 20, 2026 15:00" in card.texts()
    assert "Did you mean another day?" in card.texts()
    other = f"{ids.DRAFT_PICK_START}_0"
    assert card.button(other)["text"]["text"] == "Fri, Nov 27, 2026 15:00"

    moved = answer(slack, quickcal.click(card, other))
    assert "Fri, Nov 27, 2026 15:00" in moved.texts()
    assert "Did you mean another day?" not in moved.texts()
    answer(slack, quickcal.click(moved, ids.DRAFT_CREATE))
    [event] = stored_events(quickcal)
    assert event.start.isoformat() == "2026-11-27T15:00:00-05:00"  # type: ignore[attr-defined]


def test_several_members_named_alike_are_offered(quickcal: Quickcal, slack: FakeSlack) -> None:
    card = answer(slack, quickcal.command("coffee with Sam friday 10am"))
    assert "Which *Sam* did you mean?" in card.texts()
    labels = [card.button(f"{ids.DRAFT_PICK_ATTENDEE}_{i}")["text"]["text"] for i in range(2)]
    assert labels == ["Sam (Sam Lee)", "Sam O (Sam Ortiz)"]

    picked = answer(slack, quickcal.click(card, f"{ids.DRAFT_PICK_ATTENDEE}_1"))
    assert "Sam O (sam.ortiz@example.com)" in picked.texts()
    assert "Which *Sam*" not in picked.texts()
    answer(slack, quickcal.click(picked, ids.DRAFT_CREATE))
    [event] = stored_events(quickcal)
    assert [a.value for a in event.attendees] == ["sam.ortiz@example.com"]  # type: ignore[attr-defined]


def test_none_of_them_and_unknown_names_go_to_the_description(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    card = answer(slack, quickcal.command("coffee with Sam and Zed friday 10am"))
    assert "Zed (not in Slack: noted in the description)" in card.texts()
    picked = answer(slack, quickcal.click(card, f"{ids.DRAFT_PICK_ATTENDEE}_none"))
    answer(slack, quickcal.click(picked, ids.DRAFT_CREATE))
    [event] = stored_events(quickcal)
    assert event.attendees == ()  # type: ignore[attr-defined]
    assert "With: Sam" in event.description  # type: ignore[attr-defined]
    assert "Zed" in event.description  # type: ignore[attr-defined]


def test_mentions_become_emails_and_names_in_the_title(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    card = answer(slack, quickcal.command("sync with <@U0BOB|bob> friday 10am"))
    assert "*Sync with bob*" in card.texts()
    assert "bob (bob@example.com)" in card.texts()


def test_a_late_pick_on_a_created_draft_is_answered_privately(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    card = answer(slack, quickcal.command("call next friday 3pm"))
    answer(slack, quickcal.click(card, ids.DRAFT_CREATE))
    late = answer(slack, quickcal.click(card, f"{ids.DRAFT_PICK_START}_0"))
    assert late.args["replace_original"] is False  # the result card (with Undo) stays
    assert "already added" in late.texts()
    [event] = stored_events(quickcal)
    assert event.start.isoformat() == "2026-11-20T15:00:00-05:00"  # type: ignore[attr-defined]


def test_a_member_hiding_their_email_is_named_not_shown_as_an_id(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    slack.add_user("U0NOOR", name="noor", real_name="Noor Haddad", display_name="Noor")
    card = answer(slack, quickcal.command("sync with <@U0NOOR> friday 10am"))
    assert "U0NOOR" not in card.texts()
    assert "*Sync with Noor*" in card.texts()
    assert "Noor Haddad (no email to invite: noted in the description)" in card.texts()
    answer(slack, quickcal.click(card, ids.DRAFT_CREATE))
    [event] = stored_events(quickcal)
    assert event.attendees == ()  # type: ignore[attr-defined]
    assert "With: Noor Haddad" in event.description  # type: ignore[attr-defined]
    assert "U0NOOR" not in event.description  # type: ignore[attr-defined]
