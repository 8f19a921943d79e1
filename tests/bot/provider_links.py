"""Quickcal served with one linked calendar (Google, Outlook or LINE WORKS) for several people.

    with FAKES["microsoft"]() as graph:
        linked = serve_linked(settings, slack, graph, people=[ALICE, BOB], attempts=2)
        linked.app.command("lunch friday noon", user=BOB)       # goes to Outlook
        moment = Seconds()
        breaker = linked.breaker(clock=moment)                 # the app's own breaker, our clock
        moment.advance(31)                                     # its cool-down has passed

Every person is linked to the same account of the fake (its default login), as if each had
gone through OAuth; the app is the real one, its calendars built from settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.settings import Settings
from providers.linked import LinkedCalendar
from providers.settings import ProviderSettings
from providers.transport import Breaker
from tests.bot.accounts import link_account
from tests.bot.conftest import Quickcal, fixed_clock
from tests.fakes.google import FakeGoogle
from tests.fakes.graph import FakeGraph
from tests.fakes.lineworks import FakeLineWorks
from tests.fakes.provider import FakeProvider
from tests.fakes.slack import FakeSlack

FAKES: dict[str, type[FakeProvider]] = {
    "google": FakeGoogle,
    "microsoft": FakeGraph,
    "lineworks": FakeLineWorks,
}


class Seconds:
    """A monotonic clock for the breaker that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass(frozen=True)
class Linked:
    """The served app, the fake calendar it talks to, and that calendar's registry name."""

    app: Quickcal
    fake: FakeProvider
    provider: str

    @property
    def calendar(self) -> LinkedCalendar:
        calendar = self.app.services.calendars[self.provider]
        assert isinstance(calendar, LinkedCalendar)
        return calendar

    @property
    def label(self) -> str:
        return self.calendar.label

    def breaker(self, *, clock: Seconds) -> Breaker:
        """The app's own breaker for this calendar, from now on timed by `clock`."""
        breaker = self.calendar.transport.breaker
        breaker.clock = clock
        return breaker


def provider_of(fake: FakeProvider) -> str:
    return next(name for name, cls in FAKES.items() if isinstance(fake, cls))


def serve_linked(
    settings: Settings,
    slack: FakeSlack,
    fake: FakeProvider,
    *,
    people: list[str],
    attempts: int = 1,
) -> Linked:
    """Start Quickcal knowing `fake`'s provider (`attempts` per request) with `people` linked."""
    providers = ProviderSettings(
        **fake.env(),  # type: ignore[arg-type]
        PROVIDER_RETRY_ATTEMPTS=attempts,  # type: ignore[arg-type]
        PROVIDER_TIMEOUT_SECONDS=5.0,  # type: ignore[arg-type]
    )
    app = Quickcal(
        settings.model_copy(update={"providers": providers}), slack, clock=fixed_clock
    ).start()
    provider = provider_of(fake)
    for person in people:
        link(app, fake, provider=provider, user=person)
    return Linked(app=app, fake=fake, provider=provider)


def link(app: Quickcal, fake: FakeProvider, *, provider: str, user: str) -> None:
    """What a finished OAuth round leaves in storage: the token, the default calendar."""
    storage = app.services.storage
    app.run(link_account(storage, fake, user=user, provider=provider, zone="UTC", calendar=False))
