"""Every error the person can meet, in one plain sentence, never raw."""

from __future__ import annotations

import pytest

from bot.errors import CalendarMissing, InvalidEdit, NotYourDraft, SlackFailed
from bot.storage import (
    AlreadyUndone,
    DraftAlreadyCreated,
    DraftBusy,
    DraftCancelled,
    DraftExpired,
    DraftNotFound,
)
from bot.wording import FALLBACK, explain
from providers.errors import (
    AuthExpired,
    NotLinked,
    ProviderError,
    RateLimited,
    Rejected,
    Unavailable,
    Unsupported,
)

CASES: list[tuple[BaseException, str]] = [
    (AuthExpired("invalid_grant"), "Outlook no longer accepts Quickcal's access. Reconnect it"),
    (NotLinked("no token"), "Outlook is not connected."),
    (
        Unsupported("no reminders", fields=("reminder",)),
        "Outlook can't store reminder: no reminders. Edit the draft",
    ),
    (RateLimited("slow down", retry_after=2.4), "Outlook is busy right now. Your draft is saved"),
    (Rejected("Bad <thing>.", status=400), "Outlook refused the event: Bad &lt;thing&gt;. Your"),
    (Unavailable("503"), "Outlook didn't answer. Your draft is saved: press Retry in a moment."),
    (
        Unavailable("down", retry_after=29.6),
        "Outlook didn't answer. Your draft is saved: press Retry in 30 s.",
    ),
    (DraftNotFound("x"), "This draft has expired"),
    (DraftExpired("x", state="pending"), "This draft has expired"),
    (DraftBusy("x", state="creating"), "Already on it"),
    (DraftAlreadyCreated("x", state="created"), "This event was already added."),
    (DraftCancelled("x", state="cancelled"), "This draft was discarded."),
    (AlreadyUndone("x"), "That event was already removed."),
    (NotYourDraft("U0ALICE"), "This draft belongs to <@U0ALICE>"),
    (InvalidEdit({"title": "Give the event a title."}), "Some fields need a fix"),
    (SlackFailed("ratelimited"), "Slack refused that (ratelimited)."),
    (
        SlackFailed("expired_trigger_id"),
        "Slack took too long to open the editor. Your draft is saved: press Open the editor",
    ),
    (RuntimeError("secret stack detail"), FALLBACK),
]


SAVED_CASES: list[BaseException] = [
    AuthExpired("invalid_grant"),
    RateLimited("slow down"),
    Rejected("Bad thing", status=400),
    Unavailable("503"),
    ProviderError("odd"),
    CalendarMissing("exchange"),
]


@pytest.mark.parametrize("error", SAVED_CASES)
def test_every_failure_that_keeps_the_draft_says_it_is_saved(error: BaseException) -> None:
    assert "Your draft is saved" in explain(error, label="Outlook")
    assert "kept" not in explain(error, label="Outlook")


@pytest.mark.parametrize(("error", "words"), CASES)
def test_explain(error: BaseException, words: str) -> None:
    said = explain(error, label="Outlook")
    assert said.startswith(words)
    assert "secret stack detail" not in said
