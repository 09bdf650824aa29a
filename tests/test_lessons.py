"""Do the lessons' exercises punish one label for everything, mix plain and framed sentences, and match the notebooks?"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.article import read_article
from medialit.errors import MediaLitError
from medialit.key import Key, load_article_key
from medialit.lessons import (
    LESSON_EXERCISES,
    SEED_ARTICLE,
    article_metadata,
    balanced_items,
    constant_answer_scores,
    describe_constant_answers,
    exercise_id,
    exercise_items,
    lesson_exercise,
)
from medialit.scoring import choices, expected, score_answers
from medialit.vocabulary import NO_TECHNIQUE
from tests.conftest import REPO, SEEDS

LESSONS = sorted(LESSON_EXERCISES)


@pytest.fixture(scope="module")
def practice_key() -> Key:
    """Return the practice article's key (read only)."""
    return load_article_key(SEEDS / "practice-harbour-talks.txt")


@pytest.mark.parametrize("lesson", LESSONS)
def test_does_answering_every_item_with_one_label_score_badly(seed_key: Key, lesson: str) -> None:
    entry = LESSON_EXERCISES[lesson]
    scores = constant_answer_scores(seed_key, entry["field"], entry["items"])
    assert set(scores.index) == set(choices(seed_key, entry["field"])), "every label the learner can pick is tried"
    assert scores.max() < 0.5, f"{lesson}: answering {scores.idxmax()!r} everywhere scores {scores.max():.2f}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_does_answering_like_the_key_score_full_marks(seed_key: Key, lesson: str) -> None:
    entry = LESSON_EXERCISES[lesson]
    answers = {item: expected(seed_key, entry["field"], item)[0] for item in entry["items"]}
    assert score_answers(seed_key, answers, entry["field"], entry["items"]).balanced == 1.0


@pytest.mark.parametrize("lesson", LESSONS)
def test_does_each_exercise_mix_plain_sentences_with_framed_ones(seed_key: Key, lesson: str) -> None:
    entry = LESSON_EXERCISES[lesson]
    items = entry["items"]
    assert len(items) == len(set(items)) and 8 <= len(items) <= 20
    assert set(items) <= set(seed_key.sentence_ids)
    if entry["field"] == "techniques":
        plain = [item for item in items if expected(seed_key, "techniques", item)[0] == NO_TECHNIQUE]
        framed = [item for item in items if item not in plain]
    else:
        plain = [item for item in items if seed_key.value(item, "category") == "reporting"]
        framed = [item for item in items if seed_key.value(item, "also_acceptable") or seed_key.value(item, "techniques")]
    assert plain, f"{lesson}: no plain sentence among the items"
    assert framed, f"{lesson}: no framed sentence among the items"
    assert len({expected(seed_key, entry["field"], item)[0] for item in items}) >= 3


def test_does_the_techniques_exercise_cover_paragraphs_10_to_14_with_and_without_techniques(seed_key: Key) -> None:
    items = LESSON_EXERCISES["08_persuasion_techniques"]["items"]
    assert items == [sid for sid in seed_key.sentence_ids if 10 <= int(sid[1:3]) <= 14]
    none = [item for item in items if seed_key.value(item, "techniques") == ""]
    assert len(none) == 10 and len(items) - len(none) == 7


@pytest.mark.parametrize("lesson", LESSONS)
def test_does_a_balanced_set_on_another_article_also_punish_one_label(practice_key: Key, lesson: str) -> None:
    field = LESSON_EXERCISES[lesson]["field"]
    items = exercise_items(lesson, practice_key)
    assert items == balanced_items(practice_key, field)
    assert set(items) <= set(practice_key.sentence_ids)
    assert constant_answer_scores(practice_key, field, items).max() < 0.5


def test_are_the_chosen_items_used_on_the_seed_article(seed_key: Key) -> None:
    for lesson, entry in LESSON_EXERCISES.items():
        assert exercise_items(lesson, seed_key) == entry["items"]


def test_does_each_lesson_have_its_own_answers_file_apart_from_lesson_06() -> None:
    ids = [exercise_id(lesson, SEED_ARTICLE) for lesson in LESSONS]
    assert len(set(ids)) == len(ids)
    assert f"{SEED_ARTICLE}-category" not in ids
    assert exercise_id("02_who_is_speaking", SEED_ARTICLE) == f"{SEED_ARTICLE}-02-speaker"


def test_does_an_unknown_lesson_give_a_clear_error() -> None:
    with pytest.raises(MediaLitError, match="no such lesson exercise"):
        lesson_exercise("99_nothing")


@pytest.mark.parametrize("lesson", LESSONS)
def test_does_the_lesson_notebook_take_its_items_from_the_shared_table(lesson: str) -> None:
    path = REPO / "notebooks" / f"{lesson}.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = "\n".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")
    assert f'LESSON = "{lesson}"' in code
    assert "exercise_items(LESSON" in code and "classify(" in code
    assert f'field="{LESSON_EXERCISES[lesson]["field"]}"' in code


def test_does_describe_constant_answers_give_the_best_constant_score(seed_key: Key) -> None:
    entry = LESSON_EXERCISES["04_state_media_framing"]
    text = describe_constant_answers(seed_key, entry["field"], entry["items"])
    assert "best balanced score you could get is 40% (answering “official statement” every time)" in text
    speaker = LESSON_EXERCISES["02_who_is_speaking"]
    assert "20%, whichever answer" in describe_constant_answers(seed_key, "speaker", iter(speaker["items"]))


def test_does_article_metadata_say_the_publisher_is_unverified(seed_key: Key, tmp_path: Path) -> None:
    publisher = article_metadata(seed_key.article)["publisher"]
    assert "not been verified" in publisher["unverified"]
    article = tmp_path / "bare.txt"
    article.write_text("One sentence.", encoding="utf-8")
    assert article_metadata(read_article(article)) == {}
    (tmp_path / "bare.meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(MediaLitError, match="bare.meta.json: is not valid JSON"):
        article_metadata(read_article(article))
