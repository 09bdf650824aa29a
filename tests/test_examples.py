"""Are the category examples picked from the key, one per category, clear-cut sentences first?"""

from __future__ import annotations

import dataclasses

from medialit.lessons.examples import NONE_FOUND, PREFERRED_CLEAR, category_examples, describe_examples
from medialit.keys.key import list_field, load_article_key
from medialit.vocabulary import CATEGORIES

from tests.conftest import SEED_ARTICLE

KEY = load_article_key(SEED_ARTICLE)


def test_does_every_category_get_an_example_that_the_key_supports() -> None:
    examples = category_examples(KEY)
    assert examples["category"].tolist() == list(CATEGORIES)
    for row in examples.itertuples(index=False):
        assert row.sentence_id in KEY.table.index
        accepted = [KEY.value(row.sentence_id, "category"), *list_field(KEY.value(row.sentence_id, "also_acceptable"))]
        assert row.category in accepted
        assert row.text == KEY.value(row.sentence_id, "text")
        if row.how == PREFERRED_CLEAR:
            assert accepted == [row.category]


def test_is_a_clear_cut_sentence_preferred_over_an_earlier_ambiguous_one() -> None:
    examples = category_examples(KEY).set_index("category")
    first_official = KEY.table.index[KEY.table["category"] == "official statement"][0]
    assert list_field(KEY.value(first_official, "also_acceptable"))  # the first is ambiguous...
    assert examples.at["official statement", "sentence_id"] != first_official  # ...so a clear one is shown


def test_does_a_category_the_key_never_uses_say_so() -> None:
    table = KEY.table.copy()
    table["also_acceptable"] = ""
    table.loc[table["category"] == "reporting", "category"] = "expert opinion"
    examples = category_examples(dataclasses.replace(KEY, table=table)).set_index("category")
    assert examples.at["reporting", "how"] == NONE_FOUND
    assert examples.at["state-media framing", "how"] == NONE_FOUND
    text = describe_examples(examples.reset_index())
    assert "REPORTING: no sentence of this article." in text


def test_does_the_description_show_sentence_speaker_and_reason() -> None:
    examples = category_examples(KEY)
    text = describe_examples(examples, width=10_000)
    for row in examples.itertuples(index=False):
        assert f"{row.category.upper()}: {row.sentence_id}, {row.how}; speaker: {row.speaker}" in text
        assert f"Sentence: {row.text}" in text and f"Why: {row.explanation}" in text
