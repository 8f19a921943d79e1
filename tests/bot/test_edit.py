"""Edit: the modal opens prefilled; bad input is answered per field; good input updates the card."""

from __future__ import annotations

import json
from typing import Any

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
    )
    response = quickcal.submit(opened, good)
    assert response.text in ("", "null")  # the modal closes
    updated = slack.wait_for("response_url", lambda c: c.args.get("replace_original") is True)
    assert "*Team lunch*" in updated.texts()
    assert "Bistro &lt;b&gt;" in updated.texts()
    assert "every Friday" in updated.texts()
    assert "Adele (adele@example.com)" in updated.texts()

    made = answer(slack, quickcal.click(updated, ids.DRAFT_CREATE))
    assert "Added to" in made.args["text"], made.texts()
    store = quickcal.services.storage.local_events
    [(_, event)] = quickcal.run(store.list(account_key(TEAM_ID, ALICE, "local")))
    assert event.title == "Team lunch"
    assert str(event.start) == "2026-11-20 12:30:00-05:00"
    assert str(event.end) == "2026-11-20 14:00:00-05:00"
    assert event.online_meeting is False  # the local calendar cannot make a meeting link
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


def fields_of(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {block_id: next(iter(v.values())) for block_id, v in modal_values(view).items()}


def test_repeat_video_and_end_are_prefilled(quickcal: Quickcal, slack: FakeSlack) -> None:
    _, opened = open_editor(quickcal, slack, "sync every friday 3pm to 4:30pm on Google Meet")
    field = fields_of(opened.args["view"])
    assert field[ids.FIELD_END_DATE]["selected_date"] == "2026-11-20"
    assert field[ids.FIELD_END_TIME]["selected_time"] == "16:30"
    assert field[ids.FIELD_ALL_DAY]["selected_options"] == []
    [video] = field[ids.FIELD_VIDEO]["selected_options"]
    assert video["value"] == "yes"
    repeat = field[ids.FIELD_REPEAT]["selected_option"]
    assert repeat["value"] == "keep"  # "every Friday" is kept as parsed
    assert "Friday" in repeat["text"]["text"]


def test_an_all_day_span_is_prefilled_with_its_last_day(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    _, opened = open_editor(quickcal, slack, "team offsite dec 1 to dec 3")
    field = fields_of(opened.args["view"])
    assert field[ids.FIELD_START_DATE]["selected_date"] == "2026-12-01"
    assert field[ids.FIELD_END_DATE]["selected_date"] == "2026-12-03"  # inclusive, as people say
    assert field[ids.FIELD_START_TIME].get("selected_time") is None
    assert field[ids.FIELD_ALL_DAY]["selected_options"] != []
    assert field[ids.FIELD_VIDEO]["selected_options"] == []
    assert field[ids.FIELD_REPEAT]["selected_option"]["value"] == "none"


def test_the_modal_opens_before_any_directory_walk(quickcal: Quickcal, slack: FakeSlack) -> None:
    card = answer(slack, quickcal.command("lunch with Adele friday noon"))
    quickcal.restart()  # a new process: no member list in memory
    slack.calls.clear()
    quickcal.click(card, ids.DRAFT_EDIT)
    slack.wait_for("views.open")
    updated = slack.wait_for("views.update")
    methods = [c.method for c in slack.calls]
    assert methods.index("views.open") < methods.index("users.list")
    [opened] = slack.calls_to("views.open")
    assert opened.response is not None
    assert updated.args["view_id"] == opened.response["view"]["id"]
    field = fields_of(updated.args["view"])
    assert field[ids.FIELD_MEMBERS]["selected_users"] == ["U0ADELE"]
    assert field[ids.FIELD_EMAILS]["value"] in ("", None)


def test_saving_after_the_event_was_created_leaves_the_result_card(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    card, opened = open_editor(quickcal, slack, "lunch friday noon")
    result = answer(slack, quickcal.click(card, ids.DRAFT_CREATE))
    assert "Added to" in result.args["text"]
    late = quickcal.submit(opened, modal_values(opened.args["view"], title={"value": "Later"}))
    body = json.loads(late.text)
    assert body["response_action"] == "errors"
    assert body["errors"][ids.FIELD_TITLE] == "This event was already added."
    replaced = slack.calls_to("response_url", lambda c: c.args.get("replace_original") is True)
    assert replaced == [result]  # nothing replaced the result card (and its Undo)


def test_a_calendar_that_was_not_offered_is_refused(quickcal: Quickcal, slack: FakeSlack) -> None:
    _, opened = open_editor(quickcal, slack, "lunch friday noon")
    forged = {"selected_option": {"value": "google", "text": {"type": "plain_text", "text": "G"}}}
    response = quickcal.submit(opened, modal_values(opened.args["view"], calendar=forged))
    body = json.loads(response.text)
    assert body["response_action"] == "errors"
    assert body["errors"] == {ids.FIELD_CALENDAR: "Choose one of the calendars in the list."}
    stored = quickcal.run(
        quickcal.services.storage.get_draft(opened.args["view"]["private_metadata"])
    )
    assert (stored.provider, stored.state) == ("local", "pending")
