"""Every listener module's `register(app, services)`, called once each from one literal tuple."""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt.async_app import AsyncApp

from bot.listeners import (
    actions,
    choices,
    commands,
    home,
    lifecycle,
    messages,
    shortcuts,
    unknown,
    views,
)
from bot.services import Services

Registrar = Callable[[AsyncApp, Services], None]

# One line per listener module.
REGISTRARS: tuple[Registrar, ...] = (
    commands.register,
    shortcuts.register,
    messages.register,
    actions.register,
    choices.register,
    views.register,
    home.register,
    lifecycle.register,
    # Last: it answers whatever the others do not know.
    unknown.register,
)


def register_all(app: AsyncApp, services: Services) -> None:
    """Attach every listener of every module to `app`."""
    for register in REGISTRARS:
        register(app, services)
