"""Figures for the lessons: colour-blind-safe colours and a text description for every figure.

matplotlib is imported inside the functions, so importing this module is cheap.
Every function returns the figure and draws nothing else; the lesson shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Okabe & Ito (2008), a palette that stays distinguishable with every common colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# Hatching patterns, so that bars can be told apart without colour too.
HATCHES = ["", "//", "..", "xx", "\\\\", "oo", "--", "++"]


def bar_chart(values: pd.Series, *, title: str, xlabel: str, ylabel: str, horizontal: bool = False) -> Figure:
    """Return a bar chart of ``values`` (index = bar labels) with value labels on the bars."""
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(8, 4 if not horizontal else max(2.5, 0.45 * len(values) + 1)))
    labels = [str(label) for label in values.index]
    if horizontal:
        bars = axes.barh(labels, values.to_numpy(), color=OKABE_ITO[0], edgecolor="black")
        axes.invert_yaxis()
    else:
        bars = axes.bar(labels, values.to_numpy(), color=OKABE_ITO[0], edgecolor="black")
    axes.bar_label(bars, padding=2, fontsize=9)
    axes.set_title(title)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


def describe_series(values: pd.Series, *, what: str, unit: str, bar: str = "") -> str:
    """Return a one-paragraph text description of a bar chart of ``values`` (largest, smallest, total).

    ``bar`` is the word for one bar's label (e.g. "paragraph"), put before the label.
    """
    if values.empty:
        return f"Text description: the chart of {what} is empty."
    prefix = f"{bar} " if bar else ""
    largest, smallest = values.idxmax(), values.idxmin()
    return (
        f"Text description: a bar chart of {what}, {len(values)} bars, {int(values.sum())} {unit} in all. "
        f"The largest is {prefix}{largest} with {int(values.max())} {unit}; "
        f"the smallest is {prefix}{smallest} with {int(values.min())} {unit}."
    )
