"""ProviderSettings: every provider URL, client credential and HTTP limit, from the environment.

Each base URL defaults to the real service, so tests and sovereign clouds point
elsewhere by setting the variable. The bot's Settings composes this.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class ProviderSettings(BaseSettings):
    """Where each provider lives and who Quickcal is to it."""

    # The env name is each field's alias; Python code may use either spelling.
    model_config = SettingsConfigDict(extra="ignore", frozen=True, populate_by_name=True)

    google_api_url: str = Field("https://www.googleapis.com/calendar/v3", alias="GOOGLE_API_URL")
    google_auth_url: str = Field(
        "https://accounts.google.com/o/oauth2/v2/auth", alias="GOOGLE_AUTH_URL"
    )
    google_token_url: str = Field("https://oauth2.googleapis.com/token", alias="GOOGLE_TOKEN_URL")
    google_client_id: str = Field("", alias="GOOGLE_CLIENT_ID")
    google_client_secret: SecretStr = Field(SecretStr(""), alias="GOOGLE_CLIENT_SECRET")

    graph_api_url: str = Field("https://graph.microsoft.com/v1.0", alias="GRAPH_API_URL")
    microsoft_authority_url: str = Field(
        "https://login.microsoftonline.com", alias="MICROSOFT_AUTHORITY_URL"
    )
    microsoft_tenant: str = Field("common", alias="MICROSOFT_TENANT")
    microsoft_client_id: str = Field("", alias="MICROSOFT_CLIENT_ID")
    microsoft_client_secret: SecretStr = Field(SecretStr(""), alias="MICROSOFT_CLIENT_SECRET")

    lineworks_api_url: str = Field("https://www.worksapis.com/v1.0", alias="LINEWORKS_API_URL")
    lineworks_auth_url: str = Field(
        "https://auth.worksmobile.com/oauth2/v2.0", alias="LINEWORKS_AUTH_URL"
    )
    lineworks_client_id: str = Field("", alias="LINEWORKS_CLIENT_ID")
    lineworks_client_secret: SecretStr = Field(SecretStr(""), alias="LINEWORKS_CLIENT_SECRET")

    # One request's limit, and the whole create's (all attempts and waits together).
    provider_timeout_seconds: float = Field(10.0, gt=0, alias="PROVIDER_TIMEOUT_SECONDS")
    provider_retry_attempts: int = Field(4, ge=1, alias="PROVIDER_RETRY_ATTEMPTS")
    provider_retry_seconds: float = Field(20.0, gt=0, alias="PROVIDER_RETRY_SECONDS")

    @property
    def google_revoke_url(self) -> str:
        """Google's revocation endpoint: the token URL's origin + /revoke (as the real one)."""
        parts = urlsplit(self.google_token_url)
        return f"{parts.scheme}://{parts.netloc}/revoke"

    @property
    def microsoft_authorize_url(self) -> str:
        """The identity platform's authorize endpoint for the configured tenant."""
        return f"{self._microsoft_base}/authorize"

    @property
    def microsoft_token_url(self) -> str:
        """The identity platform's token endpoint for the configured tenant."""
        return f"{self._microsoft_base}/token"

    @property
    def _microsoft_base(self) -> str:
        return f"{self.microsoft_authority_url.rstrip('/')}/{self.microsoft_tenant}/oauth2/v2.0"

    def configured(self) -> frozenset[str]:
        """Registry names of the providers this deployment has client credentials for."""
        pairs = {
            "google": (self.google_client_id, self.google_client_secret),
            "microsoft": (self.microsoft_client_id, self.microsoft_client_secret),
            "lineworks": (self.lineworks_client_id, self.lineworks_client_secret),
        }
        return frozenset(
            n for n, (cid, secret) in pairs.items() if cid and secret.get_secret_value()
        )
