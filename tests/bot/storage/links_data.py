"""Linked accounts and tokens the storage tests store."""

from __future__ import annotations

from datetime import UTC, datetime

from providers.base import AccountInfo, CalendarInfo, OAuthToken

ACCESS = "ya29.a0AfH6SMBx-access-token-PLAINTEXT-0001"
REFRESH = "1//0refresh-token-PLAINTEXT-0001"
TOKEN = OAuthToken(
    access_token=ACCESS,
    refresh_token=REFRESH,
    expires_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
    scope="https://www.googleapis.com/auth/calendar.events",
)
ACCOUNT = AccountInfo(
    account_id="10923",
    email="alice@example.com",
    display_name="Alice Park",
    timezone="Europe/Paris",
    calendars=(
        CalendarInfo(id="team@group.calendar.google.com", name="Team"),
        CalendarInfo(id="alice@example.com", name="Alice", primary=True),
    ),
)
