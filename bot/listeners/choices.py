"""One-click answers on a draft card: another reading of the start, which member a name
meant, and the day (and time) of a draft that had none."""

from __future__ import annotations

import re
from datetime import date, time
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot import ids
from bot.blocks.draft import draft_blocks, draft_text
from bot.creating import ensure_changeable
from bot.delivery import send, tell
from bot.drafting import at_day, owned_draft, pick_member, show, with_start
from bot.errors import CreateUnsettled, NotYourDraft
from bot.listeners.actions import refuse
from bot.payloads import BlockActions
from bot.services import Services
from bot.storage import StorageError, StoredDraft
from bot.wording import explain
from nlp.draft import EventDraft

PICK_START = re.compile(f"^{ids.DRAFT_PICK_START}_\\d+$")
PICK_ATTENDEE = re.compile(f"^{ids.DRAFT_PICK_ATTENDEE}_(\\d+|none)$")


def register(app: AsyncApp, services: Services) -> None:
    """Another start, which member, and the day/time pickers of a card with no date."""

    @app.action(PICK_START)
    async def on_pick_start(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        click = BlockActions.read(body)
        index = int(click.action.value.split("|")[1])
        stored = await _owned(services, click)
        if stored is None or index >= len(stored.draft.alternatives):
            return
        draft = with_start(stored.draft, stored.draft.alternatives[index])
        await _update(services, client, click, stored, draft)

    @app.action(PICK_ATTENDEE)
    async def on_pick_attendee(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        click = BlockActions.read(body)
        _, member, name = click.action.value.split("|", 2)
        stored = await _owned(services, click)
        if stored is None:
            return
        draft = await pick_member(services, client, stored.draft, name=name, user_id=member)
        await _update(services, client, click, stored, draft)

    @app.action(ids.DRAFT_SET_DATE)
    async def on_set_date(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        click = BlockActions.read(body)
        # The pickers carry no value: their block id holds the draft id.
        draft_id = click.action.block_id.partition("|")[2]
        stored = await _owned(services, click, draft_id=draft_id)
        if stored is None or not click.action.selected_date:
            return
        clock = _picked_time(click)
        draft = at_day(stored.draft, date.fromisoformat(click.action.selected_date), clock)
        await _update(services, client, click, stored, draft)

    @app.action(ids.DRAFT_SET_TIME)
    async def on_set_time(ack: AsyncAck) -> None:
        # The time waits in the card's state until the day is picked.
        await ack()


def _picked_time(click: BlockActions) -> time | None:
    chosen = (click.state.get(click.action.block_id) or {}).get(ids.DRAFT_SET_TIME) or {}
    picked = chosen.get("selected_time")
    return time.fromisoformat(picked) if picked else None


async def _owned(
    services: Services, click: BlockActions, *, draft_id: str | None = None
) -> StoredDraft | None:
    try:
        return await owned_draft(services, draft_id or click.draft_id, click.user.id)
    except (NotYourDraft, StorageError) as exc:
        await refuse(click.response_url, exc)
        return None


async def _update(
    services: Services,
    client: AsyncWebClient,
    click: BlockActions,
    stored: StoredDraft,
    draft: EventDraft,
) -> None:
    try:
        ensure_changeable(services, stored)
        updated = await services.storage.update_draft(stored.id, draft, user_id=stored.user_id)
    except (StorageError, CreateUnsettled) as exc:
        # Said privately: the card may already show the result (with Undo) or the Retry.
        await tell(click.response_url, explain(exc))
        return
    shown = await show(services, client, updated)
    blocks = draft_blocks(shown.card, broken=shown.broken)
    await send(click.response_url, text=draft_text(shown.card), blocks=blocks, replace=True)
