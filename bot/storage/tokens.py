"""The database `TokenStore`: one refresh at a time per account, across tasks and instances.

PostgreSQL (N instances): `SELECT ... FOR UPDATE` on the link row, held around the renew
call; other accounts and other writes go on.
SQLite (one process): no transaction is open during the renew call, since SQLite's write
lock covers the whole file. A per-process asyncio lock per database and account keeps
one renewal at a time, and the save is a compare-and-swap on the ciphertext read, so a
token changed meanwhile (re-linked, broken) is never overwritten.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from typing import Any

from sqlalchemy import ColumnElement, Row, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from providers.base import OAuthToken, Renew
from providers.errors import AuthExpired, NotLinked

from .links import LinkRecords
from .records import parse_account_key
from .tables import calendar_links

log = logging.getLogger(__name__)

# Shared by every Storage of this process: two engines on one SQLite file renew once.
_LOCKS: weakref.WeakValueDictionary[tuple[str, str], asyncio.Lock] = weakref.WeakValueDictionary()


class LinkTokenStore:
    """`providers.base.TokenStore` over the `calendar_links` table; accounts are `account_key`s.

    `get` raises `providers.errors.NotLinked` for a missing or unreadable link and
    `AuthExpired` for a broken one; `refresh` marks the link broken and re-raises when
    `renew` raises `AuthExpired`.
    """

    def __init__(self, links: LinkRecords) -> None:
        self._links = links

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
        database = self._links.engine.url.render_as_string(hide_password=True)
        lock = _LOCKS.setdefault((database, account), asyncio.Lock())
        async with lock:
            if self._links.dialect == "postgresql":
                return await self._refresh_locked_row(account, stale=stale, renew=renew)
            return await self._refresh_then_swap(account, stale=stale, renew=renew)

    async def _refresh_locked_row(
        self, account: str, *, stale: OAuthToken, renew: Renew
    ) -> OAuthToken:
        where = _where(account)
        async with self._links.writing() as connection:
            row = await _read(connection, where, lock=True)
            current = self._usable(row, account)
            if current.access_token != stale.access_token:
                return current  # renewed by another task or instance meanwhile
            fresh, values = await self._renewed(current, renew)
            await connection.execute(update(calendar_links).where(*where).values(**values))
        if isinstance(fresh, AuthExpired):
            raise fresh  # recorded as broken in the transaction above, raised after it commits
        return fresh

    async def _refresh_then_swap(
        self, account: str, *, stale: OAuthToken, renew: Renew
    ) -> OAuthToken:
        where = _where(account)
        async with self._links.reading() as connection:
            row = await _read(connection, where, lock=False)
        current = self._usable(row, account)
        if current.access_token != stale.access_token:
            return current
        fresh, values = await self._renewed(current, renew)  # no transaction open meanwhile
        while row is not None:
            async with self._links.writing() as connection:
                swapped = await connection.execute(
                    update(calendar_links)
                    .where(*where, calendar_links.c.token_secret == row.token_secret)
                    .values(**values)
                )
                if swapped.rowcount == 1:
                    break
                row = await _read(connection, where, lock=False)
            secret = None if row is None else row.token_secret
            if (
                row is None
                or row.status == "broken"
                or (self._links.token_from_secret(secret) != current)
            ):
                # Re-linked, broken or removed meanwhile: the newer state wins, ours is dropped.
                log.warning("a calendar link changed during its token renewal; kept the newer")
                return self._usable(row, account)
            # Only re-encrypted meanwhile (key rotation): swap again on the new ciphertext.
        if isinstance(fresh, AuthExpired):
            raise fresh
        return fresh

    async def _renewed(
        self, current: OAuthToken, renew: Renew
    ) -> tuple[OAuthToken | AuthExpired, dict[str, Any]]:
        """The renewed token (or the AuthExpired to raise) and the row values to store."""
        try:
            fresh = await renew(current)
        except AuthExpired as exc:
            return exc, {"status": "broken", "updated_at": self._links.clock()}
        if fresh.refresh_token is None:
            fresh = fresh.model_copy(update={"refresh_token": current.refresh_token})
        secret = self._links.keys.encrypt(fresh.model_dump_json())
        return fresh, {"token_secret": secret, "updated_at": self._links.clock()}

    def _usable(self, row: Row[Any] | None, account: str) -> OAuthToken:
        provider = _parts(account)[2]
        current = None if row is None else self._links.token_from_secret(row.token_secret)
        if row is None or current is None:
            raise NotLinked("no calendar linked", provider=provider)
        if row.status == "broken":
            raise AuthExpired("the calendar link must be renewed", provider=provider)
        return current


async def _read(
    connection: AsyncConnection, where: tuple[ColumnElement[bool], ...], *, lock: bool
) -> Any:
    """The link's `token_secret` and `status` (a row, or None when there is no link)."""
    c = calendar_links.c
    query = select(c.token_secret, c.status).where(*where)
    if lock:
        query = query.with_for_update()
    return (await connection.execute(query)).one_or_none()


def _where(account: str) -> tuple[ColumnElement[bool], ...]:
    team_id, user_id, provider = _parts(account)
    c = calendar_links.c
    return (c.team_id == team_id, c.user_id == user_id, c.provider == provider)


def _parts(account: str) -> tuple[str, str, str]:
    try:
        return parse_account_key(account)
    except ValueError as exc:
        raise NotLinked("no calendar linked") from exc
