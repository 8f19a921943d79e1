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
            "then press Retry; your draft is kept."
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
        return f"{label} is busy right now. Your draft is kept: press Retry in {seconds} s."
    if isinstance(error, Rejected):
        said = user_text(error.message, 500).rstrip(" .")
        return f"{label} refused the event: {said}. Your draft is kept."
    if isinstance(error, Unavailable):
        return f"{label} didn't answer. Your draft is kept: press Retry in a moment."
    return f"{label} failed. Your draft is kept: press Retry in a moment."


def _storage(error: StorageError) -> str:
    if isinstance(error, DraftNotFound | DraftExpired):
        return "This draft has expired (drafts last a day). Send your message again to start over."
    if isinstance(error, DraftBusy):
        return "Already on it: this event is being added."
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
            "Press Edit and choose another calendar; your draft is kept."
        )
    if isinstance(error, SlackFailed):
        return f"Slack refused that ({user_text(error.code, 100)}). Please try again."
    return FALLBACK
