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


# Each category's colour (Okabe-Ito), hatching and letter: the letter and the hatching carry the meaning without colour.
CATEGORY_STYLES: dict[str, tuple[str, str, str]] = {
    "official statement": ("#0072B2", "", "O"),
    "state-media framing": ("#D55E00", "//", "F"),
    "expert opinion": ("#E69F00", "..", "E"),
    "reporting": ("#F0E442", "xx", "R"),
}
OTHER_STYLE = ("#BBBBBB", "++", "?")
# Marks a sentence where the key also accepts another category.
ALSO_ACCEPTED_MARK = "*"


def _style(category: str) -> tuple[str, str, str]:
    return CATEGORY_STYLES.get(category, OTHER_STYLE)


def _text_colour(background: str) -> str:
    """Return black or white, whichever reads better on ``background`` (a ``#RRGGBB`` colour)."""
    red, green, blue = (int(background[index : index + 2], 16) for index in (1, 3, 5))
    return "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "white"


def _wrap(label: str, width: int = 22) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(str(label), width=width)) or str(label)


def words_chart(words: pd.DataFrame, *, title: str, by_category: bool = False) -> Figure:
    """Return a horizontal bar chart of a ``voices.words_by`` table: one bar per row, labelled with words and share.

    With ``by_category`` the bars take each category's colour and hatching, and a legend names them.
    """
    from matplotlib import pyplot

    labels = [_wrap(label) for label in words.index]
    figure, axes = pyplot.subplots(figsize=(8, max(2.5, 0.6 * len(words) + 1.2)))
    if by_category:
        styles = [_style(str(label)) for label in words.index]
        colours, hatches = [style[0] for style in styles], [style[1] for style in styles]
    else:
        colours, hatches = [OKABE_ITO[0]] * len(words), [""] * len(words)
    bars = axes.barh(labels, words["words"].to_numpy(), color=colours, edgecolor="black", hatch=hatches)
    axes.invert_yaxis()
    axes.bar_label(
        bars, labels=[f"{int(row.words)} words ({row.share:.0f}%)" for row in words.itertuples()], padding=3, fontsize=9
    )
    axes.set_xlim(0, max(1, int(words["words"].max())) * 1.35)
    axes.set_title(title)
    axes.set_xlabel("Words")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


def describe_words(words: pd.DataFrame, *, what: str) -> str:
    """Return a text description of a ``words_chart``: every bar with its words and share, in the chart's order."""
    if words.empty or int(words["words"].sum()) == 0:
        return f"Text description: the chart of words by {what} is empty."
    parts = [f"{label}: {int(row['words'])} words ({row['share']:.0f}%)" for label, row in words.iterrows()]
    largest = words["words"].idxmax()
    return (
        f"Text description: a bar chart of the article's {int(words['words'].sum())} words by {what}, "
        f"{len(words)} bars. " + "; ".join(parts) + f". The longest bar is {largest}."
    )


def _legend_handles(categories: list[str]) -> list:
    from matplotlib.patches import Patch

    handles = []
    for category in categories:
        colour, hatch, letter = _style(category)
        handles.append(Patch(facecolor=colour, edgecolor="black", hatch=hatch, label=f"{letter} = {category}"))
    return handles


def sentence_strip(table: pd.DataFrame, *, title: str = "The article, sentence by sentence") -> Figure:
    """Return the article as strips of sentences, one strip per paragraph, each sentence coloured by category.

    ``table`` is a ``voices.voice_table``. Each box is as wide as the sentence has
    words and carries the category's letter (with ``*`` where the key also accepts
    another category) and hatching, so the figure reads without colour. A legend names the categories.
    """
    from matplotlib import pyplot
    from matplotlib.patches import Rectangle

    paragraphs = list(dict.fromkeys(table["paragraph"]))
    longest = int(table.groupby("paragraph")["words"].sum().max())
    figure, axes = pyplot.subplots(figsize=(10, 0.42 * len(paragraphs) + 2.2))
    for row_number, paragraph in enumerate(paragraphs):
        start = 0
        for sentence in table[table["paragraph"] == paragraph].itertuples(index=False):
            colour, hatch, letter = _style(sentence.category)
            axes.add_patch(
                Rectangle((start, row_number - 0.4), sentence.words, 0.8, facecolor=colour, edgecolor="black",
                          hatch=hatch, linewidth=1)
            )
            mark = letter + (ALSO_ACCEPTED_MARK if getattr(sentence, "also_acceptable", "") else "")
            axes.text(
                start + sentence.words / 2, row_number, mark, ha="center", va="center", fontsize=8, fontweight="bold",
                color="black", bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.9},
            )
            start += sentence.words
    axes.set_xlim(0, longest * 1.02)
    axes.set_ylim(len(paragraphs) - 0.5, -0.5)
    axes.set_yticks(range(len(paragraphs)), [str(paragraph) for paragraph in paragraphs])
    axes.set_ylabel("Paragraph")
    axes.set_xlabel(f"Words (each box is one sentence; {ALSO_ACCEPTED_MARK} = another category is also accepted)")
    axes.set_title(title, pad=30)
    present = [category for category in CATEGORY_STYLES if category in set(table["category"])]
    present += sorted(set(table["category"]) - set(CATEGORY_STYLES))
    axes.legend(handles=_legend_handles(present), loc="lower center", bbox_to_anchor=(0.5, 1.0),
                ncol=min(4, len(present)), frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


def describe_strip(table: pd.DataFrame) -> str:
    """Return a text description of ``sentence_strip``: the category letters paragraph by paragraph, and the totals."""
    letters = []
    for paragraph, rows in table.groupby("paragraph", sort=False):
        marks = " ".join(
            _style(row.category)[2] + (ALSO_ACCEPTED_MARK if getattr(row, "also_acceptable", "") else "")
            for row in rows.itertuples(index=False)
        )
        letters.append(f"{paragraph}: {marks}")
    counts = table["category"].value_counts()
    totals = ", ".join(
        f"{_style(category)[2]} {category} {int(counts.get(category, 0))}"
        for category in [*CATEGORY_STYLES, *sorted(set(counts.index) - set(CATEGORY_STYLES))]
    )
    return (
        f"Text description: the article's {len(table)} sentences in {table['paragraph'].nunique()} rows, one per "
        f"paragraph; each box is a sentence, as wide as its words, marked with its category's letter "
        f"({ALSO_ACCEPTED_MARK} = another category also accepted). Sentences per category: {totals}. "
        f"Paragraph by paragraph: " + " | ".join(letters) + "."
    )


def confusion_chart(confusion: pd.DataFrame, *, title: str = "Your answers against the key") -> Figure:
    """Return a confusion matrix of a ``voices.confusion_table``: the key's labels as rows, the answers as columns.

    Every cell shows its count as a number; the shading (a single blue scale) only repeats it.
    """
    from matplotlib import pyplot

    values = confusion.to_numpy()
    figure, axes = pyplot.subplots(figsize=(1.6 * len(confusion.columns) + 3, 1.0 * len(confusion.index) + 2))
    axes.imshow(values, cmap="Blues", vmin=0, vmax=max(1, int(values.max())))
    limit = max(1, int(values.max())) / 2
    for row in range(values.shape[0]):
        for column in range(values.shape[1]):
            count = int(values[row, column])
            weight = "bold" if row == column else "normal"
            axes.text(column, row, str(count), ha="center", va="center", fontsize=12, fontweight=weight,
                      color="white" if count > limit else "black")
    axes.set_xticks(range(len(confusion.columns)), [_wrap(label, 14) for label in confusion.columns])
    axes.set_yticks(range(len(confusion.index)), [_wrap(label, 18) for label in confusion.index])
    axes.set_xlabel("You said")
    axes.set_ylabel("The key says")
    axes.set_title(title)
    figure.tight_layout()
    return figure


def describe_confusion(confusion: pd.DataFrame) -> str:
    """Return a text description of ``confusion_chart``: how many answers agree with the key, and the biggest mix-ups."""
    total = int(confusion.to_numpy().sum())
    if total == 0:
        return "Text description: the matrix is empty; there are no answers to compare yet."
    agree = sum(int(confusion.iat[index, index]) for index in range(min(confusion.shape)))
    mixups = [
        (int(confusion.loc[key_label, answer]), key_label, answer)
        for key_label in confusion.index
        for answer in confusion.columns
        if key_label != answer and int(confusion.loc[key_label, answer]) > 0
    ]
    mixups.sort(key=lambda item: (-item[0], item[1], item[2]))
    described = "; ".join(f"{count} where the key says {key_label} and you said {answer}" for count, key_label, answer in mixups[:3])
    return (
        f"Text description: a table of your {total} answers, the key's label as rows and yours as columns. "
        f"{agree} of {total} match the key (the diagonal; an answer the key also accepts counts as a match). "
        + (f"The most common differences: {described}." if mixups else "There are no differences.")
    )
