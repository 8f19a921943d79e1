"""Log redaction: a literal table of leaks, and whole records through real loggers."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from bot import redaction
from bot.redaction import REDACTED, WITHHELD, Redactor, install_redaction

SETTINGS_SECRET = "s3cr3t-signing-value-0123"

# (log text, the secret that must vanish, text that must stay)
LEAKS = [
    ("bot token xoxb-1234-5678-abcdEFGH", "xoxb-1234-5678-abcdEFGH", "bot token"),
    ("user xoxp-11-22-33-aa", "xoxp-11-22-33-aa", "user"),
    ("refresh xoxe.xoxp-1-Mi0yLTEy", "xoxe.xoxp-1-Mi0yLTEy", "refresh"),
    ("refresh xoxe-1-My0xLTU", "xoxe-1-My0xLTU", "refresh"),
    ("app token xapp-1-A012-345-abc", "xapp-1-A012-345-abc", "app token"),
    ("Authorization: Bearer ya29.a0AfH6SM-xyz", "ya29.a0AfH6SM-xyz", "Authorization"),
    ("authorization: basic cXVpY2tjYWw6c2VjcmV0", "cXVpY2tjYWw6c2VjcmV0", "authorization"),
    ('{"access_token": "at-9f8e7d", "expires_in": 3599}', "at-9f8e7d", '"expires_in": 3599'),
    ('{"refresh_token":"rt-abc\\"def"}', 'rt-abc\\"def', "refresh_token"),
    ("{'access_token': 'at-pyrepr', 'ok': True}", "at-pyrepr", "'ok': True"),
    ("grant_type=authorization_code&code=4/0Adeu5B&redirect_uri=x", "4/0Adeu5B", "redirect_uri=x"),
    ("client_id=cid&client_secret=shh-very&code_verifier=v3rif13r", "shh-very", "client_id=cid"),
    ("client_id=cid&client_secret=shh-very&code_verifier=v3rif13r", "v3rif13r", "client_id=cid"),
    ("GET /oauth/google/callback?code=c0de-1&state=st4te-1 302", "c0de-1", "/oauth/google"),
    ("GET /oauth/google/callback?code=c0de-1&state=st4te-1 302", "st4te-1", "302"),
    ('{"id_token": "eyJhbGciOi.x.y"}', "eyJhbGciOi.x.y", "id_token"),
    ("oauth.v2.access failed with code: 4/0AdQt8q - error", "4/0AdQt8q", "- error"),
    (
        "posting to https://hooks.slack.com/commands/T1/123/AbCdEf now",
        "hooks.slack.com/commands/T1/123/AbCdEf",
        "now",
    ),
    (
        "payload=%7B%22response_url%22%3A%22https%3A%2F%2Fhooks.slack.com%2Factions%2FT1%2F9%2Fz%22",
        "hooks.slack.com%2Factions",
        "payload=",
    ),
    ('{"response_url": "https://example.test/r/1"}', "example.test/r/1", "response_url"),
    (f"signing secret is {SETTINGS_SECRET}!", SETTINGS_SECRET, "signing secret is"),
    ("encoded s3cr3t-signing-value-0123 in a url", SETTINGS_SECRET, "in a url"),
]


@pytest.mark.parametrize(("text", "secret", "kept"), LEAKS)
def test_scrub_removes_the_secret_and_keeps_the_rest(text: str, secret: str, kept: str) -> None:
    scrubbed = Redactor([SETTINGS_SECRET]).scrub(text)
    assert secret not in scrubbed
    assert REDACTED in scrubbed
    assert kept in scrubbed


def test_plain_text_is_untouched() -> None:
    text = "created event evt-1 in Google Calendar for U123 at 2026-11-21T12:00"
    assert Redactor([SETTINGS_SECRET]).scrub(text) == text


def test_short_settings_values_do_not_blank_ordinary_words() -> None:
    assert Redactor(["abc", ""]).scrub("abc def") == "abc def"


@pytest.fixture
def fresh_logging() -> Iterator[list[logging.LogRecord]]:
    """Every record reaching the root logger, with redaction's global state restored after."""
    factory = logging.getLogRecordFactory()
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)
            self.format(record)

    root = logging.getLogger()
    handler = Keep(level=logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    yield records
    root.removeHandler(handler)
    root.setLevel(old_level)
    logging.setLogRecordFactory(factory)
    redaction._installed = None


def test_installed_redaction_scrubs_args_and_tracebacks(
    fresh_logging: list[logging.LogRecord],
) -> None:
    install_redaction([SETTINGS_SECRET])
    log = logging.getLogger("quickcal.test")
    log.debug("token %s for %s", "xoxb-999-888-secret", SETTINGS_SECRET)
    try:
        raise ValueError("refresh failed: {'refresh_token': 'rt-in-exception'}")
    except ValueError:
        log.exception("boom")
    text = "\n".join(logging.Formatter().format(r) for r in fresh_logging)
    assert "xoxb-999-888-secret" not in text
    assert SETTINGS_SECRET not in text
    assert "rt-in-exception" not in text
    assert "ValueError" in text  # the traceback itself is kept


def test_handlers_added_after_install_are_covered(
    fresh_logging: list[logging.LogRecord],
) -> None:
    install_redaction()
    late: list[str] = []

    class Late(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            late.append(self.format(record))

    logger = logging.getLogger("quickcal.test.late")
    logger.setLevel(logging.INFO)
    handler = Late()
    logger.addHandler(handler)
    try:
        logger.info('%s - "GET %s HTTP/1.1" 302', "127.0.0.1", "/oauth/x/callback?code=abc123")
    finally:
        logger.removeHandler(handler)
    assert late
    assert "abc123" not in late[0]


@pytest.mark.parametrize(
    ("logger_name", "message", "body"),
    [
        (
            "slack_sdk.web.async_base_client",
            "Sending a request - url: POST https://slack.com/api/chat.postMessage, "
            "params: {}, files: {}, data: {}, json: {'channel': 'D1', 'text': 'lunch with Adele'}",
            "lunch with Adele",
        ),
        (
            "slack_sdk.web.async_base_client",
            "Received the following response - status: 200, headers: {}, "
            "body: {'ok': True, 'message': {'text': 'lunch with Adele'}}",
            "lunch with Adele",
        ),
        ("slack_bolt.AsyncApp", "request body: {'text': 'lunch with Adele'}", "lunch with Adele"),
        ("slack_bolt.AsyncApp", "{'token': 'x', 'text': 'lunch with Adele'}", "lunch with Adele"),
    ],
)
def test_library_loggers_never_print_bodies(
    fresh_logging: list[logging.LogRecord], logger_name: str, message: str, body: str
) -> None:
    install_redaction()
    logging.getLogger(logger_name).debug(message)
    (record,) = [r for r in fresh_logging if r.name == logger_name]
    assert body not in record.getMessage()
    assert WITHHELD in record.getMessage()


def test_bolt_messages_through_the_apps_own_logger_are_withheld(
    fresh_logging: list[logging.LogRecord],
) -> None:
    import slack_bolt.app.async_app as bolt_source

    install_redaction()
    logger = logging.getLogger("bot.app")  # AsyncApp(logger=...) makes Bolt log through it
    record = logger.makeRecord(
        logger.name, logging.WARNING, bolt_source.__file__, 1,
        "Unhandled request (%s)", ({"type": "block_actions", "value": "lunch with Adele"},),
        None,
    )  # fmt: skip
    logger.handle(record)
    assert "lunch with Adele" not in fresh_logging[-1].getMessage()
    assert WITHHELD in fresh_logging[-1].getMessage()


def test_our_own_loggers_keep_their_words(fresh_logging: list[logging.LogRecord]) -> None:
    install_redaction()
    logging.getLogger("bot.linking").info("linked %s for %s", "google", "U1")
    assert fresh_logging[-1].getMessage() == "linked google for U1"


def test_install_twice_keeps_earlier_secrets(fresh_logging: list[logging.LogRecord]) -> None:
    install_redaction(["first-secret-value"])
    install_redaction(["second-secret-value"])
    logging.getLogger("x").warning("first-secret-value second-secret-value")
    assert fresh_logging[-1].getMessage() == f"{REDACTED} {REDACTED}"


def test_uvicorn_access_records_keep_their_args(fresh_logging: list[logging.LogRecord]) -> None:
    from uvicorn.logging import AccessFormatter

    install_redaction()
    kept: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            kept.append(record)

    access = logging.getLogger("uvicorn.access")
    saved_level, handler = access.level, Keep()
    access.setLevel(logging.INFO)  # a server started earlier may have set WARNING
    access.addHandler(handler)
    try:
        access.info(
            '%s - "%s %s HTTP/%s" %d', "127.0.0.1:5", "GET", "/oauth/g/callback?code=c0de99",
            "1.1", 200,
        )  # fmt: skip
    finally:
        access.removeHandler(handler)
        access.setLevel(saved_level)
    (record,) = kept
    line = AccessFormatter("%(client_addr)s %(request_line)s %(status_code)s").format(record)
    assert "c0de99" not in line
    assert "GET /oauth/g/callback?code=[redacted] HTTP/1.1" in line
    assert "200" in line


def test_a_secret_inside_a_dict_argument_is_scrubbed(
    fresh_logging: list[logging.LogRecord],
) -> None:
    install_redaction()
    logging.getLogger("bot.x").info("answer %s (%d)", {"access_token": "at-in-a-dict"}, 3)
    assert "at-in-a-dict" not in fresh_logging[-1].getMessage()
    assert fresh_logging[-1].getMessage().endswith("(3)")
