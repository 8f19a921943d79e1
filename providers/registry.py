"""The calendars Quickcal can create in, by name, and how to build them from settings."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx

from providers.base import Calendar, LocalEventStore, TokenStore
from providers.google import GoogleCalendar
from providers.lineworks import LineWorksCalendar
from providers.local import LocalCalendar
from providers.microsoft import OutlookCalendar
from providers.parts import DEFAULT_LENGTH
from providers.settings import ProviderSettings
from providers.transport import Sleep

CALENDARS: dict[str, type[GoogleCalendar | OutlookCalendar | LineWorksCalendar | LocalCalendar]]
CALENDARS = {
    "google": GoogleCalendar,
    "microsoft": OutlookCalendar,
    "lineworks": LineWorksCalendar,
    "local": LocalCalendar,
}


def build_calendars(
    settings: ProviderSettings,
    *,
    http: httpx.AsyncClient,
    tokens: TokenStore,
    local_store: LocalEventStore,
    sleep: Sleep = asyncio.sleep,
    default_length: timedelta = DEFAULT_LENGTH,
) -> dict[str, Calendar]:
    """Every calendar this deployment offers: the configured providers, and always `local`."""
    offered = settings.configured() | {"local"}
    return {
        name: cls.from_settings(
            settings,
            http=http,
            tokens=tokens,
            local_store=local_store,
            sleep=sleep,
            default_length=default_length,
        )
        for name, cls in CALENDARS.items()
        if name in offered
    }
