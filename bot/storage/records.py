"""The rows storage hands back: frozen pydantic models, secrets already decrypted."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from nlp.draft import EventDraft
from providers.base import CalendarInfo, CreatedEvent, OAuthToken

DraftState = Literal["pending", "creating", "created", "cancelled", "failed"]
DraftSource = Literal["command", "shortcut", "dm", "mention", "playground"]
LinkStatus = Literal["active", "broken"]


class StoredDraft(BaseModel):
    """A draft as kept between the card and the Create click."""

    model_config = ConfigDict(frozen=True)

    id: str
    team_id: str
    user_id: str
    channel_id: str | None
    source: DraftSource
    draft: EventDraft
    state: DraftState
    provider: str | None
    calendar_id: str | None
    card_channel_id: str | None
    card_ts: str | None
    response_url: str | None
    error: str | None
    created_at: datetime
    updated_at: datetime
    expires_at: datetime
    version: int
    claimed_at: datetime | None = None  # set while `creating`: the claim's stamp


class EventRecord(BaseModel):
    """An event Quickcal created: for the result card, the DM receipt and Undo."""

    model_config = ConfigDict(frozen=True)

    draft_id: str
    team_id: str
    user_id: str
    provider: str
    event_id: str
    calendar_id: str | None
    web_link: str | None
    meeting_link: str | None
    created_at: datetime
    undone_at: datetime | None
    receipt_channel_id: str | None
    receipt_ts: str | None

    @property
    def event(self) -> CreatedEvent:
        """The provider's view of it, as `Calendar.delete` wants it."""
        return CreatedEvent(
            provider=self.provider,
            event_id=self.event_id,
            calendar_id=self.calendar_id,
            web_link=self.web_link,
            meeting_link=self.meeting_link,
        )


class SlackProfile(BaseModel):
    """What Slack's users.info said about a person, cached."""

    model_config = ConfigDict(frozen=True)

    tz: str | None = None
    email: str | None = None
    name: str | None = None


class UserSettings(BaseModel):
    """One person's preferences and cached profile; all None until set."""

    model_config = ConfigDict(frozen=True)

    team_id: str
    user_id: str
    timezone: str | None = None
    event_minutes: int | None = None
    default_provider: str | None = None
    profile: SlackProfile | None = None
    profile_fetched_at: datetime | None = None


class CalendarLink(BaseModel):
    """A person's linked calendar account; `token` decrypted."""

    model_config = ConfigDict(frozen=True)

    team_id: str
    user_id: str
    provider: str
    account_id: str
    email: str | None
    display_name: str | None
    token: OAuthToken
    calendar_id: str | None
    calendars: tuple[CalendarInfo, ...]
    timezone: str | None
    status: LinkStatus
    updated_at: datetime

    @property
    def account(self) -> str:
        """The key providers use for this link's tokens (see `account_key`)."""
        return account_key(self.team_id, self.user_id, self.provider)


class OAuthGrant(BaseModel):
    """What a consumed OAuth `state` stood for: who is linking which provider."""

    model_config = ConfigDict(frozen=True)

    team_id: str
    user_id: str
    provider: str
    code_verifier: str | None
    created_at: datetime


def account_key(team_id: str, user_id: str, provider: str) -> str:
    """The account string a provider passes to the TokenStore: `team:user:provider`."""
    return f"{team_id}:{user_id}:{provider}"


def parse_account_key(account: str) -> tuple[str, str, str]:
    """(team_id, user_id, provider) back from `account_key`; ValueError when malformed."""
    team_id, user_id, provider = account.split(":")
    if not (team_id and user_id and provider):
        raise ValueError("an account key is team:user:provider")
    return team_id, user_id, provider
