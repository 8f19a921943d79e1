"""MemoryTokenStore: the TokenStore Protocol in memory, one renewal at a time per account.

The bot's database store has the same semantics (see `providers.base.TokenStore`);
this one serves tests and single-process runs.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict

from providers.base import OAuthToken, Renew
from providers.errors import NotLinked


class MemoryTokenStore:
    """Tokens by account; `refresh` is serialised per account with an asyncio lock."""

    def __init__(self) -> None:
        self._tokens: dict[str, OAuthToken] = {}
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def put(self, account: str, token: OAuthToken) -> None:
        self._tokens[account] = token

    async def remove(self, account: str) -> None:
        self._tokens.pop(account, None)

    async def get(self, account: str) -> OAuthToken:
        try:
            return self._tokens[account]
        except KeyError:
            raise NotLinked(f"no calendar linked for {account}") from None

    async def refresh(self, account: str, *, stale: OAuthToken, renew: Renew) -> OAuthToken:
        async with self._locks[account]:
            current = await self.get(account)
            if current.access_token != stale.access_token:
                return current  # another task renewed it while we waited
            fresh = await renew(current)
            if fresh.refresh_token is None:
                fresh = fresh.model_copy(update={"refresh_token": current.refresh_token})
            self._tokens[account] = fresh
            return fresh
