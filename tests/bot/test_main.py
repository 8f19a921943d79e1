"""`python -m bot` picks its mode from the settings: playground, HTTP, or Socket Mode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import bot.__main__ as entry

MODES = [
    ({}, "playground"),
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, "http"),
    (
        {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_APP_TOKEN": "xapp-1"},
        "socket",
    ),
    # Socket Mode signs nothing: the bot token and the app token are the whole setup.
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}, "socket"),
    ({"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "c", "SLACK_SIGNING_SECRET": "s"}, "http"),
]


@pytest.mark.parametrize(("env", "mode"), MODES)
def test_mode(
    env: dict[str, str], mode: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no developer .env
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_CLIENT_ID"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    ran: list[str] = []
    secrets: list[str] = []

    async def playground(_: Any) -> None:
        ran.append("playground")

    async def socket(_: Any) -> None:
        ran.append("socket")

    monkeypatch.setattr(entry, "run_playground", playground)
    monkeypatch.setattr(entry, "run_socket", socket)
    monkeypatch.setattr(entry, "run_http", lambda _: ran.append("http"))
    monkeypatch.setattr(entry, "install_redaction", secrets.extend)
    entry.main()
    assert ran == [mode]
    assert sorted(secrets) == sorted(
        v for v in env.values() if v not in {"1.2"}
    )  # ids aren't secret
