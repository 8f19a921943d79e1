"""A fake OAuth 2.0 authorization server: codes, PKCE S256, tokens, refresh rotation, revoke.

Each provider fake mounts one `FakeOAuth` on its own server (paths given by the
provider) and accepts on its API only the access tokens this server issued.

    oauth = FakeOAuth(authorize_path="/o/oauth2/v2/auth", token_path="/token")
    oauth.login_as = "alice@example.com"        # who "consents" at the authorize URL
    GET  {authorize}?response_type=code&client_id&redirect_uri&state[&code_challenge...]
         -> 302 to redirect_uri?code=...&state=...  (400 page for a bad client/redirect)
    POST {token} grant_type=authorization_code | refresh_token
         (client_secret_basic or client_secret_post)
    POST {revoke} token=...                      (when revoke_path is given)

Tests seed a token store without the browser dance with `oauth.issue(account)`,
make every access token stale with `expire_tokens()`, and read `refreshes`
(how many refresh grants succeeded) and `token_requests` (every token call).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

CLIENT_ID = "quickcal-test-client"
CLIENT_SECRET = "quickcal-test-secret"


@dataclass
class IssuedToken:
    """One token set this server handed out."""

    account: str
    access_token: str
    refresh_token: str | None
    expires_in: int
    scope: str
    expired: bool = False
    revoked: bool = False


@dataclass
class _Code:
    account: str
    client_id: str
    redirect_uri: str
    scope: str
    challenge: str | None
    used: bool = False


@dataclass
class TokenRequest:
    """A recorded call of the token endpoint (form fields, secrets included: fakes only)."""

    grant_type: str
    form: dict[str, str]
    status: int = 200
    error: str | None = None


@dataclass
class FakeOAuth:
    """The authorization server state; `routes()` serves it (see the module docstring)."""

    authorize_path: str
    token_path: str
    revoke_path: str | None = None
    client_id: str = CLIENT_ID
    client_secret: str = CLIENT_SECRET
    # None: any redirect_uri is accepted at authorize, but the token call must repeat it.
    redirect_uris: tuple[str, ...] | None = None
    pkce: bool = True  # S256 required when True (Google, Microsoft); LINE WORKS has none
    rotate_refresh_tokens: bool = True  # a refresh returns a new refresh token, old one dies
    expires_in: int = 3600
    login_as: str = "user@example.com"
    tokens: list[IssuedToken] = field(default_factory=list)
    token_requests: list[TokenRequest] = field(default_factory=list)
    refreshes: int = 0
    _codes: dict[str, _Code] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # ---- test controls -------------------------------------------------
    def issue(self, account: str | None = None, *, scope: str = "calendar") -> IssuedToken:
        """A fresh token set for `account`, as if it had linked just now."""
        token = IssuedToken(
            account=account or self.login_as,
            access_token="at-" + secrets.token_urlsafe(16),
            refresh_token="rt-" + secrets.token_urlsafe(16),
            expires_in=self.expires_in,
            scope=scope,
        )
        with self._lock:
            self.tokens.append(token)
        return token

    def expire_tokens(self) -> None:
        """Every access token issued so far now answers 401 (refresh tokens still work)."""
        with self._lock:
            for token in self.tokens:
                token.expired = True

    def revoke_all(self) -> None:
        """Refresh tokens die too, as after the person removed the app's access."""
        with self._lock:
            for token in self.tokens:
                token.revoked = True

    def account_for(self, access_token: str) -> str | None:
        """Whose live access token this is, or None (unknown, expired or revoked)."""
        with self._lock:
            for token in self.tokens:
                if token.access_token == access_token:
                    return None if token.expired or token.revoked else token.account
        return None

    @property
    def revoked(self) -> list[IssuedToken]:
        return [t for t in self.tokens if t.revoked]

    # ---- HTTP ----------------------------------------------------------
    def routes(self) -> list[Route]:
        found = [
            Route(self.authorize_path, self._authorize, methods=["GET"]),
            Route(self.token_path, self._token, methods=["POST"]),
        ]
        if self.revoke_path:
            found.append(Route(self.revoke_path, self._revoke, methods=["POST"]))
        return found

    async def _authorize(self, request: Request) -> Response:
        query = request.query_params
        redirect_uri = query.get("redirect_uri", "")
        if query.get("client_id") != self.client_id:
            return PlainTextResponse("invalid_client: unknown client_id", status_code=400)
        if not redirect_uri or (self.redirect_uris and redirect_uri not in self.redirect_uris):
            # Never redirect to an unregistered URI: that is how codes get stolen.
            return PlainTextResponse("redirect_uri_mismatch", status_code=400)
        error = _authorize_error(query, pkce=self.pkce)
        if error:
            target = {"error": error, "state": query.get("state", "")}
            return RedirectResponse(f"{redirect_uri}?{urlencode(target)}", status_code=302)
        code = "code-" + secrets.token_urlsafe(12)
        self._codes[code] = _Code(
            account=self.login_as,
            client_id=self.client_id,
            redirect_uri=redirect_uri,
            scope=query.get("scope", ""),
            challenge=query.get("code_challenge"),
        )
        target = {"code": code, "state": query["state"]}
        return RedirectResponse(f"{redirect_uri}?{urlencode(target)}", status_code=302)

    async def _token(self, request: Request) -> Response:
        form = await _form(request)
        record = TokenRequest(grant_type=form.get("grant_type", ""), form=form)
        self.token_requests.append(record)
        if not self._client_ok(request, form):
            return self._refuse(record, 401, "invalid_client")
        if record.grant_type == "authorization_code":
            return self._exchange(record, form)
        if record.grant_type == "refresh_token":
            return self._refresh(record, form)
        return self._refuse(record, 400, "unsupported_grant_type")

    def _exchange(self, record: TokenRequest, form: dict[str, str]) -> Response:
        code = self._codes.get(form.get("code", ""))
        if code is None or code.used:
            return self._refuse(record, 400, "invalid_grant")
        code.used = True  # single use, even when the rest is wrong
        if form.get("redirect_uri") != code.redirect_uri:
            return self._refuse(record, 400, "invalid_grant")
        if code.challenge is not None and _s256(form.get("code_verifier", "")) != code.challenge:
            return self._refuse(record, 400, "invalid_grant")
        return _token_response(self.issue(code.account, scope=code.scope))

    def _refresh(self, record: TokenRequest, form: dict[str, str]) -> Response:
        given = form.get("refresh_token", "")
        with self._lock:
            old = next((t for t in self.tokens if t.refresh_token == given), None)
            if old is None or old.revoked:
                return self._refuse(record, 400, "invalid_grant")
            old.expired = True
            if self.rotate_refresh_tokens:
                old.revoked = True
            self.refreshes += 1
        new = self.issue(old.account, scope=old.scope)
        if self.rotate_refresh_tokens:
            return _token_response(new)
        new.refresh_token = given  # Google keeps the first one and sends none back
        return _token_response(new, with_refresh=False)

    async def _revoke(self, request: Request) -> Response:
        given = (await _form(request)).get("token", "")
        with self._lock:
            hit = [t for t in self.tokens if given in (t.access_token, t.refresh_token)]
            for token in hit:
                token.revoked = True
        if not hit:
            return JSONResponse({"error": "invalid_token"}, status_code=400)
        return Response(status_code=200)

    def _client_ok(self, request: Request, form: dict[str, str]) -> bool:
        header = request.headers.get("authorization", "")
        if header.lower().startswith("basic "):
            pair = base64.b64decode(header[6:]).decode()
            client_id, _, secret = pair.partition(":")
        else:
            client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        return client_id == self.client_id and secrets.compare_digest(secret, self.client_secret)

    @staticmethod
    def _refuse(record: TokenRequest, status: int, error: str) -> Response:
        record.status, record.error = status, error
        return JSONResponse({"error": error, "error_description": error}, status_code=status)


async def _form(request: Request) -> dict[str, str]:
    # application/x-www-form-urlencoded, read by hand: no python-multipart needed.
    return dict(parse_qsl((await request.body()).decode(), keep_blank_values=True))


def _authorize_error(query: Any, *, pkce: bool) -> str | None:
    if query.get("response_type") != "code":
        return "unsupported_response_type"
    if not query.get("state"):
        return "invalid_request"
    if pkce and (not query.get("code_challenge") or query.get("code_challenge_method") != "S256"):
        return "invalid_request"
    return None


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _token_response(token: IssuedToken, *, with_refresh: bool = True) -> Response:
    body: dict[str, Any] = {
        "access_token": token.access_token,
        "token_type": "Bearer",
        "expires_in": token.expires_in,
        "scope": token.scope,
    }
    if with_refresh and token.refresh_token:
        body["refresh_token"] = token.refresh_token
    return JSONResponse(body, headers={"Cache-Control": "no-store"})
