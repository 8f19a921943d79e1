"""Installing Quickcal in many workspaces: Bolt's OAuth flow on our database, per-team clients.

With SLACK_CLIENT_ID / SLACK_CLIENT_SECRET, `/slack/install` and `/slack/oauth_redirect`
run Slack's OAuth v2 install; installations and install states live in storage's stores
(one database for every instance). With SLACK_BOT_TOKEN alone, one workspace is served.
"""

from __future__ import annotations

from typing import Final

from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.web.async_client import AsyncWebClient
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot.services import Services
from bot.settings import Settings

INSTALL_PATH: Final = "/slack/install"
REDIRECT_PATH: Final = "/slack/oauth_redirect"
# What the bot does and nothing more: commands, messages, DMs, profiles for zones and emails.
BOT_SCOPES: Final = (
    "app_mentions:read",
    "chat:write",
    "commands",
    "im:history",
    "im:write",
    "users:read",
    "users:read.email",
)


class NotInstalled(Exception):
    """No installation of Quickcal is known for this team."""


def multi_workspace(settings: Settings) -> bool:
    """True with an OAuth client id and secret: installs per team, tokens from storage."""
    return settings.slack_client_id is not None and settings.slack_client_secret is not None


def oauth_settings(settings: Settings, services: Services) -> AsyncOAuthSettings | None:
    """Bolt's install settings on storage's stores; None when serving one workspace."""
    if not multi_workspace(settings):
        return None
    return AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.secret(settings.slack_client_secret),
        scopes=list(BOT_SCOPES),
        redirect_uri=settings.public_url.rstrip("/") + REDIRECT_PATH,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=services.storage.installation_store,
        installation_store_bot_only=True,
        state_store=services.storage.slack_state_store,
    )


async def slack_client_for(services: Services, team_id: str) -> AsyncWebClient:
    """A Web API client holding the bot token Quickcal has in `team_id`."""
    if not multi_workspace(services.settings):
        return services.slack(None)
    bot = await services.storage.installation_store.async_find_bot(
        enterprise_id=None, team_id=team_id
    )
    if bot is None or not bot.bot_token:
        raise NotInstalled(team_id)
    return services.slack(bot.bot_token)


def routes(handler: AsyncSlackRequestHandler, settings: Settings) -> list[BaseRoute]:
    """`GET /slack/install` and `GET /slack/oauth_redirect` (only with a client id)."""
    if not multi_workspace(settings):
        return []

    async def install(request: Request) -> Response:
        return await handler.handle(request)

    return [
        Route(INSTALL_PATH, install, methods=["GET"]),
        Route(REDIRECT_PATH, install, methods=["GET"]),
    ]
