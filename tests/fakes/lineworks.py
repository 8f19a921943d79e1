"""FakeLineWorks: LINE WORKS API 2.0 calendar endpoints and its OAuth server on 127.0.0.1.

Paths (as the real ones, under one origin; `{userId}` may be `me`):
    GET  /oauth2/v2.0/authorize   POST /oauth2/v2.0/token   POST /oauth2/v2.0/revoke
    POST   /v1.0/users/{userId}/calendar/events                   (default calendar)
    POST   /v1.0/users/{userId}/calendars/{calendarId}/events
    GET    /v1.0/users/{userId}/calendars/{calendarId}/events/{eventId}
    DELETE /v1.0/users/{userId}/calendars/{calendarId}/events/{eventId}
    GET    /v1.0/users/{userId}   /v1.0/users/{userId}/calendar   (identity, default calendar)

Bodies are checked against shared/contracts/lineworks-event-create.schema.json and
its x-semanticRules. LINE WORKS documents no answer for an `eventId` already used
(its pages list 400/403/404), so the fake answers `duplicate_status` (400 unless a
test sets another) and the client must not rely on any one of them.
LINE WORKS has no PKCE and does not rotate refresh tokens.
"""

from __future__ import annotations

import secrets
import zoneinfo
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from tests.fakes.contracts import LINEWORKS_EVENT, problems
from tests.fakes.oauth import FakeOAuth
from tests.fakes.provider import FakeProvider

API = "/v1.0"
AUTH = "/oauth2/v2.0"
ZONES = zoneinfo.available_timezones()


@dataclass
class LineWorksAccount:
    """One LINE WORKS member; `calendars` are the non-default ones (id -> name)."""

    email: str
    user_id: str = "userf7da-f82c-4284-13e7-030f3b4c756x"
    last_name: str = "Sato"
    first_name: str = "Yui"
    timezone: str = "Asia/Tokyo"
    default_calendar: str = "calendar-96b8-4c74-8277-7953e0b4604a"
    calendars: dict[str, str] = field(default_factory=dict)


class FakeLineWorks(FakeProvider):
    """LINE WORKS on a real socket; see the module docstring."""

    def __init__(self, *, accounts: list[LineWorksAccount] | None = None):
        oauth = FakeOAuth(
            authorize_path=AUTH + "/authorize",
            token_path=AUTH + "/token",
            revoke_path=AUTH + "/revoke",
            pkce=False,
            rotate_refresh_tokens=False,
        )
        super().__init__(oauth=oauth, api_prefix=API)
        default = LineWorksAccount("yui@works.example.com", calendars={"calendar-team": "Team"})
        self.accounts = {a.email: a for a in accounts or [default]}
        self.oauth.login_as = next(iter(self.accounts))
        self.duplicate_status = 400

    def reset(self) -> None:
        super().reset()
        self.duplicate_status = 400

    def env(self) -> dict[str, str]:
        return {
            "LINEWORKS_API_URL": self.api_url,
            "LINEWORKS_AUTH_URL": self.url + AUTH,
            "LINEWORKS_CLIENT_ID": self.oauth.client_id,
            "LINEWORKS_CLIENT_SECRET": self.oauth.client_secret,
        }

    def routes(self) -> list[BaseRoute]:
        user = API + "/users/{user_id}"
        one = user + "/calendars/{calendar_id}/events/{event_id}"
        return [
            Route(user + "/calendar/events", self._create, methods=["POST"]),
            Route(user + "/calendars/{calendar_id}/events", self._create, methods=["POST"]),
            Route(one, self._get, methods=["GET"]),
            Route(one, self._delete, methods=["DELETE"]),
            Route(user, self._user_info, methods=["GET"]),
            Route(user + "/calendar", self._default_calendar, methods=["GET"]),
        ]

    def error(self, status: int, message: str, *, reason: str | None = None) -> Response:
        code = (
            reason
            if reason and reason.isupper()
            else {
                400: "INVALID_PARAMETER",
                401: "UNAUTHORIZED",
                403: "FORBIDDEN",
                404: "NOT_FOUND",
                409: "ALREADY_EXIST",
                429: "TOO_MANY_REQUESTS",
                500: "INTERNAL_SERVER_ERROR",
                503: "SERVICE_UNAVAILABLE",
            }.get(status, "BAD_REQUEST")
        )
        return JSONResponse({"code": code, "description": message}, status_code=status)

    def _member(self, request: Request) -> LineWorksAccount | None:
        email = self.account(request)
        member = self.accounts.get(email) if email else None
        if member is None or request.path_params["user_id"] not in ("me", member.user_id):
            return None
        return member

    def _calendar(self, request: Request, member: LineWorksAccount) -> str | None:
        wanted = request.path_params.get("calendar_id", member.default_calendar)
        known = wanted == member.default_calendar or wanted in member.calendars
        return wanted if known else None

    async def _create(self, request: Request) -> Response:
        member = self._member(request)
        if member is None:
            return self.unauthorized()
        calendar = self._calendar(request, member)
        if calendar is None:
            return self.error(404, "Calendar does not exist.", reason="CALENDAR_NOT_EXIST")
        body = await request.json()
        refused = self.check_contract(problems(LINEWORKS_EVENT, body)) or self._semantics(body)
        if refused:
            return refused
        first = body["eventComponents"][0]
        event_id = first.get("eventId") or secrets.token_hex(12)
        if event_id in self.store:
            return self.error(self.duplicate_status, "Invalid parameter: eventId")
        components = [_resource(c, event_id, member) for c in body["eventComponents"]]
        self.store[event_id] = {"eventComponents": components, "organizerCalendarId": calendar}
        return JSONResponse(self.store[event_id], status_code=201)

    def _semantics(self, body: dict[str, Any]) -> Response | None:
        components = body["eventComponents"]
        if len({c.get("eventId") for c in components}) > 1:
            return self.error(400, "All eventComponents must carry the same eventId.")
        for event in components:
            for key in ("start", "end"):
                zone = event.get(key, {}).get("timeZone")
                if zone and zone not in ZONES:
                    return self.error(400, f"Invalid timeZone: {zone}")
            if "end" in event and not _instant(event["start"]) < _instant(event["end"]):
                return self.error(400, "The end must come after the start.", reason="OUT_OF_RANGE")
        return None

    async def _get(self, request: Request) -> Response:
        event = self._event(request)
        if isinstance(event, Response):
            return event
        return JSONResponse({"eventComponents": event["eventComponents"]})

    async def _delete(self, request: Request) -> Response:
        event = self._event(request)
        if isinstance(event, Response):
            return event
        del self.store[request.path_params["event_id"]]
        return Response(status_code=204)

    def _event(self, request: Request) -> dict[str, Any] | Response:
        """The event the path names in the caller's calendar, or the error to answer."""
        if self._member(request) is None:
            return self.unauthorized()
        event = self.store.get(request.path_params["event_id"])
        if event is None or event["organizerCalendarId"] != request.path_params["calendar_id"]:
            return self.error(404, "Event does not exist.", reason="EVENT_NOT_EXIST")
        return event

    async def _user_info(self, request: Request) -> Response:
        member = self._member(request)
        if member is None:
            return self.unauthorized()
        return JSONResponse(
            {
                "userId": member.user_id,
                "email": member.email,
                "userName": {"lastName": member.last_name, "firstName": member.first_name},
                "locale": "ja_JP",
                "timeZone": member.timezone,
            }
        )

    async def _default_calendar(self, request: Request) -> Response:
        member = self._member(request)
        if member is None:
            return self.unauthorized()
        return JSONResponse(
            {
                "calendarId": member.default_calendar,
                "calendarName": f"{member.last_name} {member.first_name}",
                "description": "",
                "isPublic": False,
            }
        )


def _instant(when: dict[str, str]) -> datetime:
    if "date" in when:
        return datetime.fromisoformat(when["date"]).replace(tzinfo=UTC)
    return datetime.fromisoformat(when["dateTime"]).replace(
        tzinfo=zoneinfo.ZoneInfo(when["timeZone"])
    )


def _resource(component: dict[str, Any], event_id: str, member: LineWorksAccount) -> dict[str, Any]:
    """One event as LINE WORKS answers it (seed 000's response example)."""
    now = {
        "dateTime": datetime.now(zoneinfo.ZoneInfo(member.timezone)).strftime("%Y-%m-%dT%H:%M:%S"),
        "timeZone": member.timezone,
    }
    return {
        **component,
        "eventId": event_id,
        "createdTime": now,
        "updatedTime": now,
        "organizer": {
            "email": member.email,
            "displayName": f"{member.last_name} {member.first_name}",
        },
        "viewUrl": f"https://calendar.worksmobile.com/permanentLink.nhn?eventId={event_id}",
    }
