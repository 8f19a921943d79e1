"""The shared provider values: a token logged by mistake shows no secret, yet stores whole."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from providers.base import OAuthToken

ACCESS = "ya29.a0AfH6SMBx-access-secret"
REFRESH = "1//0gRefresh-secret-token"
TOKEN = OAuthToken(
    access_token=ACCESS,
    refresh_token=REFRESH,
    expires_at=datetime(2026, 3, 10, 12, tzinfo=UTC),
    scope="https://www.googleapis.com/auth/calendar.events",
)


@pytest.mark.parametrize("shown", [repr(TOKEN), str(TOKEN), f"{TOKEN}", f"{TOKEN!r}", f"{[TOKEN]}"])
def test_repr_and_str_of_a_token_show_no_secret(shown: str) -> None:
    assert ACCESS not in shown
    assert REFRESH not in shown
    assert "calendar.events" in shown  # the rest is still there to debug with


def test_a_token_in_a_log_line_shows_no_secret(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    logging.getLogger("quickcal.test").debug("token: %s / %r", TOKEN, TOKEN)
    [record] = caplog.records
    assert ACCESS not in record.getMessage()
    assert REFRESH not in record.getMessage()


def test_the_token_still_serialises_whole_for_storage() -> None:
    stored = TOKEN.model_dump_json()
    assert ACCESS in stored
    assert REFRESH in stored
    assert OAuthToken.model_validate_json(stored) == TOKEN
    assert TOKEN.access_token == ACCESS
