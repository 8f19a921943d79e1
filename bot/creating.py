"""A draft id -> its event at the provider, exactly once: begin, create, finish or fail.

A failed attempt is remembered with its outcome (`drafts.error` = "<outcome>|<reason>"):
`refused` when the provider proved nothing was created (4xx, unsupported, not linked), so
the draft may be edited and retried under the same idempotency key; `unsettled` when it may
have been created (timeout, 5xx, a crash after the call), so only Retry (same draft, same
key: the provider answers with the event it may already hold) may follow, never an edit.
A create whose process died mid-way is finished by the reconciler (bot/reconciling.py)
through `resume_create`, under the same key.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from bot.errors import CalendarMissing, CreateUnsettled
from bot.services import Services
from bot.storage import ClaimTakenOver, EventRecord, StoredDraft, account_key
from bot.targets import LOCAL, label_of
from bot.wording import explain
from nlp.draft import EventDraft
from providers.base import Calendar
from providers.errors import NotLinked, ProviderError, Rejected, Unsupported
from providers.parts import description

log = logging.getLogger(__name__)
REASON_LIMIT = 300
REFUSED = "refused"
UNSETTLED = "unsettled"
# Failures that prove the provider stored nothing (RateLimited is a Rejected).
PROVEN_NOTHING = (Rejected, Unsupported, NotLinked)


@dataclass(frozen=True)
class Created:
    """The draft as it was created, and the record of its event."""

    stored: StoredDraft
    record: EventRecord
    label: str


def failure_note(outcome: str, reason: str) -> str:
    """What `fail_create` stores: the outcome tag, then the reason in the person's words."""
    return f"{outcome}|{reason[:REASON_LIMIT]}"


def unsettled(stored: StoredDraft) -> bool:
    """Did the last attempt fail without knowing whether the provider created the event?"""
    return stored.state == "failed" and (stored.error or "").startswith(UNSETTLED + "|")


def ensure_changeable(services: Services, stored: StoredDraft) -> None:
    """Raise `CreateUnsettled` while an edit or another calendar could create a second event."""
    if unsettled(stored):
        raise CreateUnsettled(label_of(services.calendars, stored.provider))


async def create_event(services: Services, *, draft_id: str, user_id: str) -> Created:
    """Create the draft's event once, whatever the number of clicks, retries or instances.

    Storage errors (busy, created, cancelled, expired, not yours) and a calendar this
    Quickcal does not serve (`CalendarMissing`) are raised before any call to the provider.
    Every failure after `begin_create` leaves the draft failed (kept for Retry) and is
    raised for the caller to put into words.
    """
    current = await services.storage.get_draft(draft_id)
    _calendar(services, current.provider)
    lease = services.settings.create_lease()
    stored = await services.storage.begin_create(draft_id, user_id=user_id, stale_after=lease)
    # In doubt: a Retry after an unsettled failure, or a claim taken from a process that
    # died mid-create: the earlier attempt may have made the event.
    in_doubt = unsettled(current) or current.state == "creating"
    return await _create_claimed(services, stored, in_doubt=in_doubt)


async def resume_create(services: Services, *, draft_id: str) -> Created:
    """Finish a create whose claim outlived its lease (the process that made it is gone).

    Taken over atomically (`resume_create` in storage: one taker wins, the others get a
    storage error before any call), then created under the same idempotency key, so an
    event the lost process already made is answered, not doubled. A failure leaves the
    draft failed and *unsettled* whatever it was: the lost attempt may have made the
    event, so only Retry may follow.
    """
    lease = services.settings.create_lease()
    stored = await services.storage.resume_create(draft_id, stale_after=lease)
    return await _create_claimed(services, stored, in_doubt=True)


async def _create_claimed(services: Services, stored: StoredDraft, *, in_doubt: bool) -> Created:
    """The provider call and its record, for a draft this process has just claimed.

    `in_doubt`: an earlier attempt under this key may have created the event, so no failure
    of this one can prove nothing was created.
    """
    provider = stored.provider or LOCAL
    outcome = UNSETTLED if in_doubt else REFUSED
    try:
        # Looked up again: the target may have changed between the read and the claim.
        calendar = _calendar(services, stored.provider)
        account = account_key(stored.team_id, stored.user_id, provider)
        prefs = await services.storage.get_user_settings(stored.team_id, stored.user_id)
        minutes = prefs.event_minutes or services.settings.default_event_minutes
        final = fitted(calendar, for_calendar(stored.draft, default_minutes=minutes))
        outcome = UNSETTLED
        created = await calendar.create(
            final, account=account, calendar_id=stored.calendar_id, idempotency_key=stored.id
        )
        # Created at the provider: a failure from here on is settled by Retry (same key).
        record = await services.storage.finish_create(
            stored.id, created, claimed_at=stored.claimed_at
        )
    except ClaimTakenOver:
        raise  # this create outlived its lease: the taker settles the draft and tells
    except BaseException as exc:
        if not await _release(services, stored, exc, outcome=outcome, in_doubt=in_doubt):
            raise ClaimTakenOver("taken over while failing", state="creating") from exc
        raise
    return Created(stored, record, label_of(services.calendars, provider))


async def _release(
    services: Services, stored: StoredDraft, exc: BaseException, *, outcome: str, in_doubt: bool
) -> bool:
    """creating -> failed, tagged with what the failure proves; never masks `exc`.

    False when the claim was taken over meanwhile (the taker settles it, and tells).
    """
    # A refusal now proves nothing about an earlier attempt that may have made the event.
    if isinstance(exc, PROVEN_NOTHING) and not in_doubt:
        outcome = REFUSED
    elif not isinstance(exc, ProviderError | CalendarMissing):
        log.exception("create failed unexpectedly (draft kept for Retry)")
    label = label_of(services.calendars, stored.provider)
    try:
        note = failure_note(outcome, explain(exc, label=label))
        await services.storage.fail_create(stored.id, error=note, claimed_at=stored.claimed_at)
        if isinstance(exc, NotLinked):
            provider = stored.provider or LOCAL
            await services.storage.mark_broken(stored.team_id, stored.user_id, provider)
    except ClaimTakenOver:
        log.warning("a create outlived its lease and was taken over")
        return False
    except Exception:
        # The draft stays `creating` until its lease runs out; the reconciler takes it then.
        log.exception("could not mark the draft failed")
    return True


def _calendar(services: Services, provider: str | None) -> Calendar:
    calendar = services.calendars.get(provider or LOCAL)
    if calendar is None:
        raise CalendarMissing(provider or LOCAL)
    return calendar


def fitted(calendar: Calendar, draft: EventDraft) -> EventDraft:
    """The draft as `calendar` can take it, or `Unsupported` for what it cannot express.

    A video meeting the calendar cannot make is the one thing left out rather than
    refused: the card said so before Create (`without_meeting`), and the event itself
    is still worth having. Anything else it cannot express (a repeat rule, a zone) is
    refused, because leaving it out would make a different event.
    """
    try:
        calendar.check(draft)
    except Unsupported as exc:
        if not without_meeting(exc):
            raise
        draft = draft.model_copy(update={"online_meeting": False})
        calendar.check(draft)
    return draft


def without_meeting(exc: Unsupported) -> bool:
    """Is a video meeting all the calendar cannot make?"""
    return exc.fields == ("online_meeting",)


def for_calendar(draft: EventDraft, *, default_minutes: int) -> EventDraft:
    """The draft as a calendar should store it: an explicit end, and names it could not
    invite (no Slack member, or not chosen) written into the description."""
    end = draft.end_or_default(timedelta(minutes=default_minutes))
    invited = tuple(a for a in draft.attendees if a.kind == "email")
    # The providers' own rule for the "With: ..." line, so every calendar reads the same.
    return draft.model_copy(
        update={"end": end, "attendees": invited, "description": description(draft)}
    )
