"""Does the vocabulary give every status a mark, words and a colour, and every colour a role?"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from medialit import vocabulary
from medialit.vocabulary import (
    CATEGORIES,
    CATEGORY_COLOURS,
    COLOURS,
    MARKS,
    OKABE_ITO,
    STATUS_COLOURS,
    STATUS_WORDS,
    STATUSES,
)

PACKAGE = Path(__file__).resolve().parent.parent / "medialit"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def test_does_every_status_have_a_mark_words_and_a_colour() -> None:
    for table in (MARKS, STATUS_WORDS, STATUS_COLOURS):
        assert set(table) == set(STATUSES)
    assert set(MARKS.values()) == {vocabulary.MARK_RIGHT, vocabulary.MARK_WRONG, vocabulary.MARK_OPEN}


def test_are_the_category_colours_okabe_ito_and_one_per_category() -> None:
    assert set(CATEGORY_COLOURS) == set(CATEGORIES)
    assert set(CATEGORY_COLOURS.values()) <= set(OKABE_ITO)
    assert len(set(CATEGORY_COLOURS.values())) == len(CATEGORIES)


def test_is_every_colour_a_hex_colour() -> None:
    for colour in [*OKABE_ITO, *COLOURS.values(), *STATUS_COLOURS.values(), *CATEGORY_COLOURS.values()]:
        assert HEX.fullmatch(colour), colour


def test_are_the_months_in_calendar_order() -> None:
    assert len(vocabulary.MONTHS) == 12 and vocabulary.MONTHS[4] == "May" and vocabulary.MONTHS[-1] == "December"


# The modules whose owners have not adopted the vocabulary yet (issue 14): the list may only shrink.
NOT_YET = {"exercises/checks.py", "ui/widgets.py"}


def test_are_hex_colours_written_only_in_the_vocabulary() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name == "vocabulary.py" or name in NOT_YET:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and HEX.search(node.value):
                found.append(f"{name}:{node.lineno}")
    assert found == []
