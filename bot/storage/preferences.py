"""Per-person settings: zone override, default length and calendar, cached Slack profile."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from .core import StorageCore
from .records import SlackProfile, UserSettings
from .tables import user_settings


class PreferenceRecords(StorageCore):
    """Read and change one person's settings; each change is its own upsert (no lost updates)."""

    async def get_user_settings(self, team_id: str, user_id: str) -> UserSettings:
        """The person's settings; all None when nothing was ever stored."""
        c = user_settings.c
        async with self.reading() as connection:
            result = await connection.execute(
                select(user_settings).where(c.team_id == team_id, c.user_id == user_id)
            )
            row = result.one_or_none()
        if row is None:
            return UserSettings(team_id=team_id, user_id=user_id)
        fetched = row.profile_fetched_at
        return UserSettings(
            team_id=team_id,
            user_id=user_id,
            timezone=row.timezone,
            event_minutes=row.event_minutes,
            default_provider=row.default_provider,
            profile=None
            if fetched is None
            else SlackProfile(tz=row.profile_tz, email=row.profile_email, name=row.profile_name),
            profile_fetched_at=fetched,
        )

    async def set_timezone(self, team_id: str, user_id: str, timezone: str | None) -> None:
        """Override (or with None, stop overriding) the zone Slack's profile gives."""
        await self._put(team_id, user_id, {"timezone": timezone})

    async def set_event_minutes(self, team_id: str, user_id: str, minutes: int | None) -> None:
        """The default length of an event without an end, in minutes (None: the app's)."""
        if minutes is not None and minutes <= 0:
            raise ValueError("an event lasts at least one minute")
        await self._put(team_id, user_id, {"event_minutes": minutes})

    async def set_default_provider(self, team_id: str, user_id: str, provider: str | None) -> None:
        """The calendar new drafts go to (None: the linked one, else local)."""
        await self._put(team_id, user_id, {"default_provider": provider})

    async def cache_profile(self, team_id: str, user_id: str, profile: SlackProfile) -> None:
        """Keep Slack's profile (zone, email, name) with the time it was fetched."""
        await self._put(
            team_id,
            user_id,
            {
                "profile_tz": profile.tz,
                "profile_email": profile.email,
                "profile_name": profile.name,
                "profile_fetched_at": self.clock(),
            },
        )

    async def _put(self, team_id: str, user_id: str, changes: dict[str, Any]) -> None:
        values = {"team_id": team_id, "user_id": user_id, "updated_at": self.clock(), **changes}
        statement = self.upsert(
            user_settings,
            values,
            keys=("team_id", "user_id"),
            update=(*changes, "updated_at"),
        )
        async with self.writing() as connection:
            await connection.execute(statement)
