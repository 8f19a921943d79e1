"""Quickcal's settings, read once from the environment (and `.env`) by pydantic-settings."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from providers.settings import ProviderSettings

SLACK_API_URL = "https://slack.com/api/"


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

    def secret(self, value: SecretStr | None) -> str | None:
        """The plain text of a secret setting, for the one call that needs it (None stays None)."""
        return value.get_secret_value() if value is not None else None
