"""The Event resource FakeGoogle answers (seed 003's shape), and how it reads times and queries."""

from __future__ import annotations

import base64
import secrets
import zoneinfo
from datetime import UTC, datetime
from typing import Any


def coerced(query: dict[str, str]) -> dict[str, Any]:
    """Query values as the contract types them: digits are numbers, true/false booleans."""
    out: dict[str, Any] = {}
    for key, value in query.items():
        if value.isdigit():
            out[key] = int(value)
        elif value in ("true", "false"):
            out[key] = value == "true"
        else:
            out[key] = value
    return out


def instant(when: dict[str, str]) -> datetime:
    """An event time (`date`, or `dateTime` with an offset or a `timeZone`) as an instant."""
    if "date" in when:
        return datetime.fromisoformat(when["date"]).replace(tzinfo=UTC)
    value = datetime.fromisoformat(when["dateTime"].replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=zoneinfo.ZoneInfo(when["timeZone"]))
    return value


def google_resource(
    body: dict[str, Any], event_id: str, calendar: str, email: str, *, meet: bool
) -> dict[str, Any]:
    """The Event resource Google answers (seed 003's shape), read-only fields filled in."""
    now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    eid = base64.urlsafe_b64encode(f"{event_id} {calendar}".encode()).decode().rstrip("=")
    event: dict[str, Any] = {
        "kind": "calendar#event",
        "etag": f'"{secrets.randbelow(10**15)}"',
        "id": event_id,
        "status": "confirmed",
        "htmlLink": f"https://www.google.com/calendar/event?eid={eid}",
        "created": now,
        "updated": now,
        "creator": {"email": email, "self": True},
        "organizer": {"email": calendar, "self": calendar == email},
        "iCalUID": f"{event_id}@google.com",
        "sequence": 0,
        "reminders": {"useDefault": True},
        "eventType": "default",
        **{k: v for k, v in body.items() if k not in ("conferenceData", "id")},
    }
    if "attendees" in body:
        event["attendees"] = [{**a, "responseStatus": "needsAction"} for a in body["attendees"]]
    request = body.get("conferenceData", {}).get("createRequest")
    if meet and request:
        code = "abc-defg-hij"
        event["hangoutLink"] = f"https://meet.google.com/{code}"
        event["conferenceData"] = {
            "createRequest": {**request, "status": {"statusCode": "success"}},
            "entryPoints": [
                {
                    "entryPointType": "video",
                    "uri": event["hangoutLink"],
                    "label": f"meet.google.com/{code}",
                }
            ],
            "conferenceSolution": {"key": {"type": "hangoutsMeet"}, "name": "Google Meet"},
            "conferenceId": code,
        }
    return event
