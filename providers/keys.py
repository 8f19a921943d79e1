"""Idempotency keys: each provider's own event key, derived from the bot's key for a draft.

The same draft key always gives the same provider key, so a retried or repeated
create lands on the event the first attempt made.
"""

from __future__ import annotations

import base64
import hashlib
import uuid


def _digest(key: str) -> bytes:
    if not key:
        raise ValueError("an idempotency key must not be empty")
    return hashlib.sha256(key.encode("utf-8")).digest()


def google_event_id(key: str) -> str:
    """Google's client-chosen `id`: base32hex (a-v, 0-9), 52 characters."""
    return base64.b32hexencode(_digest(key)).decode("ascii").rstrip("=").lower()


def graph_transaction_id(key: str) -> str:
    """Graph's `transactionId`, shaped as a GUID like Microsoft's own examples."""
    return str(uuid.UUID(bytes=_digest(key)[:16])).upper()


def lineworks_event_id(key: str) -> str:
    """LINE WORKS' `eventId` (1..255 characters)."""
    return "quickcal-" + _digest(key).hex()[:40]


def local_event_id(key: str) -> str:
    """The local calendar's event id, also the iCalendar UID's left part."""
    return "qc" + _digest(key).hex()[:30]
