"""Properties: any text up to 4 KB, any now and zone, gives a valid draft and never raises."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.draft import EventDraft
from nlp.locales import LEXICONS
from nlp.parse import parse

ZONES = ["UTC", "America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Paris",
         "Asia/Tokyo", "Asia/Seoul", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo",
         "Pacific/Chatham", "Australia/Lord_Howe"]
# Pieces of real phrases, so the generated text reaches deep into the grammar.
PIECES = ["at", "3pm", "every", "Monday", "tmrw", "with", "Adele", "and", "-", "to", "12/3",
          "Dec", "3", "noon", "for", "2 hours", "in", "until", "the", "last", "of every month",
          "@", '"', "remind me", "10 min before", "on Zoom", "PST", "2:30am", "Mar 8", "明日",
          "15時", "내일", "오후", "um", "Uhr", "à", "de", "a las", "1:30", "midnight", ",",
          "weekdays"]

texts = st.one_of(
    st.text(max_size=4096),
    st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join),
)
nows = st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2099, 12, 31))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, now=nows, tz=st.sampled_from(ZONES), locale=st.sampled_from(sorted(LEXICONS)))
def test_parse_never_raises_and_gives_a_valid_draft(text: str, now: datetime, tz: str,
                                                    locale: str) -> None:
    draft = parse(text, now=now, tz=tz, locale=locale)
    # Re-validating the dump proves every field satisfies the contract's checks.
    EventDraft.model_validate(draft.model_dump())
    assert draft.description == text
    if draft.start is not None and draft.end is not None:
        assert draft.end > draft.start  # type: ignore[operator]
    for span in draft.spans:
        assert 0 <= span.start < span.end <= len(text)


@pytest.mark.parametrize("text", ["in 999999 weeks", "Dec 31 9999 11pm for 5 hours",
                                  "in 999999 days at 3pm", "at 24:30", "3pm UTC+14"])
@pytest.mark.parametrize("now", [datetime(2026, 11, 18, 9), datetime(9999, 12, 31, 23),
                                 datetime(1, 1, 1, 0)])
def test_days_past_the_calendar_give_no_start_rather_than_an_error(text: str,
                                                                    now: datetime) -> None:
    draft = parse(text, now=now, tz="America/New_York")
    EventDraft.model_validate(draft.model_dump())
