"""The other ways in: message shortcut, direct message, mention; Slack's event retries."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from bot.listeners.messages import without_own_mention
from bot.signature import event_key
from bot.storage import account_key
from bot.storage.core import digest
from bot.storage.tables import handled_requests
from tests.bot import slack_requests as shapes
from tests.bot.conftest import ALICE, BOB, CAMILLE, CHANNEL, Quickcal
from tests.fakes.slack import BOT_USER_ID, TEAM_ID, FakeSlack


def test_message_shortcut_links_back_to_the_message(quickcal: Quickcal, slack: FakeSlack) -> None:
    key = quickcal.shortcut(
        "Design review tomorrow 3pm in Room 4", author=BOB, ts="1699999999.000100"
    )
    card = slack.wait_for("response_url", lambda c: c.args["key"] == key)
    done = quickcal.click(card, "draft_create")
    slack.wait_for("response_url", lambda c: c.args["key"] == done)
    events = quickcal.run(
        quickcal.services.storage.local_events.list(account_key(TEAM_ID, ALICE, "local"))
    )
    [(_, draft)] = events
    link = f"https://quickcal-test.slack.com/archives/{CHANNEL}/p1699999999000100"
    assert link in draft.description
    assert draft.location == "Room 4"


def test_direct_message_gets_a_reply_card_and_retries_run_once(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    event = shapes.dm_event("lunch with Adele friday noon", user=ALICE)
    quickcal.event(event, event_id="Ev0DM1")
    card = slack.wait_for("chat.postMessage")
    assert card.args["channel"] == f"D{ALICE}"
    assert "*Lunch with Adele*" in card.texts()
    # Slack resends the same event (it thought we were slow): no second card.
    quickcal.event(event, event_id="Ev0DM1", retry=1)
    quickcal.event(event, event_id="Ev0DM1", retry=2)

    key = quickcal.click(card, "draft_create")
    result = slack.wait_for("response_url", lambda c: c.args["key"] == key)
    assert "Added to Quickcal calendar" in result.args["text"]
    # In the DM the card itself became the receipt: one message only, ever.
    assert len(slack.calls_to("chat.postMessage")) == 1


def test_bot_messages_and_edits_in_the_dm_are_not_requests(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    own = {**shapes.dm_event("Draft: lunch", user=ALICE), "bot_id": "BQUICKCAL"}
    edited = {**shapes.dm_event("lunch friday", user=ALICE), "subtype": "message_changed"}
    quickcal.event(own)
    quickcal.event(edited)
    quickcal.event(shapes.dm_event("help", user=ALICE))
    answer = slack.wait_for("chat.postMessage")
    assert "turns a message into a calendar event" in answer.texts()
    assert len(slack.calls_to("chat.postMessage")) == 1


def test_mention_answers_privately_in_the_channel(quickcal: Quickcal, slack: FakeSlack) -> None:
    quickcal.event(shapes.mention_event("standup every weekday at 9:30 until Dec 20", user=ALICE))
    card = slack.wait_for("chat.postEphemeral")
    assert (card.args["channel"], card.args["user"]) == (CHANNEL, ALICE)
    assert "every weekday until Dec 20" in card.texts()
    assert "UQUICKCAL" not in card.texts()  # the mention of Quickcal is not the title
    assert not slack.calls_to("chat.postMessage")


def test_a_mention_keeps_everyone_but_quickcal(quickcal: Quickcal, slack: FakeSlack) -> None:
    # Adele first, Quickcal last: only Quickcal's own mention is taken out.
    mention = shapes.mention_event("", user=ALICE)
    mention["text"] = f"<@U0ADELE> lunch friday noon <@{BOT_USER_ID}>"
    quickcal.event(mention)
    card = slack.wait_for("chat.postEphemeral")
    assert "Adele (adele@example.com)" in card.texts()
    assert BOT_USER_ID not in card.texts()


OWN_MENTIONS = [
    ("<@UQUICKCAL> lunch friday", "UQUICKCAL", "lunch friday"),
    ("<@UQUICKCAL|quickcal>, lunch friday", "UQUICKCAL", "lunch friday"),
    ("lunch <@UQUICKCAL>: friday", "UQUICKCAL", "lunch friday"),
    ("<@U0ADELE> lunch <@UQUICKCAL>", "UQUICKCAL", "<@U0ADELE> lunch"),
    ("<@U0ADELE>, <@UQUICKCAL> lunch", "UQUICKCAL", "<@U0ADELE>, lunch"),
    ("<@U0ADELE> lunch", None, "<@U0ADELE> lunch"),  # our id unknown: nobody is dropped
]


@pytest.mark.parametrize(("text", "bot", "expected"), OWN_MENTIONS)
def test_only_quickcals_own_mention_is_taken_out(text: str, bot: str | None, expected: str) -> None:
    assert without_own_mention(text, bot) == expected


def claims(quickcal: Quickcal, *keys: str) -> int:
    """How many of `keys` are claimed in the app's database right now."""
    hashes = [digest(key) for key in keys]

    async def count() -> int:
        query = select(func.count()).where(handled_requests.c.key_hash.in_(hashes))
        async with quickcal.services.storage.engine.connect() as connection:
            return int((await connection.execute(query)).scalar_one())

    return quickcal.run(count())


def test_a_failed_dm_is_handled_again_when_slack_retries(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    slack.fail_next("chat.postMessage", "internal_error")
    event = shapes.dm_event("lunch with Adele friday noon", user=ALICE)
    quickcal.event(event, event_id="Ev0FAIL")
    failed = slack.wait_for("chat.postMessage")
    assert failed.response == {"ok": False, "error": "internal_error"}
    # The failure frees both claims (the guard's and the listener's); bounded wait for it.
    deadline = time.monotonic() + 10
    while claims(quickcal, "event:Ev0FAIL", event_key("Ev0FAIL")):
        assert time.monotonic() < deadline, "the failed event kept its claims"
        time.sleep(0.05)
    quickcal.event(event, event_id="Ev0FAIL", retry=1)
    card = slack.wait_for("chat.postMessage", lambda c: bool(c.response and c.response["ok"]))
    assert "*Lunch with Adele*" in card.texts()
    quickcal.event(event, event_id="Ev0FAIL", retry=2)  # handled now: acknowledged, no more
    quickcal.event(shapes.dm_event("help", user=ALICE))  # a later DM, answered after it
    slack.wait_for("chat.postMessage", lambda c: "turns a message" in c.texts())
    cards = slack.calls_to("chat.postMessage", lambda c: "*Lunch with Adele*" in c.texts())
    assert [c.response["ok"] for c in cards if c.response] == [False, True]


def test_a_shortcut_on_a_message_without_text(quickcal: Quickcal, slack: FakeSlack) -> None:
    key = quickcal.shortcut("")
    answer = slack.wait_for("response_url", lambda c: c.args["key"] == key)
    assert "That message has no text I can read" in answer.texts()
    assert "draft_create" not in answer.action_ids()


def test_a_french_slack_is_read_in_french(quickcal: Quickcal, slack: FakeSlack) -> None:
    key = quickcal.command("déjeuner avec Adele vendredi midi", user=CAMILLE)
    card = slack.wait_for("response_url", lambda c: c.args["key"] == key)
    assert "Fri, Nov 20, 2026 12:00" in card.texts()  # Paris time, Camille's zone
    assert "Adele (adele@example.com)" in card.texts()
    assert "Europe/Paris" in card.texts()
