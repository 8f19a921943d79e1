"""OutlookCalendar: create and delete events with Microsoft Graph (`/me/calendar/events`).

The `transactionId` is derived from the idempotency key; Graph answers a repeated
POST with the event the first one made, so a retry never makes a second event.
"""

from __future__ import annotations

from urllib.parse import quote

from nlp.draft import EventDraft
from providers.answers import GraphEvent
from providers.base import AccountInfo, CreatedEvent
from providers.errors import Rejected
from providers.graph_body import check_graph, to_graph_event
from providers.identity import graph_identity
from providers.linked import LinkedCalendar


class OutlookCalendar(LinkedCalendar):
    """Outlook / Microsoft 365 through Graph, the default calendar unless one is chosen."""

    name = "microsoft"
    label = "Outlook"

    def check(self, draft: EventDraft) -> None:
        check_graph(draft)

    async def create(
        self, draft: EventDraft, *, account: str, calendar_id: str | None, idempotency_key: str
    ) -> CreatedEvent:
        self.check(draft)
        body = to_graph_event(
            draft, idempotency_key=idempotency_key, default_length=self.default_length
        )
        api = self.settings.graph_api_url.rstrip("/")
        url = (
            f"{api}/me/calendars/{quote(calendar_id, safe='')}/events"
            if calendar_id
            else f"{api}/me/calendar/events"
        )
        response = await self.request("POST", url, account=account, retry=True, json=body)
        event = GraphEvent.model_validate(response.json())
        return CreatedEvent(
            provider=self.name,
            event_id=event.id,
            calendar_id=calendar_id,
            web_link=event.web_link,
            meeting_link=event.meeting_link(),
        )

    async def delete(self, event: CreatedEvent, *, account: str) -> None:
        api = self.settings.graph_api_url.rstrip("/")
        url = f"{api}/me/events/{quote(event.event_id, safe='')}"
        try:
            await self.request("DELETE", url, account=account, retry=True)
        except Rejected as error:
            if error.status != 404:  # already gone is what Undo wants
                raise

    async def identify(self, account: str) -> AccountInfo:
        return await graph_identity(self, account)
