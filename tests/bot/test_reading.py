"""A message is read in the person's Slack language, or in English when that reads it better."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.reading import read

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 18, 9, 0, tzinfo=PARIS)  # a Wednesday

CASES = [
    ("déjeuner avec Adele vendredi midi", "fr-FR", "2026-11-20 12:00:00+01:00", "fr"),
    ("réunion demain 15h", "fr-FR", "2026-11-19 15:00:00+01:00", "fr"),
    ("lunch with Adele friday noon", "fr-FR", "2026-11-20 12:00:00+01:00", "en"),
    ("lunch with Adele friday noon", "en-US", "2026-11-20 12:00:00+01:00", "en"),
    ("Mittagessen am Freitag um 12 Uhr", "de-DE", "2026-11-20 12:00:00+01:00", "de"),
]


@pytest.mark.parametrize(("text", "locale", "start", "read_as"), CASES)
def test_read(text: str, locale: str, start: str, read_as: str) -> None:
    draft = read(text, now=NOW, zone="Europe/Paris", locale=locale)
    assert str(draft.start) == start
    assert draft.locale == read_as
