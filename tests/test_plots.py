"""Do the voice-map figures show what they claim, readable without colour, each with a text description?"""

from __future__ import annotations

import html
from collections.abc import Iterator

import matplotlib
import pandas as pd
import pytest
from matplotlib.colors import to_rgba

from medialit.keys.key import Key
from medialit.lessons.plots import (
    CATEGORY_STYLES,
    OKABE_ITO,
    confusion_chart,
    describe_confusion,
    describe_strip,
    describe_words,
    describe_words_charts,
    percent_chart,
    show_figure,
    sentence_strip,
    words_chart,
    words_charts,
)
from medialit.lessons.voices import confusion_table, words_by

matplotlib.use("Agg")


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


def test_does_the_two_panel_words_chart_name_and_label_every_bar(table: pd.DataFrame) -> None:
    by_speaker, by_category = words_by(table, "speaker"), words_by(table, "category")
    figure = words_charts(by_speaker, by_category)
    top, bottom = figure.axes
    assert [int(bar.get_width()) for bar in top.containers[0]] == by_speaker["words"].tolist()
    assert [int(bar.get_width()) for bar in bottom.containers[0]] == by_category["words"].tolist()
    hatches = [str(bar.get_hatch() or "") for bar in bottom.containers[0]]
    assert hatches == [style[1] for style in CATEGORY_STYLES.values()]
    top_texts = [text.get_text() for text in top.texts]
    assert "Sergei Markov" in top_texts and "224 words (31%)" in top_texts
    bottom_texts = [text.get_text() for text in bottom.texts]
    assert "expert opinion" in bottom_texts and "308 words (42%)" in bottom_texts


def test_does_the_two_panel_description_name_every_bar_of_both_charts(table: pd.DataFrame) -> None:
    text = describe_words_charts(words_by(table, "speaker"), words_by(table, "category"))
    assert text.startswith("Text description: two bar charts of the article's 731 words")
    assert "Top, by speaker, 5 bars: " in text and "Sergei Markov: 224 words (31%)" in text
    assert "Bottom, by category, 4 bars: " in text and "state-media framing: 0 words (0%)" in text
    assert "The longest bar is expert opinion." in text


def test_does_the_percent_chart_label_each_bar_with_its_percent_hardest_first() -> None:
    percents = pd.Series([40.0, 66.7, 100.0], index=["P14.S2", "P10.S2", "P01.S1"])
    figure = percent_chart(percents, title="The hardest sentences")
    axes = figure.axes[0]
    assert [bar.get_width() for bar in axes.containers[0]] == [40.0, 66.7, 100.0]
    texts = [text.get_text() for text in axes.texts]
    assert ["P14.S2", "P10.S2", "P01.S1"] == [label for label in texts if label.startswith("P")]
    assert {"40%", "67%", "100%"} <= set(texts)
    assert axes.containers[0][0].get_y() < axes.containers[0][1].get_y() and axes.yaxis_inverted()


def test_does_the_words_description_name_every_bar(table: pd.DataFrame) -> None:
    text = describe_words(words_by(table, "speaker"), what="speaker")
    assert text.startswith("Text description:")
    for speaker in ("Sergey Lavrov", "Mike Pompeo", "Sergei Markov", "Pavel Sharikov"):
        assert speaker in text
    assert "Sergei Markov: 224 words (31%)" in text and "longest bar is Sergei Markov" in text


def test_does_the_strip_draw_one_lettered_box_per_sentence_and_a_legend(table: pd.DataFrame) -> None:
    figure = sentence_strip(table)
    axes = figure.axes[0]
    boxes = axes.collections[0]
    assert len(boxes.get_paths()) == 35
    assert sum(path.get_extents().width for path in boxes.get_paths()) == 731
    colours = [to_rgba(CATEGORY_STYLES[category][0]) for category in table["category"]]
    assert [tuple(colour) for colour in boxes.get_facecolors()] == colours
    letters = [text.get_text() for text in axes.texts]
    assert letters.count("E*") == 0 and letters.count("O*") == 5 and letters[0] == "R"
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend == ["O = official statement", "E = expert opinion", "R = reporting"]


def test_does_the_strip_description_list_every_paragraph(table: pd.DataFrame) -> None:
    text = describe_strip(table)
    assert "1: R |" in text and "11: E E E E E |" in text and "9: R O* |" in text
    assert "O official statement 16" in text and "F state-media framing 0" in text


def test_does_the_confusion_chart_print_every_count(seed_key: Key) -> None:
    confusion = confusion_table(seed_key, {"P01.S1": "reporting", "P02.S1": "expert opinion", "P03.S2": "expert opinion"})
    figure = confusion_chart(confusion)
    numbers = [text.get_text() for text in figure.axes[0].texts]
    assert len(numbers) == 16
    assert figure.axes[0].get_xlabel() == "You said" and figure.axes[0].get_ylabel() == "The key says"
    assert numbers.count("2") == 1 and numbers.count("1") == 1 and numbers.count("0") == 14
    text = describe_confusion(confusion)
    assert "1 of 3 match" in text and "2 where the key says official statement and you said expert opinion" in text


def test_does_an_empty_confusion_say_there_are_no_answers(seed_key: Key) -> None:
    assert "no answers" in describe_confusion(confusion_table(seed_key, {}))


def test_does_an_accepted_alternative_show_as_a_match_in_the_confusion_description(seed_key: Key) -> None:
    confusion = confusion_table(seed_key, {"P02.S2": "state-media framing", "P01.S1": "reporting"})
    text = describe_confusion(confusion)
    assert "2 of 2 match the key" in text and "1 of them is an answer the key also accepts" in text
    assert "There are no differences." in text


def test_does_a_shown_figure_carry_its_description_as_alt_text(table: pd.DataFrame) -> None:
    from matplotlib import pyplot

    figure = sentence_strip(table)
    description = describe_strip(table)
    shown = show_figure(figure, description)
    page = shown._repr_html_()
    assert page.startswith('<figure class="medialit-figure"')
    assert '<img src="data:image/png;base64,' in page
    assert f'alt="{html.escape(description, quote=True)}"' in page
    assert f">{html.escape(description, quote=True)}</figcaption>" in page
    assert shown.png.startswith(b"\x89PNG") and b"tIME" not in shown.png, "no time stamp in the PNG"
    assert not pyplot.fignum_exists(figure.number), "closed, so the inline backend does not show it again"


def test_is_the_plain_text_of_a_shown_figure_wrapped_between_words(table: pd.DataFrame) -> None:
    description = describe_strip(table)
    text = repr(show_figure(sentence_strip(table), description))
    assert all(len(line) <= 100 for line in text.splitlines())
    assert text.split() == description.split(), "wrapped only at spaces: no word cut"

