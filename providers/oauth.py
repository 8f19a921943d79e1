"""OAuth 2.0 authorization-code linking for each provider, through Authlib's httpx client.

    authorization_url -> (person consents) -> exchange_code -> OAuthToken
    refresh_token (on 401 or expiry; keeps the old refresh token when none comes back)
    revoke (on unlink; Google and LINE WORKS have an endpoint, Microsoft has none)

PKCE S256 is used where the provider supports it (Google, Microsoft). Google's
revocation endpoint is `{GOOGLE_TOKEN_URL origin}/revoke` (the real one is
https://oauth2.googleapis.com/revoke); LINE WORKS' is `{LINEWORKS_AUTH_URL}/revoke`.
Refresh calls are never retried here: with rotation, a retried refresh may
present a token that the first attempt already consumed.
"""

from __future__ import annotations

import secrets
import warnings
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import httpx
from authlib.deprecate import AuthlibDeprecationWarning
from pydantic import SecretStr

from providers.base import OAuthToken
from providers.errors import AuthExpired, NotLinked, Rejected, Unavailable
from providers.settings import ProviderSettings

with warnings.catch_warnings():
    # Authlib prefers its httpx2 fork and warns about plain httpx, which this project uses.
    warnings.simplefilter("ignore", AuthlibDeprecationWarning)
    from authlib.common.security import generate_token
    from authlib.integrations.httpx_client import AsyncOAuth2Client, OAuthError
    from authlib.oauth2.client import OAuth2Client


@dataclass(frozen=True)
class OAuthProvider:
    """One provider's OAuth endpoints, Quickcal's client credentials and what it asks for."""

    name: str
    authorize_url: str
    token_url: str
    revoke_url: str | None
    client_id: str
    client_secret: SecretStr
    scopes: tuple[str, ...]
    pkce: bool
    authorize_params: dict[str, str] = field(default_factory=dict)
    timeout: float = 10.0  # seconds, each call


@dataclass(frozen=True)
class AuthorizationRequest:
    """Where to send the person, and what to keep (server-side) until they come back."""

    url: str
    state: str
    code_verifier: str | None


def oauth_providers(settings: ProviderSettings) -> dict[str, OAuthProvider]:
    """The OAuth side of each linkable provider, keyed like the calendar registry."""
    providers = {
        "google": OAuthProvider(
            name="google",
            authorize_url=settings.google_auth_url,
            token_url=settings.google_token_url,
            revoke_url=settings.google_revoke_url,
            client_id=settings.google_client_id,
            client_secret=settings.google_client_secret,
            scopes=(
                "openid",
                "email",
                "https://www.googleapis.com/auth/calendar.events",
                "https://www.googleapis.com/auth/calendar.readonly",
            ),
            pkce=True,
            # offline + consent: Google sends a refresh token only then.
            authorize_params={
                "access_type": "offline",
                "prompt": "consent",
                "include_granted_scopes": "true",
            },
        ),
        "microsoft": OAuthProvider(
            name="microsoft",
            authorize_url=settings.microsoft_authorize_url,
            token_url=settings.microsoft_token_url,
            revoke_url=None,
            client_id=settings.microsoft_client_id,
            client_secret=settings.microsoft_client_secret,
            scopes=("offline_access", "User.Read", "Calendars.ReadWrite", "MailboxSettings.Read"),
            pkce=True,
            authorize_params={"response_mode": "query"},
        ),
        "lineworks": OAuthProvider(
            name="lineworks",
            authorize_url=settings.lineworks_auth_url.rstrip("/") + "/authorize",
            token_url=settings.lineworks_auth_url.rstrip("/") + "/token",
            revoke_url=settings.lineworks_auth_url.rstrip("/") + "/revoke",
            client_id=settings.lineworks_client_id,
            client_secret=settings.lineworks_client_secret,
            scopes=("calendar", "user.read"),
            pkce=False,
        ),
    }
    return {
        name: replace(provider, timeout=settings.provider_timeout_seconds)
        for name, provider in providers.items()
    }


def new_code_verifier(provider: OAuthProvider) -> str | None:
    """A fresh PKCE verifier (RFC 7636: 43-128 characters) where the provider supports PKCE."""
    return generate_token(64) if provider.pkce else None


def authorization_url(
    provider: OAuthProvider,
    *,
    redirect_uri: str,
    state: str | None = None,
    code_verifier: str | None = None,
) -> AuthorizationRequest:
    """The consent URL with `state` and, where supported, a PKCE S256 challenge.

    Callers that keep the state and verifier themselves (the bot stores both before the
    redirect) pass them in; otherwise fresh ones are made here.
    """
    state = state or secrets.token_urlsafe(24)
    verifier = code_verifier or new_code_verifier(provider)
    if not provider.client_id:
        raise NotLinked(f"{provider.name} is not configured", provider=provider.name)
    builder = OAuth2Client(
        None,
        client_id=provider.client_id,
        scope=" ".join(provider.scopes),
        redirect_uri=redirect_uri,
        code_challenge_method="S256" if provider.pkce else None,
    )
    url, _ = builder.create_authorization_url(
        provider.authorize_url, state=state, code_verifier=verifier, **provider.authorize_params
    )
    return AuthorizationRequest(url=url, state=state, code_verifier=verifier)


async def exchange_code(
    provider: OAuthProvider,
    *,
    code: str,
    redirect_uri: str,
    code_verifier: str | None,
) -> OAuthToken:
    """Trade the code the person came back with for tokens."""
    extra = {"code_verifier": code_verifier} if code_verifier else {}
    async with _client(provider, redirect_uri=redirect_uri) as client:
        raw = await _token_call(
            provider, client.fetch_token(provider.token_url, code=code, **extra)
        )
    return _token(raw)


async def refresh_token(provider: OAuthProvider, token: OAuthToken) -> OAuthToken:
    """A new access token; the refresh token is the new one when the provider rotated it."""
    if not token.refresh_token:
        raise AuthExpired("the link has no refresh token: link again", provider=provider.name)
    async with _client(provider) as client:
        raw = await _token_call(
            provider, client.refresh_token(provider.token_url, refresh_token=token.refresh_token)
        )
    fresh = _token(raw)
    if fresh.refresh_token is None:
        fresh = fresh.model_copy(update={"refresh_token": token.refresh_token})
    return fresh


async def revoke(provider: OAuthProvider, token: OAuthToken) -> bool:
    """Revoke the grant where the provider can; False when it has no endpoint (Microsoft)."""
    if provider.revoke_url is None:
        return False
    secret = token.refresh_token or token.access_token
    hint = "refresh_token" if token.refresh_token else "access_token"
    async with _client(provider) as client:
        try:
            response = await client.revoke_token(
                provider.revoke_url, token=secret, token_type_hint=hint
            )
        except httpx.HTTPError:
            raise Unavailable(
                "could not reach the sign-in service", provider=provider.name
            ) from None
    # 400 invalid_token: already revoked or expired, which is what unlinking wants.
    if response.status_code >= 500:
        raise Unavailable("the sign-in service failed", provider=provider.name)
    return True


def _client(provider: OAuthProvider, *, redirect_uri: str | None = None) -> AsyncOAuth2Client:
    if not provider.client_id:
        raise NotLinked(f"{provider.name} is not configured", provider=provider.name)
    client = AsyncOAuth2Client(
        client_id=provider.client_id,
        client_secret=provider.client_secret.get_secret_value(),
        scope=" ".join(provider.scopes),
        redirect_uri=redirect_uri,
        code_challenge_method="S256" if provider.pkce else None,
        token_endpoint_auth_method="client_secret_post",  # noqa: S106 - a method name
        timeout=httpx.Timeout(provider.timeout, connect=min(provider.timeout, 5.0)),
    )
    for hook in ("access_token_response", "refresh_token_response"):
        client.register_compliance_hook(hook, _fail_on_outage(provider.name))
    return client


def _fail_on_outage(name: str) -> Any:
    def hook(response: httpx.Response) -> httpx.Response:
        if response.status_code >= 500:
            raise Unavailable("the sign-in service failed", provider=name)
        return response

    return hook


async def _token_call(provider: OAuthProvider, call: Any) -> dict[str, Any]:
    try:
        raw: dict[str, Any] = await call
    except OAuthError as exc:
        if exc.error == "invalid_grant":
            raise AuthExpired("the link has expired: link again", provider=provider.name) from None
        raise Rejected(f"sign-in refused: {exc.error}", provider=provider.name) from None
    except httpx.HTTPError:
        raise Unavailable("could not reach the sign-in service", provider=provider.name) from None
    except ValueError:
        raise Unavailable("the sign-in service answered nonsense", provider=provider.name) from None
    return raw


def _token(raw: dict[str, Any]) -> OAuthToken:
    expires_at = raw.get("expires_at")
    return OAuthToken(
        access_token=raw["access_token"],
        refresh_token=raw.get("refresh_token"),
        expires_at=datetime.fromtimestamp(int(expires_at), UTC) if expires_at else None,
        scope=raw.get("scope"),
        token_type=str(raw.get("token_type", "Bearer")).capitalize(),
    )
