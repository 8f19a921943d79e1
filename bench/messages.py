"""Varied `/event` texts people send under load: every one a complete draft (day and hour)."""

from __future__ import annotations

import itertools
import random

WHAT = ["Lunch", "Coffee", "Sync", "1:1", "Design review", "Standup", "Retro", "Interview",
        "Budget call", "Planning", "Demo", "Office hours", "Dinner", "Yoga", "Board prep"]
WITH = ["", " with Adele", " with the team", " with Bob and Camille", " with <@U0BENCH0001>"]
DAY = ["tomorrow", "friday", "on Monday", "Dec 3", "december 10th", "thursday", "12/8",
       "on the 15th", "in 2 days", "saturday"]
HOUR = ["at 10am", "at noon", "3pm", "at 4:30pm", "9-10am", "2pm to 3:30pm", "at 18:00",
        "11:15am", "at 8am", "1pm"]
EXTRA = ["", "", " at Blue Bottle", " in Room 3.02", " for 45 minutes", " on Zoom",
         " (bring slides)", " at Harry's Bar", " 🎉", " - agenda: Q4 plan, hiring & budget"]


def texts(count: int, *, seed: int = 6) -> list[str]:
    """`count` texts drawn from the phrase kinds above, the same ones for the same seed."""
    pick = random.Random(seed)
    combos = list(itertools.product(WHAT, WITH, DAY, HOUR, EXTRA))
    return [_text(*pick.choice(combos)) for _ in range(count)]


def _text(what: str, who: str, day: str, hour: str, extra: str) -> str:
    return f"{what}{who} {day} {hour}{extra}"
