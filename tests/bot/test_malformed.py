"""Malformed and oversized requests to the running app: a 4xx or a quiet 200, never a 500,
never a listener that raises. Every body is signed as Slack signs, so the guard refuses only
what it should, and every case ends when the work it started has finished.

Why each answer. Slack shows the person an error for any non-200 to a click, submission or
shortcut, and sends an event again after a non-200:
- not one of Slack's shapes (`payload` not JSON, or JSON but not an object), or one of its
  kinds without what Slack always sends with it (a click with no action or user, a view with
  no callback_id or state, a command with no user or response_url): 400. Slack never sends
  these, so nobody is waiting on them; "malformed" is the honest answer (Bolt would 500).
- larger than anything Slack sends: 413, before the body is read in full (`MAX_BODY_BYTES`).
- a click, submission, shortcut or options request no listener knows (a card or modal from an
  older release): an empty 200. The person did nothing wrong and there is nothing to tell.
- Slack's shapes missing a part Quickcal can do without (no channel, container, response_url,
  channel_id, message): 200, and the work is done as far as it can be.
- an event_callback without its event: an empty 200; a non-200 would only bring it back.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pytest

from bot import ids
from bot.listeners import REGISTRARS, unknown
from bot.storage import StoredDraft
from tests.bot import slack_requests as shapes
from tests.bot.conftest import ALICE, CHANNEL, Quickcal
from tests.fakes.slack import TEAM_ID, FakeSlack, SlackCall

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
MiB = 1024 * 1024


class ErrorRecords(logging.Handler):
    """Every ERROR (or record with an exception) the app's loggers emit during a test."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.found: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.exc_info:
            self.found.append(record)

    def lines(self) -> list[str]:
        return [f"{r.name}: {r.getMessage()}" for r in self.found]


@pytest.fixture
def errors(quickcal: Quickcal) -> Iterator[ErrorRecords]:
    # uvicorn's own loggers do not propagate to the root: watched directly.
    watched = [logging.getLogger(), logging.getLogger("uvicorn")]
    handler = ErrorRecords()
    for logger in watched:
        logger.addHandler(handler)
    yield handler
    for logger in watched:
        logger.removeHandler(handler)


def settled(quickcal: Quickcal, before: set[asyncio.Task[Any]]) -> None:
    """Wait (bounded) until every task the app started since `before` has finished.

    Listeners run after the ack, as tasks on the app's loop: a crash there is logged
    after the HTTP answer, so the test waits for them before reading the logs.
    """

    async def idle() -> None:
        me = asyncio.current_task()
        for _ in range(400):  # 8 s at most
            started = [t for t in asyncio.all_tasks() if t not in before and t is not me]
            if not started:
                return
            await asyncio.sleep(0.02)
        raise AssertionError(f"still running: {started}")

    quickcal.run(idle())


async def _tasks() -> set[asyncio.Task[Any]]:
    return asyncio.all_tasks()


# -- bodies ----------------------------------------------------------------------------------
Body = tuple[bytes, str]


@dataclass
class World:
    """What a case may use: the app, the fake Slack, and (made on demand) a real draft card."""

    quickcal: Quickcal
    slack: FakeSlack
    _card: SlackCall | None = None

    @property
    def card(self) -> SlackCall:
        if self._card is None:
            key = self.quickcal.command("lunch with Adele friday noon")
            self._card = self.slack.wait_for("response_url", lambda c: c.args["key"] == key)
        return self._card

    @property
    def draft_id(self) -> str:
        return str(self.card.element(ids.DRAFT_CREATE)[1]["value"])

    def reply_to(self, key: str) -> str:
        return self.slack.response_url(key)


def form(payload: Any) -> Body:
    return urlencode({"payload": json.dumps(payload)}).encode(), FORM


def raw_form(text: str) -> Body:
    return urlencode({"payload": text}).encode(), FORM


def click(
    world: World, *, action_id: str, value: str, drop: tuple[str, ...] = (), **changes: Any
) -> Body:
    """A block_actions on the draft card, less the top-level keys in `drop`."""
    action = {"action_id": action_id, "type": "button", "value": value,
              "text": {"type": "plain_text", "text": "Create"}}  # fmt: skip
    payload = shapes.block_actions(
        user=ALICE, action=action, response_url=world.reply_to("click"), channel=CHANNEL
    )
    payload |= changes
    return form({k: v for k, v in payload.items() if k not in drop})


def create_click(*drop: str) -> Callable[[World], Body]:
    return lambda world: click(world, action_id=ids.DRAFT_CREATE, value=world.draft_id, drop=drop)


def view(callback_id: str, *, kind: str = "view_submission") -> Callable[[World], Body]:
    def build(world: World) -> Body:
        payload = shapes.view_submission(
            user=ALICE,
            view={"callback_id": callback_id, "private_metadata": "x", "blocks": []},
            values={},
        )
        return form({**payload, "type": kind})

    return build


def edit_submission(
    *, drop_view: tuple[str, ...] = (), drop: tuple[str, ...] = ()
) -> Callable[[World], Body]:
    """Our Edit modal submitted, less some of its parts."""

    def build(world: World) -> Body:
        payload = shapes.view_submission(
            user=ALICE,
            view={"callback_id": ids.EDIT_MODAL, "private_metadata": world.draft_id},
            values={},
        )
        payload["view"] = {k: v for k, v in payload["view"].items() if k not in drop_view}
        return form({k: v for k, v in payload.items() if k not in drop})

    return build


def shortcut(**changes: Any) -> Callable[[World], Body]:
    def build(world: World) -> Body:
        payload = shapes.message_shortcut(
            user=ALICE, channel=CHANNEL, message_text="standup tomorrow 9am", message_user=ALICE,
            message_ts="1700000000.000100", response_url=world.reply_to("shortcut"),
        )  # fmt: skip
        payload |= changes
        return form({k: v for k, v in payload.items() if v is not None})

    return build


def command(**changes: str | None) -> Callable[[World], Body]:
    def build(world: World) -> Body:
        fields = {
            "team_id": TEAM_ID, "channel_id": CHANNEL, "user_id": ALICE, "command": "/event",
            "text": "coffee tomorrow 9am", "response_url": world.reply_to("command"),
            "trigger_id": shapes.unique("1.2."),
        }  # fmt: skip
        fields |= changes
        return urlencode({k: v for k, v in fields.items() if v is not None}).encode(), FORM

    return build


def event(payload: dict[str, Any]) -> Callable[[World], Body]:
    def build(_: World) -> Body:
        envelope = shapes.event_callback({"type": "app_mention"})
        envelope |= payload
        return json.dumps({k: v for k, v in envelope.items() if v is not None}).encode(), JSON

    return build


def huge(_: World) -> Body:
    """A message shortcut whose message is a whole mebibyte: no message Slack sends is."""
    payload = shapes.message_shortcut(
        user=ALICE, channel=CHANNEL, message_text="x" * MiB, message_user=ALICE,
        message_ts="1700000000.000100", response_url="http://127.0.0.1:9/none",
    )  # fmt: skip
    return form(payload)


# -- what happened afterwards ----------------------------------------------------------------
Effect = Callable[[World], None]


def answered(key: str) -> Effect:
    """Something reached the response_url `key` (the card, or the card's update)."""

    def check(world: World) -> None:
        world.slack.wait_for("response_url", lambda c: c.args["key"] == key)

    return check


def created(world: World) -> None:
    """The click created the event even with nowhere to show it (bounded wait)."""
    storage = world.quickcal.services.storage
    for _ in range(500):
        stored: StoredDraft = world.quickcal.run(storage.get_draft(world.draft_id))
        if stored.state == "created":
            return
        time.sleep(0.02)
    raise AssertionError(f"the draft is {stored.state}, not created")


def nothing(_: World) -> None:
    return None


def shown_and_created(world: World) -> None:
    answered("click")(world)  # the card became the result
    created(world)


Case = tuple[str, Callable[[World], Body], int, Effect]
CASES: list[Case] = [
    # Not one of Slack's shapes: Slack never sends these, so nobody is waiting on them.
    ("payload is not JSON", lambda _: raw_form("lunch friday"), 400, nothing),
    ("payload is broken JSON", lambda _: raw_form('{"type": "block_actions"'), 400, nothing),
    ("payload is a JSON array", lambda _: raw_form("[1, 2]"), 400, nothing),
    ("payload is a JSON string", lambda _: raw_form('"block_actions"'), 400, nothing),
    ("payload is JSON null", lambda _: raw_form("null"), 400, nothing),
    ("payload without a type", lambda _: form({"user": {"id": ALICE}}), 400, nothing),
    ("event body is a JSON number", lambda _: (b"42", JSON), 400, nothing),
    # Slack's kinds less what every one of them carries (Bolt would 500, or a listener fail).
    (
        "click with no actions",
        lambda w: click(w, action_id="x", value="", actions=[]),
        400,
        nothing,
    ),
    (
        "click without action_id",
        lambda w: click(w, action_id="x", value="", actions=[{"value": "x"}]),
        400,
        nothing,
    ),
    ("click without user", create_click("user"), 400, nothing),
    ("view without callback_id", edit_submission(drop_view=("callback_id",)), 400, nothing),
    ("edit submitted without state", edit_submission(drop_view=("state",)), 400, nothing),
    ("edit submitted without user", edit_submission(drop=("user",)), 400, nothing),
    ("shortcut without callback_id", shortcut(callback_id=None), 400, nothing),
    ("command without response_url", command(response_url=None), 400, nothing),
    ("command without user_id", command(user_id=None), 400, nothing),
    # Larger than anything Slack sends.
    ("1 MiB message shortcut", huge, 413, nothing),
    # Unknown to every listener: a button, modal or shortcut of an older release.
    ("unknown action_id", lambda w: click(w, action_id="retired_button", value="x"), 200, nothing),
    ("unknown view callback_id", view("retired_modal"), 200, nothing),
    ("unknown view closed", view("retired_modal", kind="view_closed"), 200, nothing),
    ("unknown shortcut callback_id", shortcut(callback_id="retired_shortcut"), 200, nothing),
    # Slack's shapes less a part Quickcal can do without: the work still gets done.
    ("click without channel", create_click("channel"), 200, shown_and_created),
    ("click without container", create_click("container"), 200, shown_and_created),
    ("click without response_url", create_click("response_url"), 200, created),
    ("click without trigger_id", create_click("trigger_id"), 200, shown_and_created),
    ("command without channel_id", command(channel_id=None), 200, answered("command")),
    ("command without text", command(text=None), 200, answered("command")),
    ("shortcut without message", shortcut(message=None), 200, answered("shortcut")),
    ("shortcut without channel", shortcut(channel=None), 200, answered("shortcut")),
    # An event Quickcal cannot read: a non-200 would only make Slack send it again.
    ("event_callback without event", event({"event": None}), 200, nothing),
    ("event_callback with a string event", event({"event": "app_mention"}), 200, nothing),
    ("event without a type", event({"event": {"user": ALICE, "text": "hi"}}), 200, nothing),
    # Signed, Slack's kind, but a field of the wrong type: read by a listener after the ack,
    # refused there as not Slack's shape (a warning), never a crash.
    ("shortcut whose message is a string", shortcut(message="x"), 200, nothing),
    ("shortcut whose channel is a string", shortcut(channel=CHANNEL), 200, nothing),
    ("shortcut whose team id is a number", shortcut(team={"id": 5}), 400, nothing),
    ("mention whose text is a number",
     event({"event": {"type": "app_mention", "user": ALICE, "text": 5, "channel": CHANNEL}}),
     200, nothing),
    ("DM whose text is a list",
     event({"event": {"type": "message", "channel_type": "im", "user": ALICE, "text": ["x"],
                      "channel": "D1"}}), 200, nothing),
]


PARAMS = [pytest.param(case, id=case[0]) for case in CASES]


@pytest.mark.parametrize("case", PARAMS)
def test_a_malformed_request_is_refused_or_quietly_acknowledged(
    quickcal: Quickcal, slack: FakeSlack, errors: ErrorRecords, case: Case
) -> None:
    _, build, status, effect = case
    world = World(quickcal, slack)
    body, content_type = build(world)
    before = quickcal.run(_tasks())
    response = quickcal.post(body, content_type=content_type)
    assert response.status_code == status, response.text
    effect(world)
    settled(quickcal, before)
    assert errors.lines() == []
    if status == 200:
        assert response.text in ("", "{}"), "a quiet 200 says nothing"


def test_the_app_serves_on_after_the_malformed(quickcal: Quickcal, slack: FakeSlack) -> None:
    for _, build, _, _ in CASES[:17]:
        body, content_type = build(World(quickcal, slack))
        assert quickcal.post(body, content_type=content_type).status_code < 500
    key = quickcal.command("coffee tomorrow 9am")
    slack.wait_for("response_url", lambda c: c.args["key"] == key)


def test_the_quiet_answers_belong_to_the_bolt_app_itself() -> None:
    # Socket Mode reaches Bolt without the HTTP guard: the catch-all listeners must be in the
    # app, and last, or they would take requests the real listeners want.
    assert REGISTRARS[-1] is unknown.register
    assert unknown.register not in REGISTRARS[:-1]


def test_response_urls_that_are_not_a_list_are_refused_before_bolt(quickcal: Quickcal) -> None:
    # Bolt reads len(response_urls) while building its context: a 500 if this got through.
    payload = {"type": "view_submission", "user": {"id": ALICE}, "response_urls": 5,
               "view": {"callback_id": ids.EDIT_MODAL, "state": {"values": {}}}}  # fmt: skip
    body = shapes.interactive_body(payload)
    response = quickcal.post(body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
