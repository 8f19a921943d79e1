"""Repeat phrases: RRULE lines, first occurrence from now, COUNT and UNTIL."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import read_text, wall, wall_end

# now: Wednesday 2026-11-18 09:00 America/New_York
RULES = [
    ("Gym every Monday at 7am", "FREQ=WEEKLY;BYDAY=MO", "2026-11-23T07:00"),
    ("Gym every weekday at 9:30", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-18T09:30"),
    ("Gym weekdays at 8", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-19T08:00"),
    ("Gym every Mon/Wed/Fri at 6pm", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-11-18T18:00"),
    ("Gym every Monday, Wednesday and Friday at 7am", "FREQ=WEEKLY;BYDAY=MO,WE,FR",
     "2026-11-20T07:00"),
    ("Gym weekly on Tue and Thu at 9", "FREQ=WEEKLY;BYDAY=TU,TH", "2026-11-19T09:00"),
    ("Gym Tuesdays at 6pm", "FREQ=WEEKLY;BYDAY=TU", "2026-11-24T18:00"),
    ("Gym every other Thursday at 4pm", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "2026-11-19T16:00"),
    ("Gym every 2 weeks on Monday at 10", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2026-11-23T10:00"),
    ("Gym biweekly on Friday at 10am", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-11-20T10:00"),
    ("Gym daily at 8am", "FREQ=DAILY", "2026-11-19T08:00"),
    ("Daily Gym at 6pm", "FREQ=DAILY", "2026-11-18T18:00"),
    ("Gym every day at 6pm", "FREQ=DAILY", "2026-11-18T18:00"),
    ("Gym every morning at 6:45", "FREQ=DAILY", "2026-11-19T06:45"),
    ("Gym monthly on the 15th at 10am", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-12-15T10:00"),
    ("Gym the second Tuesday of every month at 7pm", "FREQ=MONTHLY;BYDAY=2TU",
     "2026-12-08T19:00"),
    ("Gym the last Thursday of every month at 7pm", "FREQ=MONTHLY;BYDAY=-1TH",
     "2026-11-26T19:00"),
    ("Gym on the last day of every month", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30"),
    ("Gym quarterly on the 1st", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1", "2026-12-01"),
    ("Gym every year on March 3", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3", "2027-03-03"),
    ("Gym annually on Oct 12", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=12", "2027-10-12"),
    ("Gym every Sunday", "FREQ=WEEKLY;BYDAY=SU", "2026-11-22"),
    ("Gym every Wednesday", "FREQ=WEEKLY;BYDAY=WE", "2026-11-18"),
    ("Gym every Thursday at 5pm, 6 times", "FREQ=WEEKLY;BYDAY=TH;COUNT=6", "2026-11-19T17:00"),
    ("Gym Wednesdays 6-7:30pm for 8 weeks", "FREQ=WEEKLY;BYDAY=WE;COUNT=8", "2026-11-18T18:00"),
    ("Gym daily at 6pm for 10 days", "FREQ=DAILY;COUNT=10", "2026-11-18T18:00"),
    ("Gym every 3rd Thursday at 7pm", "FREQ=MONTHLY;BYDAY=3TH", "2026-11-19T19:00"),
    ("Gym monthly on the first Monday", "FREQ=MONTHLY;BYDAY=1MO", "2026-12-07"),
    ("Gym every second Tuesday at 10", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "2026-11-24T10:00"),
    ("Gym every Dec 3", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=3", "2026-12-03"),
    ("Gym every 3 days", "FREQ=DAILY;INTERVAL=3", "2026-11-18"),
    ("Gym every Tue & Thu 6pm", "FREQ=WEEKLY;BYDAY=TU,TH", "2026-11-19T18:00"),
    ("Gym every other Friday at noon", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-11-20T12:00"),
    ("Gym daily 10am 20 times", "FREQ=DAILY;COUNT=20", "2026-11-18T10:00"),
    ("Weekly Gym Mondays 10am", "FREQ=WEEKLY;BYDAY=MO", "2026-11-23T10:00"),
    ("Weekly Gym Monday 10am", "FREQ=WEEKLY;BYDAY=MO", "2026-11-23T10:00"),
    ("Biweekly Gym starting Monday at 11", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2026-11-23T11:00"),
    ("Gym yearly on Jan 10", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=10", "2027-01-10"),
    ("Gym every Monday and Thursday at 5pm for 2 weeks", "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4",
     "2026-11-19T17:00"),
]


@pytest.mark.parametrize(("text", "rule", "start"), RULES)
def test_rules(text: str, rule: str, start: str) -> None:
    draft = read_text(text)
    assert draft.recurrence == (f"RRULE:{rule}",)
    assert wall(draft) == start
    assert draft.title == "Gym"


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("Gym every Tuesday at 4:30pm until Dec 15", "UNTIL=20261216T045959Z"),
        ("Gym every Tuesday at 7pm ending Dec 20", "UNTIL=20261221T045959Z"),
        ("Gym every weekday at 9 until end of the month", "UNTIL=20261201T045959Z"),
        ("Gym every Tuesday until Dec 15", "UNTIL=20261215"),
        ("Gym every Wed at 5 until the end of the year", "UNTIL=20270101T045959Z"),
    ],
)
def test_until_covers_the_whole_named_day(text: str, until: str) -> None:
    draft = read_text(text)
    assert draft.recurrence[0].endswith(until)
    assert draft.title == "Gym"


def test_every_other_starts_on_the_next_matching_day() -> None:
    # Said on a Friday evening: the series starts next Friday, not a fortnight away.
    draft = read_text("Team lunch every other Friday at noon", now="2026-10-30T17:00",
                      tz="America/Los_Angeles")
    assert wall(draft) == "2026-11-06T12:00"


def test_daily_is_taken_out_of_the_title() -> None:
    assert read_text("Daily standup at 9am").title == "Standup"


def test_a_rule_without_any_day_asks_rather_than_inventing_one() -> None:
    draft = read_text("Weekly team meeting")
    assert draft.start is None
    assert draft.recurrence == ()
    assert read_text("Monthly book club").title == "Book club"


@pytest.mark.parametrize(("locale", "text", "start", "end"), [
    ("en", "Off Monday for 2 weeks", "2026-11-23", "2026-12-07"),
    ("fr", "congé lundi pendant 2 semaines", "2026-11-23", "2026-12-07"),
])
def test_weeks_without_a_clock_are_a_length(locale: str, text: str, start: str,
                                            end: str) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.recurrence, wall(draft), wall_end(draft)) == ((), start, end)


def test_no_rule_without_a_repeat_phrase() -> None:
    assert read_text("Gym Monday 7am").recurrence == ()


MORE_RULES = [
    ("en", "Gym 1st and 3rd Monday of the month at 4pm", "FREQ=MONTHLY;BYDAY=1MO,3MO",
     "2026-12-07T16:00"),
    ("en", "Gym the first and third Thursday of every month", "FREQ=MONTHLY;BYDAY=1TH,3TH",
     "2026-11-19"),
    # Days listed with bare spaces.
    ("en", "gym every mon wed fri at 6:30am", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-11-20T06:30"),
    ("en", "Gym every tue thu 7am", "FREQ=WEEKLY;BYDAY=TU,TH", "2026-11-19T07:00"),
    ("en", "Gym every Monday Wednesday at 9", "FREQ=WEEKLY;BYDAY=MO,WE", "2026-11-23T09:00"),
    ("en", "Gym every weekend", "FREQ=WEEKLY;BYDAY=SA,SU", "2026-11-21"),
    ("en", "Gym weekends at 8am", "FREQ=WEEKLY;BYDAY=SA,SU", "2026-11-21T08:00"),
    ("en", "Gym every Monday x10", "FREQ=WEEKLY;BYDAY=MO;COUNT=10", "2026-11-23"),
    ("en", "Gym every day except weekends at 9:15", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
     "2026-11-18T09:15"),
    ("en", "Gym daily except Sunday at 7am", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA",
     "2026-11-19T07:00"),
    ("en", "Gym every weekday except Friday 9am", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH",
     "2026-11-19T09:00"),
    ("en", "Gym every Monday through March", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20270331",
     "2026-11-23"),
    ("de", "Gym täglich außer Sonntag um 7", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA",
     "2026-11-19T07:00"),
    ("de", "Gym alle zwei Wochen am Montag um 10", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
     "2026-11-23T10:00"),
    ("fr", "Gym toutes les deux semaines le lundi à 10h", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
     "2026-11-23T10:00"),
    ("es", "Gym los miércoles a las 5", "FREQ=WEEKLY;BYDAY=WE", "2026-11-18T17:00"),
    ("es", "Gym los martes y jueves a las 7", "FREQ=WEEKLY;BYDAY=TU,TH", "2026-11-19T07:00"),
    ("es", "Gym semanal los lunes a las 9", "FREQ=WEEKLY;BYDAY=MO", "2026-11-23T09:00"),
    ("es", "Gym cada dos semanas el lunes", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2026-11-23"),
    ("ja", "12月20日まで毎週月曜日にGym", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261220", "2026-11-23"),
    ("ja", "平日毎日9時にGym", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-19T09:00"),
    ("ko", "12월 20일까지 매주 월요일 Gym", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261220", "2026-11-23"),
    ("ko", "평일 9시 Gym", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-19T09:00"),
    ("en", "Gym every morning at 9:30 except Fridays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,SA,SU",
     "2026-11-18T09:30"),
    ("en", "Gym every Tuesday night", "FREQ=WEEKLY;BYDAY=TU", "2026-11-24T19:00"),
    # The last weekday or day of every month, with the monthly word before it.
    ("ko", "매달 마지막 금요일 오후 6시 Gym", "FREQ=MONTHLY;BYDAY=-1FR", "2026-11-27T18:00"),
    ("ko", "매달 첫째 월요일 10시 Gym", "FREQ=MONTHLY;BYDAY=1MO", "2026-12-07T10:00"),
    ("ko", "매달 마지막 날 Gym", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30"),
    ("ja", "毎月最終日 Gym", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30"),
    ("ja", "毎月末日 Gym", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30"),
    ("ko", "매달 말일 Gym", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30"),
    ("ko", "매달 마지막 일요일 Gym", "FREQ=MONTHLY;BYDAY=-1SU", "2026-11-29"),
    ("ja", "毎月最終日曜日 Gym", "FREQ=MONTHLY;BYDAY=-1SU", "2026-11-29"),
    ("en", "Gym monthly on the last day", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30"),
    ("fr", "Gym le dernier jour de chaque mois", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30"),
    ("es", "Gym el último día de cada mes", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30"),
    ("de", "Gym am letzten Tag jedes Monats", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30"),
    # "of the month" repeats only with an "every" or "monthly" word beside it.
    ("en", "Gym every last day of the month", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30"),
    ("en", "Gym monthly on the last day of the month", "FREQ=MONTHLY;BYMONTHDAY=-1",
     "2026-11-30"),
    ("en", "Gym every 2nd Monday of the month at 10am", "FREQ=MONTHLY;BYDAY=2MO",
     "2026-12-14T10:00"),
    # Plural positions before plural days.
    ("fr", "tous les premiers lundis du mois à 10h : Gym", "FREQ=MONTHLY;BYDAY=1MO",
     "2026-12-07T10:00"),
    ("es", "todos los últimos viernes del mes: Gym", "FREQ=MONTHLY;BYDAY=-1FR", "2026-11-27"),
    # Days run together by their first syllables.
    ("ko", "매주 월수금 오전 7시 Gym", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-11-20T07:00"),
    ("ja", "毎週火木 19時 Gym", "FREQ=WEEKLY;BYDAY=TU,TH", "2026-11-19T19:00"),
    # A numbered month before the UNTIL particle: until its last day.
    ("ko", "12월까지 매주 월요일 Gym", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231", "2026-11-23"),
    ("ja", "3月まで毎週月曜 Gym", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20270331", "2026-11-23"),
    # fr/es: days listed each with its article are a habit.
    ("fr", "Gym le mardi et le jeudi à 18h", "FREQ=WEEKLY;BYDAY=TU,TH", "2026-11-19T18:00"),
    ("fr", "Gym le lundi, le mercredi et le vendredi à 7h", "FREQ=WEEKLY;BYDAY=MO,WE,FR",
     "2026-11-20T07:00"),
    ("es", "Gym el martes y el jueves a las 7", "FREQ=WEEKLY;BYDAY=TU,TH", "2026-11-19T07:00"),
    # One weekday, a clock and a number of weeks: a weekly course.
    ("fr", "Gym le samedi à 10h pendant 6 semaines", "FREQ=WEEKLY;BYDAY=SA;COUNT=6",
     "2026-11-21T10:00"),
    ("en", "Gym Saturday 10am for 6 weeks", "FREQ=WEEKLY;BYDAY=SA;COUNT=6", "2026-11-21T10:00"),
]


@pytest.mark.parametrize(("locale", "text", "rule", "start"), MORE_RULES)
def test_more_rules(locale: str, text: str, rule: str, start: str) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.recurrence, wall(draft), draft.title) == ((f"RRULE:{rule}",), start, "Gym")


# text, title, start, rule: a frequency adjective before a noun repeats only where the rest
# gives a pattern or no day; with a one-off date or a determiner it is part of the title.
ADJECTIVES: list[tuple[str, str, str, str | None]] = [
    ("Quarterly planning Jan 26 9am to Jan 27 6pm", "Quarterly planning", "2027-01-26T09:00",
     None),
    ("Annual leave Dec 22 - Jan 2", "Annual leave", "2026-12-22", None),
    ("Monthly report tomorrow 10am", "Monthly report", "2026-11-19T10:00", None),
    ("Weekly review in two weeks", "Weekly review", "2026-12-02", None),
    ("the quarterly roadmap review on Thursday from 1 to 2:30",
     "The quarterly roadmap review", "2026-11-19T13:00", None),
    ("Daily standup at 9am", "Standup", "2026-11-19T09:00", "RRULE:FREQ=DAILY"),
    ("weekly sync Monday 10am", "Sync", "2026-11-23T10:00", "RRULE:FREQ=WEEKLY;BYDAY=MO"),
    ("Monthly review the 15th", "Review", "2026-12-15", "RRULE:FREQ=MONTHLY;BYMONTHDAY=15"),
    # A time range is no date; a numeric or ISO date is.
    ("weekly sync 2-3pm Monday", "Sync", "2026-11-23T14:00", "RRULE:FREQ=WEEKLY;BYDAY=MO"),
    ("Daily standup 9:30-9:45", "Standup", "2026-11-18T09:30", "RRULE:FREQ=DAILY"),
    ("Weekly sync 12/3 at 10", "Weekly sync", "2026-12-03T10:00", None),
    ("Monthly review 2026-12-03", "Monthly review", "2026-12-03", None),
    ("Annual checkup 3 Dec", "Annual checkup", "2026-12-03", None),
    # A start or an UNTIL date bounds the series: no one-off date.
    ("Weekly sync starting Dec 1 at 10", "Sync", "2026-12-01T10:00", "RRULE:FREQ=WEEKLY"),
    ("Daily standup starting tomorrow 9am", "Standup", "2026-11-19T09:00", "RRULE:FREQ=DAILY"),
    ("Daily standup 9:30 until Dec 18", "Standup", "2026-11-18T09:30",
     "RRULE:FREQ=DAILY;UNTIL=20261219T045959Z"),
    # Adverbs are unchanged.
    ("Swim daily Dec 1-5 at 7am", "Swim", "2026-12-01T07:00",
     "RRULE:FREQ=DAILY;UNTIL=20261206T045959Z"),
    ("Invoice review monthly on the 15th at 10am", "Invoice review", "2026-12-15T10:00",
     "RRULE:FREQ=MONTHLY;BYMONTHDAY=15"),
    # A weekday of one named week is a one-off date.
    ("Quarterly review Wednesday next week 2pm", "Quarterly review", "2026-11-25T14:00", None),
    ("Quarterly review next week on Wednesday 2pm", "Quarterly review", "2026-11-25T14:00",
     None),
    ("Monthly planning this Friday", "Monthly planning", "2026-11-20", None),
    # Capitalised in a place's name, the word names the place.
    ("Coffee at Daily Grind tomorrow 9am", "Coffee", "2026-11-19T09:00", None),
    ("Team Standup Daily 9am", "Team Standup", "2026-11-19T09:00", "RRULE:FREQ=DAILY"),
]


@pytest.mark.parametrize(("text", "title", "start", "rule"), ADJECTIVES)
def test_frequency_adjectives(text: str, title: str, start: str, rule: str | None) -> None:
    draft = read_text(text)
    assert (draft.title, wall(draft)) == (title, start)
    assert draft.recurrence == ((rule,) if rule else ())
