"""`python -m bot`: Slack over HTTP or Socket Mode with credentials, else the local playground."""

from __future__ import annotations

import asyncio
import logging

from bot.playground import run_playground
from bot.redaction import install_redaction, secret_values
from bot.serving import run_http, run_socket
from bot.settings import Settings


def main() -> None:
    settings = Settings()
    # The playground is a conversation in the terminal: only warnings interrupt it.
    level = logging.INFO if settings.has_slack else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Every SecretStr of the settings, the providers' client secrets included.
    install_redaction(secret_values(settings))
    if not settings.has_slack:
        asyncio.run(run_playground(settings))
    elif settings.socket_mode:
        asyncio.run(run_socket(settings))
    else:
        run_http(settings)


if __name__ == "__main__":
    main()
