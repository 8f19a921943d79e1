"""Drafts and their state machine: pending -> creating -> created / cancelled / failed.

Every move is one conditional UPDATE ... RETURNING whose result decides, so a double click,
two app instances, or a Slack retry can never create an event twice.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Update, delete, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from nlp.draft import EventDraft

from .core import StorageCore
from .dedupe import HANDLED_LIFETIME
from .errors import (
    DraftAlreadyCreated,
    DraftBusy,
    DraftCancelled,
    DraftExpired,
    DraftNotFound,
    DraftNotYours,
    DraftStateError,
)
from .records import DraftSource, StoredDraft
from .tables import drafts, handled_requests, oauth_states, slack_oauth_states

DRAFT_LIFETIME = timedelta(days=1)
# A create that crashed mid-way leaves `creating`; after this long another click may retry
# (provider creates are idempotent on the draft id, so a retry cannot double the event).
# The app passes its own lease (`Settings.create_lease`, by default this same 5 minutes).
STALE_CREATING = timedelta(minutes=5)
EDITABLE = ("pending", "failed")


class DraftRecords(StorageCore):
    """Drafts, their transitions, and the events created from them."""

    async def add_draft(
        self,
        draft: EventDraft,
        *,
        team_id: str,
        user_id: str,
        channel_id: str | None,
        source: DraftSource,
        provider: str | None = None,
        calendar_id: str | None = None,
        response_url: str | None = None,
    ) -> StoredDraft:
        """Store a new pending draft under a random, unguessable id; expires in a day."""
        now = self.clock()
        values = {
            "id": secrets.token_urlsafe(16),
            "team_id": team_id,
            "user_id": user_id,
            "channel_id": channel_id,
            "source": source,
            "draft_json": draft.model_dump_json(),
            "state": "pending",
            "provider": provider,
            "calendar_id": calendar_id,
            "response_url_secret": self.seal(response_url),
            "created_at": now,
            "updated_at": now,
            "expires_at": now + DRAFT_LIFETIME,
            "version": 1,
        }
        async with self.writing() as connection:
            row = (await connection.execute(insert(drafts).values(values).returning(drafts))).one()
        return self._draft(row)

    async def get_draft(self, draft_id: str) -> StoredDraft:
        """The draft, expired or not (see `StoredDraft.expires_at`); `DraftNotFound` if none."""
        async with self.reading() as connection:
            row = await fetch_draft(connection, draft_id)
        if row is None:
            raise DraftNotFound("no such draft")
        return self._draft(row)

    async def attach_card(
        self,
        draft_id: str,
        *,
        channel_id: str | None,
        message_ts: str | None,
        response_url: str | None = None,
    ) -> None:
        """Remember where the draft's card lives (response_url is stored encrypted)."""
        values: dict[str, Any] = {"card_channel_id": channel_id, "card_ts": message_ts}
        if response_url is not None:
            values["response_url_secret"] = self.seal(response_url)
        await self._move(draft_id, values, user_id=None, states=None)

    async def update_draft(self, draft_id: str, draft: EventDraft, *, user_id: str) -> StoredDraft:
        """Edit: replace the EventDraft while pending or failed (back to pending, a new day)."""
        now = self.clock()
        values = {
            "draft_json": draft.model_dump_json(),
            "state": "pending",
            "error": None,
            "expires_at": now + DRAFT_LIFETIME,
        }
        return await self._move(draft_id, values, user_id=user_id, states=EDITABLE)

    async def set_target(
        self, draft_id: str, *, user_id: str, provider: str, calendar_id: str | None
    ) -> StoredDraft:
        """Choose the calendar the draft will go to, while pending or failed."""
        values = {"provider": provider, "calendar_id": calendar_id}
        return await self._move(draft_id, values, user_id=user_id, states=EDITABLE)

    async def cancel(self, draft_id: str, *, user_id: str) -> StoredDraft:
        """pending | failed -> cancelled; cancelling twice is fine."""
        try:
            return await self._move(
                draft_id, {"state": "cancelled"}, user_id=user_id, states=EDITABLE
            )
        except DraftCancelled:
            return await self.get_draft(draft_id)

    async def expire_old(self, now: datetime | None = None) -> int:
        """Delete drafts past their expiry; returns how many. Created events are kept.

        Also purges expired OAuth states and dedupe keys older than a day.
        """
        now = now or self.clock()
        async with self.writing() as connection:
            # A draft under a create claim stays, whatever its age: the reconciler settles it.
            gone = await connection.execute(
                delete(drafts)
                .where(drafts.c.expires_at <= now, drafts.c.state != "creating")
                .returning(drafts.c.id)
            )
            count = len(gone.all())
            await connection.execute(delete(oauth_states).where(oauth_states.c.expires_at <= now))
            await connection.execute(
                delete(slack_oauth_states).where(slack_oauth_states.c.expires_at <= now)
            )
            await connection.execute(
                delete(handled_requests).where(
                    handled_requests.c.handled_at <= now - HANDLED_LIFETIME
                )
            )
        return count

    async def _move(
        self,
        draft_id: str,
        values: dict[str, Any],
        *,
        user_id: str | None,
        states: tuple[str, ...] | ColumnElement[bool] | None,
        live_only: bool = True,
    ) -> StoredDraft:
        """One guarded UPDATE; when it matches nothing, say precisely why.

        `live_only`: an expired draft matches no guarded move (claims are settled whatever
        their age, so their take-over passes False).
        """
        now = self.clock()
        statement = bump(draft_id, values, now)
        if user_id is not None:
            statement = statement.where(drafts.c.user_id == user_id)
        if states is not None and live_only:
            statement = statement.where(drafts.c.expires_at > now)
        if states is not None:
            guard = drafts.c.state.in_(states) if isinstance(states, tuple) else states
            statement = statement.where(guard)
        async with self.writing() as connection:
            row = (await connection.execute(statement.returning(drafts))).one_or_none()
            if row is None:
                found = await fetch_draft(connection, draft_id)
                if found is None or states is None:
                    raise DraftNotFound("no such draft")
                raise refusal(found, user_id=user_id, now=now)
        return self._draft(row)

    def _draft(self, row: Row[Any]) -> StoredDraft:
        return StoredDraft(
            id=row.id,
            team_id=row.team_id,
            user_id=row.user_id,
            channel_id=row.channel_id,
            source=row.source,
            draft=EventDraft.model_validate_json(row.draft_json),
            state=row.state,
            provider=row.provider,
            calendar_id=row.calendar_id,
            card_channel_id=row.card_channel_id,
            card_ts=row.card_ts,
            response_url=self.open_secret(row.response_url_secret, what="response_url"),
            error=row.error,
            created_at=row.created_at,
            updated_at=row.updated_at,
            expires_at=row.expires_at,
            version=row.version,
            claimed_at=row.claimed_at,
        )


def bump(draft_id: str, values: dict[str, Any], now: datetime) -> Update:
    return (
        update(drafts)
        .where(drafts.c.id == draft_id)
        .values(**values, updated_at=now, version=drafts.c.version + 1)
    )


async def fetch_draft(connection: AsyncConnection, draft_id: str) -> Row[Any] | None:
    result = await connection.execute(select(drafts).where(drafts.c.id == draft_id))
    return result.one_or_none()


def refusal(row: Row[Any] | None, *, user_id: str | None, now: datetime) -> Exception:
    """Why a guarded move matched no row, as the most useful error."""
    if row is None:
        return DraftNotFound("no such draft")
    if user_id is not None and row.user_id != user_id:
        return DraftNotYours("this draft belongs to someone else")
    state = row.state
    if state == "created":
        return DraftAlreadyCreated("the event was created already", state=state)
    if state == "cancelled":
        return DraftCancelled("the draft was cancelled", state=state)
    if row.expires_at <= now:
        return DraftExpired("the draft has expired", state=state)
    if state == "creating":
        return DraftBusy("the event is being created", state=state)
    return DraftStateError(f"not allowed while {state}", state=state)
