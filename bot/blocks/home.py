"""The App Home view: linked calendars with Connect / Disconnect, default calendar, zone, length."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

# Slack ids of the Home tab and of `/event connect`, written once.
HOME_CONNECT: Final = "home_connect"  # URL button: Slack still sends an action; acked only
HOME_FEED: Final = "home_feed"  # URL button to the local calendar's .ics; acked only
HOME_DISCONNECT: Final = "home_disconnect"
HOME_CALENDAR: Final = "home_calendar"  # value "<provider>:<calendar id>"
HOME_DEFAULT_PROVIDER: Final = "home_default_provider"
HOME_TIMEZONE: Final = "home_timezone"  # external select, options from `zone_options`
HOME_EVENT_MINUTES: Final = "home_event_minutes"
PROFILE_ZONE: Final = "profile"  # the zone option meaning "follow my Slack profile"
LOCAL: Final = "local"

EVENT_LENGTHS = (15, 30, 45, 60, 90, 120, 180, 240)
_MAX_OPTIONS = 100
_OPTION_TEXT = 75
_Block = dict[str, Any]


@dataclass(frozen=True)
class ProviderRow:
    """One configured provider as the Home tab shows it."""

    name: str
    label: str
    connect_url: str
    account: str | None = None  # email or display name when linked
    broken: bool = False
    calendars: tuple[tuple[str, str], ...] = ()  # (id, name), only when several
    calendar_id: str | None = None


@dataclass(frozen=True)
class HomeState:
    """Everything the Home tab shows for one person."""

    providers: tuple[ProviderRow, ...]
    default_provider: str | None
    timezone: str
    timezone_overridden: bool
    event_minutes: int
    feed_url: str | None = None  # the local calendar's .ics, offered while it is in use


def home_view(state: HomeState) -> dict[str, Any]:
    """The `views.publish` view for the person's Home tab."""
    blocks: list[_Block] = [
        _header("Quickcal"),
        _section(
            "Type `/event lunch with Adele Friday noon`, use the message shortcut "
            "*Create event*, or DM me. I show a draft; you press *Create*."
        ),
        _header("Your calendars"),
        *connect_blocks(state.providers),
        *local_calendar_blocks(state.feed_url),
        {"type": "divider"},
        _header("Preferences"),
        _default_calendar(state),
        _timezone(state),
        _event_length(state.event_minutes),
    ]
    return {"type": "home", "blocks": blocks}


def connect_blocks(providers: Sequence[ProviderRow]) -> list[_Block]:
    """One section per provider, with Connect, Reconnect or Disconnect; also `/event connect`."""
    blocks: list[_Block] = []
    for row in providers:
        if row.account is None:
            text = f"*{row.label}* · not connected"
            button = _url_button("Connect", row.connect_url, name=row.name, primary=True)
        elif row.broken:
            text = f":warning: *{row.label}* · {row.account}: access expired or was revoked"
            button = _url_button("Reconnect", row.connect_url, name=row.name, primary=True)
        else:
            text = f":white_check_mark: *{row.label}* · {row.account}"
            button = _disconnect_button(row)
        blocks.append(_section(text, accessory=button, block_id=f"provider_{row.name}"))
        if row.account is not None and not row.broken and len(row.calendars) > 1:
            blocks.append(_calendar_picker(row))
    return blocks


def local_calendar_blocks(feed_url: str | None) -> list[_Block]:
    """The always-there Quickcal calendar, with its .ics download and subscription link."""
    text = "*Quickcal calendar* · always available, no account needed"
    if feed_url is None:
        return [_section(text)]
    button = {
        "type": "button",
        "action_id": HOME_FEED,
        "text": _plain("Download .ics"),
        "url": feed_url,
    }
    hint = (
        "To see these events in Google Calendar, Outlook or Apple Calendar as they come, "
        "copy the button's link and add it there as a calendar from URL (subscribe)."
    )
    return [
        _section(text, accessory=button, block_id="local_calendar"),
        {"type": "context", "elements": [{"type": "mrkdwn", "text": hint}]},
    ]


def zone_options(query: str, zones: Sequence[str]) -> list[dict[str, Any]]:
    """Options for the zone select matching `query` (Slack's limit: 100), profile first."""
    needle = query.strip().lower().replace(" ", "_")
    found = [z for z in sorted(zones) if needle in z.lower()][: _MAX_OPTIONS - 1]
    return [_option("Use my Slack profile's zone", PROFILE_ZONE), *(_option(z, z) for z in found)]


def _default_calendar(state: HomeState) -> _Block:
    linked = [(r.name, r.label) for r in state.providers if r.account and not r.broken]
    choices = [*linked, (LOCAL, "Quickcal calendar")]
    options = [_option(label, name) for name, label in choices]
    current = state.default_provider if state.default_provider in dict(choices) else None
    initial = next((o for o in options if o["value"] == current), options[0])
    select = {
        "type": "static_select",
        "action_id": HOME_DEFAULT_PROVIDER,
        "options": options,
        "initial_option": initial,
    }
    return _section("*Events go to*", accessory=select, block_id=HOME_DEFAULT_PROVIDER)


def _timezone(state: HomeState) -> _Block:
    source = "your choice" if state.timezone_overridden else "from your Slack profile"
    initial = _option(state.timezone, state.timezone) if state.timezone_overridden else None
    select: _Block = {
        "type": "external_select",
        "action_id": HOME_TIMEZONE,
        "placeholder": _plain("Change time zone"),
        "min_query_length": 2,
    }
    if initial:
        select["initial_option"] = initial
    text = f"*Time zone for reading times*\n{state.timezone} ({source})"
    return _section(text, accessory=select, block_id=HOME_TIMEZONE)


def _event_length(minutes: int) -> _Block:
    lengths = sorted({*EVENT_LENGTHS, minutes})
    options = [_option(_duration(m), str(m)) for m in lengths]
    select = {
        "type": "static_select",
        "action_id": HOME_EVENT_MINUTES,
        "options": options,
        "initial_option": _option(_duration(minutes), str(minutes)),
    }
    text = "*Default event length*\nUsed when the message gives no end"
    return _section(text, accessory=select, block_id=HOME_EVENT_MINUTES)


def _calendar_picker(row: ProviderRow) -> _Block:
    options = [_option(name, f"{row.name}:{cid}") for cid, name in row.calendars][:_MAX_OPTIONS]
    select: _Block = {"type": "static_select", "action_id": HOME_CALENDAR, "options": options}
    initial = next((o for o in options if o["value"] == f"{row.name}:{row.calendar_id}"), None)
    if initial:
        select["initial_option"] = initial
    return _section(
        f"{row.label}: events go to", accessory=select, block_id=f"calendar_{row.name}"
    )


def _disconnect_button(row: ProviderRow) -> _Block:
    return {
        "type": "button",
        "action_id": HOME_DISCONNECT,
        "text": _plain("Disconnect"),
        "value": row.name,
        "style": "danger",
        "confirm": {
            "title": _plain("Disconnect?"),
            "text": _plain(
                f"Quickcal forgets your {row.label} account and asks it to revoke access. "
                "Events already created stay."
            ),
            "confirm": _plain("Disconnect"),
            "deny": _plain("Keep"),
            "style": "danger",
        },
    }


def _url_button(text: str, url: str, *, name: str, primary: bool) -> _Block:
    button: _Block = {
        "type": "button",
        "action_id": f"{HOME_CONNECT}_{name}",
        "text": _plain(text),
        "url": url,
        "value": name,
    }
    if primary:
        button["style"] = "primary"
    return button


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} minutes"
    head = f"{hours} hour" + ("s" if hours > 1 else "")
    return f"{head} {rest} minutes" if rest else head


def _section(text: str, *, accessory: _Block | None = None, block_id: str = "") -> _Block:
    block: _Block = {"type": "section", "text": {"type": "mrkdwn", "text": text}}
    if accessory is not None:
        block["accessory"] = accessory
    if block_id:
        block["block_id"] = block_id
    return block


def _header(text: str) -> _Block:
    return {"type": "header", "text": _plain(text)}


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


def _option(text: str, value: str) -> dict[str, Any]:
    return {"text": _plain(text[:_OPTION_TEXT]), "value": value}

