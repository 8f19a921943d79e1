"""Forgetting a workspace or a person: every row of theirs, in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Table, delete, select

from .links import LinkRecords
from .records import CalendarLink, account_key
from .tables import (
    calendar_links,
    created_events,
    drafts,
    local_events,
    oauth_states,
    slack_bots,
    slack_installations,
    user_settings,
)

# Tables keyed by (team_id, user_id); installations are handled with them, bots per team.
_PERSONAL: tuple[Table, ...] = (
    calendar_links,
    drafts,
    created_events,
    user_settings,
    oauth_states,
    slack_installations,
)


class WipeRecords(LinkRecords):
    """`delete_team` (app_uninstalled) and `delete_user` (tokens_revoked)."""

    async def delete_team(self, team_id: str) -> list[CalendarLink]:
        """Delete everything of the team: installation, bots, links, drafts, events, settings,
        OAuth states, local events. Returns the readable links so the caller can revoke them.
        """
        return await self._wipe(
            lambda table: table.c.team_id == team_id,
            owner_prefix=f"{team_id}:",
            extra=(delete(slack_bots).where(slack_bots.c.team_id == team_id),),
        )

    async def delete_user(self, team_id: str, user_id: str) -> list[CalendarLink]:
        """Delete everything of one person (same tables); returns their readable links."""
        prefix = account_key(team_id, user_id, "")
        return await self._wipe(
            lambda table: (table.c.team_id == team_id) & (table.c.user_id == user_id),
            owner_prefix=prefix,
            extra=(),
        )

    async def _wipe(
        self,
        where: Callable[[Table], ColumnElement[bool]],
        *,
        owner_prefix: str,
        extra: tuple[Any, ...],
    ) -> list[CalendarLink]:
        async with self.writing() as connection:
            rows = await connection.execute(select(calendar_links).where(where(calendar_links)))
            links = [link for row in rows.all() if (link := self.link_from_row(row)) is not None]
            for table in _PERSONAL:
                await connection.execute(delete(table).where(where(table)))
            owner: ColumnElement[bool] = local_events.c.owner.startswith(
                owner_prefix, autoescape=True
            )
            await connection.execute(delete(local_events).where(owner))
            for statement in extra:
                await connection.execute(statement)
        return links
