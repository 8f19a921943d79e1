"""Single-use OAuth `state` values for linking a calendar, with the PKCE verifier encrypted.

Only a hash of the state is stored; consuming is one atomic DELETE ... RETURNING, so of
two parallel callbacks carrying one state exactly one gets the grant.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import delete, insert

from .core import StorageCore, digest
from .errors import OAuthStateError, OAuthStateExpired
from .records import OAuthGrant
from .tables import oauth_states

OAUTH_STATE_LIFETIME = timedelta(minutes=10)


class OAuthStateRecords(StorageCore):
    """Issue and consume provider OAuth states."""

    async def issue_oauth_state(
        self,
        *,
        team_id: str,
        user_id: str,
        provider: str,
        code_verifier: str | None,
        lifetime: timedelta = OAUTH_STATE_LIFETIME,
    ) -> str:
        """A fresh random state for the authorize URL, remembered with who asked."""
        state = secrets.token_urlsafe(32)
        now = self.clock()
        values = {
            "state_hash": digest(state),
            "team_id": team_id,
            "user_id": user_id,
            "provider": provider,
            "code_verifier_secret": self.seal(code_verifier),
            "created_at": now,
            "expires_at": now + lifetime,
        }
        async with self.writing() as connection:
            await connection.execute(insert(oauth_states).values(values))
        return state

    async def consume_oauth_state(self, state: str, *, provider: str) -> OAuthGrant:
        """Use a state once: exactly one of concurrent consumers gets the grant.

        `OAuthStateExpired` when too old, `OAuthStateError` when unknown, used, or
        issued for another provider (a state of another provider is left untouched).
        """
        c = oauth_states.c
        async with self.writing() as connection:
            result = await connection.execute(
                delete(oauth_states)
                .where(c.state_hash == digest(state), c.provider == provider)
                .returning(oauth_states)
            )
            row = result.one_or_none()
        if row is None:
            raise OAuthStateError("this link request is unknown or was used already")
        if row.expires_at <= self.clock():
            raise OAuthStateExpired("this link request has expired")
        verifier = self.open_secret(row.code_verifier_secret, what="PKCE verifier")
        if row.code_verifier_secret is not None and verifier is None:
            raise OAuthStateError("this link request could not be read")
        return OAuthGrant(
            team_id=row.team_id,
            user_id=row.user_id,
            provider=row.provider,
            code_verifier=verifier,
            created_at=row.created_at,
        )
