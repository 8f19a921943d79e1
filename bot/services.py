"""Everything a listener or route needs, built once by `build_services` and passed explicitly."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.crypto import load_keyring
from bot.directory import Directory
from bot.settings import Settings
from bot.storage import Storage
from providers.base import Calendar
from providers.registry import build_calendars
from providers.transport import new_http_client

Clock = Callable[[], datetime]
# A Web API client on SLACK_API_URL; None means the single-workspace bot token.
SlackClientFactory = Callable[[str | None], AsyncWebClient]


def utc_now() -> datetime:
    """The current instant, aware, in UTC."""
    return datetime.now(UTC)


@dataclass(frozen=True, kw_only=True)
class Services:
    """The app's long-lived collaborators; one instance per process (or per test app)."""

    settings: Settings
    storage: Storage
    calendars: Mapping[str, Calendar]
    http: httpx.AsyncClient
    slack: SlackClientFactory
    clock: Clock
    # Workspace members for "with Adele", cached a few minutes per process.
    directory: Directory = field(default_factory=Directory)

    async def aclose(self) -> None:
        """Release connections; the object is unusable afterwards."""
        await self.http.aclose()
        await self.storage.close()


def slack_clients(settings: Settings) -> SlackClientFactory:
    """Web API clients that all talk to `settings.slack_api_url` (the tests' fake Slack)."""
    default_token = settings.secret(settings.slack_bot_token)

    def client(token: str | None = None) -> AsyncWebClient:
        made = AsyncWebClient(token=token or default_token, base_url=settings.slack_api_url)
        # Slack's 429s carry Retry-After: wait that long, twice at most, then fail plainly.
        made.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=2))
        return made

    return client


async def build_services(
    settings: Settings, *, clock: Clock = utc_now, http: httpx.AsyncClient | None = None
) -> Services:
    """Open storage (migrating it when `migrate_on_start`), HTTP, calendars and Slack."""
    keys = load_keyring(settings.secret(settings.secret_key), data_dir=settings.data_dir)
    storage = await Storage.open(
        settings.database_url,
        keys=keys,
        data_dir=settings.data_dir,
        migrate=settings.migrate_on_start,
        clock=clock,
    )
    client = http or new_http_client(timeout=settings.providers.provider_timeout_seconds)
    calendars = build_calendars(
        settings.providers,
        http=client,
        tokens=storage.token_store,
        local_store=storage.local_events,
    )
    return Services(
        settings=settings,
        storage=storage,
        calendars=calendars,
        http=client,
        slack=slack_clients(settings),
        clock=clock,
    )
