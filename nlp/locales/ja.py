"""Japanese word tables."""

from __future__ import annotations

from nlp.lexicon import Lexicon

_WEEKDAYS = {
    "月曜日": 0, "月曜": 0, "火曜日": 1, "火曜": 1, "水曜日": 2, "水曜": 2, "木曜日": 3,
    "木曜": 3, "金曜日": 4, "金曜": 4, "土曜日": 5, "土曜": 5, "日曜日": 6, "日曜": 6,
}

LEXICON = Lexicon(
    code="ja",
    spaced=False,
    date_order="md",
    weekdays=_WEEKDAYS,
    weekday_groups={"平日": (0, 1, 2, 3, 4)},
    year_suffix=("年",),
    month_suffix=("月",),
    day_suffix=("日",),
    relative_days={"今日": 0, "本日": 0, "きょう": 0, "明日": 1, "あした": 1, "あす": 1,
                   "明後日": 2, "あさって": 2},
    evening_days={"今夜": (0, 1140), "今晩": (0, 1140), "今夕": (0, 1080), "今朝": (0, 540),
                  "明日の朝": (1, 540), "明日の夜": (1, 1140), "明晩": (1, 1140)},
    day_parts={"朝": 540, "午前中": 540, "昼": 720, "夕方": 1080, "夜": 1140, "晩": 1140},
    named_times={"正午": 720, "お昼": 720, "深夜0時": 1440, "終業時": 1020, "定時": 1020},
    am_prefixes=("午前",),
    pm_prefixes=("午後",),
    hour_suffixes=("時",),
    minute_suffixes=("分",),
    half_words=("半",),
    time_particles=("に", "から", "より", "〜", "の"),
    date_particles=("に", "の", "は"),
    this_words=("今週の", "今度の", "この"),
    next_words=("次の",),
    next_week=("来週",),
    this_week=("今週",),
    week_particles=("の",),
    weekend=("今週末", "週末", "この週末"),
    month_end=("月末", "今月末"),
    after_words=("後", "後に", "以内"),
    units={"分": 1, "分間": 1, "時間": 60, "日": 1440, "日間": 1440, "週間": 10080},
    range_seps=("-", "–", "〜", "~", "～", "から"),
    range_end_particles=("まで",),
    all_day=("終日", "一日中", "丸一日"),
    every=("毎週",),
    frequencies={"毎日": ("DAILY", 1), "毎朝": ("DAILY", 1), "毎晩": ("DAILY", 1),
                 "毎週": ("WEEKLY", 1), "隔週": ("WEEKLY", 2), "毎月": ("MONTHLY", 1),
                 "毎年": ("YEARLY", 1)},
    until_words=("まで",),
    times_words=("回",),
    fillers=("予定", "登録", "お願いします", "お願い"),
    edge_joiners=("に", "で", "の", "から", "と", "は", "を"),
    name_suffixes=("と",),
    place_suffixes=("で", "にて"),
    online_words=("zoom", "オンライン", "ビデオ会議", "teams", "google meet", "web会議"),
    reminder_leads=("リマインド",),
)
