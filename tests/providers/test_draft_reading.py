"""How drafts are read for every provider: recurrence lines, keys, people, settings."""

from __future__ import annotations

import re
from datetime import date

import pytest

from nlp.draft import Attendee, EventDraft
from providers.errors import Unsupported
from providers.keys import google_event_id, graph_transaction_id, lineworks_event_id
from providers.lineworks_body import trigger
from providers.parts import description, emails, span
from providers.recurrence import recurrence_lines
from providers.settings import ProviderSettings
from tests.providers.drafts import ALL, PARIS, at, recurring

UNTIL_LINES = [
    # (rule as the parser may write it, all-day?, line sent to providers)
    ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T235959", False,
     "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T225959Z"),
    ("RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215", False,
     "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T225959Z"),
    ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T235959", False,  # summer time: UTC+2
     "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T215959Z"),
    ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T235959", True,
     "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215"),
    ("freq=daily;count=3", False, "RRULE:FREQ=DAILY;COUNT=3"),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "all_day", "line"), UNTIL_LINES)
def test_recurrence_lines_carry_a_provider_ready_until(rule: str, all_day: bool, line: str) -> None:
    assert recurrence_lines(recurring(rule, all_day=all_day)) == [line]


def test_an_unreadable_rule_is_unsupported_not_sent() -> None:
    draft = EventDraft(title="x", start=at(date(2026, 3, 3), 10), timezone=PARIS,
                       recurrence=("FREQ=SOMETIMES",))  # fmt: skip
    with pytest.raises(Unsupported):
        recurrence_lines(draft)


def test_keys_are_stable_and_in_each_providers_alphabet() -> None:
    assert google_event_id("k") == google_event_id("k") != google_event_id("k2")
    assert re.fullmatch(r"[a-v0-9]{5,1024}", google_event_id("draft-1"))
    assert re.fullmatch(r"[0-9A-F-]{36}", graph_transaction_id("draft-1"))
    assert 1 <= len(lineworks_event_id("draft-1")) <= 255
    with pytest.raises(ValueError, match="empty"):
        google_event_id("")


def test_people_without_an_email_stay_in_the_description() -> None:
    draft = ALL["attendees"]
    assert emails(draft) == ["adele@example.com", "bob@example.com"]
    assert description(draft) == "Bring the mockups\n\nWith: Megan, <@U0123ABCD>"


def test_an_address_written_as_a_name_is_still_invited_once() -> None:
    draft = EventDraft(attendees=(Attendee(kind="name", value="ann@example.com"),
                                  Attendee(kind="email", value="ANN@example.com")))  # fmt: skip
    assert emails(draft) == ["ann@example.com"]


def test_a_timed_draft_without_end_lasts_the_default_length() -> None:
    start, end = span(ALL["timed-no-end"])
    assert (end - start).total_seconds() == 3600  # type: ignore[operator]
    with pytest.raises(Unsupported):
        span(EventDraft(title="no date"))


@pytest.mark.parametrize(("minutes", "text"), [(0, "-PT0S"), (10, "-PT10M"), (120, "-PT2H"),
                                               (1440, "-P1D"), (90, "-PT90M")])  # fmt: skip
def test_lineworks_reminder_triggers(minutes: int, text: str) -> None:
    assert trigger(minutes) == text


def test_settings_default_to_the_real_services_and_read_the_env(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = ProviderSettings()
    assert settings.google_api_url == "https://www.googleapis.com/calendar/v3"
    assert settings.google_revoke_url == "https://oauth2.googleapis.com/revoke"
    assert settings.microsoft_token_url == (
        "https://login.microsoftonline.com/common/oauth2/v2.0/token"
    )
    assert settings.lineworks_api_url == "https://www.worksapis.com/v1.0"
    monkeypatch.setenv("MICROSOFT_TENANT", "contoso.onmicrosoft.com")
    monkeypatch.setenv("GRAPH_API_URL", "https://graph.microsoft.us/v1.0")
    monkeypatch.setenv("MICROSOFT_CLIENT_ID", "id")
    monkeypatch.setenv("MICROSOFT_CLIENT_SECRET", "s3cret")
    sovereign = ProviderSettings()
    assert sovereign.graph_api_url == "https://graph.microsoft.us/v1.0"
    assert "/contoso.onmicrosoft.com/oauth2/v2.0/authorize" in sovereign.microsoft_authorize_url
    assert sovereign.configured() == {"microsoft"}
    assert "s3cret" not in repr(sovereign)
