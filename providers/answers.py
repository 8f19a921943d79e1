"""What the providers answer, as pydantic models of only the fields Quickcal reads.

Field names are snake_case; the providers' camelCase names are their aliases.
Unknown fields are ignored, so a provider adding one never breaks a create.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class Answer(BaseModel):
    """Base of every answer model: camelCase aliases, unknown fields ignored."""

    model_config = ConfigDict(extra="ignore", alias_generator=to_camel, populate_by_name=True)


# ---- Google Calendar ---------------------------------------------------------
class GoogleEntryPoint(Answer):
    entry_point_type: str = ""
    uri: str = ""


class GoogleConference(Answer):
    entry_points: tuple[GoogleEntryPoint, ...] = ()


class GoogleEvent(Answer):
    """events.insert / events.get."""

    id: str
    html_link: str | None = None
    hangout_link: str | None = None
    conference_data: GoogleConference | None = None
    status: str = "confirmed"

    def meeting_link(self) -> str | None:
        """The Meet link: `hangoutLink`, else the conference's video entry point."""
        if self.hangout_link:
            return self.hangout_link
        points = self.conference_data.entry_points if self.conference_data else ()
        return next((p.uri for p in points if p.entry_point_type == "video"), None)


class GoogleCalendarEntry(Answer):
    """One item of calendarList.list."""

    id: str
    summary: str = ""
    summary_override: str | None = None
    primary: bool = False
    access_role: str = "reader"


# ---- Microsoft Graph -----------------------------------------------------------
# The onlineMeetingProviderType values that create a meeting, most wanted first.
MEETING_PROVIDERS = ("teamsForBusiness", "skypeForBusiness", "skypeForConsumer")


class GraphOnlineMeeting(Answer):
    join_url: str | None = None


class GraphEvent(Answer):
    """POST .../events."""

    id: str
    web_link: str | None = None
    online_meeting: GraphOnlineMeeting | None = None
    online_meeting_url: str | None = None

    def meeting_link(self) -> str | None:
        """The Teams/Skype join URL, wherever this Graph version put it."""
        joined = self.online_meeting.join_url if self.online_meeting else None
        return joined or self.online_meeting_url


class GraphUser(Answer):
    """GET /me."""

    id: str
    display_name: str | None = None
    mail: str | None = None
    user_principal_name: str | None = None


class GraphCalendar(Answer):
    """GET /me/calendar, /me/calendars/{id}, or one item of GET /me/calendars."""

    id: str
    name: str = ""
    is_default_calendar: bool = False
    can_edit: bool = True
    allowed_online_meeting_providers: tuple[str, ...] = ()
    default_online_meeting_provider: str | None = None

    def meeting_provider(self) -> str | None:
        """The service a meeting made in this calendar should use; None when it has none.

        The calendar's default when it may use it, else the first it allows that
        Graph can create (`unknown` and names newer than Quickcal are skipped).
        """
        usable = [p for p in self.allowed_online_meeting_providers if p in MEETING_PROVIDERS]
        if self.default_online_meeting_provider in usable:
            return self.default_online_meeting_provider
        return next((p for p in MEETING_PROVIDERS if p in usable), None)


# ---- LINE WORKS ----------------------------------------------------------------
class LineWorksVideoMeeting(Answer):
    url: str | None = None


class LineWorksEvent(Answer):
    event_id: str
    view_url: str | None = None
    video_meeting: LineWorksVideoMeeting | None = None


class LineWorksEvents(Answer):
    """POST .../events (201) and GET .../events/{eventId}."""

    event_components: tuple[LineWorksEvent, ...]
    organizer_calendar_id: str | None = None


class LineWorksName(Answer):
    last_name: str = ""
    first_name: str = ""


class LineWorksUser(Answer):
    """GET /users/me."""

    user_id: str
    email: str | None = None
    user_name: LineWorksName | None = None
    time_zone: str | None = None
