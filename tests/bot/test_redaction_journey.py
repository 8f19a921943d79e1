"""A whole journey with every logger at DEBUG: no token, secret, response_url or body is logged."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from bot import redaction
from bot.redaction import install_redaction, secret_values
from bot.settings import Settings
from tests.bot.conftest import ALICE, SIGNING_SECRET
from tests.bot.test_install import (  # noqa: F401
    CLIENT_SECRET,
    InstallableSlack,
    Installed,
    app,
    install_page,
    installable,
    redirect,
)
from tests.bot.test_linking import LinkingWorld, query_of, world  # noqa: F401

# ruff: noqa: F811  (the `world` fixture is imported by name)
TEXT = "quarterly planning with Adele friday 3pm"


class Everything(logging.Handler):
    """Keeps every record, formatted as an operator would read it (tracebacks included)."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def everything(world: LinkingWorld) -> Iterator[Everything]:
    yield from capture(world.app.settings)


@pytest.fixture
def install_everything(app: Installed) -> Iterator[Everything]:
    yield from capture(app.settings)


def capture(settings: Settings) -> Iterator[Everything]:
    """Every logger at DEBUG and propagating to one capturing handler, redaction installed."""
    factory = logging.getLogRecordFactory()
    loggers = [logging.getLogger(), *map(logging.getLogger, list(logging.root.manager.loggerDict))]
    saved = [(lg, lg.level, lg.propagate, lg.disabled) for lg in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.propagate = True
        logger.disabled = False
    handler = Everything()
    logging.getLogger().addHandler(handler)
    install_redaction(secret_values(settings))
    yield handler
    logging.getLogger().removeHandler(handler)
    for logger, level, propagate, disabled in saved:
        logger.setLevel(level)
        logger.propagate = propagate
        logger.disabled = disabled
    logging.setLogRecordFactory(factory)
    redaction._installed = None


def test_a_debug_journey_logs_no_secret(world: LinkingWorld, everything: Everything) -> None:
    google = world.providers["google"]
    connect = world.connect_url("google")
    started = world.browser_of(ALICE).get(connect)
    back = world.authorize(started)
    assert world.browser_of(ALICE).get(back).status_code == 200

    def create() -> None:
        key = world.app.command(TEXT)
        card = world.slack.wait_for("response_url", lambda c: c.args["key"] == key)
        clicked = world.app.click(card, "draft_create")
        world.slack.wait_for(
            "response_url", lambda c: c.args["key"] == clicked and "Added to" in c.texts()
        )

    create()
    google.expire_tokens()  # the next create refreshes the token first
    create()
    assert google.oauth.refreshes == 1
    world.app.click(world.home(), "home_disconnect")
    world.slack.wait_for("views.publish", lambda c: c.args["user_id"] == ALICE, count=3)
    assert google.oauth.revoked

    secrets = {
        "signing secret": SIGNING_SECRET,
        "bot token": world.slack.token,
        "fernet key": str(world.app.settings.secret(world.app.settings.secret_key)),
        "client secret": google.oauth.client_secret,
        "state": query_of(started.headers["location"])["state"],
        "ticket": parse_qs(urlsplit(connect).query)["ticket"][0],
        "code": query_of(back)["code"],
    }
    for n, token in enumerate(google.oauth.tokens):
        secrets[f"access token {n}"] = token.access_token
        secrets[f"refresh token {n}"] = token.refresh_token or ""
    for n, request in enumerate(google.oauth.token_requests):
        secrets[f"code verifier {n}"] = request.form.get("code_verifier", "")
    for n, call in enumerate(world.slack.calls_to("response_url")):
        secrets[f"response_url {n}"] = world.slack.response_url(call.args["key"])
    secrets["message text (a request body)"] = TEXT
    secrets = {name: value for name, value in secrets.items() if value}

    assert_nothing_leaked(everything, secrets)


def assert_nothing_leaked(everything: Everything, secrets: dict[str, str]) -> None:
    text = "\n".join(everything.lines)
    assert len(everything.lines) > 100  # DEBUG really was on everywhere
    assert "slack_sdk" in text
    leaked = sorted(name for name, value in secrets.items() if value in text)
    lines = [line for line in everything.lines if any(secrets[n] in line for n in leaked)]
    assert not leaked, (leaked, lines[:5])


def test_a_debug_install_logs_no_secret(
    app: Installed, installable: InstallableSlack, install_everything: Everything
) -> None:
    # Slack's install: the redirect's code and state, then `oauth.v2.access`, whose response
    # (logged by slack_sdk at DEBUG) carries the bot token; Basic auth carries our secret.
    url, cookie = install_page(app)
    state = parse_qs(urlsplit(url).query)["state"][0]
    code = installable.grant()
    assert redirect(app, code=code, state=state, cookie=cookie).status_code == 200
    app.event({"type": "app_home_opened", "user": ALICE, "channel": "D1", "tab": "home"})
    installable.wait_for("views.publish")
    assert installable.exchanges == 1
    secrets = {
        "signing secret": SIGNING_SECRET,
        "client secret": CLIENT_SECRET,
        "bot token": installable.token,
        "fernet key": str(app.settings.secret(app.settings.secret_key)),
        "install code": code,
        "install state": state,
        "state cookie": cookie.split("=", 1)[1],
    }
    # The exchange itself was logged (at DEBUG), so the scan below covers it.
    assert any("oauth.v2.access" in line for line in install_everything.lines)
    assert_nothing_leaked(install_everything, secrets)
