"""The load generator's pieces: answers awaited by key, and a click built from a card."""

from __future__ import annotations

import asyncio
import threading

from bench.inbox import Arrival, Inbox
from bench.load import click_payload, outcome_of, reason_in
from bot import ids
from tests.fakes.slack import SlackCall


def _card(*action_ids: str, text: str = "Lunch") -> SlackCall:
    buttons = [{"type": "button", "action_id": a, "text": {"type": "plain_text", "text": a},
                "value": "draft-42"} for a in action_ids]
    return SlackCall("response_url", {"key": "k", "text": text,
                                      "blocks": [{"type": "actions", "block_id": "b1",
                                                  "elements": buttons}]})


async def test_an_answer_wakes_only_the_waiter_of_its_key() -> None:
    inbox = Inbox()
    first = asyncio.ensure_future(inbox.arrival("a", lambda _: True, within=5))
    second = asyncio.ensure_future(inbox.arrival("b", lambda _: True, within=0.2))
    await asyncio.sleep(0)
    # Delivered from another thread, as the queue's reader does.
    thread = threading.Thread(target=inbox.deliver, args=(Arrival("a", 1.0, _card()),))
    thread.start()
    thread.join()
    assert (await first).key == "a"
    assert await second is None  # nothing came for "b": a bounded wait, not a hang


async def test_an_answer_that_came_first_is_kept_and_matched() -> None:
    inbox = Inbox()
    inbox.deliver(Arrival("a", 1.0, _card(text="interim")))
    inbox.deliver(Arrival("a", 2.0, _card(text="final")))
    found = await inbox.arrival("a", lambda c: c.args["text"] == "final", within=1)
    assert found is not None
    assert found.at == 2.0


def test_a_click_carries_the_buttons_value_as_slack_reports_it() -> None:
    payload = click_payload(_card(ids.DRAFT_CREATE), ids.DRAFT_CREATE, user="U1",
                            response_url="http://127.0.0.1:9/response/x")
    [action] = payload["actions"]
    assert action["action_id"] == ids.DRAFT_CREATE
    assert action["value"] == "draft-42"
    assert action["block_id"] == "b1"
    assert payload["user"]["id"] == "U1"
    assert payload["response_url"] == "http://127.0.0.1:9/response/x"


def test_an_answer_is_an_event_a_kept_draft_or_neither() -> None:
    assert outcome_of(_card(ids.EVENT_UNDO)) == "created"
    assert outcome_of(_card(ids.DRAFT_RETRY, ids.DRAFT_CANCEL)) == "failed, Retry offered"
    assert outcome_of(_card(ids.DRAFT_CREATE)) == "other"


def test_a_failure_is_told_in_the_cards_own_words() -> None:
    card = _card(ids.DRAFT_RETRY)
    card.args["blocks"].insert(0, {"type": "context", "elements": [
        {"type": "mrkdwn", "text": "Google Calendar didn't answer. Your draft is saved."}]})
    assert reason_in(card) == "Google Calendar didn't answer. Your draft is saved."
    assert reason_in(_card(ids.DRAFT_RETRY, text="Draft: Lunch")) == "Draft: Lunch"
