"""Slack's OAuth install over HTTP: install page, redirect, installation stored, uninstall wipes."""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlsplit

import httpx
import pytest
import yaml
from cryptography.fernet import Fernet
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from bot.install import BOT_SCOPES
from bot.serving import ServedWeb
from bot.settings import Settings
from tests.bot.conftest import ALICE, SIGNING_SECRET, Quickcal
from tests.fakes.server import LiveServer, free_port
from tests.fakes.slack import BOT_USER_ID, TEAM_ID, FakeSlack

CLIENT_ID = "1111.2222"
CLIENT_SECRET = "slack-client-secret-value"


@dataclass
class InstallableSlack(FakeSlack):
    """The fake Slack plus `oauth.v2.access`: a code once, for our client, gives the bot token."""

    codes: dict[str, bool] = field(default_factory=dict)
    exchanges: int = 0

    def grant(self) -> str:
        code = f"install-code-{len(self.codes)}"
        self.codes[code] = False
        return code

    async def _api(self, request: Request) -> Response:
        if request.path_params["method"] != "oauth.v2.access":
            return await super()._api(request)
        form = dict(parse_qsl((await request.body()).decode()))
        basic = request.headers.get("authorization", "").removeprefix("Basic ")
        if base64.b64decode(basic).decode() != f"{CLIENT_ID}:{CLIENT_SECRET}":
            return JSONResponse({"ok": False, "error": "invalid_client_id"})
        code = str(form.get("code", ""))
        if self.codes.get(code, True):
            return JSONResponse({"ok": False, "error": "invalid_code"})
        self.codes[code] = True
        self.exchanges += 1
        return JSONResponse(
            {
                "ok": True,
                "app_id": "A0QUICKCAL",
                "access_token": self.token,
                "token_type": "bot",
                "scope": ",".join(BOT_SCOPES),
                "bot_user_id": BOT_USER_ID,
                "team": {"id": TEAM_ID, "name": "Quickcal Test"},
                "enterprise": None,
                "is_enterprise_install": False,
                "authed_user": {"id": ALICE},
            }
        )


class Installed(Quickcal):
    """The app on a port known before start: Slack's redirect_uri must name it."""

    def __init__(self, settings: Settings, slack: FakeSlack, *, port: int) -> None:
        super().__init__(settings, slack)
        self.port = port

    def start(self) -> Installed:
        self._web = ServedWeb(self.settings, build=self._build)
        self._server = LiveServer(self._web, port=self.port).start()
        return self


@pytest.fixture
def installable() -> Iterator[InstallableSlack]:
    fake = InstallableSlack()
    fake.start()
    fake.add_user(ALICE, name="alice", email="alice@example.com", tz="America/New_York")
    try:
        yield fake
    finally:
        fake.stop()
    assert not fake.violations, fake.violations


@pytest.fixture
def app(tmp_path: Any, installable: InstallableSlack) -> Iterator[Installed]:
    port = free_port()
    settings = Settings(
        _env_file=None,
        slack_signing_secret=SIGNING_SECRET,
        slack_client_id=CLIENT_ID,
        slack_client_secret=CLIENT_SECRET,
        slack_api_url=installable.api_url,
        data_dir=tmp_path,
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'quickcal.db'}",
        secret_key=Fernet.generate_key().decode(),
        public_url=f"http://127.0.0.1:{port}",
    )
    served = Installed(settings, installable, port=port).start()
    yield served
    served.stop()
    served.http.close()


def install_page(app: Installed) -> tuple[str, str]:
    """GET /slack/install: (the Add to Slack URL, the state cookie Bolt set)."""
    page = app.http.get(f"{app.url}/slack/install")
    assert page.status_code == 200
    found = re.search(r'<a href="([^"]+)"', page.text)
    assert found is not None, page.text
    cookie = page.headers["set-cookie"].split(";")[0]
    return found.group(1).replace("&amp;", "&"), cookie


def redirect(app: Installed, *, code: str, state: str, cookie: str | None) -> httpx.Response:
    # Bolt marks the state cookie Secure; browsers still send it to http://localhost.
    headers = {"Cookie": cookie} if cookie else {}
    return app.http.get(
        f"{app.url}/slack/oauth_redirect", params={"code": code, "state": state}, headers=headers
    )


def find_bot(app: Installed) -> Any:
    store = app.services.storage.installation_store
    return app.run(store.async_find_bot(enterprise_id=None, team_id=TEAM_ID))


def test_install_stores_the_workspace_and_serves_it(
    app: Installed, installable: InstallableSlack
) -> None:
    url, cookie = install_page(app)
    assert url.startswith("https://slack.com/oauth/v2/authorize?")
    asked = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    assert asked["client_id"] == CLIENT_ID
    assert set(asked["scope"].split(",")) == set(BOT_SCOPES)
    assert asked["redirect_uri"] == f"{app.url}/slack/oauth_redirect"
    done = redirect(app, code=installable.grant(), state=asked["state"], cookie=cookie)
    assert done.status_code == 200, done.text
    assert installable.exchanges == 1
    bot = find_bot(app)
    assert bot is not None
    assert bot.bot_token == installable.token
    # The new workspace is served with its own bot token.
    app.event({"type": "app_home_opened", "user": ALICE, "channel": "D1", "tab": "home"})
    published = installable.wait_for("views.publish")
    assert published.token == installable.token


def test_install_state_is_single_use_and_bound_to_the_browser(
    app: Installed, installable: InstallableSlack
) -> None:
    url, cookie = install_page(app)
    state = parse_qs(urlsplit(url).query)["state"][0]
    assert redirect(app, code=installable.grant(), state=state, cookie=None).status_code == 400
    assert redirect(app, code=installable.grant(), state="forged", cookie=cookie).status_code >= 400
    assert redirect(app, code=installable.grant(), state=state, cookie=cookie).status_code == 200
    again = redirect(app, code=installable.grant(), state=state, cookie=cookie)
    assert again.status_code >= 400
    assert installable.exchanges == 1


def test_uninstall_forgets_the_workspace(app: Installed, installable: InstallableSlack) -> None:
    url, cookie = install_page(app)
    state = parse_qs(urlsplit(url).query)["state"][0]
    assert redirect(app, code=installable.grant(), state=state, cookie=cookie).status_code == 200
    assert find_bot(app) is not None
    app.event({"type": "app_uninstalled"})
    deadline = time.monotonic() + 10
    while find_bot(app) is not None:
        assert time.monotonic() < deadline, "the installation was not deleted"
        time.sleep(0.05)


def test_one_workspace_mode_has_no_install_routes(quickcal: Quickcal) -> None:
    assert quickcal.http.get(f"{quickcal.url}/slack/install").status_code == 404
    assert quickcal.http.get(f"{quickcal.url}/slack/oauth_redirect").status_code == 404


def test_the_install_asks_for_exactly_the_manifests_scopes() -> None:
    manifest = yaml.safe_load((Path(__file__).parents[2] / "app-manifest.yaml").read_text())
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == set(BOT_SCOPES)
