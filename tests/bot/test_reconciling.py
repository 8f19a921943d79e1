"""The reconciler in a running Quickcal: stale create claims finished once, fresh ones left,
every person told exactly once, two reconcilers at once doing the work once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine, Iterator
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from bot import ids
from bot.creating import for_calendar, unsettled
from bot.reconciling import reconcile, settle, start_reconciling
from bot.services import build_services
from bot.settings import Settings
from bot.storage import ClaimTakenOver, StoredDraft, account_key
from providers.base import CreatedEvent
from providers.settings import ProviderSettings
from tests.bot.accounts import link_account
from tests.bot.conftest import ALICE, Quickcal, SteppingClock, until
from tests.bot.slack_requests import dm_event
from tests.fakes.google import FakeGoogle
from tests.fakes.slack import TEAM_ID, FakeSlack, SlackCall

ACCOUNT = "user@example.com"
LEASE = timedelta(seconds=60)
ADDED = "Added to Google Calendar"


@pytest.fixture
def app(
    settings: Settings, slack: FakeSlack, google: FakeGoogle, clock: SteppingClock
) -> Iterator[Quickcal]:
    """Quickcal with Alice's Google linked; the reconciler's timer only runs at start-up, so
    each test runs its rounds itself."""
    providers = ProviderSettings(**google.env(), PROVIDER_RETRY_ATTEMPTS=1)  # type: ignore[arg-type]
    changes = {
        "providers": providers,
        "reconcile_after_seconds": LEASE.total_seconds(),
        "reconcile_every_seconds": 3600.0,
    }
    started = Quickcal(settings.model_copy(update=changes), slack, clock=clock).start()
    started.run(link_account(started.services.storage, google, user=ALICE, account=ACCOUNT))
    yield started
    started.stop()
    started.http.close()


def drafted(
    app: Quickcal, slack: FakeSlack, text: str = "lunch friday noon"
) -> tuple[SlackCall, str]:
    """`/event text` answered: its card and the draft id its buttons carry."""
    key = app.command(text)
    card = slack.wait_for("response_url", lambda c: c.args["key"] == key)
    return card, str(card.button(ids.DRAFT_CREATE)["value"])


def claimed_and_lost(app: Quickcal, slack: FakeSlack, text: str = "lunch friday noon") -> str:
    """A draft whose Create was claimed by a process that then died: its id."""
    _, draft_id = drafted(app, slack, text)
    app.run(app.services.storage.begin_create(draft_id, user_id=ALICE))
    return draft_id


def draft(app: Quickcal, draft_id: str) -> StoredDraft:
    return app.run(app.services.storage.get_draft(draft_id))


def results(slack: FakeSlack) -> list[SlackCall]:
    return slack.calls_to("response_url", lambda c: ADDED in c.texts())


def receipts(slack: FakeSlack) -> list[SlackCall]:
    return slack.calls_to("chat.postMessage", lambda c: c.args["channel"] == f"D{ALICE}")


def inserts(google: FakeGoogle) -> list[str]:
    return [r.json["id"] for r in google.api_requests("POST") if r.path.endswith("/events")]


def test_nothing_to_do_tells_nobody(app: Quickcal, slack: FakeSlack, clock: SteppingClock) -> None:
    key = app.command("lunch friday noon")  # a pending draft is nobody's lost create
    slack.wait_for("response_url", lambda c: c.args["key"] == key)
    before = len(slack.calls)
    clock.advance(LEASE * 2)
    assert app.run(reconcile(app.services)) == 0
    assert len(slack.calls) == before


def test_a_fresh_claim_is_left_to_the_create_still_running(
    app: Quickcal, slack: FakeSlack, google: FakeGoogle, clock: SteppingClock
) -> None:
    draft_id = claimed_and_lost(app, slack)
    before = len(slack.calls)
    clock.advance(LEASE - timedelta(seconds=1))
    assert app.run(reconcile(app.services)) == 0
    assert draft(app, draft_id).state == "creating"
    assert inserts(google) == []
    assert len(slack.calls) == before


def test_a_stale_claim_is_finished_with_the_same_key_and_told_once(
    app: Quickcal, slack: FakeSlack, google: FakeGoogle, clock: SteppingClock
) -> None:
    draft_id = claimed_and_lost(app, slack)
    # The lost process got as far as the provider: Google holds the event, Quickcal doesn't.
    stored = draft(app, draft_id)
    calendar = app.services.calendars["google"]
    app.run(
        calendar.create(
            for_calendar(stored.draft, default_minutes=60),
            account=account_key(TEAM_ID, ALICE, "google"),
            calendar_id=stored.calendar_id,
            idempotency_key=draft_id,
        )
    )
    [lost_id] = inserts(google)
    clock.advance(LEASE + timedelta(seconds=1))

    assert app.run(reconcile(app.services)) == 1
    assert inserts(google) == [lost_id, lost_id]  # the same key: Google answered 409
    assert len(google.events) == 1
    assert draft(app, draft_id).state == "created"
    assert app.run(app.services.storage.get_event(draft_id)).event_id == lost_id
    [result] = results(slack)
    assert result.button(f"{ids.LINK_OPEN}_view")["url"] == google.events[0]["htmlLink"]
    [receipt] = receipts(slack)
    assert ids.EVENT_UNDO in receipt.action_ids()

    clock.advance(LEASE * 2)
    assert app.run(reconcile(app.services)) == 0  # a further round: nothing told twice
    assert (len(results(slack)), len(receipts(slack)), len(google.events)) == (1, 1, 1)


def test_two_reconcilers_at_once_create_once_and_tell_once(
    app: Quickcal, slack: FakeSlack, google: FakeGoogle, clock: SteppingClock
) -> None:
    draft_id = claimed_and_lost(app, slack)
    clock.advance(LEASE + timedelta(seconds=1))
    other = app.run(build_services(app.services.settings, clock=clock))  # a second instance
    try:
        # Both found the claim in the same round; both go for it at the same moment.
        [stale] = app.run(app.services.storage.stale_creates(stale_after=LEASE))
        [also] = app.run(other.storage.stale_creates(stale_after=LEASE))
        done = app.run(together(settle(app.services, stale), settle(other, also)))
        assert app.run(reconcile(other)) == 0
    finally:
        app.run(other.aclose())
    assert sorted(done) == [False, True]
    assert len(inserts(google)) == 1
    assert len(google.events) == 1
    assert draft(app, draft_id).state == "created"
    assert (len(results(slack)), len(receipts(slack))) == (1, 1)


async def together(*settling: Coroutine[Any, Any, bool]) -> list[bool]:
    return list(await asyncio.gather(*settling))


def test_a_stale_claim_whose_retry_fails_is_told_once_with_retry(
    app: Quickcal, slack: FakeSlack, google: FakeGoogle, clock: SteppingClock
) -> None:
    draft_id = claimed_and_lost(app, slack)
    clock.advance(LEASE + timedelta(seconds=1))
    # A refusal now would not prove the lost attempt made nothing: still unsettled.
    google.fail_next(429, retry_after=5)
    assert app.run(reconcile(app.services)) == 1
    stored = draft(app, draft_id)
    assert stored.state == "failed"
    assert unsettled(stored)
    [told] = slack.calls_to("response_url", lambda c: ids.DRAFT_RETRY in c.action_ids())
    assert told.args["replace_original"] is True
    assert "Google Calendar is busy right now" in told.texts()
    assert google.events == []

    clock.advance(LEASE * 2)
    assert app.run(reconcile(app.services)) == 0  # failed is settled: not a claim any more
    assert len(slack.calls_to("response_url", lambda c: ids.DRAFT_RETRY in c.action_ids())) == 1
    key = app.click(told, ids.DRAFT_RETRY)
    retried = slack.wait_for("response_url", lambda c: c.args["key"] == key)
    assert ADDED in retried.args["text"]
    assert len(google.events) == 1


def test_a_dm_card_is_changed_in_place_once(
    app: Quickcal, slack: FakeSlack, google: FakeGoogle, clock: SteppingClock
) -> None:
    app.event(dm_event("standup monday 9am", user=ALICE))
    card = slack.wait_for("chat.postMessage")
    draft_id = str(card.button(ids.DRAFT_CREATE)["value"])
    until(lambda: draft(app, draft_id).card_ts is not None)  # stored once Slack answered
    stored = draft(app, draft_id)
    assert (stored.card_channel_id, stored.card_ts) == (card.args["channel"], card.response["ts"])
    app.run(app.services.storage.begin_create(draft_id, user_id=ALICE))
    clock.advance(LEASE + timedelta(seconds=1))
    assert app.run(reconcile(app.services)) == 1
    assert len(google.events) == 1
    [changed] = slack.calls_to("chat.update")
    assert (changed.args["channel"], changed.args["ts"]) == (stored.card_channel_id, stored.card_ts)
    assert ADDED in changed.args["text"]
    assert ids.EVENT_UNDO in changed.action_ids()
    assert receipts(slack) == [card]  # the DM card is its own receipt: nothing more posted


def test_a_dm_draft_with_no_card_to_change_is_told_in_the_dm_once(
    app: Quickcal, slack: FakeSlack, google: FakeGoogle, clock: SteppingClock
) -> None:
    app.event(dm_event("standup monday 9am", user=ALICE))
    card = slack.wait_for("chat.postMessage")
    draft_id = str(card.button(ids.DRAFT_CREATE)["value"])
    until(lambda: draft(app, draft_id).card_ts is not None)
    slack.fail_next("chat.update", "message_not_found")  # deleted by the person meanwhile
    app.run(app.services.storage.begin_create(draft_id, user_id=ALICE))
    clock.advance(LEASE + timedelta(seconds=1))
    assert app.run(reconcile(app.services)) == 1
    assert len(google.events) == 1
    told = receipts(slack)[1:]  # after the card itself
    assert len(told) == 1
    assert "You added Standup to Google Calendar" in told[0].texts()
    assert ids.EVENT_UNDO in told[0].action_ids()


def test_the_card_is_changed_through_the_create_clicks_response_url(
    app: Quickcal, slack: FakeSlack, google: FakeGoogle
) -> None:
    card, draft_id = drafted(app, slack)
    google.fail_next(400)
    clicked = app.click(card, ids.DRAFT_CREATE)
    slack.wait_for("response_url", lambda c: c.args["key"] == clicked)
    # The click's URL (30 minutes from the click) replaces the command's (30 from the ask).
    assert draft(app, draft_id).response_url == slack.response_url(clicked)


def test_a_click_on_a_claimed_draft_is_told_the_card_will_change(
    app: Quickcal, slack: FakeSlack, google: FakeGoogle, clock: SteppingClock
) -> None:
    card, draft_id = drafted(app, slack)
    claimed = app.run(app.services.storage.begin_create(draft_id, user_id=ALICE))
    clock.advance(timedelta(seconds=30))  # longer ago than a double click
    clicked = app.click(card, ids.DRAFT_CREATE)
    told = slack.wait_for("response_url", lambda c: c.args["key"] == clicked)
    assert told.args["replace_original"] is False
    assert "Already on it" in told.texts()
    assert inserts(google) == []
    # The click renewed nothing: the lost claim still ages toward the reconciler.
    assert draft(app, draft_id).updated_at == claimed.updated_at


def test_a_failed_round_is_logged_and_the_timer_goes_on(
    app: Quickcal,
    slack: FakeSlack,
    clock: SteppingClock,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    draft_id = claimed_and_lost(app, slack)
    clock.advance(LEASE + timedelta(seconds=1))
    storage = app.services.storage
    real = storage.stale_creates
    failures = [RuntimeError("database restarting")]

    async def flaky(**kwargs: Any) -> list[StoredDraft]:
        if failures:
            raise failures.pop()
        return await real(**kwargs)

    monkeypatch.setattr(storage, "stale_creates", flaky)
    often = app.services.settings.model_copy(update={"reconcile_every_seconds": 0.05})
    services = replace(app.services, settings=often)

    async def start() -> asyncio.Task[None]:
        return start_reconciling(services)

    caplog.set_level(logging.ERROR, logger="bot.housekeeping")
    timer = app.run(start())
    try:
        slack.wait_for("response_url", lambda c: ADDED in c.texts())
    finally:
        timer.get_loop().call_soon_threadsafe(timer.cancel)
    assert "reconciling failed" in caplog.text
    assert draft(app, draft_id).state == "created"


def test_the_lease_is_derived_from_the_provider_limits_unless_set() -> None:
    def limits(timeout: float, attempts: int, budget: float) -> ProviderSettings:
        return ProviderSettings(
            PROVIDER_TIMEOUT_SECONDS=timeout,  # type: ignore[call-arg]
            PROVIDER_RETRY_ATTEMPTS=attempts,
            PROVIDER_RETRY_SECONDS=budget,
        )

    default = Settings(_env_file=None, providers=limits(10.0, 4, 20.0))
    assert default.create_lease() == timedelta(minutes=5)  # 4 calls x (4 x 10 s + 20 s) + 60 s
    tight = Settings(_env_file=None, providers=limits(5.0, 2, 10.0))
    assert tight.create_lease() == timedelta(seconds=4 * (2 * 5 + 10) + 60)
    chosen = tight.model_copy(update={"reconcile_after_seconds": 30.0})
    assert chosen.create_lease() == timedelta(seconds=30)


def test_a_take_over_the_database_lost_tells_nobody_and_is_tried_again(
    app: Quickcal, slack: FakeSlack, clock: SteppingClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = claimed_and_lost(app, slack)
    clock.advance(LEASE + timedelta(seconds=1))
    storage = app.services.storage
    real = storage.resume_create
    failures = [ConnectionResetError("the database went away")]

    async def flaky(draft_id: str, **kwargs: Any) -> StoredDraft:
        if failures:
            raise failures.pop()
        return await real(draft_id, **kwargs)

    monkeypatch.setattr(storage, "resume_create", flaky)
    before = len(slack.calls)
    assert app.run(reconcile(app.services)) == 0
    assert draft(app, draft_id).state == "creating"
    assert len(slack.calls) == before  # no "failed" card for a create that never ran
    assert app.run(reconcile(app.services)) == 1
    assert (len(results(slack)), len(receipts(slack))) == (1, 1)


def test_a_retry_refused_after_an_unsettled_failure_stays_unsettled(
    app: Quickcal, slack: FakeSlack, google: FakeGoogle
) -> None:
    card, draft_id = drafted(app, slack)
    google.fail_next(503)  # may or may not have been created: unsettled
    key = app.click(card, ids.DRAFT_CREATE)
    failed = slack.wait_for("response_url", lambda c: c.args["key"] == key)
    assert unsettled(draft(app, draft_id))
    google.fail_next(429, retry_after=5)  # proves nothing about the first attempt
    key = app.click(failed, ids.DRAFT_RETRY)
    slack.wait_for("response_url", lambda c: c.args["key"] == key)
    assert unsettled(draft(app, draft_id))  # so still no Edit under the same key


def test_an_edit_click_does_not_renew_a_dead_claims_lease(
    app: Quickcal, slack: FakeSlack, clock: SteppingClock
) -> None:
    card, draft_id = drafted(app, slack)
    app.run(app.services.storage.begin_create(draft_id, user_id=ALICE))  # then the process dies
    clock.advance(LEASE - timedelta(seconds=5))
    app.click(card, ids.DRAFT_EDIT)  # seeing nothing happen, the person tries Edit
    slack.wait_for("views.open")  # the card's response_url stored again on the way
    clock.advance(timedelta(seconds=10))  # the claim itself is now older than the lease
    assert app.run(reconcile(app.services)) == 1
    assert draft(app, draft_id).state == "created"


def test_a_click_taking_a_dead_claim_that_is_refused_stays_unsettled(
    app: Quickcal, slack: FakeSlack, google: FakeGoogle, clock: SteppingClock
) -> None:
    card, draft_id = drafted(app, slack)
    app.run(app.services.storage.begin_create(draft_id, user_id=ALICE))  # a lost claim
    clock.advance(LEASE + timedelta(seconds=1))
    google.fail_next(429, retry_after=5)  # proves nothing about the lost attempt
    clicked = app.click(card, ids.DRAFT_CREATE)
    told = slack.wait_for("response_url", lambda c: c.args["key"] == clicked)
    assert ids.DRAFT_RETRY in told.action_ids()
    assert unsettled(draft(app, draft_id))  # so no Edit may reuse the key for another event


def test_a_click_on_a_card_left_unchanged_after_a_create_shows_the_result(
    app: Quickcal, slack: FakeSlack, google: FakeGoogle, clock: SteppingClock
) -> None:
    card, draft_id = drafted(app, slack)
    storage = app.services.storage
    # The process created and recorded the event, then died before changing the card.
    claim = app.run(storage.begin_create(draft_id, user_id=ALICE))
    event = CreatedEvent(provider="google", event_id="e1", calendar_id=ACCOUNT)
    app.run(storage.finish_create(draft_id, event, claimed_at=claim.claimed_at))
    clock.advance(timedelta(seconds=30))  # long after any double click
    clicked = app.click(card, ids.DRAFT_CREATE)
    shown = slack.wait_for("response_url", lambda c: c.args["key"] == clicked)
    assert shown.args["replace_original"] is True
    assert ADDED in shown.args["text"]
    assert ids.EVENT_UNDO in shown.action_ids()
    assert inserts(google) == []  # shown, not created again


def test_a_create_that_outlived_its_lease_leaves_the_telling_to_the_taker(
    app: Quickcal, slack: FakeSlack, google: FakeGoogle, clock: SteppingClock
) -> None:
    _, draft_id = drafted(app, slack)
    storage = app.services.storage
    slow = app.run(storage.begin_create(draft_id, user_id=ALICE))  # alive, but far too slow
    clock.advance(LEASE + timedelta(seconds=1))
    assert app.run(reconcile(app.services)) == 1  # taken over, created, told
    event = CreatedEvent(provider="google", event_id="late", calendar_id=ACCOUNT)
    with pytest.raises(ClaimTakenOver):
        app.run(storage.finish_create(draft_id, event, claimed_at=slow.claimed_at))
    with pytest.raises(ClaimTakenOver):
        app.run(storage.fail_create(draft_id, error="x", claimed_at=slow.claimed_at))
    assert app.run(storage.get_event(draft_id)).event_id != "late"
    assert (len(results(slack)), len(google.events)) == (1, 1)
