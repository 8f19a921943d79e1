"""The schema: every table as SQLAlchemy Core, the one source Alembic's migrations must match.

Columns ending in `_secret` hold Fernet ciphertext (Text: no width limit on any database).
Slack ids fit 64 characters; provider ids, links and calendar ids are Text.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Dialect,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeDecorator

# Stable constraint names, so migrations can name what they alter on every database.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "pk": "pk_%(table_name)s",
    }
)

SLACK_ID = 64


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every database (SQLite keeps no zone: it is put back on read)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("storage keeps aware datetimes only")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


drafts = Table(
    "drafts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("team_id", String(SLACK_ID), nullable=False),
    Column("user_id", String(SLACK_ID), nullable=False),
    Column("channel_id", String(SLACK_ID)),
    Column("source", String(16), nullable=False),
    Column("draft_json", Text, nullable=False),
    Column("state", String(16), nullable=False),
    Column("provider", String(32)),
    Column("calendar_id", Text),
    Column("card_channel_id", String(SLACK_ID)),
    Column("card_ts", String(32)),
    Column("response_url_secret", Text),
    Column("error", Text),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False),
    # When the current create claim was taken: its lease and its fence (migration 0002).
    Column("claimed_at", UtcDateTime),
    Index(None, "team_id", "user_id"),
    Index(None, "expires_at"),
    # The reconciler's round: `creating` claims older than the lease.
    Index(None, "state", "claimed_at"),
)

created_events = Table(
    "created_events",
    metadata,
    Column("draft_id", String(64), primary_key=True),
    Column("team_id", String(SLACK_ID), nullable=False),
    Column("user_id", String(SLACK_ID), nullable=False),
    Column("provider", String(32), nullable=False),
    Column("event_id", Text, nullable=False),
    Column("calendar_id", Text),
    Column("web_link", Text),
    Column("meeting_link", Text),
    Column("created_at", UtcDateTime, nullable=False),
    Column("undone_at", UtcDateTime),
    Column("receipt_channel_id", String(SLACK_ID)),
    Column("receipt_ts", String(32)),
    Index(None, "team_id", "user_id", "created_at"),
)

local_events = Table(
    "local_events",
    metadata,
    Column("owner", String(200), primary_key=True),
    Column("event_id", String(200), primary_key=True),
    Column("draft_json", Text, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

user_settings = Table(
    "user_settings",
    metadata,
    Column("team_id", String(SLACK_ID), primary_key=True),
    Column("user_id", String(SLACK_ID), primary_key=True),
    Column("timezone", String(64)),
    Column("event_minutes", Integer),
    Column("default_provider", String(32)),
    Column("profile_tz", String(64)),
    Column("profile_email", Text),
    Column("profile_name", Text),
    Column("profile_fetched_at", UtcDateTime),
    Column("updated_at", UtcDateTime, nullable=False),
)

calendar_links = Table(
    "calendar_links",
    metadata,
    Column("team_id", String(SLACK_ID), primary_key=True),
    Column("user_id", String(SLACK_ID), primary_key=True),
    Column("provider", String(32), primary_key=True),
    Column("account_id", Text, nullable=False),
    Column("email", Text),
    Column("display_name", Text),
    Column("token_secret", Text, nullable=False),
    Column("calendar_id", Text),
    Column("calendars_json", Text, nullable=False),
    Column("timezone", String(64)),
    Column("status", String(16), nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

oauth_states = Table(
    "oauth_states",
    metadata,
    # SHA-256 hex of the state: a database reader cannot replay a pending link.
    Column("state_hash", String(64), primary_key=True),
    Column("team_id", String(SLACK_ID), nullable=False),
    Column("user_id", String(SLACK_ID), nullable=False),
    Column("provider", String(32), nullable=False),
    Column("code_verifier_secret", Text),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Index(None, "team_id", "user_id"),
    Index(None, "expires_at"),
)

slack_oauth_states = Table(
    "slack_oauth_states",
    metadata,
    Column("state_hash", String(64), primary_key=True),
    Column("expires_at", UtcDateTime, nullable=False),
    Index(None, "expires_at"),
)

slack_installations = Table(
    "slack_installations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # '' stands for "none" in the lookup columns: NULL never equals NULL in SQL.
    Column("enterprise_id", String(SLACK_ID), nullable=False),
    Column("team_id", String(SLACK_ID), nullable=False),
    Column("user_id", String(SLACK_ID), nullable=False),
    Column("is_enterprise_install", Boolean, nullable=False),
    Column("has_bot_token", Boolean, nullable=False),
    Column("installation_secret", Text, nullable=False),
    Column("installed_at", UtcDateTime, nullable=False),
    Index("ix_slack_installations_lookup", "enterprise_id", "team_id", "user_id", "installed_at"),
)

slack_bots = Table(
    "slack_bots",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("enterprise_id", String(SLACK_ID), nullable=False),
    Column("team_id", String(SLACK_ID), nullable=False),
    Column("is_enterprise_install", Boolean, nullable=False),
    Column("bot_secret", Text, nullable=False),
    Column("installed_at", UtcDateTime, nullable=False),
    Index("ix_slack_bots_lookup", "enterprise_id", "team_id", "installed_at"),
)

handled_requests = Table(
    "handled_requests",
    metadata,
    # Keys are hashed to a fixed width: callers may pass long or odd strings.
    Column("key_hash", String(64), primary_key=True),
    Column("handled_at", UtcDateTime, nullable=False),
    Index(None, "handled_at"),
)

# Every encrypted column, for key rotation: table -> (primary key columns, secret columns).
SECRET_COLUMNS: dict[Table, tuple[str, ...]] = {
    drafts: ("response_url_secret",),
    calendar_links: ("token_secret",),
    oauth_states: ("code_verifier_secret",),
    slack_installations: ("installation_secret",),
    slack_bots: ("bot_secret",),
}
