"""The workspace directory: Slack members as read from users.info / users.list, kept briefly."""

from __future__ import annotations

import asyncio
import time
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import SlackFailed

DIRECTORY_TTL_SECONDS = 300.0
DIRECTORY_PAGES = 20


class SlackUserProfile(BaseModel):
    """The part of users.info's `user.profile` Quickcal reads."""

    model_config = ConfigDict(extra="ignore")

    email: str | None = None
    display_name: str = ""
    real_name: str = ""


class SlackUser(BaseModel):
    """The part of a users.info / users.list member Quickcal reads."""

    model_config = ConfigDict(extra="ignore")

    id: str
    name: str = ""
    real_name: str = ""
    tz: str | None = None
    locale: str | None = None  # with include_locale: "fr-FR"
    deleted: bool = False
    is_bot: bool = False
    profile: SlackUserProfile = SlackUserProfile()

    @property
    def label(self) -> str:
        """How people call them: display name, else real name, else handle."""
        return self.profile.display_name or self.real_name or self.profile.real_name or self.name

    def answers_to(self, wanted: str) -> bool:
        """Does "with `wanted`" mean this member? Whole names or a first name, any case/accent."""
        return _fold(wanted) in self.called

    @cached_property
    def called(self) -> frozenset[str]:
        """Every name this member answers to, folded: whole names and first names.

        Folded once per member (the directory is cached), not once per draft and attendee.
        """
        names = {self.name, self.real_name, self.profile.display_name, self.profile.real_name}
        folded = {_fold(n) for n in names if n}
        return frozenset(folded | {n.split()[0] for n in folded if n.split()})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


async def slack_call(call: Any) -> dict[str, Any]:
    """Await a slack_sdk call; its `ok: false` becomes `SlackFailed(code)`."""
    try:
        response = await call
    except SlackApiError as exc:
        raise SlackFailed(str(exc.response.get("error", "unknown_error"))) from exc
    data: dict[str, Any] = response.data if isinstance(response.data, dict) else {}
    return data


async def lookup_user(client: AsyncWebClient, user_id: str) -> SlackUser:
    """One member by id (users.info); `SlackFailed` when Slack says no."""
    data = await slack_call(client.users_info(user=user_id))
    return SlackUser.model_validate(data.get("user") or {"id": user_id})


@dataclass
class Directory:
    """Each workspace's members (users.list), kept for a few minutes per process."""

    ttl: float = DIRECTORY_TTL_SECONDS
    _teams: dict[str, tuple[float, list[SlackUser]]] = field(default_factory=dict)
    # One lock per workspace: a slow users.list in one team never holds up another.
    _locks: dict[str, asyncio.Lock] = field(default_factory=dict)

    async def members(self, client: AsyncWebClient, team_id: str) -> list[SlackUser]:
        """Active human members of `team_id`; one users.list walk per team per `ttl`."""
        async with self._locks.setdefault(team_id, asyncio.Lock()):
            cached = self._teams.get(team_id)
            if cached is not None and time.monotonic() - cached[0] < self.ttl:
                return cached[1]
            found = await _all_members(client)
            self._teams[team_id] = (time.monotonic(), found)
            return found

    def cached(self, team_id: str) -> list[SlackUser] | None:
        """The members if a fresh list is at hand, without calling Slack; else None."""
        found = self._teams.get(team_id)
        if found is None or time.monotonic() - found[0] >= self.ttl:
            return None
        return found[1]

    async def by_email(self, client: AsyncWebClient, team_id: str) -> dict[str, SlackUser]:
        """Members keyed by their lower-cased email (members without a visible email left out)."""
        return keyed_by_email(await self.members(client, team_id))


def keyed_by_email(members: list[SlackUser]) -> dict[str, SlackUser]:
    """`members` keyed by lower-cased email; members without a visible email are left out."""
    return {m.profile.email.lower(): m for m in members if m.profile.email}


async def _all_members(client: AsyncWebClient) -> list[SlackUser]:
    members: list[SlackUser] = []
    cursor = ""
    for _ in range(DIRECTORY_PAGES):
        data = await slack_call(
            client.users_list(limit=200, cursor=cursor or None, include_locale=True)
        )
        for raw in data.get("members", []):
            user = SlackUser.model_validate(raw)
            if not (user.deleted or user.is_bot or user.id == "USLACKBOT"):
                members.append(user)
        cursor = str((data.get("response_metadata") or {}).get("next_cursor") or "")
        if not cursor:
            break
    return members
