"""Is scoring fair: alternatives accepted, partial credit for techniques, no item too heavy, guessing one label fails?"""

from __future__ import annotations

import pytest

from medialit.exercises.registry import exercises
from medialit.keys.key import Key, list_field, load_key
from medialit.exercises.scoring import (
    CONSTANT_ANSWER_BOUND,
    MAX_ITEM_SHARE,
    Score,
    capped_weights,
    choices,
    expected,
    score_answers,
    score_item,
    techniques_credit,
)
from medialit.vocabulary import EXERCISE_FIELDS, NO_TECHNIQUE
from tests.conftest import SEEDS

SEED_KEY = SEEDS / "lavrov-pompeo-sochi-2019.key.csv"
# Every scored item set on the seed article, from the registry: the lessons' exercises, the capstone (its items are
# [] = every sentence), and each part of the labelling assignment.
EXERCISES: dict[str, tuple[str, list[str]]] = {
    **{declared.id: (declared.field, list(declared.items)) for declared in exercises("classify")},
    **{f"assignment_{field}": (field, list(declared.items)) for declared in exercises("labels") for field in declared.fields},
}


@pytest.fixture(scope="module")
def key() -> Key:
    """Return the seed's answer key."""
    return load_key(SEED_KEY)


def items_of(key: Key, name: str) -> tuple[str, list[str]]:
    field, items = EXERCISES[name]
    return field, items or key.sentence_ids


# --- claim-type alternatives ---------------------------------------------------------------------------------


def test_does_a_defensible_claim_type_earn_full_credit_and_name_the_preferred(key: Key) -> None:
    result = score_item(key, "claim_type", "P03.S3", "prediction")
    assert result.status == "acceptable" and result.credit == 1.0 and result.mark == "✔"
    assert "the key prefers “opinion”" in result.feedback


def test_does_the_seed_key_accept_the_claim_type_alternatives_the_guide_calls_defensible(key: Key) -> None:
    accepted = {sid: list_field(key.value(sid, "claim_type_also")) for sid in key.sentence_ids if key.value(sid, "claim_type_also")}
    assert accepted == {
        "P03.S3": ["prediction"],
        "P05.S1": ["verifiable fact"],
        "P08.S1": ["prediction"],
        "P09.S2": ["verifiable fact"],
        "P11.S1": ["opinion"],
        "P12.S1": ["prediction"],
        "P14.S3": ["prediction"],
    }


def test_is_a_claim_type_outside_the_alternatives_still_wrong(key: Key) -> None:
    result = score_item(key, "claim_type", "P03.S3", "allegation")
    assert result.status == "wrong" and result.credit == 0.0
    assert "also accepted: prediction" in result.feedback


# --- partial credit for techniques ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "preferred", "extras", "credit"),
    [
        ("loaded language", "loaded language", (), 1.0),
        ("none", "none", (), 1.0),
        (None, "none", (), 0.0),
        ("none", "loaded language", (), 0.0),
        ("loaded language", "none", (), 0.0),
        ("loaded language", "exaggeration/minimisation;loaded language", (), 2 / 3),  # one of two
        ("loaded language;repetition", "loaded language", (), 2 / 3),  # one extra tag
        ("loaded language;repetition", "loaded language", ("repetition",), 1.0),  # an accepted extra costs nothing
        ("repetition", "none", ("repetition",), 1.0),
        ("doubt;repetition", "exaggeration/minimisation;loaded language", (), 0.0),
        ("doubt;loaded language;repetition", "exaggeration/minimisation;loaded language", (), 0.4),  # 2*1/(3+2)
    ],
)
def test_is_techniques_credit_the_f1_of_the_sets(answer: str | None, preferred: str, extras: tuple[str, ...], credit: float) -> None:
    assert techniques_credit(answer, preferred, extras) == pytest.approx(credit)


def test_does_a_partly_right_set_say_so_in_words_and_count_in_the_score(key: Key) -> None:
    result = score_item(key, "techniques", "P10.S2", ["name calling/labeling"])
    assert result.partly_right and result.mark == "✘"
    assert result.feedback.startswith("✘ Partly right (67% credit)")
    score = score_answers(key, {"P10.S2": ["name calling/labeling"]}, "techniques", ["P10.S2"])
    assert score.balanced == pytest.approx(2 / 3) and score.credited == 0
    assert "1 partly right" in score.summary()


def test_is_a_set_with_only_accepted_extras_acceptable(key: Key) -> None:
    result = score_item(key, "techniques", "P11.S4", ["causal oversimplification", "obfuscation/intentional vagueness"])
    assert result.status == "acceptable" and result.credit == 1.0
    assert score_item(key, "techniques", "P11.S3", ["loaded language"]).status == "acceptable"  # 'illegally'


def test_does_tagging_everything_with_every_technique_score_badly(key: Key) -> None:
    field, items = items_of(key, "09_persuasion_techniques")
    everything = [label for label in choices(key, field) if label != NO_TECHNIQUE]
    score = score_answers(key, {item: everything for item in items}, field, items)
    assert score.balanced < 0.2


# --- weights -----------------------------------------------------------------------------------------------------


def test_do_capped_weights_sum_to_one_and_respect_the_cap() -> None:
    weights = capped_weights({"a": ["1"], "b": ["2"], "c": [str(n) for n in range(3, 23)]})
    assert sum(weights.values()) == pytest.approx(1.0)
    assert max(weights.values()) == pytest.approx(MAX_ITEM_SHARE)
    assert weights["3"] == pytest.approx(0.8 / 20)


def test_does_a_small_exercise_weigh_its_items_equally() -> None:
    weights = capped_weights({"a": ["1"], "b": ["2", "3", "4"]})
    assert set(round(value, 9) for value in weights.values()) == {0.25}


@pytest.mark.parametrize("name", EXERCISES)
def test_does_no_single_item_carry_more_than_the_stated_share(key: Key, name: str) -> None:
    field, items = items_of(key, name)
    score = score_answers(key, {}, field, items)
    assert sum(score.weights.values()) == pytest.approx(1.0)
    assert score.largest_item_share <= max(MAX_ITEM_SHARE, 1 / len(items)) + 1e-9


def test_do_the_two_reporting_sentences_no_longer_make_a_third_of_the_capstone(key: Key) -> None:
    score = score_answers(key, {}, "category")
    reporting = [sid for sid in key.sentence_ids if key.value(sid, "category") == "reporting"]
    assert sum(score.weights[sid] for sid in reporting) == pytest.approx(0.2)


def test_do_three_debatable_technique_items_no_longer_carry_half_of_lesson_08(key: Key) -> None:
    field, items = items_of(key, "09_persuasion_techniques")
    score = score_answers(key, {}, field, items)
    singles = [sid for sid in items if sum(expected(key, field, other)[0] == expected(key, field, sid)[0] for other in items) == 1]
    assert len(singles) >= 3
    assert sum(score.weights[sid] for sid in singles) <= 0.1 * len(singles) + 1e-9


# --- constant answers ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXERCISES)
def test_does_a_constant_answer_score_at_most_the_stated_share(key: Key, name: str) -> None:
    field, items = items_of(key, name)
    for label in choices(key, field):
        score = score_answers(key, {item: label for item in items}, field, items)
        assert score.balanced <= CONSTANT_ANSWER_BOUND, (name, label, round(score.balanced, 3))


@pytest.mark.parametrize("name", EXERCISES)
def test_does_answering_like_the_key_score_full_marks_in_every_exercise(key: Key, name: str) -> None:
    field, items = items_of(key, name)
    score = score_answers(key, {item: expected(key, field, item)[0] for item in items}, field, items)
    assert score.balanced == 1.0


def test_does_a_hand_built_score_without_weights_keep_the_old_balanced_mean() -> None:
    assert Score(field="category", items=[], recall_by_label={"a": 1.0, "b": 0.0}).balanced == 0.5


# --- each field's own feedback -----------------------------------------------------------------------------------

LABEL_ITEM_FIELDS = [(field, sid) for declared in exercises("labels") for field in declared.fields for sid in declared.items]
LESSON_ITEMS = [(declared.field, sid) for declared in exercises("classify") for sid in declared.items]


@pytest.mark.parametrize(("field", "sentence_id"), LESSON_ITEMS + LABEL_ITEM_FIELDS)
def test_is_the_feedback_the_explanation_of_the_field_asked(key: Key, field: str, sentence_id: str) -> None:
    own = key.explanation(sentence_id, field)
    others = [key.explanation(sentence_id, other) for other in EXERCISE_FIELDS if other != field]
    for answer in (expected(key, field, sentence_id)[0], "no such label"):
        result = score_item(key, field, sentence_id, answer)
        assert result.explanation == own
        assert result.feedback.endswith(own)
        assert not any(other in result.feedback for other in others if other != own)
