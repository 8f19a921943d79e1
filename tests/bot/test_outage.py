"""A calendar outage, end to end: the provider answers 503 for a while, then recovers.

During it, clicks fail without each person waiting out their own timeouts: once the circuit
breaker opens, no request reaches the provider at all; every card says the draft is saved and
offers Retry. After recovery (and the breaker's cool-down, on a clock the test moves), Retry
creates exactly one event per draft, even for the draft whose event the provider had already
stored before its answer was lost. Run against Google, Outlook and LINE WORKS alike.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot import ids
from bot.settings import Settings
from tests.bot.conftest import ADELE, ALICE, BOB, CAMILLE
from tests.bot.provider_links import FAKES, Linked, Seconds, serve_linked
from tests.fakes.provider import FakeProvider
from tests.fakes.slack import FakeSlack, SlackCall

SAM, SAM_O = "U0SAM1", "U0SAM2"
# The breaker opens after 8 failed attempts in a row; with two attempts per click (the
# provider's Retry-After: 0 lets the retry go at once) the first four clicks open it.
FIRST = [ALICE, BOB, ADELE, CAMILLE]
DURING = [SAM, SAM_O]
PEOPLE = FIRST + DURING
ATTEMPTS = 2


@pytest.fixture(params=sorted(FAKES))
def calendar(request: pytest.FixtureRequest) -> Iterator[FakeProvider]:
    with FAKES[request.param]() as fake:  # type: ignore[call-arg]
        yield fake
        assert fake.contract_violations == []


@pytest.fixture
def linked(settings: Settings, slack: FakeSlack, calendar: FakeProvider) -> Iterator[Linked]:
    linked = serve_linked(settings, slack, calendar, people=PEOPLE, attempts=ATTEMPTS)
    yield linked
    linked.app.stop()
    linked.app.http.close()


def answer(slack: FakeSlack, key: str) -> SlackCall:
    return slack.wait_for("response_url", lambda c: c.args["key"] == key)


def draft_id(card: SlackCall) -> str:
    return str(card.button(ids.DRAFT_CREATE)["value"])


def assert_saved_with_retry(failed: SlackCall, *, label: str) -> None:
    assert failed.args["replace_original"] is True
    assert f"{label} didn't answer. Your draft is saved" in failed.texts()
    assert ids.DRAFT_RETRY in failed.action_ids()
    assert ids.DRAFT_CREATE not in failed.action_ids()


def test_an_outage_fails_fast_then_retry_creates_one_event_per_draft(
    linked: Linked, slack: FakeSlack
) -> None:
    app, fake = linked.app, linked.fake
    moment = Seconds()
    breaker = linked.breaker(clock=moment)
    assert breaker.threshold == len(FIRST) * ATTEMPTS
    cards = {
        person: answer(slack, app.command("lunch friday noon", user=person)) for person in PEOPLE
    }

    # Alice's event is stored, then the answer is lost; from then on the provider is down.
    fake.reset_next()
    fake.fail_next(503, retry_after=0, times=1000)
    failed: dict[str, SlackCall] = {}
    for person in FIRST:
        failed[person] = answer(slack, app.click(cards[person], ids.DRAFT_CREATE, user=person))
    tried = len(fake.api_requests())
    assert tried == len(FIRST) * ATTEMPTS  # each click tried, and retried once
    assert breaker.open_until > moment()  # the eighth failure in a row opened it
    assert len(fake.events) == 1  # Alice's, whose answer never arrived

    # While it is open, clicks (and a Retry) are answered at once and nothing is sent.
    keys = {person: app.click(cards[person], ids.DRAFT_CREATE, user=person) for person in DURING}
    failed |= {person: answer(slack, key) for person, key in keys.items()}
    again = answer(slack, app.click(failed[BOB], ids.DRAFT_RETRY, user=BOB))
    assert len(fake.api_requests()) == tried
    for card in [*failed.values(), again]:
        assert_saved_with_retry(card, label=linked.label)
    cooldown = f"press Retry in {round(breaker.cooldown)} s"
    assert cooldown in failed[SAM].texts()  # the breaker's cool-down, said
    storage = app.services.storage
    for card in cards.values():
        assert app.run(storage.get_draft(draft_id(card))).state == "failed"

    # The calendar is back and the cool-down has passed: every Retry creates its event once.
    fake.clear_faults()
    moment.advance(breaker.cooldown + 1)
    retried = {person: app.click(failed[person], ids.DRAFT_RETRY, user=person) for person in PEOPLE}
    for person, key in retried.items():
        result = answer(slack, key)
        assert f"Added to {linked.label}: Lunch" in result.args["text"], person
        assert ids.EVENT_UNDO in result.action_ids()
    records = [app.run(storage.get_event(draft_id(card))) for card in cards.values()]
    assert len(fake.events) == len(PEOPLE)
    assert {record.event_id for record in records} == set(fake.store)


def test_an_event_stored_before_a_503_is_one_event_after_retry(
    linked: Linked, slack: FakeSlack
) -> None:
    app, fake = linked.app, linked.fake
    card = answer(slack, app.command("lunch friday noon", user=ALICE))
    fake.reset_next()  # stored at the provider, the answer lost on the way back
    fake.fail_next(503, retry_after=0)  # and the retry inside the same click fails too
    failed = answer(slack, app.click(card, ids.DRAFT_CREATE))
    assert_saved_with_retry(failed, label=linked.label)
    assert len(fake.events) == 1

    # Unsettled: only Retry may follow (Edit could make a second event), and it adds nothing new.
    told = answer(slack, app.click(failed, ids.DRAFT_EDIT))
    assert "press Retry first" in told.texts()
    result = answer(slack, app.click(failed, ids.DRAFT_RETRY))
    assert f"Added to {linked.label}: Lunch" in result.args["text"]
    [stored] = fake.events
    record = app.run(app.services.storage.get_event(draft_id(card)))
    assert set(fake.store) == {record.event_id}
    assert stored in fake.events
