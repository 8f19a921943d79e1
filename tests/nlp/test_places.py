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
    # "@" glued to kana, kanji or hangul: a place (a handle is never written so).
    ("ja", "明日 11時〜12時 面談 @会議室B", "面談", "2026-11-19T11:00", "会議室B"),
    # ko: words with a number or ending in a place noun lead the word before "에서".
    ("ko", "내일 오후 2시 3층 회의실에서 주간회의", "주간회의", "2026-11-19T14:00", "3층 회의실"),
    ("ko", "토요일 오후 1시 홍대입구역 2번 출구에서 민수랑 만나기", "민수랑 만나기",
     "2026-11-21T13:00", "홍대입구역 2번 출구"),
    ("ko", "내일 오후 2시 회의실 A에서 면접", "면접", "2026-11-19T14:00", "회의실 A"),
    ("ko", "내일 7시 민수랑 강남역에서 저녁", "민수랑 저녁", "2026-11-19T19:00", "강남역"),
    # A quoted place closed by a place particle.
    ("ja", "金曜の夜7時から「鳥貴族 新宿店」で新年会", "新年会", "2026-11-20T19:00",
     "鳥貴族 新宿店"),
    ("ko", '금요일 오후 6시 반 "을지로 노가리 골목"에서 회식', "회식", "2026-11-20T18:30",
     "을지로 노가리 골목"),
    # fr "chez" + a capitalised name is a place; + an article and a noun, whom one visits.
    ("fr", "soirée jeux demain de 20h à 23h chez Inès", "Soirée jeux", "2026-11-19T20:00",
     "Inès"),
    # A full day name after a place is no abbreviation that ends its name ("Lau Pa Sat").
    ("de", "Termin im Salon Samstag 11 Uhr", "Termin", "2026-11-21T11:00", "Salon"),
    # An abbreviation with a number after it is the day: "Sa 10 Uhr", "Sat 10am".
    ("de", "Kaffee im Café Sa 10 Uhr", "Kaffee", "2026-11-21T10:00", "Café"),
    ("en", "Coffee at Blue Bottle Sat 10am", "Coffee", "2026-11-21T10:00", "Blue Bottle"),
    # de "bei" + a name is that person's place, as fr "chez Inès".
    ("de", "Spieleabend bei Anna Freitag 19 Uhr", "Spieleabend", "2026-11-20T19:00", "Anna"),
    # A dotted number after a numbered place noun is its label, no date.
    ("de", "Besprechung Dienstag 10 bis 11:30 Uhr in Raum 3.12", "Besprechung",
     "2026-11-24T10:00", "Raum 3.12"),
    # A capitalised frequency word inside a name is part of it.
    ("fr", "brunch dimanche 11h30 au Pain Quotidien", "Brunch", "2026-11-22T11:30",
     "Pain Quotidien"),
]


@pytest.mark.parametrize(("locale", "text", "title", "start", "location"), PLACES,
                         ids=[row[1] for row in PLACES])
def test_places(locale: str, text: str, title: str, start: str, location: str) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.title, wall(draft), draft.location) == (title, start, location)


def test_a_particle_needs_a_name_after_it() -> None:
    # "de la" closing the message joins nothing: the place stops before it.
    assert read_text("Coffee tomorrow at Joe de la").location == "Joe"


@pytest.mark.parametrize(("text", "title", "location"), [
    # ja "家族で", "みんなで": with whom, no place; a place may still follow.
    ("明日10時半 家族で初詣", "家族で初詣", None),
    ("明日 みんなでランチ 渋谷で", "みんなでランチ", "渋谷"),
])
def test_who_before_a_place_particle_is_no_place(text: str, title: str,
                                                  location: str | None) -> None:
    draft = read_text(text, locale="ja")
    assert (draft.title, draft.location) == (title, location)


@pytest.mark.parametrize(("text", "title"), [
    # de "beim" / "bei der" + a noun, as fr "chez le médecin": whom one visits, no place.
    ("Termin beim Arzt morgen 10 Uhr", "Termin beim Arzt"),
    ("Termin beim Friseur Samstag 11 Uhr", "Termin beim Friseur"),
    ("Termin bei der Ärztin morgen 10 Uhr", "Termin bei der Ärztin"),
])
def test_a_visit_beim_someone_is_no_place(text: str, title: str) -> None:
    draft = read_text(text, locale="de")
    assert (draft.title, draft.location) == (title, None)
    assert draft.start is not None


def test_a_visit_chez_someone_is_no_place() -> None:
    draft = read_text("rendez-vous chez le médecin le 30/11 à 8h45", locale="fr")
    assert (draft.title, draft.location, wall(draft)) == (
        "Rendez-vous chez le médecin", None, "2026-11-30T08:45")


@pytest.mark.parametrize(("locale", "text"), [("ja", "@田中さん 明日10時 打ち合わせ"),
                                              ("ko", "@지수님 내일 10시 회의")])
def test_a_glued_at_sign_before_an_honorific_is_no_place(locale: str, text: str) -> None:
    assert read_text(text, locale=locale).location is None


def test_a_mention_after_at_sign_is_a_person() -> None:
    draft = read_text("Lunch Friday with @Adele")
    assert draft.location is None
