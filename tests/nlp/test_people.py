"""Attendees: "with NAME" lists, Slack mentions, e-mail addresses; groups are not people."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import read_text

PEOPLE = [
    ("Lunch with Adele Friday noon", ["Adele"]),
    ("Lunch w/ Adele tmrw noon", ["Adele"]),
    ("Lunch with Adele and Bob Friday", ["Adele", "Bob"]),
    ("Lunch with Adele, Bob & Carol Friday", ["Adele", "Bob", "Carol"]),
    ("Lunch with Adele, Bob, and Carol Friday", ["Adele", "Bob", "Carol"]),
    ("Lunch with Adele Smith Friday", ["Adele Smith"]),
    ("DINNER WITH MEGAN SAT 8PM", ["MEGAN"]),
    ("Drinks tonight at 8 with Sam and Lena", ["Sam", "Lena"]),
    ("Lunch with the team Friday", []),
    ("Lunch with marketing Friday", []),
    ("Adele's birthday Friday", []),
    ("Potluck at Megan's Thursday", []),
    ("sync with <@U012AB3CD> tomorrow", ["U012AB3CD"]),
    ("Retro w/ <@U012AB3CD|adele> and <@U0456EFGH|megan> tmrw", ["U012AB3CD", "U0456EFGH"]),
    ("Call with bob@example.com Friday", ["bob@example.com"]),
    ("Call <mailto:bob@example.com|bob@example.com> Friday", ["bob@example.com"]),
    ("meeting w/ @sam & @lena tmrw 2pm", ["sam", "lena"]),
    ("Meeting with @Adele tomorrow at 3", ["Adele"]),
    ("Dinner with Mom and Dad Sunday", ["Mom", "Dad"]),
    ("Lunch with my team Friday", []),
    ("Coffee with the new hire Monday", []),
    ("Gym M/W/F 6am", []),
    ("Intro with sam.lee@example.org and <@U02BCD4EF> Monday",
     ["sam.lee@example.org", "U02BCD4EF"]),
]

# An e-mail address ends where kana, kanji or hangul begin: a glued particle is no part of it.
GLUED_EMAILS = [
    ("ko", "다음 주 수요일 오전 11시 jiho@example.kr와 화상 회의", ["jiho@example.kr"]),
    ("ja", "明日10時 kenji@example.jpと打ち合わせ", ["kenji@example.jp"]),
    ("ja", "明日10時 kenji@example.jpに連絡", ["kenji@example.jp"]),
    ("ja", "明日10時 田中とkenji@example.jpで打ち合わせ", ["田中", "kenji@example.jp"]),
    ("fr", "Réunion avec jose.diaz@example.es demain 10h", ["jose.diaz@example.es"]),
]


@pytest.mark.parametrize(("locale", "text", "people"), GLUED_EMAILS)
def test_a_particle_glued_to_an_address_is_no_part_of_it(locale: str, text: str,
                                                         people: list[str]) -> None:
    assert [a.value for a in read_text(text, locale=locale).attendees] == people


@pytest.mark.parametrize(("text", "people"), PEOPLE)
def test_attendees(text: str, people: list[str]) -> None:
    assert [a.value for a in read_text(text).attendees] == people


def test_attendee_kinds() -> None:
    draft = read_text("Call with Adele, <@U012AB3CD> and bob@example.com")
    assert [(a.kind, a.value) for a in draft.attendees] == [
        ("name", "Adele"), ("slack", "U012AB3CD"), ("email", "bob@example.com")]


PLACES = [
    ("Drinks at Harry's Bar Friday 6pm", "Harry's Bar"),
    ("Drinks Friday 6pm at Harry's Bar", "Harry's Bar"),
    ("Drinks @ Blue Bottle Friday", "Blue Bottle"),
    ("Drinks in Conference Room A Friday", "Conference Room A"),
    ("Drinks in Room 4B Friday", "Room 4B"),
    ("Drinks at Megan's Thursday", "Megan's"),
    ('Drinks at "The 12th Street Grill" Friday 7pm', "The 12th Street Grill"),
    ('Drinks in "Conference Room A (3rd floor)" Tuesday', "Conference Room A (3rd floor)"),
    ("Drinks at home Friday", "home"),
    ("Drinks in the cafeteria Friday", "the cafeteria"),
    ("Drinks at the Hilton Friday", "the Hilton"),
    ("Drinks at Starbucks on 5th Ave Friday", "Starbucks on 5th Ave"),
    ("Drinks at 123 Main St Friday 7pm", "123 Main St"),
    ("Drinks in 2 hours", None),
    ("Drinks at 7pm Friday", None),
]


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_places(text: str, place: str | None) -> None:
    draft = read_text(text)
    assert draft.location == place
    assert draft.title == "Drinks"


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Dentist Friday 10am, remind me 30 minutes before", 30),
        ("Dentist Friday 10am remind me 1 hr before", 60),
        ("Dentist Friday, remind me a day before", 1440),
        ("Dentist Friday 10am, reminder 5 min before", 5),
        ("Dentist Friday 10am with a 15 minute reminder", 15),
        ("remind me 10 min before the Dentist Friday at 9:30", 10),
        ("Dentist Friday 10am reminder: 30 min", 30),
        ("Dentist Friday 10am alert 15 min before", 15),
        ("Dentist Friday 10am", None),
    ],
)
def test_reminders(text: str, minutes: int | None) -> None:
    draft = read_text(text)
    assert draft.reminder_minutes == minutes
    assert draft.title in ("Dentist", "The Dentist")


@pytest.mark.parametrize(
    ("text", "online", "title"),
    [
        ("Interview on Zoom Monday", True, "Interview"),
        ("Zoom call with Priya tomorrow", True, "Zoom call with Priya"),
        ("video call with Sam tomorrow", True, "Video call with Sam"),
        ("Teams meeting Tuesday 9-10am", True, "Teams meeting"),
        ("Sync on Google Meet Monday", True, "Sync"),
        ("Meetup at Blue Bottle Friday", False, "Meetup"),
    ],
)
def test_online_meetings(text: str, online: bool, title: str) -> None:
    draft = read_text(text)
    assert draft.online_meeting is online
    assert draft.title == title


@pytest.mark.parametrize(
    ("text", "online", "title"),
    [
        ("Sync tomorrow 3pm <https://zoom.us/j/123456789|https://zoom.us/j/123456789>", True,
         "Sync"),
        ("Sync tomorrow 3pm https://meet.google.com/abc-defg-hij", True, "Sync"),
        ("Review the doc <https://docs.example.com/d/2026-12-03|spec> Friday 2pm", False,
         "Review the doc"),
        # The change verb leads the new time ("moved to 10am") and leaves with it.
        ("<!here> standup moved to 10am tomorrow in <#C024BE91L|general>", False, "Standup"),
        ("@here standup moved to 10 tomorrow in <#C024BE91L|general>", False, "Standup"),
        ("hey @channel standup pushed to 11 tomorrow", False, "Standup"),
    ],
)
def test_links_are_taken_out_and_their_digits_are_no_dates(text: str, online: bool,
                                                           title: str) -> None:
    draft = read_text(text)
    assert draft.online_meeting is online
    assert draft.title == title
    assert draft.location is None
    assert draft.start is not None
    assert draft.start.day in (19, 20)  # type: ignore[union-attr]


MORE_PEOPLE = [
    ("call with Tokyo office 9am JST", []),
    ("sync with Sales team Friday 2pm", []),
    ("Lunch with Bob and Marketing folks Friday noon", ["Bob"]),
    ("meeting with Design crew and Adele Friday", ["Adele"]),
    ("call with New York Office tomorrow 10", []),
    ("Interview tomorrow 10-11:30am in conf room B with Lee", ["Lee"]),
    ("coffee w Ana tmrw 8:30", ["Ana"]),
    # A department or a company is no person.
    ("Meeting with HR tomorrow 10am", []),
    ("Review with Legal and Sam Friday", ["Sam"]),
    ("Call with Acme Corp Tuesday 2pm", []),
]


@pytest.mark.parametrize(("text", "people"), MORE_PEOPLE)
def test_a_name_before_a_group_noun_is_a_group(text: str, people: list[str]) -> None:
    assert [a.value for a in read_text(text).attendees] == people


# locale, text, people: names before a name particle in scripts without capitals or spaces.
SUFFIXED_PEOPLE = [
    # A capitalised Latin name glued to kana after a particle ("渋谷でAlexと").
    ("ja", "今日19時 渋谷でAlexと飲み", ["Alex"]),
    ("ja", "明後日の午後4時にZoomでSatoとミーティング", ["Sato"]),
    ("ja", "明日 会議室Bと会議室Cで研修", []),
    # A whole run of kanji that is a common family name, before "と", is a person; other
    # kanji words before "と" are not ("東京と大阪", "上司と").
    ("ja", "水曜13時〜14時半 鈴木と打ち合わせ", ["鈴木"]),
    ("ja", "今夜9時 佐藤とZoom", ["佐藤"]),
    ("ja", "明日 佐々木と高橋とランチ", ["佐々木", "高橋"]),
    ("ja", "明日 東京と大阪の定例", []),
    ("ja", "明日10時 上司と面談", []),
    ("ja", "明日10時 営業部鈴木と面談", []),
    # ko given names of two or three syllables, listed with commas; not common nouns,
    # plurals or groups.
    ("ko", "내일 오전 10시 반에 지수랑 커피", ["지수"]),
    ("ko", "오늘 12시 반에 민호, 유나와 김밥천국에서 점심", ["민호", "유나"]),
    ("ko", "내일 3시 김민수랑 회의", ["김민수"]),
    ("ko", "이번 주말에 팀원들과 등산", []),
    ("ko", "서울 본사랑 화상 통화 내일 오전 10시", []),
    ("ko", "내일 3시 고객과 미팅", []),
    ("ko", "내일 회의 정리하고 보고", []),
]


@pytest.mark.parametrize(("locale", "text", "people"), SUFFIXED_PEOPLE)
def test_names_before_a_particle(locale: str, text: str, people: list[str]) -> None:
    assert [a.value for a in read_text(text, locale=locale).attendees] == people


MORE_PLACES = [
    ("Interview tomorrow 10-11:30am in conf room B with Lee", "conf room B",
     "Interview with Lee"),
    ("Sync in meeting room 4 tomorrow 10am", "meeting room 4", "Sync"),
    ("Sync in the big conference room at 3", "the big conference room", "Sync"),
    ("Sync at the office Friday 3pm", "the office", "Sync"),
    ("Sync in the lobby tomorrow at 10", "the lobby", "Sync"),
    ("Sync in my office Thursday 2pm", "my office", "Sync"),
    ("Sync at the bar on 5th floor Friday 6pm", "the bar on 5th floor", "Sync"),
    ("Sync at Bob's house Saturday 8pm", "Bob's house", "Sync"),
    ("Sync in person Friday 2pm", None, "Sync in person"),
    ("Check in with Bob Friday 3pm", None, "Check in with Bob"),
]


@pytest.mark.parametrize(("text", "place", "title"), MORE_PLACES)
def test_lower_case_places_end_where_another_phrase_begins(text: str, place: str | None,
                                                           title: str) -> None:
    draft = read_text(text)
    assert (draft.location, draft.title) == (place, title)


@pytest.mark.parametrize(
    ("locale", "text", "place", "title"),
    [
        ("fr", "Dîner samedi à 20h au restaurant Chez Paul", "restaurant Chez Paul", "Dîner"),
        ("es", "Cena el sábado a las 9 en el restaurante Casa Pepe",
         "el restaurante Casa Pepe", "Cena"),
        ("ko", "강남역에서 내일 7시 저녁", "강남역", "저녁"),
    ],
)
def test_places_in_each_language(locale: str, text: str, place: str, title: str) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.location, draft.title) == (place, title)


@pytest.mark.parametrize(
    ("locale", "text", "minutes", "title"),
    [
        ("en", "Dentist Friday 3pm, reminder 15m", 15, "Dentist"),
        ("en", "Dentist Friday 3pm (remind 10 min before)", 10, "Dentist"),
        ("de", "Zahnarzt Freitag 15 Uhr, Erinnerung 15 Min", 15, "Zahnarzt"),
        ("fr", "Dentiste vendredi 15h, rappel 15 min", 15, "Dentiste"),
        ("es", "Dentista el viernes a las 3, recordatorio 15 min", 15, "Dentista"),
    ],
)
def test_a_reminder_noun_needs_no_before(locale: str, text: str, minutes: int,
                                         title: str) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.reminder_minutes, draft.title, draft.end) == (minutes, title, None)
