"""Log redaction: no token, secret, response_url or request body leaves a log record.

`install_redaction(secrets)` runs once at startup. It scrubs every record, whichever
library made it and whichever handler prints it: as a `logging.Filter` on the handlers
that exist, and through the record factory for handlers added later (uvicorn's, pytest's).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel, SecretStr

REDACTED = "[redacted]"
WITHHELD = "[body withheld]"

# Keys whose values are credentials, one-time codes or Slack reply URLs.
_SECRET_KEYS = (
    "access_token",
    "refresh_token",
    "id_token",
    "bot_token",
    "user_token",
    "token",
    "client_secret",
    "signing_secret",
    "code",
    "code_verifier",
    "password",
    "response_url",
    "state",
    "ticket",  # a Connect link's sealed ticket
)
_KEYS = "|".join(_SECRET_KEYS)
# "state: creating" is a draft's state in prose; only `state=` and "state": "..." are OAuth's.
_PROSE_KEYS = "|".join(k for k in _SECRET_KEYS if k != "state")

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Slack tokens: bot/user/app/refresh (xoxe.xoxp-...), configuration and app-level.
    (re.compile(r"\bxox[abposre](?:\.xox[abposre])?-[A-Za-z0-9-]+"), REDACTED),
    (re.compile(r"\bxapp-[A-Za-z0-9-]+"), REDACTED),
    # Authorization headers, whatever the scheme (Basic carries the client secret).
    (re.compile(r"(?i)\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+"), rf"\1 {REDACTED}"),
    # JSON or Python-repr pairs: "access_token": "..." / 'code': '...'.
    (
        re.compile(rf"""(?i)(["']?\b(?:{_KEYS})["']?\s*[:=]\s*)(["'])(?:\\.|(?!\2).)*\2"""),
        rf"\1\2{REDACTED}\2",
    ),
    # Unquoted "key: value" as libraries write it ("with code: 4/0Ad...").
    (
        re.compile(rf"""(?i)(?<![\w-])((?:{_PROSE_KEYS}):\s+)(?!["'\[{{(])[^\s'",;)}}]+"""),
        rf"\1{REDACTED}",
    ),
    # Form and query text: code=...&state=...
    (re.compile(rf"(?i)(?<![\w-])((?:{_KEYS})=)[^&\s'\",;)]+"), rf"\1{REDACTED}"),
    # Slack reply URLs, plain or percent-encoded.
    (re.compile(r"(?i)https?(?::|%3A)(?:/|%2F){2}hooks\.slack\.com[^\s'\",)]*"), REDACTED),
)

# Libraries that print whole requests and responses at DEBUG/INFO (slack_sdk logs token
# responses; Bolt logs request bodies): from them, nothing after a body marker is kept.
# (uvicorn logs paths and tracebacks only; its access formatter needs its `args`.)
_LIBRARIES = (
    "slack_sdk",
    "slack_bolt",
    "httpx",
    "httpcore",
    "authlib",
    "aiohttp",
    "aiosqlite",  # logs every statement with its parameters at DEBUG
    "sqlalchemy",
    "psycopg",
)
_BODY_MARKER = re.compile(
    r"(?i)(\b(?:params|files|data|json|body|headers|payload)\b\s*[:=]|request body"
    r"|functools\.partial|[{\[(])"
)
# Reply URLs seen in requests, for hosts the pattern cannot know (GovSlack, test fakes).
_REMEMBERED = 512


class Redactor(logging.Filter):
    """Scrubs secrets out of a record in place; never drops a record."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        # Short values would blank out ordinary words; real secrets are long.
        values = {s for s in secrets if s and len(s) >= 8}
        values |= {quote(s, safe="") for s in values}
        self._secrets = sorted(values, key=len, reverse=True)
        self._recent: dict[str, None] = {}  # insertion-ordered: a small LRU

    def remember(self, value: str) -> None:
        """Scrub `value` from now on too (a response_url); the oldest are forgotten."""
        if len(value) >= 8 and value not in self._recent:
            self._recent[value] = None
            if len(self._recent) > _REMEMBERED:
                del self._recent[next(iter(self._recent))]

    def scrub(self, text: str) -> str:
        for secret in (*self._secrets, *self._recent):
            text = text.replace(secret, REDACTED)
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return text

    def clean(self, record: logging.LogRecord, text: str) -> str:
        """`text` as `record` may print it: scrubbed, and bodies cut for libraries."""
        if _from_library(record):
            text = _without_body(text)
        return self.scrub(text)

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_quickcal_redacted", False):
            return True
        record._quickcal_redacted = True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep only the template
            message, record.args = str(record.msg), None
        clean = self.clean(record, message)
        if clean != message:
            # Formatters such as uvicorn's access log read `args`: keep them, scrubbed,
            # when that alone makes the message clean; else keep only the clean text.
            args = self._scrubbed_args(record)
            if args is not None:
                record.msg, record.args = self.scrub(str(record.msg)), args
            else:
                record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = self.scrub(record.stack_info)
        return True

    def _scrubbed_args(self, record: logging.LogRecord) -> Any:
        if not isinstance(record.args, tuple) or not record.args:
            return None
        args = tuple(self._scrubbed(arg) for arg in record.args)
        try:
            candidate = self.scrub(str(record.msg)) % args
        except (TypeError, ValueError, KeyError):
            return None
        return args if self.clean(record, candidate) == candidate else None

    def _scrubbed(self, arg: object) -> object:
        if arg is None or isinstance(arg, int | float):
            return arg
        text = str(arg)
        clean = self.scrub(text)
        return arg if clean == text else clean


def _from_library(record: logging.LogRecord) -> bool:
    # By logger name, or by source file: Bolt logs through the app's own logger.
    if record.name.split(".", maxsplit=1)[0] in _LIBRARIES:
        return True
    path = Path(record.pathname).parts
    return any(library in path for library in _LIBRARIES)


def _without_body(message: str) -> str:
    found = _BODY_MARKER.search(message)
    if found is None:
        return message
    return f"{message[: found.start()].rstrip(' ,-:')} {WITHHELD}".lstrip()


_installed: Redactor | None = None


def install_redaction(secrets: Iterable[str] = ()) -> Redactor:
    """Scrub every log record from now on; call again to add secrets (idempotent)."""
    global _installed  # noqa: PLW0603 - one process-wide logging configuration
    known = set(secrets) | (set(_installed_secrets()) if _installed else set())
    redactor = Redactor(known)
    for handler in _all_handlers():
        for old in [f for f in handler.filters if isinstance(f, Redactor)]:
            handler.removeFilter(old)
        handler.addFilter(redactor)
    if _installed is None:
        logging.setLogRecordFactory(_scrubbing_factory(logging.getLogRecordFactory()))
    _installed = redactor
    return redactor


def remember(value: str) -> None:
    """Scrub `value` from every later record (no-op before `install_redaction`)."""
    if _installed is not None:
        _installed.remember(value)


def secret_values(settings: BaseModel) -> list[str]:
    """Every `SecretStr` value in a settings model and the models inside it."""
    found: list[str] = []
    for value in settings.__dict__.values():
        if isinstance(value, SecretStr):
            found.append(value.get_secret_value())
        elif isinstance(value, BaseModel):
            found.extend(secret_values(value))
    return [value for value in found if value]


def _installed_secrets() -> list[str]:
    return list(_installed._secrets) if _installed else []


def _scrubbing_factory(
    make: Callable[..., logging.LogRecord],
) -> Callable[..., logging.LogRecord]:
    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make(*args, **kwargs)
        if _installed is not None:
            _installed.filter(record)
        return record

    return factory


def _all_handlers() -> list[logging.Handler]:
    loggers: list[logging.Logger] = [logging.getLogger()]
    loggers += [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    return [handler for logger in loggers for handler in logger.handlers]
