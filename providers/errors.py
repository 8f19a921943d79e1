"""The providers' error tree; raised, never returned.

    ProviderError                 any failure talking to a calendar
    ├── NotLinked                 no usable credentials for this account
    │   └── AuthExpired           refresh failed (invalid_grant, revoked): relink
    ├── Unsupported               the draft holds something this provider cannot express
    ├── Rejected                  the provider refused the request (4xx); its own message
    │   └── RateLimited           429 / quota: retry after `retry_after` seconds
    └── Unavailable               5xx, timeouts, resets: try again later

The bot turns these into words for people in one place; nothing here is shown raw.
"""

from __future__ import annotations


class ProviderError(Exception):
    """Base of every provider failure."""

    def __init__(self, message: str, *, provider: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.provider = provider


class NotLinked(ProviderError):
    """No usable credentials for the account."""


class AuthExpired(NotLinked):
    """The refresh token no longer works: the person must link again."""


class Unsupported(ProviderError):
    """Fields of the draft that this provider cannot express; said before sending."""

    def __init__(self, message: str, *, provider: str = "", fields: tuple[str, ...] = ()) -> None:
        super().__init__(message, provider=provider)
        self.fields = fields


class Rejected(ProviderError):
    """The provider refused the request; `message` is the provider's own words."""

    def __init__(self, message: str, *, provider: str = "", status: int = 400) -> None:
        super().__init__(message, provider=provider)
        self.status = status


class RateLimited(Rejected):
    """Too many requests; `retry_after` is in seconds."""

    def __init__(self, message: str, *, provider: str = "", retry_after: float = 1.0) -> None:
        super().__init__(message, provider=provider, status=429)
        self.retry_after = retry_after


class Unavailable(ProviderError):
    """The provider could not be reached or failed on its side.

    `retry_after` (seconds) is set when the provider said when to come back (503 + Retry-After).
    """

    def __init__(
        self, message: str, *, provider: str = "", retry_after: float | None = None
    ) -> None:
        super().__init__(message, provider=provider)
        self.retry_after = retry_after
