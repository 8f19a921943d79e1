"""End to end through POST /slack/events: /event -> card -> Create -> result, receipt -> Undo."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from bot.settings import Settings
from bot.storage import EventRecord, account_key
from providers.base import CreatedEvent
from tests.bot.conftest import ALICE, BOB, Quickcal, SteppingClock
from tests.fakes.slack import TEAM_ID, FakeSlack, SlackCall


def card_for(slack: FakeSlack, key: str) -> SlackCall:
    return slack.wait_for("response_url", lambda c: c.args["key"] == key)


def local_events(quickcal: Quickcal, user: str = ALICE) -> list[str]:
    store = quickcal.services.storage.local_events
    return [d.title for _, d in quickcal.run(store.list(account_key(TEAM_ID, user, "local")))]


def test_command_card_create_receipt_undo(quickcal: Quickcal, slack: FakeSlack) -> None:
    card = card_for(slack, quickcal.command("lunch with Adele friday noon"))

    assert card.args["response_type"] == "ephemeral"
    assert card.args["replace_original"] is False
    text = card.texts()
    assert "*Lunch with Adele*" in text
    assert "Adele (adele@example.com)" in text  # "with Adele": one member, their email
    assert "<!date^1795194000^{date_short_pretty} {time}|Fri, Nov 20, 2026 12:00>" in text
    assert "America/New_York" in text  # the card says which zone it read the text in
    assert "Quickcal calendar" in text
    assert {"draft_create", "draft_edit", "draft_cancel"} <= set(card.action_ids())
    assert "Add to Google Calendar" in text  # no linked calendar yet: one-click templates

    result = card_for(slack, quickcal.click(card, "draft_create"))
    assert result.args["replace_original"] is True
    assert "Added to Quickcal calendar" in result.args["text"]
    assert "event_undo" in result.action_ids()
    assert local_events(quickcal) == ["Lunch with Adele"]

    receipt = slack.wait_for("chat.postMessage")
    assert receipt.args["channel"] == f"D{ALICE}"
    assert slack.calls_to("conversations.open")[0].args["users"] == ALICE
    assert "You added *Lunch with Adele*" in receipt.texts()
    assert "event_undo" in receipt.action_ids()

    undone = card_for(slack, quickcal.click(result, "event_undo"))
    assert "Removed *Lunch with Adele*" in undone.texts()
    assert local_events(quickcal) == []
    # The receipt says so too, and offers no Undo any more.
    update = slack.wait_for("chat.update")
    assert update.args["ts"] == receipt.response["ts"]  # type: ignore[index]
    assert "event_undo" not in update.action_ids()

    again = card_for(slack, quickcal.click(receipt, "event_undo"))
    assert "already removed" in again.texts()


def test_help_for_bare_command_and_help(quickcal: Quickcal, slack: FakeSlack) -> None:
    for text in ("", "help"):
        answer = card_for(slack, quickcal.command(text))
        assert "turns a message into a calendar event" in answer.texts()
        assert "/event lunch with Adele Friday noon" in answer.texts()
    assert not slack.calls_to("users.info")  # help needs nobody's profile


def test_user_text_pings_nobody(quickcal: Quickcal, slack: FakeSlack) -> None:
    # Typed literally, Slack sends it escaped; the card shows it once escaped, never live.
    card = card_for(slack, quickcal.command("&lt;!channel&gt; R&amp;D party tomorrow 5pm"))
    assert "<!channel>" not in card.texts()
    assert "R&amp;D party*" in card.texts()
    assert "&amp;amp;" not in card.texts()  # escaped once, not twice
    # A real @channel in the text addresses people: it is no part of the event.
    live = card_for(slack, quickcal.command("<!channel> party tomorrow 5pm"))
    assert "<!channel>" not in live.texts()
    assert "*Party*" in live.texts()


def test_someone_else_sees_nothing_of_the_draft(quickcal: Quickcal, slack: FakeSlack) -> None:
    card = card_for(slack, quickcal.command("lunch friday noon"))
    for action in ("draft_create", "draft_edit", "draft_cancel"):
        answer = card_for(slack, quickcal.click(card, action, user=BOB))
        assert answer.args["replace_original"] is False
        assert answer.args["response_type"] == "ephemeral"
        assert answer.args["text"] == f"This draft belongs to <@{ALICE}>; only they can change it."
        assert "blocks" not in answer.args  # nothing of the draft is shown to them
    assert local_events(quickcal) == []
    assert not slack.calls_to("views.open")
    # The owner still can.
    assert "Added to" in card_for(slack, quickcal.click(card, "draft_create")).args["text"]


def test_double_click_and_resent_clicks_create_one_event(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    card = card_for(slack, quickcal.command("lunch friday noon"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        keys = list(pool.map(lambda _: quickcal.click(card, "draft_create"), range(4)))
    # Whichever click won answers; the others (busy, then already created) stay silent.
    result = slack.wait_for("response_url", lambda c: c.args["key"] in keys)
    slack.wait_for("chat.postMessage")  # the receipt of the one event
    # A later resend of the same click is answered with silence, never a second event.
    quickcal.click(card, "draft_create")
    card_for(slack, quickcal.command("help"))
    assert "Added to" in result.args["text"]
    assert local_events(quickcal) == ["Lunch"]
    assert len(slack.calls_to("chat.postMessage")) == 1
    assert len(slack.calls_to("response_url", lambda c: c.args["key"] in keys)) == 1


def test_cancel_keeps_nothing(quickcal: Quickcal, slack: FakeSlack) -> None:
    card = card_for(slack, quickcal.command("lunch friday noon"))
    cancelled = card_for(slack, quickcal.click(card, "draft_cancel"))
    assert "Discarded the draft *Lunch*" in cancelled.texts()
    late = card_for(slack, quickcal.click(card, "draft_create"))
    assert "discarded" in late.texts()
    assert local_events(quickcal) == []


def test_a_draft_survives_a_restart(quickcal: Quickcal, slack: FakeSlack) -> None:
    card = card_for(slack, quickcal.command("dinner with Adele friday 7pm"))
    quickcal.restart()  # a new process on the same database: nothing kept in memory
    result = card_for(slack, quickcal.click(card, "draft_create"))
    assert "Added to Quickcal calendar" in result.args["text"]
    assert local_events(quickcal) == ["Dinner with Adele"]


def test_health_and_readiness(quickcal: Quickcal) -> None:
    assert quickcal.http.get(f"{quickcal.url}/healthz").json() == {"ok": True}
    ready = quickcal.http.get(f"{quickcal.url}/readyz")
    assert (ready.status_code, ready.json()) == (200, {"ok": True})


def test_unsigned_requests_are_refused(quickcal: Quickcal, slack: FakeSlack) -> None:
    body = b"command=%2Fevent&text=lunch"
    response = quickcal.http.post(
        f"{quickcal.url}/slack/events",
        content=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 401
    assert not slack.calls


def test_drafts_expire_after_a_day(
    quickcal: Quickcal, slack: FakeSlack, clock: SteppingClock
) -> None:
    card = card_for(slack, quickcal.command("lunch friday noon"))
    clock.advance(timedelta(hours=25))
    late = card_for(slack, quickcal.click(card, "draft_create"))
    assert "This draft has expired (drafts last a day)" in late.texts()
    assert local_events(quickcal) == []


def test_a_rate_limited_receipt_still_arrives(quickcal: Quickcal, slack: FakeSlack) -> None:
    card = card_for(slack, quickcal.command("lunch friday noon"))
    slack.rate_limit_next("chat.postMessage", retry_after=1)
    card_for(slack, quickcal.click(card, "draft_create"))
    delivered = slack.wait_for("chat.postMessage", lambda c: bool(c.response and c.response["ok"]))
    assert "You added *Lunch*" in delivered.texts()
    assert len(slack.calls_to("chat.postMessage")) == 2  # the 429, then the retry


def test_a_zone_named_in_the_text_is_said_as_such(quickcal: Quickcal, slack: FakeSlack) -> None:
    card = card_for(slack, quickcal.command("call friday 3pm PST"))
    assert (
        "Times in America/Los_Angeles (UTC−08:00), from your message; yours is America/New_York"
        in card.texts()
    )


def test_clicks_on_two_instances_create_one_event(
    quickcal: Quickcal, slack: FakeSlack, settings: Settings, clock: SteppingClock
) -> None:
    other = Quickcal(settings, slack, clock=clock).start()  # a second instance, same database
    try:
        card = card_for(slack, quickcal.command("lunch friday noon"))
        with ThreadPoolExecutor(max_workers=2) as pool:
            keys = list(pool.map(lambda app: app.click(card, "draft_create"), [quickcal, other]))
        result = slack.wait_for("response_url", lambda c: c.args["key"] in keys)
        assert "Added to" in result.args["text"]
        slack.wait_for("chat.postMessage")
        assert local_events(quickcal) == ["Lunch"]
        assert local_events(other) == ["Lunch"]
    finally:
        other.stop()
        other.http.close()


def test_the_profile_is_read_once_for_several_drafts(quickcal: Quickcal, slack: FakeSlack) -> None:
    card_for(slack, quickcal.command("lunch friday noon"))
    card_for(slack, quickcal.command("dinner saturday 7pm"))
    assert len(slack.calls_to("users.info", lambda c: c.args["user"] == ALICE)) == 1


def test_a_calendar_no_longer_served_is_said_and_retry_still_answers(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    card = card_for(slack, quickcal.command("lunch friday noon"))
    draft_id = card.button("draft_create")["value"]
    storage = quickcal.services.storage
    # As if Outlook had been configured when the draft was made, and removed since.
    quickcal.run(
        storage.set_target(draft_id, user_id=ALICE, provider="microsoft", calendar_id=None)
    )
    failed = card_for(slack, quickcal.click(card, "draft_create"))
    assert "That calendar isn't available on this Quickcal" in failed.texts()
    assert quickcal.run(storage.get_draft(draft_id)).state == "pending"  # never stuck creating
    again = card_for(slack, quickcal.click(failed, "draft_retry"))
    assert "That calendar isn't available" in again.texts()


def test_a_create_whose_record_failed_is_settled_by_retry(
    quickcal: Quickcal, slack: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = quickcal.services.storage
    finish = storage.finish_create

    async def lost(draft_id: str, created: CreatedEvent, **_: object) -> EventRecord:
        monkeypatch.setattr(storage, "finish_create", finish)  # only this once
        raise OSError("database went away")

    monkeypatch.setattr(storage, "finish_create", lost)
    card = card_for(slack, quickcal.command("lunch friday noon"))
    draft_id = card.button("draft_create")["value"]
    failed = card_for(slack, quickcal.click(card, "draft_create"))
    assert "draft_retry" in failed.action_ids()
    stored = quickcal.run(storage.get_draft(draft_id))
    assert stored.state == "failed"
    assert (stored.error or "").startswith("unsettled|")  # the event may exist: Retry only
    assert local_events(quickcal) == ["Lunch"]

    done = card_for(slack, quickcal.click(failed, "draft_retry"))
    assert "Added to Quickcal calendar" in done.args["text"]
    assert local_events(quickcal) == ["Lunch"]  # once
    assert quickcal.run(storage.get_event(draft_id)).provider == "local"


def test_a_meeting_the_calendar_cannot_make_is_said_then_left_out(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    card = card_for(slack, quickcal.command("design sync on zoom tomorrow 3pm"))
    assert "Quickcal calendar can't make a video meeting" in card.texts()
    assert "draft_create" in card.action_ids()  # said before Create, not a dead end

    result = card_for(slack, quickcal.click(card, "draft_create"))
    assert "Added to Quickcal calendar" in result.args["text"]
    store = quickcal.services.storage.local_events
    [(_, kept)] = quickcal.run(store.list(account_key(TEAM_ID, ALICE, "local")))
    assert kept.title == "Design sync"
    assert kept.online_meeting is False
