"""Which calendar a person's drafts go to: their linked default, else the local calendar."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.storage import CalendarLink, Storage, UserSettings
from providers.base import Calendar

LOCAL = "local"


@dataclass(frozen=True)
class Target:
    """Where a draft will be created; `broken` names a linked provider that needs reconnecting."""

    provider: str
    calendar_id: str | None
    label: str
    broken: str | None = None


@dataclass(frozen=True)
class Standing:
    """What storage holds about a person that a draft needs: settings and calendar links.

    Read once per request (`standing_of`) and passed down, rather than read again by each
    step: every read is a database round trip on the loop that also answers Slack.
    """

    settings: UserSettings
    links: tuple[CalendarLink, ...]


async def standing_of(storage: Storage, *, team_id: str, user_id: str) -> Standing:
    """The person's settings and links, as stored now."""
    settings = await storage.get_user_settings(team_id, user_id)
    return Standing(settings, tuple(await storage.list_links(team_id, user_id)))


def label_of(calendars: Mapping[str, Calendar], provider: str | None) -> str:
    """The calendar's name for people ("Google Calendar"); the raw key if it is not served."""
    calendar = calendars.get(provider or LOCAL)
    return calendar.label if calendar is not None else (provider or LOCAL)


def choose_target(calendars: Mapping[str, Calendar], standing: Standing) -> Target:
    """The person's chosen default if linked and working, else any working link, else local."""
    prefs = standing.settings
    links = [link for link in standing.links if link.provider in calendars]
    working = [link for link in links if link.status == "active"]
    chosen = _preferred(working, prefs.default_provider)
    if chosen is not None:
        return Target(chosen.provider, chosen.calendar_id, label_of(calendars, chosen.provider))
    broken = _preferred([link for link in links if link.status == "broken"], prefs.default_provider)
    return Target(
        LOCAL, None, label_of(calendars, LOCAL), broken.provider if broken is not None else None
    )


def _preferred(links: list[CalendarLink], provider: str | None) -> CalendarLink | None:
    for link in links:
        if link.provider == provider:
            return link
    return links[0] if links else None


async def choices(
    storage: Storage, calendars: Mapping[str, Calendar], *, team_id: str, user_id: str
) -> list[tuple[str, str]]:
    """(provider, label) of every calendar the person may pick in the Edit modal."""
    found = [(LOCAL, label_of(calendars, LOCAL))] if LOCAL in calendars else []
    for link in await storage.list_links(team_id, user_id):
        if link.status == "active" and link.provider in calendars:
            found.append((link.provider, label_of(calendars, link.provider)))
    return found
