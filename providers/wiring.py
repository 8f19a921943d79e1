"""Wiring: what every calendar is built with besides its settings, named once for all of them.

    build_calendars(settings, http=client, tokens=store, local_store=events)
    CALENDARS["google"].from_settings(settings, http=client, tokens=store, local_store=events)

`sleep` (waits between retries; tests record them) and `default_length` (of a timed
event without an end) are optional. Each calendar reads only what it needs.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Required, TypedDict

import httpx

from providers.base import LocalEventStore, TokenStore
from providers.transport import Sleep


class Wiring(TypedDict, total=False):
    """The keyword arguments of `from_settings` and `build_calendars`."""

    http: Required[httpx.AsyncClient]
    tokens: Required[TokenStore]
    local_store: Required[LocalEventStore]
    sleep: Sleep
    default_length: timedelta
