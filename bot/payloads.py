"""What Slack sends us, as models of only the fields Quickcal reads (the rest is ignored)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class SlashCommand(_Model):
    """A slash command (form-encoded)."""

    team_id: str
    user_id: str
    channel_id: str | None = None
    text: str = ""
    response_url: str


class Ref(_Model):
    """`{"id": ...}` objects: user, team, channel."""

    id: str = ""
    domain: str | None = None


class ShortcutMessage(_Model):
    text: str = ""
    ts: str | None = None


class MessageShortcut(_Model):
    """A message shortcut (`message_action`)."""

    team: Ref
    user: Ref
    channel: Ref | None = None
    response_url: str | None = None
    message: ShortcutMessage = ShortcutMessage()


class Action(_Model):
    """The element clicked (or changed) in a block_actions payload."""

    action_id: str
    block_id: str = ""
    value: str = ""
    selected_date: str | None = None


class Container(_Model):
    message_ts: str | None = None


class BlockActions(_Model):
    """A click on a card."""

    user: Ref
    actions: tuple[Action, ...] = Field(min_length=1)
    response_url: str = ""
    trigger_id: str = ""
    container: Container = Container()
    # Interactive elements' state: block id -> action id -> element state.
    state: dict[str, dict[str, dict[str, Any]]] = Field(default_factory=dict)

    @property
    def action(self) -> Action:
        return self.actions[0]

    @property
    def draft_id(self) -> str:
        """Card buttons carry the draft id first in their value (`id` or `id|...`)."""
        return self.action.value.split("|", maxsplit=1)[0]

    @classmethod
    def read(cls, body: dict[str, Any]) -> BlockActions:
        state = (body.get("state") or {}).get("values") or {}
        return cls.model_validate({**body, "state": state})


class View(_Model):
    private_metadata: str = ""
    state: dict[str, Any] = Field(default_factory=dict)

    @property
    def values(self) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = self.state.get("values") or {}
        return found


class ViewSubmission(_Model):
    """A modal submitted."""

    user: Ref
    view: View


class MessageEvent(_Model):
    """A `message` or `app_mention` event."""

    user: str | None = None
    channel: str = ""
    text: str = ""
    channel_type: str | None = None
    subtype: str | None = None
    bot_id: str | None = None
    team: str | None = None


class EventEnvelope(_Model):
    """The `event_callback` around an event: its id makes Slack's retries recognisable."""

    event_id: str = ""
    team_id: str = ""
