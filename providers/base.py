"""The one small Protocol every calendar implements, and the values it speaks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from nlp.draft import EventDraft


class OAuthToken(BaseModel):
    """A provider's OAuth 2.0 token set, as stored (encrypted at rest by the bot).

    The tokens stay plain `str` (storage serialises them) but out of `repr`/`str`,
    so a token logged by mistake shows no secret.
    """

    model_config = ConfigDict(frozen=True)

    access_token: str = Field(repr=False)
    refresh_token: str | None = Field(default=None, repr=False)
    expires_at: datetime | None = None
    scope: str | None = None
    token_type: str = "Bearer"  # noqa: S105 - a scheme name, not a secret


class CalendarInfo(BaseModel):
    """One calendar of a linked account."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    primary: bool = False


class AccountInfo(BaseModel):
    """Who the linked account is: read right after linking."""

    model_config = ConfigDict(frozen=True)

    account_id: str
    email: str | None = None
    display_name: str | None = None
    timezone: str | None = None
    calendars: tuple[CalendarInfo, ...] = ()


class CreatedEvent(BaseModel):
    """What a create returned: enough for the result card, the receipt and Undo."""

    model_config = ConfigDict(frozen=True)

    provider: str
    event_id: str
    calendar_id: str | None = None
    web_link: str | None = None
    meeting_link: str | None = None


Renew = Callable[[OAuthToken], Awaitable[OAuthToken]]


class TokenStore(Protocol):
    """Where a provider client finds and renews the tokens of one linked account.

    `refresh` must let one renewal happen at a time per account, across tasks and
    across app instances: if the stored token is no longer `stale`, someone else
    renewed it already and the stored one is returned without calling `renew`.
    The newest refresh token is always kept (a response without one keeps the old).
    """

    async def get(self, account: str) -> OAuthToken: ...

    async def refresh(self, account: str, *, stale: OAuthToken, renew: Renew) -> OAuthToken: ...


@runtime_checkable
class Calendar(Protocol):
    """A calendar Quickcal can create events in. `name` is its registry key."""

    name: str
    label: str

    def check(self, draft: EventDraft) -> None:
        """Raise `Unsupported` for what this provider cannot express; send nothing."""
        ...

    async def create(
        self, draft: EventDraft, *, account: str, calendar_id: str | None, idempotency_key: str
    ) -> CreatedEvent:
        """Make the event once per `idempotency_key` (a repeat returns the first one)."""
        ...

    async def delete(self, event: CreatedEvent, *, account: str) -> None:
        """Remove the event (Undo); an event already gone is not an error."""
        ...


class LocalEventStore(Protocol):
    """Where the local calendar keeps events (the bot's database; memory in tests).

    `put` is idempotent on `event_id`: putting the same id twice keeps one event.
    """

    async def put(self, owner: str, event_id: str, draft: EventDraft) -> None: ...

    async def delete(self, owner: str, event_id: str) -> None: ...

    async def list(self, owner: str) -> list[tuple[str, EventDraft]]: ...
