"""Is the draft's key file text exactly what ``csv.writer`` writes, on every draft in the kit and on random rows?"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from medialit.draft.drafter import draft_rows
from medialit.keys.key import KEY_COLUMNS
from medialit.keys.write import rows_csv
from medialit.text.article import read_article
from medialit.text.outlets import load_outlets
from tests.conftest import REPO

ARTICLES = [
    *sorted((REPO / "seeds").glob("*.txt")),
    *sorted((REPO / "tests" / "data" / "articles").glob("*.txt")),
    *sorted((REPO / "tests" / "data" / "tuning").glob("*.txt")),
]
# Pieces of field values: what csv quotes (", comma, newline), what it does not, and \r, which newer Pythons quote.
PIECES = [*'abc ,"\n\r\t;\'’“”', "DRAFT:", "", "  ", "\x00", "é", "\u2028", "\x1c", '""']


def _csv_writer_text(rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(KEY_COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


@pytest.mark.parametrize("article", ARTICLES, ids=lambda path: path.stem)
def test_is_every_kit_draft_written_as_csv_writer_writes_it(article: Path) -> None:
    rows = draft_rows(read_article(article), load_outlets())
    assert rows_csv(rows) == _csv_writer_text(rows)


def test_are_random_rows_written_as_csv_writer_writes_them() -> None:
    rng = random.Random(15)
    for _ in range(3000):
        width = rng.choice([1, 2, 3, len(KEY_COLUMNS)])
        rows = [["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6))) for _ in range(width)] for _ in range(rng.randint(0, 4))]
        assert rows_csv(rows) == _csv_writer_text(rows), rows


def test_are_odd_rows_handed_to_csv_writer() -> None:
    rows = [["", ""], [""], [], ["a\rb", "c"], [3, None]]  # type: ignore[list-item]
    for row in rows:
        assert rows_csv([row]) == _csv_writer_text([row]), row
    assert rows_csv(iter([["a", "b"], ["c", 'd"e']])) == _csv_writer_text([["a", "b"], ["c", 'd"e']])
    assert rows_csv(row for row in [["a", "b"], [""]]) == _csv_writer_text([["a", "b"], [""]])
