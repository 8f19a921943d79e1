"""Slack's install `state` values: issued, then consumed once, atomically."""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta
from typing import Any

from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from sqlalchemy import delete, insert

from .core import StorageCore, digest
from .tables import slack_oauth_states

log = logging.getLogger(__name__)


class SlackStateStore(AsyncOAuthStateStore):
    """slack_sdk's `AsyncOAuthStateStore` on the database (shared by every instance)."""

    def __init__(self, core: StorageCore, *, expiration_seconds: int = 600) -> None:
        self._core = core
        self.expiration_seconds = expiration_seconds

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        """A fresh random state, remembered (hashed) until it expires."""
        state = secrets.token_urlsafe(32)
        expires_at = self._core.clock() + timedelta(seconds=self.expiration_seconds)
        async with self._core.writing() as connection:
            await connection.execute(
                insert(slack_oauth_states).values(state_hash=digest(state), expires_at=expires_at)
            )
        return state

    async def async_consume(self, state: str) -> bool:
        """True once for a live state; False when unknown, used or expired."""
        c = slack_oauth_states.c
        async with self._core.writing() as connection:
            result = await connection.execute(
                delete(slack_oauth_states)
                .where(c.state_hash == digest(state))
                .returning(c.expires_at)
            )
            expires_at = result.scalar_one_or_none()
        return expires_at is not None and expires_at > self._core.clock()
