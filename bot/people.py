"""Who a person is to Quickcal: their Slack profile (zone, email, name), cached in storage."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk.web.async_client import AsyncWebClient

from bot.directory import lookup_user
from bot.errors import SlackFailed
from bot.services import Services
from bot.storage import SlackProfile, UserSettings

PROFILE_TTL = timedelta(hours=12)


async def profile_of(
    services: Services, client: AsyncWebClient, stored: UserSettings
) -> SlackProfile:
    """The person's Slack profile, from the cache (`stored`) when fresher than PROFILE_TTL."""
    fetched = stored.profile_fetched_at
    if (
        stored.profile is not None
        and fetched is not None
        and services.clock() - fetched < PROFILE_TTL
    ):
        return stored.profile
    try:
        user = await lookup_user(client, stored.user_id)
    except SlackFailed:
        # Slack hiccup: an old profile beats none; no profile means UTC and no email.
        return stored.profile or SlackProfile()
    profile = SlackProfile(tz=user.tz, email=user.profile.email, name=user.label)
    await services.storage.cache_profile(stored.team_id, stored.user_id, profile)
    return profile


async def zone_of(services: Services, client: AsyncWebClient, stored: UserSettings) -> str:
    """The zone drafts are read in: the person's override, else Slack's profile, else UTC."""
    if stored.timezone and _known_zone(stored.timezone):
        return stored.timezone  # no profile needed: no Slack call, no cache write
    profile = await profile_of(services, client, stored)
    for candidate in (stored.timezone, profile.tz):
        if candidate and _known_zone(candidate):
            return candidate
    return "UTC"


def _known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


async def locale_of(
    services: Services, client: AsyncWebClient, *, team_id: str, user_id: str
) -> str:
    """The language of the person's Slack ("fr-FR"), from the directory; English if unknown."""
    try:
        members = await services.directory.members(client, team_id)
    except SlackFailed:
        return "en"
    found = next((m.locale for m in members if m.id == user_id and m.locale), None)
    return found or "en"
