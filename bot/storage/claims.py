"""Create claims: who is creating a draft's event, since when, and a finish fenced by the claim.

    begin_create    pending | failed | a claim past its lease -> creating, stamped now
    resume_create   a claim past its lease -> creating, stamped now (the reconciler)
    finish_create   creating, still this claim -> created, with the event recorded
    fail_create     creating, still this claim -> failed, with the reason

The stamp (`claimed_at`) is both the lease (a claim older than the lease belongs to a
process that died) and the fence: a create that outlived its lease and was taken over
finds its stamp gone, gets `ClaimTakenOver`, and leaves the settling and the telling to
the taker, so nobody is told twice. A claimed draft does not expire under the claim:
its expiry is pushed past two leases and housekeeping never purges a `creating` row.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, insert, or_, select

from providers.base import CreatedEvent

from .drafts import EDITABLE, STALE_CREATING, DraftRecords, bump, fetch_draft, refusal
from .errors import ClaimTakenOver, DraftStateError
from .events import event_from_row
from .records import EventRecord, StoredDraft
from .tables import created_events, drafts


class ClaimRecords(DraftRecords):
    """The create claim on a draft: taken, taken over, finished or failed under its fence."""

    async def begin_create(
        self, draft_id: str, *, user_id: str, stale_after: timedelta = STALE_CREATING
    ) -> StoredDraft:
        """Atomically move pending | failed (| a claim older than `stale_after`) -> creating.

        Exactly one of any number of concurrent callers wins; the others get a
        `DraftStateError` subclass (busy / created / cancelled / expired), or
        `DraftNotYours` / `DraftNotFound`.
        """
        may_start = or_(drafts.c.state.in_(EDITABLE), self._stale_claim(stale_after))
        return await self._move(
            draft_id, self._claim(stale_after), user_id=user_id, states=may_start
        )

    async def resume_create(self, draft_id: str, *, stale_after: timedelta) -> StoredDraft:
        """Take over a create claimed longer ago than `stale_after` (its process is gone).

        creating (stale) -> creating, stamped now: exactly one of concurrent callers wins,
        the others get `DraftBusy` (taken over already), `DraftAlreadyCreated`, or a
        `DraftStateError` when it is no longer a claim at all (failed, pending, ...).
        A claim is settled whatever the draft's age: the event may exist.
        """
        return await self._move(
            draft_id,
            self._claim(stale_after),
            user_id=None,
            states=self._stale_claim(stale_after),
            live_only=False,
        )

    async def stale_creates(self, *, stale_after: timedelta, limit: int = 100) -> list[StoredDraft]:
        """Drafts whose create was claimed longer ago than `stale_after`, oldest first."""
        query = (
            select(drafts)
            .where(self._stale_claim(stale_after))
            .order_by(drafts.c.claimed_at)
            .limit(limit)
        )
        async with self.reading() as connection:
            rows = (await connection.execute(query)).all()
        return [self._draft(row) for row in rows]

    async def finish_create(
        self, draft_id: str, created: CreatedEvent, *, claimed_at: datetime | None
    ) -> EventRecord:
        """creating (this claim) -> created, and record the event, in one transaction.

        Finishing again under the same claim returns its record; under a claim taken over
        since, `ClaimTakenOver`.
        """
        now = self.clock()
        async with self.writing() as connection:
            moved = await connection.execute(
                bump(draft_id, {"state": "created", "error": None}, now)
                .where(self._held(claimed_at))
                .returning(drafts)
            )
            row = moved.one_or_none()
            if row is None:
                found = await fetch_draft(connection, draft_id)
                if found is not None and found.claimed_at != claimed_at:
                    raise ClaimTakenOver("another taker owns this create", state=found.state)
                existing = await connection.execute(
                    select(created_events).where(created_events.c.draft_id == draft_id)
                )
                if (record := existing.one_or_none()) is not None:
                    return event_from_row(record)
                raise refusal(found, user_id=None, now=now)
            record_values = {
                "draft_id": draft_id,
                "team_id": row.team_id,
                "user_id": row.user_id,
                "provider": created.provider,
                "event_id": created.event_id,
                "calendar_id": created.calendar_id,
                "web_link": created.web_link,
                "meeting_link": created.meeting_link,
                "created_at": now,
            }
            inserted = await connection.execute(
                insert(created_events).values(record_values).returning(created_events)
            )
            return event_from_row(inserted.one())

    async def fail_create(
        self, draft_id: str, *, error: str, claimed_at: datetime | None
    ) -> StoredDraft:
        """creating (this claim) -> failed with a short reason (no secrets); Retry may follow.

        `ClaimTakenOver` when the claim was taken over meanwhile: the taker settles it.
        """
        values = {"state": "failed", "error": error[:500]}
        try:
            return await self._move(
                draft_id, values, user_id=None, states=self._held(claimed_at), live_only=False
            )
        except DraftStateError:
            current = await self.get_draft(draft_id)
            if current.claimed_at != claimed_at:
                taken = ClaimTakenOver("another taker owns this create", state=current.state)
                raise taken from None
            raise

    def _claim(self, stale_after: timedelta) -> dict[str, Any]:
        """The values of a new claim: stamped now, the draft kept alive past two leases."""
        now = self.clock()
        floor = now + 2 * stale_after
        return {
            "state": "creating",
            "error": None,
            "claimed_at": now,
            "expires_at": case((drafts.c.expires_at < floor, floor), else_=drafts.c.expires_at),
        }

    def _held(self, claimed_at: datetime | None) -> ColumnElement[bool]:
        """Still `creating` under the claim stamped `claimed_at`."""
        stamp = drafts.c.claimed_at.is_(None) if claimed_at is None else (
            drafts.c.claimed_at == claimed_at
        )
        return and_(drafts.c.state == "creating", stamp)

    def _stale_claim(self, stale_after: timedelta) -> ColumnElement[bool]:
        """A `creating` claim stamped longer ago than `stale_after`."""
        since = self.clock() - stale_after
        return and_(drafts.c.state == "creating", drafts.c.claimed_at < since)
