"""The reconciler: finish creates whose process died mid-way, and tell each person once.

A click claims its draft (`creating`) before calling the provider. If the process dies
before recording the answer (SIGKILL, OOM, a lost host), the claim stays. Once it is older
than `Settings.create_lease()` (longer than any live create can take) its process is known
gone: the reconciler takes the claim over atomically (one instance wins), creates with the
same idempotency key through `bot.creating` (the provider answers with the event the lost
attempt may have made, never a second one), and tells the person as the click would have:
the card becomes the result (or the failure with Retry), and the receipt goes to the DM.

Runs at start-up and every QUICKCAL_RECONCILE_EVERY_SECONDS on every instance. Telling is
at most once: it happens only after this instance won the claim and settled the draft
(created or failed), and settled drafts are never claims again.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.creating import Created, resume_create
from bot.delivery import open_dm, send
from bot.directory import slack_call
from bot.errors import SlackFailed
from bot.housekeeping import repeat
from bot.install import slack_client_for
from bot.outcomes import created_outcome, failed_outcome
from bot.receipts import send_receipt
from bot.services import Services
from bot.storage import StorageError, StoredDraft

log = logging.getLogger(__name__)
# Claims looked at per round; more wait for the next round (each may take a create's time).
BATCH = 50
Blocks = list[dict[str, Any]]


async def reconcile(services: Services) -> int:
    """One round: every stale claim taken over, settled and told; how many this instance did."""
    lease = services.settings.create_lease()
    stale = await services.storage.stale_creates(stale_after=lease, limit=BATCH)
    settled = 0
    for stored in stale:
        try:
            settled += await settle(services, stored)
        except Exception:
            # One draft's trouble (Slack down, say) must not keep the others waiting.
            log.exception("reconciling a create failed")
    if settled:
        log.info("reconciler settled %d interrupted creates", settled)
    return settled


async def settle(services: Services, stored: StoredDraft) -> bool:
    """Finish one stale claim and tell its person; False when another instance took it."""
    try:
        created = await resume_create(services, draft_id=stored.id)
    except StorageError:
        # Taken over or settled elsewhere meanwhile: whoever did it tells the person.
        return False
    except Exception as exc:
        after = await services.storage.get_draft(stored.id)
        if after.state != "failed":
            # Nothing settled (the database failed us): the claim is taken again next time.
            raise
        # resume_create left it failed and unsettled: the card offers Retry (same key).
        await tell_failure(services, after, exc)
        return True
    await tell_created(services, created)
    return True


async def tell_created(services: Services, created: Created) -> None:
    """As a click's success: the card becomes the result, and the receipt goes to the DM."""
    stored = created.stored
    client = await slack_client_for(services, stored.team_id)
    result = await created_outcome(services, client, created)
    on_card = await replace_card(client, stored, text=result.text, blocks=result.blocks)
    # A DM card is its own receipt (as after a click); with no card to change, the receipt
    # is how the person learns it.
    if stored.source != "dm" or not on_card:
        await send_receipt(services, client, created, result.card)


async def tell_failure(services: Services, stored: StoredDraft, error: Exception) -> None:
    """As a click's failure: the card says why and offers Retry (a new DM card if need be)."""
    client = await slack_client_for(services, stored.team_id)
    failed = await failed_outcome(services, client, stored, error)
    if not await replace_card(client, stored, text=failed.text, blocks=failed.blocks):
        channel = await open_dm(client, stored.user_id)
        await slack_call(
            client.chat_postMessage(channel=channel, text=failed.text, blocks=failed.blocks)
        )


async def replace_card(
    client: AsyncWebClient, stored: StoredDraft, *, text: str, blocks: Blocks
) -> bool:
    """Change the draft's card in place: its response_url while Slack still takes it, else
    chat.update where the card is known to be. False when neither can reach it."""
    if stored.response_url and await _through(stored.response_url, text=text, blocks=blocks):
        return True
    if stored.card_channel_id and stored.card_ts:
        try:
            await slack_call(
                client.chat_update(
                    channel=stored.card_channel_id, ts=stored.card_ts, text=text, blocks=blocks
                )
            )
        except SlackFailed as exc:
            log.warning("card not updated: %s", exc.code)
        else:
            return True
    return False


async def _through(url: str, *, text: str, blocks: Blocks) -> bool:
    """Replace the card through `url`; False when Slack refuses or cannot be reached, so the
    caller tries the next way."""
    try:
        return await send(url, text=text, blocks=blocks, replace=True)
    except Exception as exc:  # the URL is a secret: only the kind of failure is logged
        log.warning("response_url unreachable: %s", type(exc).__name__)
        return False


def start_reconciling(services: Services) -> asyncio.Task[None]:
    """Reconcile now and every QUICKCAL_RECONCILE_EVERY_SECONDS; cancel it on shutdown."""
    every = services.settings.reconcile_every_seconds

    async def round_() -> None:
        await reconcile(services)

    return asyncio.get_running_loop().create_task(repeat(round_, every=every, name="reconciling"))
