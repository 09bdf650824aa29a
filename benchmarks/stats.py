"""Medians, percentiles and paired comparisons of benchmark samples (pure functions)."""

from __future__ import annotations

import statistics
from collections.abc import Iterable


def median(values: Iterable[float]) -> float:
    """Return the median of ``values``.

    Raises:
        ValueError: ``values`` is empty.
    """
    data = sorted(values)
    if not data:
        raise ValueError("median of no values")
    return float(statistics.median(data))


def percentile(values: Iterable[float], percent: float) -> float:
    """Return the ``percent``-th percentile of ``values`` (0-100), linear between closest ranks (numpy's default).

    Raises:
        ValueError: ``values`` is empty or ``percent`` is outside 0-100.
    """
    data = sorted(values)
    if not data:
        raise ValueError("percentile of no values")
    if not 0 <= percent <= 100:
        raise ValueError(f"percent must be between 0 and 100, not {percent}")
    rank = (len(data) - 1) * percent / 100
    low = int(rank)
    high = min(low + 1, len(data) - 1)
    return float(data[low] + (data[high] - data[low]) * (rank - low))


def paired_ratio(pairs: Iterable[tuple[float, float]]) -> float:
    """Return the median of ``measured / floor`` over ``(floor, measured)`` pairs."""
    return median(measured / floor for floor, measured in pairs)


def paired_difference(pairs: Iterable[tuple[float, float]]) -> float:
    """Return the median of ``measured - floor`` over ``(floor, measured)`` pairs."""
    return median(measured - floor for floor, measured in pairs)
