"""The key ring: Fernet under the newest key, any key reads, tampering is typed, key files safe."""

from __future__ import annotations

import logging
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.crypto import (
    KEY_FILE_NAME,
    BadKey,
    KeyRing,
    TamperedSecret,
    keyring_from_env,
    load_keyring,
)

SECRET = "xoxb-1234-PLAINTEXT"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_encrypting_hides_the_text_and_reads_back() -> None:
    ring = KeyRing([KeyRing.generate_key()])
    first, second = ring.encrypt(SECRET), ring.encrypt(SECRET)
    assert SECRET not in first
    assert first != second  # random IV: equal secrets do not look equal at rest
    assert ring.decrypt(first) == ring.decrypt(second) == SECRET


def test_any_key_of_the_ring_reads_and_the_newest_writes() -> None:
    old, new = KeyRing.generate_key(), KeyRing.generate_key()
    under_old = KeyRing([old]).encrypt(SECRET)
    ring = KeyRing.from_text(f" {new} , {old} ")
    assert ring.size == 2
    assert ring.decrypt(under_old) == SECRET
    assert not ring.is_current(under_old)
    rotated = ring.rotate(under_old)
    assert ring.is_current(rotated)
    assert KeyRing([new]).decrypt(rotated) == SECRET
    assert KeyRing([new]).decrypt(ring.encrypt(SECRET)) == SECRET


@pytest.mark.parametrize(
    "damage",
    [
        lambda c: c[:-4] + ("AAAA" if not c.endswith("AAAA") else "BBBB"),
        lambda c: c[: len(c) // 2],
        lambda c: "not a token",
        lambda c: "ünïcode",
        lambda c: "",
    ],
)
def test_a_damaged_ciphertext_is_tampered(damage: object) -> None:
    ring = KeyRing([KeyRing.generate_key()])
    ciphertext = ring.encrypt(SECRET)
    assert callable(damage)
    with pytest.raises(TamperedSecret):
        ring.decrypt(damage(ciphertext))
    with pytest.raises(TamperedSecret):
        ring.rotate(damage(ciphertext))


@pytest.mark.parametrize("text", ["", " , ", "short", "x" * 44])
def test_a_bad_key_is_refused_without_echoing_it(text: str) -> None:
    with pytest.raises(BadKey) as caught:
        KeyRing.from_text(text)
    if text.strip(" ,"):
        assert text not in str(caught.value)


def test_a_given_key_is_used_and_no_file_written(tmp_path: Path) -> None:
    key = KeyRing.generate_key()
    ring = load_keyring(key, data_dir=tmp_path)
    assert KeyRing([key]).decrypt(ring.encrypt(SECRET)) == SECRET
    assert not (tmp_path / KEY_FILE_NAME).exists()


def test_without_a_key_one_is_generated_once_owner_only(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "fresh" / "data"
    with caplog.at_level(logging.WARNING, logger="bot.crypto"):
        first = load_keyring(None, data_dir=folder)
    path = folder / KEY_FILE_NAME
    assert mode(path) == 0o600
    assert any("generated a local secret key" in r.getMessage() for r in caplog.records)
    written = path.read_text()
    assert written.strip() not in caplog.text  # the warning names the file, not the key
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="bot.crypto"):
        second = load_keyring("  ", data_dir=folder)
    assert not caplog.records
    assert path.read_text() == written
    assert second.decrypt(first.encrypt(SECRET)) == SECRET
    assert [p.name for p in folder.iterdir()] == [KEY_FILE_NAME]  # no leftover temp file


def test_a_key_file_readable_by_others_is_fixed_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    load_keyring(None, data_dir=tmp_path)
    path = tmp_path / KEY_FILE_NAME
    path.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="bot.crypto"):
        load_keyring(None, data_dir=tmp_path)
    assert mode(path) == 0o600
    assert "readable by others" in caplog.text


def test_two_processes_starting_together_agree_on_one_key(tmp_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        rings = list(pool.map(lambda _: load_keyring(None, data_dir=tmp_path), range(4)))
    ciphertext = rings[0].encrypt(SECRET)
    assert all(ring.decrypt(ciphertext) == SECRET for ring in rings)


def test_the_environment_provides_the_ring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = KeyRing.generate_key()
    monkeypatch.setenv("QUICKCAL_SECRET_KEY", key)
    assert KeyRing([key]).decrypt(keyring_from_env(data_dir=tmp_path).encrypt("x")) == "x"
    monkeypatch.delenv("QUICKCAL_SECRET_KEY")
    monkeypatch.setenv("QUICKCAL_DATA_DIR", str(tmp_path / "d"))
    keyring_from_env()
    assert (tmp_path / "d" / KEY_FILE_NAME).exists()


@given(st.text())
def test_any_text_round_trips(plain: str) -> None:
    assert RING.decrypt(RING.encrypt(plain)) == plain


RING = KeyRing([KeyRing.generate_key()])
