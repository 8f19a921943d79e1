"""Undo: delete a created event at its provider, once, and remember that it is gone."""

from __future__ import annotations

from bot.services import Services
from bot.storage import EventRecord, account_key
from providers.errors import ProviderError, Rejected

GONE = {404, 410}


async def undo_event(services: Services, *, draft_id: str, user_id: str) -> EventRecord:
    """Mark undone first (one winner among double clicks), then delete at the provider.

    If the provider fails, the mark is cleared again so Undo can be pressed again; an
    event the provider no longer has counts as deleted.
    """
    record = await services.storage.mark_undone(draft_id, user_id=user_id)
    calendar = services.calendars[record.provider]
    try:
        await calendar.delete(
            record.event, account=account_key(record.team_id, record.user_id, record.provider)
        )
    except Rejected as exc:
        if exc.status not in GONE:
            await services.storage.restore_event(draft_id)
            raise
    except ProviderError:
        await services.storage.restore_event(draft_id)
        raise
    return record
