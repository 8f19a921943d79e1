"""FakeGraph: Microsoft Graph v1.0 calendar endpoints and the identity platform on 127.0.0.1.

Paths (as the real ones, under one origin; tenant `common` unless told):
    GET  /{tenant}/oauth2/v2.0/authorize   POST /{tenant}/oauth2/v2.0/token   (PKCE S256)
    POST   /v1.0/me/calendar/events   /v1.0/me/calendars/{id}/events   /v1.0/me/events
    GET    /v1.0/me/events/{id}       DELETE /v1.0/me/events/{id}
    GET    /v1.0/me   /v1.0/me/mailboxSettings   /v1.0/me/calendars
    GET    /v1.0/me/calendar   /v1.0/me/calendars/{id}   (with its online meeting providers)

Bodies are checked against shared/contracts/msgraph-event-create.schema.json plus
its x-semanticRules; a repeated `transactionId` returns the first event instead
of creating a second one; an `onlineMeetingProvider` the calendar does not allow
is refused (400), as Graph does. Refresh tokens rotate (each refresh answers a new one and
the old one stops working), as the Microsoft identity platform allows.
There is no token revocation endpoint (the platform has none for one token).
"""

from __future__ import annotations

import secrets
import zoneinfo
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from tzlocal.windows_tz import win_tz

from tests.fakes.contracts import GRAPH_EVENT, problems
from tests.fakes.graph_event import graph_resource, instant
from tests.fakes.oauth import FakeOAuth
from tests.fakes.provider import FakeProvider

API = "/v1.0"
ZONES = zoneinfo.available_timezones()


@dataclass
class GraphAccount:
    """One Microsoft 365 user: `calendars` are the non-default ones (id -> name).

    `meeting_providers` are what every calendar of the account allows (a personal
    account: `("skypeForConsumer",)`, or none), the first being the default.
    """

    mail: str
    display_name: str = "Megan Bowen"
    timezone: str = "Pacific Standard Time"  # mailboxSettings speak Windows names
    id: str = "5d8d505c-864f-4804-88c7-4583c966cde8"
    default_calendar: str = "AAMkAGViNDUDefault="
    calendars: dict[str, str] = field(default_factory=dict)
    meeting_providers: tuple[str, ...] = ("teamsForBusiness",)


class FakeGraph(FakeProvider):
    """Microsoft Graph on a real socket; see the module docstring."""

    def __init__(self, *, accounts: list[GraphAccount] | None = None, tenant: str = "common"):
        self.tenant = tenant
        oauth = FakeOAuth(
            authorize_path=f"/{tenant}/oauth2/v2.0/authorize",
            token_path=f"/{tenant}/oauth2/v2.0/token",
            pkce=True,
            rotate_refresh_tokens=True,
        )
        super().__init__(oauth=oauth, api_prefix=API)
        default = GraphAccount(
            "MeganB@contoso.com", calendars={"AAMkAGViNDU7zAAAAAGtlAAA=": "Team"}
        )
        self.accounts = {a.mail: a for a in accounts or [default]}
        self.oauth.login_as = next(iter(self.accounts))
        self.transactions: dict[str, str] = {}  # transactionId -> event id

    def reset(self) -> None:
        super().reset()
        self.transactions.clear()

    def env(self) -> dict[str, str]:
        return {
            "GRAPH_API_URL": self.api_url,
            "MICROSOFT_AUTHORITY_URL": self.url,
            "MICROSOFT_TENANT": self.tenant,
            "MICROSOFT_CLIENT_ID": self.oauth.client_id,
            "MICROSOFT_CLIENT_SECRET": self.oauth.client_secret,
        }

    def routes(self) -> list[BaseRoute]:
        return [
            Route(API + "/me/calendar/events", self._create, methods=["POST"]),
            Route(API + "/me/events", self._create, methods=["POST"]),
            Route(API + "/me/calendars/{calendar_id}/events", self._create, methods=["POST"]),
            Route(API + "/me/events/{event_id}", self._get, methods=["GET"]),
            Route(API + "/me/events/{event_id}", self._delete, methods=["DELETE"]),
            Route(API + "/me", self._me, methods=["GET"]),
            Route(API + "/me/mailboxSettings", self._mailbox, methods=["GET"]),
            Route(API + "/me/calendars", self._calendars, methods=["GET"]),
            Route(API + "/me/calendar", self._calendar, methods=["GET"]),
            Route(API + "/me/calendars/{calendar_id}", self._calendar, methods=["GET"]),
        ]

    def error(self, status: int, message: str, *, reason: str | None = None) -> Response:
        code = reason or {
            400: "ErrorInvalidRequest",
            401: "InvalidAuthenticationToken",
            404: "ErrorItemNotFound",
            429: "TooManyRequests",
            500: "generalException",
            503: "ServiceNotAvailable",
        }.get(status, "ErrorInvalidRequest")
        if status == 401:
            message = "Access token has expired or is not yet valid."
        inner = {"date": datetime.now(UTC).isoformat(), "request-id": secrets.token_hex(8)}
        body = {"error": {"code": code, "message": message, "innerError": inner}}
        return JSONResponse(body, status_code=status)

    def _user(self, request: Request) -> GraphAccount | None:
        mail = self.account(request)
        return self.accounts.get(mail) if mail else None

    async def _create(self, request: Request) -> Response:
        user = self._user(request)
        if user is None:
            return self.unauthorized()
        calendar = request.path_params.get("calendar_id", "default")
        if calendar not in ("default", user.default_calendar, *user.calendars):
            return self.error(404, "The specified object was not found in the store.")
        body = await request.json()
        refused = self.check_contract(problems(GRAPH_EVENT, body)) or self._semantics(body)
        if refused:
            return refused
        wanted = body.get("onlineMeetingProvider")
        if body.get("isOnlineMeeting") and wanted not in user.meeting_providers:
            return self.error(400, f"The online meeting provider '{wanted}' is not allowed.")
        transaction = body.get("transactionId")
        earlier = self.store.get(self.transactions.get(transaction or "", ""))
        if earlier is not None:
            return JSONResponse(earlier, status_code=201)
        event_id = "AAMkAGViNDU7zAAAAA7zAAA" + secrets.token_hex(6) + "="
        if transaction:
            self.transactions[transaction] = event_id
        self.store[event_id] = graph_resource(
            body,
            event_id,
            user_id=user.id,
            name=user.display_name,
            mail=user.mail,
            calendar=calendar,
        )
        return JSONResponse(self.store[event_id], status_code=201)

    def _semantics(self, body: dict[str, Any]) -> Response | None:
        for key in ("start", "end"):
            zone = body[key]["timeZone"]
            if zone not in win_tz and zone not in ZONES:
                return self.error(
                    400,
                    f"A valid TimeZone value must be specified. '{zone}'",
                    reason="TimeZoneNotSupportedException",
                )
        start, end = instant(body["start"]), instant(body["end"])
        if end < start:
            return self.error(400, "The end must not be before the start.")
        if body.get("isAllDay") and (
            body["start"]["timeZone"] != body["end"]["timeZone"] or end.date() <= start.date()
        ):
            return self.error(400, "All-day events must span whole days in one time zone.")
        recurrence = body.get("recurrence")
        if recurrence:
            span = recurrence["range"]
            if span["startDate"] != body["start"]["dateTime"][:10]:
                return self.error(400, "The recurrence range start must equal the event start.")
            if span.get("endDate") and date.fromisoformat(span["endDate"]) < date.fromisoformat(
                span["startDate"]
            ):
                return self.error(400, "The recurrence range end is before its start.")
        return None

    async def _get(self, request: Request) -> Response:
        if self._user(request) is None:
            return self.unauthorized()
        event = self.store.get(request.path_params["event_id"])
        if event is None:
            return self.error(404, "The specified object was not found in the store.")
        return JSONResponse(event)

    async def _delete(self, request: Request) -> Response:
        if self._user(request) is None:
            return self.unauthorized()
        if self.store.pop(request.path_params["event_id"], None) is None:
            return self.error(404, "The specified object was not found in the store.")
        return Response(status_code=204)

    async def _me(self, request: Request) -> Response:
        user = self._user(request)
        if user is None:
            return self.unauthorized()
        return JSONResponse(
            {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
                "id": user.id,
                "displayName": user.display_name,
                "mail": user.mail,
                "userPrincipalName": user.mail,
                "preferredLanguage": "en-US",
            }
        )

    async def _mailbox(self, request: Request) -> Response:
        user = self._user(request)
        if user is None:
            return self.unauthorized()
        return JSONResponse(
            {
                "timeZone": user.timezone,
                "dateFormat": "M/d/yyyy",
                "timeFormat": "h:mm tt",
                "language": {"locale": "en-US"},
            }
        )

    async def _calendars(self, request: Request) -> Response:
        user = self._user(request)
        if user is None:
            return self.unauthorized()
        ids = [user.default_calendar, *user.calendars]
        return JSONResponse({"value": [_calendar_json(user, cid) for cid in ids]})

    async def _calendar(self, request: Request) -> Response:
        user = self._user(request)
        if user is None:
            return self.unauthorized()
        wanted = request.path_params.get("calendar_id", user.default_calendar)
        if wanted not in (user.default_calendar, *user.calendars):
            return self.error(404, "The specified object was not found in the store.")
        return JSONResponse(_calendar_json(user, wanted))


def _calendar_json(user: GraphAccount, calendar_id: str) -> dict[str, Any]:
    """A calendar resource as Graph answers it (the fields Quickcal could read, and some)."""
    default = calendar_id == user.default_calendar
    return {
        "id": calendar_id,
        "name": "Calendar" if default else user.calendars[calendar_id],
        "color": "auto",
        "isDefaultCalendar": default,
        "canEdit": True,
        "canShare": True,
        "owner": {"name": user.display_name, "address": user.mail},
        "allowedOnlineMeetingProviders": list(user.meeting_providers) or ["unknown"],
        "defaultOnlineMeetingProvider": next(iter(user.meeting_providers), "unknown"),
        "isTallyingResponses": True,
        "isRemovable": not default,
    }
