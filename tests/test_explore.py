"""Do the lesson tables show sentences whole, left-aligned and wrapped?"""

from __future__ import annotations

import html

import pandas as pd


def test_does_show_table_keep_sentences_whole_left_aligned_and_wrapped(table: pd.DataFrame) -> None:
    from medialit.lessons.explore import show_table

    longest = max(table["text"], key=len)
    shown = show_table(table[["sentence_id", "words", "text"]].set_index("sentence_id"))
    page = shown._repr_html_()
    assert html.escape(longest) in page, "the longest sentence is shown whole, not cut"
    assert "…" not in page and "..." not in page
    cells = [cell for cell in page.split("<td ")[1:]]
    text_cells = [cell for cell in cells if html.escape(longest) in cell]
    assert text_cells and "text-align:left" in text_cells[0] and "white-space:normal" in text_cells[0]
    number_cells = [cell for cell in cells if cell.split(">", 1)[1].startswith(str(table["words"].iloc[0]) + "<")]
    assert number_cells and "text-align:right" in number_cells[0]
    assert "table-layout:auto" in page and '<th scope="col"' in page and '<th scope="row"' in page
    assert longest in repr(shown), "the plain text keeps the whole sentence too"
