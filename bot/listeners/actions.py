"""Buttons on cards: Create / Retry, Cancel, Undo; link buttons are acknowledged only.

Every click is acknowledged first. Only the person who asked may act on a draft: anyone
else gets a private "this draft belongs to @name" and the card stays as it is.
"""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.blocks.draft import title_of
from bot.blocks.result import (
    cancelled_blocks,
    cancelled_text,
    notice_blocks,
    undone_blocks,
    undone_text,
)
from bot.creating import Created, create_event, ensure_changeable
from bot.delivery import send, tell
from bot.drafting import owned_draft
from bot.errors import CreateUnsettled, NotYourDraft
from bot.outcomes import created_outcome, failed_outcome
from bot.payloads import BlockActions
from bot.receipts import mark_receipt_undone, send_receipt
from bot.services import Services
from bot.storage import DraftAlreadyCreated, DraftBusy, StorageError
from bot.targets import label_of
from bot.undoing import undo_event
from bot.wording import explain
from providers.errors import ProviderError

log = logging.getLogger(__name__)
LINKS = re.compile(f"^{ids.LINK_OPEN}")
# Longer than a double click or Slack's resend of one takes; shorter than a person waits.
DOUBLE_CLICK = timedelta(seconds=10)


def clicked(body: dict[str, Any]) -> tuple[str, str, str]:
    """(draft id, who clicked, response_url) of a block_actions payload."""
    click = BlockActions.read(body)
    return click.draft_id, click.user.id, click.response_url


def register(app: AsyncApp, services: Services) -> None:
    """Create and Retry, Cancel, Undo, and the URL buttons' clicks."""

    @app.action(ids.DRAFT_CREATE)
    @app.action(ids.DRAFT_RETRY)
    async def on_create(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        draft_id, user, url = clicked(body)
        await create_and_show(services, client, draft_id=draft_id, user=user, url=url)

    @app.action(ids.DRAFT_CANCEL)
    async def on_cancel(ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        draft_id, user, url = clicked(body)
        try:
            stored = await owned_draft(services, draft_id, user)
            # "Nothing was added" would not be known to be true: Retry settles it first.
            ensure_changeable(services, stored)
            await services.storage.cancel(draft_id, user_id=user)
        except CreateUnsettled as exc:
            await tell(url, explain(exc))
            return
        except (NotYourDraft, StorageError) as exc:
            await refuse(url, exc)
            return
        title = title_of(stored.draft)
        await send(url, text=cancelled_text(title), blocks=cancelled_blocks(title), replace=True)

    @app.action(ids.EVENT_UNDO)
    async def on_undo(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        click = BlockActions.read(body)
        draft_id, user, url = click.draft_id, click.user.id, click.response_url
        try:
            title = await undo_title(services, draft_id, user)
            record = await undo_event(services, draft_id=draft_id, user_id=user)
        except ProviderError as exc:
            label = label_of(services.calendars, exc.provider or None)
            await tell(url, explain(exc, label=label))
            return
        except (NotYourDraft, StorageError) as exc:
            await refuse(url, exc)
            return
        label = label_of(services.calendars, record.provider)
        blocks = undone_blocks(title, label=label)
        await send(url, text=undone_text(title, label=label), blocks=blocks, replace=True)
        await mark_receipt_undone(
            client, record, title=title, label=label, clicked_ts=click.container.message_ts
        )

    @app.action(LINKS)
    async def on_link(ack: AsyncAck) -> None:
        # URL buttons open in the browser; Slack still reports the click.
        await ack()


async def create_and_show(
    services: Services, client: AsyncWebClient, *, draft_id: str, user: str, url: str
) -> None:
    """Create the event once and turn the card into the result (or the failure and Retry)."""
    try:
        stored = await owned_draft(services, draft_id, user)
        if stored.state != "creating":  # (attaching would renew a claim's lease)
            # The click's response_url lives 30 minutes from now: if this process dies
            # mid-create, the reconciler turns the card into the result through it.
            await services.storage.attach_card(
                draft_id,
                channel_id=stored.card_channel_id,
                message_ts=stored.card_ts,
                response_url=url,
            )
        created = await create_event(services, draft_id=draft_id, user_id=user)
    except DraftBusy as exc:
        # A double click: the first click is answering, nothing to say. A claim older than
        # any double click may be a create whose process died: the reconciler will change
        # the card, which the person is told rather than left with a silent button.
        claimed = await services.storage.get_draft(draft_id)
        since = claimed.claimed_at or claimed.updated_at
        if claimed.state == "creating" and services.clock() - since > DOUBLE_CLICK:
            await tell(url, explain(exc))
        return
    except DraftAlreadyCreated:
        # A double click or a resend: the first click is answering, nothing to say. A click
        # long after, on a card that never changed (the process that created the event died
        # before saying so): show the result now.
        await show_existing(services, client, draft_id=draft_id, url=url)
        return
    except (NotYourDraft, StorageError) as exc:
        await refuse(url, exc)
        return
    except Exception as exc:
        # The draft is kept (failed): the card says why and offers Retry.
        if not isinstance(exc, ProviderError):
            log.exception("create failed")
        stored = await services.storage.get_draft(draft_id)
        failed = await failed_outcome(services, client, stored, exc)
        await send(url, text=failed.text, blocks=failed.blocks, replace=True)
        return
    result = await created_outcome(services, client, created)
    await send(url, text=result.text, blocks=result.blocks, replace=True)
    if created.stored.source != "dm":
        await send_receipt(services, client, created, result.card)


async def show_existing(
    services: Services, client: AsyncWebClient, *, draft_id: str, url: str
) -> None:
    """The result card of a draft created a while ago (nothing once its event was undone)."""
    record = await services.storage.get_event(draft_id)
    if record.undone_at is not None or services.clock() - record.created_at <= DOUBLE_CLICK:
        return
    stored = await services.storage.get_draft(draft_id)
    created = Created(stored, record, label_of(services.calendars, record.provider))
    result = await created_outcome(services, client, created)
    await send(url, text=result.text, blocks=result.blocks, replace=True)


async def undo_title(services: Services, draft_id: str, user: str) -> str:
    """The event's title for the Undo answer, checking it is the clicker's event.

    The event outlives its draft (drafts expire after a day), so ownership is read
    from the event record.
    """
    record = await services.storage.get_event(draft_id)
    if record.user_id != user:
        raise NotYourDraft(record.user_id)
    try:
        return title_of((await services.storage.get_draft(draft_id)).draft)
    except StorageError:
        return "your event"


async def refuse(url: str, error: Exception) -> None:
    """Someone else's draft: a private word to the clicker. A gone draft: the card says so."""
    words = explain(error)
    if isinstance(error, NotYourDraft):
        await tell(url, words)
        return
    await send(url, text=words, blocks=notice_blocks(words), replace=True)
