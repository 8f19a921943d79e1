"""LocalCalendar: the embedded calendar kept in Quickcal's own database, no account needed.

Events live in a `LocalEventStore` (the bot's database; `MemoryEventStore` here for
tests); each person downloads them as .ics (providers.ics) or adds them with a
one-click template link (providers.templates). Everything a draft holds fits but a
video meeting: no account means no meeting service to make one, so `check` says so
(Unsupported) before anything is stored, as LINE WORKS does.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Unpack

from nlp.draft import EventDraft
from providers.base import CreatedEvent, LocalEventStore
from providers.errors import Unsupported
from providers.keys import local_event_id
from providers.parts import span
from providers.recurrence import recurrence_lines
from providers.settings import ProviderSettings
from providers.wiring import Wiring


class MemoryEventStore:
    """LocalEventStore in memory: `put` is idempotent on the event id."""

    def __init__(self) -> None:
        self._events: defaultdict[str, dict[str, EventDraft]] = defaultdict(dict)

    async def put(self, owner: str, event_id: str, draft: EventDraft) -> None:
        self._events[owner][event_id] = draft

    async def delete(self, owner: str, event_id: str) -> None:
        self._events[owner].pop(event_id, None)

    async def list(self, owner: str) -> list[tuple[str, EventDraft]]:
        return list(self._events[owner].items())


class LocalCalendar:
    """The default calendar: the account is the person (e.g. their Slack team:user key)."""

    name = "local"
    label = "Quickcal calendar"

    def __init__(self, store: LocalEventStore) -> None:
        self.store = store

    @classmethod
    def from_settings(cls, settings: ProviderSettings, **wiring: Unpack[Wiring]) -> LocalCalendar:
        """The calendar on the wired `local_store`; nothing leaves the process."""
        del settings  # the default length applies when the .ics is written
        return cls(wiring["local_store"])

    def check(self, draft: EventDraft) -> None:
        """Raise `Unsupported` for a draft without a date, a bad rule or a video meeting."""
        span(draft)
        recurrence_lines(draft)
        if draft.online_meeting:
            raise Unsupported(
                "it cannot make a video meeting link; add your own link to the description, "
                "or connect Google Calendar or Outlook",
                provider=self.name, fields=("online_meeting",),
            )  # fmt: skip

    async def create(
        self, draft: EventDraft, *, account: str, calendar_id: str | None, idempotency_key: str
    ) -> CreatedEvent:
        self.check(draft)
        event_id = local_event_id(idempotency_key)
        await self.store.put(account, event_id, draft)
        return CreatedEvent(provider=self.name, event_id=event_id, calendar_id=calendar_id)

    async def delete(self, event: CreatedEvent, *, account: str) -> None:
        await self.store.delete(account, event.event_id)
