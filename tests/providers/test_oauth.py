"""OAuth linking against the fake authorization servers: state, PKCE, code, refresh, revoke."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from providers.base import OAuthToken
from providers.errors import AuthExpired, Rejected
from providers.oauth import (
    AuthorizationRequest,
    OAuthProvider,
    authorization_url,
    exchange_code,
    oauth_providers,
    refresh_token,
    revoke,
)
from providers.settings import ProviderSettings
from tests.fakes.google import FakeGoogle
from tests.fakes.graph import FakeGraph
from tests.fakes.lineworks import FakeLineWorks
from tests.fakes.provider import FakeProvider
from tests.providers.conftest import settings_for

REDIRECT = "https://quickcal.example.com/oauth/callback"
FAKES: dict[str, Callable[[], FakeProvider]] = {
    "google": FakeGoogle,
    "microsoft": FakeGraph,
    "lineworks": FakeLineWorks,
}


def consent(request: AuthorizationRequest) -> dict[str, str]:
    """What the browser would bring back to the redirect URI after the person said yes."""
    answer = httpx.get(request.url, follow_redirects=False)
    assert answer.status_code == 302, answer.text
    location = answer.headers["location"]
    assert location.startswith(REDIRECT + "?")
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


@pytest.fixture(params=sorted(FAKES))
def provider(request: pytest.FixtureRequest) -> Iterator[tuple[OAuthProvider, FakeProvider]]:
    with FAKES[request.param]() as fake:
        yield oauth_providers(settings_for(fake))[request.param], fake


async def test_the_whole_link_gives_tokens_the_api_accepts(
    provider: tuple[OAuthProvider, FakeProvider],
) -> None:
    oauth, fake = provider
    request = authorization_url(oauth, redirect_uri=REDIRECT)
    query = parse_qs(urlsplit(request.url).query)
    assert query["state"] == [request.state]
    assert (request.code_verifier is not None) == oauth.pkce
    if oauth.pkce:
        assert query["code_challenge_method"] == ["S256"]
    back = consent(request)
    assert back["state"] == request.state
    token = await exchange_code(
        oauth, code=back["code"], redirect_uri=REDIRECT, code_verifier=request.code_verifier
    )
    assert fake.oauth.account_for(token.access_token) == fake.oauth.login_as
    assert token.refresh_token
    assert token.expires_at is not None


async def test_a_code_works_once(provider: tuple[OAuthProvider, FakeProvider]) -> None:
    oauth, _ = provider
    request = authorization_url(oauth, redirect_uri=REDIRECT)
    code = consent(request)["code"]
    verifier = request.code_verifier
    await exchange_code(oauth, code=code, redirect_uri=REDIRECT, code_verifier=verifier)
    with pytest.raises(AuthExpired):
        await exchange_code(oauth, code=code, redirect_uri=REDIRECT, code_verifier=verifier)


async def test_the_pkce_verifier_must_match(graph: FakeGraph) -> None:
    oauth = oauth_providers(settings_for(graph))["microsoft"]
    request = authorization_url(oauth, redirect_uri=REDIRECT)
    code = consent(request)["code"]
    with pytest.raises(AuthExpired):
        await exchange_code(oauth, code=code, redirect_uri=REDIRECT, code_verifier="x" * 64)


async def test_the_redirect_uri_must_be_repeated_exactly(google: FakeGoogle) -> None:
    oauth = oauth_providers(settings_for(google))["google"]
    request = authorization_url(oauth, redirect_uri=REDIRECT)
    code = consent(request)["code"]
    with pytest.raises(AuthExpired):
        await exchange_code(
            oauth, code=code, redirect_uri=REDIRECT + "/evil", code_verifier=request.code_verifier
        )


def test_google_asks_for_offline_access_so_a_refresh_token_comes_back() -> None:
    settings = ProviderSettings(GOOGLE_CLIENT_ID="id", GOOGLE_CLIENT_SECRET="secret")
    oauth = oauth_providers(settings)["google"]
    query = parse_qs(urlsplit(authorization_url(oauth, redirect_uri=REDIRECT).url).query)
    assert query["access_type"] == ["offline"]
    assert "https://www.googleapis.com/auth/calendar.events" in query["scope"][0].split()


async def test_a_wrong_client_secret_is_refused(google: FakeGoogle) -> None:
    oauth = oauth_providers(settings_for(google, GOOGLE_CLIENT_SECRET="wrong"))["google"]
    token = google.oauth.issue()
    with pytest.raises(Rejected, match="invalid_client"):
        await refresh_token(oauth, OAuthToken(access_token="a", refresh_token=token.refresh_token))


async def test_refresh_rotates_and_revoke_kills_the_grant(lineworks: FakeLineWorks) -> None:
    oauth = oauth_providers(settings_for(lineworks))["lineworks"]
    issued = lineworks.oauth.issue()
    token = OAuthToken(access_token=issued.access_token, refresh_token=issued.refresh_token)
    fresh = await refresh_token(oauth, token)
    assert fresh.access_token != token.access_token
    assert fresh.refresh_token == token.refresh_token  # LINE WORKS does not rotate: kept
    assert await revoke(oauth, fresh) is True
    with pytest.raises(AuthExpired):
        await refresh_token(oauth, fresh)


async def test_microsoft_has_no_revocation_endpoint(graph: FakeGraph) -> None:
    oauth = oauth_providers(settings_for(graph))["microsoft"]
    assert await revoke(oauth, OAuthToken(access_token="a", refresh_token="b")) is False
    assert [r.path for r in graph.requests] == []
