"""Slack installations (multi-workspace OAuth) on our own tables, tokens encrypted.

Each row keeps the few columns we look up by in clear and the whole installation (or bot)
as one encrypted JSON document in a Text column: no 200-character limit, no clear token.
Lookups mirror slack_sdk's own SQLAlchemy store ('' stands for an absent id).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, date, datetime
from typing import Any

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from sqlalchemy import Table, delete, insert, select

from .core import StorageCore
from .tables import slack_bots, slack_installations

log = logging.getLogger(__name__)


class SlackInstallationStore(AsyncInstallationStore):
    """slack_sdk's `AsyncInstallationStore` for Bolt's `AsyncOAuthSettings`."""

    def __init__(self, core: StorageCore, *, client_id: str = "") -> None:
        self._core = core
        # Kept for slack_sdk's interface; one database serves one Slack app.
        self.client_id = client_id

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        """Keep an installation and its bot (the same install again replaces its row)."""
        c = slack_installations.c
        values = {
            "enterprise_id": installation.enterprise_id or "",
            "team_id": installation.team_id or "",
            "user_id": installation.user_id or "",
            "is_enterprise_install": bool(installation.is_enterprise_install),
            "has_bot_token": installation.bot_token is not None,
            "installation_secret": self._core.keys.encrypt(
                _dumps(installation.to_dict_for_copying())
            ),
            "installed_at": _instant(installation.installed_at),
        }
        async with self._core.writing() as connection:
            await connection.execute(
                delete(slack_installations).where(
                    c.enterprise_id == values["enterprise_id"],
                    c.team_id == values["team_id"],
                    c.user_id == values["user_id"],
                    c.installed_at == values["installed_at"],
                )
            )
            await connection.execute(insert(slack_installations).values(values))
        await self.async_save_bot(installation.to_bot())

    async def async_save_bot(self, bot: Bot) -> None:
        """Keep a bot installation (one without a bot token is nothing to keep)."""
        if bot.bot_token is None:
            return
        c = slack_bots.c
        values = {
            "enterprise_id": bot.enterprise_id or "",
            "team_id": bot.team_id or "",
            "is_enterprise_install": bool(bot.is_enterprise_install),
            "bot_secret": self._core.keys.encrypt(_dumps(bot.to_dict_for_copying())),
            "installed_at": _instant(bot.installed_at),
        }
        async with self._core.writing() as connection:
            await connection.execute(
                delete(slack_bots).where(
                    c.enterprise_id == values["enterprise_id"],
                    c.team_id == values["team_id"],
                    c.installed_at == values["installed_at"],
                )
            )
            await connection.execute(insert(slack_bots).values(values))

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        """The latest bot of a workspace / org; None when absent or unreadable."""
        if is_enterprise_install or team_id is None:
            team_id = None
        c = slack_bots.c
        secret = await self._latest(
            slack_bots,
            "bot_secret",
            c.enterprise_id == (enterprise_id or ""),
            c.team_id == (team_id or ""),
        )
        data = self._open(secret)
        return None if data is None else Bot(**data)

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        """The latest installation (of `user_id` when given), with the latest bot token."""
        if is_enterprise_install or team_id is None:
            team_id = None
        c = slack_installations.c
        where = [c.enterprise_id == (enterprise_id or ""), c.team_id == (team_id or "")]
        if user_id is not None:
            where.append(c.user_id == user_id)
        data = self._open(await self._latest(slack_installations, "installation_secret", *where))
        if data is None:
            return None
        installation = Installation(**data)
        if user_id is not None or installation.bot_token is None:
            # A user's own install may predate the workspace's newest bot token.
            bot = await self.async_find_bot(
                enterprise_id=enterprise_id,
                team_id=team_id,
                is_enterprise_install=is_enterprise_install,
            )
            if bot is not None and bot.bot_token != installation.bot_token:
                installation.bot_id = bot.bot_id
                installation.bot_user_id = bot.bot_user_id
                installation.bot_token = bot.bot_token
                installation.bot_scopes = bot.bot_scopes
                installation.bot_refresh_token = bot.bot_refresh_token
                installation.bot_token_expires_at = bot.bot_token_expires_at
        return installation

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """Forget a workspace's bots."""
        c = slack_bots.c
        async with self._core.writing() as connection:
            await connection.execute(
                delete(slack_bots).where(
                    c.enterprise_id == (enterprise_id or ""), c.team_id == (team_id or "")
                )
            )

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        """Forget installations of the workspace (or only of `user_id`)."""
        c = slack_installations.c
        statement = delete(slack_installations).where(
            c.enterprise_id == (enterprise_id or ""), c.team_id == (team_id or "")
        )
        if user_id is not None:
            statement = statement.where(c.user_id == user_id)
        async with self._core.writing() as connection:
            await connection.execute(statement)

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """Forget every installation and bot of the workspace."""
        await self.async_delete_bot(enterprise_id=enterprise_id, team_id=team_id)
        await self.async_delete_installation(enterprise_id=enterprise_id, team_id=team_id)

    async def _latest(self, table: Table, column: str, *where: Any) -> str | None:
        async with self._core.reading() as connection:
            result = await connection.execute(
                select(table.c[column])
                .where(*where)
                .order_by(table.c.installed_at.desc(), table.c.id.desc())
                .limit(1)
            )
            value: str | None = result.scalar_one_or_none()
            return value

    def _open(self, secret: str | None) -> dict[str, Any] | None:
        plain = self._core.open_secret(secret, what="Slack installation")
        if plain is None:
            return None
        data: dict[str, Any] = json.loads(plain)
        return data


def _instant(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, tz=UTC)


def _dumps(data: dict[str, Any]) -> str:
    # slack_sdk's models take ISO strings back for their datetime fields.
    return json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, date) else str(v))
