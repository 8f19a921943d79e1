"""Edit: the button opens the modal prefilled; its submission is checked field by field
(`response_action: errors`) before the modal closes, then the card shows the new draft."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.blocks.draft import draft_blocks, draft_text
from bot.delivery import send
from bot.directory import slack_call
from bot.drafting import owned_draft, show
from bot.editing import read_edit
from bot.errors import InvalidEdit, NotYourDraft, SlackFailed
from bot.listeners.actions import refuse
from bot.payloads import BlockActions
from bot.revising import edit_view, save_edit
from bot.services import Services
from bot.storage import StorageError
from bot.wording import explain

log = logging.getLogger(__name__)


def register(app: AsyncApp, services: Services) -> None:
    @app.action(ids.DRAFT_EDIT)
    async def on_edit(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        click = BlockActions.read(body)
        url = click.response_url
        try:
            stored = await owned_draft(services, click.draft_id, click.user.id)
            view = await edit_view(services, client, stored, response_url=url)
            await slack_call(client.views_open(trigger_id=click.trigger_id, view=view))
        except (NotYourDraft, StorageError, SlackFailed) as exc:
            await refuse(url, exc)

    @app.view(ids.EDIT_MODAL)
    async def on_edit_submitted(
        ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], client: AsyncWebClient
    ) -> None:
        # Checked before the ack: Slack shows the errors next to the fields, nothing is lost.
        try:
            stored = await owned_draft(
                services, str(view.get("private_metadata")), body["user"]["id"]
            )
            edited = read_edit(view["state"]["values"], draft=stored.draft)
        except InvalidEdit as exc:
            await ack(response_action="errors", errors=exc.fields)
            return
        except (NotYourDraft, StorageError) as exc:
            await ack(response_action="errors", errors={ids.FIELD_TITLE: explain(exc)})
            return
        await ack()
        try:
            updated = await save_edit(services, client, stored, edited)
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
