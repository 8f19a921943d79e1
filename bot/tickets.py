"""Tickets: who asked for what, sealed with the storage key ring into one URL-safe string.

A sealed ticket is encrypted and authenticated (Fernet, `bot.crypto.KeyRing`): nobody
without the key can read, forge or alter one, and dropping a key from the ring voids every
ticket it sealed. Each kind names itself, so a ticket of one kind never opens as another.

    TicketRefused       not a current ticket of the kind asked for: forged, tampered, sealed
                        with a key the ring no longer holds, another kind, or past its expiry
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.crypto import CryptoError, KeyRing


class TicketRefused(Exception):
    """The text is not a current ticket of the kind asked for."""


class Ticket(BaseModel):
    """Who (team, user) and until when (unix seconds; None: for as long as the key lives).

    One-letter keys keep the sealed text, and so the URL, short.
    """

    model_config = ConfigDict(frozen=True, populate_by_name=True)

    team_id: str = Field(alias="t", min_length=1)
    user_id: str = Field(alias="u", min_length=1)
    expires: int | None = Field(default=None, alias="e")


class ConnectTicket(Ticket):
    """A Connect button: link `provider` for this person; short-lived."""

    # Connect tickets sealed before kinds existed carry no `k`: they still open as Connect.
    kind: Literal["connect"] = Field(default="connect", alias="k")
    provider: str = Field(alias="p", min_length=1)


class FeedTicket(Ticket):
    """A calendar feed: read this person's local calendar; long-lived (a subscription URL)."""

    kind: Literal["feed"] = Field(alias="k")


T = TypeVar("T", bound=Ticket)


def seal(keys: KeyRing, ticket: Ticket) -> str:
    """The ticket encrypted and authenticated under the ring's newest key (URL-safe text)."""
    return keys.encrypt(ticket.model_dump_json(by_alias=True, exclude_none=True))


def unseal(keys: KeyRing, sealed: str, kind: type[T], *, now: datetime) -> T:
    """The ticket of `kind` inside `sealed`; `TicketRefused` unless valid and current at `now`."""
    try:
        ticket = kind.model_validate_json(keys.decrypt(sealed))
    except (CryptoError, ValidationError):
        raise TicketRefused(f"not a {kind.__name__}") from None
    if ticket.expires is not None and ticket.expires < now.timestamp():
        raise TicketRefused(f"the {kind.__name__} has expired")
    return ticket
