"""Running Quickcal: over HTTP (uvicorn) or Socket Mode, services built on the serving loop."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

import uvicorn
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from starlette.applications import Starlette
from starlette.types import Receive, Scope, Send

from bot.app import create_app
from bot.housekeeping import start_housekeeping
from bot.reconciling import start_reconciling
from bot.services import Services, build_services
from bot.settings import Settings
from bot.web import create_web

log = logging.getLogger(__name__)

Builder = Callable[[Settings], Awaitable[Services]]


class ServedWeb:
    """An ASGI app that builds services at startup, inside the server's own event loop.

    Database engines and HTTP pools belong to one loop; building them here (not before
    uvicorn starts its loop) keeps them on the loop that serves requests.
    """

    def __init__(self, settings: Settings, *, build: Builder = build_services) -> None:
        self.settings = settings
        self._build = build
        self.services: Services | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self._web: Starlette | None = None
        self._timers: list[asyncio.Task[None]] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if self._web is None:
            raise RuntimeError("Quickcal is not started")
        await self._web(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    self.services = await self._build(self.settings)
                except Exception as exc:  # uvicorn reports it and exits
                    log.exception("startup failed")
                    await send({"type": "lifespan.startup.failed", "message": str(exc)})
                    return
                self.loop = asyncio.get_running_loop()
                self._web = create_web(self.settings, self.services)
                self._timers = start_timers(self.services)
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                for timer in self._timers:
                    timer.cancel()
                if self.services is not None:
                    await self.services.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return


def start_timers(services: Services) -> list[asyncio.Task[None]]:
    """The background work of every instance: housekeeping, and the reconciler that finishes
    creates interrupted by a crash (at start-up, then on its timer)."""
    return [start_housekeeping(services.storage), start_reconciling(services)]


def run_http(settings: Settings) -> None:
    """Serve `POST /slack/events` and the other routes on QUICKCAL_PORT until stopped."""
    log.info("Quickcal listening on port %s", settings.port)
    uvicorn.run(ServedWeb(settings), host="0.0.0.0", port=settings.port, lifespan="on")  # noqa: S104


async def run_socket(settings: Settings) -> None:
    """Socket Mode: Slack pushes requests over a websocket; no public URL needed."""
    services = await build_services(settings)
    timers = start_timers(services)
    try:
        app = create_app(settings, services)
        handler = AsyncSocketModeHandler(app, settings.secret(settings.slack_app_token))
        await handler.start_async()  # type: ignore[no-untyped-call]
    finally:
        for timer in timers:
            timer.cancel()
        await services.aclose()
