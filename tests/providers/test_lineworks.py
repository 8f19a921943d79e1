"""LINE WORKS repeats: whatever 4xx a used eventId gets, the event made earlier is returned."""

from __future__ import annotations

import httpx
import pytest

from providers.errors import Rejected
from tests.fakes.lineworks import FakeLineWorks
from tests.providers.conftest import ACCOUNT, link
from tests.providers.drafts import ALL, KEY

TEAM = "calendar-team"
DEFAULT = "calendar-96b8-4c74-8277-7953e0b4604a"


@pytest.mark.parametrize("status", [400, 403, 409])
@pytest.mark.parametrize("calendar_id", [None, TEAM])
async def test_a_create_retried_after_a_lost_answer_returns_the_first_event(
    lineworks: FakeLineWorks, http: httpx.AsyncClient, status: int, calendar_id: str | None
) -> None:
    lineworks.duplicate_status = status
    linked = await link("lineworks", lineworks, http)
    lineworks.reset_next()  # the event is made, its answer lost: the retry hits the used id
    created = await linked.calendar.create(
        ALL["timed"], account=ACCOUNT, calendar_id=calendar_id, idempotency_key=KEY
    )
    assert len(lineworks.events) == 1
    [made] = lineworks.events
    assert created.event_id == made["eventComponents"][0]["eventId"]
    assert created.calendar_id == (calendar_id or DEFAULT)
    assert created.web_link is not None
    looked_up = lineworks.api_requests("GET")[-1]
    assert looked_up.path.endswith(f"/events/{created.event_id}")
    await linked.calendar.delete(created, account=ACCOUNT)
    assert lineworks.events == []


@pytest.mark.parametrize("status", [400, 403])
async def test_a_repeated_create_with_the_same_key_returns_the_same_event(
    lineworks: FakeLineWorks, http: httpx.AsyncClient, status: int
) -> None:
    lineworks.duplicate_status = status
    linked = await link("lineworks", lineworks, http)
    first = await linked.calendar.create(
        ALL["timed"], account=ACCOUNT, calendar_id=None, idempotency_key=KEY
    )
    again = await linked.calendar.create(
        ALL["timed"], account=ACCOUNT, calendar_id=None, idempotency_key=KEY
    )
    assert again == first
    assert len(lineworks.events) == 1


async def test_a_real_refusal_is_raised_with_the_providers_words_after_the_lookup(
    lineworks: FakeLineWorks, http: httpx.AsyncClient
) -> None:
    linked = await link("lineworks", lineworks, http)
    lineworks.fail_next(400)
    with pytest.raises(Rejected) as caught:
        await linked.calendar.create(
            ALL["timed"], account=ACCOUNT, calendar_id=None, idempotency_key=KEY
        )
    assert caught.value.status == 400
    assert caught.value.message == "Bad Request"
    assert lineworks.events == []
    assert len(lineworks.api_requests("POST")) == 1  # a 400 is not retried


async def test_an_unknown_calendar_stays_a_refusal(
    lineworks: FakeLineWorks, http: httpx.AsyncClient
) -> None:
    linked = await link("lineworks", lineworks, http)
    with pytest.raises(Rejected) as caught:
        await linked.calendar.create(
            ALL["timed"], account=ACCOUNT, calendar_id="calendar-gone", idempotency_key=KEY
        )
    assert caught.value.status == 404
    assert caught.value.message == "Calendar does not exist."
