"""A calendar account linked in storage exactly as a finished OAuth round leaves it.

    await link_account(storage, google, user=ALICE)                    # primary calendar chosen
    await link_account(storage, graph, user=BOB, provider="microsoft", calendar=False)
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.storage import Storage
from providers.base import AccountInfo, CalendarInfo, OAuthToken
from tests.fakes.provider import FakeProvider
from tests.fakes.slack import TEAM_ID


async def link_account(
    storage: Storage,
    fake: FakeProvider,
    *,
    user: str,
    provider: str = "google",
    account: str | None = None,
    zone: str = "America/New_York",
    calendar: bool = True,
    team_id: str = TEAM_ID,
) -> None:
    """Link `user` to `account` (the fake's default login) at `fake`, with a token it issued.

    `calendar`: the account's primary calendar is listed and chosen (its id is the account);
    False leaves the provider's default calendar (no id), as LINE WORKS and Graph use.
    """
    issued = fake.oauth.issue(account)
    token = OAuthToken(
        access_token=issued.access_token,
        refresh_token=issued.refresh_token,
        expires_at=datetime.now(UTC) + timedelta(seconds=issued.expires_in),
        scope=issued.scope,
    )
    name = issued.account
    calendars = (CalendarInfo(id=name, name=name, primary=True),) if calendar else ()
    info = AccountInfo(account_id=name, email=name, timezone=zone, calendars=calendars)
    await storage.save_link(
        team_id, user, provider, account=info, token=token, calendar_id=name if calendar else None
    )
