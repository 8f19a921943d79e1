"""The one place errors become the person's words: provider, storage and bot failures."""

from __future__ import annotations

from bot.blocks.text import user_text
from bot.errors import (
    BotError,
    CalendarMissing,
    CreateUnsettled,
    InvalidEdit,
    NotYourDraft,
    SlackFailed,
)
from bot.storage import (
    AlreadyUndone,
    DraftAlreadyCreated,
    DraftBusy,
    DraftCancelled,
    DraftExpired,
    DraftNotFound,
    DraftNotYours,
    EventNotFound,
    StorageError,
)
from providers.errors import (
    AuthExpired,
    NotLinked,
    ProviderError,
    RateLimited,
    Rejected,
    Unavailable,
    Unsupported,
)

FALLBACK = "Something went wrong on my side. Nothing was lost: please try again in a moment."
# Every failure that leaves the draft for Retry says so in these words.
SAVED = "Your draft is saved"
# Slack's codes for a trigger_id past its 3 s life or already used: the modal can open from a
# new click (a new trigger), so the answer offers one.
TRIGGER_GONE = frozenset({"expired_trigger_id", "exchanged_trigger_id"})
# The button that offer carries (bot.blocks.result.edit_again_blocks).
EDIT_AGAIN = "Open the editor"


def explain(error: BaseException, *, label: str = "your calendar") -> str:
    """One plain sentence (mrkdwn-safe) for `error`; `label` names the calendar involved."""
    if isinstance(error, ProviderError):
        return _provider(error, label=user_text(label, 100))
    if isinstance(error, StorageError):
        return _storage(error)
    if isinstance(error, BotError):
        return _bot(error)
    return FALLBACK


def _provider(error: ProviderError, *, label: str) -> str:
    if isinstance(error, AuthExpired):
        return (
            f"{label} no longer accepts Quickcal's access. Reconnect it on my Home tab, "
            f"then press Retry. {SAVED}."
        )
    if isinstance(error, NotLinked):
        return f"{label} is not connected. Connect it on my Home tab, then press Retry."
    if isinstance(error, Unsupported):
        fields = ", ".join(error.fields) or "part of this event"
        return (
            f"{label} can't store {user_text(fields, 200)}: "
            f"{user_text(error.message, 300).rstrip(' .')}. "
            "Edit the draft or choose another calendar."
        )
    if isinstance(error, RateLimited):
        seconds = max(1, round(error.retry_after))
        return f"{label} is busy right now. {SAVED}: press Retry in {seconds} s."
    if isinstance(error, Rejected):
        said = user_text(error.message, 500).rstrip(" .")
        return f"{label} refused the event: {said}. {SAVED}."
    if isinstance(error, Unavailable):
        return f"{label} didn't answer. {SAVED}: press Retry {_later(error.retry_after)}."
    return f"{label} failed. {SAVED}: press Retry in a moment."


def _later(seconds: float | None) -> str:
    """ "in 30 s" when the calendar (or Quickcal's pause after an outage) said how long."""
    if seconds is None or seconds < 1:
        return "in a moment"
    return f"in {round(seconds)} s"


def _storage(error: StorageError) -> str:
    if isinstance(error, DraftNotFound | DraftExpired):
        return "This draft has expired (drafts last a day). Send your message again to start over."
    if isinstance(error, DraftBusy):
        return "Already on it: this event is being added, and its card will change when it is done."
    if isinstance(error, DraftAlreadyCreated):
        return "This event was already added."
    if isinstance(error, DraftCancelled):
        return "This draft was discarded. Send your message again to start over."
    if isinstance(error, DraftNotYours):
        return "This draft belongs to someone else."
    if isinstance(error, EventNotFound):
        return "I can't find that event any more."
    if isinstance(error, AlreadyUndone):
        return "That event was already removed."
    return FALLBACK


def _bot(error: BotError) -> str:
    if isinstance(error, NotYourDraft):
        return f"This draft belongs to <@{error.owner}>; only they can change it."
    if isinstance(error, InvalidEdit):
        return "Some fields need a fix: " + user_text("; ".join(error.fields.values()), 500)
    if isinstance(error, CreateUnsettled):
        label = user_text(error.label, 100)
        return (
            f"Quickcal could not confirm whether {label} created this event: "
            "press Retry first (it will not add it twice), then change or remove it."
        )
    if isinstance(error, CalendarMissing):
        return (
            "That calendar isn't available on this Quickcal. "
            f"Press Edit and choose another calendar. {SAVED}."
        )
    if isinstance(error, SlackFailed) and error.code in TRIGGER_GONE:
        return f"Slack took too long to open the editor. {SAVED}: press {EDIT_AGAIN} to try again."
    if isinstance(error, SlackFailed):
        return f"Slack refused that ({user_text(error.code, 100)}). Please try again."
    return FALLBACK
