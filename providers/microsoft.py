"""OutlookCalendar: create and delete events with Microsoft Graph (`/me/calendar/events`).

The `transactionId` is derived from the idempotency key; Graph answers a repeated
POST with the event the first one made, so a retry never makes a second event.
A video meeting uses the service the target calendar allows (its
`allowedOnlineMeetingProviders` / `defaultOnlineMeetingProvider`, read first):
a personal account cannot host Teams for business, and a calendar that allows
none is refused with Unsupported before the event is sent.
"""

from __future__ import annotations

from urllib.parse import quote

from nlp.draft import EventDraft
from providers.answers import GraphCalendar, GraphEvent
from providers.base import AccountInfo, CreatedEvent
from providers.errors import Rejected, Unsupported
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
        calendar = self._calendar_url(calendar_id)
        meeting = await self._meeting_provider(calendar, account) if draft.online_meeting else ""
        body = to_graph_event(
            draft, idempotency_key=idempotency_key, default_length=self.default_length,
            meeting_provider=meeting,
        )  # fmt: skip
        response = await self.request(
            "POST", f"{calendar}/events", account=account, retry=True, json=body
        )
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

    async def _meeting_provider(self, calendar: str, account: str) -> str:
        """The meeting service `calendar` allows, or Unsupported when it allows none."""
        response = await self.request("GET", calendar, account=account, retry=True)
        chosen = GraphCalendar.model_validate(response.json()).meeting_provider()
        if chosen is None:
            raise Unsupported(
                "this Outlook calendar cannot host online meetings (its account has no "
                "Teams or Skype for it); add your own meeting link instead",
                provider=self.name, fields=("online_meeting",),
            )  # fmt: skip
        return chosen

    def _calendar_url(self, calendar_id: str | None) -> str:
        api = self.settings.graph_api_url.rstrip("/")
        return (
            f"{api}/me/calendars/{quote(calendar_id, safe='')}"
            if calendar_id
            else f"{api}/me/calendar"
        )
