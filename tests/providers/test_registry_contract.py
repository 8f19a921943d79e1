"""One contract suite over every calendar in the registry: create, delete, idempotency, check."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date

import httpx
import pytest

from nlp.draft import EventDraft
from providers.base import Calendar
from providers.errors import Unsupported
from providers.local import MemoryEventStore
from providers.registry import CALENDARS, build_calendars
from providers.tokens import MemoryTokenStore
from tests.fakes.google import FakeGoogle
from tests.fakes.graph import FakeGraph
from tests.fakes.lineworks import FakeLineWorks
from tests.fakes.provider import FakeProvider
from tests.providers.conftest import ACCOUNT, Sleeps, settings_for, stored
from tests.providers.drafts import ALL, KEY, PARIS

# What each calendar must refuse, before sending anything.
CANNOT: dict[str, EventDraft] = {
    "google": ALL["timed"].model_copy(update={"reminder_minutes": 40321}),
    "microsoft": EventDraft(
        title="Hourly", start=ALL["timed"].start, timezone=PARIS, recurrence=("FREQ=HOURLY",)
    ),
    "lineworks": ALL["meeting"],
    "local": EventDraft(title="No date yet"),
}
# Who can make a video meeting: the others say so before sending, never drop it silently.
MAKES_MEETINGS = {"google": True, "microsoft": True, "lineworks": False, "local": False}


def account(name: str) -> str:
    """The bot keys a linked account by person and provider; the local calendar by person."""
    return ACCOUNT if name == "local" else f"{ACCOUNT}:{name}"


@dataclass
class World:
    calendars: dict[str, Calendar]
    fakes: dict[str, FakeProvider]
    store: MemoryEventStore

    async def count(self, name: str) -> int:
        if name == "local":
            return len(await self.store.list(account(name)))
        return len(self.fakes[name].events)

    def requests(self) -> int:
        return sum(len(f.requests) for f in self.fakes.values())


@pytest.fixture(scope="module")
def fakes() -> Iterator[dict[str, FakeProvider]]:
    with ExitStack() as stack:
        yield {
            "google": stack.enter_context(FakeGoogle()),
            "microsoft": stack.enter_context(FakeGraph()),
            "lineworks": stack.enter_context(FakeLineWorks()),
        }


@pytest.fixture
async def world(fakes: dict[str, FakeProvider], http: httpx.AsyncClient) -> AsyncIterator[World]:
    for fake in fakes.values():
        fake.reset()
    tokens = MemoryTokenStore()
    store = MemoryEventStore()
    settings = settings_for(*fakes.values())
    assert settings.configured() == {"google", "microsoft", "lineworks"}
    calendars = build_calendars(
        settings, http=http, tokens=tokens, local_store=store, sleep=Sleeps()
    )
    for name, fake in fakes.items():
        await tokens.put(account(name), stored(fake.oauth.issue()))
    yield World(calendars=calendars, fakes=fakes, store=store)
    for fake in fakes.values():
        assert fake.contract_violations == []


def test_the_registry_is_one_literal_dict_of_every_calendar() -> None:
    assert set(CALENDARS) == {"google", "microsoft", "lineworks", "local"}
    assert all(cls.name == name for name, cls in CALENDARS.items())


@pytest.mark.parametrize("name", sorted(CALENDARS))
async def test_create_returns_the_event_and_a_link(world: World, name: str) -> None:
    calendar = world.calendars[name]
    assert isinstance(calendar, Calendar)
    created = await calendar.create(
        ALL["timed"], account=account(name), calendar_id=None, idempotency_key=KEY
    )
    assert created.provider == name
    assert created.event_id
    if name != "local":
        assert created.web_link
        assert created.web_link.startswith("https://")
    assert await world.count(name) == 1


@pytest.mark.parametrize("name", sorted(CALENDARS))
async def test_the_same_key_twice_makes_one_event(world: World, name: str) -> None:
    calendar = world.calendars[name]
    first = await calendar.create(
        ALL["timed"], account=account(name), calendar_id=None, idempotency_key=KEY
    )
    again = await calendar.create(
        ALL["timed"], account=account(name), calendar_id=None, idempotency_key=KEY
    )
    assert again.event_id == first.event_id
    assert await world.count(name) == 1


@pytest.mark.parametrize("name", sorted(CALENDARS))
async def test_delete_removes_it_and_a_second_delete_is_harmless(world: World, name: str) -> None:
    calendar = world.calendars[name]
    created = await calendar.create(
        ALL["all-day"], account=account(name), calendar_id=None, idempotency_key=KEY
    )
    await calendar.delete(created, account=account(name))
    assert await world.count(name) == 0
    await calendar.delete(created, account=account(name))


@pytest.mark.parametrize("name", sorted(CALENDARS))
async def test_check_refuses_what_it_cannot_express_and_sends_nothing(
    world: World, name: str
) -> None:
    calendar = world.calendars[name]
    sent = world.requests()
    with pytest.raises(Unsupported) as caught:
        await calendar.create(
            CANNOT[name], account=account(name), calendar_id=None, idempotency_key=KEY
        )
    assert caught.value.fields
    assert world.requests() == sent
    assert await world.count(name) == 0


@pytest.mark.parametrize("name", sorted(CALENDARS))
async def test_a_multi_day_event_keeps_its_exclusive_end(world: World, name: str) -> None:
    draft = ALL["multi-day"]
    assert draft.end == date(2026, 12, 6)
    await world.calendars[name].create(
        draft, account=account(name), calendar_id=None, idempotency_key=KEY
    )
    assert await world.count(name) == 1


@pytest.mark.parametrize("name", sorted(CALENDARS))
async def test_a_video_meeting_is_made_or_refused_never_dropped(world: World, name: str) -> None:
    assert set(MAKES_MEETINGS) == set(CALENDARS)
    calendar = world.calendars[name]
    draft = ALL["meeting"]
    assert draft.online_meeting
    if MAKES_MEETINGS[name]:
        calendar.check(draft)
        created = await calendar.create(
            draft, account=account(name), calendar_id=None, idempotency_key=KEY
        )
        assert created.meeting_link
        return
    with pytest.raises(Unsupported) as caught:
        calendar.check(draft)
    assert caught.value.fields == ("online_meeting",)
    sent = world.requests()
    with pytest.raises(Unsupported):
        await calendar.create(draft, account=account(name), calendar_id=None, idempotency_key=KEY)
    assert world.requests() == sent
    assert await world.count(name) == 0
