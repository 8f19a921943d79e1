"""A fake Slack Web API on 127.0.0.1: records every call and holds it to the published contract.

    with FakeSlack() as slack:                       # or .start() / .stop()
        slack.add_user("U1", name="adele", real_name="Adele Martin", email="adele@example.com")
        settings = Settings(slack_api_url=slack.api_url, slack_bot_token=slack.token, ...)
        url = slack.response_url("cmd-1")            # a response_url Slack would hand out
        call = slack.wait_for("chat.postEphemeral")  # bounded wait, returns the call
        slack.fail_next("chat.postMessage", "channel_not_found")
        assert not slack.violations                  # nothing broke the contract

Calls are checked against `shared/contracts/slack-web-api-subset.json` (HTTP method,
content type, bearer token, required arguments) and `block-kit-limits.json`; every message
must carry fallback `text`. A call that breaks them is answered `ok: false` and kept in
`violations`. `users.list`, `auth.test` and `views.update` are served by the same rules.
`rate_limit_next(method)` answers HTTP 429 with Retry-After once, as Slack does (the 429 is
recorded too, with `ok: false`; each call's `at` tells how long the client waited).
`hold_next(method)` keeps the next call of `method` waiting until the test releases it.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from typing import Any
from urllib.parse import parse_qsl
from zoneinfo import ZoneInfo

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.block_kit import block_problems, view_problems
from tests.fakes.contracts import CONTRACTS
from tests.fakes.server import LiveServer

TOKEN = "xoxb-quickcal-test"
TEAM_ID = "T0QUICK"
BOT_USER_ID = "UQUICKCAL"
BOT_ID = "BQUICKCAL"
# Methods outside the subset file that Quickcal still calls; Slack's documented shapes.
EXTRA_METHODS: dict[str, dict[str, Any]] = {
    "users.list": {"httpMethod": "GET", "requiredArguments": ["token"]},
    "auth.test": {"httpMethod": "POST", "requiredArguments": ["token"]},
    "views.update": {
        "httpMethod": "POST",
        "requiredArguments": ["token", "view", "one of view_id | external_id"],
    },
}
MESSAGE_METHODS = {"chat.postMessage", "chat.postEphemeral", "chat.update", "response_url"}


@cache
def contract() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (CONTRACTS / "slack-web-api-subset.json").read_text(encoding="utf-8")
    )
    return data


def method_rules(method: str) -> dict[str, Any] | None:
    known = contract()["methods"].get(method)
    if known is not None:
        return dict(known["current"])
    return EXTRA_METHODS.get(method)


@dataclass(frozen=True)
class SlackCall:
    """One Web API call (or response_url POST) with its arguments decoded (JSON fields parsed)."""

    method: str
    args: dict[str, Any]
    token: str | None = None
    response: dict[str, Any] | None = None
    # time.monotonic() when Slack answered it: how far apart a call and its retry came.
    at: float = field(default_factory=time.monotonic)

    @property
    def blocks(self) -> list[dict[str, Any]]:
        blocks = self.args.get("blocks") or (self.args.get("view") or {}).get("blocks") or []
        return list(blocks)

    def texts(self) -> str:
        """Every text of the call (fallback and blocks) joined, for "does it say X" checks."""
        return "\n".join(
            [str(self.args.get("text", "")), json.dumps(self.args, ensure_ascii=False)]
        )

    def action_ids(self) -> list[str]:
        found: list[str] = []

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                if "action_id" in node:
                    found.append(node["action_id"])
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(self.blocks)
        return found

    def button(self, action_id: str) -> dict[str, Any]:
        """The first element with `action_id` in the call's blocks."""
        return self.element(action_id)[1]

    def element(self, action_id: str) -> tuple[str | None, dict[str, Any]]:
        """(block_id, element) of the first element with `action_id`."""
        for block in self.blocks:
            for element in [*block.get("elements", []), block.get("accessory") or {}]:
                if element.get("action_id") == action_id:
                    return block.get("block_id"), dict(element)
        raise AssertionError(f"no {action_id} in {self.action_ids()}")


@dataclass(frozen=True)
class Hold:
    """A held call: `arrived` once Slack received it, answered once `release` is set."""

    arrived: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)


@dataclass
class SlackUser:
    id: str
    name: str
    real_name: str = ""
    display_name: str = ""
    email: str | None = None
    tz: str = "Europe/Paris"
    locale: str = "en-US"
    deleted: bool = False
    is_bot: bool = False


@dataclass
class FakeSlack:
    """The fake workspace: users, the calls it received, and faults to inject."""

    token: str = TOKEN
    team_id: str = TEAM_ID
    users: dict[str, SlackUser] = field(default_factory=dict)
    calls: list[SlackCall] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    _faults: dict[str, str] = field(default_factory=dict)
    _limited: dict[str, int] = field(default_factory=dict)
    _holds: dict[str, Hold] = field(default_factory=dict)
    _changed: threading.Condition = field(default_factory=threading.Condition)
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _server: LiveServer | None = None

    def __post_init__(self) -> None:
        self.app = Starlette(
            routes=[
                Route("/api/{method}", self._api, methods=["GET", "POST"]),
                Route("/response/{key}", self._respond, methods=["POST"]),
            ]
        )

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> FakeSlack:
        self._server = LiveServer(self.app).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._server is not None, "start() first"
        return self._server.url

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, key: str) -> str:
        return f"{self.url}/response/{key}"

    # -- test controls ---------------------------------------------------------------------
    def add_user(self, user_id: str, *, name: str, **fields: Any) -> SlackUser:
        user = SlackUser(id=user_id, name=name, **fields)
        self.users[user_id] = user
        return user

    def fail_next(self, method: str, error: str) -> None:
        """The next call of `method` answers `{ok: false, error}`."""
        self._faults[method] = error

    def rate_limit_next(self, method: str, *, retry_after: int = 1) -> None:
        """The next call of `method` answers HTTP 429 with Retry-After, as Slack does."""
        self._limited[method] = retry_after

    def hold_next(self, method: str) -> Hold:
        """The next call of `method` waits (`hold.arrived` is set) until `hold.release` is set."""
        hold = Hold()
        self._holds[method] = hold
        return hold

    def calls_to(
        self, method: str, where: Callable[[SlackCall], bool] | None = None
    ) -> list[SlackCall]:
        with self._changed:
            return [c for c in self.calls if c.method == method and (where is None or where(c))]

    def wait_for(
        self,
        method: str,
        where: Callable[[SlackCall], bool] | None = None,
        *,
        count: int = 1,
        timeout: float = 10.0,
    ) -> SlackCall:
        """The `count`-th call of `method` matching `where`, waiting at most `timeout` seconds."""
        with self._changed:
            found = self._changed.wait_for(
                lambda: (
                    len(
                        [
                            c
                            for c in self.calls
                            if c.method == method and (where is None or where(c))
                        ]
                    )
                    >= count
                ),
                timeout=timeout,
            )
            if not found:
                seen = [c.method for c in self.calls]
                raise AssertionError(
                    f"no {count}x {method} within {timeout}s; saw {seen}; {self.violations}"
                )
            return [c for c in self.calls if c.method == method and (where is None or where(c))][
                count - 1
            ]

    # -- serving ---------------------------------------------------------------------------
    def _record(self, call: SlackCall, problems: list[str]) -> None:
        with self._changed:
            self.calls.append(call)
            self.violations.extend(f"{call.method}: {p}" for p in problems)
            self._changed.notify_all()

    async def _respond(self, request: Request) -> Response:
        body = json.loads(await request.body() or b"{}")
        call = SlackCall("response_url", {"key": request.path_params["key"], **body})
        problems = _message_problems(call.args)
        if request.headers.get("content-type", "").split(";")[0] != "application/json":
            problems.append("response_url bodies are JSON")
        self._record(call, problems)
        return JSONResponse({"ok": not problems}, status_code=400 if problems else 200)

    async def _api(self, request: Request) -> Response:
        method = request.path_params["method"]
        args, token, problems = await _decode(request)
        rules = method_rules(method)
        if rules is None:
            return self._reply(SlackCall(method, args, token), ["unknown method"], "unknown_method")
        problems += _transport_problems(request, rules)
        problems += _argument_problems(args, rules)
        if method in MESSAGE_METHODS:
            problems += _message_problems(args)
        if "view" in args:
            problems += view_problems(args["view"])
        if token != self.token:
            error = "invalid_auth" if token else "not_authed"
            return self._reply(SlackCall(method, args, token), [] if token else ["no token"], error)
        if problems:
            return self._reply(SlackCall(method, args, token), problems, "invalid_arguments")
        if method in self._faults:
            return self._reply(SlackCall(method, args, token), [], self._faults.pop(method))
        if method in self._holds:
            hold = self._holds.pop(method)
            hold.arrived.set()
            await asyncio.to_thread(hold.release.wait, 30.0)
        if method in self._limited:
            wait = self._limited.pop(method)
            self._record(SlackCall(method, args, token, {"ok": False, "error": "ratelimited"}), [])
            return JSONResponse(
                {"ok": False, "error": "ratelimited"},
                status_code=429,
                headers={"Retry-After": str(wait)},
            )
        answer = self._answer(method, args)
        self._record(SlackCall(method, args, token, answer), [])
        return JSONResponse(answer)

    def _reply(self, call: SlackCall, problems: list[str], error: str) -> Response:
        answer = {"ok": False, "error": error}
        self._record(SlackCall(call.method, call.args, call.token, answer), problems)
        return JSONResponse(answer)

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        ts = f"1700000000.{next(self._ts):06d}"
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://quickcal-test.slack.com/",
                "team": "Quickcal Test",
                "user": "quickcal",
                "team_id": self.team_id,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
            }
        if method == "users.info":
            user = self.users.get(str(args["user"]))
            if user is None:
                return {"ok": False, "error": "user_not_found"}
            locale = _flag(args.get("include_locale"))
            return {"ok": True, "user": _user_json(user, self.team_id, with_locale=locale)}
        if method == "users.list":
            locale = _flag(args.get("include_locale"))
            members = [_user_json(u, self.team_id, with_locale=locale) for u in self.users.values()]
            return {"ok": True, "members": members, "response_metadata": {"next_cursor": ""}}
        if method == "conversations.open":
            first = str(args.get("users", "")).split(",")[0]
            return {"ok": True, "channel": {"id": f"D{first}"}}
        if method == "chat.postMessage":
            message = {"type": "message", "text": args.get("text", ""), "ts": ts, "bot_id": BOT_ID}
            return {"ok": True, "channel": args["channel"], "ts": ts, "message": message}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method == "chat.update":
            return {
                "ok": True,
                "channel": args["channel"],
                "ts": args["ts"],
                "text": args.get("text", ""),
            }
        if method in {"views.open", "views.update", "views.publish"}:
            view = {
                **args["view"],
                "id": args.get("view_id") or f"V{ts[-6:]}",
                "team_id": self.team_id,
            }
            return {"ok": True, "view": view}
        return {"ok": True}


async def _decode(request: Request) -> tuple[dict[str, Any], str | None, list[str]]:
    problems: list[str] = []
    raw = await request.body()
    kind = request.headers.get("content-type", "").split(";")[0].strip()
    args: dict[str, Any] = dict(request.query_params)
    if raw and kind == "application/json":
        args.update(json.loads(raw))
    elif raw:
        args.update(dict(parse_qsl(raw.decode(), keep_blank_values=True)))
        for key in ("blocks", "view", "attachments"):
            if isinstance(args.get(key), str):
                try:
                    args[key] = json.loads(args[key])
                except json.JSONDecodeError:
                    problems.append(f"{key} is not JSON")
    header = request.headers.get("authorization", "")
    token = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else None
    if kind == "application/json" and raw and token is None:
        problems.append("JSON bodies need a bearer token header")
    return args, token or args.pop("token", None), problems


def _transport_problems(request: Request, rules: dict[str, Any]) -> list[str]:
    # Slack accepts POST for every method; GET only where the method page says GET.
    if request.method not in {"POST", rules.get("httpMethod", "POST")}:
        return [f"{request.method} not accepted"]
    kind = request.headers.get("content-type", "").split(";")[0].strip()
    allowed = rules.get("contentTypes")
    if request.method == "POST" and kind and allowed and kind not in allowed:
        return [f"content type {kind} not accepted"]
    return []


def _argument_problems(args: dict[str, Any], rules: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    for requirement in rules.get("requiredArguments", []):
        if requirement == "token":
            continue
        options = [o.strip() for o in requirement.removeprefix("one of ").split("|")]
        if not any(args.get(option) not in (None, "", []) for option in options):
            problems.append(f"missing {requirement}")
    return problems


def _message_problems(args: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    text = args.get("text")
    has_blocks = "blocks" in args or "attachments" in args
    if has_blocks and (not isinstance(text, str) or not text.strip()):
        problems.append("a message with blocks needs fallback text")
    if isinstance(text, str) and len(text) > 40_000:
        problems.append("msg_too_long")
    if "blocks" in args:
        problems += block_problems(args["blocks"], surface="message")
    return problems


def _flag(value: Any) -> bool:
    """Slack's boolean arguments arrive as true/"true"/"1"."""
    return str(value).lower() in {"true", "1"}


def _user_json(user: SlackUser, team_id: str, *, with_locale: bool = False) -> dict[str, Any]:
    profile: dict[str, Any] = {
        "real_name": user.real_name,
        "display_name": user.display_name,
        "real_name_normalized": user.real_name,
        "display_name_normalized": user.display_name,
    }
    if user.email:
        profile["email"] = user.email
    return {
        "id": user.id,
        "team_id": team_id,
        "name": user.name,
        "deleted": user.deleted,
        "real_name": user.real_name,
        "tz": user.tz,
        "tz_label": user.tz,
        "tz_offset": int(
            (datetime.now(ZoneInfo(user.tz)).utcoffset() or timedelta()).total_seconds()
        ),
        "is_bot": user.is_bot,
        "profile": profile,
    } | ({"locale": user.locale} if with_locale else {})
