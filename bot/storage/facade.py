"""`Storage`: the one object the bot talks to the database through."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.crypto import KeyRing

from .claims import ClaimRecords
from .core import Clock, utc_now
from .database import create_engine, database_url
from .dedupe import RequestRecords
from .events import EventRecords
from .installations import SlackInstallationStore
from .links import LinkRecords
from .local_events import DatabaseLocalEventStore
from .oauth_states import OAuthStateRecords
from .preferences import PreferenceRecords
from .schema import schema_is_current, schema_is_ready, upgrade_async
from .slack_states import SlackStateStore
from .tokens import LinkTokenStore
from .wipes import WipeRecords

log = logging.getLogger(__name__)


class Storage(
    ClaimRecords,
    EventRecords,
    PreferenceRecords,
    WipeRecords,
    LinkRecords,
    OAuthStateRecords,
    RequestRecords,
):
    """Drafts, events, settings, links, OAuth states, dedupe and wipes; one method each.

    Assembled from one small mixin per family of tables (drafts.py, events.py, ...), all
    sharing `StorageCore`'s engine, keys and clock, so callers see one flat API.
    The Protocol adapters other libraries call are attributes: `token_store`
    (providers' TokenStore), `local_events` (LocalEventStore), `installation_store` and
    `slack_state_store` (slack_sdk / Bolt).
    """

    def __init__(self, engine: AsyncEngine, *, keys: KeyRing, clock: Clock = utc_now) -> None:
        super().__init__(engine, keys=keys, clock=clock)
        self.token_store = LinkTokenStore(self)
        self.local_events = DatabaseLocalEventStore(self)
        self.installation_store = SlackInstallationStore(self)
        self.slack_state_store = SlackStateStore(self)

    @classmethod
    async def open(
        cls,
        url: str | None,
        *,
        keys: KeyRing,
        data_dir: Path = Path("data"),
        migrate: bool = False,
        clock: Clock = utc_now,
    ) -> Storage:
        """Connect to `url` (SQLite in `data_dir` when None); with `migrate`, upgrade first.

        Run `migrate=True` in single-instance mode; with N instances, run
        `python -m bot.storage upgrade` once before starting them, and open with False.
        """
        full = database_url(url, data_dir=data_dir)
        if migrate:
            await upgrade_async(full)
        return cls(create_engine(full), keys=keys, clock=clock)

    async def schema_is_current(self) -> bool:
        """For `/readyz`: is the database reachable and at the newest migration?

        An unreachable database is not ready either: False (and a warning), not an error.
        """
        try:
            return await schema_is_current(self.engine)
        except (DBAPIError, OSError) as exc:
            log.warning("the database is unreachable: %s", type(exc).__name__)
            return False

    async def schema_is_ready(self) -> bool:
        """For `/readyz` and the Slack guard: reachable, and at this code's head or ahead.

        Ahead is a newer release's backward-compatible migration (a rolling deploy).
        """
        try:
            return await schema_is_ready(self.engine)
        except (DBAPIError, OSError) as exc:
            log.warning("the database is unreachable: %s", type(exc).__name__)
            return False

    async def close(self) -> None:
        """Release the connection pool."""
        await self.engine.dispose()
