"""The HTTP face: Slack's one endpoint, health checks, and the routes other modules add."""

from __future__ import annotations

from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from bot import feeds, install, linking
from bot.app import create_app
from bot.services import Services
from bot.settings import Settings
from bot.signature import middleware

SLACK_EVENTS_PATH = "/slack/events"


def slack_routes(handler: AsyncSlackRequestHandler) -> list[BaseRoute]:
    """`POST /slack/events`: commands, interactivity and events all arrive here."""

    async def slack_events(request: Request) -> Response:
        return await handler.handle(request)

    return [Route(SLACK_EVENTS_PATH, slack_events, methods=["POST"])]


def health_routes(services: Services) -> list[BaseRoute]:
    """`GET /healthz` (the process answers) and `GET /readyz` (the schema is at head or ahead)."""

    async def healthz(_: Request) -> Response:
        return JSONResponse({"ok": True})

    async def readyz(_: Request) -> Response:
        ready = await services.storage.schema_is_ready()
        return JSONResponse({"ok": ready}, status_code=200 if ready else 503)

    return [Route("/healthz", healthz, methods=["GET"]), Route("/readyz", readyz, methods=["GET"])]


def create_web(settings: Settings, services: Services) -> Starlette:
    """The Starlette app serving Slack and every module's routes; `services` are already built."""
    handler = AsyncSlackRequestHandler(create_app(settings, services))
    routes: list[BaseRoute] = [
        *slack_routes(handler),
        *health_routes(services),
        *install.routes(handler, settings),
        *linking.routes(services),
        *feeds.routes(services),
    ]
    return Starlette(routes=routes, middleware=[middleware(services, path=SLACK_EVENTS_PATH)])
