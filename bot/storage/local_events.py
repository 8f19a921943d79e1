"""The embedded local calendar's events: `providers.base.LocalEventStore` on the database.

Owners are `account_key(team_id, user_id, "local")` so that a wipe finds them.
"""

from __future__ import annotations

import math
from datetime import datetime, time

from sqlalchemy import delete, select

from nlp.draft import EventDraft

from .core import StorageCore
from .tables import local_events


class DatabaseLocalEventStore:
    """`LocalEventStore`; `put` is idempotent on (owner, event_id)."""

    def __init__(self, core: StorageCore) -> None:
        self._core = core

    async def put(self, owner: str, event_id: str, draft: EventDraft) -> None:
        """Keep the event; the same id again replaces it (one event)."""
        values = {
            "owner": owner,
            "event_id": event_id,
            "draft_json": draft.model_dump_json(),
            "updated_at": self._core.clock(),
        }
        statement = self._core.upsert(
            local_events,
            values,
            keys=("owner", "event_id"),
            update=("draft_json", "updated_at"),
        )
        async with self._core.writing() as connection:
            await connection.execute(statement)

    async def delete(self, owner: str, event_id: str) -> None:
        """Remove the event; absent is fine."""
        c = local_events.c
        async with self._core.writing() as connection:
            await connection.execute(
                delete(local_events).where(c.owner == owner, c.event_id == event_id)
            )

    async def list(self, owner: str) -> list[tuple[str, EventDraft]]:
        """The owner's events, earliest start first (undated ones last)."""
        c = local_events.c
        async with self._core.reading() as connection:
            result = await connection.execute(
                select(c.event_id, c.draft_json).where(c.owner == owner)
            )
            rows = result.all()
        events = [(row.event_id, EventDraft.model_validate_json(row.draft_json)) for row in rows]
        return sorted(events, key=lambda item: (_start_key(item[1]), item[0]))


def _start_key(draft: EventDraft) -> float:
    """Seconds since the epoch of the start; an all-day event starts at its zone's midnight."""
    start = draft.start
    if start is None:
        return math.inf
    if isinstance(start, datetime):
        return start.timestamp()
    return datetime.combine(start, time(0), tzinfo=draft.zone).timestamp()
