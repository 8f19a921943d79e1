"""Fixtures: the three fake providers on real sockets, and calendars wired to them.

    async def test_x(linked: Linked) -> None:
        calendar, fake, account = linked.calendar, linked.fake, linked.account
        await calendar.create(draft, account=account, calendar_id=None, idempotency_key=KEY)
        assert len(fake.events) == 1 and linked.sleeps.waits == []

`linked` is parametrised over google, microsoft and lineworks; `google`, `graph`
and `lineworks` give one each. Waits between retries are recorded, not slept.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from providers.base import OAuthToken
from providers.google import GoogleCalendar
from providers.lineworks import LineWorksCalendar
from providers.linked import LinkedCalendar
from providers.microsoft import OutlookCalendar
from providers.settings import ProviderSettings
from providers.tokens import MemoryTokenStore
from providers.transport import new_http_client
from tests.fakes.google import FakeGoogle
from tests.fakes.graph import FakeGraph
from tests.fakes.lineworks import FakeLineWorks
from tests.fakes.oauth import IssuedToken
from tests.fakes.provider import FakeProvider

ACCOUNT = "T0TEAM:U0ALICE"


@dataclass
class Sleeps:
    """An injectable sleeper that records each wait instead of sleeping."""

    waits: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@dataclass
class Linked:
    """A calendar client linked to `account` on its fake provider."""

    calendar: LinkedCalendar
    fake: FakeProvider
    tokens: MemoryTokenStore
    sleeps: Sleeps
    settings: ProviderSettings
    account: str = ACCOUNT


def stored(token: IssuedToken) -> OAuthToken:
    return OAuthToken(
        access_token=token.access_token,
        refresh_token=token.refresh_token,
        expires_at=datetime.now(UTC) + timedelta(seconds=token.expires_in),
        scope=token.scope,
    )


def settings_for(*fakes: FakeProvider, **extra: object) -> ProviderSettings:
    env: dict[str, object] = {"PROVIDER_TIMEOUT_SECONDS": 5.0}
    for fake in fakes:
        env.update(fake.env())
    env.update(extra)
    return ProviderSettings(**env)  # type: ignore[arg-type]


@pytest.fixture
def google() -> Iterator[FakeGoogle]:
    with FakeGoogle() as fake:
        yield fake
    assert fake.contract_violations == []


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    with FakeGraph() as fake:
        yield fake
    assert fake.contract_violations == []


@pytest.fixture
def lineworks() -> Iterator[FakeLineWorks]:
    with FakeLineWorks() as fake:
        yield fake
    assert fake.contract_violations == []


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with new_http_client(timeout=5.0) as client:
        yield client


CLASSES: dict[str, tuple[type[LinkedCalendar], type[FakeProvider]]] = {
    "google": (GoogleCalendar, FakeGoogle),
    "microsoft": (OutlookCalendar, FakeGraph),
    "lineworks": (LineWorksCalendar, FakeLineWorks),
}


async def link(name: str, fake: FakeProvider, http: httpx.AsyncClient, **extra: object) -> Linked:
    """A calendar of kind `name` whose account holds a token `fake` issued."""
    settings = settings_for(fake, **extra)
    tokens = MemoryTokenStore()
    await tokens.put(ACCOUNT, stored(fake.oauth.issue()))
    sleeps = Sleeps()
    cls = CLASSES[name][0]
    calendar = cls(settings, http=http, tokens=tokens, sleep=sleeps)
    return Linked(calendar=calendar, fake=fake, tokens=tokens, sleeps=sleeps, settings=settings)


@pytest.fixture(params=sorted(CLASSES))
async def linked(request: pytest.FixtureRequest, http: httpx.AsyncClient) -> AsyncIterator[Linked]:
    fake_cls = CLASSES[request.param][1]
    with fake_cls() as fake:  # type: ignore[call-arg]
        yield await link(request.param, fake, http)
    assert fake.contract_violations == []
