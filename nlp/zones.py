"""Zones: a zone word right after a time ("3pm PST", "9am London time") names the event's zone."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.locales import lexicon
from nlp.pattern import alt, compile_low, key
from nlp.scan import Scan

# Abbreviations read the same in every language; each maps to its usual IANA zone.
ABBREVIATIONS: dict[str, str] = {
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York",
    "cst": "America/Chicago", "cdt": "America/Chicago", "ct": "America/Chicago",
    "mst": "America/Denver", "mdt": "America/Denver", "mt": "America/Denver",
    "akst": "America/Anchorage", "hst": "Pacific/Honolulu",
    "gmt": "UTC", "utc": "UTC", "z": "UTC", "bst": "Europe/London", "wet": "Europe/Lisbon",
    "cet": "Europe/Paris", "cest": "Europe/Paris", "eet": "Europe/Athens",
    "eest": "Europe/Athens", "msk": "Europe/Moscow", "ist": "Asia/Kolkata",
    "sgt": "Asia/Singapore", "hkt": "Asia/Hong_Kong", "jst": "Asia/Tokyo", "kst": "Asia/Seoul",
    "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "awst": "Australia/Perth",
    "nzst": "Pacific/Auckland", "nzdt": "Pacific/Auckland", "brt": "America/Sao_Paulo",
    "nzt": "Pacific/Auckland", "aet": "Australia/Sydney", "acst": "Australia/Adelaide",
    "acdt": "Australia/Adelaide", "akdt": "America/Anchorage", "nst": "America/St_Johns",
    "sast": "Africa/Johannesburg", "pht": "Asia/Manila", "ict": "Asia/Bangkok",
    "wib": "Asia/Jakarta", "pkt": "Asia/Karachi", "gst": "Asia/Dubai",
}
_OFFSET = r"(?:utc|gmt)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?00)?(?!\d)"


@lru_cache(maxsize=16)
def _pattern(code: str) -> re.Pattern[str]:
    lex = lexicon(code)
    names = alt([*ABBREVIATIONS, *lex.zone_names], spaced=True)
    return compile_low(r"[\s\x00]*(?:\(\s*)?(?:(?P<offset>" + _OFFSET + r")|(?P<name>" + names
                      + r"))(?:\s*\))?")


def zone_at(scan: Scan, at: int, *, locale: str) -> bool:
    """Whether a zone word stands right at `at` ("1400 GMT"), without consuming it."""
    return _pattern(locale).match(scan.low, at) is not None


def find_zone(scan: Scan, *, after: int, locale: str) -> str | None:
    """The IANA zone named right after position `after` (the end of a time), consuming it."""
    match = _pattern(locale).match(scan.low, after)
    if match is None:
        return None
    if match["offset"]:
        hours = int(match["hours"])
        if hours > 14:
            return None
        # Etc/GMT signs are inverted: Etc/GMT-9 is nine hours east of UTC.
        zone = "UTC" if hours == 0 else f"Etc/GMT{'-' if match['sign'] == '+' else '+'}{hours}"
    else:
        word = key(match["name"])
        zone = ABBREVIATIONS.get(word) or lexicon(locale).zone_names[word]
    start = match.start() + len(match[0]) - len(match[0].lstrip(" \x00"))
    scan.take(start, match.end(), "timezone")
    return zone
