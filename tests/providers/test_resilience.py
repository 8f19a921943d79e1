"""Retries, rate limits, outages, lost answers and token refresh, against the fake servers."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

import httpx
import pytest

from providers.errors import AuthExpired, RateLimited, Rejected, Unavailable
from providers.google import GoogleCalendar
from providers.transport import Breaker
from tests.fakes.google import FakeGoogle
from tests.fakes.graph import FakeGraph
from tests.fakes.server import free_port
from tests.providers.conftest import ACCOUNT, Linked, link
from tests.providers.drafts import ALL, KEY

DRAFT = ALL["timed"]


async def create(linked: Linked, key: str = KEY) -> str:
    created = await linked.calendar.create(
        DRAFT, account=linked.account, calendar_id=None, idempotency_key=key
    )
    return created.event_id


def posts(linked: Linked) -> int:
    return len(linked.fake.api_requests("POST"))


async def test_a_create_whose_answer_was_lost_is_retried_into_one_event(linked: Linked) -> None:
    linked.fake.reset_next()
    event_id = await create(linked)
    assert len(linked.fake.events) == 1
    assert posts(linked) == 2
    assert len(linked.sleeps.waits) == 1  # one backoff between the two attempts
    assert event_id in str(linked.fake.events[0])


async def test_a_repeated_create_with_the_same_key_makes_one_event(linked: Linked) -> None:
    first = await create(linked)
    second = await create(linked)
    assert first == second
    assert len(linked.fake.events) == 1


async def test_retry_after_is_honoured_exactly(linked: Linked) -> None:
    linked.fake.fail_next(429, retry_after=7)
    await create(linked)
    assert linked.sleeps.waits == [7.0]
    assert posts(linked) == 2
    assert len(linked.fake.events) == 1


async def test_each_retry_after_is_honoured_in_turn(linked: Linked) -> None:
    linked.fake.fail_next(429, retry_after=3)
    linked.fake.fail_next(429, retry_after=1.5)
    await create(linked)
    assert linked.sleeps.waits == [3.0, 1.5]
    assert posts(linked) == 3
    assert len(linked.fake.events) == 1


async def test_a_throttled_delete_waits_as_told_then_deletes(linked: Linked) -> None:
    created = await linked.calendar.create(
        DRAFT, account=linked.account, calendar_id=None, idempotency_key=KEY
    )
    linked.fake.fail_next(429, retry_after=2)
    await linked.calendar.delete(created, account=linked.account)
    assert linked.sleeps.waits == [2.0]
    assert len(linked.fake.api_requests("DELETE")) == 2
    assert linked.fake.events == []


async def test_a_503_with_retry_after_waits_as_told(linked: Linked) -> None:
    linked.fake.fail_next(503, retry_after=2, times=2)
    await create(linked)
    assert linked.sleeps.waits == [2.0, 2.0]
    assert posts(linked) == 3


async def test_google_quota_403_is_a_rate_limit_and_is_retried(
    google: FakeGoogle, http: httpx.AsyncClient
) -> None:
    linked = await link("google", google, http)
    google.fail_next(403, reason="rateLimitExceeded")
    await create(linked)
    assert posts(linked) == 2
    assert len(linked.sleeps.waits) == 1
    assert 0 < linked.sleeps.waits[0] <= 8.5


async def test_a_plain_403_is_rejected_at_once(google: FakeGoogle, http: httpx.AsyncClient) -> None:
    linked = await link("google", google, http)
    google.fail_next(403, reason="forbidden")
    with pytest.raises(Rejected) as caught:
        await create(linked)
    assert caught.value.status == 403
    assert not isinstance(caught.value, RateLimited)
    assert posts(linked) == 1


async def test_a_400_is_not_retried_and_keeps_the_providers_words(linked: Linked) -> None:
    linked.fake.fail_next(400)
    with pytest.raises(Rejected) as caught:
        await create(linked)
    assert caught.value.status == 400
    assert caught.value.message == "Bad Request"  # the fake's own message, passed through
    assert posts(linked) == 1
    assert linked.sleeps.waits == []


async def test_an_outage_ends_after_the_bounded_attempts_with_a_clear_error(
    linked: Linked,
) -> None:
    linked.fake.fail_next(503, times=100)
    with pytest.raises(Unavailable) as caught:
        await create(linked)
    assert caught.value.provider == linked.calendar.name
    assert posts(linked) == linked.settings.provider_retry_attempts
    waits = linked.sleeps.waits
    assert len(waits) == linked.settings.provider_retry_attempts - 1
    # Exponential backoff with at most 0.5 s of jitter: 0.5 s, 1 s, 2 s (+ jitter).
    assert [int(w * 2) / 2 for w in waits] == [0.5, 1.0, 2.0]
    assert linked.fake.events == []


async def test_a_retry_after_beyond_the_budget_fails_at_once(linked: Linked) -> None:
    linked.fake.fail_next(429, retry_after=600)
    with pytest.raises(RateLimited) as caught:
        await create(linked)
    assert caught.value.retry_after == 600
    assert posts(linked) == 1
    assert linked.sleeps.waits == []


async def test_an_unreachable_provider_fails_with_unavailable(
    google: FakeGoogle, http: httpx.AsyncClient
) -> None:
    closed = f"http://127.0.0.1:{free_port()}"  # a port nothing listens on
    linked = await link("google", google, http, GOOGLE_API_URL=closed + "/calendar/v3")
    with pytest.raises(Unavailable):
        await create(linked)


async def test_a_slow_answer_times_out_and_the_retry_succeeds(
    google: FakeGoogle, http: httpx.AsyncClient
) -> None:
    linked = await link("google", google, http, PROVIDER_TIMEOUT_SECONDS=0.5)
    assert isinstance(linked.calendar, GoogleCalendar)
    google.slow_next(2.0, path="/settings/timezone")
    info = await linked.calendar.identify(ACCOUNT)
    assert info.timezone == "Europe/Paris"
    assert len(google.api_requests("GET")) == 4  # primary, timezone (timed out), again, list


async def test_an_expired_token_is_refreshed_once_and_the_call_repeated(linked: Linked) -> None:
    before = await linked.tokens.get(ACCOUNT)
    linked.fake.expire_tokens()
    await create(linked)
    assert linked.fake.oauth.refreshes == 1
    after = await linked.tokens.get(ACCOUNT)
    assert after.access_token != before.access_token
    assert len(linked.fake.events) == 1


async def test_ten_concurrent_creates_on_an_expired_token_refresh_exactly_once(
    linked: Linked,
) -> None:
    linked.fake.expire_tokens()
    await asyncio.gather(*(create(linked, key=f"draft-{n}") for n in range(10)))
    assert linked.fake.oauth.refreshes == 1
    assert len(linked.fake.events) == 10


async def test_a_rotated_refresh_token_is_stored(graph: FakeGraph, http: httpx.AsyncClient) -> None:
    linked = await link("microsoft", graph, http)
    old = await linked.tokens.get(ACCOUNT)
    graph.expire_tokens()
    await create(linked)
    new = await linked.tokens.get(ACCOUNT)
    assert new.refresh_token not in (None, old.refresh_token)
    graph.expire_tokens()  # the old refresh token is dead; only the stored new one works
    await create(linked, key="draft-2")
    assert graph.oauth.refreshes == 2


async def test_a_refresh_token_without_rotation_is_kept(
    google: FakeGoogle, http: httpx.AsyncClient
) -> None:
    linked = await link("google", google, http)
    old = await linked.tokens.get(ACCOUNT)
    google.expire_tokens()
    await create(linked)
    assert (await linked.tokens.get(ACCOUNT)).refresh_token == old.refresh_token


async def test_a_revoked_grant_asks_to_link_again(linked: Linked) -> None:
    linked.fake.oauth.revoke_all()
    with pytest.raises(AuthExpired):
        await create(linked)
    assert linked.fake.events == []


async def test_a_second_401_after_refreshing_asks_to_link_again(linked: Linked) -> None:
    linked.fake.fail_next(401, times=2)
    with pytest.raises(AuthExpired):
        await create(linked)
    assert linked.fake.oauth.refreshes == 1
    assert posts(linked) == 2


async def test_a_sign_in_outage_during_refresh_is_not_mistaken_for_a_dead_link(
    linked: Linked,
) -> None:
    linked.fake.expire_tokens()
    linked.fake.fail_next(503, path=urlsplit(linked.calendar.oauth.token_url).path)
    with pytest.raises(Unavailable):
        await create(linked)
    await create(linked)  # once the sign-in service is back, the same link works
    assert len(linked.fake.events) == 1


async def test_after_an_outage_calls_fail_at_once_until_the_cool_down(linked: Linked) -> None:
    now = [1000.0]
    attempts = linked.settings.provider_retry_attempts
    linked.calendar.transport.breaker = Breaker(
        threshold=attempts, cooldown=30, clock=lambda: now[0]
    )
    linked.fake.fail_next(503, times=100)
    with pytest.raises(Unavailable):
        await create(linked)
    assert posts(linked) == attempts  # the breaker opened on the last one
    waits = len(linked.sleeps.waits)
    with pytest.raises(Unavailable):
        await create(linked, key="draft-2")
    assert posts(linked) == attempts  # nothing sent, no waiting either
    assert len(linked.sleeps.waits) == waits
    linked.fake.clear_faults()
    now[0] += 31
    await create(linked, key="draft-3")
    assert len(linked.fake.events) == 1


async def test_requests_queued_behind_a_failing_one_fail_at_once_when_the_breaker_opens(
    linked: Linked,
) -> None:
    transport = linked.calendar.transport
    transport.slots = asyncio.Semaphore(1)  # one in flight: the others queue in the slots
    transport.breaker = Breaker(threshold=1, cooldown=30)
    transport.attempts = 1
    linked.fake.fail_next(503, times=100)
    queued = [asyncio.create_task(create(linked, key=f"draft-{n}")) for n in range(5)]
    outcomes = await asyncio.gather(*queued, return_exceptions=True)
    assert all(isinstance(outcome, Unavailable) for outcome in outcomes)
    # The first went out and failed; the four waiting behind it saw the open breaker when
    # their turn came and sent nothing (they did not each wait out a failure of their own).
    assert posts(linked) == 1
