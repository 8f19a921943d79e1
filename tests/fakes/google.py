"""FakeGoogle: Google Calendar API v3 and Google's OAuth endpoints on 127.0.0.1.

Paths (as the real ones, under one origin):
    GET  /o/oauth2/v2/auth   POST /token   POST /revoke          (OAuth, PKCE S256)
    POST   /calendar/v3/calendars/{calendarId}/events            (events.insert)
    GET    /calendar/v3/calendars/{calendarId}/events/{eventId}  (events.get)
    DELETE /calendar/v3/calendars/{calendarId}/events/{eventId}  (events.delete)
    GET    /calendar/v3/calendars/{calendarId}                   (calendars.get: primary)
    GET    /calendar/v3/users/me/settings/timezone               (settings.get)
    GET    /calendar/v3/users/me/calendarList                    (calendarList.list)

Bodies are checked against shared/contracts/google-event-insert.schema.json; a
client-chosen `id` already used answers 409 `duplicate`; `conferenceData` is only
honoured with `conferenceDataVersion=1`, as the real API does. Google does not
rotate refresh tokens (a refresh answer carries none) unless `rotate=True`.
"""

from __future__ import annotations

import secrets
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

from dateutil.rrule import rrulestr
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from tests.fakes.contracts import GOOGLE_EVENT, problems
from tests.fakes.google_event import coerced, google_resource, instant
from tests.fakes.oauth import FakeOAuth
from tests.fakes.provider import FakeProvider

API = "/calendar/v3"
ZONES = zoneinfo.available_timezones()


@dataclass
class GoogleAccount:
    """One Google account the fake knows: its primary calendar id is its email."""

    email: str
    timezone: str = "Europe/Paris"
    calendars: dict[str, str] = field(default_factory=dict)  # other calendar id -> summary


def _oauth(rotate: bool) -> FakeOAuth:
    return FakeOAuth(
        authorize_path="/o/oauth2/v2/auth",
        token_path="/token",
        revoke_path="/revoke",
        pkce=True,
        rotate_refresh_tokens=rotate,
    )


class FakeGoogle(FakeProvider):
    """Google Calendar on a real socket; see the module docstring."""

    def __init__(self, *, accounts: list[GoogleAccount] | None = None, rotate: bool = False):
        super().__init__(oauth=_oauth(rotate), api_prefix=API)
        default = GoogleAccount(
            "user@example.com", calendars={"team@group.calendar.google.com": "Team"}
        )
        self.accounts = {a.email: a for a in accounts or [default]}
        self.oauth.login_as = next(iter(self.accounts))
        self.deleted: set[str] = set()

    def reset(self) -> None:
        super().reset()
        self.deleted.clear()

    def env(self) -> dict[str, str]:
        return {
            "GOOGLE_API_URL": self.api_url,
            "GOOGLE_AUTH_URL": self.url + "/o/oauth2/v2/auth",
            "GOOGLE_TOKEN_URL": self.url + "/token",
            "GOOGLE_CLIENT_ID": self.oauth.client_id,
            "GOOGLE_CLIENT_SECRET": self.oauth.client_secret,
        }

    def routes(self) -> list[BaseRoute]:
        events = API + "/calendars/{calendar_id}/events"
        return [
            Route(events, self._insert, methods=["POST"]),
            Route(events + "/{event_id}", self._get, methods=["GET"]),
            Route(events + "/{event_id}", self._delete, methods=["DELETE"]),
            Route(API + "/calendars/{calendar_id}", self._calendar, methods=["GET"]),
            Route(API + "/users/me/settings/timezone", self._timezone, methods=["GET"]),
            Route(API + "/users/me/calendarList", self._calendar_list, methods=["GET"]),
        ]

    def error(self, status: int, message: str, *, reason: str | None = None) -> Response:
        reason = reason or {
            401: "authError",
            404: "notFound",
            429: "rateLimitExceeded",
            500: "backendError",
            503: "backendError",
        }.get(status, "invalid")
        domain = (
            "usageLimits" if "RateLimit" in reason or reason == "rateLimitExceeded" else "global"
        )
        body = {
            "error": {
                "code": status,
                "message": message,
                "errors": [{"domain": domain, "reason": reason, "message": message}],
            }
        }
        return JSONResponse(body, status_code=status)

    # ---- handlers --------------------------------------------------------
    def _owner(self, request: Request) -> tuple[GoogleAccount | None, str | None]:
        email = self.account(request)
        if email is None or email not in self.accounts:
            return None, None
        account = self.accounts[email]
        wanted = request.path_params["calendar_id"]
        calendar = account.email if wanted == "primary" else wanted
        if calendar != account.email and calendar not in account.calendars:
            return account, None
        return account, calendar

    async def _insert(self, request: Request) -> Response:
        account, calendar = self._owner(request)
        if account is None:
            return self.unauthorized()
        if calendar is None:
            return self.error(404, "Not Found")
        body = await request.json()
        query = coerced(dict(request.query_params))
        found = problems(GOOGLE_EVENT, body) + problems(
            GOOGLE_EVENT, query, pointer="$defs/EventsInsertQueryParameters"
        )
        refused = self.check_contract(found) or self._semantics(body)
        if refused:
            return refused
        event_id = body.get("id") or secrets.token_hex(13)
        if event_id in self.store or event_id in self.deleted:
            return self.error(409, "The requested identifier already exists.", reason="duplicate")
        self.store[event_id] = google_resource(
            body, event_id, calendar, account.email, meet=query.get("conferenceDataVersion") == 1
        )
        return JSONResponse(self.store[event_id])

    def _semantics(self, body: dict[str, Any]) -> Response | None:
        for key in ("start", "end"):
            zone = body[key].get("timeZone")
            if zone and zone not in ZONES:
                return self.error(400, f"Invalid time zone definition for {key} time.")
        start, end = instant(body["start"]), instant(body["end"])
        if not start < end:
            return self.error(400, "The specified time range is empty.", reason="timeRangeEmpty")
        for line in body.get("recurrence", []):
            if line.startswith("RRULE"):
                try:
                    rrulestr(line.partition(":")[2])
                except ValueError as exc:
                    self.contract_violations.append(f"recurrence: {exc}")
                    return self.error(400, "Invalid recurrence rule.")
        return None

    async def _get(self, request: Request) -> Response:
        account, calendar = self._owner(request)
        if account is None:
            return self.unauthorized()
        event = self.store.get(request.path_params["event_id"])
        if event is None or calendar is None or event["organizer"]["email"] != calendar:
            return self.error(404, "Not Found")
        return JSONResponse(event)

    async def _delete(self, request: Request) -> Response:
        account, calendar = self._owner(request)
        if account is None:
            return self.unauthorized()
        event_id = request.path_params["event_id"]
        if event_id in self.deleted:
            return self.error(410, "Resource has been deleted", reason="deleted")
        if event_id not in self.store or calendar is None:
            return self.error(404, "Not Found")
        del self.store[event_id]
        self.deleted.add(event_id)
        return Response(status_code=204)

    async def _calendar(self, request: Request) -> Response:
        account, calendar = self._owner(request)
        if account is None:
            return self.unauthorized()
        if calendar is None:
            return self.error(404, "Not Found")
        summary = account.calendars.get(calendar, account.email)
        return JSONResponse(
            {
                "kind": "calendar#calendar",
                "etag": '"1"',
                "id": calendar,
                "summary": summary,
                "timeZone": account.timezone,
            }
        )

    async def _timezone(self, request: Request) -> Response:
        email = self.account(request)
        if email is None:
            return self.unauthorized()
        zone = self.accounts[email].timezone
        return JSONResponse(
            {"kind": "calendar#setting", "etag": '"1"', "id": "timezone", "value": zone}
        )

    async def _calendar_list(self, request: Request) -> Response:
        email = self.account(request)
        if email is None:
            return self.unauthorized()
        account = self.accounts[email]
        items = [
            {
                "kind": "calendar#calendarListEntry",
                "id": email,
                "summary": email,
                "timeZone": account.timezone,
                "accessRole": "owner",
                "primary": True,
            }
        ]
        items += [
            {
                "kind": "calendar#calendarListEntry",
                "id": cid,
                "summary": name,
                "timeZone": account.timezone,
                "accessRole": "writer",
            }
            for cid, name in account.calendars.items()
        ]
        return JSONResponse({"kind": "calendar#calendarList", "etag": '"1"', "items": items})
