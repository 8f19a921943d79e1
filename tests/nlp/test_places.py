"""Places: names that run on through label numbers and particles, and "@" in every locale."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import read_text, wall

# locale, text, title, start, location
PLACES: list[tuple[str, str, str, str, str]] = [
    # A number right after a place noun is the room's label, no time.
    ("en", "Interview Tuesday 11:15am in Room 3.02", "Interview", "2026-11-24T11:15",
     "Room 3.02"),
    ("en", "Sync Friday 2pm in Room 12", "Sync", "2026-11-20T14:00", "Room 12"),
    ("en", "Boarding Friday 6pm at Gate 11", "Boarding", "2026-11-20T18:00", "Gate 11"),
    ("en", "Standup at Level 12 boardroom tomorrow 9am", "Standup", "2026-11-19T09:00",
     "Level 12 boardroom"),
    ("en", "Party Saturday at Apt 4", "Party", "2026-11-21", "Apt 4"),
    # After a place that takes no number, or with a colon, it is still a time.
    ("en", "Coffee at the office 9.30 tomorrow", "Coffee", "2026-11-19T09:30", "the office"),
    ("en", "Meet in Room 3 at 9:30 tomorrow", "Meet", "2026-11-19T09:30", "Room 3"),
    ("de", "Jahresgespräch heute um 16:30 in Raum 2.14", "Jahresgespräch", "2026-11-18T16:30",
     "Raum 2.14"),
    ("de", "Treffen morgen 10 Uhr im Zimmer 12", "Treffen", "2026-11-19T10:00", "Zimmer 12"),
    ("es", "Reunión mañana a las 10 en la sala 3.02", "Reunión", "2026-11-19T10:00",
     "la sala 3.02"),
    # Particles between capitalised words belong to the name.
    ("en", "Picnic July 14 noon at Champ de Mars", "Picnic", "2027-07-14T12:00",
     "Champ de Mars"),
    ("en", "Shopping Saturday at Rue de la Paix", "Shopping", "2026-11-21", "Rue de la Paix"),
    ("en", "Drinks Friday 6pm at Hotel del Coronado", "Drinks", "2026-11-20T18:00",
     "Hotel del Coronado"),
    ("en", "Offsite Monday at Bank of America Plaza", "Offsite", "2026-11-23",
     "Bank of America Plaza"),
    ("en", "Lunch Friday at Café van Gogh", "Lunch", "2026-11-20", "Café van Gogh"),
    # A link word left dangling at the end is no part of the name.
    ("en", "Lunch Friday at Blue Bottle on", "Lunch", "2026-11-20", "Blue Bottle"),
    # "@ PLACE" in scripts without capitals.
    ("ja", "金曜 正午 ランチ会 @ 渋谷ヒカリエ", "ランチ会", "2026-11-20T12:00", "渋谷ヒカリエ"),
    ("ja", "明日 10時 打ち合わせ @ 会議室A", "打ち合わせ", "2026-11-19T10:00", "会議室A"),
    ("ko", "내일 오후 3시 회의 @ 강남역", "회의", "2026-11-19T15:00", "강남역"),
    # A possessive and its noun: "Lena's loft".
    ("en", "NYE party tonight 9pm-1am at Lena's loft", "NYE party", "2026-11-18T21:00",
     "Lena's loft"),
    ("en", "drinks at Bob's for Ann tonight", "Drinks for Ann", "2026-11-18T19:00", "Bob's"),
    # A day abbreviation that ends a capitalised name is no day; after a day it still is.
    ("en", "lunch w/ Farhan 12:30 @ Lau Pa Sat", "Lunch w/ Farhan", "2026-11-18T12:30",
     "Lau Pa Sat"),
    ("en", "dinner Sat 7pm at Lau Pa", "Dinner", "2026-11-21T19:00", "Lau Pa"),
    # A comma-joined locality closing the phrase continues the place.
    ("en", "Team outing @ Social, Koramangala sat 6pm", "Team outing", "2026-11-21T18:00",
     "Social, Koramangala"),
    # A room label with a dash is no range; an ordinal before "floor" is no day.
    ("en", "Sync in Room 12-04 at 3", "Sync", "2026-11-18T15:00", "Room 12-04"),
    ("en", "Standup 9am in Room 3-11", "Standup", "2026-11-19T09:00", "Room 3-11"),
    ("en", "Kickoff Monday at 9 in the 4th floor kitchen", "Kickoff", "2026-11-23T09:00",
     "the 4th floor kitchen"),
    ("en", "Lunch Friday @ Blue Bottle", "Lunch", "2026-11-20", "Blue Bottle"),
]


@pytest.mark.parametrize(("locale", "text", "title", "start", "location"), PLACES,
                         ids=[row[1] for row in PLACES])
def test_places(locale: str, text: str, title: str, start: str, location: str) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.title, wall(draft), draft.location) == (title, start, location)


def test_a_particle_needs_a_name_after_it() -> None:
    # "de la" closing the message joins nothing: the place stops before it.
    assert read_text("Coffee tomorrow at Joe de la").location == "Joe"


def test_a_mention_after_at_sign_is_a_person() -> None:
    draft = read_text("Lunch Friday with @Adele")
    assert draft.location is None
