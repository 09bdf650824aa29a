"""The quiz format, its discrimination scoring, the widget, and the pre/post discrimination check."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path

import pytest

from medialit.errors import MediaLitError
from medialit.ui.quizwidget import quiz
from medialit.exercises.quiz import (
    CHECK_QUIZ,
    EXAMPLE_CLASS,
    EXAMPLE_REVISED,
    POST_CHECK,
    PRE_CHECK,
    available_quizzes,
    constant_answer_scores,
    describe_change,
    discrimination_change,
    item_weights,
    load_quiz,
    mark_item,
    parse_quiz,
    score_quiz,
    write_example_answers,
)

REPO = Path(__file__).resolve().parent.parent
MINIMAL = {
    "format": "medialit-quiz",
    "version": 1,
    "title": "Two claims",
    "question": "True or false?",
    "options": ["true", "false", "unsupported"],
    "flag_options": ["false", "unsupported"],
    "kinds": {"true": {"plain": True, "label": "true"}, "false": {"plain": False, "label": "false"}},
    "items": [
        {"id": "a", "statement": "Water is wet.", "kind": "true", "answer": "true", "explanation": "Touch it.",
         "source": "invented for practice", "date": "none"},
        {"id": "b", "statement": "The moon is cheese.", "kind": "false", "answer": "false", "also": ["unsupported"],
         "explanation": "Samples are rock.", "source": "invented for practice", "date": "none"},
    ],
}


def write(tmp_path: Path, content: object, name: str = "t.quiz.json") -> Path:
    """Write ``content`` as JSON to a quiz file in ``tmp_path`` and return its path."""
    path = tmp_path / name
    path.write_text(json.dumps(content, indent=1), encoding="utf-8")
    return path


def broken(change) -> dict:  # noqa: ANN001 - a function that changes the copy
    """Return a copy of MINIMAL changed by ``change``."""
    content = copy.deepcopy(MINIMAL)
    change(content)
    return content


@pytest.fixture(autouse=True)
def answers_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every answers file the tests write in a temporary folder."""
    folder = tmp_path / "answers"
    monkeypatch.setenv("MEDIALIT_ANSWERS_DIR", str(folder))
    return folder


# ----- format and validation -------------------------------------------------------------------------------------


def test_does_every_shipped_quiz_validate() -> None:
    names = available_quizzes()
    assert CHECK_QUIZ in names
    for name in names:
        assert load_quiz(name).items


def test_does_a_minimal_quiz_load_with_its_kinds(tmp_path: Path) -> None:
    loaded = load_quiz(write(tmp_path, MINIMAL))
    assert loaded.name == "t"
    assert [item.plain for item in loaded.items] == [True, False]
    assert loaded.item("b").accepted == ("false", "unsupported")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda c: c.pop("title"), "title must be a non-empty text"),
        (lambda c: c.update(format="other"), "is not a quiz file"),
        (lambda c: c.update(flag_options=["true", "false", "unsupported"]), "flag_options"),
        (lambda c: c.update(flag_options=["maybe"]), "flag_options"),
        (lambda c: c["items"][1].update(kind="true", answer="true", also=[]), "at least one plain kind and one flagged"),
        (lambda c: c["items"][0].update(answer="maybe"), "item 1 (id 'a'): answer must be one of the options"),
        (lambda c: c["items"][0].update(answer="false"), "item 1 (id 'a'): a plain item cannot accept 'false'"),
        (lambda c: c["items"][1].update(also=["true"]), "item 2 (id 'b'): a flagged item must be answered with a flag"),
        (lambda c: c["items"][1].update(id="a"), "used more than once"),
        (lambda c: c["items"][0].pop("source"), "item 1 (id 'a'): source must be a non-empty text"),
        (lambda c: c["items"][0].update(explanation=" "), "explanation must be a non-empty text"),
        (lambda c: c["items"][0].update(colour="red"), "unknown field(s) colour"),
        (lambda c: c["items"][0].update(kind="maybe"), "kind must be one of true, false"),
    ],
)
def test_does_a_bad_quiz_give_one_line_naming_file_item_and_fix(tmp_path: Path, change, expected: str) -> None:  # noqa: ANN001
    path = write(tmp_path, broken(change))
    with pytest.raises(MediaLitError) as raised:
        load_quiz(path)
    message = str(raised.value)
    assert expected in message
    assert str(path) in message and "\n" not in message


def test_does_a_quiz_name_its_items_with_its_own_noun(tmp_path: Path) -> None:
    widget = quiz(write(tmp_path, {**MINIMAL, "noun": "difference"}), exercise_id="noun-test")
    assert "Difference 1 of 2" in widget.boxes["a"].children[0].value
    assert widget.controls["b"].description == "Answer to difference 2"
    assert load_quiz(write(tmp_path, MINIMAL, "plain.quiz.json")).noun == "claim"


def test_does_broken_json_name_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.quiz.json"
    path.write_text('{\n "format": "medialit-quiz",\n "version": 1\n "title": "x"\n}', encoding="utf-8")
    with pytest.raises(MediaLitError, match=r"bad.quiz.json: line 4: not valid JSON"):
        load_quiz(path)


def test_does_an_unknown_quiz_name_list_the_quizzes() -> None:
    with pytest.raises(MediaLitError, match=CHECK_QUIZ):
        load_quiz("no-such-quiz")


# ----- scoring ---------------------------------------------------------------------------------------------------


def test_does_mark_item_say_correct_accepted_wrong_and_unanswered_in_words() -> None:
    item = parse_quiz(MINIMAL, Path("t.quiz.json")).item("b")
    assert mark_item(item, "false").status == "correct" and mark_item(item, "false").feedback.startswith("✔ Correct")
    assert mark_item(item, "unsupported").status == "acceptable"
    wrong = mark_item(item, "true")
    assert wrong.status == "wrong" and wrong.feedback.startswith("✘") and "the key says “false”" in wrong.feedback
    missing = mark_item(item, None)
    assert missing.status == "unanswered" and missing.explanation == "" and "false" not in missing.feedback


@pytest.mark.parametrize("name", available_quizzes())
def test_does_a_constant_answer_score_at_most_half_in_every_quiz(name: str) -> None:
    loaded = load_quiz(name)
    scores = constant_answer_scores(loaded)
    assert set(scores) == set(loaded.options)
    assert max(scores.values()) <= 0.5
    for option in loaded.options:
        constant = score_quiz(loaded, {item_id: option for item_id in loaded.item_ids})
        assert constant.discrimination == 0.0


def test_does_the_balanced_score_weigh_plain_and_flagged_items_half_each() -> None:
    loaded = load_quiz(CHECK_QUIZ)
    plain = [item.id for item in loaded.items if item.plain]
    flagged = [item.id for item in loaded.items if not item.plain]
    perfect = {item.id: item.answer for item in loaded.items}
    assert score_quiz(loaded, perfect).balanced == 1.0
    only_plain_right = {item_id: perfect[item_id] for item_id in plain}
    score = score_quiz(loaded, only_plain_right)
    assert score.balanced == 0.5 and score.hits == 0.0 and score.false_alarms == 0.0
    sceptic = {**{item_id: "false" for item_id in plain}, **{item_id: perfect[item_id] for item_id in flagged}}
    assert score_quiz(loaded, sceptic).discrimination == 0.0
    weights = item_weights(loaded)
    assert math.isclose(sum(weights.values()), 1.0)
    assert max(weights.values()) <= 1 / 6 + 1e-9, "no item carries more than a sixth of the check"


def test_does_an_accepted_alternative_count_as_a_hit() -> None:
    loaded = load_quiz(CHECK_QUIZ)
    answers = {item.id: (item.also[0] if item.also else item.answer) for item in loaded.items}
    score = score_quiz(loaded, answers)
    assert score.balanced == 1.0 and score.discrimination == 1.0
    assert any(mark.status == "acceptable" for mark in score.items)


def test_does_every_check_item_have_a_source_with_a_date() -> None:
    for item in load_quiz(CHECK_QUIZ).items:
        assert item.source and item.date and any(char.isdigit() for char in item.date), item.id


# ----- the widget ------------------------------------------------------------------------------------------------


def test_is_the_widget_a_medialit_kit_box_with_toggle_buttons() -> None:
    import ipywidgets

    widget = quiz(CHECK_QUIZ, exercise_id="test-quiz")
    assert "medialit-kit" in widget._dom_classes
    assert all(isinstance(control, ipywidgets.ToggleButtons) for control in widget.controls.values())
    assert all(control.value is None for control in widget.controls.values())


def test_does_check_reveal_only_answered_items(answers_folder: Path) -> None:
    widget = quiz(CHECK_QUIZ, exercise_id="test-quiz")
    widget.answer("c1", "false")
    widget.check()
    assert "✘" in widget.feedback["c1"].value and "18 April 2019" in widget.feedback["c1"].value
    unanswered = widget.feedback["c2"].value
    assert "○ Not answered yet" in unanswered and "False." not in unanswered and "key says" not in unanswered


def test_are_answers_saved_at_once_and_restored(answers_folder: Path) -> None:
    widget = quiz(CHECK_QUIZ, exercise_id="test-quiz")
    widget.answer("c3", "true")
    saved = json.loads((answers_folder / "test-quiz.answers.json").read_text(encoding="utf-8"))
    assert saved["answers"]["c3"]["label"] == "true"
    again = quiz(CHECK_QUIZ, exercise_id="test-quiz")
    assert again.controls["c3"].value == "true" and again.answers == {"c3": "true"}


def test_does_the_first_answer_stay_when_the_learner_changes_it(answers_folder: Path) -> None:
    widget = quiz(CHECK_QUIZ, exercise_id="test-quiz")
    widget.answer("c2", "true")
    widget.check()
    widget.answer("c2", "false")
    assert widget.answers == {"c2": "false"}
    assert widget.first_answers == {"c2": "true"}
    assert quiz(CHECK_QUIZ, exercise_id="test-quiz").first_answers == {"c2": "true"}
    assert widget.first_score().credited == 0 and widget.score().credited == 1
    assert "Answer changed" in widget.feedback["c2"].value


def test_does_a_pre_check_record_without_revealing_the_key() -> None:
    widget = quiz(CHECK_QUIZ, exercise_id="test-pre", reveal=False)
    loaded = load_quiz(CHECK_QUIZ)
    for item in loaded.items:
        widget.answer(item.id, "true")
    widget.check()
    for item in loaded.items:
        shown = widget.feedback[item.id].value
        assert "Answer recorded" in shown and item.explanation[:20] not in shown and "✔" not in shown and "✘" not in shown
    assert "6 of 6 answers recorded" in widget.summary.value


def test_does_answer_refuse_an_option_that_is_not_a_choice() -> None:
    widget = quiz(CHECK_QUIZ, exercise_id="test-quiz")
    with pytest.raises(MediaLitError, match="not a choice"):
        widget.answer("c1", "maybe")
    with pytest.raises(MediaLitError, match="not in this quiz"):
        widget.answer("zz", "true")


def test_does_quiz_refuse_items_of_only_one_kind() -> None:
    plain = [item.id for item in load_quiz(CHECK_QUIZ).items if item.plain]
    with pytest.raises(MediaLitError, match="both a plain and a flagged"):
        quiz(CHECK_QUIZ, items=plain)


# ----- pre and post check of a class ------------------------------------------------------------------------------


def test_does_the_change_table_compare_pre_and_post_per_learner(tmp_path: Path) -> None:
    write_example_answers(tmp_path / "class")
    table = discrimination_change(tmp_path / "class")
    assert len(table) == len(EXAMPLE_CLASS)
    loaded = load_quiz(CHECK_QUIZ)
    first = sorted(EXAMPLE_CLASS)[0]
    row = table.iloc[0]
    assert math.isclose(row["pre_balanced"], score_quiz(loaded, EXAMPLE_CLASS[first][0]).balanced)
    assert math.isclose(row["change"], row["post_balanced"] - row["pre_balanced"])
    text = describe_change(table)
    assert f"{len(EXAMPLE_CLASS)} learner(s) took both checks" in text


def test_does_a_learner_without_a_post_check_show_as_missing(tmp_path: Path) -> None:
    write_example_answers(tmp_path / "class")
    learner = sorted((tmp_path / "class").iterdir())[0]
    (learner / f"{POST_CHECK}.answers.json").unlink()
    (learner / f"{POST_CHECK}-first.answers.json").unlink()
    table = discrimination_change(tmp_path / "class")
    assert math.isnan(table.iloc[0]["post_balanced"])
    assert f"{len(EXAMPLE_CLASS) - 1} learner(s) took both checks" in describe_change(table)


def test_is_the_shipped_example_class_what_write_example_answers_makes(tmp_path: Path) -> None:
    shipped = REPO / "teacher" / "example_submissions" / "discrimination-check"
    write_example_answers(tmp_path)
    expected = discrimination_change(tmp_path)
    assert discrimination_change(shipped).equals(expected)
    names = {f"{exercise_id}{suffix}.answers.json" for exercise_id in (PRE_CHECK, POST_CHECK) for suffix in ("", "-first")}
    assert {path.name for path in shipped.rglob("*.json")} == names


def test_does_the_change_use_first_answers_and_show_the_final_beside_them(tmp_path: Path) -> None:
    write_example_answers(tmp_path)
    table = discrimination_change(tmp_path).set_index("student")
    loaded = load_quiz(CHECK_QUIZ)
    for learner, (_pre, post) in EXAMPLE_CLASS.items():
        row = table.loc[learner.replace("-", " ").title()]
        assert math.isclose(row["post_balanced"], score_quiz(loaded, post).balanced)
        final = {**post, **EXAMPLE_REVISED.get(learner, {})}
        assert math.isclose(row["post_final_balanced"], score_quiz(loaded, final).balanced)
    revised = table.loc["Ben Sato"]
    assert revised["post_final_balanced"] > revised["post_balanced"], "a change after feedback does not count as first"


def test_do_the_lessons_store_pre_and_post_under_distinct_ids() -> None:
    def code(name: str) -> str:
        notebook = json.loads((REPO / "notebooks" / name).read_text(encoding="utf-8"))
        return "\n".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")

    pre, post = code("02_who_is_speaking.ipynb"), code("07_classify_the_article.ipynb")
    assert 'quiz_lesson("quiz-discrimination-pre", reveal=False)' in pre and "discrimination-post" not in pre
    assert 'quiz_lesson("quiz-discrimination-post", compare_with="quiz-discrimination-pre")' in post
    assert PRE_CHECK != POST_CHECK


def test_does_the_post_check_compare_with_the_pre_check(answers_folder: Path) -> None:
    loaded = load_quiz(CHECK_QUIZ)
    before = quiz(CHECK_QUIZ, exercise_id=PRE_CHECK, reveal=False)
    for item in loaded.items:
        before.answer(item.id, "unsupported")  # flags everything: every problem claim caught, no sound one accepted
    after = quiz(CHECK_QUIZ, exercise_id=POST_CHECK, compare_with=PRE_CHECK)
    for item in loaded.items:
        after.answer(item.id, item.answer)
    after.check()
    assert "Before lesson 02: 3 of 6 right, balanced 50%" in after.summary.value
    assert "balanced 100% (better)" in after.summary.value and "+0.00 before, +1.00 now" in after.summary.value
    assert (answers_folder / f"{PRE_CHECK}.answers.json").is_file() and (answers_folder / f"{POST_CHECK}.answers.json").is_file()


def test_does_the_comparison_say_so_when_there_was_no_pre_check() -> None:
    after = quiz(CHECK_QUIZ, exercise_id=POST_CHECK, compare_with=PRE_CHECK)
    after.answer("c1", "true")
    after.check()
    assert "did not answer the check before lesson 02" in after.summary.value


def test_does_reading_a_damaged_answers_file_leave_it_in_place(tmp_path: Path) -> None:
    write_example_answers(tmp_path)
    learner = sorted(tmp_path.iterdir())[0]
    damaged = learner / f"{PRE_CHECK}.answers.json"
    damaged.write_text("{not json", encoding="utf-8")
    with pytest.raises(MediaLitError, match="cannot be read as an answers file"):
        discrimination_change(tmp_path)
    assert damaged.read_text(encoding="utf-8") == "{not json" and len(list(learner.iterdir())) == 4
