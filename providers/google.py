"""GoogleCalendar: create and delete events with Google Calendar API v3 (events.insert).

The event `id` is derived from the idempotency key; a 409 `duplicate` means an
earlier attempt already made it, so that event is fetched and returned.
"""

from __future__ import annotations

from urllib.parse import quote

from nlp.draft import EventDraft
from providers.answers import GoogleEvent
from providers.base import AccountInfo, CreatedEvent
from providers.errors import Rejected
from providers.google_body import check_google, google_query, to_google_event
from providers.identity import google_identity
from providers.linked import LinkedCalendar


class GoogleCalendar(LinkedCalendar):
    """Google Calendar, `primary` unless a calendar id is chosen."""

    name = "google"
    label = "Google Calendar"

    def check(self, draft: EventDraft) -> None:
        check_google(draft)

    async def create(
        self, draft: EventDraft, *, account: str, calendar_id: str | None, idempotency_key: str
    ) -> CreatedEvent:
        self.check(draft)
        calendar = calendar_id or "primary"
        body = to_google_event(
            draft, idempotency_key=idempotency_key, default_length=self.default_length
        )
        events = f"{self._calendar_url(calendar)}/events"
        try:
            response = await self.request(
                "POST", events, account=account, retry=True, json=body, params=google_query(draft)
            )
        except Rejected as error:
            if error.status != 409:
                raise
            # An earlier attempt made it (its answer was lost): return that one.
            response = await self.request(
                "GET", f"{events}/{body['id']}", account=account, retry=True
            )
        event = GoogleEvent.model_validate(response.json())
        if event.status == "cancelled":
            raise Rejected(
                "this event was created and then deleted; make a new one", provider=self.name,
                status=409,
            )  # fmt: skip
        return CreatedEvent(
            provider=self.name,
            event_id=event.id,
            calendar_id=calendar,
            web_link=event.html_link,
            meeting_link=event.meeting_link(),
        )

    async def delete(self, event: CreatedEvent, *, account: str) -> None:
        url = f"{self._calendar_url(event.calendar_id or 'primary')}/events/{event.event_id}"
        try:
            await self.request("DELETE", url, account=account, retry=True)
        except Rejected as error:
            if error.status not in (404, 410):  # already gone is what Undo wants
                raise

    async def identify(self, account: str) -> AccountInfo:
        return await google_identity(self, account)

    def _calendar_url(self, calendar: str) -> str:
        return f"{self.settings.google_api_url.rstrip('/')}/calendars/{quote(calendar, safe='')}"
