"""The App Home tab and `/event connect`: show links and preferences, and change them."""

from __future__ import annotations

import re
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
        timezone=await zone_of(services, client, team_id=team_id, user_id=user_id),
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

    @app.action(HOME_CALENDAR)
    async def choose_calendar(
        ack: AsyncAck, body: Body, context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        await ack()
        team_id, user_id = _who(context)
        provider, _, calendar_id = _selected(body).partition(":")
        link = await services.storage.get_link(team_id, user_id, provider)
        if link is None or calendar_id not in {c.id for c in link.calendars}:
            return  # only calendars the account offered; anything else is a forged value
        await services.storage.set_link_calendar(team_id, user_id, provider, calendar_id)
        await refresh(context, client)

    @app.action(HOME_DEFAULT_PROVIDER)
    async def choose_default(
        ack: AsyncAck, body: Body, context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        await ack()
        team_id, user_id = _who(context)
        provider = _selected(body)
        if provider != LOCAL and provider not in linking.linkable(services):
            return
        await services.storage.set_default_provider(team_id, user_id, provider)
        await refresh(context, client)

    @app.options(HOME_TIMEZONE)
    async def zones(ack: AsyncAck, payload: Body) -> None:
        await ack(options=zone_options(str(payload.get("value", "")), _ZONES))

    @app.action(HOME_TIMEZONE)
    async def choose_zone(
        ack: AsyncAck, body: Body, context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        await ack()
        team_id, user_id = _who(context)
        zone = _selected(body)
        if zone != PROFILE_ZONE and zone not in _ZONES:
            return  # only zones we offered; anything else is a forged value
        override = None if zone == PROFILE_ZONE else zone
        await services.storage.set_timezone(team_id, user_id, override)
        await refresh(context, client)

    @app.action(HOME_EVENT_MINUTES)
    async def choose_length(
        ack: AsyncAck, body: Body, context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        await ack()
        team_id, user_id = _who(context)
        try:
            minutes = int(_selected(body))
        except ValueError:
            return
        if not 5 <= minutes <= 24 * 60:
            return
        await services.storage.set_event_minutes(team_id, user_id, minutes)
        await refresh(context, client)
