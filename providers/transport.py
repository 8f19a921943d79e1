"""Outbound HTTP for every provider: explicit timeouts, status -> error, bounded retries.

    answer            raised
    2xx               (the response)
    401               AuthExpired  (the caller refreshes once, then asks to relink)
    429, Google 403 rateLimitExceeded / userRateLimitExceeded
                      RateLimited(retry_after from Retry-After, else 1s)
    other 4xx         Rejected(the provider's own message, status)
    5xx, timeout, reset, refused connection
                      Unavailable(retry_after when the provider gave one)

A provider that failed `Breaker.threshold` attempts in a row is not called again
for `Breaker.cooldown` seconds: requests then fail at once with Unavailable
instead of each waiting out its own timeouts (a circuit breaker, per provider).
Only requests that are safe to repeat are retried (a create carrying its
idempotency key, a GET, a DELETE), with tenacity: exponential backoff with jitter,
or exactly the provider's Retry-After, bounded in attempts and in total waiting.
The sleeper is injectable so tests can record the waits instead of sleeping.
Nothing here logs a header or a body: tokens never reach a log.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)
from tenacity.stop import stop_base

from providers.base import OAuthToken, Renew, TokenStore
from providers.errors import AuthExpired, ProviderError, RateLimited, Rejected, Unavailable

Sleep = Callable[[float], Awaitable[None]]
RATE_REASONS = {"rateLimitExceeded", "userRateLimitExceeded"}
# Requests in flight to one provider at once, from this process.
IN_FLIGHT = 64
REFRESH_MARGIN = timedelta(seconds=60)
# 0.5s, 1s, 2s, ... (at most 8s), each plus up to 0.5s of jitter.
BACKOFF = wait_exponential_jitter(multiplier=0.5, max=8.0, jitter=0.5)


def new_http_client(*, timeout: float = 10.0) -> httpx.AsyncClient:
    """The shared client for all providers: explicit timeouts, pooled connections.

    Room for every provider's `IN_FLIGHT` at once: requests queue in each Transport's
    slots (where the breaker is checked), never inside httpx's pool (where it is not).
    """
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
        limits=httpx.Limits(max_connections=4 * IN_FLIGHT, max_keepalive_connections=32),
        headers={"User-Agent": "Quickcal/0.1"},
    )


@dataclass
class Breaker:
    """Open after `threshold` failed attempts in a row; refuse at once until `cooldown` passes."""

    threshold: int = 8
    cooldown: float = 30.0
    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    open_until: float = 0.0

    def check(self, provider: str) -> None:
        """Raise Unavailable while the breaker is open."""
        left = self.open_until - self.clock()
        if left > 0:
            raise Unavailable(
                "the calendar is down; not trying again for a moment",
                provider=provider,
                retry_after=left,
            )

    def record(self, *, up: bool) -> None:
        """Count one attempt's outcome; open after `threshold` failures in a row."""
        if up:
            self.failures = 0
            return
        self.failures += 1
        if self.failures >= self.threshold:
            self.open_until = self.clock() + self.cooldown
            self.failures = 0


@dataclass
class Transport:
    """One provider's way out: `send` one request, mapped and retried as described above."""

    http: httpx.AsyncClient
    provider: str
    timeout: float = 10.0
    attempts: int = 4
    budget: float = 20.0  # seconds of waiting between attempts, all together
    sleep: Sleep = field(default=asyncio.sleep)
    breaker: Breaker = field(default_factory=Breaker)
    # Requests in flight to this provider; the rest wait here, and see the breaker when
    # their turn comes: once it opens, everyone queued fails at once instead of each
    # waiting out a timeout of its own.
    slots: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(IN_FLIGHT))

    async def send(
        self,
        method: str,
        url: str,
        *,
        token: str,
        retry: bool,
        json: Any = None,
        params: dict[str, str] | None = None,
    ) -> httpx.Response:
        """The successful response, or the error the last attempt ended with."""
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        retrying = AsyncRetrying(
            retry=retry_if_exception_type((Unavailable, RateLimited)),
            stop=stop_after_attempt(self.attempts if retry else 1) | _Budget(self.budget),
            wait=self._wait,
            sleep=self.sleep,
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                return await self._once(method, url, headers=headers, json=json, params=params)
        raise AssertionError("unreachable: tenacity re-raises the last error")

    async def _once(
        self, method: str, url: str, *, headers: dict[str, str], json: Any, params: Any
    ) -> httpx.Response:
        async with self.slots:
            self.breaker.check(self.provider)
            return await self._sent(method, url, headers=headers, json=json, params=params)

    async def _sent(
        self, method: str, url: str, *, headers: dict[str, str], json: Any, params: Any
    ) -> httpx.Response:
        try:
            response = await self.http.request(
                method, url, headers=headers, json=json, params=params, timeout=self.timeout
            )
        except httpx.TimeoutException:
            self.breaker.record(up=False)
            raise Unavailable(
                "the calendar did not answer in time", provider=self.provider
            ) from None
        except httpx.TransportError:
            self.breaker.record(up=False)
            raise Unavailable("the calendar could not be reached", provider=self.provider) from None
        self.breaker.record(up=response.status_code < 500)
        if response.is_success:
            return response
        raise error_for(response, provider=self.provider)

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        asked = getattr(error, "retry_after", None)
        if isinstance(asked, int | float):
            return float(asked)
        return float(BACKOFF(state))


class _Budget(stop_base):
    """Stop before a wait would take the waiting past `seconds` in all."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __call__(self, state: RetryCallState) -> bool:
        # idle_for counts the waits already slept (also with a fake sleeper in tests);
        # upcoming_sleep is the one about to start.
        spent = max(state.idle_for, state.seconds_since_start or 0.0)
        return spent + state.upcoming_sleep > self.seconds


def error_for(response: httpx.Response, *, provider: str) -> ProviderError:
    """The error of the tree for a failed answer, with the provider's own words."""
    status = response.status_code
    message, reason = _message(response)
    if status == 401:
        return AuthExpired(message or "the calendar refused the sign-in", provider=provider)
    if status == 429 or (status == 403 and reason in RATE_REASONS):
        return RateLimited(
            message or "too many requests",
            provider=provider,
            retry_after=retry_after(response) or 1.0,
        )
    if status >= 500:
        return Unavailable(
            message or f"the calendar failed ({status})",
            provider=provider,
            retry_after=retry_after(response),
        )
    return Rejected(message or f"the calendar refused the request ({status})", provider=provider,
                    status=status)  # fmt: skip


def retry_after(response: httpx.Response) -> float | None:
    """Retry-After in seconds, from delta-seconds or an HTTP date; None when absent or bad."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _message(response: httpx.Response) -> tuple[str, str]:
    """(message, reason) from Google/Graph `{"error": {}}` or LINE WORKS `{code, description}`."""
    try:
        body = response.json()
    except ValueError:
        return response.text[:200].strip(), ""
    if not isinstance(body, dict):
        return "", ""
    error = body.get("error")
    if isinstance(error, dict):
        reasons = [e.get("reason", "") for e in error.get("errors", []) if isinstance(e, dict)]
        return str(error.get("message", "")), next(iter(reasons), str(error.get("code", "")))
    if isinstance(error, str):
        return str(body.get("error_description") or error), error
    return str(body.get("description", "")), str(body.get("code", ""))


async def call_with_token(
    tokens: TokenStore,
    account: str,
    *,
    renew: Renew,
    call: Callable[[str], Awaitable[httpx.Response]],
) -> httpx.Response:
    """Run `call(access_token)`; on 401 (or a token past its expiry) refresh once and retry once.

    A second 401 is raised as AuthExpired: the person must link the calendar again.
    """
    token = await tokens.get(account)
    if _expiring(token):
        token = await tokens.refresh(account, stale=token, renew=renew)
    try:
        return await call(token.access_token)
    except AuthExpired:
        fresh = await tokens.refresh(account, stale=token, renew=renew)
        return await call(fresh.access_token)


def _expiring(token: OAuthToken) -> bool:
    if token.expires_at is None:
        return False
    expires = token.expires_at if token.expires_at.tzinfo else token.expires_at.replace(tzinfo=UTC)
    return expires - REFRESH_MARGIN <= datetime.now(UTC)
