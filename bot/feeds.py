"""The local calendar as a download and a subscription feed: `GET /calendar/{ticket}.ics`.

A feed URL carries a `FeedTicket` (team, user) sealed with the storage key ring and with no
expiry, so a calendar app can subscribe to it and poll it for good. It stops working when
the person is wiped (`tokens_revoked`, `app_uninstalled`: storage then knows nothing of
them), and every feed at once stops when the key that sealed it leaves the ring (rotation,
see `bot.crypto`). Anything else in the path gets the same 404 page: a forged or tampered
ticket, a Connect ticket, a wiped person, with nothing saying which. Storage keeps no
per-person feed version, so someone wiped who comes back later finds their old links alive
again; revoking one person's links alone needs such a version (not built yet).

    UnknownFeed         the ticket names no feed: forged, tampered, another kind, or a wiped
                        person (one error: telling them apart would help a guesser)
"""

from __future__ import annotations

import logging
from datetime import timedelta

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot import redaction, tickets
from bot.pages import result_page
from bot.services import Services
from bot.storage import EventRecord, UserSettings, account_key
from bot.targets import LOCAL
from bot.tickets import FeedTicket, TicketRefused
from providers.ics import ics_calendar

log = logging.getLogger(__name__)

FEED_PATH = "/calendar/{ticket}.ics"
FILE_NAME = "quickcal.ics"
# A feed is a bearer URL: never cached on the way, never leaked as a referrer, never sniffed.
FEED_HEADERS = {
    "Content-Disposition": f'attachment; filename="{FILE_NAME}"',
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
MEDIA_TYPE = "text/calendar; charset=utf-8"


class UnknownFeed(Exception):
    """No feed behind this ticket (see the module's tree)."""


def feed_url(services: Services, *, team_id: str, user_id: str) -> str:
    """The person's local calendar feed: `{QUICKCAL_PUBLIC_URL}/calendar/{ticket}.ics`."""
    ticket = FeedTicket(kind="feed", team_id=team_id, user_id=user_id)
    sealed = tickets.seal(services.storage.keys, ticket)
    base = services.settings.public_url.rstrip("/")
    return base + FEED_PATH.format(ticket=sealed)


def feed_url_for(services: Services, record: EventRecord) -> str | None:
    """For the result card and the receipt: the owner's feed when the event went to the local
    calendar (the only one without a web page of its own); None otherwise."""
    if record.provider != LOCAL:
        return None
    return feed_url(services, team_id=record.team_id, user_id=record.user_id)


async def feed_body(services: Services, sealed: str) -> bytes:
    """The iCalendar file of the ticket's person; `UnknownFeed` when there is none."""
    try:
        ticket = tickets.unseal(services.storage.keys, sealed, FeedTicket, now=services.clock())
    except TicketRefused:
        raise UnknownFeed("the ticket does not open") from None
    storage = services.storage
    events = await storage.local_events.list(account_key(ticket.team_id, ticket.user_id, LOCAL))
    prefs = await storage.get_user_settings(ticket.team_id, ticket.user_id)
    if not events and not await _known(services, prefs):
        raise UnknownFeed("nobody is behind the ticket any more")
    minutes = prefs.event_minutes or services.settings.default_event_minutes
    return ics_calendar(events, default_length=timedelta(minutes=minutes), stamp=services.clock())


def routes(services: Services) -> list[BaseRoute]:
    """`GET /calendar/{ticket}.ics` (HEAD too: Starlette answers it from GET)."""

    async def calendar(request: Request) -> Response:
        sealed = request.path_params["ticket"]
        # The ticket is a bearer secret in the path: the access log line, written after
        # this answer, must not carry it.
        redaction.remember(sealed)
        try:
            body = await feed_body(services, sealed)
        except UnknownFeed as exc:
            log.info("calendar feed refused: %s", exc)
            return result_page(
                "Calendar not found",
                "This calendar link is not valid any more.",
                ok=False,
                next_step="Open Quickcal's Home tab in Slack for a fresh link.",
                status_code=404,
            )
        return Response(body, media_type=MEDIA_TYPE, headers=FEED_HEADERS)

    return [Route(FEED_PATH, calendar, methods=["GET"])]


async def _known(services: Services, prefs: UserSettings) -> bool:
    """Does storage still know this person (settings, a cached profile, a linked calendar)?

    A wipe deletes all of it with the local events, so a wiped person's feed is gone, while
    someone who has simply not added an event yet gets an empty, valid calendar.
    """
    if prefs != UserSettings(team_id=prefs.team_id, user_id=prefs.user_id):
        return True
    return bool(await services.storage.list_links(prefs.team_id, prefs.user_id))
