"""Properties: any text up to 4 KB, any now and zone, gives a valid draft and never raises."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

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
# Offsets up to a minute short of a day either side (what `timezone` accepts); the
# calendar's whole range, so converting `now` to the writer's zone may leave it.
offsets = st.builds(timezone, st.timedeltas(min_value=-timedelta(hours=23, minutes=59),
                                            max_value=timedelta(hours=23, minutes=59)))
edges = st.sampled_from([datetime.min, datetime.max, datetime(1, 1, 1, 0, 0),
                         datetime(9999, 12, 31, 23, 59), datetime(2026, 3, 8, 2, 30),
                         datetime(2026, 11, 1, 1, 30)])
nows = st.one_of(
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2099, 12, 31)),
    st.datetimes(timezones=st.one_of(offsets, st.sampled_from([UTC, ZoneInfo("Asia/Tokyo")]))),
    st.builds(lambda d, z: d.replace(tzinfo=z), edges, offsets),
    edges,
)


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


# Aware nows that leave the calendar once put in New York's zone.
OFF_CALENDAR = [datetime(1, 1, 1, 0, tzinfo=timezone(timedelta(hours=14))),
                datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-12)))]


@pytest.mark.parametrize("text", ["in 999999 weeks", "Dec 31 9999 11pm for 5 hours",
                                  "in 999999 days at 3pm", "at 24:30", "3pm UTC+14"])
@pytest.mark.parametrize("now", [datetime(2026, 11, 18, 9), datetime(9999, 12, 31, 23),
                                 datetime(1, 1, 1, 0), *OFF_CALENDAR])
def test_days_past_the_calendar_give_no_start_rather_than_an_error(text: str,
                                                                    now: datetime) -> None:
    draft = parse(text, now=now, tz="America/New_York")
    EventDraft.model_validate(draft.model_dump())


@pytest.mark.parametrize("now", OFF_CALENDAR)
def test_a_now_outside_the_calendar_in_the_writers_zone_reads_as_no_date(now: datetime) -> None:
    draft = parse("Call tomorrow at 3pm with Adele", now=now, tz="America/New_York")
    assert (draft.start, draft.end, draft.recurrence) == (None, None, ())
    assert draft.title == "Call with Adele"
