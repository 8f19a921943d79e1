"""Secrets at rest: a ring of Fernet keys that encrypts with the newest and reads with any.

    CryptoError                 anything wrong with keys or ciphertext
    ├── TamperedSecret          a ciphertext no key of the ring opens (edited, truncated, foreign)
    └── BadKey                  a key that is malformed, or a key file that is not ours

Keys come from `QUICKCAL_SECRET_KEY` (comma-separated Fernet keys, newest first). Without it,
for local use, one key is generated ONCE into `<data dir>/secret.key` (mode 0600) and a
WARNING says so; production sets the variable. Rotation: put a new key first, run
`python -m bot.rotate`, then drop the old key.
"""

from __future__ import annotations

import logging
import os
import secrets
import stat
from collections.abc import Sequence
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

log = logging.getLogger(__name__)

KEY_ENV = "QUICKCAL_SECRET_KEY"
KEY_FILE_NAME = "secret.key"
# Group or world may read or write: a secret key must be the owner's alone.
_SHARED_BITS = stat.S_IRWXG | stat.S_IRWXO


class CryptoError(Exception):
    """Base of every key or ciphertext failure."""


class TamperedSecret(CryptoError):
    """The ciphertext was altered, or was made with a key the ring does not hold."""


class BadKey(CryptoError):
    """A key is malformed, or the key file is unsafe."""


class KeyRing:
    """Fernet keys, newest first: `encrypt` uses the newest, `decrypt` accepts any."""

    def __init__(self, keys: Sequence[str | bytes]) -> None:
        if not keys:
            raise BadKey("a key ring needs at least one key")
        try:
            self._fernets = [Fernet(key) for key in keys]
        except (ValueError, TypeError) as exc:
            # The message never echoes the key itself.
            raise BadKey("a secret key is not a Fernet key (32 url-safe base64 bytes)") from exc
        self._multi = MultiFernet(self._fernets)

    @staticmethod
    def generate_key() -> str:
        """A fresh random Fernet key, as text."""
        return Fernet.generate_key().decode("ascii")

    @classmethod
    def from_text(cls, text: str) -> KeyRing:
        """Build from comma-separated keys, newest first (the `QUICKCAL_SECRET_KEY` format)."""
        return cls([part.strip() for part in text.split(",") if part.strip()])

    @property
    def size(self) -> int:
        """How many keys the ring holds."""
        return len(self._fernets)

    def encrypt(self, plain: str) -> str:
        """Encrypt text under the newest key; the result is ASCII text (a Fernet token)."""
        return self._multi.encrypt(plain.encode("utf-8")).decode("ascii")

    def decrypt(self, ciphertext: str) -> str:
        """Decrypt with whichever key fits; `TamperedSecret` when none does."""
        try:
            return self._multi.decrypt(ciphertext.encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeError, ValueError) as exc:
            raise TamperedSecret("a stored secret could not be decrypted") from exc

    def is_current(self, ciphertext: str) -> bool:
        """True when the newest key opens it (rotation has nothing to do)."""
        try:
            self._fernets[0].decrypt(ciphertext.encode("ascii"))
        except (InvalidToken, UnicodeError, ValueError):
            return False
        return True

    def rotate(self, ciphertext: str) -> str:
        """Re-encrypt under the newest key; `TamperedSecret` when no key opens it."""
        try:
            return self._multi.rotate(ciphertext.encode("ascii")).decode("ascii")
        except (InvalidToken, UnicodeError, ValueError) as exc:
            raise TamperedSecret("a stored secret could not be decrypted") from exc


def load_keyring(secret_key: str | None, *, data_dir: Path) -> KeyRing:
    """The ring from `secret_key` (the env value) or, when empty, the data folder's key file."""
    if secret_key and secret_key.strip():
        return KeyRing.from_text(secret_key)
    return KeyRing([_local_key(data_dir / KEY_FILE_NAME)])


def keyring_from_env(*, data_dir: Path | None = None) -> KeyRing:
    """The ring from `QUICKCAL_SECRET_KEY`, else the key file in `QUICKCAL_DATA_DIR` (./data)."""
    folder = data_dir or Path(os.environ.get("QUICKCAL_DATA_DIR") or "data")
    return load_keyring(os.environ.get(KEY_ENV), data_dir=folder)


def _local_key(path: Path) -> str:
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & _SHARED_BITS:
            # Fixing is safe only because we own the file; a foreign owner is refused.
            if path.stat().st_uid != os.getuid():
                raise BadKey(f"{path} is readable by others and not ours to fix")
            path.chmod(0o600)
            log.warning("%s was readable by others; its mode is now 0600", path)
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = KeyRing.generate_key()
    # Written whole under a private name, then linked into place: a second process starting
    # at the same moment either wins the link or reads the complete winner, never half a key.
    draft = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    try:
        os.link(draft, path)
    except FileExistsError:
        return _local_key(path)
    finally:
        draft.unlink()
    log.warning(
        "%s is not set: generated a local secret key in %s (mode 0600). "
        "Set %s in production and keep it safe.",
        KEY_ENV,
        path,
        KEY_ENV,
    )
    return key
