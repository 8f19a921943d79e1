"""Order statistics of one run's samples: nearest-rank percentiles, never interpolated."""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(samples: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (`share` in 0..1): a value that was actually observed.

    Nearest rank keeps p99 of 100 samples the 99th, and max the largest; an empty run
    has no percentile (NaN), which the table shows as such rather than as a fast zero.
    """
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def spread(values: Sequence[float]) -> tuple[float, float]:
    """(min, max) of the values that are numbers; (NaN, NaN) when there are none."""
    numbers = [v for v in values if not math.isnan(v)]
    if not numbers:
        return math.nan, math.nan
    return min(numbers), max(numbers)


def median(values: Sequence[float]) -> float:
    """The median of the values that are numbers; NaN when there are none."""
    numbers = sorted(v for v in values if not math.isnan(v))
    if not numbers:
        return math.nan
    middle = len(numbers) // 2
    if len(numbers) % 2:
        return numbers[middle]
    return (numbers[middle - 1] + numbers[middle]) / 2
