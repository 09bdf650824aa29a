"""Does the class analysis count right answers, mistakes and splits per sentence, and describe the hardest ones?"""

from __future__ import annotations

import pandas as pd
import pytest

from medialit.teacher.classroom import (
    agreement,
    class_confusion,
    describe_first_answers,
    describe_hardest,
    disputed_items,
    first_answer_class,
    first_answer_table,
    hardest_items,
    item_difficulty,
    label_items,
    use_first_answers,
)

# Three students, three sentences. P1: all right. P2: one right, two wrong ("reporting" twice, then the key's
# alternative accepted for nobody). P3: one accepted alternative, one wrong, one unanswered.
ANSWERS = [
    ("Ana", "P1", "reporting", "reporting", "", "correct"),
    ("Ben", "P1", "reporting", "reporting", "", "correct"),
    ("Cy", "P1", "reporting", "reporting", "", "correct"),
    ("Ana", "P2", "official statement", "official statement", "", "correct"),
    ("Ben", "P2", "reporting", "official statement", "", "wrong"),
    ("Cy", "P2", "reporting", "official statement", "", "wrong"),
    ("Ana", "P3", "state-media framing", "expert opinion", "state-media framing", "acceptable"),
    ("Ben", "P3", "official statement", "expert opinion", "state-media framing", "wrong"),
    ("Cy", "P3", "", "expert opinion", "state-media framing", "unanswered"),
]


@pytest.fixture
def rows() -> pd.DataFrame:
    """Return the rows of one labelling exercise, as ``label_items`` gives them from ``items.csv``."""
    items = pd.DataFrame(
        [
            {"student": student, "exercise_id": "ex", "field": "category", "item": item, "answer": answer,
             "expected": expected, "also_accepted": also, "status": status}
            for student, item, answer, expected, also, status in ANSWERS
        ]
        + [{"student": "Ana", "exercise_id": "other", "field": "category", "item": "P1", "answer": "reporting",
            "expected": "official statement", "also_accepted": "", "status": "wrong"}]
    )
    return label_items(items, "ex", "category")


def test_does_item_difficulty_count_answers_right_answers_and_the_top_mistake(rows: pd.DataFrame) -> None:
    difficulty = item_difficulty(rows)
    assert list(difficulty.index) == ["P1", "P2", "P3"]
    assert difficulty["answered"].tolist() == [3, 3, 2]
    assert difficulty["right"].tolist() == [100.0, 33.3, 50.0]
    assert difficulty.loc["P2", ["key says", "most common wrong label", "chosen by"]].tolist() == [
        "official statement", "reporting", 2
    ]
    assert difficulty.loc["P1", "most common wrong label"] == "" and difficulty.loc["P1", "chosen by"] == 0


def test_are_the_hardest_items_listed_hardest_first_and_described(rows: pd.DataFrame) -> None:
    difficulty = item_difficulty(rows)
    assert hardest_items(difficulty, top=2).to_dict() == {"P2": 33.3, "P3": 50.0}
    text = describe_hardest(difficulty, top=2)
    assert text.startswith("Text description: a bar chart of the 2 sentences the class found hardest")
    assert "P2 33%; P3 50%" in text and "Of all 3 sentences, 1 have 80% or more right." in text


def test_does_an_empty_class_give_an_empty_hardest_chart_description() -> None:
    empty = pd.DataFrame({"right": pd.Series(dtype=float)})
    assert "no answers yet" in describe_hardest(empty)


def test_are_the_most_disputed_items_those_where_the_class_split_most(rows: pd.DataFrame) -> None:
    disputed = disputed_items(rows, top=2)
    assert list(disputed.index) == ["P3", "P2"]
    assert disputed.loc["P3", "split"] == "official statement 50%; state-media framing 50%"
    assert disputed.loc["P3", "also accepted"] == "state-media framing"
    assert disputed.loc["P2", "split"] == "reporting 67%; official statement 33%"
    assert disputed.loc["P2", "top share"] == 66.7


def test_does_the_class_confusion_count_an_accepted_alternative_on_the_keys_row(rows: pd.DataFrame) -> None:
    confusion = class_confusion(rows)
    # Ana's accepted "state-media framing" on P3 (preferred: expert opinion) is a match on the expert-opinion row;
    # no sentence prefers state-media framing, so its row stays empty.
    assert confusion.loc["expert opinion", "expert opinion"] == 1
    assert int(confusion.loc["state-media framing"].sum()) == 0
    assert confusion.loc["official statement", "reporting"] == 2
    assert confusion.loc["expert opinion", "official statement"] == 1
    assert int(confusion.to_numpy().sum()) == 8 and confusion.columns.name == "students said"


def test_does_agreement_with_the_key_count_accepted_alternatives_as_the_key(rows: pd.DataFrame) -> None:
    alpha = agreement(rows)
    assert alpha["students"] == 3.0 and alpha["items"] == 3.0
    assert alpha["students with key: highest"] == 1.0  # Ana: right, right, accepted alternative
    assert alpha["students with key: lowest"] < alpha["students with key: highest"]
    assert -1.0 <= alpha["among students"] <= 1.0


def test_does_a_class_with_no_answers_give_empty_tables_not_errors() -> None:
    columns = ["student", "exercise_id", "field", "item", "answer", "expected", "also_accepted", "status"]
    rows = label_items(pd.DataFrame(columns=columns), "ex", "category")
    difficulty = item_difficulty(rows)
    assert difficulty.empty and "right" in difficulty.columns
    assert "no answers yet" in describe_hardest(difficulty)
    alpha = agreement(rows)
    assert alpha["students"] == 0.0 and alpha["among students"] != alpha["among students"]  # NaN
    assert disputed_items(rows).empty


def _grades(rows: list[tuple[str, str, object, object]]) -> pd.DataFrame:
    """Return ``grades.csv`` rows as ``grade`` writes them and pandas reads them (an empty cell is NaN)."""
    return pd.DataFrame(
        [{"student": student, "exercise_id": exercise, "score": score, "first_answer_score": first}
         for student, exercise, score, first in rows]
    )


def test_does_the_first_answer_table_put_first_beside_final_for_practice_submissions_only() -> None:
    grades = _grades([
        ("Ana", "cap", 90.0, 85.0),
        ("Ben", "cap", 95.0, 40.0),
        ("Cy", "cap", 70.0, float("nan")),  # assessment mode: no first answers
        ("Dee", "other", 80.0, 10.0),
    ])
    table = first_answer_table(grades, "cap")
    assert list(table.index) == ["Ben", "Ana"]  # the biggest gain first
    assert table.loc["Ben"].tolist() == [40.0, 95.0, 55.0]
    assert table.loc["Ana", "gain"] == pytest.approx(5.0)
    assert first_answer_table(grades, "nothing").empty


def test_does_the_class_summary_average_and_count_who_leaned_on_the_key() -> None:
    table = first_answer_table(_grades([("Ana", "cap", 90.0, 85.0), ("Ben", "cap", 95.0, 40.0)]), "cap")
    whole = first_answer_class(table)
    assert whole["students"] == 2 and whole["leaned on the key"] == 1
    assert whole["first answers"] == pytest.approx(62.5) and whole["final answers"] == pytest.approx(92.5)
    assert whole["gain"] == pytest.approx(30.0)


def test_does_the_first_answer_description_give_the_means_and_name_the_big_gains() -> None:
    text = describe_first_answers(first_answer_table(_grades([("Ana", "cap", 90, 85), ("Ben", "cap", 96, 41)]), "cap"))
    assert text.startswith("Text description:")
    assert "63% for first answers and 93% for final answers" in text and "mean gain of 30 points" in text
    assert "1 of 2 students" in text and "Ben 41% first, 96% final" in text and "Ana" not in text
    assert "no submission" in describe_first_answers(first_answer_table(_grades([("Cy", "cap", 70, "")]), "cap"))


def test_does_the_item_analysis_use_practice_mode_first_answers_and_keep_assessment_answers(tmp_path) -> None:
    from medialit.exercises.submission import build_submission, write_submission

    def hand_in(student: str, answers: dict[str, str], first: dict[str, str] | None) -> str:
        submission = build_submission(student=student, exercise_id="ex", key_sha256="0" * 64, answers=answers,
                                      field="category", article="a", first_answers=first)
        return write_submission(submission, tmp_path).name

    final = {"P1": "reporting", "P2": "official statement", "P3": "expert opinion"}
    practice = hand_in("Ana", final, {"P1": "official statement", "P2": "official statement",
                                      "P3": "state-media framing"})
    assessment = hand_in("Ben", {"P1": "expert opinion"}, None)
    table = [("Ana", practice, item, answer) for item, answer in final.items()]
    table.append(("Ben", assessment, "P1", "expert opinion"))
    keyed = {"P1": ("reporting", ""), "P2": ("official statement", ""), "P3": ("expert opinion", "state-media framing")}
    items = pd.DataFrame(
        [{"student": student, "exercise_id": "ex", "file": file, "field": "category", "item": item, "answer": answer,
          "expected": keyed[item][0], "also_accepted": keyed[item][1],
          "status": "correct" if answer == keyed[item][0] else "wrong"} for student, file, item, answer in table]
    )
    rows = use_first_answers(label_items(items, "ex", "category"), tmp_path)
    by = rows.set_index(["student", "item"])
    assert by.loc[("Ana", "P1"), ["answer", "status", "credited"]].tolist() == ["official statement", "wrong", False]
    assert by.loc[("Ana", "P2"), "status"] == "correct"
    assert by.loc[("Ana", "P3"), ["answer", "status"]].tolist() == ["state-media framing", "acceptable"]
    assert by.loc[("Ben", "P1"), ["answer", "status", "first_answer"]].tolist() == ["expert opinion", "wrong", False]
    assert rows["first_answer"].tolist() == [True, True, True, False]
    assert item_difficulty(rows).loc["P1", "right"] == 0.0


def test_does_the_first_answer_description_name_only_the_biggest_gains_of_a_large_class() -> None:
    grades = _grades([(f"S{number:02d}", "cap", 100.0, 100.0 - number) for number in range(40)])
    text = describe_first_answers(first_answer_table(grades, "cap"), named=3)
    assert "15 of 40 students" in text and "The 3 biggest gains: S39 61% first, 100% final; S38" in text
    assert "S36" not in text and "S25" not in text
