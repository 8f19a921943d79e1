"""The terminal playground: Quickcal without Slack, through the same parse -> draft ->
confirm -> create path, into the local calendar (and an .ics file you can open).

It shares Slack's domain functions: `bot.reading.read` (the text read as Slack reads it),
`bot.drafting.keep_draft` (stored and targeted like a Slack draft), `bot.creating.create_event`
(the same exactly-once create). Only what needs Slack differs: the zone is the machine's, the
language English, and attendees stay as typed (there is no workspace to look them up in).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.blocks.draft import Card, title_of
from bot.blocks.summary import reminder_words, repeat_words, when, zone_words
from bot.creating import create_event
from bot.drafting import Ask, keep_draft
from bot.reading import read as read_text
from bot.services import Services, build_services
from bot.settings import Settings
from bot.storage import StoredDraft, account_key
from bot.targets import LOCAL, label_of, standing_of
from bot.wording import explain
from providers.errors import ProviderError
from providers.ics import ics_calendar

TEAM, USER = "playground", "you"
LOCALE = "en"
Read = Callable[[str], str]
Write = Callable[[str], None]
WELCOME = (
    "Quickcal playground: no Slack credentials found, so everything stays on this machine.\n"
    'Type an event the way you would say it, e.g. "lunch with Adele Friday noon".\n'
    "Empty line or Ctrl-D to quit. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to serve Slack."
)


def local_zone() -> str:
    """The machine's IANA zone (TZ, else /etc/localtime's target), else UTC."""
    for candidate in (os.environ.get("TZ", ""), _localtime_name()):
        name = candidate.lstrip(":")
        try:
            ZoneInfo(name)
        except (ValueError, KeyError, OSError):
            continue
        if name:
            return name
    return "UTC"


def _localtime_name() -> str:
    target = Path("/etc/localtime")
    if target.is_symlink():
        return str(target.resolve()).split("zoneinfo/", 1)[-1]
    return ""


def card_lines(card: Card) -> list[str]:
    """The draft card as terminal text."""
    draft = card.draft
    moment = when(draft, default_minutes=card.default_minutes)
    start_day = draft.start.date() if isinstance(draft.start, datetime) else draft.start
    rows = [
        ("What", title_of(draft)),
        ("When", moment.plain if moment else "no date found: say when, e.g. 'tomorrow 3pm'"),
        ("Zone", zone_words(draft) if moment else None),
        ("Where", draft.location),
        ("Who", ", ".join(a.value for a in draft.attendees) or None),
        ("Repeats", repeat_words(draft.recurrence, start=start_day, zone=draft.timezone)),
        ("Reminder", reminder_words(draft.reminder_minutes)),
        ("Video", "a meeting link will be added" if draft.online_meeting else None),
        ("Calendar", card.calendar_label),
    ]
    return [f"  {label:<9}{value}" for label, value in rows if value]


async def run_playground(
    settings: Settings, *, read: Read = input, write: Write = print, zone: str | None = None
) -> None:
    """Loop: read a message, show the draft, ask y/e/n, create on y."""
    services = await build_services(settings)
    try:
        await _loop(services, read=read, write=write, zone=zone or local_zone())
    finally:
        await services.aclose()


async def _loop(services: Services, *, read: Read, write: Write, zone: str) -> None:
    write(WELCOME)
    while True:
        text = await _ask(read, "\nevent> ")
        if not text:
            return
        stored = await _draft(services, text, zone)
        while True:
            card = Card(stored.id, stored.draft, label_of(services.calendars, LOCAL))
            write("\n".join(["", *card_lines(card)]))
            if stored.draft.start is None:
                write("I need a day for this one; type the message again with a date.")
                break
            answer = (await _ask(read, "Create it? [y]es / [e]dit / [n]o: ")).lower()[:1]
            if answer == "y":
                await _create(services, stored, write)
                break
            if answer == "e":
                fixed = await _ask(read, "Type it again, corrected: ")
                if fixed:
                    await services.storage.cancel(stored.id, user_id=USER)
                    stored = await _draft(services, fixed, zone)
                continue
            await services.storage.cancel(stored.id, user_id=USER)
            write("Discarded. Nothing was added.")
            break


async def _ask(read: Read, prompt: str) -> str:
    try:
        return (await asyncio.to_thread(read, prompt)).strip()
    except EOFError:
        return ""


async def _draft(services: Services, text: str, zone: str) -> StoredDraft:
    now = services.clock().astimezone(ZoneInfo(zone))
    draft = read_text(text, now=now, zone=zone, locale=LOCALE)
    ask = Ask(team_id=TEAM, user_id=USER, channel_id=None, source="playground", text=text)
    standing = await standing_of(services.storage, team_id=TEAM, user_id=USER)
    return await keep_draft(services, ask, draft, standing=standing)


async def _create(services: Services, stored: StoredDraft, write: Write) -> None:
    try:
        created = await create_event(services, draft_id=stored.id, user_id=USER)
    except ProviderError as exc:
        write(explain(exc, label=label_of(services.calendars, LOCAL)))
        return
    path = await export_ics(services)
    write(f"Added to your local calendar ({created.label}): {title_of(stored.draft)}.")
    write(f"Your calendar file: {path} (open it, or import it into any calendar app).")


async def export_ics(services: Services) -> Path:
    """Write the playground's local events to `<data dir>/playground.ics`."""
    events = await services.storage.local_events.list(account_key(TEAM, USER, LOCAL))
    minutes = services.settings.default_event_minutes
    data = ics_calendar(events, default_length=timedelta(minutes=minutes))
    path = services.settings.data_dir / "playground.ics"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path.resolve()
