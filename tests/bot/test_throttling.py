"""Slack's limits and the calendars' throttling, end to end through the served app.

A 429 with Retry-After from a calendar (Google, Outlook, LINE WORKS) or from Slack's Web API
(chat.postMessage, chat.update, views.open) is waited out as asked and the call goes through;
an Edit whose trigger_id expired before views.open answers with a button that opens it again.
Retry-After stays at 1 s: the waits here are real (the transport's own are recorded, not slept,
in tests/providers/test_resilience.py).
"""

from __future__ import annotations

import pytest

from bot import ids
from bot.settings import Settings
from tests.bot.conftest import ALICE, Quickcal, until
from tests.bot.provider_links import FAKES, serve_linked
from tests.bot.slack_requests import modal_values
from tests.fakes.slack import FakeSlack, SlackCall

RETRY_AFTER = 1


def answer(slack: FakeSlack, key: str) -> SlackCall:
    return slack.wait_for("response_url", lambda c: c.args["key"] == key)


def ok(call: SlackCall) -> bool:
    return bool(call.response and call.response.get("ok"))


def waited_then_went_through(slack: FakeSlack, method: str) -> SlackCall:
    """The call that succeeded after one 429, checked to have come Retry-After later."""
    went = slack.wait_for(method, ok)
    [limited] = slack.calls_to(method, lambda c: (c.response or {}).get("error") == "ratelimited")
    assert went.at - limited.at >= RETRY_AFTER
    assert slack.calls_to(method) == [limited, went]
    return went


def created(quickcal: Quickcal, slack: FakeSlack) -> SlackCall:
    """Alice's lunch, created in the local calendar: the result card."""
    card = answer(slack, quickcal.command("lunch friday noon"))
    return answer(slack, quickcal.click(card, ids.DRAFT_CREATE))


@pytest.mark.parametrize("provider", sorted(FAKES))
def test_a_calendar_429_is_waited_out_and_the_event_created(
    provider: str, settings: Settings, slack: FakeSlack
) -> None:
    with FAKES[provider]() as fake:  # type: ignore[call-arg]
        linked = serve_linked(settings, slack, fake, people=[ALICE], attempts=2)
        try:
            card = answer(slack, linked.app.command("lunch friday noon"))
            fake.fail_next(429, retry_after=RETRY_AFTER)
            result = answer(slack, linked.app.click(card, ids.DRAFT_CREATE))
            assert f"Added to {linked.label}: Lunch" in result.args["text"]
            limited, went = fake.api_requests("POST")
            assert went.at - limited.at >= RETRY_AFTER
            assert went.json == limited.json  # the same body, the same idempotency key
            assert len(fake.events) == 1
        finally:
            linked.app.stop()
            linked.app.http.close()
        assert fake.contract_violations == []


def test_a_receipt_rate_limited_by_slack_is_posted_after_retry_after(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    slack.rate_limit_next("chat.postMessage", retry_after=RETRY_AFTER)
    result = created(quickcal, slack)
    receipt = waited_then_went_through(slack, "chat.postMessage")
    assert "Lunch" in receipt.texts()
    assert receipt.response is not None
    posted = receipt.response["ts"]
    until(lambda: receipt_ts(quickcal, result) == posted)  # remembered for Undo


def test_a_receipt_update_rate_limited_by_slack_goes_through(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    result = created(quickcal, slack)
    receipt = slack.wait_for("chat.postMessage")
    until(lambda: bool(receipt_ts(quickcal, result)))
    slack.rate_limit_next("chat.update", retry_after=RETRY_AFTER)
    undone = answer(slack, quickcal.click(result, ids.EVENT_UNDO))
    assert "Removed *Lunch*" in undone.texts()
    update = waited_then_went_through(slack, "chat.update")
    assert receipt.response is not None
    assert update.args["ts"] == receipt.response["ts"]
    assert "Removed *Lunch*" in update.texts()
    assert ids.EVENT_UNDO not in update.action_ids()


def test_an_edit_rate_limited_by_slack_opens_the_modal_after_retry_after(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    card = answer(slack, quickcal.command("lunch friday noon"))
    slack.rate_limit_next("views.open", retry_after=RETRY_AFTER)
    key = quickcal.click(card, ids.DRAFT_EDIT)
    opened = waited_then_went_through(slack, "views.open")
    assert opened.args["view"]["callback_id"] == ids.EDIT_MODAL
    assert not slack.calls_to("response_url", lambda c: c.args["key"] == key)  # nothing to say


def test_an_expired_trigger_offers_a_button_that_opens_the_editor(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    card = answer(slack, quickcal.command("lunch friday noon"))
    slack.fail_next("views.open", "expired_trigger_id")
    edit_key = quickcal.click(card, ids.DRAFT_EDIT)
    notice = answer(slack, edit_key)
    assert notice.args["replace_original"] is False  # private; the card stays as it was
    assert notice.args["response_type"] == "ephemeral"
    assert "Your draft is saved" in notice.texts()
    assert notice.button(ids.DRAFT_EDIT_AGAIN)["value"] == card.button(ids.DRAFT_EDIT)["value"]
    [expired] = slack.calls_to("views.open")

    quickcal.click(notice, ids.DRAFT_EDIT_AGAIN)  # a new click: a fresh trigger_id
    opened = slack.wait_for("views.open", ok)
    assert opened.args["trigger_id"] != expired.args["trigger_id"]
    assert opened.args["view"]["callback_id"] == ids.EDIT_MODAL

    # Saved, the draft replaces the card (the first Edit click's response_url), not the notice.
    values = modal_values(opened.args["view"], title={"value": "Team lunch"})
    quickcal.submit(opened, values)
    shown = slack.wait_for("response_url", lambda c: c.args.get("replace_original") is True)
    assert shown.args["key"] == edit_key
    assert "Team lunch" in shown.texts()


def test_an_expired_trigger_from_the_notice_replaces_the_notice(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    card = answer(slack, quickcal.command("lunch friday noon"))
    slack.fail_next("views.open", "expired_trigger_id")
    notice = answer(slack, quickcal.click(card, ids.DRAFT_EDIT))
    slack.fail_next("views.open", "expired_trigger_id")
    again = answer(slack, quickcal.click(notice, ids.DRAFT_EDIT_AGAIN))
    assert again.args["replace_original"] is True  # one notice, not a pile of them
    assert ids.DRAFT_EDIT_AGAIN in again.action_ids()


def test_other_views_open_failures_leave_the_card_and_say_so_privately(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    card = answer(slack, quickcal.command("lunch friday noon"))
    slack.fail_next("views.open", "not_allowed_token_type")
    told = answer(slack, quickcal.click(card, ids.DRAFT_EDIT))
    assert told.args["replace_original"] is False
    assert "Slack refused that (not_allowed_token_type)" in told.texts()
    assert ids.DRAFT_EDIT_AGAIN not in told.action_ids()


def receipt_ts(quickcal: Quickcal, result: SlackCall) -> str | None:
    draft_id = result.button(ids.EVENT_UNDO)["value"]
    return quickcal.run(quickcal.services.storage.get_event(draft_id)).receipt_ts
