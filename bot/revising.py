"""Edit, end to end: the modal for a stored draft, and a checked submission saved back."""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.blocks.modal import edit_modal
from bot.drafting import resolve_people
from bot.editing import Edited
from bot.services import Services
from bot.storage import StoredDraft
from bot.targets import LOCAL, choices


async def edit_view(
    services: Services, client: AsyncWebClient, stored: StoredDraft, *, response_url: str
) -> dict[str, Any]:
    """The prefilled modal; remembers `response_url` so the submission can update the card."""
    # A view submission carries no response_url of its own: keep the Edit click's.
    await services.storage.attach_card(
        stored.id,
        channel_id=stored.card_channel_id,
        message_ts=stored.card_ts,
        response_url=response_url,
    )
    by_email = await services.directory.by_email(client, stored.team_id)
    emails = [a.value for a in stored.draft.attendees if a.kind == "email"]
    offered = await choices(
        services.storage, services.calendars, team_id=stored.team_id, user_id=stored.user_id
    )
    prefs = await services.storage.get_user_settings(stored.team_id, stored.user_id)
    return edit_modal(
        stored.draft,
        draft_id=stored.id,
        members=[by_email[e.lower()].id for e in emails if e.lower() in by_email],
        emails=[e for e in emails if e.lower() not in by_email],
        calendars=offered,
        calendar=stored.provider or LOCAL,
        default_minutes=prefs.event_minutes or services.settings.default_event_minutes,
    )


async def save_edit(
    services: Services, client: AsyncWebClient, stored: StoredDraft, edited: Edited
) -> StoredDraft:
    """Members picked in the modal become emails; the draft and its calendar are saved."""
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
