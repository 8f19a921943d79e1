"""Other languages: each locale's word tables read the same phrase kinds."""

from __future__ import annotations

import pytest

from nlp.lexicon import Lexicon
from nlp.locales import LEXICONS, lexicon
from tests.nlp.conftest import read_text, wall, wall_end

TOKYO = ("2026-07-15T11:20", "Asia/Tokyo")  # a Wednesday
SEOUL = ("2026-05-29T16:00", "Asia/Seoul")  # a Friday
PARIS = ("2026-03-26T09:00", "Europe/Paris")  # a Thursday
CHICAGO = ("2026-11-02T14:30", "America/Chicago")  # a Monday

CASES = [
    ("ja", TOKYO, "明日15時から会議", "会議", "2026-07-16T15:00", None),
    ("ja", TOKYO, "金曜日の正午にAdeleとランチ", "Adeleとランチ", "2026-07-17T12:00", None),
    ("ja", TOKYO, "来週の火曜日 午後2時 歯医者", "歯医者", "2026-07-21T14:00", None),
    ("ja", TOKYO, "7月30日 終日 研修", "研修", "2026-07-30", None),
    ("ja", TOKYO, "8/3 14:00-15:30 会議室Aで面接", "面接", "2026-08-03T14:00", "2026-08-03T15:30"),
    ("ja", TOKYO, "2時間後に電話", "電話", "2026-07-15T13:20", None),
    ("ja", TOKYO, "今夜 飲み会", "飲み会", "2026-07-15T19:00", None),
    ("ja", TOKYO, "明後日 午前10時半 面談", "面談", "2026-07-17T10:30", None),
    ("ja", TOKYO, "毎日 8時 朝会", "朝会", "2026-07-16T08:00", None),
    ("ja", TOKYO, "田中さんと明日12時にランチ", "田中さんとランチ", "2026-07-16T12:00", None),
    ("ja", TOKYO, "8月1日から3日まで 夏休み", "夏休み", "2026-08-01", "2026-08-04"),
    ("ja", TOKYO, "金曜日14時から16時まで研修", "研修", "2026-07-17T14:00", "2026-07-17T16:00"),
    ("ko", SEOUL, "금요일 오후 2시부터 4시까지 워크숍", "워크숍", "2026-06-05T14:00",
     "2026-06-05T16:00"),
    ("de", PARIS, "Termin am 12.05.2026 um 11 Uhr", "Termin", "2026-05-12T11:00", None),
    ("de", PARIS, "Konferenz vom 4. bis 6. Mai", "Konferenz", "2026-05-04", "2026-05-07"),
    ("fr", PARIS, "rendez-vous le 15 avril à 14h", "Rendez-vous", "2026-04-15T14:00", None),
    ("es", CHICAGO, "clase el martes a las 7 de la tarde", "Clase", "2026-11-03T19:00", None),
    ("ko", SEOUL, "내일 오후 3시 회의", "회의", "2026-05-30T15:00", None),
    ("ko", SEOUL, "다음 주 화요일 오전 10시 팀 미팅", "팀 미팅", "2026-06-02T10:00", None),
    ("ko", SEOUL, "6월 3일 워크숍", "워크숍", "2026-06-03", None),
    ("ko", SEOUL, "30분 후에 통화", "통화", "2026-05-29T16:30", None),
    ("ko", SEOUL, "이번 주말 캠핑", "캠핑", "2026-05-30", None),
    ("ko", SEOUL, "모레 오전 9시 30분 면접", "면접", "2026-05-31T09:30", None),
    ("de", PARIS, "Mittagessen mit Adele am Freitag um 12 Uhr", "Mittagessen mit Adele",
     "2026-03-27T12:00", None),
    ("de", PARIS, "Zahnarzt am 3.4. um 10 Uhr", "Zahnarzt", "2026-04-03T10:00", None),
    ("de", PARIS, "Urlaub vom 6. bis 10. April", "Urlaub", "2026-04-06", "2026-04-11"),
    ("de", PARIS, "Anruf mit Bob in 2 Stunden", "Anruf mit Bob", "2026-03-26T11:00", None),
    ("de", PARIS, "Workshop übermorgen von 9 bis 12 Uhr", "Workshop", "2026-03-28T09:00",
     "2026-03-28T12:00"),
    ("fr", PARIS, "déjeuner avec Adele vendredi à midi", "Déjeuner avec Adele",
     "2026-03-27T12:00", None),
    ("fr", PARIS, "dentiste le 3/4 à 10h", "Dentiste", "2026-04-03T10:00", None),
    ("fr", PARIS, "séminaire du 13 au 15 avril", "Séminaire", "2026-04-13", "2026-04-16"),
    ("fr", PARIS, "point avec Sam dans 30 minutes", "Point avec Sam", "2026-03-26T09:30", None),
    ("fr", PARIS, "réunion lundi de 14h à 16h", "Réunion", "2026-03-30T14:00", "2026-03-30T16:00"),
    ("es", CHICAGO, "comida con Adele el viernes a las 2", "Comida con Adele",
     "2026-11-06T14:00", None),
    ("es", CHICAGO, "dentista el 5/12 a las 9", "Dentista", "2026-12-05T09:00", None),
    ("es", CHICAGO, "vacaciones del 21 al 23 de diciembre", "Vacaciones", "2026-12-21",
     "2026-12-24"),
    ("es", CHICAGO, "cena esta noche", "Cena", "2026-11-02T19:00", None),
    ("es", CHICAGO, "llamada con Bob en 2 horas", "Llamada con Bob", "2026-11-02T16:30", None),
]


@pytest.mark.parametrize(("locale", "when", "text", "title", "start", "end"), CASES)
def test_locale_phrases(  # noqa: PLR0917 - one parameter per table column
    locale: str, when: tuple[str, str], text: str, title: str, start: str, end: str | None,
) -> None:
    draft = read_text(text, now=when[0], tz=when[1], locale=locale)
    assert (draft.title, wall(draft), wall_end(draft)) == (title, start, end)
    assert draft.locale == locale


@pytest.mark.parametrize(
    ("locale", "when", "text", "rule"),
    [
        ("ja", TOKYO, "毎週月曜10時に進捗確認", "RRULE:FREQ=WEEKLY;BYDAY=MO"),
        ("ko", SEOUL, "매일 오전 9시 스탠드업", "RRULE:FREQ=DAILY"),
        ("de", PARIS, "jeden Montag um 9 Uhr Jour fixe", "RRULE:FREQ=WEEKLY;BYDAY=MO"),
        ("fr", PARIS, "cours de yoga tous les mardis à 18h", "RRULE:FREQ=WEEKLY;BYDAY=TU"),
        ("es", CHICAGO, "clase todos los jueves a las 18:00", "RRULE:FREQ=WEEKLY;BYDAY=TH"),
    ],
)
def test_locale_rules(locale: str, when: tuple[str, str], text: str, rule: str) -> None:
    assert read_text(text, now=when[0], tz=when[1], locale=locale).recurrence == (rule,)


def test_numeric_dates_follow_the_locale() -> None:
    assert wall(read_text("x 5/12", now=CHICAGO[0], tz=CHICAGO[1], locale="en")) == "2027-05-12"
    assert wall(read_text("x 5/12", now=CHICAGO[0], tz=CHICAGO[1], locale="es")) == "2026-12-05"


def test_every_locale_is_a_table() -> None:
    assert set(LEXICONS) == {"en", "ja", "ko", "de", "fr", "es"}
    assert all(isinstance(lex, Lexicon) for lex in LEXICONS.values())


def test_unknown_and_regional_locales() -> None:
    assert lexicon("ja-JP").code == "ja"
    assert lexicon("pt").code == "en"


# now: Wednesday 2026-11-18 09:00 America/New_York
MORE_CASES = [
    ("de", "Meeting am Dienstag, den 3. Dezember um 14 Uhr", "Meeting", "2026-12-03T14:00"),
    ("de", "Meeting Ende der Woche", "Meeting", "2026-11-20"),
    ("de", "Zahnarzt um 8:30 Uhr", "Zahnarzt", "2026-11-19T08:30"),
    ("de", "Call übermorgen früh", "Call", "2026-11-20T09:00"),
    ("de", "Treffen um drei", "Treffen", "2026-11-18T15:00"),
    ("de", "Bericht bis Ende des Monats", "Bericht", "2026-11-30"),
    ("fr", "Réunion mar. 14h-15h", "Réunion", "2026-11-24T14:00"),
    ("fr", "Réunion le 15 à 10h", "Réunion", "2026-12-15T10:00"),
    ("fr", "Réunion le 1er", "Réunion", "2026-12-01"),
    ("fr", "Déjeuner à midi et demi", "Déjeuner", "2026-11-18T12:30"),
    ("fr", "Réunion à trois heures et demie", "Réunion", "2026-11-18T15:30"),
    ("fr", "Réunion à deux", "Réunion à deux", None),
    ("fr", "Vacances jusqu'au 20 décembre", "Vacances", "2026-12-20"),
    ("fr", "Rapport pour la fin du mois", "Rapport", "2026-11-30"),
    ("es", "Reunión el lunes por la mañana", "Reunión", "2026-11-23T09:00"),
    ("es", "Llamada pasado mañana por la mañana", "Llamada", "2026-11-20T09:00"),
    ("es", "Reunión a la una y media", "Reunión", "2026-11-18T13:30"),
    ("es", "Reunión a las doce", "Reunión", "2026-11-18T12:00"),
    ("es", "Reunión el 15 a las 10", "Reunión", "2026-12-15T10:00"),
    ("es", "Cena el viernes noche", "Cena", "2026-11-20T19:00"),
    ("es", "Llego tarde mañana", "Llego tarde", "2026-11-19"),
]


@pytest.mark.parametrize(("locale", "text", "title", "start"), MORE_CASES)
def test_more_locale_phrases(locale: str, text: str, title: str, start: str | None) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.title, wall(draft)) == (title, start)


@pytest.mark.parametrize(
    ("locale", "text", "rule", "start"),
    [
        ("de", "Standup werktags um 9:30", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
         "2026-11-18T09:30"),
        ("de", "Lauf jeden Morgen um 7", "RRULE:FREQ=DAILY", "2026-11-19T07:00"),
        ("es", "Correr todas las noches a las 9", "RRULE:FREQ=DAILY", "2026-11-18T21:00"),
        ("es", "Correr cada mañana a las 7", "RRULE:FREQ=DAILY", "2026-11-19T07:00"),
    ],
)
def test_more_locale_rules(locale: str, text: str, rule: str, start: str) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.recurrence, wall(draft)) == ((rule,), start)


@pytest.mark.parametrize(
    ("locale", "text", "title", "start", "rule"),
    [
        ("ja", "毎月第2火曜日に定例会", "定例会", "2026-12-08", "RRULE:FREQ=MONTHLY;BYDAY=2TU"),
        ("ja", "毎月最終金曜日に締め会議", "締め会議", "2026-11-27",
         "RRULE:FREQ=MONTHLY;BYDAY=-1FR"),
        ("ja", "毎週月曜日と木曜日10時に会議", "会議", "2026-11-19T10:00",
         "RRULE:FREQ=WEEKLY;BYDAY=MO,TH"),
        ("ja", "3月末まで毎週水曜日に勉強会", "勉強会", "2026-11-18",
         "RRULE:FREQ=WEEKLY;BYDAY=WE;UNTIL=20270331"),
        ("ko", "3월 말까지 매주 수요일 스터디", "스터디", "2026-11-18",
         "RRULE:FREQ=WEEKLY;BYDAY=WE;UNTIL=20270331"),
        ("ja", "金曜日の夜に送別会", "送別会", "2026-11-20T19:00", None),
        ("ja", "明後日の昼12時にランチ", "ランチ", "2026-11-20T12:00", None),
        ("ja", "3月末に決算", "決算", "2027-03-31", None),
        ("ja", "月末に請求書", "請求書", "2026-11-30", None),
        ("ko", "금요일 정오 점심", "점심", "2026-11-20T12:00", None),
        ("ko", "강남역에서 내일 7시 저녁", "저녁", "2026-11-19T19:00", None),
        ("ko", "매주 월요일 9시 주간회의", "주간회의", "2026-11-23T09:00",
         "RRULE:FREQ=WEEKLY;BYDAY=MO"),
        ("en", "Report due end of March", "Report due", "2027-03-31", None),
        ("de", "Bericht bis Ende März", "Bericht", "2027-03-31", None),
    ],
)
def test_cjk_and_month_end_phrases(locale: str, text: str, title: str, start: str,
                                   rule: str | None) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.title, wall(draft), draft.recurrence) == (title, start,
                                                           (rule,) if rule else ())


def test_a_second_japanese_name_after_to() -> None:
    draft = read_text("田中さんと鈴木さんと明日15時に会議", locale="ja")
    assert [a.value for a in draft.attendees] == ["田中さん", "鈴木さん"]


# locale, text, (title, start, location, reminder) (now: Wednesday 2026-11-18 09:00 New York)
CHAT_CASES: list[tuple[str, str, tuple[str, str, str | None, int | None]]] = [
    ("de", "Abschluss heute EOD",
     ("Abschluss", "2026-11-18T17:00", None, None)),
    ("de", "Sommerfest Freitag ab 17 Uhr auf der Dachterrasse",
     ("Sommerfest", "2026-11-20T17:00", "Dachterrasse", None)),
    ("de", "Workshop Mittwoch 13 Uhr im „Raum Zugspitze“",
     ("Workshop", "2026-11-18T13:00", "Raum Zugspitze", None)),
    ("de", "Frühschoppen So. 10:30 im Biergarten am See",
     ("Frühschoppen", "2026-11-22T10:30", "Biergarten am See", None)),
    ("fr", "fête ce soir à 19h30 dans la cour",
     ("Fête", "2026-11-18T19:30", "cour", None)),
    ("fr", "visio à 16h, me rappeler 10 minutes avant",
     ("Visio", "2026-11-18T16:00", None, 10)),
    ("fr", "rendu du rapport d'ici la fin de journée",
     ("Rendu du rapport", "2026-11-18T17:00", None, None)),
    ("es", "cumple de Martina este finde",
     ("Cumple de Martina", "2026-11-21", None, None)),
    ("es", "porfa agenda una llamada mañana a las 10",
     ("Llamada", "2026-11-19T10:00", None, None)),
    ("ko", "다음 금요일 오후 2시 고객사 미팅",
     ("고객사 미팅", "2026-11-20T14:00", None, None)),
    ("ko", "오늘 자정 콘서트 티켓팅, 10분 전에 알림",
     ("콘서트 티켓팅", "2026-11-19T00:00", None, 10)),
    ("ja", "月末までに書類を提出",
     ("書類を提出", "2026-11-30", None, None)),
    ("ja", "明日13時からレビュー、15分前にリマインド",
     ("レビュー", "2026-11-19T13:00", None, 15)),
]


@pytest.mark.parametrize(("locale", "text", "expected"), CHAT_CASES,
                         ids=[row[1] for row in CHAT_CASES])
def test_chat_phrases_in_every_locale(
        locale: str, text: str, expected: tuple[str, str, str | None, int | None]) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.title, wall(draft), draft.location, draft.reminder_minutes) == expected


def test_a_count_word_ends_a_weekly_rule_in_german() -> None:
    draft = read_text("Yoga jeden Dienstag um 19 Uhr, 10 Termine", locale="de")
    assert (draft.title, draft.recurrence) == ("Yoga", ("RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=10",))
