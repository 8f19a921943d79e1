"""The last listeners: a quiet acknowledgement for any click, modal or shortcut no other knows."""

from __future__ import annotations

import re

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.services import Services

ANY = re.compile(r".*", re.DOTALL)


def register(app: AsyncApp, services: Services) -> None:
    """Acknowledge, with an empty 200, whatever no listener registered before this one knows.

    A button on a card from an older release, or a modal or shortcut since retired, is
    still clicked by people who did nothing wrong; Bolt would answer 404, which Slack
    shows them as an error they can do nothing about. Registered last (`REGISTRARS`): Bolt
    runs the first listener that matches, so this never takes a request a real one wants.
    """

    async def acknowledge(ack: AsyncAck) -> None:
        await ack()

    async def no_options(ack: AsyncAck) -> None:
        await ack(options=[])

    app.action(ANY)(acknowledge)
    app.view(ANY)(acknowledge)
    app.view_closed(ANY)(acknowledge)
    app.shortcut(ANY)(acknowledge)
    app.options(ANY)(no_options)
