"""Is every exercise declared once, soundly, with items that exist, and do the lookups find what a submission names?"""

from __future__ import annotations

import dataclasses

import pytest

from medialit.errors import MediaLitError
from medialit.exercises.quiz import available_quizzes
from medialit.exercises.registry import (
    EXERCISES,
    KINDS,
    SEED_ARTICLE,
    Exercise,
    balanced_items,
    declaration_problems,
    exercise,
    exercises,
    for_answers_id,
)
from medialit.keys.key import Key, load_article_key
from tests.conftest import REPO, SEEDS


def test_are_the_kits_declarations_sound() -> None:
    assert declaration_problems(EXERCISES) == []
    assert len({declared.id for declared in EXERCISES}) == len(EXERCISES)


@pytest.mark.parametrize("declared", [d for d in EXERCISES if d.items], ids=lambda d: d.id)
def test_do_the_declared_items_exist_in_the_articles_key(declared: Exercise) -> None:
    key = load_article_key(declared.article)
    assert set(declared.items) <= set(key.sentence_ids)
    assert declared.items_for(key) == list(declared.items)


@pytest.mark.parametrize("declared", EXERCISES, ids=lambda d: d.id)
def test_does_every_declaration_name_a_notebook_that_exists(declared: Exercise) -> None:
    assert (REPO / declared.notebook).is_file()
    if declared.kind == "quiz":
        assert declared.quiz in available_quizzes()


def test_does_every_kind_have_an_exercise_and_every_lesson_with_a_classify_exercise_one() -> None:
    assert {declared.kind for declared in EXERCISES} == set(KINDS)
    lessons = [declared.id for declared in exercises("classify")]
    assert lessons == [
        "02_who_is_speaking", "03_official_statements", "04_state_media_framing",
        "06_expert_opinion_and_evidence", "07_classify_the_article", "09_persuasion_techniques",
    ]
    assert [declared.id for declared in exercises("labels")] == ["01_label_voices"]


def test_does_an_exercise_without_items_cover_every_sentence_and_another_article_get_a_balanced_set() -> None:
    practice = load_article_key(SEEDS / "practice-harbour-talks.txt")
    assert exercise("07_classify_the_article").items_for(practice) == practice.sentence_ids
    speaker = exercise("02_who_is_speaking")
    assert speaker.items_for(practice) == balanced_items(practice, "speaker") != list(speaker.items)
    assert exercise("01_label_voices").items_for(practice) == balanced_items(practice, "category")


def test_are_answers_ids_the_ones_the_answers_files_and_submissions_use() -> None:
    assert exercise("02_who_is_speaking").answers_file_id(SEED_ARTICLE) == f"{SEED_ARTICLE}-02-speaker"
    assert exercise("07_classify_the_article").answers_file_id("harbour") == "harbour-category"
    assert exercise("01_label_voices").answers_file_id(SEED_ARTICLE, "speaker") == "01_label_voices-speaker"
    assert exercise("quiz-discrimination-pre").answers_file_id("harbour") == "discrimination-pre"


def test_does_for_answers_id_find_the_exercise_a_submission_names() -> None:
    assert for_answers_id("harbour-04-category", "harbour").id == "04_state_media_framing"
    assert for_answers_id("harbour-category", "harbour").id == "07_classify_the_article"
    assert for_answers_id("02_count_the_words", "harbour").id == "02_count_the_words"
    assert for_answers_id("harbour-04-category", SEED_ARTICLE) is None
    assert for_answers_id("nothing", SEED_ARTICLE) is None


def test_does_an_unknown_id_or_kind_give_one_line_naming_the_known_ones() -> None:
    with pytest.raises(MediaLitError, match="no such exercise; the exercises are: .*02_who_is_speaking") as error:
        exercise("99_nothing")
    assert "\n" not in str(error.value)
    with pytest.raises(MediaLitError, match="no such kind of exercise"):
        exercises("essay")  # type: ignore[arg-type]


def test_does_the_written_exercise_carry_its_questions_and_points() -> None:
    written = exercise("04_framing_and_evidence")
    assert written.fields == tuple(written.questions) == ("answer_1", "answer_2", "answer_3")
    assert written.points == 3 and written.rubric.startswith(written.notebook)
    assert exercise("02_count_the_words").table_fields() == {"words_by_speaker": "speaker", "words_by_category": "category"}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"id": "02_who_is_speaking", "answers_id": "other"}, "declared twice"),
        ({"fields": ("colour",)}, "a classify exercise asks one of"),
        ({"fields": ("speaker", "category")}, "a classify exercise asks one of"),
        ({"items": ("P01.S1", "P01.S1")}, "listed twice"),
        ({"points": 0}, "points=0"),
        ({"kind": "essay"}, "kind 'essay' is unknown"),
        ({"answers_id": "{article}-category", "id": "new"}, "is used by another exercise"),
    ],
)
def test_does_a_bad_declaration_give_a_one_line_problem(change: dict, problem: str) -> None:
    bad = dataclasses.replace(exercise("02_who_is_speaking"), **change)
    problems = declaration_problems([*EXERCISES, bad] if change.get("id") else [bad])
    assert len(problems) == 1 and problem in problems[0] and "\n" not in problems[0]


def test_do_other_kinds_check_their_own_fields() -> None:
    tables = dataclasses.replace(exercise("02_count_the_words"), fields=("words_by_colour",))
    written = dataclasses.replace(exercise("04_framing_and_evidence"), fields=("answer_1",))
    quiz = dataclasses.replace(exercise("quiz-evidence"), quiz="")
    figure = dataclasses.replace(exercise("03_draw_the_voice_map"), items=("P01.S1",))
    assert [problem.split(": ", 1)[1][:12] for problem in declaration_problems([tables, written, quiz, figure])] == [
        "fields=('wor", "fields=('ans", "names no qui", "a figure exe",
    ]


def test_does_a_broken_registry_fail_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from medialit.exercises import registry

    broken = dataclasses.replace(exercise("02_who_is_speaking"), fields=("colour",))
    monkeypatch.setattr(registry, "EXERCISES", (broken,))
    registry._checked.cache_clear()
    try:
        with pytest.raises(MediaLitError, match=r"^medialit/exercises/registry.py: exercise '02_who_is_speaking': fields="):
            registry.exercise("02_who_is_speaking")
    finally:
        monkeypatch.undo()
        registry._checked.cache_clear()
    assert registry.exercise("02_who_is_speaking").field == "speaker"


def test_does_balanced_items_give_every_label_items(seed_key: Key) -> None:
    items = balanced_items(seed_key, "category")
    labels = {seed_key.value(item, "category") for item in items}
    assert labels == {seed_key.value(item, "category") for item in seed_key.sentence_ids}
    assert items == [sid for sid in seed_key.sentence_ids if sid in set(items)]
