"""Extras: online meetings named in every locale ("Videokonferenz", "ビデオ通話", "visio"),
reminders said without a number ("remind me the day before")."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import read_text

ONLINE: list[tuple[str, str, bool, str]] = [
    ("ja", "Liamとビデオ通話 月曜 15時", True, "Liamとビデオ通話"),
    ("de", "Videokonferenz mit Clara Dienstag 10 Uhr", True, "Videokonferenz mit Clara"),
    ("de", "Videocall mit Clara morgen", True, "Videocall mit Clara"),
    ("fr", "visio avec Paul demain 10h", True, "Visio avec Paul"),
    ("es", "videollamada con Ana mañana a las 10", True, "Videollamada con Ana"),
    ("ko", "내일 화상 회의 3시", True, "화상 회의"),
    ("en", "Video call tomorrow 3pm", True, "Video call"),
    # A meeting or a call alone says nothing of video.
    ("de", "Konferenz morgen", False, "Konferenz"),
    ("ja", "通話 明日", False, "通話"),
    # ja "Zoomで": the medium and its particle leave the title, as "on Zoom" does; no place.
    ("ja", "明後日の午後4時にZoomでSatoとミーティング", True, "Satoとミーティング"),
    ("ja", "今日の20時からビデオ通話でJohnと打ち合わせ", True, "Johnと打ち合わせ"),
    ("ja", "30分後 Zoomで1on1", True, "1on1"),
    ("ko", "금요일 7시 팀즈로 고객 미팅", True, "고객 미팅"),
    ("ko", "내일 10시 구글밋으로 인터뷰", True, "인터뷰"),
]


@pytest.mark.parametrize(("locale", "text", "online", "title"), ONLINE,
                         ids=[row[1] for row in ONLINE])
def test_online_words(locale: str, text: str, online: bool, title: str) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.online_meeting, draft.title) == (online, title)


# text, title, reminder minutes
REMINDERS = [
    ("Passport appt Apr 28 9:10am, remind me the day before", "Passport appt", 1440),
    ("dentist fri 3pm remind me a day before", "Dentist", 1440),
    ("dentist fri 3pm remind me an hour before", "Dentist", 60),
    ("dentist fri 3pm, reminder the week before", "Dentist", 10080),
    ("remind me the day before: dentist fri 3pm", "Dentist", 1440),
    ("dentist fri 3pm", "Dentist", None),
]


@pytest.mark.parametrize(("text", "title", "minutes"), REMINDERS)
def test_reminders(text: str, title: str, minutes: int | None) -> None:
    draft = read_text(text)
    assert (draft.title, draft.reminder_minutes) == (title, minutes)


# locale, text, title, minutes: the amount may lead ("1 Stunde vorher erinnern"), and the
# politeness after the lead goes with the reminder.
LEADING_AMOUNTS = [
    ("de", "Teammeeting am 8. Januar um 14 Uhr, 1 Stunde vorher erinnern", "Teammeeting", 60),
    ("de", "Zahnarzt morgen 10 Uhr, 30 Minuten vorher erinnern", "Zahnarzt", 30),
    ("ja", "明日13時からレビュー、15分前にリマインドして", "レビュー", 15),
]


@pytest.mark.parametrize(("locale", "text", "title", "minutes"), LEADING_AMOUNTS)
def test_a_reminder_amount_before_its_lead(locale: str, text: str, title: str,
                                           minutes: int) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.title, draft.reminder_minutes) == (title, minutes)
