"""Settings come from the environment with documented names and safe defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SLACK_API_URL, Settings

ENV_NAMES = {
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_API_URL",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "QUICKCAL_PORT",
    "QUICKCAL_PUBLIC_URL",
    "DATABASE_URL",
    "QUICKCAL_DATA_DIR",
    "QUICKCAL_SECRET_KEY",
    "QUICKCAL_DEFAULT_EVENT_MINUTES",
    "QUICKCAL_RECONCILE_AFTER_SECONDS",
    "QUICKCAL_RECONCILE_EVERY_SECONDS",
}
ROOT = Path(__file__).resolve().parents[2]


def test_defaults_need_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=None)
    assert settings.slack_api_url == SLACK_API_URL
    assert settings.port == 3000
    assert settings.default_event_minutes == 60
    assert settings.database_url is None  # storage puts SQLite in the data folder
    assert settings.has_slack is False  # so `python -m bot` opens the playground
    assert settings.socket_mode is False


def test_environment_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s3")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api/")
    monkeypatch.setenv("QUICKCAL_PORT", "8080")
    monkeypatch.setenv("QUICKCAL_DEFAULT_EVENT_MINUTES", "30")
    monkeypatch.setenv("GOOGLE_API_URL", "http://127.0.0.1:9/calendar/v3")
    settings = Settings(_env_file=None)
    assert settings.secret(settings.slack_bot_token) == "xoxb-1"
    assert "xoxb-1" not in repr(settings)  # secrets never print
    assert settings.has_slack
    assert settings.socket_mode
    assert (settings.port, settings.default_event_minutes) == (8080, 30)
    assert settings.providers.google_api_url == "http://127.0.0.1:9/calendar/v3"


def test_every_setting_is_documented() -> None:
    example = (ROOT / ".env.example").read_text("utf-8")
    readme = (ROOT / "README.md").read_text("utf-8")
    for name in ENV_NAMES:
        assert f"{name}=" in example, name
        assert f"`{name}`" in readme, name


def test_bad_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUICKCAL_DEFAULT_EVENT_MINUTES", "0")
    with pytest.raises(ValueError, match="QUICKCAL_DEFAULT_EVENT_MINUTES"):
        Settings(_env_file=None)


def test_socket_mode_needs_no_signing_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    settings = Settings(_env_file=None)
    assert settings.socket_mode
    assert settings.has_slack  # a real workspace over the websocket, not the playground
    # Over HTTP a request must be signed: without the secret there is no workspace.
    monkeypatch.delenv("SLACK_APP_TOKEN")
    assert not Settings(_env_file=None).has_slack
    # An app token alone is not enough to talk to anyone.
    monkeypatch.delenv("SLACK_BOT_TOKEN")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1")
    assert not Settings(_env_file=None).has_slack
