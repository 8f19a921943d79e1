"""LinkedCalendar: what the OAuth-linked calendars share (transport, tokens, refresh, unlink).

Subclasses (GoogleCalendar, OutlookCalendar, LineWorksCalendar) add the mapping,
the endpoints and how to read an answer; every call they make goes through
`request`, which refreshes the token once on a 401 and maps errors (transport.py).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any, Self, Unpack

import httpx

from nlp.draft import EventDraft
from providers.base import AccountInfo, CreatedEvent, OAuthToken, TokenStore
from providers.oauth import OAuthProvider, oauth_providers, refresh_token, revoke
from providers.parts import DEFAULT_LENGTH
from providers.settings import ProviderSettings
from providers.transport import Sleep, Transport, call_with_token
from providers.wiring import Wiring


class LinkedCalendar:
    """Base of the calendars a person links with OAuth."""

    name: str
    label: str

    def __init__(
        self,
        settings: ProviderSettings,
        *,
        http: httpx.AsyncClient,
        tokens: TokenStore,
        sleep: Sleep = asyncio.sleep,
        default_length: timedelta = DEFAULT_LENGTH,
    ) -> None:
        self.settings = settings
        self.oauth: OAuthProvider = oauth_providers(settings)[self.name]
        self.tokens = tokens
        self.default_length = default_length
        self.transport = Transport(
            http,
            provider=self.name,
            timeout=settings.provider_timeout_seconds,
            attempts=settings.provider_retry_attempts,
            budget=settings.provider_retry_seconds,
            sleep=sleep,
        )

    @classmethod
    def from_settings(cls, settings: ProviderSettings, **wiring: Unpack[Wiring]) -> Self:
        """The calendar wired as `build_calendars` does (its `local_store` is not used)."""
        return cls(
            settings,
            http=wiring["http"],
            tokens=wiring["tokens"],
            sleep=wiring.get("sleep", asyncio.sleep),
            default_length=wiring.get("default_length", DEFAULT_LENGTH),
        )

    async def request(
        self,
        method: str,
        url: str,
        *,
        account: str,
        retry: bool,
        json: Any = None,
        params: dict[str, str] | None = None,
    ) -> httpx.Response:
        """One API call as `account`, refreshing its token once if the provider refuses it."""

        async def call(access_token: str) -> httpx.Response:
            return await self.transport.send(
                method, url, token=access_token, retry=retry, json=json, params=params
            )

        return await call_with_token(self.tokens, account, renew=self._renew, call=call)

    def check(self, draft: EventDraft) -> None:
        """Raise `Unsupported` for what this provider cannot express."""
        raise NotImplementedError

    async def create(
        self, draft: EventDraft, *, account: str, calendar_id: str | None, idempotency_key: str
    ) -> CreatedEvent:
        """Make the event once per `idempotency_key` (see `providers.base.Calendar`)."""
        raise NotImplementedError

    async def delete(self, event: CreatedEvent, *, account: str) -> None:
        """Remove the event; one already gone is not an error."""
        raise NotImplementedError

    async def identify(self, account: str) -> AccountInfo:
        """Who the linked account is, its calendars and its time zone."""
        raise NotImplementedError

    async def unlink(self, account: str) -> bool:
        """Revoke the account's grant at the provider where it can (False: no endpoint)."""
        token = await self.tokens.get(account)
        return await revoke(self.oauth, token)

    async def _renew(self, token: OAuthToken) -> OAuthToken:
        return await refresh_token(self.oauth, token)
