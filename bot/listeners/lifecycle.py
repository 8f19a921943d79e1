"""Forgetting on request: Disconnect drops a link, `app_uninstalled` a team, `tokens_revoked`
its people (or, when the bot's own tokens are revoked, the whole team: that is an uninstall).

Every row of theirs goes (installation, calendar links, drafts, events, settings); the
calendar tokens are revoked at their providers too, since nobody here can use them any more.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext

from bot import linking
from bot.services import Services
from bot.storage import CalendarLink
from providers import oauth
from providers.base import OAuthToken
from providers.errors import ProviderError

log = logging.getLogger(__name__)
Body = dict[str, Any]


async def forget_team(services: Services, team_id: str) -> None:
    """Delete everything of `team_id`, then revoke the calendar tokens it held."""
    links = await services.storage.delete_team(team_id)
    await _revoke_all(services, links)
    log.info("uninstalled from %s: %d calendar links wiped", team_id, len(links))


async def forget_users(services: Services, team_id: str, user_ids: list[str]) -> None:
    """Delete everything of each person, then revoke their calendar tokens."""
    for user_id in user_ids:
        await _revoke_all(services, await services.storage.delete_user(team_id, user_id))
    log.info("tokens revoked in %s: %d people wiped", team_id, len(user_ids))


async def forget_link(services: Services, *, team_id: str, user_id: str, provider: str) -> bool:
    """Disconnect: delete the link here, then revoke its token where the provider allows it."""
    token = await services.storage.delete_link(team_id, user_id, provider)
    if token is None:
        return False
    await revoke_quietly(services, provider, token)
    return True


async def revoke_quietly(services: Services, provider: str, token: OAuthToken) -> None:
    """Revoke at the provider; a failure is logged, never raised (the link is gone here)."""
    try:
        await oauth.revoke(linking.oauth_provider(services, provider), token)
    except (ProviderError, linking.LinkError):
        log.warning("revoking a %s token failed; it was deleted here", provider)


async def _revoke_all(services: Services, links: list[CalendarLink]) -> None:
    for link in links:
        await revoke_quietly(services, link.provider, link.token)


def _team(body: Body, context: AsyncBoltContext) -> str:
    team_id = context.team_id or body.get("team_id")
    if not team_id:
        raise ValueError("a lifecycle event without a team")
    return str(team_id)


def register(app: AsyncApp, services: Services) -> None:
    """`app_uninstalled` and `tokens_revoked`."""

    @app.event("app_uninstalled")
    async def uninstalled(body: Body, context: AsyncBoltContext) -> None:
        await forget_team(services, _team(body, context))

    @app.event("tokens_revoked")
    async def revoked(body: Body, event: Body, context: AsyncBoltContext) -> None:
        team_id = _team(body, context)
        tokens = event.get("tokens") or {}
        if tokens.get("bot"):
            # A bot that can no longer act here is uninstalled: every row of the team goes.
            await forget_team(services, team_id)
            return
        users = [str(u) for u in tokens.get("oauth") or []]
        if users:
            await forget_users(services, team_id, users)
