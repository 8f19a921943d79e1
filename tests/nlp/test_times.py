"""Times of day: am/pm forms, 24-hour clocks, working-hours bare hours, named times, day parts."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import read_text, wall, wall_end

TIMES = [
    ("Call Friday 3pm", "15:00"),
    ("Call Friday 3 pm", "15:00"),
    ("Call Friday 3:30 p.m.", "15:30"),
    ("Call Friday 8 a.m.", "08:00"),
    ("Call Friday 10a", "10:00"),
    ("Call Friday 4p", "16:00"),
    ("Call Friday 12am", "00:00"),
    ("Call Friday 12pm", "12:00"),
    ("Call Friday 15:00", "15:00"),
    ("Call Friday 09:30", "09:30"),
    ("Call Friday at 3", "15:00"),
    ("Call Friday at 9", "09:00"),
    ("Call Friday at 12", "12:00"),
    ("Call Friday at 6:30", "18:30"),
    ("Call Friday @ 3:15", "15:15"),
    ("Call Friday at 10 o'clock", "10:00"),
    ("Call Friday 9", "09:00"),
    ("Call Friday noon", "12:00"),
    ("Call Friday at midday", "12:00"),
    ("Call Friday EOD", "17:00"),
    ("Call Friday end of day", "17:00"),
    ("Call Friday morning", "09:00"),
    ("Call Friday afternoon", "14:00"),
    ("Call Friday evening", "18:00"),
    ("Call Friday evening at 7", "19:00"),
    ("Call tonight", "19:00"),
    ("Call tonight at 8", "20:00"),
    ("Call tonight at 10", "22:00"),
    ("Call this afternoon", "14:00"),
    ("Call tomorrow morning", "09:00"),
]


@pytest.mark.parametrize(("text", "clock"), TIMES)
def test_clock_times(text: str, clock: str) -> None:
    draft = read_text(text)
    start = wall(draft)
    assert start is not None
    assert start[11:] == clock
    assert draft.title == "Call"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call in 2 hours", "2026-11-18T11:00"),
        ("Call in 30 minutes", "2026-11-18T09:30"),
        ("Call in an hour", "2026-11-18T10:00"),
        ("Call in half an hour", "2026-11-18T09:30"),
        ("Call in 90 min", "2026-11-18T10:30"),
        ("Call in 48 hours", "2026-11-20T09:00"),
        ("Call in 5 days at 10am", "2026-11-23T10:00"),
        ("Call half an hour from now", "2026-11-18T09:30"),
        ("Call an hour from now", "2026-11-18T10:00"),
        ("Call in a couple of hours", "2026-11-18T11:00"),
    ],
)
def test_relative_times(text: str, expected: str) -> None:
    assert wall(read_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "zone", "expected"),
    [
        ("Webinar Thursday 1pm PST", "America/Los_Angeles", "2026-11-19T13:00"),
        ("Webinar Thursday 1pm pst", "America/Los_Angeles", "2026-11-19T13:00"),
        ("Webinar Thursday 1pm ET", "America/New_York", "2026-11-19T13:00"),
        ("Webinar Thursday 10am Eastern", "America/New_York", "2026-11-19T10:00"),
        ("Webinar Thursday 9am London time", "Europe/London", "2026-11-19T09:00"),
        ("Webinar Thursday 9am JST", "Asia/Tokyo", "2026-11-19T09:00"),
        ("Webinar Thursday 16:00 UTC", "UTC", "2026-11-19T16:00"),
        ("Webinar Thursday 9am UTC+9", "Etc/GMT-9", "2026-11-19T09:00"),
        ("Webinar at noon London time", "Europe/London", "2026-11-19T12:00"),
    ],
)
def test_named_zones(text: str, zone: str, expected: str) -> None:
    draft = read_text(text)
    assert draft.timezone == zone
    assert wall(draft) == expected
    assert draft.title == "Webinar"


def test_a_zone_word_needs_a_time_before_it() -> None:
    draft = read_text("ET phone home Friday")
    assert draft.timezone == "America/New_York"
    assert draft.title == "ET phone home"


# A meal word steers a bare hour (a day-part word wins over working hours) but sets no time.
MEALS = [
    ("en", "Dinner at 8", "2026-11-18T20:00"),
    ("en", "Dinner tomorrow at 7", "2026-11-19T19:00"),
    ("en", "supper Friday at 6:30", "2026-11-20T18:30"),
    ("en", "Breakfast Friday at 7", "2026-11-20T07:00"),
    ("en", "breakfast Friday at 6", "2026-11-20T06:00"),
    ("en", "Lunch at 1", "2026-11-18T13:00"),
    ("en", "Brunch Sunday at 11", "2026-11-22T11:00"),
    ("en", "Dinner at 8am", "2026-11-19T08:00"),
    ("en", "Dinner tonight at 9", "2026-11-18T21:00"),
    ("en", "Dinner Friday", "2026-11-20"),
    ("de", "Abendessen morgen um 8", "2026-11-19T20:00"),
    ("de", "Frühstück Freitag um 7", "2026-11-20T07:00"),
    ("fr", "dîner demain à 8h", "2026-11-19T20:00"),
    ("es", "cena mañana a las 9", "2026-11-19T21:00"),
    ("es", "almuerzo el viernes a las 2", "2026-11-20T14:00"),
    ("ja", "金曜日8時にディナー", "2026-11-20T20:00"),
    ("ko", "금요일 8시 회식", "2026-11-20T20:00"),
]


@pytest.mark.parametrize(("locale", "text", "expected"), MEALS)
def test_meal_words_steer_a_bare_hour(locale: str, text: str, expected: str) -> None:
    assert wall(read_text(text, locale=locale)) == expected


@pytest.mark.parametrize(("locale", "text", "title"), [
    ("en", "lunch with David", "Lunch with David"),
    ("ko", "David랑 점심", "David랑 점심"),
    ("ko", "저녁 민수랑", "저녁 민수랑"),
])
def test_a_meal_word_alone_gives_no_date(locale: str, text: str, title: str) -> None:
    # ko "점심" is noon and lunch: with no day or clock it is the meal, and nothing is
    # invented from a clock.
    draft = read_text(text, locale=locale)
    assert (draft.start, draft.title) == (None, title)


def test_a_meal_word_beside_a_day_is_its_time() -> None:
    assert wall(read_text("내일 점심 David랑", locale="ko")) == "2026-11-19T12:00"


# The small hours after a night word are the next day's.
SMALL_HOURS = [
    ("en", "Party tonight at 1am", "2026-11-19T01:00"),
    ("en", "Party tonight at 12am", "2026-11-19T00:00"),
    ("en", "Party tonight 0:30", "2026-11-19T00:30"),
    ("en", "Party tonight at 11", "2026-11-18T23:00"),
    ("ja", "今夜0時 Party", "2026-11-19T00:00"),
    # A bare 12 at night is midnight; 1-4 are the small hours after it.
    ("en", "Party tonight at 12", "2026-11-19T00:00"),
    ("en", "Party tonight at 1", "2026-11-19T01:00"),
    ("ja", "今夜12時 Party", "2026-11-19T00:00"),
    ("ja", "深夜1時 Party", "2026-11-19T01:00"),
    ("ja", "夜中の2時 Party", "2026-11-19T02:00"),
    ("ja", "夜9時 Party", "2026-11-18T21:00"),
    ("ko", "오늘 밤 12시 Party", "2026-11-19T00:00"),
    ("ko", "금요일 밤 1시 Party", "2026-11-21T01:00"),
    ("ko", "새벽 2시 Party", "2026-11-19T02:00"),
]


@pytest.mark.parametrize(("locale", "text", "expected"), SMALL_HOURS)
def test_the_small_hours_of_tonight(locale: str, text: str, expected: str) -> None:
    assert wall(read_text(text, locale=locale)) == expected


# es "de la noche", "de la mañana" after an hour are its am/pm, on each side of a range.
SPANISH_DAY_PARTS = [
    ("turno hoy de 11 de la noche a 7 de la mañana", "2026-11-18T23:00", "2026-11-19T07:00"),
    ("turno hoy de 9 de la mañana a 1 de la tarde", "2026-11-18T09:00", "2026-11-18T13:00"),
    ("turno mañana a las 5 de la madrugada", "2026-11-19T05:00", None),
]


@pytest.mark.parametrize(("text", "start", "end"), SPANISH_DAY_PARTS)
def test_a_spanish_day_part_after_the_hour(text: str, start: str, end: str | None) -> None:
    draft = read_text(text, locale="es")
    assert (wall(draft), wall_end(draft), draft.title) == (start, end, "Turno")


@pytest.mark.parametrize(("locale", "text", "expected"), [
    ("en", "Kickoff 9am sharp Monday", "2026-11-23T09:00"),
    ("en", "Kickoff at 9 sharp Monday", "2026-11-23T09:00"),
    ("fr", "Kickoff samedi à partir de 20h", "2026-11-21T20:00"),
    ("es", "Kickoff el sábado a partir de las 9 de la noche", "2026-11-21T21:00"),
    ("es", "Kickoff el viernes hacia las 9", "2026-11-20T09:00"),
    # A four-digit clock before a zone word is a time.
    ("en", "Kickoff 1400 GMT Friday", "2026-11-20T14:00"),
    ("en", "Kickoff 12:30 NZT Friday", "2026-11-20T12:30"),
    ("en", "Kickoff moved to 4", "2026-11-18T16:00"),
    # A number glued to a noun after the hour is no minutes ("3층": third floor).
    ("ko", "내일 오후 2시 3층에서 Kickoff", "2026-11-19T14:00"),
    ("ko", "내일 2시 30 Kickoff", "2026-11-19T14:30"),
])
def test_time_words_around_the_clock(locale: str, text: str, expected: str) -> None:
    draft = read_text(text, locale=locale)
    assert (wall(draft), draft.title) == (expected, "Kickoff")


@pytest.mark.parametrize(("locale", "text", "title"), [
    ("ja", "土曜 3人でカラオケ", "3人でカラオケ"),
    ("ko", "토요일 3명 노래방", "3명 노래방"),
])
def test_a_number_glued_to_a_word_after_a_day_is_no_clock(locale: str, text: str,
                                                          title: str) -> None:
    draft = read_text(text, locale=locale)
    assert (wall(draft), draft.title) == ("2026-11-21", title)


def test_a_meal_range_is_in_the_evening() -> None:
    draft = read_text("dinner Friday 7-9")
    assert (wall(draft), wall_end(draft)) == ("2026-11-20T19:00", "2026-11-20T21:00")
    assert draft.title == "Dinner"


MORE_TIMES = [
    ("en", "Call Friday noonish", "12:00"),
    ("en", "Call Friday 3ish", "15:00"),
    ("en", "Call Friday 3pm-ish", "15:00"),
    ("en", "Call Friday at half past 2", "14:30"),
    ("en", "Call Friday at quarter to 5", "16:45"),
    ("en", "Call Friday at a quarter past 10", "10:15"),
    ("en", "Call Friday at 1500", "15:00"),
    ("en", "Call Friday 1500h", "15:00"),
    ("en", "Call Friday at 1700 hrs", "17:00"),
    ("en", "Call Friday at 930", "09:30"),
    ("en", "Call Friday at 0930", "09:30"),
    ("en", "Call Friday before 3", "15:00"),
    ("en", "Call Friday after 5", "17:00"),
    ("en", "Call sometime Friday afternoon", "14:00"),
    ("en", "Call Friday late afternoon", "16:00"),
    ("en", "Call Friday early morning", "07:00"),
    ("en", "Call Friday mid-morning", "10:00"),
    ("en", "Call Friday first thing", "09:00"),
    ("en", "Call Friday at three", "15:00"),
    ("en", "Call Friday at half past three", "15:30"),
    ("en", "Call Friday at five pm", "17:00"),
    ("de", "Call Freitag um halb 3", "14:30"),
    ("de", "Call Freitag um Viertel nach 3", "15:15"),
    ("de", "Call Freitag um Viertel vor 5", "16:45"),
    ("fr", "Call vendredi à 3h et demie", "15:30"),
    ("fr", "Call vendredi à 4h moins le quart", "15:45"),
    ("fr", "Call vendredi après-midi", "14:00"),
    ("es", "Call el viernes a las 3 y media", "15:30"),
    ("es", "Call el viernes a las 4 menos cuarto", "15:45"),
    ("ja", "金曜日の夜7時にCall", "19:00"),
    ("ko", "매주 월요일 9시 Call", "09:00"),
]


@pytest.mark.parametrize(("locale", "text", "clock"), MORE_TIMES)
def test_more_clock_forms(locale: str, text: str, clock: str) -> None:
    draft = read_text(text, locale=locale)
    start = wall(draft)
    assert start is not None
    assert start[11:] == clock
    assert draft.title == "Call"


@pytest.mark.parametrize(
    "text",
    ["Budget 1500 Friday", "Call John 555-1234 Friday", "Lunch at 1500 Broadway Friday"],
)
def test_numbers_that_are_no_clock(text: str) -> None:
    assert wall(read_text(text)) == "2026-11-20"


@pytest.mark.parametrize(
    ("locale", "text", "length"),
    [("ko", "내일 2시간 회의", "2026-11-19"), ("ja", "明日2時間会議", "2026-11-19")],
)
def test_an_hour_unit_is_no_clock(locale: str, text: str, length: str) -> None:
    draft = read_text(text, locale=locale)
    assert wall(draft) == length
    assert draft.title in ("회의", "会議")


@pytest.mark.parametrize(
    ("locale", "text", "zone"),
    [
        ("en", "Town hall Thursday 9am PST / 12pm EST", "America/Los_Angeles"),
        ("de", "Town hall Donnerstag 9 Uhr MEZ", "Europe/Berlin"),
        ("fr", "Town hall jeudi 10h heure de Paris", "Europe/Paris"),
        ("es", "Town hall el jueves a las 10 hora de Madrid", "Europe/Madrid"),
    ],
)
def test_zones_in_each_language(locale: str, text: str, zone: str) -> None:
    draft = read_text(text, locale=locale)
    assert draft.timezone == zone
    assert draft.title == "Town hall"


@pytest.mark.parametrize("text", ["Lunch for two Friday", "Top three priorities Friday"])
def test_a_number_word_without_a_time_word_is_no_clock(text: str) -> None:
    assert wall(read_text(text)) == "2026-11-20"


# text, start, end: a day range with a time at each end.
DATETIME_RANGES: list[tuple[str, str, str]] = [
    ("Quarterly planning Jan 26 9am to Jan 27 6pm", "2027-01-26T09:00", "2027-01-27T18:00"),
    ("Offsite Dec 3 9am to Dec 4 5pm", "2026-12-03T09:00", "2026-12-04T17:00"),
    ("Conference Jan 5 10:00 - Jan 7 16:00", "2027-01-05T10:00", "2027-01-07T16:00"),
]


@pytest.mark.parametrize(("text", "start", "end"), DATETIME_RANGES)
def test_a_datetime_range_across_days(text: str, start: str, end: str) -> None:
    draft = read_text(text)
    assert (wall(draft), wall_end(draft)) == (start, end)


# text, title, start: an hour closing the message after a person's name is the time;
# after a room, gate, team or ticket it is a label, and a day alone stays all-day.
TRAILING_HOURS: list[tuple[str, str, str]] = [
    ("Sunday brunch w/ Olu 11", "Brunch w/ Olu", "2026-11-22T11:00"),
    ("Dinner with Ana Lopez 8 tomorrow", "Dinner with Ana Lopez", "2026-11-19T20:00"),
    ("Friday sync with Team 5", "Sync with Team 5", "2026-11-20"),
    ("Friday PR 11", "PR 11", "2026-11-20"),
    ("Sunday Room 11", "Room 11", "2026-11-22"),
    ("Friday Gate 11 with Bob", "Gate 11 with Bob", "2026-11-20"),
    ("Friday call with Olu 3 about Q3", "Call with Olu 3 about Q3", "2026-11-20"),
]


@pytest.mark.parametrize(("text", "title", "start"), TRAILING_HOURS)
def test_a_trailing_hour_after_a_name(text: str, title: str, start: str) -> None:
    draft = read_text(text)
    assert (draft.title, wall(draft)) == (title, start)


def test_a_trailing_hour_needs_a_day() -> None:
    # Without a day the number may be anything: nothing is invented.
    assert read_text("Call with Olu 11").start is None
