"""Socket Mode wiring: the same Bolt app and services, handed to Bolt's Socket Mode handler."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from pydantic import SecretStr
from slack_bolt.async_app import AsyncApp

from bot import serving
from bot.settings import Settings


class RecordingHandler:
    """Stands in for Bolt's AsyncSocketModeHandler (no websocket to Slack in tests)."""

    made: ClassVar[list[RecordingHandler]] = []

    def __init__(self, app: AsyncApp, app_token: str | None) -> None:
        self.app, self.app_token, self.started = app, app_token, False
        RecordingHandler.made.append(self)

    async def start_async(self) -> None:
        self.started = True


async def test_socket_mode_runs_the_bolt_app(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serving, "AsyncSocketModeHandler", RecordingHandler)
    closed: list[Any] = []
    original = serving.build_services

    async def build(given: Settings) -> Any:
        services = await original(given)
        real_close = services.aclose

        async def aclose() -> None:
            closed.append(True)
            await real_close()

        object.__setattr__(services, "aclose", aclose)
        return services

    monkeypatch.setattr(serving, "build_services", build)
    socket = settings.model_copy(update={"slack_app_token": SecretStr("xapp-1-test")})
    await serving.run_socket(socket)
    [handler] = RecordingHandler.made
    assert handler.started
    assert handler.app_token == "xapp-1-test"
    assert handler.app.client.base_url == settings.slack_api_url
    assert closed == [True]  # services released when the socket closes
