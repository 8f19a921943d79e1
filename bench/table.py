"""The figures as one plain-text table: figure, median, spread over runs, bar, ok."""

from __future__ import annotations

import math
from collections.abc import Sequence

from bench.results import Figure

NOTE_WIDTH = 44  # results.json keeps the whole note
HEADER = ("figure", "median", "spread (min–max)", "runs", "bar", "ok")


def render(figures: Sequence[Figure]) -> str:
    """One row per figure, a section heading line whenever the section changes."""
    rows: list[tuple[str, ...] | str] = []
    section = None
    for figure in figures:
        if figure.section != section:
            section = figure.section
            rows.append(section)
        rows.append(_row(figure))
    cells = [r for r in rows if isinstance(r, tuple)] + [HEADER]
    widths = [max(len(c[i]) for c in cells) for i in range(len(HEADER))]
    lines = [_line(HEADER, widths), "  ".join("-" * w for w in widths)]
    for row in rows:
        lines.append(f"[{row}]" if isinstance(row, str) else _line(row, widths))
    return "\n".join(lines)


def _row(figure: Figure) -> tuple[str, ...]:
    low, high = figure.spread
    unit = f" {figure.unit}" if figure.unit else ""
    spread = "-" if len(figure.runs) < 2 else f"{_value(low)}–{_value(high)}{unit}"
    verdict = {None: "", True: "ok", False: "MISSED"}[figure.ok]
    note = figure.note if len(figure.note) <= NOTE_WIDTH else figure.note[:NOTE_WIDTH - 1] + "…"
    name = f"  {figure.name}" + (f" ({note})" if note else "")
    bar = figure.bar.words(figure.unit) if figure.bar else ""
    return (name, f"{_value(figure.median)}{unit}", spread, str(len(figure.runs)), bar, verdict)


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    first, *rest = cells
    return "  ".join([first.ljust(widths[0]), *(c.rjust(w) for c, w in zip(rest, widths[1:],
                                                                             strict=True))])


def _value(value: float) -> str:
    """Three significant figures at most, whole numbers as such; NaN as "n/a"."""
    if math.isnan(value):
        return "n/a"
    if value == int(value) and abs(value) < 1e9:
        return str(int(value))
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"
