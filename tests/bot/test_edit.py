"""Edit: the modal opens prefilled; bad input is answered per field; good input updates the card."""

from __future__ import annotations

import json

from bot import ids
from bot.storage import account_key
from tests.bot.conftest import ALICE, Quickcal
from tests.bot.slack_requests import modal_values
from tests.fakes.slack import TEAM_ID, FakeSlack, SlackCall


def answer(slack: FakeSlack, key: str) -> SlackCall:
    return slack.wait_for("response_url", lambda c: c.args["key"] == key)


def open_editor(quickcal: Quickcal, slack: FakeSlack, text: str) -> tuple[SlackCall, SlackCall]:
    card = answer(slack, quickcal.command(text))
    quickcal.click(card, ids.DRAFT_EDIT)
    return card, slack.wait_for("views.open")


def test_the_modal_is_prefilled(quickcal: Quickcal, slack: FakeSlack) -> None:
    _, opened = open_editor(
        quickcal,
        slack,
        "lunch with Adele and ana@example.org friday noon at Bistro, remind me 10 min before",
    )
    view = opened.args["view"]
    assert view["callback_id"] == ids.EDIT_MODAL
    state = modal_values(view)
    field = {block_id: next(iter(v.values())) for block_id, v in state.items()}
    assert field[ids.FIELD_TITLE]["value"].startswith("Lunch with Adele")
    assert field[ids.FIELD_START_DATE]["selected_date"] == "2026-11-20"
    assert field[ids.FIELD_START_TIME]["selected_time"] == "12:00"
    assert field[ids.FIELD_END_TIME]["selected_time"] == "13:00"
    assert field[ids.FIELD_LOCATION]["value"] == "Bistro"
    assert field[ids.FIELD_MEMBERS]["selected_users"] == ["U0ADELE"]
    assert field[ids.FIELD_EMAILS]["value"] == "ana@example.org"
    assert field[ids.FIELD_REMINDER]["selected_option"]["value"] == "10"
    assert field[ids.FIELD_CALENDAR]["selected_option"]["value"] == "local"


def test_invalid_input_gets_field_errors_and_loses_nothing(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    _, opened = open_editor(quickcal, slack, "lunch friday noon")
    view = opened.args["view"]
    bad = modal_values(
        view,
        title={"value": "   "},
        end_time={"selected_time": "11:00"},
        emails={"value": "ana@example.org, not-an-address"},
    )
    response = quickcal.submit(opened, bad)
    body = json.loads(response.text)
    assert body["response_action"] == "errors"
    assert set(body["errors"]) == {ids.FIELD_TITLE, ids.FIELD_END_TIME, ids.FIELD_EMAILS}
    assert body["errors"][ids.FIELD_END_TIME] == "The end must be after the start."
    too_long = quickcal.submit(opened, modal_values(view, title={"value": "x" * 300}))
    assert "under 255 characters" in json.loads(too_long.text)["errors"][ids.FIELD_TITLE]
    stored = quickcal.run(quickcal.services.storage.get_draft(view["private_metadata"]))
    assert stored.draft.title == "Lunch"  # the draft is untouched


def test_valid_edit_updates_the_card_and_the_event(quickcal: Quickcal, slack: FakeSlack) -> None:
    _, opened = open_editor(quickcal, slack, "lunch friday noon")
    good = modal_values(
        opened.args["view"],
        title={"value": "Team lunch"},
        start_time={"selected_time": "12:30"},
        end_time={"selected_time": "14:00"},
        location={"value": "Bistro <b>"},
        members={"selected_users": ["U0ADELE"]},
        emails={"value": "ana@example.org"},
        repeat={"selected_option": {"value": "weekly"}},
        video={"selected_options": [{"value": "yes"}]},
    )
    response = quickcal.submit(opened, good)
    assert response.text in ("", "null")  # the modal closes
    updated = slack.wait_for("response_url", lambda c: c.args.get("replace_original") is True)
    assert "*Team lunch*" in updated.texts()
    assert "Bistro &lt;b&gt;" in updated.texts()
    assert "every Friday" in updated.texts()
    assert "Adele (adele@example.com)" in updated.texts()

    answer(slack, quickcal.click(updated, ids.DRAFT_CREATE))
    store = quickcal.services.storage.local_events
    [(_, event)] = quickcal.run(store.list(account_key(TEAM_ID, ALICE, "local")))
    assert event.title == "Team lunch"
    assert str(event.start) == "2026-11-20 12:30:00-05:00"
    assert str(event.end) == "2026-11-20 14:00:00-05:00"
    assert event.online_meeting is True
    assert event.recurrence == ("RRULE:FREQ=WEEKLY",)
    assert {a.value for a in event.attendees} == {"adele@example.com", "ana@example.org"}


def test_only_the_owner_can_save_the_modal(quickcal: Quickcal, slack: FakeSlack) -> None:
    _, opened = open_editor(quickcal, slack, "lunch friday noon")
    view = opened.args["view"]
    response = quickcal.submit(
        opened, modal_values(view, title={"value": "Mine now"}), user="U0BOB"
    )
    body = json.loads(response.text)
    assert body["response_action"] == "errors"
    assert "belongs to <@U0ALICE>" in body["errors"][ids.FIELD_TITLE]
    stored = quickcal.run(quickcal.services.storage.get_draft(view["private_metadata"]))
    assert stored.draft.title == "Lunch"
