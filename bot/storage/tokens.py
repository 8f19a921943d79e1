"""The database `TokenStore`: one refresh at a time per account, across tasks and instances.

PostgreSQL: `SELECT ... FOR UPDATE` on the link row, held around the renew call.
SQLite: `BEGIN IMMEDIATE` (one writer for the whole file) around the renew call.
A per-process asyncio lock per account spares the database useless contention.
"""

from __future__ import annotations

import asyncio
import weakref

from sqlalchemy import select, update

from providers.base import OAuthToken, Renew
from providers.errors import AuthExpired, NotLinked

from .links import LinkRecords
from .records import parse_account_key
from .tables import calendar_links


class LinkTokenStore:
    """`providers.base.TokenStore` over the `calendar_links` table; accounts are `account_key`s.

    `get` raises `providers.errors.NotLinked` for a missing or unreadable link and
    `AuthExpired` for a broken one; `refresh` marks the link broken and re-raises when
    `renew` raises `AuthExpired`.
    """

    def __init__(self, links: LinkRecords) -> None:
        self._links = links
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()

    async def get(self, account: str) -> OAuthToken:
        """The stored token of a linked account."""
        team_id, user_id, provider = _parts(account)
        link = await self._links.get_link(team_id, user_id, provider)
        if link is None:
            raise NotLinked("no calendar linked", provider=provider)
        if link.status == "broken":
            raise AuthExpired("the calendar link must be renewed", provider=provider)
        return link.token

    async def refresh(self, account: str, *, stale: OAuthToken, renew: Renew) -> OAuthToken:
        """Renew `stale` unless someone already did; keep the newest refresh token."""
        team_id, user_id, provider = _parts(account)
        lock = self._locks.setdefault(account, asyncio.Lock())
        c = calendar_links.c
        where = (c.team_id == team_id, c.user_id == user_id, c.provider == provider)
        failure: AuthExpired | None = None
        async with lock, self._links.writing() as connection:
            query = select(c.token_secret, c.status).where(*where)
            if self._links.dialect == "postgresql":
                query = query.with_for_update()
            row = (await connection.execute(query)).one_or_none()
            current = None if row is None else self._links.token_from_secret(row.token_secret)
            if row is None or current is None:
                raise NotLinked("no calendar linked", provider=provider)
            if row.status == "broken":
                raise AuthExpired("the calendar link must be renewed", provider=provider)
            if current.access_token != stale.access_token:
                return current  # renewed by another task or instance meanwhile
            try:
                fresh = await renew(current)
            except AuthExpired as exc:
                # Recorded in this transaction, raised after it commits.
                failure = exc
                values = {"status": "broken"}
            else:
                if fresh.refresh_token is None:
                    fresh = fresh.model_copy(update={"refresh_token": current.refresh_token})
                values = {"token_secret": self._links.keys.encrypt(fresh.model_dump_json())}
            await connection.execute(
                update(calendar_links)
                .where(*where)
                .values(**values, updated_at=self._links.clock())
            )
        if failure is not None:
            raise failure
        return fresh


def _parts(account: str) -> tuple[str, str, str]:
    try:
        return parse_account_key(account)
    except ValueError as exc:
        raise NotLinked("no calendar linked") from exc
