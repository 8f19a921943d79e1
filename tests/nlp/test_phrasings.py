"""Whole drafts of everyday phrasings: the audit's misses and the third pass's probes.

Each row is one message read at Wed 2026-11-18 09:00 in New York, with its expected title,
start, end, RRULE, location and attendees (wall-clock ISO; dates for all-day events).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import read_text, wall, wall_end

Row = tuple[str, str, str, str | None, str | None, str | None, str | None, list[str]]

# locale, text, title, start, end, rrule, location, attendees
PHRASINGS: list[Row] = [
    # The audit's four misses.
    ("en", "Demo in two weeks on Thursday 3pm", "Demo", "2026-12-03T15:00", None, None, None,
     []),
    ("en", "sync every two weeks on monday", "Sync", "2026-11-23", None,
     "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", None, []),
    ("en", "party on 12/24 from 8pm till late", "Party", "2026-12-24T20:00", None, None, None,
     []),
    ("en", "dentist on 3rd december at half past two", "Dentist", "2026-12-03T14:30", None,
     None, None, []),
    # Weeks ahead, then a weekday of that week.
    ("en", "Demo in 2 weeks Monday", "Demo", "2026-11-30", None, None, None, []),
    ("en", "Demo in a week on Friday at 10", "Demo", "2026-11-27T10:00", None, None, None, []),
    ("en", "Demo Thursday in two weeks", "Demo", "2026-12-03", None, None, None, []),
    ("de", "Besprechung in zwei Wochen am Donnerstag um 15 Uhr", "Besprechung",
     "2026-12-03T15:00", None, None, None, []),
    ("fr", "Réunion dans deux semaines jeudi à 15h", "Réunion", "2026-12-03T15:00", None, None,
     None, []),
    # Number words wherever digits are read.
    ("en", "Call in three days", "Call", "2026-11-21", None, None, None, []),
    ("en", "Call in four hours", "Call", "2026-11-18T13:00", None, None, None, []),
    ("en", "Workshop for two hours tomorrow at 10", "Workshop", "2026-11-19T10:00",
     "2026-11-19T12:00", None, None, []),
    ("en", "Sync every three months on the 5th", "Sync", "2026-12-05", None,
     "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5", None, []),
    ("en", "Sync every three days", "Sync", "2026-11-18", None, "FREQ=DAILY;INTERVAL=3", None,
     []),
    ("en", "Yoga every couple of weeks on Tuesday 6pm", "Yoga", "2026-11-24T18:00", None,
     "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", None, []),
    ("en", "Therapy every two weeks on Thursday at 5pm", "Therapy", "2026-11-19T17:00", None,
     "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", None, []),
    ("es", "Reunión cada dos semanas el lunes", "Reunión", "2026-11-23", None,
     "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", None, []),
    # An open end is no end, and leaves the title.
    ("en", "party Friday from 8pm onwards", "Party", "2026-11-20T20:00", None, None, None, []),
    ("en", "party Friday 8pm-late", "Party", "2026-11-20T20:00", None, None, None, []),
    ("en", "Drinks Friday from 6 until close", "Drinks", "2026-11-20T18:00", None, None, None,
     []),
    ("en", "Drinks from 6pm", "Drinks", "2026-11-18T18:00", None, None, None, []),
    ("de", "Party am Samstag ab 20 Uhr bis open end", "Party", "2026-11-21T20:00", None, None,
     None, []),
    ("fr", "Dîner samedi à 20h jusqu'à tard", "Dîner", "2026-11-21T20:00", None, None, None,
     []),
    ("es", "Cena el sábado a las 9pm hasta tarde", "Cena", "2026-11-21T21:00", None, None, None,
     []),
    # Clock words.
    ("en", "dentist at quarter past 4 friday", "Dentist", "2026-11-20T16:15", None, None, None,
     []),
    ("en", "dentist at quarter to 4 friday", "Dentist", "2026-11-20T15:45", None, None, None,
     []),
    ("en", "dentist friday at 3 o'clock", "Dentist", "2026-11-20T15:00", None, None, None, []),
    ("en", "Call at quarter to noon tomorrow", "Call", "2026-11-19T11:45", None, None, None, []),
    ("en", "Leave at half past midnight Friday", "Leave", "2026-11-21T00:30", None, None, None,
     []),
    ("en", "Lunch at half past twelve on Friday", "Lunch", "2026-11-20T12:30", None, None, None,
     []),
    ("es", "Fiesta el viernes a las 8pm", "Fiesta", "2026-11-20T20:00", None, None, None, []),
    ("es", "Reunión mañana a las 10 am con Ana", "Reunión con Ana", "2026-11-19T10:00", None,
     None, None, ["Ana"]),
    # Evening nouns steer a bare hour as meals do.
    ("en", "Date night Saturday at 8", "Date night", "2026-11-21T20:00", None, None, None, []),
    ("en", "Game night Friday at 7", "Game night", "2026-11-20T19:00", None, None, None, []),
    # "in 15": minutes.
    ("en", "Call in 15", "Call", "2026-11-18T09:15", None, None, None, []),
    ("en", "Call in 15 with Bob", "Call with Bob", "2026-11-18T09:15", None, None, None,
     ["Bob"]),
    ("en", "Back in 5", "Back", "2026-11-18T09:05", None, None, None, []),
    ("en", "Meeting in 15 Dec", "Meeting", "2026-12-15", None, None, None, []),
    ("en", "Meet in 30 Rock", "Meet", None, None, None, "30 Rock", []),
    # Day letters and lists of month days.
    ("en", "Standup M/W/F 9am", "Standup", "2026-11-20T09:00", None,
     "FREQ=WEEKLY;BYDAY=MO,WE,FR", None, []),
    ("en", "Lab Tu/Th 2-4pm", "Lab", "2026-11-19T14:00", "2026-11-19T16:00",
     "FREQ=WEEKLY;BYDAY=TU,TH", None, []),
    ("en", "Gym M/W/F at 7am until Dec 21", "Gym", "2026-11-20T07:00", None,
     "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20261222T045959Z", None, []),
    ("en", "Q/A session Friday", "Q/A session", "2026-11-20", None, None, None, []),
    ("en", "I/O review", "I/O review", None, None, None, None, []),
    ("en", "Payroll the 1st and 15th of each month", "Payroll", "2026-12-01", None,
     "FREQ=MONTHLY;BYMONTHDAY=1,15", None, []),
    ("en", "Payroll on the 1st and the 15th of every month", "Payroll", "2026-12-01", None,
     "FREQ=MONTHLY;BYMONTHDAY=1,15", None, []),
    ("en", "Payroll monthly on the 1st, 10th and 20th at 9am", "Payroll", "2026-11-20T09:00",
     None, "FREQ=MONTHLY;BYMONTHDAY=1,10,20", None, []),
    ("en", "Rent due 1st of each month", "Rent due", "2026-12-01", None,
     "FREQ=MONTHLY;BYMONTHDAY=1", None, []),
    ("en", "Close books the last day of every month", "Close books", "2026-11-30", None,
     "FREQ=MONTHLY;BYMONTHDAY=-1", None, []),
    # A frequency said apart from its day, or said twice.
    ("en", "Monthly all-hands first Friday 4pm", "All-hands", "2026-12-04T16:00", None,
     "FREQ=MONTHLY;BYDAY=1FR", None, []),
    ("en", "Monthly review the last Friday", "Review", "2026-11-27", None,
     "FREQ=MONTHLY;BYDAY=-1FR", None, []),
    ("en", "Annual review every year on Jan 10", "Review", "2027-01-10", None,
     "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=10", None, []),
    ("en", "Weekly sync every week on Monday", "Sync", "2026-11-23", None,
     "FREQ=WEEKLY;BYDAY=MO", None, []),
    # A long date range bounds a weekly or daily series; a short one is each occurrence.
    ("en", "Course every Wednesday from Jan 7 to Mar 25 at 6pm", "Course", "2027-01-13T18:00",
     None, "FREQ=WEEKLY;BYDAY=WE;UNTIL=20270326T035959Z", None, []),
    ("en", "Class every Tuesday Dec 1 - Feb 2", "Class", "2026-12-01", None,
     "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270202", None, []),
    ("en", "Swim daily Dec 1-5 at 7am", "Swim", "2026-12-01T07:00", None,
     "FREQ=DAILY;UNTIL=20261206T045959Z", None, []),
    # A frequency adjective before a noun with a one-off date is part of the title.
    ("en", "Quarterly planning Jan 12-14", "Quarterly planning", "2027-01-12", "2027-01-15",
     None, None, []),
    # Day phrases.
    ("en", "Lunch the Monday after next", "Lunch", "2026-11-30", None, None, None, []),
    ("en", "Lunch on the Monday after next at noon", "Lunch", "2026-11-30T12:00", None, None,
     None, []),
    ("en", "Meeting 23rd at 10am", "Meeting", "2026-11-23T10:00", None, None, None, []),
    ("en", "Payday 15th", "Payday", "2026-12-15", None, None, None, []),
    ("en", "Party Saturday 21st 8pm", "Party", "2026-11-21T20:00", None, None, None, []),
    ("en", "3rd party review Friday", "3rd party review", "2026-11-20", None, None, None, []),
    ("en", "Meeting on 2nd floor at 3", "Meeting on 2nd floor", "2026-11-18T15:00", None, None,
     None, []),
    ("en", "Meeting on the 2nd Tuesday of next month", "Meeting", "2026-12-08", None, None,
     None, []),
    ("en", "Meeting the last Friday of December at 3pm", "Meeting", "2026-12-25T15:00", None,
     None, None, []),
    ("en", "Meeting the first Monday of November", "Meeting", "2027-11-01", None, None, None,
     []),
    ("en", "Meeting the third Wednesday of November", "Meeting", "2026-11-18", None, None,
     None, []),
    # A bare number after "in" yields to a clock; a month or weekday is never a place.
    ("en", "Meeting at 10 in 5", "Meeting", "2026-11-18T10:00", None, None, None, []),
    ("en", "Meeting in December", "Meeting in December", None, None, None, None, []),
    ("en", "Meeting in December at Blue Bottle", "Meeting in December", None, None, None,
     "Blue Bottle", []),
    # A verb of addressing makes "à"/"to"/"a" lead a person, not a place.
    ("fr", "Parler à Paul demain à 15h", "Parler à Paul", "2026-11-19T15:00", None, None, None,
     ["Paul"]),
    ("fr", "Parler à Paul demain à 15h au Café de Flore", "Parler à Paul", "2026-11-19T15:00",
     None, None, "Café de Flore", ["Paul"]),
    ("fr", "Téléphoner à Marie lundi 9h", "Téléphoner à Marie", "2026-11-23T09:00", None, None,
     None, ["Marie"]),
    ("fr", "Dîner à Lyon demain à 20h", "Dîner", "2026-11-19T20:00", None, None, "Lyon", []),
    ("es", "Llamar a Pablo mañana a las 3pm", "Llamar a Pablo", "2026-11-19T15:00", None, None,
     None, ["Pablo"]),
    ("en", "Talk to Paul at Blue Bottle tomorrow 3pm", "Talk to Paul", "2026-11-19T15:00", None,
     None, "Blue Bottle", ["Paul"]),
    ("de", "Treffen bei Paul morgen um 15 Uhr", "Treffen", "2026-11-19T15:00", None, None,
     "Paul", []),
    # Already right before this pass; kept so they stay right.
    ("en", "Meeting every 3 weeks on Monday", "Meeting", "2026-11-23", None,
     "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO", None, []),
    ("en", "Standup daily at 9 except weekends", "Standup", "2026-11-19T09:00", None,
     "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", None, []),
    ("en", "Offsite Mon-Wed", "Offsite", "2026-11-23", "2026-11-26", None, None, []),
    ("en", "Party Saturday 9pm till 2am", "Party", "2026-11-21T21:00", "2026-11-22T02:00", None,
     None, []),
    ("en", "Meeting between 2 and 3 tomorrow", "Meeting", "2026-11-19T14:00",
     "2026-11-19T15:00", None, None, []),
    ("en", "Meeting a week from Friday", "Meeting", "2026-11-27", None, None, None, []),
    ("en", "Dinner at 7:30 at Nopa with Alex and Jamie", "Dinner with Alex and Jamie",
     "2026-11-18T19:30", None, None, "Nopa", ["Alex", "Jamie"]),
]


@pytest.mark.parametrize("row", PHRASINGS, ids=[row[1] for row in PHRASINGS])
def test_phrasings(row: Row) -> None:
    locale, text, title, start, end, rule, place, people = row
    draft = read_text(text, locale=locale)
    assert draft.title == title
    assert (wall(draft), wall_end(draft)) == (start, end)
    assert draft.recurrence == ((f"RRULE:{rule}",) if rule else ())
    assert draft.location == place
    assert [a.value for a in draft.attendees] == people
