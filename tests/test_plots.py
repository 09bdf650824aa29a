"""Do the voice-map figures show what they claim, readable without colour, each with a text description?"""

from __future__ import annotations

from collections.abc import Iterator

import matplotlib
import pandas as pd
import pytest

from medialit.key import Key, load_article_key
from medialit.plots import (
    CATEGORY_STYLES,
    OKABE_ITO,
    confusion_chart,
    describe_confusion,
    describe_strip,
    describe_words,
    sentence_strip,
    words_chart,
)
from medialit.voices import confusion_table, voice_table, words_by
from tests.conftest import SEEDS

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def seed_key() -> Key:
    """Return the seed article's key (read only)."""
    return load_article_key(SEEDS / "lavrov-pompeo-sochi-2019.txt")


@pytest.fixture(scope="module")
def table(seed_key: Key) -> pd.DataFrame:
    """Return the seed's voice table."""
    return voice_table(seed_key.article, seed_key)


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    """Close every figure a test opened."""
    yield
    from matplotlib import pyplot

    pyplot.close("all")


def test_are_category_styles_okabe_ito_with_distinct_hatches_and_letters() -> None:
    colours, hatches, letters = zip(*CATEGORY_STYLES.values())
    assert set(colours) <= set(OKABE_ITO)
    assert len(set(colours)) == len(set(hatches)) == len(set(letters)) == 4


def test_does_the_words_chart_draw_one_labelled_bar_per_row(table: pd.DataFrame) -> None:
    words = words_by(table, "category")
    figure = words_chart(words, title="Words by category", by_category=True)
    axes = figure.axes[0]
    bars = axes.containers[0]
    assert [int(bar.get_width()) for bar in bars] == words["words"].tolist()
    assert [str(bar.get_hatch() or "") for bar in bars] == [style[1] for style in CATEGORY_STYLES.values()]
    labels = [text.get_text() for text in axes.texts]
    assert "308 words (42%)" in labels


def test_does_the_words_description_name_every_bar(table: pd.DataFrame) -> None:
    text = describe_words(words_by(table, "speaker"), what="speaker")
    assert text.startswith("Text description:")
    for speaker in ("Sergey Lavrov", "Mike Pompeo", "Sergei Markov", "Pavel Sharikov"):
        assert speaker in text
    assert "Sergei Markov: 224 words (31%)" in text and "longest bar is Sergei Markov" in text


def test_does_the_strip_draw_one_lettered_box_per_sentence_and_a_legend(table: pd.DataFrame) -> None:
    figure = sentence_strip(table)
    axes = figure.axes[0]
    boxes = [patch for patch in axes.patches if patch.get_width() > 0]
    assert len(boxes) == 35
    assert sum(box.get_width() for box in boxes) == 731
    letters = [text.get_text() for text in axes.texts]
    assert letters.count("E*") == 3 and letters[0] == "R"
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend == ["O = official statement", "E = expert opinion", "R = reporting"]


def test_does_the_strip_description_list_every_paragraph(table: pd.DataFrame) -> None:
    text = describe_strip(table)
    assert "1: R |" in text and "11: E E E E E*" in text
    assert "O official statement 16" in text and "F state-media framing 0" in text


def test_does_the_confusion_chart_print_every_count(seed_key: Key) -> None:
    confusion = confusion_table(seed_key, {"P01.S1": "reporting", "P02.S1": "expert opinion", "P03.S2": "expert opinion"})
    figure = confusion_chart(confusion)
    numbers = [text.get_text() for text in figure.axes[0].texts]
    assert len(numbers) == 16
    assert numbers.count("2") == 1 and numbers.count("1") == 1 and numbers.count("0") == 14
    text = describe_confusion(confusion)
    assert "1 of 3 match" in text and "2 where the key says official statement and you said expert opinion" in text


def test_does_an_empty_confusion_say_there_are_no_answers(seed_key: Key) -> None:
    assert "no answers" in describe_confusion(confusion_table(seed_key, {}))
