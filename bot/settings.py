"""Quickcal's settings, read once from the environment (and `.env`) by pydantic-settings."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from providers.settings import ProviderSettings

SLACK_API_URL = "https://slack.com/api/"
# The most provider calls one create makes, each with its own attempts and retry budget:
# a token refresh, the create (again after a 401), and the lookups after a conflict (LINE
# WORKS: its default calendar, then the event). Google makes 3, Outlook 3 (meeting + create).
CALLS_PER_CREATE = 4
# Room for what the call bounds leave out: storage round trips, a slow event loop, and
# httpx counting its timeout per phase (connect, write, read) rather than per request.
LEASE_MARGIN = timedelta(seconds=60)


class Settings(BaseSettings):
    """Every knob of the app; README.md and .env.example document each one."""

    model_config = SettingsConfigDict(
        env_file=".env", extra="ignore", validate_by_name=True, validate_by_alias=True
    )

    slack_bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(
        default=None, validation_alias="SLACK_SIGNING_SECRET"
    )
    # Socket Mode replaces the public HTTP endpoint when an app-level token is given.
    slack_app_token: SecretStr | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field(default=SLACK_API_URL, validation_alias="SLACK_API_URL")
    slack_client_id: str | None = Field(default=None, validation_alias="SLACK_CLIENT_ID")
    slack_client_secret: SecretStr | None = Field(
        default=None, validation_alias="SLACK_CLIENT_SECRET"
    )
    port: int = Field(default=3000, ge=1, le=65535, validation_alias="QUICKCAL_PORT")
    public_url: str = Field(default="http://localhost:3000", validation_alias="QUICKCAL_PUBLIC_URL")
    data_dir: Path = Field(default=Path("data"), validation_alias="QUICKCAL_DATA_DIR")
    # None means an SQLite file in the data directory (storage decides), so a newcomer needs
    # nothing; PostgreSQL for several instances.
    database_url: str | None = Field(default=None, validation_alias="DATABASE_URL")
    secret_key: SecretStr | None = Field(default=None, validation_alias="QUICKCAL_SECRET_KEY")
    # One instance migrates its own database on start; a fleet sets this false and runs
    # `python -m bot.storage upgrade` once, so N instances never race on Alembic.
    migrate_on_start: bool = Field(default=True, validation_alias="QUICKCAL_MIGRATE_ON_START")
    default_event_minutes: int = Field(
        default=60, ge=5, le=24 * 60, validation_alias="QUICKCAL_DEFAULT_EVENT_MINUTES"
    )
    # Provider URLs and OAuth clients (GOOGLE_*, MICROSOFT_*, LINEWORKS_*, PROVIDER_*), read from
    # the same environment and .env file.
    providers: ProviderSettings = Field(default_factory=lambda: ProviderSettings(_env_file=".env"))
    # A create claimed longer ago than this was claimed by a process that is gone: the
    # reconciler (and a click) may take it over. Unset: derived from the provider limits
    # (`create_lease`); set it lower only if those limits are lower too.
    reconcile_after_seconds: float | None = Field(
        default=None, gt=0, validation_alias="QUICKCAL_RECONCILE_AFTER_SECONDS"
    )
    reconcile_every_seconds: float = Field(
        default=60.0, gt=0, validation_alias="QUICKCAL_RECONCILE_EVERY_SECONDS"
    )

    @property
    def has_slack(self) -> bool:
        """True when there is enough to talk to a real workspace (else: the playground).

        Socket Mode needs the bot token and the app token only: no request is signed
        there. Over HTTP, the signing secret and a bot token or an OAuth client id.
        """
        if self.socket_mode:
            return self.slack_bot_token is not None
        return self.slack_signing_secret is not None and (
            self.slack_bot_token is not None or self.slack_client_id is not None
        )

    @property
    def socket_mode(self) -> bool:
        """True with an app-level token: Slack pushes requests over a websocket, no public URL."""
        return self.slack_app_token is not None

    def create_lease(self) -> timedelta:
        """How long a live create can possibly hold its claim; older claims are dead.

        Each provider call ends within `attempts x timeout` of trying plus its retry budget
        of waiting (transport.py stops before a wait would exceed the budget), and a create
        makes at most `CALLS_PER_CREATE` calls: with the defaults 4 x (4 x 10 s + 20 s)
        + 60 s = 5 minutes. QUICKCAL_RECONCILE_AFTER_SECONDS overrides it.
        """
        if self.reconcile_after_seconds is not None:
            return timedelta(seconds=self.reconcile_after_seconds)
        limits = self.providers
        one_call = (
            limits.provider_retry_attempts * limits.provider_timeout_seconds
            + limits.provider_retry_seconds
        )
        return CALLS_PER_CREATE * timedelta(seconds=one_call) + LEASE_MARGIN

    def secret(self, value: SecretStr | None) -> str | None:
        """The plain text of a secret setting, for the one call that needs it (None stays None)."""
        return value.get_secret_value() if value is not None else None
