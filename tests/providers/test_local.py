"""The local calendar: memory store, .ics download, one-click template links, token store."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar

from providers.base import OAuthToken
from providers.ics import ics_calendar
from providers.local import LocalCalendar, MemoryEventStore
from providers.templates import google_template_url, outlook_template_url, template_gaps
from providers.tokens import MemoryTokenStore
from tests.providers.drafts import ALL, KEY


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


async def test_local_create_is_idempotent_and_delete_removes() -> None:
    store = MemoryEventStore()
    calendar = LocalCalendar(store)
    first = await calendar.create(ALL["timed"], account="alice", calendar_id=None,
                                  idempotency_key=KEY)  # fmt: skip
    again = await calendar.create(ALL["timed"], account="alice", calendar_id=None,
                                  idempotency_key=KEY)  # fmt: skip
    assert first == again
    assert await store.list("alice") == [(first.event_id, ALL["timed"])]
    assert await store.list("bob") == []
    await calendar.delete(first, account="alice")
    assert await store.list("alice") == []


def test_ics_holds_every_field_and_reads_back() -> None:
    events = [("e1", ALL["tokyo-everything"]), ("e2", ALL["rrule-until"]), ("e3", ALL["all-day"])]
    parsed = Calendar.from_ical(ics_calendar(events))
    zones = {str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")}
    assert {"Asia/Tokyo", "Europe/Paris"} <= zones
    tokyo, weekly, offsite = parsed.walk("VEVENT")

    assert str(tokyo["UID"]) == "e1@quickcal"
    assert tokyo["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert tokyo.decoded("DTSTART") == datetime(2026, 3, 10, 14, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert tokyo.decoded("DTEND") == datetime(2026, 3, 10, 16, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert str(tokyo["LOCATION"]) == "Room 4"
    assert "With: Megan" in str(tokyo["DESCRIPTION"])
    assert str(tokyo["ATTENDEE"]) == "mailto:adele@example.com"
    (alarm,) = tokyo.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == -timedelta(days=1)

    rule = weekly["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["BYDAY"] == ["TU"]
    assert rule["UNTIL"] == [datetime(2026, 12, 15, 22, 59, 59, tzinfo=UTC)]
    assert offsite.decoded("DTSTART") == date(2026, 3, 10)
    assert offsite["DTSTART"].params.get("VALUE", "DATE") == "DATE"
    assert offsite.decoded("DTEND") == date(2026, 3, 11)


def test_google_template_link() -> None:
    params = query(google_template_url(ALL["rrule-until"]))
    assert params == {
        "action": "TEMPLATE",
        "text": "Repeating",
        "dates": "20260303T100000/20260303T110000",
        "ctz": "Europe/Paris",
        "recur": "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T225959Z",
    }
    all_day = query(google_template_url(ALL["multi-day"]))
    assert all_day["dates"] == "20261203/20261206"  # exclusive end, as Google reads it
    assert "ctz" not in all_day
    people = query(google_template_url(ALL["attendees"]))
    assert people["add"] == "adele@example.com,bob@example.com"
    assert people["details"].endswith("With: Megan, <@U0123ABCD>")


def test_outlook_template_link() -> None:
    params = query(outlook_template_url(ALL["tokyo-everything"]))
    assert params["startdt"] == "2026-03-10T14:00:00+09:00"
    assert params["enddt"] == "2026-03-10T16:00:00+09:00"
    assert params["allday"] == "false"
    assert params["subject"] == "Quarterly planning"
    assert params["location"] == "Room 4"
    assert urlsplit(outlook_template_url(ALL["all-day"])).netloc == "outlook.live.com"
    assert query(outlook_template_url(ALL["all-day"]))["allday"] == "true"


def test_template_gaps_name_what_a_link_cannot_carry() -> None:
    assert template_gaps(ALL["timed"]) == {"google": (), "outlook": ()}
    assert template_gaps(ALL["rrule-daily"])["outlook"] == ("recurrence",)
    assert template_gaps(ALL["meeting"])["google"] == ("online_meeting",)


async def test_token_store_renews_once_and_keeps_the_refresh_token() -> None:
    store = MemoryTokenStore()
    await store.put("a", OAuthToken(access_token="old", refresh_token="r1"))
    calls: list[str] = []

    async def renew(token: OAuthToken) -> OAuthToken:
        calls.append(token.access_token)
        await asyncio.sleep(0)  # let the others queue on the lock
        return OAuthToken(access_token="new")  # no refresh token in the answer

    stale = await store.get("a")
    results = await asyncio.gather(
        *(store.refresh("a", stale=stale, renew=renew) for _ in range(5))
    )
    assert calls == ["old"]
    assert {r.access_token for r in results} == {"new"}
    assert (await store.get("a")).refresh_token == "r1"
