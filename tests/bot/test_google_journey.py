"""A person with Google Calendar linked: the event lands there with the right body; a
provider failure keeps the draft and offers Retry; Undo deletes it at Google."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from bot import ids
from bot.settings import Settings
from providers.settings import ProviderSettings
from tests.bot.accounts import link_account
from tests.bot.conftest import ALICE, Quickcal, fixed_clock
from tests.bot.slack_requests import modal_values
from tests.fakes.contracts import GOOGLE_EVENT, problems
from tests.fakes.google import FakeGoogle
from tests.fakes.slack import TEAM_ID, FakeSlack, SlackCall

ACCOUNT = "user@example.com"


@pytest.fixture
def linked(settings: Settings, slack: FakeSlack, google: FakeGoogle) -> Iterator[Quickcal]:
    """Quickcal knowing Google (one attempt per request, so failures show at once), Alice linked."""
    providers = ProviderSettings(**google.env(), PROVIDER_RETRY_ATTEMPTS=1)  # type: ignore[arg-type]
    app = Quickcal(
        settings.model_copy(update={"providers": providers}), slack, clock=fixed_clock
    ).start()
    app.run(link_account(app.services.storage, google, user=ALICE, account=ACCOUNT))
    yield app
    app.stop()
    app.http.close()


def answer(slack: FakeSlack, key: str) -> SlackCall:
    return slack.wait_for("response_url", lambda c: c.args["key"] == key)


def test_event_lands_in_google_with_the_right_body(
    linked: Quickcal, slack: FakeSlack, google: FakeGoogle
) -> None:
    card = answer(slack, linked.command("lunch with Adele friday noon at Bistro on Google Meet"))
    assert "Google Calendar" in card.texts()
    assert "Add to Google Calendar" not in card.texts()  # linked: no template links

    result = answer(slack, linked.click(card, ids.DRAFT_CREATE))
    assert "Added to Google Calendar" in result.args["text"]
    [request] = google.api_requests("POST")
    body = request.json
    assert problems(GOOGLE_EVENT, body) == []
    assert body["summary"] == "Lunch with Adele"
    assert body["location"] == "Bistro"
    assert body["attendees"] == [{"email": "adele@example.com"}]
    start, end = body["start"], body["end"]
    assert (start.get("timeZone"), end.get("timeZone")) == ("America/New_York",) * 2
    assert start["dateTime"].startswith("2026-11-20T12:00:00")
    assert end["dateTime"].startswith("2026-11-20T13:00:00")  # the default hour
    [event] = google.events
    view = result.button(f"{ids.LINK_OPEN}_view")
    assert view["url"] == event["htmlLink"]
    meeting = result.button(f"{ids.LINK_OPEN}_meeting")
    assert meeting["url"].startswith("https://meet.google.com/")
    receipt = slack.wait_for("chat.postMessage")
    assert receipt.button(f"{ids.LINK_OPEN}_view")["url"] == event["htmlLink"]

    undone = answer(slack, linked.click(receipt, ids.EVENT_UNDO))
    assert "Removed *Lunch with Adele* from Google Calendar" in undone.texts()
    assert google.events == []


def test_provider_error_keeps_the_draft_then_retry_creates_once(
    linked: Quickcal, slack: FakeSlack, google: FakeGoogle
) -> None:
    card = answer(slack, linked.command("lunch friday noon"))
    google.fail_next(503)
    failed = answer(slack, linked.click(card, ids.DRAFT_CREATE))
    assert "Google Calendar didn't answer. Your draft is saved" in failed.texts()
    assert ids.DRAFT_RETRY in failed.action_ids()
    assert ids.DRAFT_CREATE not in failed.action_ids()
    assert google.events == []
    draft_id = card.button(ids.DRAFT_CREATE)["value"]
    assert linked.run(linked.services.storage.get_draft(draft_id)).state == "failed"

    retried = answer(slack, linked.click(failed, ids.DRAFT_RETRY))
    assert "Added to Google Calendar" in retried.args["text"]
    assert len(google.events) == 1


def test_a_refusal_is_said_in_plain_words(
    linked: Quickcal, slack: FakeSlack, google: FakeGoogle
) -> None:
    card = answer(slack, linked.command("lunch friday noon"))
    google.fail_next(429, retry_after=30)
    failed = answer(slack, linked.click(card, ids.DRAFT_CREATE))
    assert "Google Calendar is busy right now. Your draft is saved: press Retry in 30 s." in (
        failed.texts()
    )


def test_what_google_cannot_keep_is_said_before_create(
    linked: Quickcal, slack: FakeSlack, google: FakeGoogle
) -> None:
    card = answer(slack, linked.command("lunch friday noon"))
    draft_id = card.button(ids.DRAFT_CREATE)["value"]
    storage = linked.services.storage
    stored = linked.run(storage.get_draft(draft_id))
    far = stored.draft.model_copy(update={"reminder_minutes": 50 * 24 * 60})
    linked.run(storage.update_draft(draft_id, far, user_id=ALICE))
    # Any re-render shows it: open Edit and save it unchanged.
    linked.click(card, ids.DRAFT_EDIT)
    opened = slack.wait_for("views.open")
    linked.submit(opened, modal_values(opened.args["view"]))
    shown = slack.wait_for("response_url", lambda c: c.args.get("replace_original") is True)
    assert "Google Calendar can't store reminder" in shown.texts()
    failed = answer(slack, linked.click(shown, ids.DRAFT_CREATE))
    assert "can't store reminder" in failed.texts()
    assert google.api_requests("POST") == []  # nothing was sent


def test_a_broken_link_sends_drafts_local_and_offers_reconnect(
    linked: Quickcal, slack: FakeSlack
) -> None:
    linked.run(linked.services.storage.mark_broken(TEAM_ID, ALICE, "google"))
    card = answer(slack, linked.command("lunch friday noon"))
    assert "Your Google Calendar link stopped working" in card.texts()
    reconnect = card.button(f"{ids.LINK_OPEN}_reconnect")
    assert reconnect["url"].startswith(f"{linked.settings.public_url}/oauth/google/")
    assert "*Calendar*\\nQuickcal calendar" in card.texts()


def test_undo_failing_at_google_can_be_pressed_again(
    linked: Quickcal, slack: FakeSlack, google: FakeGoogle
) -> None:
    card = answer(slack, linked.command("lunch friday noon"))
    result = answer(slack, linked.click(card, ids.DRAFT_CREATE))
    google.fail_next(503)
    refused = answer(slack, linked.click(result, ids.EVENT_UNDO))
    assert refused.args["replace_original"] is False
    assert "Google Calendar didn't answer" in refused.texts()
    assert len(google.events) == 1
    undone = answer(slack, linked.click(result, ids.EVENT_UNDO))
    assert "Removed *Lunch* from Google Calendar" in undone.texts()
    assert google.events == []


def test_a_slow_calendar_never_delays_the_acknowledgement(
    linked: Quickcal, slack: FakeSlack, google: FakeGoogle
) -> None:
    card = answer(slack, linked.command("lunch friday noon"))
    google.slow_next(3.0)
    key = linked.click(card, ids.DRAFT_CREATE)  # returns once Slack's request is acknowledged
    # Acknowledged while Google is still thinking: nothing created, nothing answered yet.
    assert google.events == []
    assert not slack.calls_to("response_url", lambda c: c.args["key"] == key)
    result = answer(slack, key)
    assert "Added to Google Calendar" in result.args["text"]
    assert len(google.events) == 1


def test_an_unknown_outcome_allows_only_retry(
    linked: Quickcal, slack: FakeSlack, google: FakeGoogle
) -> None:
    card = answer(slack, linked.command("lunch friday noon"))
    linked.click(card, ids.DRAFT_EDIT)  # a modal left open while Create is pressed
    opened = slack.wait_for("views.open")
    google.reset_next()  # Google creates the event, then the answer is lost
    failed = answer(slack, linked.click(card, ids.DRAFT_CREATE))
    assert "Google Calendar didn't answer" in failed.texts()
    assert len(google.events) == 1

    # Editing (or moving it to another calendar) now could add a second event: refused.
    moved = modal_values(
        opened.args["view"],
        title={"value": "Team lunch"},
        calendar={
            "selected_option": {"value": "local", "text": {"type": "plain_text", "text": "x"}}
        },
    )
    refused = json.loads(linked.submit(opened, moved).text)
    assert refused["response_action"] == "errors"
    assert "could not confirm whether Google Calendar created" in refused["errors"][ids.FIELD_TITLE]
    told = answer(slack, linked.click(failed, ids.DRAFT_EDIT))
    assert told.args["replace_original"] is False
    assert "press Retry first" in told.texts()
    assert len(slack.calls_to("views.open")) == 1
    kept = answer(slack, linked.click(failed, ids.DRAFT_CANCEL))
    assert kept.args["replace_original"] is False
    assert "press Retry first" in kept.texts()

    retried = answer(slack, linked.click(failed, ids.DRAFT_RETRY))
    assert "Added to Google Calendar: Lunch" in retried.args["text"]
    assert [e["summary"] for e in google.events] == ["Lunch"]
    draft_id = card.button(ids.DRAFT_CREATE)["value"]
    assert linked.run(linked.services.storage.get_event(draft_id)).provider == "google"


def test_a_refusal_proves_nothing_was_made_so_edit_then_retry_is_fine(
    linked: Quickcal, slack: FakeSlack, google: FakeGoogle
) -> None:
    card = answer(slack, linked.command("lunch friday noon"))
    google.fail_next(400, reason="invalid")
    failed = answer(slack, linked.click(card, ids.DRAFT_CREATE))
    assert "Google Calendar refused the event" in failed.texts()
    linked.click(failed, ids.DRAFT_EDIT)
    opened = slack.wait_for("views.open")
    response = linked.submit(opened, modal_values(opened.args["view"], title={"value": "Brunch"}))
    assert response.text in ("", "null")
    shown = slack.wait_for(
        "response_url", lambda c: c.args.get("replace_original") is True and "Brunch" in c.texts()
    )
    created = answer(slack, linked.click(shown, ids.DRAFT_CREATE))
    assert "Added to Google Calendar: Brunch" in created.args["text"]
    assert [e["summary"] for e in google.events] == ["Brunch"]


def test_a_revoked_link_fails_with_a_reconnect_button(
    linked: Quickcal, slack: FakeSlack, google: FakeGoogle
) -> None:
    card = answer(slack, linked.command("lunch friday noon"))
    google.oauth.revoke_all()
    google.expire_tokens()
    failed = answer(slack, linked.click(card, ids.DRAFT_CREATE))
    assert "Reconnect it on my Home tab" in failed.texts()
    reconnect = failed.button(f"{ids.LINK_OPEN}_reconnect")
    assert reconnect["url"].startswith(f"{linked.settings.public_url}/oauth/google/")
    assert ids.DRAFT_RETRY in failed.action_ids()
    assert google.events == []
