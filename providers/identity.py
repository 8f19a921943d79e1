"""Who a linked account is: identity, calendars and time zone, read right after linking.

Google: `calendars/primary`, `users/me/settings/timezone`, `users/me/calendarList`.
Graph: `/me`, `/me/mailboxSettings` (a Windows zone name, turned into IANA), `/me/calendars`.
LINE WORKS: `/users/me` and `/users/me/calendar` (the default calendar).
Each goes through the calendar's own `request` (token refresh, retries, errors).
"""

from __future__ import annotations

from typing import Any, Protocol

import httpx
from tzlocal.windows_tz import win_tz

from providers.answers import (
    GoogleCalendarEntry,
    GraphCalendar,
    GraphUser,
    LineWorksUser,
)
from providers.base import AccountInfo, CalendarInfo
from providers.settings import ProviderSettings


class Requester(Protocol):
    """What identity reads through: a linked calendar's settings and `request`."""

    settings: ProviderSettings

    async def request(
        self, method: str, url: str, *, account: str, retry: bool, json: Any = None,
        params: dict[str, str] | None = None,
    ) -> httpx.Response: ...  # fmt: skip


async def google_identity(calendar: Requester, account: str) -> AccountInfo:
    """The Google account: its primary calendar's id (the email), zone and writable calendars."""
    api = calendar.settings.google_api_url.rstrip("/")
    primary = (await _get(calendar, f"{api}/calendars/primary", account)).json()
    zone = (await _get(calendar, f"{api}/users/me/settings/timezone", account)).json()
    listing = (await _get(calendar, f"{api}/users/me/calendarList", account)).json()
    entries = [GoogleCalendarEntry.model_validate(i) for i in listing.get("items", [])]
    return AccountInfo(
        account_id=str(primary["id"]),
        email=str(primary["id"]),
        display_name=primary.get("summary"),
        timezone=zone.get("value") or primary.get("timeZone"),
        calendars=tuple(
            CalendarInfo(id=e.id, name=e.summary_override or e.summary, primary=e.primary)
            for e in entries
            if e.access_role in ("owner", "writer")  # only where Quickcal may create
        ),
    )


async def graph_identity(calendar: Requester, account: str) -> AccountInfo:
    """The Microsoft 365 user, its mailbox zone (as IANA) and the calendars it can edit."""
    api = calendar.settings.graph_api_url.rstrip("/")
    user = GraphUser.model_validate((await _get(calendar, f"{api}/me", account)).json())
    mailbox = (await _get(calendar, f"{api}/me/mailboxSettings", account)).json()
    listing = (await _get(calendar, f"{api}/me/calendars", account)).json()
    calendars = [GraphCalendar.model_validate(c) for c in listing.get("value", [])]
    zone = mailbox.get("timeZone")
    return AccountInfo(
        account_id=user.id,
        email=user.mail or user.user_principal_name,
        display_name=user.display_name,
        timezone=win_tz.get(zone, zone) if zone else None,
        calendars=tuple(
            CalendarInfo(id=c.id, name=c.name, primary=c.is_default_calendar)
            for c in calendars
            if c.can_edit
        ),
    )


async def lineworks_identity(calendar: Requester, account: str) -> AccountInfo:
    """The LINE WORKS member, its zone and its default calendar (the one Quickcal uses)."""
    api = calendar.settings.lineworks_api_url.rstrip("/")
    user = LineWorksUser.model_validate((await _get(calendar, f"{api}/users/me", account)).json())
    default = (await _get(calendar, f"{api}/users/me/calendar", account)).json()
    name = user.user_name
    return AccountInfo(
        account_id=user.user_id,
        email=user.email,
        display_name=f"{name.last_name} {name.first_name}".strip() if name else None,
        timezone=user.time_zone,
        calendars=(
            CalendarInfo(
                id=str(default["calendarId"]), name=default.get("calendarName", ""), primary=True
            ),
        ),
    )


async def _get(calendar: Requester, url: str, account: str) -> httpx.Response:
    return await calendar.request("GET", url, account=account, retry=True)
