"""Events Quickcal created: read for the result card and receipt, undone at most once."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Row

from .core import StorageCore
from .errors import AlreadyUndone, DraftNotYours, EventNotFound
from .records import EventRecord
from .tables import created_events


class EventRecords(StorageCore):
    """Created events (written by `finish_create`), receipts and Undo."""

    async def get_event(self, draft_id: str) -> EventRecord:
        """The event created from a draft; `EventNotFound` when none."""
        async with self.reading() as connection:
            result = await connection.execute(
                select(created_events).where(created_events.c.draft_id == draft_id)
            )
            row = result.one_or_none()
        if row is None:
            raise EventNotFound("no event was created from this draft")
        return event_from_row(row)

    async def recent_events(
        self, team_id: str, user_id: str, *, limit: int = 10
    ) -> list[EventRecord]:
        """A person's latest created (not undone) events, newest first."""
        c = created_events.c
        async with self.reading() as connection:
            result = await connection.execute(
                select(created_events)
                .where(c.team_id == team_id, c.user_id == user_id, c.undone_at.is_(None))
                .order_by(c.created_at.desc())
                .limit(limit)
            )
            return [event_from_row(row) for row in result]

    async def attach_receipt(self, draft_id: str, *, channel_id: str, message_ts: str) -> None:
        """Remember where the DM receipt of a created event was posted."""
        async with self.writing() as connection:
            result = await connection.execute(
                update(created_events)
                .where(created_events.c.draft_id == draft_id)
                .values(receipt_channel_id=channel_id, receipt_ts=message_ts)
                .returning(created_events.c.draft_id)
            )
            if result.one_or_none() is None:
                raise EventNotFound("no event was created from this draft")

    async def mark_undone(self, draft_id: str, *, user_id: str | None = None) -> EventRecord:
        """Atomically mark the event undone, once; `AlreadyUndone` for the second caller.

        With `user_id`, only that person's event (`DraftNotYours` otherwise). Call it
        before deleting at the provider; if that delete fails, `restore_event` undoes it.
        """
        c = created_events.c
        statement = update(created_events).where(c.draft_id == draft_id, c.undone_at.is_(None))
        if user_id is not None:
            statement = statement.where(c.user_id == user_id)
        async with self.writing() as connection:
            result = await connection.execute(
                statement.values(undone_at=self.clock()).returning(created_events)
            )
            row = result.one_or_none()
            if row is not None:
                return event_from_row(row)
            found = (
                await connection.execute(select(created_events).where(c.draft_id == draft_id))
            ).one_or_none()
        if found is None:
            raise EventNotFound("no event was created from this draft")
        if user_id is not None and found.user_id != user_id:
            raise DraftNotYours("this event belongs to someone else")
        raise AlreadyUndone("this event was undone already")

    async def restore_event(self, draft_id: str) -> None:
        """Clear the undone mark again: the provider delete after `mark_undone` failed."""
        async with self.writing() as connection:
            await connection.execute(
                update(created_events)
                .where(created_events.c.draft_id == draft_id)
                .values(undone_at=None)
            )


def event_from_row(row: Row[Any]) -> EventRecord:
    """An `EventRecord` from a `created_events` row."""
    return EventRecord(
        draft_id=row.draft_id,
        team_id=row.team_id,
        user_id=row.user_id,
        provider=row.provider,
        event_id=row.event_id,
        calendar_id=row.calendar_id,
        web_link=row.web_link,
        meeting_link=row.meeting_link,
        created_at=row.created_at,
        undone_at=row.undone_at,
        receipt_channel_id=row.receipt_channel_id,
        receipt_ts=row.receipt_ts,
    )
