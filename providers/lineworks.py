"""LineWorksCalendar: create and delete events with LINE WORKS API 2.0 (calendar).

The `eventId` is derived from the idempotency key. LINE WORKS documents no status
for an eventId already used (its pages list 400/403/404 only), so a create refused
with any 4xx first looks its eventId up: if an earlier attempt made it (its answer
was lost), that event is returned; otherwise the refusal is raised. LINE WORKS needs
the calendar id to read or delete an event: the create answer's `organizerCalendarId`
is kept.
"""

from __future__ import annotations

from urllib.parse import quote

from nlp.draft import EventDraft
from providers.answers import LineWorksEvents
from providers.base import AccountInfo, CreatedEvent
from providers.errors import RateLimited, Rejected
from providers.identity import lineworks_identity
from providers.lineworks_body import check_lineworks, to_lineworks_event
from providers.linked import LinkedCalendar


class LineWorksCalendar(LinkedCalendar):
    """LINE WORKS, the member's default calendar unless one is chosen."""

    name = "lineworks"
    label = "LINE WORKS"

    def check(self, draft: EventDraft) -> None:
        check_lineworks(draft)

    async def create(
        self, draft: EventDraft, *, account: str, calendar_id: str | None, idempotency_key: str
    ) -> CreatedEvent:
        self.check(draft)
        body = to_lineworks_event(
            draft, idempotency_key=idempotency_key, default_length=self.default_length
        )
        user = f"{self.settings.lineworks_api_url.rstrip('/')}/users/me"
        url = (
            f"{user}/calendars/{quote(calendar_id, safe='')}/events"
            if calendar_id
            else f"{user}/calendar/events"
        )
        try:
            response = await self.request("POST", url, account=account, retry=True, json=body)
            created = LineWorksEvents.model_validate(response.json())
            calendar = created.organizer_calendar_id or calendar_id
        except Rejected as error:
            if isinstance(error, RateLimited):
                raise
            event_id = body["eventComponents"][0]["eventId"]
            earlier = await self._find(calendar_id, event_id, account=account)
            if earlier is None:
                raise error
            calendar, created = earlier  # an earlier attempt made it (its answer was lost)
        first = created.event_components[0]
        return CreatedEvent(
            provider=self.name,
            event_id=first.event_id,
            calendar_id=calendar,
            web_link=first.view_url,
            meeting_link=first.video_meeting.url if first.video_meeting else None,
        )

    async def delete(self, event: CreatedEvent, *, account: str) -> None:
        calendar = event.calendar_id or await self._default_calendar(account)
        try:
            await self.request(
                "DELETE", self._event_url(calendar, event.event_id), account=account, retry=True
            )
        except Rejected as error:
            if error.status != 404:  # already gone is what Undo wants
                raise

    async def identify(self, account: str) -> AccountInfo:
        return await lineworks_identity(self, account)

    async def _find(
        self, calendar_id: str | None, event_id: str, *, account: str
    ) -> tuple[str, LineWorksEvents] | None:
        """The calendar and event `event_id` (default calendar unless named), or None."""
        try:
            calendar = calendar_id or await self._default_calendar(account)
            response = await self.request(
                "GET", self._event_url(calendar, event_id), account=account, retry=True
            )
        except Rejected:
            return None  # the create's own refusal is the one worth telling
        return calendar, LineWorksEvents.model_validate(response.json())

    async def _default_calendar(self, account: str) -> str:
        url = f"{self.settings.lineworks_api_url.rstrip('/')}/users/me/calendar"
        response = await self.request("GET", url, account=account, retry=True)
        return str(response.json()["calendarId"])

    def _event_url(self, calendar: str, event_id: str) -> str:
        user = f"{self.settings.lineworks_api_url.rstrip('/')}/users/me"
        return f"{user}/calendars/{quote(calendar, safe='')}/events/{quote(event_id, safe='')}"
