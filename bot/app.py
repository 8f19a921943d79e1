"""The Bolt app: one `AsyncApp`, its Web API client on SLACK_API_URL, every listener registered."""

from __future__ import annotations

import logging

from pydantic import ValidationError
from slack_bolt.async_app import AsyncApp

from bot.install import oauth_settings
from bot.listeners import register_all
from bot.services import Services
from bot.settings import Settings

log = logging.getLogger(__name__)


def create_app(settings: Settings, services: Services) -> AsyncApp:
    """The Bolt app for `settings`, its listeners registered from `bot.listeners.REGISTRARS`.

    Listeners ack first and work after (Bolt's default, `process_before_response=False`):
    Slack's 3-second acknowledgement never waits on a calendar.
    """
    # Several workspaces: Bolt finds each team's bot token through the install store.
    install = oauth_settings(settings, services)
    client = services.slack(None)
    if install is not None:
        client.token = None  # each request gets its team's token from the install store
    app = AsyncApp(
        name="quickcal",
        logger=log,
        signing_secret=settings.secret(settings.slack_signing_secret) or "",
        oauth_settings=install,
        client=client,
        process_before_response=False,
        # Slack retries events it thinks were missed; storage dedupes them (`claim_once`).
        ignoring_self_events_enabled=True,
    )
    register_all(app, services)
    app.error(on_error)
    return app


async def on_error(error: Exception) -> None:
    """A listener failed after its ack: say so in the log, the one place this lands.

    A payload that lacks what a listener reads (pydantic refuses it) is not Slack's shape:
    the HTTP guard turns most away, but Socket Mode has none, and nobody waits on such a
    request, so it is a warning. Anything else is a defect of ours, with its traceback.
    """
    if isinstance(error, ValidationError):
        log.warning("ignored a request a listener could not read: %d problems", error.error_count())
        return
    log.error("a listener failed", exc_info=error)
