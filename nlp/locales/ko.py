"""Korean word tables."""

from __future__ import annotations

from nlp.lexicon import Lexicon

_WEEKDAYS = {
    "월요일": 0, "화요일": 1, "수요일": 2, "목요일": 3, "금요일": 4, "토요일": 5, "일요일": 6,
}

LEXICON = Lexicon(
    code="ko",
    spaced=False,
    date_order="md",
    weekdays=_WEEKDAYS,
    weekday_groups={"평일": (0, 1, 2, 3, 4), "주중": (0, 1, 2, 3, 4)},
    year_suffix=("년",),
    month_suffix=("월",),
    day_suffix=("일",),
    relative_days={"오늘": 0, "내일": 1, "모레": 2, "내일모레": 2},
    evening_days={"오늘밤": (0, 1140), "오늘 밤": (0, 1140), "오늘 저녁": (0, 1080),
                  "오늘 아침": (0, 540), "내일 아침": (1, 540), "내일 저녁": (1, 1080),
                  "내일 밤": (1, 1140), "오늘 오후": (0, 840), "내일 오후": (1, 840)},
    day_parts={"아침": 540, "오전": 540, "점심": 720, "오후": 840, "저녁": 1080, "밤": 1140},
    named_times={"정오": 720, "자정": 1440},
    am_prefixes=("오전", "아침"),
    pm_prefixes=("오후", "저녁", "밤"),
    hour_suffixes=("시",),
    minute_suffixes=("분",),
    half_words=("반",),
    time_particles=("에", "부터", "에서"),
    date_particles=("에", "의"),
    this_words=("이번 주", "이번주", "이번"),
    next_words=(),
    next_week=("다음 주", "다음주", "담주"),
    this_week=("이번 주", "이번주"),
    weekend=("이번 주말", "이번주말", "주말"),
    month_end=("월말", "이번 달 말"),
    after_words=("후에", "후", "뒤에", "뒤"),
    units={"분": 1, "시간": 60, "일": 1440, "주": 10080},
    range_seps=("-", "–", "~", "～", "부터"),
    range_end_particles=("까지",),
    all_day=("종일", "하루 종일", "온종일"),
    every=("매주",),
    frequencies={"매일": ("DAILY", 1), "매주": ("WEEKLY", 1), "격주": ("WEEKLY", 2),
                 "매월": ("MONTHLY", 1), "매달": ("MONTHLY", 1), "매년": ("YEARLY", 1)},
    until_words=("까지",),
    times_words=("회", "번"),
    fillers=("일정", "등록", "추가"),
    edge_joiners=("에서", "에"),
    name_suffixes=("와", "과", "랑", "하고"),
    place_suffixes=("에서",),
    online_words=("zoom", "줌", "화상", "온라인", "teams", "google meet"),
    reminder_leads=("알림",),
)
