"""The calendars Quickcal can create in, by name, and how to build them from settings."""

from __future__ import annotations

from typing import Unpack

from providers.base import Calendar
from providers.google import GoogleCalendar
from providers.lineworks import LineWorksCalendar
from providers.local import LocalCalendar
from providers.microsoft import OutlookCalendar
from providers.settings import ProviderSettings
from providers.wiring import Wiring

CALENDARS: dict[str, type[GoogleCalendar | OutlookCalendar | LineWorksCalendar | LocalCalendar]]
CALENDARS = {
    "google": GoogleCalendar,
    "microsoft": OutlookCalendar,
    "lineworks": LineWorksCalendar,
    "local": LocalCalendar,
}


def build_calendars(settings: ProviderSettings, **wiring: Unpack[Wiring]) -> dict[str, Calendar]:
    """Every calendar this deployment offers: the configured providers, and always `local`."""
    offered = settings.configured() | {"local"}
    return {
        name: cls.from_settings(settings, **wiring)
        for name, cls in CALENDARS.items()
        if name in offered
    }
