"""Edit: the button opens the modal prefilled; its submission is checked field by field
(`response_action: errors`) before the modal closes, then the card shows the new draft."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.blocks.draft import draft_blocks, draft_text
from bot.blocks.modal import edit_modal
from bot.delivery import send
from bot.directory import slack_call
from bot.drafting import owned_draft, resolve_people, show
from bot.editing import read_edit
from bot.errors import InvalidEdit, NotYourDraft, SlackFailed
from bot.listeners.actions import clicked, refuse
from bot.services import Services
from bot.storage import StorageError
from bot.targets import LOCAL, choices
from bot.wording import explain

log = logging.getLogger(__name__)


def register(app: AsyncApp, services: Services) -> None:
    @app.action(ids.DRAFT_EDIT)
    async def on_edit(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        draft_id, user, url = clicked(body)
        try:
            stored = await owned_draft(services, draft_id, user)
        except (NotYourDraft, StorageError) as exc:
            await refuse(url, exc)
            return
        # The modal's submission has no response_url of its own: keep this click's.
        await services.storage.attach_card(
            draft_id, channel_id=stored.card_channel_id, message_ts=stored.card_ts, response_url=url
        )
        by_email = await services.directory.by_email(client, stored.team_id)
        emails = [a.value for a in stored.draft.attendees if a.kind == "email"]
        members = [by_email[e.lower()].id for e in emails if e.lower() in by_email]
        others = [e for e in emails if e.lower() not in by_email]
        offered = await choices(
            services.storage, services.calendars, team_id=stored.team_id, user_id=user
        )
        prefs = await services.storage.get_user_settings(stored.team_id, user)
        view = edit_modal(
            stored.draft,
            draft_id=draft_id,
            members=members,
            emails=others,
            calendars=offered,
            calendar=stored.provider or LOCAL,
            default_minutes=prefs.event_minutes or services.settings.default_event_minutes,
        )
        try:
            await slack_call(client.views_open(trigger_id=body["trigger_id"], view=view))
        except SlackFailed as exc:
            await refuse(url, exc)

    @app.view(ids.EDIT_MODAL)
    async def on_edit_submitted(
        ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], client: AsyncWebClient
    ) -> None:
        user = str(body["user"]["id"])
        try:
            stored = await owned_draft(services, str(view.get("private_metadata")), user)
            edited = read_edit(view["state"]["values"], draft=stored.draft)
        except InvalidEdit as exc:
            await ack(response_action="errors", errors=exc.fields)
            return
        except (NotYourDraft, StorageError) as exc:
            await ack(response_action="errors", errors={ids.FIELD_TITLE: explain(exc)})
            return
        await ack()
        draft = await resolve_people(services, client, edited.draft, team_id=stored.team_id)
        try:
            updated = await services.storage.update_draft(stored.id, draft, user_id=user)
            if edited.calendar and edited.calendar != (updated.provider or LOCAL):
                link = await services.storage.get_link(stored.team_id, user, edited.calendar)
                updated = await services.storage.set_target(
                    stored.id,
                    user_id=user,
                    provider=edited.calendar,
                    calendar_id=link.calendar_id if link is not None else None,
                )
        except StorageError as exc:
            if stored.response_url:
                await refuse(stored.response_url, exc)
            return
        if not updated.response_url:
            log.warning("edited draft has no card to update")
            return
        shown = await show(services, client, updated)
        blocks = draft_blocks(shown.card, broken=shown.broken)
        await send(updated.response_url, text=draft_text(shown.card), blocks=blocks, replace=True)
