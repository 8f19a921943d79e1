"""The storage error tree; raised, never returned.

    StorageError                  any refusal by the database layer
    ├── DraftNotFound             no such draft (never made, expired and purged, or wiped)
    ├── DraftNotYours             the draft belongs to another person
    ├── DraftStateError           the move is not allowed from the draft's state (`state`)
    │   ├── DraftBusy             another click or instance is creating it right now
    │   │   └── ClaimTakenOver    this create's claim was taken over (its lease ran out)
    │   ├── DraftAlreadyCreated   the event exists already
    │   ├── DraftCancelled        the person cancelled it
    │   └── DraftExpired          older than a day
    ├── EventNotFound             no created event recorded for that draft
    ├── AlreadyUndone             Undo already ran for that event
    └── OAuthStateError           an OAuth `state` that is unknown, used, or for another provider
        └── OAuthStateExpired     the state was real but is too old

Tampered ciphertext is not an error here: a link whose token no key opens reads as "not
linked" (`None`, or `providers.errors.NotLinked` from the token store). The bot turns these
into words for people in one place.
"""

from __future__ import annotations


class StorageError(Exception):
    """Base of every storage refusal."""


class DraftNotFound(StorageError):
    """No draft with that id."""


class DraftNotYours(StorageError):
    """Only the person who made the draft may act on it."""


class DraftStateError(StorageError):
    """The draft's state does not allow this move; `state` is what it is now."""

    def __init__(self, message: str, *, state: str) -> None:
        super().__init__(message)
        self.state = state


class DraftBusy(DraftStateError):
    """Another request is creating this draft's event right now."""


class ClaimTakenOver(DraftBusy):
    """This create outlived its lease and another taker owns the draft now: it settles and
    tells the person, so this one records and says nothing."""


class DraftAlreadyCreated(DraftStateError):
    """The event was created already."""


class DraftCancelled(DraftStateError):
    """The draft was cancelled."""


class DraftExpired(DraftStateError):
    """The draft is older than its lifetime (a day)."""


class EventNotFound(StorageError):
    """No created event is recorded for the draft."""


class AlreadyUndone(StorageError):
    """The event was undone already."""


class OAuthStateError(StorageError):
    """The OAuth `state` is unknown, used already, or belongs to another provider."""


class OAuthStateExpired(OAuthStateError):
    """The OAuth `state` is older than its lifetime."""
