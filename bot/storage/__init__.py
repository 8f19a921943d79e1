"""The database layer: drafts, events, settings, links, OAuth states, dedupe, wipes.

How to use (every method is async; errors are `bot.storage.errors`, tree in its docstring):

    from bot.crypto import load_keyring
    from bot.storage import Storage, account_key

    keys = load_keyring(settings.secret_key, data_dir=settings.data_dir)
    storage = await Storage.open(settings.database_url, keys=keys,
                                 data_dir=settings.data_dir, migrate=True)
    ready = await storage.schema_is_ready()       # /readyz: at head, or ahead (newer)

Drafts (the buttons carry `stored.id` only):
    stored = await storage.add_draft(draft, team_id=t, user_id=u, channel_id=c,
                                     source="command", response_url=url)
    await storage.attach_card(stored.id, channel_id=c, message_ts=ts, response_url=url)
    await storage.update_draft(stored.id, edited, user_id=u)   # Edit, while pending/failed
    await storage.set_target(stored.id, user_id=u, provider="google", calendar_id=None)
    await storage.begin_create(stored.id, user_id=u)   # exactly one click wins; the others get
                                                       # DraftBusy / DraftAlreadyCreated / ...
    created = await calendar.create(..., idempotency_key=stored.id)
    claim = await storage.begin_create(...)   # the returned draft carries `claimed_at`: the fence
    record = await storage.finish_create(stored.id, created, claimed_at=claim.claimed_at)
    # (or fail_create(id, error=..., claimed_at=...)); ClaimTakenOver if the lease ran out
    # A claim older than the create lease belongs to a process that died mid-create:
    for lost in await storage.stale_creates(stale_after=lease):
        await storage.resume_create(lost.id, stale_after=lease)   # one reconciler wins
    await storage.cancel(stored.id, user_id=u)
    await storage.expire_old()        # hourly: drafts past a day, old OAuth states, dedupe keys
Created events:
    await storage.get_event(id); await storage.recent_events(t, u)
    await storage.attach_receipt(id, channel_id=dm, message_ts=ts)
    await storage.mark_undone(id, user_id=u)   # once; if the provider delete then fails:
    await storage.restore_event(id)
People, links, OAuth, dedupe, wipes:
    await storage.get_user_settings(t, u); await storage.cache_profile(t, u, profile)
    await storage.set_timezone(t, u, "Asia/Tokyo")   # set_event_minutes, set_default_provider
    await storage.save_link(t, u, "google", account=info, token=token)
    await storage.get_link(t, u, "google") / list_links(t, u)   # tampered token: absent
    await storage.mark_broken(t, u, "google"); token = await storage.delete_link(t, u, "google")
    state = await storage.issue_oauth_state(team_id=t, user_id=u, provider="google",
                                            code_verifier=verifier)
    grant = await storage.consume_oauth_state(state, provider="google")   # once
    if await storage.claim_once(f"event:{event_id}"): ...      # Slack retries run once
    await storage.release(key)                  # its handling failed: the retry runs
    links = await storage.delete_team(t)        # app_uninstalled: revoke the returned tokens
    links = await storage.delete_user(t, u)     # tokens_revoked
Adapters for other libraries' interfaces:
    storage.token_store          # providers.base.TokenStore; accounts are account_key(t, u, p)
    storage.local_events         # providers.base.LocalEventStore; owner account_key(t, u, "local")
    storage.installation_store   # slack_sdk AsyncInstallationStore (Bolt AsyncOAuthSettings)
    storage.slack_state_store    # slack_sdk AsyncOAuthStateStore
    await storage.close()

Several instances on one PostgreSQL: run `python -m bot.storage upgrade` once before starting
them and open with `migrate=False`; draft transitions, OAuth states, dedupe keys and token
refreshes are coordinated through the database (atomic updates, row locks), not memory.
Keys: `python -m bot.rotate` re-encrypts every secret under the newest key (see bot.rotate).
"""

from __future__ import annotations

from .database import create_engine, database_url
from .drafts import DRAFT_LIFETIME, STALE_CREATING
from .errors import (
    AlreadyUndone,
    ClaimTakenOver,
    DraftAlreadyCreated,
    DraftBusy,
    DraftCancelled,
    DraftExpired,
    DraftNotFound,
    DraftNotYours,
    DraftStateError,
    EventNotFound,
    OAuthStateError,
    OAuthStateExpired,
    StorageError,
)
from .facade import Storage
from .installations import SlackInstallationStore
from .local_events import DatabaseLocalEventStore
from .records import (
    CalendarLink,
    DraftSource,
    DraftState,
    EventRecord,
    LinkStatus,
    OAuthGrant,
    SlackProfile,
    StoredDraft,
    UserSettings,
    account_key,
    parse_account_key,
)
from .schema import schema_is_current, schema_is_ready, schema_state, upgrade, upgrade_async
from .slack_states import SlackStateStore
from .tokens import LinkTokenStore

__all__ = [
    "DRAFT_LIFETIME",
    "STALE_CREATING",
    "AlreadyUndone",
    "CalendarLink",
    "ClaimTakenOver",
    "DatabaseLocalEventStore",
    "DraftAlreadyCreated",
    "DraftBusy",
    "DraftCancelled",
    "DraftExpired",
    "DraftNotFound",
    "DraftNotYours",
    "DraftSource",
    "DraftState",
    "DraftStateError",
    "EventNotFound",
    "EventRecord",
    "LinkStatus",
    "LinkTokenStore",
    "OAuthGrant",
    "OAuthStateError",
    "OAuthStateExpired",
    "SlackInstallationStore",
    "SlackProfile",
    "SlackStateStore",
    "Storage",
    "StorageError",
    "StoredDraft",
    "UserSettings",
    "account_key",
    "create_engine",
    "database_url",
    "parse_account_key",
    "schema_is_current",
    "schema_is_ready",
    "schema_state",
    "upgrade",
    "upgrade_async",
]
