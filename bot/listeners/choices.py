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
from bot.delivery import send
from bot.drafting import at_day, owned_draft, pick_member, show, with_start
from bot.errors import NotYourDraft
from bot.listeners.actions import refuse
from bot.services import Services
from bot.storage import StorageError, StoredDraft

PICK_START = re.compile(f"^{ids.DRAFT_PICK_START}_\\d+$")
PICK_ATTENDEE = re.compile(f"^{ids.DRAFT_PICK_ATTENDEE}_(\\d+|none)$")


def register(app: AsyncApp, services: Services) -> None:
    @app.action(PICK_START)
    async def on_pick_start(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        draft_id, index = str(body["actions"][0]["value"]).split("|")
        stored = await _owned(services, body, draft_id)
        if stored is None or int(index) >= len(stored.draft.alternatives):
            return
        draft = with_start(stored.draft, stored.draft.alternatives[int(index)])
        await _update(services, client, body, stored, draft)

    @app.action(PICK_ATTENDEE)
    async def on_pick_attendee(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        draft_id, member, name = str(body["actions"][0]["value"]).split("|", 2)
        stored = await _owned(services, body, draft_id)
        if stored is None:
            return
        draft = await pick_member(services, client, stored.draft, name=name, user_id=member)
        await _update(services, client, body, stored, draft)

    @app.action(ids.DRAFT_SET_DATE)
    async def on_set_date(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        action = body["actions"][0]
        draft_id = str(action.get("block_id", "")).partition("|")[2]
        stored = await _owned(services, body, draft_id)
        picked = action.get("selected_date")
        if stored is None or not picked:
            return
        clock = _picked_time(body, action.get("block_id", ""))
        draft = at_day(stored.draft, date.fromisoformat(picked), clock)
        await _update(services, client, body, stored, draft)

    @app.action(ids.DRAFT_SET_TIME)
    async def on_set_time(ack: AsyncAck) -> None:
        # The time waits in the card's state until the day is picked.
        await ack()


def _picked_time(body: dict[str, Any], block_id: str) -> time | None:
    values = (body.get("state") or {}).get("values") or {}
    chosen = (values.get(block_id) or {}).get(ids.DRAFT_SET_TIME) or {}
    picked = chosen.get("selected_time")
    return time.fromisoformat(picked) if picked else None


async def _owned(services: Services, body: dict[str, Any], draft_id: str) -> StoredDraft | None:
    try:
        return await owned_draft(services, draft_id, str(body["user"]["id"]))
    except (NotYourDraft, StorageError) as exc:
        await refuse(str(body.get("response_url") or ""), exc)
        return None


async def _update(
    services: Services,
    client: AsyncWebClient,
    body: dict[str, Any],
    stored: StoredDraft,
    draft: Any,
) -> None:
    url = str(body.get("response_url") or "")
    try:
        updated = await services.storage.update_draft(stored.id, draft, user_id=stored.user_id)
    except StorageError as exc:
        await refuse(url, exc)
        return
    shown = await show(services, client, updated)
    blocks = draft_blocks(shown.card, broken=shown.broken)
    await send(url, text=draft_text(shown.card), blocks=blocks, replace=True)
