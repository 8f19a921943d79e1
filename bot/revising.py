"""Edit, end to end: the modal for a stored draft, and a checked submission saved back.

The modal opens at once with what storage knows (Slack's trigger_id lives 3 s); invitees
who are workspace members are moved into the member picker afterwards with views.update.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.blocks.modal import edit_modal
from bot.creating import ensure_changeable
from bot.directory import SlackUser, keyed_by_email, slack_call
from bot.drafting import resolve_people
from bot.editing import Edited
from bot.errors import InvalidEdit, SlackFailed
from bot.services import Services
from bot.storage import StoredDraft
from bot.targets import LOCAL, choices

log = logging.getLogger(__name__)
NOT_OFFERED = "Choose one of the calendars in the list."


async def open_editor(
    services: Services,
    client: AsyncWebClient,
    stored: StoredDraft,
    *,
    trigger_id: str,
    response_url: str,
) -> None:
    """views.open first (nothing slow before it), then views.update with members filled in."""
    ensure_changeable(services, stored)
    # A view submission carries no response_url of its own: keep the Edit click's.
    await services.storage.attach_card(
        stored.id,
        channel_id=stored.card_channel_id,
        message_ts=stored.card_ts,
        response_url=response_url,
    )
    known = services.directory.cached(stored.team_id)
    first = await edit_view(services, stored, members=keyed_by_email(known or []))
    opened = await slack_call(client.views_open(trigger_id=trigger_id, view=first))
    if known is not None or not any(a.kind == "email" for a in stored.draft.attendees):
        return
    try:
        members = await services.directory.by_email(client, stored.team_id)
        full = await edit_view(services, stored, members=members)
        if full == first:
            return
        view = opened.get("view") or {}
        await slack_call(
            client.views_update(view_id=str(view.get("id")), hash=view.get("hash"), view=full)
        )
    except SlackFailed as exc:
        # The modal is open and complete: members simply stay listed as emails.
        log.warning("could not fill the Edit modal's members: %s", exc.code)


async def edit_view(
    services: Services, stored: StoredDraft, *, members: Mapping[str, SlackUser]
) -> dict[str, Any]:
    """The prefilled modal; `members` (email -> member) decides who shows as a Slack member."""
    emails = [a.value for a in stored.draft.attendees if a.kind == "email"]
    offered = await choices(
        services.storage, services.calendars, team_id=stored.team_id, user_id=stored.user_id
    )
    prefs = await services.storage.get_user_settings(stored.team_id, stored.user_id)
    slack_ids = [a.value for a in stored.draft.attendees if a.kind == "slack"]
    return edit_modal(
        stored.draft,
        draft_id=stored.id,
        members=[*slack_ids, *(members[e.lower()].id for e in emails if e.lower() in members)],
        emails=[e for e in emails if e.lower() not in members],
        calendars=offered,
        calendar=stored.provider or LOCAL,
        default_minutes=prefs.event_minutes or services.settings.default_event_minutes,
    )


async def check_edit(services: Services, stored: StoredDraft, edited: Edited) -> None:
    """Refuse before the modal closes: an unsettled create, or a calendar we did not offer."""
    ensure_changeable(services, stored)
    if edited.calendar is None:
        return
    offered = await choices(
        services.storage, services.calendars, team_id=stored.team_id, user_id=stored.user_id
    )
    if edited.calendar not in {provider for provider, _ in offered}:
        raise InvalidEdit({ids.FIELD_CALENDAR: NOT_OFFERED})


async def save_edit(
    services: Services, client: AsyncWebClient, stored: StoredDraft, edited: Edited
) -> StoredDraft:
    """Members picked in the modal become emails; the draft and its calendar are saved."""
    await check_edit(services, stored, edited)
    draft = await resolve_people(services, client, edited.draft, team_id=stored.team_id)
    updated = await services.storage.update_draft(stored.id, draft, user_id=stored.user_id)
    if edited.calendar and edited.calendar != (updated.provider or LOCAL):
        link = await services.storage.get_link(stored.team_id, stored.user_id, edited.calendar)
        updated = await services.storage.set_target(
            stored.id,
            user_id=stored.user_id,
            provider=edited.calendar,
            calendar_id=link.calendar_id if link is not None else None,
        )
    return updated
