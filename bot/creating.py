"""A draft id -> its event at the provider, exactly once: begin, create, finish or fail."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from bot.services import Services
from bot.storage import EventRecord, StoredDraft, account_key
from bot.targets import LOCAL, label_of
from bot.wording import explain
from nlp.draft import EventDraft
from providers.errors import NotLinked, ProviderError

log = logging.getLogger(__name__)
REASON_LIMIT = 300


@dataclass(frozen=True)
class Created:
    """The draft as it was created, and the record of its event."""

    stored: StoredDraft
    record: EventRecord
    label: str


async def create_event(services: Services, *, draft_id: str, user_id: str) -> Created:
    """Create the draft's event once, whatever the number of clicks, retries or instances.

    Storage errors (busy, created, cancelled, expired, not yours) are raised before any
    call to the provider. A provider failure marks the draft failed (kept for Retry) and
    is raised for the caller to put into words.
    """
    stored = await services.storage.begin_create(draft_id, user_id=user_id)
    provider = stored.provider or LOCAL
    calendar = services.calendars[provider]
    account = account_key(stored.team_id, stored.user_id, provider)
    prefs = await services.storage.get_user_settings(stored.team_id, stored.user_id)
    minutes = prefs.event_minutes or services.settings.default_event_minutes
    final = for_calendar(stored.draft, default_minutes=minutes)
    try:
        calendar.check(final)
        created = await calendar.create(
            final, account=account, calendar_id=stored.calendar_id, idempotency_key=stored.id
        )
    except ProviderError as exc:
        reason = explain(exc, label=calendar.label)[:REASON_LIMIT]
        await services.storage.fail_create(stored.id, error=reason)
        if isinstance(exc, NotLinked):
            await services.storage.mark_broken(stored.team_id, stored.user_id, provider)
        raise
    except Exception:
        log.exception("create failed unexpectedly (draft kept for Retry)")
        await services.storage.fail_create(stored.id, error="unexpected failure")
        raise
    record = await services.storage.finish_create(stored.id, created)
    return Created(stored, record, label_of(services.calendars, provider))


def for_calendar(draft: EventDraft, *, default_minutes: int) -> EventDraft:
    """The draft as a calendar should store it: an explicit end, and names it could not
    invite (no Slack member, or not chosen) written into the description."""
    end = draft.end_or_default(timedelta(minutes=default_minutes))
    invited = tuple(a for a in draft.attendees if a.kind == "email")
    named = [a.value for a in draft.attendees if a.kind != "email"]
    description = draft.description
    if named:
        description = f"{description}\n\nWith: {', '.join(named)}".strip()
    return draft.model_copy(update={"end": end, "attendees": invited, "description": description})
