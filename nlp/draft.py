"""EventDraft: the draft event that every part of Quickcal speaks."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, model_validator

AttendeeKind = Literal["name", "email", "slack"]
SpanField = Literal[
    "title",
    "date",
    "time",
    "end",
    "duration",
    "timezone",
    "recurrence",
    "location",
    "attendee",
    "reminder",
    "online_meeting",
    "noise",
]
# A DST gap ("nonexistent") is moved forward by the gap's length, as zoneinfo's
# fold=0 reading does; a DST fold ("ambiguous") takes the first (earlier) instant.
# "_time" flags the start, "_end" the end, "_alternative" one of the other readings.
TimeFlag = Literal[
    "nonexistent_time",
    "ambiguous_time",
    "nonexistent_end",
    "ambiguous_end",
    "nonexistent_alternative",
    "ambiguous_alternative",
]

When = datetime | date


class Attendee(BaseModel):
    """One person the text named: as a name, an email address or a Slack user id."""

    model_config = ConfigDict(frozen=True)

    kind: AttendeeKind
    value: str

    def __str__(self) -> str:
        return self.value


class Span(BaseModel):
    """Which characters of the text ([start, end) offsets) gave a field."""

    model_config = ConfigDict(frozen=True)

    field: SpanField
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class EventDraft(BaseModel):
    """A parsed, not yet created event.

    `start`/`end` are aware datetimes in `timezone` for a timed event, dates for
    an all-day one (`end` exclusive), or None: a start of None means the text
    gave no date and the bot must ask; an end of None means the text gave no
    end and the product's default length applies (see `end_or_default`).
    """

    model_config = ConfigDict(frozen=True)

    title: str = ""
    start: When | None = None
    end: When | None = None
    all_day: bool = False
    timezone: str = "UTC"
    location: str | None = None
    attendees: tuple[Attendee, ...] = ()
    recurrence: tuple[str, ...] = ()
    reminder_minutes: int | None = Field(default=None, ge=0)
    online_meeting: bool = False
    description: str = ""
    alternatives: tuple[When, ...] = ()
    spans: tuple[Span, ...] = ()
    flags: tuple[TimeFlag, ...] = ()
    locale: str = "en"

    @model_validator(mode="after")
    def _consistent(self) -> EventDraft:
        zone = ZoneInfo(self.timezone)  # raises for an unknown zone
        for value in (self.start, self.end, *self.alternatives):
            if isinstance(value, datetime) and value.tzinfo is None:
                raise ValueError("timed values must be timezone-aware")
        # JSON keeps only an offset; put the instants back on the event's zone so
        # wall-clock arithmetic (DST) stays right after a round trip.
        for name in ("start", "end"):
            value = getattr(self, name)
            if isinstance(value, datetime) and value.tzinfo is not zone:
                object.__setattr__(self, name, value.astimezone(zone))
        object.__setattr__(
            self,
            "alternatives",
            tuple(v.astimezone(zone) if isinstance(v, datetime) else v for v in self.alternatives),
        )
        if self.start is None:
            if self.end is not None or self.all_day or self.recurrence:
                raise ValueError("a draft without a start has no end, all-day or recurrence")
            return self
        if self.all_day != _is_date(self.start):
            raise ValueError("all_day must agree with the kind of start")
        if self.end is not None:
            if _is_date(self.end) != _is_date(self.start):
                raise ValueError("start and end must be of the same kind")
            if not self.end > self.start:
                raise ValueError("the end must come after the start")
        return self

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def end_or_default(self, length: timedelta = timedelta(hours=1)) -> When | None:
        """The end, or for a timed event without one, start + `length` (elapsed time)."""
        if self.end is not None or self.start is None:
            return self.end
        if isinstance(self.start, datetime):
            return (self.start.astimezone(ZoneInfo("UTC")) + length).astimezone(self.zone)
        return self.start + timedelta(days=1)


def _is_date(value: When) -> bool:
    return not isinstance(value, datetime)
