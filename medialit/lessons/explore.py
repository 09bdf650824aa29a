"""Small tables that the lessons compute from an article (pandas only, no plotting)."""

from __future__ import annotations

import html
import textwrap

import pandas as pd

from medialit.text.article import Article, count_words


def words_per_paragraph(sentences: pd.DataFrame) -> pd.Series:
    """Return the number of words in each paragraph, indexed by paragraph number."""
    words = sentences["text"].map(count_words)
    return words.groupby(sentences["paragraph"]).sum().rename("words")


def paragraph_table(sentences: pd.DataFrame) -> pd.DataFrame:
    """Return one row per paragraph: how many sentences and words it has, and how it begins."""
    grouped = sentences.groupby("paragraph")
    return pd.DataFrame(
        {
            "sentences": grouped["sentence"].max(),
            "words": words_per_paragraph(sentences),
            "begins with": grouped["text"].first().map(lambda text: text[:60] + ("…" if len(text) > 60 else "")),
        }
    )


def numbered_paragraphs(article: Article, width: int = 100) -> str:
    """Return the article's text with each paragraph numbered ``[1]``, ``[2]``... and wrapped at ``width``."""
    blocks = []
    for paragraph in range(1, article.paragraph_count + 1):
        text = " ".join(article.paragraph_text(paragraph).split())
        blocks.append(textwrap.fill(text, width=width, initial_indent=f"[{paragraph}] ", subsequent_indent="     "))
    return "\n\n".join(blocks)


# Columns of text longer than this (in characters, at their longest) are shown as wrapped prose.
LONG_TEXT = 30


class Table:
    """A pandas table shown whole: text left-aligned and wrapped between words, numbers right-aligned.

    pandas' own HTML cuts long texts ("...") and JupyterLab right-aligns every cell
    and may lay the table out at a fixed width; this table does neither. Every
    column and row is shown, headers are ``<th scope=...>`` cells, and the plain-text
    form (for text front ends) is pandas' own, without cutting texts.

    Attributes:
        frame: the table shown (a copy; the original is not changed).
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        """Keep a copy of ``frame`` (nothing is shown or changed)."""
        self.frame = frame.copy()

    def _is_text(self, column: object) -> bool:
        values = self.frame[column]
        return not pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)

    def _cell(self, value: object, *, text: bool, long: bool) -> str:
        style = "text-align:left;vertical-align:top" if text else "text-align:right;vertical-align:top"
        if long:
            style += ";white-space:normal;overflow-wrap:normal;word-break:normal;min-width:18em;max-width:48em"
        return f'<td style="{style}">{html.escape(str(value))}</td>'

    def _repr_html_(self) -> str:
        frame = self.frame
        texts = {column: self._is_text(column) for column in frame.columns}
        longs = {
            column: texts[column] and int(frame[column].astype(str).str.len().max() or 0) > LONG_TEXT
            for column in frame.columns
        }
        index_name = " / ".join(str(name) for name in frame.index.names if name is not None)
        head = f'<th scope="col" style="text-align:left">{html.escape(index_name)}</th>' + "".join(
            f'<th scope="col" style="text-align:{"left" if texts[column] else "right"}">{html.escape(str(column))}</th>'
            for column in frame.columns
        )
        rows = []
        for label, row in zip(frame.index, frame.itertuples(index=False, name=None)):
            cells = "".join(
                self._cell(value, text=texts[column], long=longs[column]) for column, value in zip(frame.columns, row)
            )
            rows.append(f'<tr><th scope="row" style="text-align:left;vertical-align:top">{html.escape(str(label))}</th>{cells}</tr>')
        return (
            '<table class="medialit-table" style="table-layout:auto;border-collapse:collapse">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", None, "display.max_rows", None, "display.width", 200):
            return repr(self.frame)


def show_table(frame: pd.DataFrame | pd.Series) -> Table:
    """Return ``frame`` as a ``Table`` to display (the last line of a cell): sentences left-aligned and wrapped, never cut.

    A Series is shown as a one-column table. ``frame`` is not changed.
    """
    return Table(frame.to_frame() if isinstance(frame, pd.Series) else frame)
