"""Day phrases: absolute, numeric, relative, weekdays, next/this, weekend, end of month."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import read_text, wall, wall_end

# now: Wednesday 2026-11-18 09:00 America/New_York
DATES = [
    ("Dentist Dec 3", "2026-12-03"),
    ("Dentist December 3rd", "2026-12-03"),
    ("Dentist Dec. 14", "2026-12-14"),
    ("Dentist 3 December", "2026-12-03"),
    ("Dentist 3rd of December", "2026-12-03"),
    ("Dentist December the 3rd", "2026-12-03"),
    ("Dentist on the 3rd of December", "2026-12-03"),
    ("Dentist Sept 9", "2027-09-09"),
    ("Dentist 12/3", "2026-12-03"),
    ("Dentist 12/3/2026", "2026-12-03"),
    ("Dentist 12/03/27", "2027-12-03"),
    ("Dentist 2026-12-03", "2026-12-03"),
    ("Dentist Jan 8, 2027", "2027-01-08"),
    ("Dentist Nov 18", "2026-11-18"),
    ("Dentist Nov 17", "2027-11-17"),
    ("Dentist Feb 29", "2028-02-29"),
    ("Dentist the 3rd", "2026-12-03"),
    ("Dentist on the 25th", "2026-11-25"),
    ("Dentist Thursday, Dec 3", "2026-12-03"),
    ("Dentist Sat Dec 19", "2026-12-19"),
    ("Dentist today", "2026-11-18"),
    ("Dentist tomorrow", "2026-11-19"),
    ("Dentist tmrw", "2026-11-19"),
    ("Dentist tmr", "2026-11-19"),
    ("Dentist 2moro", "2026-11-19"),
    ("Dentist the day after tomorrow", "2026-11-20"),
    ("Dentist day after tomorrow", "2026-11-20"),
    ("Dentist in 3 days", "2026-11-21"),
    ("Dentist in 2 weeks", "2026-12-02"),
    ("Dentist a week from Friday", "2026-11-27"),
    ("Dentist Friday", "2026-11-20"),
    ("Dentist on Fri", "2026-11-20"),
    ("Dentist this Friday", "2026-11-20"),
    ("Dentist Wednesday", "2026-11-18"),
    ("Dentist thurs", "2026-11-19"),
    ("Dentist Friday next week", "2026-11-27"),
    ("Dentist next week Tuesday", "2026-11-24"),
    ("Dentist Friday the 4th", "2026-12-04"),
    ("Dentist this weekend", "2026-11-21"),
    ("Dentist next weekend", "2026-11-28"),
    ("Dentist Monday, November 30", "2026-11-30"),
    ("Dentist two days from tomorrow", "2026-11-21"),
    ("Dentist end of the month", "2026-11-30"),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_day_phrases(text: str, expected: str) -> None:
    draft = read_text(text)
    assert wall(draft) == expected
    assert draft.all_day
    assert draft.title == "Dentist"


def test_next_weekday_keeps_the_other_reading() -> None:
    draft = read_text("Planning next Friday")
    assert wall(draft) == "2026-11-20"
    assert [a.isoformat() for a in draft.alternatives] == ["2026-11-27"]


def test_next_weekday_with_one_reading_has_no_alternative() -> None:
    draft = read_text("Planning next Tuesday")
    assert wall(draft) == "2026-11-24"
    assert draft.alternatives == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yoga Wednesday 8am", "2026-11-25T08:00"),  # today's 8am has passed
        ("Review Wednesday 4pm", "2026-11-18T16:00"),  # today counts while ahead
        ("Call at 3pm", "2026-11-18T15:00"),
        ("Call at 8am", "2026-11-19T08:00"),  # time only, passed: tomorrow
        ("Release at midnight", "2026-11-19T00:00"),
        ("Deploy Friday midnight", "2026-11-21T00:00"),
        ("Fireworks Dec 31 at midnight", "2027-01-01T00:00"),
    ],
)
def test_today_counts_unless_the_time_has_passed(text: str, expected: str) -> None:
    assert wall(read_text(text)) == expected


def test_a_message_without_a_date_has_no_start() -> None:
    draft = read_text("lunch with Adele")
    assert draft.start is None
    assert draft.end is None
    assert not draft.all_day


MORE_DATES = [
    # a count of days with "after" is a length, not a day of the month
    ("ko", "3일 후 Dentist", "2026-11-21"),
    ("ko", "3일 뒤에 Dentist", "2026-11-21"),
    ("ja", "3日後 Dentist", "2026-11-21"),
    ("ko", "3일 오후 3시 Dentist", "2026-12-03T15:00"),
    ("en", "Dentist on the twenty-third", "2026-11-23"),
    ("en", "Dentist the fifth at 3", "2026-12-05T15:00"),
    ("en", "Dentist on the first", "2026-12-01"),
    ("en", "Dentist the fifth of December", "2026-12-05"),
    ("en", "Dentist December fifth", "2026-12-05"),
    ("en", "Dentist end of the week", "2026-11-20"),
    ("en", "Dentist EOW", "2026-11-20T17:00"),
    # "EOW" is a deadline like "EOD"; spelled out as a day it stays a day.
    ("en", "Dentist EOW pls", "2026-11-20T17:00"),
    ("en", "Dentist by end of week", "2026-11-20T17:00"),
    # Typos people really send, in a table: none is an English word.
    ("en", "Dentist wendesday 3pm", "2026-11-18T15:00"),
    ("en", "Dentist thurday at 1", "2026-11-19T13:00"),
    ("en", "Dentist thrusday 10:30am", "2026-11-19T10:30"),
    ("en", "Dentist on Tuesady 4pm", "2026-11-24T16:00"),
    ("en", "Dentist firday 9am", "2026-11-20T09:00"),
    ("en", "Dentist tmrow 6pm", "2026-11-19T18:00"),
    ("en", "Dentist tomorow noon", "2026-11-19T12:00"),
    ("en", "Dentist tommorow 7pm", "2026-11-19T19:00"),
    ("en", "Dentist 2morrow 7am", "2026-11-19T07:00"),
    # "the 5th" alone is a day (an ordinal that counts a noun is none: see test_places).
    ("en", "Dentist the 5th", "2026-12-05"),
    ("en", "Dentist later today", "2026-11-18"),
    ("en", "Dentist next month on the 3rd", "2026-12-03"),
    ("en", "Dentist the 20th of next month", "2026-12-20"),
    ("en", "Dentist in a fortnight", "2026-12-02"),
    ("en", "Dentist Monday the week after next", "2026-11-30"),
    ("de", "Dentist übernächste Woche Dienstag", "2026-12-01"),
    ("ja", "再来週の月曜日にDentist", "2026-11-30"),
    ("ko", "다다음 주 월요일 Dentist", "2026-11-30"),
    ("ja", "来月3日にDentist", "2026-12-03"),
    ("en", "Dentist 2026/12/03", "2026-12-03"),
    ("en", "Dentist Friday night", "2026-11-20T19:00"),
    # A day before a colon is still a day; a clock after the colon is a clock.
    ("en", "Jan 2: Dentist", "2027-01-02"),
    ("en", "Dec 3: Dentist 3pm", "2026-12-03T15:00"),
    # es/fr: a bare number after the weekday is the day of the month.
    ("es", "Dentist el lunes 14 de diciembre", "2026-12-14"),
    ("es", "Dentist el lunes 23 por la mañana", "2026-11-23T09:00"),
    ("fr", "Dentist vendredi 27 à 20h", "2026-11-27T20:00"),
    ("fr", "Dentist vendredi 21h", "2026-11-20T21:00"),
    # de: a day part glued to the day's name.
    ("de", "Dentist Samstagabend", "2026-11-21T18:00"),
    ("de", "Dentist Samstagabend um 8", "2026-11-21T20:00"),
    ("de", "Dentist Sonntagvormittag", "2026-11-22T09:00"),
    ("de", "Dentist Mo. 10 Uhr", "2026-11-23T10:00"),
    # The end of next month is its last day.
    ("en", "Dentist end of next month", "2026-12-31"),
    ("en", "Dentist by the end of next month", "2026-12-31"),
    ("fr", "Dentist fin du mois prochain", "2026-12-31"),
    # "next year" beside a month and day: that day next year, not its next occurrence.
    ("ja", "来年12月3日 Dentist", "2027-12-03"),
    ("ja", "来年1月8日 Dentist", "2027-01-08"),
    ("en", "Dentist Dec 3 next year", "2027-12-03"),
    ("en", "Dentist Dec 3 next year at 3pm", "2027-12-03T15:00"),
    ("de", "Dentist 3. Dezember nächstes Jahr", "2027-12-03"),
    ("fr", "Dentist le 3 décembre de l'année prochaine", "2027-12-03"),
    ("es", "Dentist el 3 de diciembre del año que viene", "2027-12-03"),
    ("ja", "来年の12月1日にDentist", "2027-12-01"),
    ("ko", "내년 3월 3일 Dentist", "2027-03-03"),
    # ja a day part after a relative day and "の": that day's part.
    ("ja", "明後日の午後 Dentist", "2026-11-20T14:00"),
    ("ja", "金曜日の午前 Dentist", "2026-11-20T09:00"),
    ("ja", "明後日の午後3時 Dentist", "2026-11-20T15:00"),
    # "of the month" with no "every" word: one day of this month, no rule.
    ("en", "Dentist the last day of the month", "2026-11-30"),
    ("en", "Dentist the last Friday of the month", "2026-11-27"),
    ("en", "Dentist the 1st of the month", "2026-12-01"),
    ("fr", "Dentist le dernier jour du mois", "2026-11-30"),
    ("es", "Dentist el último día del mes", "2026-11-30"),
    ("de", "Dentist am letzten Tag des Monats", "2026-11-30"),
]


@pytest.mark.parametrize(("locale", "text", "expected"), MORE_DATES)
def test_more_day_phrases(locale: str, text: str, expected: str) -> None:
    draft = read_text(text, locale=locale)
    assert wall(draft) == expected
    assert draft.title == "Dentist"
    assert draft.recurrence == ()


def test_next_month_counts_from_that_months_first_day() -> None:
    # On Nov 2 "the 20th" alone is Nov 20; "of next month" makes it Dec 20.
    assert wall(read_text("Dentist the 20th", now="2026-11-02T09:00")) == "2026-11-20"
    assert wall(read_text("Dentist the 20th of next month", now="2026-11-02T09:00")) == \
        "2026-12-20"


@pytest.mark.parametrize(
    ("text", "title"),
    [("Review the first draft Friday", "Review the first draft"),
     ("Call the second candidate Friday", "Call the second candidate")],
)
def test_an_ordinal_before_a_noun_is_no_day(text: str, title: str) -> None:
    draft = read_text(text)
    assert (draft.title, wall(draft)) == (title, "2026-11-20")


HOLIDAYS = [
    ("en", "Dentist New Year's Eve", "2026-12-31"),
    ("en", "Dentist Christmas Eve 6pm", "2026-12-24T18:00"),
    ("en", "Dentist on Christmas at 3", "2026-12-25T15:00"),
    ("en", "Dentist Monday after next", "2026-11-30"),
    ("en", "Dentist Friday after next", "2026-11-27"),
    ("de", "Dentist an Heiligabend um 18 Uhr", "2026-12-24T18:00"),
    ("ja", "クリスマスイブ 19時 Dentist", "2026-12-24T19:00"),
]


@pytest.mark.parametrize(("locale", "text", "expected"), HOLIDAYS)
def test_named_days(locale: str, text: str, expected: str) -> None:
    draft = read_text(text, locale=locale)
    assert (wall(draft), draft.title) == (expected, "Dentist")


@pytest.mark.parametrize("text", ["Christmas party", "Christmas party Dec 20"])
def test_a_holiday_before_a_noun_is_part_of_the_title(text: str) -> None:
    assert read_text(text).title == "Christmas party"


# locale, text, title, start: a calendar date wins over a vague period word, which stays in
# the title; a hyphenated "month-end" before a noun is a modifier, never a date.
PERIOD_WORDS: list[tuple[str, str, str, str]] = [
    # today / tomorrow / tonight win over a period, which stays in the title
    ("es", "cena de fin de año esta noche", "Cena de fin de año", "2026-11-18T19:00"),
    ("en", "Year end party tomorrow 7pm", "Year end party", "2026-11-19T19:00"),
    ("en", "Cottage weekend Dec 11-13", "Cottage weekend", "2026-12-11"),
    ("en", "Labour Day long weekend Sep 5-7", "Labour Day long weekend", "2027-09-05"),
    ("en", "Weekend retreat 12/4", "Weekend retreat", "2026-12-04"),
    ("en", "Hike this weekend", "Hike", "2026-11-21"),
    ("en", "Month-end close EOD tomorrow", "Month-end close", "2026-11-19T17:00"),
    ("en", "Year-end party Dec 18 7pm", "Year-end party", "2026-12-18T19:00"),
    ("en", "Invoices due month-end", "Invoices due", "2026-11-30"),
    ("en", "Report by month end", "Report", "2026-11-30"),
    ("es", "fiesta de fin de año el 19 de diciembre de 20:00 a 02:00", "Fiesta de fin de año",
     "2026-12-19T20:00"),
    ("es", "cena fin de año", "Cena", "2026-12-31"),
    # ko "말일": the last day of the month.
    ("ko", "이번 달 말일에 보고서 제출", "보고서 제출", "2026-11-30"),
    ("ko", "말일 정산", "정산", "2026-11-30"),
    # After a determiner a hyphenated period word is the period, not a modifier.
    ("fr", "ce week-end camping avec Luc", "Camping avec Luc", "2026-11-21"),
]


@pytest.mark.parametrize(("locale", "text", "title", "start"), PERIOD_WORDS)
def test_period_words(locale: str, text: str, title: str, start: str) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.title, wall(draft)) == (title, start)


def test_a_bare_ordinal_beside_tomorrow_is_a_street() -> None:
    draft = read_text("Lunch at Joe's Pizza on 5th tomorrow noon")
    assert (draft.title, wall(draft), draft.location) == (
        "Lunch", "2026-11-19T12:00", "Joe's Pizza on 5th")


@pytest.mark.parametrize(("locale", "text"), [
    ("fr", "MAR 1"), ("fr", "le 1"), ("en", "the 1st"), ("en", "end of next month"),
    ("en", "the 3rd of next month"), ("en", "the 2nd Tuesday of next month")])
def test_a_day_of_month_past_the_calendars_end_gives_no_date(locale: str, text: str) -> None:
    assert read_text(text, now="9999-12-31T23:59", tz="UTC", locale=locale).start is None


@pytest.mark.parametrize(("locale", "text"), [
    ("en", "Dentist Dec 3-5 next year"),
    ("ja", "来年12月3日から5日までDentist"),
])
def test_a_range_next_year_ends_in_that_year(locale: str, text: str) -> None:
    draft = read_text(text, locale=locale)
    assert (wall(draft), wall_end(draft), draft.title) == ("2027-12-03", "2027-12-06", "Dentist")
