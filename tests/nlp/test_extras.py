"""Online meetings named in every locale ("Videokonferenz", "ビデオ通話", "visio")."""

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
]


@pytest.mark.parametrize(("locale", "text", "online", "title"), ONLINE,
                         ids=[row[1] for row in ONLINE])
def test_online_words(locale: str, text: str, online: bool, title: str) -> None:
    draft = read_text(text, locale=locale)
    assert (draft.online_meeting, draft.title) == (online, title)
