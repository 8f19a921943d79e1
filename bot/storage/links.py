"""Linked calendar accounts, their tokens encrypted at rest.

A link whose token no key opens (tampered, or the key was lost) reads as not linked.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, select, update
from sqlalchemy.engine import Row

from providers.base import AccountInfo, CalendarInfo, OAuthToken

from .core import StorageCore
from .records import CalendarLink
from .tables import calendar_links


class LinkRecords(StorageCore):
    """Save, read, mark broken and delete a person's calendar links."""

    async def save_link(
        self,
        team_id: str,
        user_id: str,
        provider: str,
        *,
        account: AccountInfo,
        token: OAuthToken,
        calendar_id: str | None = None,
    ) -> CalendarLink:
        """Link (or relink) an account: stores the token encrypted, status active.

        `calendar_id` None keeps the one chosen before, else the account's primary.
        """
        c = calendar_links.c
        async with self.writing() as connection:
            before = (
                await connection.execute(
                    select(c.calendar_id, c.account_id).where(
                        c.team_id == team_id, c.user_id == user_id, c.provider == provider
                    )
                )
            ).one_or_none()
            same_account = before is not None and before.account_id == account.account_id
            chosen = calendar_id or (before.calendar_id if same_account and before else None)
            if chosen is None:
                primary = [cal.id for cal in account.calendars if cal.primary]
                chosen = primary[0] if primary else None
            values = {
                "team_id": team_id,
                "user_id": user_id,
                "provider": provider,
                "account_id": account.account_id,
                "email": account.email,
                "display_name": account.display_name,
                "token_secret": self.keys.encrypt(token.model_dump_json()),
                "calendar_id": chosen,
                "calendars_json": json.dumps([cal.model_dump() for cal in account.calendars]),
                "timezone": account.timezone,
                "status": "active",
                "updated_at": self.clock(),
            }
            statement = self.upsert(
                calendar_links,
                values,
                keys=("team_id", "user_id", "provider"),
                update=tuple(name for name in values if name not in {"team_id", "user_id"}),
            )
            row = (await connection.execute(statement.returning(calendar_links))).one()
        link = self.link_from_row(row)
        if link is None:  # pragma: no cover - we just encrypted it with our newest key
            raise RuntimeError("a freshly saved link could not be read back")
        return link

    async def get_link(self, team_id: str, user_id: str, provider: str) -> CalendarLink | None:
        """The link, broken ones included; None when absent or unreadable (tampered)."""
        c = calendar_links.c
        async with self.reading() as connection:
            result = await connection.execute(
                select(calendar_links).where(
                    c.team_id == team_id, c.user_id == user_id, c.provider == provider
                )
            )
            row = result.one_or_none()
        return None if row is None else self.link_from_row(row)

    async def list_links(self, team_id: str, user_id: str) -> list[CalendarLink]:
        """Every readable link of the person, by provider name."""
        c = calendar_links.c
        async with self.reading() as connection:
            result = await connection.execute(
                select(calendar_links)
                .where(c.team_id == team_id, c.user_id == user_id)
                .order_by(c.provider)
            )
            rows = result.all()
        return [link for row in rows if (link := self.link_from_row(row)) is not None]

    async def set_link_calendar(
        self, team_id: str, user_id: str, provider: str, calendar_id: str
    ) -> None:
        """Choose which of the account's calendars events go to."""
        await self._change_link(team_id, user_id, provider, {"calendar_id": calendar_id})

    async def mark_broken(self, team_id: str, user_id: str, provider: str) -> None:
        """The refresh failed for good (invalid_grant, revoked): the person must relink."""
        await self._change_link(team_id, user_id, provider, {"status": "broken"})

    async def delete_link(self, team_id: str, user_id: str, provider: str) -> OAuthToken | None:
        """Unlink; returns the token (to revoke at the provider) or None if there was none."""
        c = calendar_links.c
        async with self.writing() as connection:
            result = await connection.execute(
                delete(calendar_links)
                .where(c.team_id == team_id, c.user_id == user_id, c.provider == provider)
                .returning(c.token_secret)
            )
            secret = result.scalar_one_or_none()
        return self.token_from_secret(secret)

    async def _change_link(
        self, team_id: str, user_id: str, provider: str, values: dict[str, Any]
    ) -> None:
        c = calendar_links.c
        async with self.writing() as connection:
            await connection.execute(
                update(calendar_links)
                .where(c.team_id == team_id, c.user_id == user_id, c.provider == provider)
                .values(**values, updated_at=self.clock())
            )

    def token_from_secret(self, secret: str | None) -> OAuthToken | None:
        """The token in a `token_secret` column; None when absent or unreadable."""
        plain = self.open_secret(secret, what="calendar token")
        if plain is None:
            return None
        try:
            return OAuthToken.model_validate_json(plain)
        except ValidationError:
            return None

    def link_from_row(self, row: Row[Any]) -> CalendarLink | None:
        """A `CalendarLink` from a `calendar_links` row; None when its token is unreadable."""
        token = self.token_from_secret(row.token_secret)
        if token is None:
            return None
        return CalendarLink(
            team_id=row.team_id,
            user_id=row.user_id,
            provider=row.provider,
            account_id=row.account_id,
            email=row.email,
            display_name=row.display_name,
            token=token,
            calendar_id=row.calendar_id,
            calendars=tuple(CalendarInfo(**cal) for cal in json.loads(row.calendars_json)),
            timezone=row.timezone,
            status=row.status,
            updated_at=row.updated_at,
        )
