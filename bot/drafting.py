"""Text and who asked -> a stored draft and its card: zone, attendees, target calendar."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from slack_sdk.web.async_client import AsyncWebClient

from bot.blocks.draft import BrokenLink, Card, Person
from bot.creating import for_calendar, without_meeting
from bot.directory import SlackUser, lookup_user
from bot.errors import NotYourDraft, SlackFailed
from bot.linking import broken_link_for
from bot.markup import plain_text
from bot.people import locale_of, zone_of
from bot.reading import read
from bot.services import Services
from bot.storage import DraftSource, StoredDraft
from bot.targets import LOCAL, Standing, choose_target, label_of, standing_of
from bot.templates import template_links
from bot.wording import explain
from nlp.draft import Attendee, EventDraft
from providers.errors import Unsupported

MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")


@dataclass(frozen=True)
class Ask:
    """Who asked for a draft, where, and with which words."""

    team_id: str
    user_id: str
    channel_id: str | None
    source: DraftSource
    text: str
    response_url: str | None = None
    # A message shortcut: the event's description links back to that message.
    permalink: str | None = None


@dataclass(frozen=True)
class Shown:
    """A stored draft with the card that shows it."""

    stored: StoredDraft
    card: Card
    broken: BrokenLink | None = None


async def owned_draft(services: Services, draft_id: str, user_id: str) -> StoredDraft:
    """The draft, if `user_id` asked for it; `NotYourDraft` (with the owner) otherwise."""
    stored = await services.storage.get_draft(draft_id)
    if stored.user_id != user_id:
        raise NotYourDraft(stored.user_id)
    return stored


def permalink(team_domain: str | None, channel_id: str, message_ts: str) -> str:
    """Slack's archive link of a message (no API call: its form is documented and stable).

    `chat.getPermalink` would also be right on Enterprise Grid, but it is not in the Web API
    subset the app is held to (shared/contracts/slack-web-api-subset.json); on Grid the
    workspace domain still redirects to the message, so the link keeps working.
    """
    host = f"{team_domain}.slack.com" if team_domain else "slack.com"
    return f"https://{host}/archives/{channel_id}/p{message_ts.replace('.', '')}"


async def start_draft(services: Services, client: AsyncWebClient, ask: Ask) -> Shown:
    """Parse `ask.text` in the person's zone, resolve attendees, store, and build the card."""
    standing = await standing_of(services.storage, team_id=ask.team_id, user_id=ask.user_id)
    zone = await zone_of(services, client, standing.settings)
    now = services.clock().astimezone(ZoneInfo(zone))
    text = plain_text(ask.text)
    locale = await locale_of(services, client, team_id=ask.team_id, user_id=ask.user_id)
    draft = read(text, now=now, zone=zone, locale=locale)
    draft = await resolve_people(services, client, draft, team_id=ask.team_id)
    stored = await keep_draft(services, ask, draft, standing=standing)
    return await show(services, client, stored, standing=standing, zone=zone)


async def keep_draft(
    services: Services, ask: Ask, draft: EventDraft, *, standing: Standing
) -> StoredDraft:
    """Store `draft` as `ask`'s, bound for the person's calendar, linking back to the message."""
    if ask.permalink:
        note = f"{draft.description or plain_text(ask.text).strip()}\n\nFrom Slack: {ask.permalink}"
        draft = draft.model_copy(update={"description": note})
    target = choose_target(services.calendars, standing)
    return await services.storage.add_draft(
        draft,
        team_id=ask.team_id,
        user_id=ask.user_id,
        channel_id=ask.channel_id,
        source=ask.source,
        provider=target.provider,
        calendar_id=target.calendar_id,
        response_url=ask.response_url,
    )


async def show(
    services: Services,
    client: AsyncWebClient,
    stored: StoredDraft,
    *,
    failure: str | None = None,
    standing: Standing | None = None,
    zone: str | None = None,
) -> Shown:
    """The card of a stored draft as it is now (after a click, an edit, or a restart).

    `standing` and `zone`: the person's settings, links and zone when the caller has just
    read them.
    """
    draft = stored.draft
    members = await _members(services, client, stored.team_id)
    by_email = {m.profile.email.lower(): m.label for m in members if m.profile.email}
    matches = {
        a.value: [m for m in members if m.answers_to(a.value)]
        for a in draft.attendees
        if a.kind == "name"
    }
    choices = {
        name: tuple(Person(m.id, _person_label(m)) for m in found)
        for name, found in matches.items()
        if len(found) > 1
    }
    hidden = frozenset(
        name for name, found in matches.items() if len(found) == 1 and not found[0].profile.email
    )
    if standing is None:
        standing = await standing_of(
            services.storage, team_id=stored.team_id, user_id=stored.user_id
        )
    prefs = standing.settings
    minutes = prefs.event_minutes or services.settings.default_event_minutes
    target = choose_target(services.calendars, standing)
    broken = None
    if (stored.provider or LOCAL) == LOCAL and target.broken is not None:
        broken = await broken_link_for(
            services, team_id=stored.team_id, user_id=stored.user_id, provider=target.broken
        )
    card = Card(
        draft_id=stored.id,
        draft=draft,
        calendar_label=label_of(services.calendars, stored.provider),
        default_minutes=minutes,
        names=by_email,
        choices=choices,
        no_email=hidden,
        template_links=template_links(draft) if (stored.provider or LOCAL) == LOCAL else (),
        failure=failure,
        warning=_cannot_keep(services, stored, minutes),
        person_zone=zone or await zone_of(services, client, prefs),
    )
    return Shown(stored, card, broken)


def _cannot_keep(services: Services, stored: StoredDraft, minutes: int) -> str | None:
    """What the target calendar cannot express, said on the card before anyone clicks."""
    calendar = services.calendars.get(stored.provider or LOCAL)
    if calendar is None or stored.draft.start is None:
        return None
    try:
        calendar.check(for_calendar(stored.draft, default_minutes=minutes))
    except Unsupported as exc:
        if without_meeting(exc):
            return (
                f"{calendar.label} can't make a video meeting: the event will be added "
                "without one (put your own link in the description with Edit)."
            )
        return explain(exc, label=calendar.label)
    return None


async def resolve_people(
    services: Services, client: AsyncWebClient, draft: EventDraft, *, team_id: str
) -> EventDraft:
    """Mentions -> emails (users.info); a name with one member -> that member; emails kept.

    Names with several members stay names (the card asks which); names with none stay
    names and end up in the description when the event is created.
    """
    attendees: list[Attendee] = []
    labels: dict[str, str] = {}
    members: list[SlackUser] | None = None
    for attendee in draft.attendees:
        if attendee.kind == "slack":
            user = await _user(client, attendee.value)
            if user is not None:
                labels[user.id] = user.label
            email = user.profile.email if user is not None else None
            if email:
                attendees.append(Attendee(kind="email", value=email))
            elif user is not None:
                # A member who hides their email cannot be invited: name them, never `U…`.
                attendees.append(Attendee(kind="name", value=full_name(user)))
            else:
                attendees.append(attendee)
        elif attendee.kind == "name":
            members = members if members is not None else await _members(services, client, team_id)
            found = [m for m in members if m.answers_to(attendee.value)]
            email = found[0].profile.email if len(found) == 1 else None
            attendees.append(Attendee(kind="email", value=email) if email else attendee)
        else:
            attendees.append(attendee)

    def named(match: re.Match[str]) -> str:
        return labels.get(match.group(1)) or match.group(2) or "someone"

    # The parser may leave a mention in the title: people read names there, not ids.
    title = MENTION.sub(named, draft.title)
    description = MENTION.sub(lambda m: "@" + named(m), draft.description)
    unique = tuple(dict.fromkeys(attendees))
    return draft.model_copy(
        update={"attendees": unique, "title": title, "description": description}
    )


async def pick_member(
    services: Services, client: AsyncWebClient, draft: EventDraft, *, name: str, user_id: str
) -> EventDraft:
    """The person chose which member `name` meant ("" for none of them: keep it as words)."""
    user = await _user(client, user_id) if user_id else None
    email = user.profile.email if user is not None else None
    kept = tuple(a for a in draft.attendees if not (a.kind == "name" and a.value == name))
    if email:
        chosen = (*kept, Attendee(kind="email", value=email))
        return draft.model_copy(update={"attendees": tuple(dict.fromkeys(chosen))})
    note = f"{draft.description}\n\nWith: {name}".strip()
    return draft.model_copy(update={"attendees": kept, "description": note})


def with_start(draft: EventDraft, start: date | datetime) -> EventDraft:
    """The draft moved to `start`, its length kept (the default length when it had none)."""
    length = None
    if draft.start is not None and draft.end is not None:
        length = draft.end - draft.start
    if isinstance(start, datetime):
        end = start + length if isinstance(length, timedelta) and draft.all_day is False else None
        return EventDraft.model_validate(
            {**_fields(draft), "start": start, "end": end, "all_day": False, "alternatives": ()}
        )
    days = length if isinstance(length, timedelta) and draft.all_day else timedelta(days=1)
    return EventDraft.model_validate(
        {**_fields(draft), "start": start, "end": start + days, "all_day": True, "alternatives": ()}
    )


def at_day(draft: EventDraft, day: date, clock: time | None) -> EventDraft:
    """The answer to "when is it?": a day, and a start time unless it is all-day."""
    if clock is None:
        return with_start(draft, day)
    return with_start(draft, datetime.combine(day, clock, tzinfo=draft.zone))


def _fields(draft: EventDraft) -> dict[str, object]:
    return {name: getattr(draft, name) for name in EventDraft.model_fields}


def full_name(member: SlackUser) -> str:
    """The name that best picks this member out: the real name, else how they are called."""
    return member.real_name or member.profile.real_name or member.label or member.id


def _person_label(member: SlackUser) -> str:
    real = member.real_name or member.profile.real_name
    return f"{member.label} ({real})" if real and real != member.label else member.label


async def _user(client: AsyncWebClient, user_id: str) -> SlackUser | None:
    try:
        return await lookup_user(client, user_id)
    except SlackFailed:
        return None


async def _members(services: Services, client: AsyncWebClient, team_id: str) -> list[SlackUser]:
    try:
        return await services.directory.members(client, team_id)
    except SlackFailed:
        # Without the directory, names stay names: nothing is guessed.
        return []
