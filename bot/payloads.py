"""What Slack sends us, as models of only the fields Quickcal reads (the rest is ignored)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError


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


# -- The least of each request Slack sends, checked by the HTTP guard before Bolt reads it.
# Bolt's matchers index these without looking (a view without callback_id is a 500 there),
# and listeners read them after the ack, where a crash is lost: such a request is no
# request Slack sends, and is refused with a 400 instead.


class _Someone(_Model):
    id: str = Field(min_length=1)


class _Clicked(_Model):
    action_id: str


class _Values(_Model):
    values: dict[str, dict[str, Any]]


class _CalledBack(_Model):
    callback_id: str


class _SubmittedView(_CalledBack):
    state: _Values


class _CommandShape(_Model):
    command: str
    team_id: str = Field(min_length=1)
    user_id: str = Field(min_length=1)
    response_url: str = Field(min_length=1)


class _ActionsShape(_Model):
    user: _Someone
    actions: tuple[_Clicked, ...] = Field(min_length=1)


class _SuggestionShape(_Model):
    user: _Someone
    action_id: str


class _SubmissionShape(_Model):
    user: _Someone
    view: _SubmittedView


class _ClosedShape(_Model):
    user: _Someone
    view: _CalledBack


class _ShortcutShape(_Model):
    user: _Someone
    team: _Someone | None = None  # null for org-wide installs (Enterprise Grid)
    callback_id: str


_INTERACTIONS: dict[str, type[_Model]] = {
    "block_actions": _ActionsShape,
    "block_suggestion": _SuggestionShape,
    "view_submission": _SubmissionShape,
    "view_closed": _ClosedShape,
    "shortcut": _ShortcutShape,
    "message_action": _ShortcutShape,
}


def shape_problem(data: dict[str, Any]) -> str | None:
    """Why `data` is no request Slack sends, as far as Quickcal reads it; None when it is.

    Kinds Quickcal does not read (url_verification, ssl_check, other interactions) pass:
    Bolt answers them itself.
    """
    if "ssl_check" in data:
        return None
    if not isinstance(data.get("response_urls", []), list):
        return "response_urls is not a list"  # Bolt reads its length before any listener
    if "command" in data:
        model: type[_Model] = _CommandShape
    elif not isinstance(data.get("type"), str):
        return "no type"
    elif data["type"] in _INTERACTIONS:
        model = _INTERACTIONS[data["type"]]
    else:
        return None
    try:
        model.model_validate(data)
    except ValidationError as exc:
        where = ".".join(str(part) for part in exc.errors()[0]["loc"])
        return f"{data.get('type') or 'command'}: {where or 'body'} {exc.errors()[0]['msg']}"
    return None


def unreadable_event(data: dict[str, Any]) -> bool:
    """An Events API envelope whose event is missing or has no type: nothing to act on."""
    if data.get("type") != "event_callback":
        return False
    event = data.get("event")
    return not isinstance(event, dict) or not isinstance(event.get("type"), str)
