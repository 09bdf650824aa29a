"""Figures for the lessons: colour-blind-safe colours and a text description for every figure.

matplotlib is imported inside the functions, so importing this module is cheap.
Every function returns the figure and draws nothing else; the lesson shows it.
"""

from __future__ import annotations

import base64
import html
import io
import textwrap
from typing import TYPE_CHECKING

import pandas as pd

from medialit.vocabulary import CATEGORY_COLOURS, COLOURS, OKABE_ITO  # OKABE_ITO: re-exported for lessons and tests

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Hatching patterns, so that bars can be told apart without colour too.
HATCHES = ["", "//", "..", "xx", "\\\\", "oo", "--", "++"]


def _for_display(figure: Figure) -> Figure:
    """Return ``figure``, marked as up to date when Jupyter's inline backend will show it (changes nothing else).

    After each cell, pyplot redraws every figure marked "stale" (for interactive
    windows); the inline backend then draws the figure again to make its PNG. The
    first drawing is never seen and costs about a third of the figure's time, so a
    new figure is marked as drawn. Any later change marks it stale again; other
    backends are left alone.
    """
    import matplotlib

    if matplotlib.get_backend().endswith("backend_inline"):
        figure.stale = False
    return figure


class FigureWithText:
    """A chart and its text description, displayed as one HTML figure whose image carries the description as alt text.

    Jupyter shows it as ``<figure>``: the chart as a PNG ``<img alt="...">`` (screen
    readers read the description; JupyterLab and Voila both show HTML outputs) and the
    same description below it as a caption in the page's own font, so it wraps between
    words. Plain-text front ends get the description, wrapped at ``width`` characters.

    Attributes:
        png: the chart as PNG bytes (no SVG, no time stamp: stored outputs stay the same run after run).
        description: the text description.
    """

    def __init__(self, png: bytes, description: str, width: int = 100) -> None:
        """Keep the PNG bytes and the description (nothing is drawn or shown)."""
        self.png = png
        self.description = description
        self.width = width

    def _repr_html_(self) -> str:
        source = base64.b64encode(self.png).decode("ascii")
        text = html.escape(self.description, quote=True)
        return (
            '<figure class="medialit-figure" style="margin:0.5em 0">'
            f'<img src="data:image/png;base64,{source}" alt="{text}" style="max-width:100%;height:auto">'
            '<figcaption aria-hidden="true" style="font-family:var(--jp-content-font-family, sans-serif);'
            f'white-space:normal;overflow-wrap:normal;word-break:normal;max-width:60em">{text}</figcaption>'
            "</figure>"
        )

    def __repr__(self) -> str:
        return textwrap.fill(self.description, width=self.width, break_long_words=False, break_on_hyphens=False)


def show_figure(figure: Figure, description: str) -> FigureWithText:
    """Return ``figure`` as a ``FigureWithText`` to display (the last line of a cell), and close the figure.

    The PNG is drawn here, as Jupyter's inline backend would draw it (tight bounding
    box), and the figure is closed so that the backend does not show it a second time,
    without its alt text. Use ``figure`` no further after this call.
    """
    from matplotlib import pyplot

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    pyplot.close(figure)
    return FigureWithText(buffer.getvalue(), description)


def bar_chart(values: pd.Series, *, title: str, xlabel: str, ylabel: str, horizontal: bool = False) -> Figure:
    """Return a bar chart of ``values`` (index = bar labels) with value labels on the bars."""
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(8, 4 if not horizontal else max(2.5, 0.45 * len(values) + 1)))
    labels = [str(label) for label in values.index]
    if horizontal:
        bars = axes.barh(labels, values.to_numpy(), color=COLOURS["bar"], edgecolor="black")
        axes.invert_yaxis()
    else:
        bars = axes.bar(labels, values.to_numpy(), color=COLOURS["bar"], edgecolor="black")
    axes.bar_label(bars, padding=2, fontsize=9)
    axes.set_title(title)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return _for_display(figure)


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
    "official statement": (CATEGORY_COLOURS["official statement"], "", "O"),
    "state-media framing": (CATEGORY_COLOURS["state-media framing"], "//", "F"),
    "expert opinion": (CATEGORY_COLOURS["expert opinion"], "..", "E"),
    "reporting": (CATEGORY_COLOURS["reporting"], "xx", "R"),
}
OTHER_STYLE = (COLOURS["other"], "++", "?")
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
        colours, hatches = [COLOURS["bar"]] * len(words), [""] * len(words)
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
    return _for_display(figure)


def _labelled_bars(
    axes: Axes,
    labels: list[str],
    values: list[float],
    value_labels: list[str],
    *,
    colours: list[str],
    hatches: list[str],
) -> None:
    """Draw horizontal bars on ``axes``, first at the top, each named on its left and labelled with its value.

    There is no scale and no axis: the labels carry the numbers, and plain texts draw
    much faster than an axis's ticks. Changes only ``axes``.
    """
    rows = list(range(len(labels)))
    bars = axes.barh(rows, values, color=colours, edgecolor="black", hatch=hatches)
    axes.bar_label(bars, labels=value_labels, padding=3, fontsize=9)
    for row, label in zip(rows, labels):
        axes.text(-0.01, row, label, transform=axes.get_yaxis_transform(), ha="right", va="center")
    axes.set_ylim(len(labels) - 0.5, -0.5)
    axes.xaxis.set_visible(False)
    axes.yaxis.set_visible(False)
    axes.spines[["top", "right", "bottom"]].set_visible(False)


def words_charts(by_speaker: pd.DataFrame, by_category: pd.DataFrame) -> Figure:
    """Return one figure of two bar charts of ``voices.words_by`` tables: words by speaker above, by category below.

    Each bar is named on its left and labelled with its words and share on its right,
    so there is no scale; the category bars take each category's colour and hatching.
    One figure draws faster than two.
    """
    from matplotlib import pyplot

    figure, panels = pyplot.subplots(
        2, 1, figsize=(8, 0.45 * (len(by_speaker) + len(by_category)) + 1.6),
        height_ratios=[max(1, len(by_speaker)), max(1, len(by_category))],
    )
    styles = [_style(str(label)) for label in by_category.index]
    panels_content = (
        (by_speaker, "Words by speaker", [COLOURS["bar"]] * len(by_speaker), [""] * len(by_speaker)),
        (by_category, "Words by category", [style[0] for style in styles], [style[1] for style in styles]),
    )
    for axes, (words, title, colours, hatches) in zip(panels, panels_content):
        _labelled_bars(
            axes, [_wrap(label) for label in words.index], words["words"].tolist(),
            [f"{int(row.words)} words ({row.share:.0f}%)" for row in words.itertuples()],
            colours=colours, hatches=hatches,
        )
        axes.set_xlim(0, max(1, int(words["words"].max())) * 1.35)
        axes.set_title(title, loc="left")
    figure.tight_layout()
    return _for_display(figure)


def percent_chart(percents: pd.Series, *, title: str) -> Figure:
    """Return a horizontal bar chart of percentages (index = bar names, first at the top), each bar labelled "NN%".

    The bars run on a fixed 0-100 scale, so charts of different classes compare; the
    labels carry the numbers, so there is no scale to read (and less to draw).
    """
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(7, max(2.0, 0.32 * len(percents) + 1.0)))
    _labelled_bars(
        axes, [str(label) for label in percents.index], percents.tolist(), [f"{value:.0f}%" for value in percents],
        colours=[COLOURS["bar"]] * len(percents), hatches=[""] * len(percents),
    )
    axes.set_xlim(0, 112)
    axes.set_title(title, loc="left")
    figure.tight_layout()
    return _for_display(figure)


def _words_bars(words: pd.DataFrame) -> str:
    parts = [f"{label}: {int(row['words'])} words ({row['share']:.0f}%)" for label, row in words.iterrows()]
    return "; ".join(parts) + f". The longest bar is {words['words'].idxmax()}."


def describe_words(words: pd.DataFrame, *, what: str) -> str:
    """Return a text description of a ``words_chart``: every bar with its words and share, in the chart's order."""
    if words.empty or int(words["words"].sum()) == 0:
        return f"Text description: the chart of words by {what} is empty."
    return (
        f"Text description: a bar chart of the article's {int(words['words'].sum())} words by {what}, "
        f"{len(words)} bars. " + _words_bars(words)
    )


def describe_words_charts(by_speaker: pd.DataFrame, by_category: pd.DataFrame) -> str:
    """Return a text description of ``words_charts``: both charts, every bar with its words and share, in order."""
    if by_speaker.empty or int(by_speaker["words"].sum()) == 0:
        return "Text description: the charts of words by speaker and by category are empty."
    return (
        f"Text description: two bar charts of the article's {int(by_speaker['words'].sum())} words, one above the "
        f"other. Top, by speaker, {len(by_speaker)} bars: " + _words_bars(by_speaker)
        + f" Bottom, by category, {len(by_category)} bars: " + _words_bars(by_category)
    )


def _legend_handles(categories: list[str]) -> list:
    """Return a legend entry per category: its colour, labelled "letter = category"."""
    from matplotlib.patches import Patch

    handles = []
    for category in categories:
        colour, _, letter = _style(category)
        handles.append(Patch(facecolor=colour, edgecolor="black", label=f"{letter} = {category}"))
    return handles


def sentence_strip(table: pd.DataFrame, *, title: str = "The article, sentence by sentence") -> Figure:
    """Return the article as strips of sentences, one strip per paragraph, each sentence coloured by category.

    ``table`` is a ``voices.voice_table``. Each box is as wide as the sentence has
    words and carries the category's letter (with ``*`` where the key also accepts
    another category), in black or white, whichever reads better on the colour, so
    the figure reads without colour. A legend names the categories. The boxes are
    one collection (``figure.axes[0].collections[0]``, one path per sentence, in
    table order), which draws much faster than a patch per sentence.
    """
    from matplotlib import pyplot
    from matplotlib.collections import PolyCollection

    paragraphs = list(dict.fromkeys(table["paragraph"]))
    rows = [paragraphs.index(paragraph) for paragraph in table["paragraph"]]
    widths = [int(words) for words in table["words"]]
    starts = [int(start) for start in table.groupby("paragraph", sort=False)["words"].cumsum() - table["words"]]
    styles = [_style(category) for category in table["category"]]
    also = table["also_acceptable"] if "also_acceptable" in table else [""] * len(table)
    inches_wide, inches_high = 9.0, 0.3 * len(paragraphs) + 1.6
    figure, axes = pyplot.subplots(figsize=(inches_wide, inches_high))
    # Fixed margins in inches (labels left and below, title and legend above): cheaper than tight_layout.
    figure.subplots_adjust(left=0.7 / inches_wide, right=1 - 0.2 / inches_wide, bottom=0.6 / inches_high,
                           top=1 - 0.9 / inches_high)
    boxes = [
        [(start, row - 0.4), (start + width, row - 0.4), (start + width, row + 0.4), (start, row + 0.4)]
        for start, width, row in zip(starts, widths, rows)
    ]
    axes.add_collection(
        PolyCollection(boxes, facecolors=[style[0] for style in styles], edgecolors="black", linewidths=1)
    )
    for start, width, row, (colour, _, letter), accepted in zip(starts, widths, rows, styles, also):
        mark = axes.text(start + width / 2, row, letter + (ALSO_ACCEPTED_MARK if accepted else ""), ha="center",
                         va="center", fontsize=9, fontweight="bold", color=_text_colour(colour))
        mark.set_in_layout(False)  # inside its box: no need to measure it for the layout
    axes.set_xlim(0, max([1, *(start + width for start, width in zip(starts, widths))]) * 1.02)
    axes.set_ylim(len(paragraphs) - 0.5, -0.5)
    for row, paragraph in enumerate(paragraphs):  # plain texts: much cheaper to draw than an axis's ticks
        axes.text(-0.01, row, str(paragraph), transform=axes.get_yaxis_transform(), ha="right", va="center")
    axes.annotate("Paragraph", (0, 0.5), xycoords="axes fraction", xytext=(-26, 0), textcoords="offset points",
                  rotation=90, ha="right", va="center")
    axes.yaxis.set_visible(False)
    axes.set_xlabel(f"Words (each box is one sentence; {ALSO_ACCEPTED_MARK} = another category is also accepted)")
    axes.set_title(title, pad=30)
    present = [category for category in CATEGORY_STYLES if category in set(table["category"])]
    present += sorted(set(table["category"]) - set(CATEGORY_STYLES))
    axes.legend(handles=_legend_handles(present), loc="lower center", bbox_to_anchor=(0.5, 1.0),
                ncol=min(4, max(1, len(present))), frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _for_display(figure)


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
    The columns' axis is named after the table's column name (``classroom.class_confusion``: "Students said").
    """
    from matplotlib import pyplot

    values = confusion.to_numpy()
    rows, columns = values.shape
    figure, axes = pyplot.subplots(figsize=(1.2 * columns + 2.6, 0.9 * rows + 1.8))
    # One square per cell; pcolormesh draws faster than imshow (no image resampling).
    axes.pcolormesh(values, cmap="Blues", vmin=0, vmax=max(1, int(values.max())), edgecolors="white", linewidth=1)
    axes.set_xlim(0, columns)
    axes.set_ylim(rows, 0)
    axes.set_aspect("equal")
    limit = max(1, int(values.max())) / 2
    for row in range(rows):
        for column in range(columns):
            count = int(values[row, column])
            weight = "bold" if row == column else "normal"
            axes.text(column + 0.5, row + 0.5, str(count), ha="center", va="center", fontsize=12, fontweight=weight,
                      color="white" if count > limit else "black")
    axes.set_xticks([column + 0.5 for column in range(columns)], [_wrap(label, 14) for label in confusion.columns])
    axes.set_yticks([row + 0.5 for row in range(rows)], [_wrap(label, 18) for label in confusion.index])
    axes.set_xlabel(str(confusion.columns.name or "you said").capitalize())  # "You said", "Students said"
    axes.set_ylabel("The key says")
    axes.set_title(title)
    figure.tight_layout()
    return _for_display(figure)


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
    accepted = int(confusion.attrs.get("accepted", 0))
    also = (
        f"{accepted} of them {'is an answer' if accepted == 1 else 'are answers'} the key also accepts, counted on "
        "the row of the key's preferred label"
        if accepted
        else "an answer the key also accepts would count there, on the row of the key's preferred label"
    )
    return (
        f"Text description: a table of your {total} answers, the key's preferred label as rows and yours as columns. "
        f"{agree} of {total} match the key (the diagonal; {also}). "
        + (f"The most common differences: {described}." if mixups else "There are no differences.")
    )
