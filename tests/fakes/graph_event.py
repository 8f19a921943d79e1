"""The event resource FakeGraph answers (seed 004's shape) and the instants it compares."""

from __future__ import annotations

import base64
import secrets
import zoneinfo
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from tzlocal.windows_tz import win_tz


def zone_of(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(win_tz.get(name, name))


def instant(when: dict[str, str]) -> datetime:
    local = datetime.fromisoformat(when["dateTime"][:19])
    return local.replace(tzinfo=zone_of(when["timeZone"]))


def graph_resource(
    body: dict[str, Any], event_id: str, *, user_id: str, name: str, mail: str, calendar: str
) -> dict[str, Any]:
    """The event Graph answers (seed 004's shape), read-only members filled in."""
    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    link = quote(event_id, safe="")
    online = bool(body.get("isOnlineMeeting"))
    meeting_id = base64.b32encode(event_id.encode()).decode()[:24]
    location = body.get("location") or {"displayName": "", "locationType": "default"}
    return {
        "@odata.context": f"https://graph.microsoft.com/v1.0/$metadata#users('{user_id}')"
        f"/calendars('{calendar}')/events/$entity",
        "@odata.etag": 'W/"/IUUrIl3PkG1JCSsPfU+8wAAGXjGjw=="',
        "id": event_id,
        "createdDateTime": now,
        "lastModifiedDateTime": now,
        "changeKey": "/IUUrIl3PkG1JCSsPfU+8wAAGXjGjw==",
        "categories": [],
        "originalStartTimeZone": body["start"]["timeZone"],
        "originalEndTimeZone": body["end"]["timeZone"],
        "iCalUId": "040000008200E00074C5B7101A82E008" + secrets.token_hex(8),
        "reminderMinutesBeforeStart": body.get("reminderMinutesBeforeStart", 15),
        "isReminderOn": body.get("isReminderOn", True),
        "hasAttachments": False,
        "subject": body.get("subject", ""),
        "importance": "normal",
        "sensitivity": "normal",
        "isAllDay": body.get("isAllDay", False),
        "isCancelled": False,
        "isOrganizer": True,
        "responseRequested": True,
        "seriesMasterId": None,
        "showAs": "busy",
        "type": "seriesMaster" if body.get("recurrence") else "singleInstance",
        "webLink": f"https://outlook.office365.com/owa/?itemid={link}&exvsurl=1&path=/calendar/item",
        "onlineMeetingUrl": None,
        "isOnlineMeeting": online,
        "onlineMeetingProvider": body.get("onlineMeetingProvider", "unknown")
        if online
        else "unknown",
        "recurrence": body.get("recurrence"),
        "body": body.get("body", {"contentType": "html", "content": ""}),
        "start": {**body["start"], "dateTime": body["start"]["dateTime"][:19] + ".0000000"},
        "end": {**body["end"], "dateTime": body["end"]["dateTime"][:19] + ".0000000"},
        "location": location,
        "locations": [location] if body.get("location") else [],
        "attendees": [
            {
                **a,
                "type": a.get("type", "required"),
                "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
            }
            for a in body.get("attendees", [])
        ],
        "organizer": {"emailAddress": {"name": name, "address": mail}},
        "onlineMeeting": {
            "joinUrl": f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{meeting_id}"
            "%40thread.v2/0",
        }
        if online
        else None,
        **({"transactionId": body["transactionId"]} if body.get("transactionId") else {}),
    }
