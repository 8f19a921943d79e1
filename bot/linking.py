"""Linking a calendar: Connect URLs, `GET /oauth/{provider}/start` and `/callback`, Disconnect.

A Connect button carries a ticket (`bot.tickets`): who pressed it (team, user), for which
provider, until when, sealed with the storage key ring. `start` turns a ticket into a single-use
OAuth state (with the PKCE verifier, kept by storage) and sets a cookie that binds the browser
to that state; `callback` takes the code only from that browser, at that provider's path.

    LinkError                 a link request refused; `title` and `message` are user words
    ├── UnknownProvider       the path names no configured provider (404)
    ├── BadTicket             the Connect link is forged, tampered or too old
    ├── WrongBrowser          the callback's state was not started in this browser
    ├── StateRefused          the state is missing, unknown, used, expired or another provider's
    ├── ProviderDenied        the person (or the provider) said no at the authorize page
    └── ExchangeFailed        the provider refused the code, or reading the account failed
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot import tickets
from bot.crypto import CryptoError
from bot.install import slack_client_for
from bot.pages import result_page
from bot.services import Services
from bot.storage import CalendarLink, OAuthStateError, OAuthStateExpired
from bot.targets import label_of
from bot.tickets import ConnectTicket, TicketRefused
from providers import oauth
from providers.base import AccountInfo, OAuthToken
from providers.errors import ProviderError
from providers.linked import LinkedCalendar
from providers.registry import CALENDARS
from providers.tokens import MemoryTokenStore

log = logging.getLogger(__name__)

TICKET_LIFETIME = timedelta(hours=1)
COOKIE_LIFETIME = timedelta(minutes=10)
COOKIE_PREFIX = "quickcal_link_"


class LinkError(Exception):
    """A refused link request, in words for the person: a page `title`, an HTTP `status`."""

    status = 400
    title = "That link did not work"

    def __init_subclass__(cls, *, title: str, status: int = 400) -> None:
        cls.title, cls.status = title, status

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownProvider(LinkError, title="Unknown calendar", status=404): ...


class BadTicket(LinkError, title="This Connect link has expired"): ...


class WrongBrowser(LinkError, title="Start again from Slack"): ...


class StateRefused(LinkError, title="This sign-in cannot be used"): ...


class ProviderDenied(LinkError, title="Calendar not connected"): ...


class ExchangeFailed(LinkError, title="Calendar not connected", status=502): ...


@dataclass(frozen=True)
class BrokenLink:
    """What the draft card needs to offer Reconnect: the provider's label and a Connect URL."""

    provider: str
    label: str
    reconnect_url: str


def linkable(services: Services) -> list[str]:
    """Providers with client credentials, in the registry's order."""
    configured = services.settings.providers.configured()
    return [name for name in services.calendars if name in configured]


def connect_url(services: Services, *, team_id: str, user_id: str, provider: str) -> str:
    """The Connect button's URL: `/oauth/{provider}/start?ticket=...` for this person."""
    expires = int((services.clock() + TICKET_LIFETIME).timestamp())
    ticket = ConnectTicket(team_id=team_id, user_id=user_id, provider=provider, expires=expires)
    sealed = tickets.seal(services.storage.keys, ticket)
    return f"{_base(services)}/oauth/{provider}/start?{urlencode({'ticket': sealed})}"


def redirect_uri(services: Services, provider: str) -> str:
    """Each provider's own callback path: a code never arrives at another's by design."""
    return f"{_base(services)}/oauth/{provider}/callback"


def open_ticket(services: Services, sealed: str, *, provider: str) -> tuple[str, str]:
    """(team id, user id) of whoever pressed this Connect button; `BadTicket` if not valid."""
    try:
        ticket = tickets.unseal(services.storage.keys, sealed, ConnectTicket, now=services.clock())
    except TicketRefused:
        raise BadTicket("Open the Quickcal Home tab in Slack and press Connect again.") from None
    if ticket.provider != provider:
        raise BadTicket("This Connect link belongs to another calendar.")
    return ticket.team_id, ticket.user_id


async def start_link(services: Services, *, provider: str, sealed: str) -> tuple[str, str]:
    """(authorize URL, browser-binding cookie value) for a Connect click."""
    client = oauth_provider(services, provider)
    team_id, user_id = open_ticket(services, sealed, provider=provider)
    # Storage keeps the verifier under the single-use state it makes; both go in the URL.
    verifier = oauth.new_code_verifier(client)
    state = await services.storage.issue_oauth_state(
        team_id=team_id, user_id=user_id, provider=provider, code_verifier=verifier
    )
    request = oauth.authorization_url(
        client, redirect_uri=redirect_uri(services, provider), state=state, code_verifier=verifier
    )
    return request.url, _binding(services, state)


async def finish_link(
    services: Services, *, provider: str, params: dict[str, str], cookie: str | None
) -> CalendarLink:
    """Check everything, then exchange the code, read the account and save the link."""
    client = oauth_provider(services, provider)
    state = params.get("state", "")
    if not state:
        raise StateRefused("The sign-in came back without its state. Press Connect again.")
    if not _bound(services, cookie, state):
        raise WrongBrowser(
            "This sign-in was started from another browser, or too long ago. "
            "Press Connect in Slack again, in this browser."
        )
    try:
        grant = await services.storage.consume_oauth_state(state, provider=provider)
    except OAuthStateExpired:
        raise StateRefused("The sign-in took too long. Press Connect in Slack again.") from None
    except OAuthStateError:
        raise StateRefused("This sign-in was already used. Press Connect in Slack again.") from None
    label = label_of(services.calendars, provider)
    if "error" in params or not params.get("code"):
        raise ProviderDenied(f"{label} did not give access, so nothing was linked.")
    try:
        token = await oauth.exchange_code(
            client,
            code=params["code"],
            redirect_uri=redirect_uri(services, provider),
            code_verifier=grant.code_verifier,
        )
        account, token = await _identify(services, provider, token)
    except ProviderError:
        log.warning("linking %s failed at the provider", provider, exc_info=True)
        raise ExchangeFailed(f"{label} refused the sign-in. Please try Connect again.") from None
    link = await services.storage.save_link(
        grant.team_id, grant.user_id, provider, account=account, token=token
    )
    log.info("linked %s for %s/%s", provider, grant.team_id, grant.user_id)
    return link


async def broken_link_for(
    services: Services, *, team_id: str, user_id: str, provider: str
) -> BrokenLink | None:
    """For the draft card: the Reconnect offer when this person's link is broken."""
    link = await services.storage.get_link(team_id, user_id, provider)
    if link is None or link.status != "broken":
        return None
    url = connect_url(services, team_id=team_id, user_id=user_id, provider=provider)
    label = label_of(services.calendars, provider)
    return BrokenLink(provider=provider, label=label, reconnect_url=url)


async def tell_linked(services: Services, link: CalendarLink) -> None:
    """DM the person that the calendar is connected, and what comes next."""
    label = label_of(services.calendars, link.provider)
    account = link.email or link.display_name
    who = f" as {account}" if account else ""
    chosen = next((c.name for c in link.calendars if c.id == link.calendar_id), None)
    where = f" Events go to your calendar *{chosen}*." if chosen else ""
    text = (
        f":white_check_mark: *{label} connected*{who}.{where}\n"
        "Try `/event lunch with Adele Friday noon`: you get a draft, press *Create* and it "
        f"lands in {label}. Change calendars and defaults in my Home tab."
    )
    try:
        client = await slack_client_for(services, link.team_id)
        await client.chat_postMessage(channel=link.user_id, text=text)
    except Exception:  # the link is saved; a lost DM must not turn the page into an error
        log.warning("could not DM %s about the new %s link", link.user_id, link.provider)


def routes(services: Services) -> list[BaseRoute]:
    """`GET /oauth/{provider}/start` and `GET /oauth/{provider}/callback`."""

    async def start(request: Request) -> Response:
        provider = request.path_params["provider"]
        try:
            url, binding = await start_link(
                services, provider=provider, sealed=request.query_params.get("ticket", "")
            )
        except LinkError as exc:
            return result_page(exc.title, exc.message, ok=False, status_code=exc.status)
        response = RedirectResponse(url, status_code=302)
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.set_cookie(
            COOKIE_PREFIX + provider,
            binding,
            max_age=int(COOKIE_LIFETIME.total_seconds()),
            path=f"/oauth/{provider}/",
            httponly=True,
            secure=urlsplit(_base(services)).scheme == "https",
            samesite="lax",
        )
        return response

    async def callback(request: Request) -> Response:
        provider = request.path_params["provider"]
        cookie_name = COOKIE_PREFIX + provider
        try:
            link = await finish_link(
                services,
                provider=provider,
                params=dict(request.query_params),
                cookie=request.cookies.get(cookie_name),
            )
        except LinkError as exc:
            return result_page(exc.title, exc.message, ok=False, status_code=exc.status)
        await tell_linked(services, link)
        label = label_of(services.calendars, provider)
        page = result_page(
            f"{label} connected",
            f"Quickcal can now add events to {link.email or 'your calendar'}.",
            ok=True,
            next_step="Go back to Slack and type /event with what you want to plan.",
        )
        page.delete_cookie(cookie_name, path=f"/oauth/{provider}/")
        return page

    return [
        Route("/oauth/{provider}/start", start, methods=["GET"]),
        Route("/oauth/{provider}/callback", callback, methods=["GET"]),
    ]


async def _identify(
    services: Services, provider: str, token: OAuthToken
) -> tuple[AccountInfo, OAuthToken]:
    """Who the new token belongs to, read before anything is saved (from a one-off store)."""
    pending = MemoryTokenStore()
    await pending.put(provider, token)
    calendar = CALENDARS[provider].from_settings(
        services.settings.providers,
        http=services.http,
        tokens=pending,
        local_store=services.storage.local_events,
    )
    if not isinstance(calendar, LinkedCalendar):
        raise UnknownProvider("Quickcal does not link that calendar here.")
    account = await calendar.identify(provider)
    return account, await pending.get(provider)  # a refresh on the way keeps the newest


def oauth_provider(services: Services, provider: str) -> oauth.OAuthProvider:
    """The provider's OAuth side; `UnknownProvider` unless this deployment links it."""
    if provider not in linkable(services):
        raise UnknownProvider("Quickcal does not link that calendar here.")
    return oauth.oauth_providers(services.settings.providers)[provider]


def _binding(services: Services, state: str) -> str:
    """The cookie binding `state` to the browser that started it: its hash, sealed."""
    return services.storage.keys.encrypt(_digest(state))


def _bound(services: Services, cookie: str | None, state: str) -> bool:
    if not cookie:
        return False
    try:
        return hmac.compare_digest(services.storage.keys.decrypt(cookie), _digest(state))
    except CryptoError:
        return False


def _digest(state: str) -> str:
    return hashlib.sha256(state.encode()).hexdigest()


def _base(services: Services) -> str:
    return services.settings.public_url.rstrip("/")
