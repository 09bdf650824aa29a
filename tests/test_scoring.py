"""Does scoring give explained, fair results, so that labelling everything one way scores badly?"""

from __future__ import annotations

import pytest

from medialit.errors import MediaLitError
from medialit.keys.key import Key, load_key
from medialit.exercises.scoring import MAX_ITEM_SHARE, choices, expected, normalise_answer, score_answers, score_item
from medialit.vocabulary import EXERCISE_FIELDS, NARRATION_SPEAKER, NO_TECHNIQUE
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def key() -> Key:
    """Return the seed's answer key."""
    return load_key(SEEDS / "lavrov-pompeo-sochi-2019.key.csv")


@pytest.mark.parametrize("field", EXERCISE_FIELDS)
def test_does_answering_like_the_key_score_full_marks(key: Key, field: str) -> None:
    answers = {sentence_id: expected(key, field, sentence_id)[0] for sentence_id in key.sentence_ids}
    score = score_answers(key, answers, field)
    assert score.credited == score.total == 35
    assert score.balanced == 1.0
    assert all(item.status == "correct" for item in score.items)


@pytest.mark.parametrize("field", EXERCISE_FIELDS)
def test_does_labelling_everything_the_same_score_badly(key: Key, field: str) -> None:
    for label in choices(key, field):
        score = score_answers(key, {sentence_id: label for sentence_id in key.sentence_ids}, field)
        assert score.balanced < 0.5, (field, label, score.balanced)


def test_do_plain_sentences_count_more_than_their_number_but_no_more_than_the_cap(key: Key) -> None:
    reporting = [sid for sid in key.sentence_ids if key.value(sid, "category") == "reporting"]
    answers = {sid: "reporting" for sid in reporting}
    score = score_answers(key, answers, "category")
    assert score.credited == len(reporting) == 2
    # 2 of 35 items: more than 2/35 of the score (plain sentences count), but capped at 10% each, not a third
    assert score.balanced == pytest.approx(2 * MAX_ITEM_SHARE)
    assert score.balanced > 2 / 35


def test_does_an_acceptable_alternative_earn_full_credit_and_name_the_preferred_label(key: Key) -> None:
    result = score_item(key, "category", "P02.S2", "state-media framing")
    assert result.status == "acceptable" and result.earns_credit and result.mark == "✔"
    assert "the key prefers “official statement”" in result.feedback
    assert "TASS" in result.feedback


def test_does_a_wrong_answer_say_why_and_list_the_alternatives(key: Key) -> None:
    result = score_item(key, "category", "P02.S2", "expert opinion")
    assert result.status == "wrong" and not result.earns_credit and result.mark == "✘"
    assert "you chose “expert opinion”" in result.feedback
    assert "also accepted: state-media framing" in result.feedback
    assert result.explanation in result.feedback
    assert result.explanation == key.explanation("P02.S2", "category")


def test_is_an_unanswered_item_marked_and_uncredited(key: Key) -> None:
    score = score_answers(key, {}, "category")
    assert score.answered == 0 and score.credited == 0 and score.balanced == 0.0
    assert all(item.status == "unanswered" and item.mark == "○" for item in score.items)
    assert score.summary().startswith("0 of 35 answered")
    assert score_item(key, "category", "P01.S1", "   ").status == "unanswered"


def test_is_the_outlets_narration_a_speaker_choice(key: Key) -> None:
    assert choices(key, "speaker")[-1] == NARRATION_SPEAKER
    assert choices(key, "speaker")[0] == "Sergey Lavrov"
    assert score_item(key, "speaker", "P01.S1", NARRATION_SPEAKER).status == "correct"
    assert score_item(key, "speaker", "P02.S2", "Sergey Lavrov").status == "correct"


def test_are_techniques_compared_as_sets_in_any_order(key: Key) -> None:
    preferred, _ = expected(key, "techniques", "P14.S3")
    parts = preferred.split(";")
    assert len(parts) == 2
    assert score_item(key, "techniques", "P14.S3", list(reversed(parts))).status == "correct"
    half = score_item(key, "techniques", "P14.S3", parts[:1])
    assert half.status == "wrong" and not half.earns_credit and half.partly_right
    assert half.credit == pytest.approx(2 / 3)  # F1: one of two tags, nothing extra
    assert score_item(key, "techniques", "P01.S1", [NO_TECHNIQUE]).status == "correct"
    assert normalise_answer("techniques", ["none", "repetition"]) == "repetition"
    assert normalise_answer("techniques", []) is None


def test_is_a_score_limited_to_the_chosen_items(key: Key) -> None:
    score = score_answers(key, {"P01.S1": "reporting", "P02.S1": "reporting"}, "category", items=["P01.S1", "P02.S1"])
    assert score.total == 2
    assert [item.status for item in score.items] == ["correct", "acceptable"]
    assert score.summary() == "2 of 2 answered · 2 right (1 of them an accepted alternative) · balanced score 100%"


def test_does_an_unknown_field_or_sentence_raise_a_clear_error(key: Key) -> None:
    with pytest.raises(MediaLitError, match="field 'cue' cannot be an exercise"):
        score_answers(key, {}, "cue")
    with pytest.raises(MediaLitError, match="has no sentence 'P99.S1'"):
        score_item(key, "category", "P99.S1", "reporting")
