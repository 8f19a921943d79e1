"""The App Home tab and `/event connect`: show links and preferences, and change them."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any
from zoneinfo import available_timezones

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot import linking
from bot.blocks.home import (
    HOME_CALENDAR,
    HOME_CONNECT,
    HOME_DEFAULT_PROVIDER,
    HOME_DISCONNECT,
    HOME_EVENT_MINUTES,
    HOME_FEED,
    HOME_TIMEZONE,
    LOCAL,
    PROFILE_ZONE,
    HomeState,
    ProviderRow,
    connect_blocks,
    home_view,
    zone_options,
)
from bot.feeds import feed_url
from bot.listeners.lifecycle import forget_link
from bot.people import zone_of
from bot.services import Services
from bot.targets import label_of

_ZONES = sorted(available_timezones())
Body = dict[str, Any]
# (team, user, picked value) -> saved? False for a value the Home tab never offered.
Save = Callable[[str, str, str], Awaitable[bool]]


async def provider_rows(
    services: Services, *, team_id: str, user_id: str
) -> tuple[ProviderRow, ...]:
    """Each linkable provider with this person's link (if any) and a fresh Connect URL."""
    links = {link.provider: link for link in await services.storage.list_links(team_id, user_id)}
    rows = []
    for name in linking.linkable(services):
        link = links.get(name)
        url = linking.connect_url(services, team_id=team_id, user_id=user_id, provider=name)
        rows.append(
            ProviderRow(
                name=name,
                label=label_of(services.calendars, name),
                connect_url=url,
                account=(link.email or link.display_name or link.account_id) if link else None,
                broken=link is not None and link.status == "broken",
                calendars=tuple((c.id, c.name) for c in link.calendars) if link else (),
                calendar_id=link.calendar_id if link else None,
            )
        )
    return tuple(rows)


CONNECT_WORDS = frozenset({"connect", "link", "connect calendar", "link calendar", "login"})


def wants_connect(text: str) -> bool:
    """True for `/event connect` (and its synonyms): the command listener then calls
    `connect_reply` instead of drafting an event."""
    return " ".join(text.lower().split()) in CONNECT_WORDS


async def connect_reply(services: Services, *, team_id: str, user_id: str) -> dict[str, Any]:
    """What `/event connect` answers in place: the same buttons as the Home tab."""
    rows = await provider_rows(services, team_id=team_id, user_id=user_id)
    if not rows:
        return {
            "text": "No calendar provider is set up here yet: events go to Quickcal's own "
            "calendar. Ask whoever runs Quickcal to add Google, Microsoft or LINE WORKS."
        }
    return {"text": "Connect a calendar", "blocks": connect_blocks(rows)}


async def publish_home(
    services: Services, client: AsyncWebClient, *, team_id: str, user_id: str
) -> None:
    """Render and publish the person's Home tab."""
    stored = await services.storage.get_user_settings(team_id, user_id)
    rows = await provider_rows(services, team_id=team_id, user_id=user_id)
    # The .ics is offered while the local calendar is where events go: nothing linked, or chosen.
    linked = any(row.account is not None and not row.broken for row in rows)
    uses_local = not linked or stored.default_provider == LOCAL
    state = HomeState(
        providers=rows,
        default_provider=stored.default_provider,
        timezone=await zone_of(services, client, stored),
        timezone_overridden=stored.timezone is not None,
        event_minutes=stored.event_minutes or services.settings.default_event_minutes,
        feed_url=feed_url(services, team_id=team_id, user_id=user_id) if uses_local else None,
    )
    await client.views_publish(user_id=user_id, view=home_view(state))


def _who(context: AsyncBoltContext) -> tuple[str, str]:
    if context.team_id is None or context.user_id is None:
        raise ValueError("a Home action without a team or user")
    return context.team_id, context.user_id


def _selected(body: Body) -> str:
    return str(body["actions"][0]["selected_option"]["value"])


def register(app: AsyncApp, services: Services) -> None:
    """The Home tab's event, its buttons and selects, and the zone search."""

    async def refresh(context: AsyncBoltContext, client: AsyncWebClient) -> None:
        team_id, user_id = _who(context)
        await publish_home(services, client, team_id=team_id, user_id=user_id)

    @app.event("app_home_opened")
    async def home_opened(event: Body, context: AsyncBoltContext, client: AsyncWebClient) -> None:
        if event.get("tab", "home") == "home":
            await refresh(context, client)

    @app.action(re.compile(f"^({HOME_CONNECT}|{HOME_FEED})"))
    async def link_clicked(ack: AsyncAck) -> None:
        await ack()  # the browser opened the URL; nothing to do here

    @app.action(HOME_DISCONNECT)
    async def disconnect(
        ack: AsyncAck, body: Body, context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        await ack()
        team_id, user_id = _who(context)
        provider = str(body["actions"][0]["value"])
        await forget_link(services, team_id=team_id, user_id=user_id, provider=provider)
        stored = await services.storage.get_user_settings(team_id, user_id)
        if stored.default_provider == provider:
            await services.storage.set_default_provider(team_id, user_id, None)
        await refresh(context, client)

    def on_select(action_id: str, save: Save) -> None:
        """A Home select: save the picked value (False: not one we offered), then re-render."""

        @app.action(action_id)
        async def selected(
            ack: AsyncAck, body: Body, context: AsyncBoltContext, client: AsyncWebClient
        ) -> None:
            await ack()
            team_id, user_id = _who(context)
            if await save(team_id, user_id, _selected(body)):
                await refresh(context, client)

    async def save_calendar(team_id: str, user_id: str, value: str) -> bool:
        provider, _, calendar_id = value.partition(":")
        link = await services.storage.get_link(team_id, user_id, provider)
        if link is None or calendar_id not in {c.id for c in link.calendars}:
            return False  # only calendars the account offered; anything else is a forged value
        await services.storage.set_link_calendar(team_id, user_id, provider, calendar_id)
        return True

    async def save_default(team_id: str, user_id: str, provider: str) -> bool:
        if provider != LOCAL and provider not in linking.linkable(services):
            return False
        await services.storage.set_default_provider(team_id, user_id, provider)
        return True

    async def save_zone(team_id: str, user_id: str, zone: str) -> bool:
        if zone != PROFILE_ZONE and zone not in _ZONES:
            return False  # only zones we offered; anything else is a forged value
        override = None if zone == PROFILE_ZONE else zone
        await services.storage.set_timezone(team_id, user_id, override)
        return True

    async def save_length(team_id: str, user_id: str, value: str) -> bool:
        minutes = int(value) if value.isdigit() else 0
        if not 5 <= minutes <= 24 * 60:
            return False
        await services.storage.set_event_minutes(team_id, user_id, minutes)
        return True

    @app.options(HOME_TIMEZONE)
    async def zones(ack: AsyncAck, payload: Body) -> None:
        await ack(options=zone_options(str(payload.get("value", "")), _ZONES))

    on_select(HOME_CALENDAR, save_calendar)
    on_select(HOME_DEFAULT_PROVIDER, save_default)
    on_select(HOME_TIMEZONE, save_zone)
    on_select(HOME_EVENT_MINUTES, save_length)
