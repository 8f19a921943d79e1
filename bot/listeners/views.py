"""Edit: the button opens the modal prefilled; its submission is checked field by field
(`response_action: errors`) before the modal closes, then the card shows the new draft.
When Slack's trigger ran out before the modal opened, a private button opens it again."""

from __future__ import annotations

import logging
from typing import Any

from pydantic import ValidationError
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.blocks.draft import draft_blocks, draft_text
from bot.blocks.result import edit_again_blocks
from bot.delivery import send, tell
from bot.drafting import owned_draft, show
from bot.editing import read_edit
from bot.errors import CreateUnsettled, InvalidEdit, NotYourDraft, SlackFailed
from bot.listeners.actions import refuse
from bot.payloads import BlockActions, ViewSubmission
from bot.revising import check_edit, open_editor, save_edit
from bot.services import Services
from bot.storage import (
    DraftAlreadyCreated,
    DraftBusy,
    DraftCancelled,
    DraftStateError,
    StorageError,
)
from bot.wording import EDIT_AGAIN, TRIGGER_GONE, explain

log = logging.getLogger(__name__)
EDITABLE = ("pending", "failed")
CLOSED: dict[str, type[DraftStateError]] = {
    "created": DraftAlreadyCreated,
    "cancelled": DraftCancelled,
}


def register(app: AsyncApp, services: Services) -> None:
    """The Edit button (opens the modal) and the modal's submission."""

    @app.action(ids.DRAFT_EDIT)
    async def on_edit(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        await edit(services, client, BlockActions.read(body), again=False)

    @app.action(ids.DRAFT_EDIT_AGAIN)
    async def on_edit_again(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        await edit(services, client, BlockActions.read(body), again=True)

    @app.view(ids.EDIT_MODAL)
    async def on_edit_submitted(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        # Checked before the ack: Slack shows the errors next to the fields, nothing is lost.
        try:
            submitted = ViewSubmission.model_validate(body)
        except ValidationError:
            # Not Slack's shape (the HTTP guard refuses it; Socket Mode has no guard).
            log.warning("an Edit submission without its user or view")
            await ack()
            return
        try:
            stored = await owned_draft(
                services, submitted.view.private_metadata, submitted.user.id
            )
            edited = read_edit(submitted.view.values, draft=stored.draft)
            await check_edit(services, stored, edited)
            if stored.state not in EDITABLE:
                raise CLOSED.get(stored.state, DraftBusy)("not editable", state=stored.state)
        except InvalidEdit as exc:
            await ack(response_action="errors", errors=exc.fields)
            return
        except (NotYourDraft, StorageError, CreateUnsettled) as exc:
            await ack(response_action="errors", errors={ids.FIELD_TITLE: explain(exc)})
            return
        await ack()
        try:
            updated = await save_edit(services, client, stored, edited)
        except (StorageError, InvalidEdit, CreateUnsettled) as exc:
            # Finished meanwhile (created, cancelled, expired): its card may now be the result
            # with Undo, so the answer is private and the card stays as it is.
            if stored.response_url:
                await tell(stored.response_url, explain(exc))
            return
        if not updated.response_url:
            log.warning("edited draft has no card to update")
            return
        shown = await show(services, client, updated)
        blocks = draft_blocks(shown.card, broken=shown.broken)
        await send(updated.response_url, text=draft_text(shown.card), blocks=blocks, replace=True)


async def edit(
    services: Services, client: AsyncWebClient, click: BlockActions, *, again: bool
) -> None:
    """Open the Edit modal for the clicked draft, or say privately why it did not open.

    `again`: the click came from the private "open the editor" notice, not from the card.
    """
    url = click.response_url
    try:
        stored = await owned_draft(services, click.draft_id, click.user.id)
        # The saved draft must replace the card, not the notice: the first Edit click
        # stored the card's response_url before its views.open failed.
        card = (stored.response_url or url) if again else url
        await open_editor(services, client, stored, trigger_id=click.trigger_id, response_url=card)
    except CreateUnsettled as exc:
        # The card and its Retry stay; the person is told why Edit is not possible yet.
        await tell(url, explain(exc))
    except SlackFailed as exc:
        await editor_failed(url, exc, draft_id=click.draft_id, again=again)
    except (NotYourDraft, StorageError) as exc:
        await refuse(url, exc)


async def editor_failed(url: str, error: SlackFailed, *, draft_id: str, again: bool) -> None:
    """views.open failed: the card stays as it is; a trigger that ran out gets a new button.

    Slack's trigger_id lives 3 s (a slow moment, or Slack's own retry of a late request):
    a new click brings a fresh one, so the private answer carries a button that opens the
    editor. From that notice itself, the notice is replaced rather than stacked.
    """
    words = explain(error)
    if error.code not in TRIGGER_GONE:
        log.warning("the Edit modal did not open: %s", error.code)
        await tell(url, words)
        return
    blocks = edit_again_blocks(words, draft_id=draft_id, button=EDIT_AGAIN)
    await send(url, text=words, blocks=blocks, replace=again)
