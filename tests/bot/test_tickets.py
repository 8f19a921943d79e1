"""Sealed tickets: the round trip, and every way a ticket is refused."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.crypto import KeyRing
from bot.tickets import ConnectTicket, FeedTicket, TicketRefused, seal, unseal

NOW = datetime(2026, 11, 18, 14, 0, tzinfo=UTC)
FEED = FeedTicket(kind="feed", team_id="T0TEAM", user_id="U0ALICE")
CONNECT = ConnectTicket(
    team_id="T0TEAM",
    user_id="U0ALICE",
    provider="google",
    expires=int((NOW + timedelta(hours=1)).timestamp()),
)


@pytest.fixture
def keys() -> KeyRing:
    return KeyRing([KeyRing.generate_key()])


def test_each_kind_round_trips(keys: KeyRing) -> None:
    assert unseal(keys, seal(keys, FEED), FeedTicket, now=NOW) == FEED
    assert unseal(keys, seal(keys, CONNECT), ConnectTicket, now=NOW) == CONNECT


def test_a_sealed_ticket_is_url_safe_and_says_nothing_readable(keys: KeyRing) -> None:
    sealed = seal(keys, FEED)
    assert all(c.isalnum() or c in "-_=" for c in sealed)
    raw = base64.urlsafe_b64decode(sealed)
    assert b"U0ALICE" not in raw  # encrypted, not merely signed
    assert b"T0TEAM" not in raw
    assert seal(keys, FEED) != sealed  # fresh IV each time: two links never compare equal


@pytest.mark.parametrize("position", [0, 20, 60, -3])
def test_any_changed_character_is_refused(keys: KeyRing, position: int) -> None:
    sealed = seal(keys, FEED)
    changed = "A" if sealed[position] != "A" else "B"
    index = position % len(sealed)
    tampered = sealed[:index] + changed + sealed[index + 1 :]
    with pytest.raises(TicketRefused):
        unseal(keys, tampered, FeedTicket, now=NOW)


@pytest.mark.parametrize("text", ["", "quickcal", "gAAAAA", "../../etc/passwd", "é"])
def test_garbage_is_refused(keys: KeyRing, text: str) -> None:
    with pytest.raises(TicketRefused):
        unseal(keys, text, FeedTicket, now=NOW)


def test_one_kind_never_opens_as_another(keys: KeyRing) -> None:
    with pytest.raises(TicketRefused):
        unseal(keys, seal(keys, CONNECT), FeedTicket, now=NOW)
    with pytest.raises(TicketRefused):
        unseal(keys, seal(keys, FEED), ConnectTicket, now=NOW)


def test_any_sealed_text_that_is_no_ticket_is_refused(keys: KeyRing) -> None:
    # Sealed with the right key, yet not a ticket: the key ring seals other secrets too.
    for plain in ("a stored token", json.dumps({"k": "feed", "t": "T0TEAM"}), "[]"):
        with pytest.raises(TicketRefused):
            unseal(keys, keys.encrypt(plain), FeedTicket, now=NOW)


def test_a_connect_ticket_expires_and_a_feed_does_not(keys: KeyRing) -> None:
    later = NOW + timedelta(hours=2)
    with pytest.raises(TicketRefused, match="expired"):
        unseal(keys, seal(keys, CONNECT), ConnectTicket, now=later)
    years = NOW + timedelta(days=3 * 365)
    assert unseal(keys, seal(keys, FEED), FeedTicket, now=years) == FEED


def test_connect_tickets_sealed_before_kinds_existed_still_open(keys: KeyRing) -> None:
    legacy = keys.encrypt(json.dumps({"t": "T0TEAM", "u": "U0ALICE", "p": "google", "e": 2e9}))
    assert unseal(keys, legacy, ConnectTicket, now=NOW).provider == "google"
    with pytest.raises(TicketRefused):
        unseal(keys, legacy, FeedTicket, now=NOW)


def test_rotation_keeps_tickets_until_the_old_key_is_dropped() -> None:
    old_key, new_key = KeyRing.generate_key(), KeyRing.generate_key()
    sealed = seal(KeyRing([old_key]), FEED)
    assert unseal(KeyRing([new_key, old_key]), sealed, FeedTicket, now=NOW) == FEED
    with pytest.raises(TicketRefused):
        unseal(KeyRing([new_key]), sealed, FeedTicket, now=NOW)
