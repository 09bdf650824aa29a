"""Does grading score every good submission rightly, name and skip the bad ones, and keep names inside the folder?"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from medialit import checks
from medialit.grading import grade, grade_folder
from medialit.key import load_article_key
from medialit.scoring import score_answers
from medialit.submission import MAX_BYTES, build_submission, slug, write_submission
from medialit.voices import voice_table
from tests.conftest import REPO
from tools.make_example_submissions import class_submissions

ARTICLE = "lavrov-pompeo-sochi-2019"


@pytest.fixture(scope="module")
def key():
    return load_article_key(REPO / "seeds" / f"{ARTICLE}.txt")


def newest_per_student(submissions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return one submission per student and exercise (the newest), in a stable order."""
    newest: dict[tuple[str, str], dict[str, Any]] = {}
    for submission in sorted(submissions, key=lambda s: s["created"]):
        newest[(slug(submission["student"]), submission["exercise_id"])] = submission
    return [newest[pair] for pair in sorted(newest)]


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


def direct_score(submission: dict[str, Any], key) -> float | None:
    """Return the score in percent computed straight from the scoring functions and checks (None: not yet scored)."""
    extra = submission.get("extra", {})
    exercise = submission["exercise_id"]
    if exercise == "01_label_voices":
        values = [
            score_answers(key, extra["labels"][field], field, checks.LABEL_ITEMS).balanced
            for field in checks.LABEL_FIELDS
        ]
        return round(100 * sum(values) / len(values), 1)
    if exercise == f"{ARTICLE}-category":
        return round(100 * score_answers(key, submission["answers"], "category").balanced, 1)
    labelled = voice_table(key.article, key)
    if exercise == "02_count_the_words":
        values = [
            checks.check_words_table(extra["tables"][name], by=by, labelled=labelled).score or 0
            for name, by in checks.TABLES.items()
        ]
        return round(100 * sum(values) / len(values), 1)
    if exercise == "03_draw_the_voice_map":
        return round(100 * (checks.check_voice_map(extra["figure"], labelled=labelled).score or 0), 1)
    return None


def test_do_95_good_submissions_grade_rightly_and_5_broken_ones_get_named(tmp_path: Path, key) -> None:
    folder = tmp_path / "inbox"
    good = newest_per_student(class_submissions(students=25, seed=7, key=key))[:95]
    paths = [write_submission(submission, folder) for submission in good]
    assert len(set(paths)) == 95
    broken = {
        "malformed-01_label_voices-20261123T090000Z.submission.json": (
            "malformed",
            b'{"schema_version": 1, "student": ',
        ),
        "huge-01_label_voices-20261123T090000Z.submission.json": ("oversized", b" " * (MAX_BYTES + 1)),
    }
    for name, (_, data) in broken.items():
        (folder / name).write_bytes(data)
    older = dict(good[0], created="2026-11-01T08:00:00Z")
    duplicate = write_submission(older, folder)
    other_exercise = write_submission(
        build_submission(
            student="Zed", exercise_id="99_unknown_quiz", key_sha256=key.sha256, answers={}, field="", article=ARTICLE
        ),
        folder,
    )
    other_key = write_submission(dict(good[1], student="Other Key", key_sha256="0" * 64), folder)
    result = grade(folder, tmp_path / "out")
    assert result.found == 100 and len(result.grades) == 95
    skipped = {problem.file: problem.problem for problem in result.skipped}
    assert skipped == {
        **{name: kind for name, (kind, _) in broken.items()},
        duplicate.name: "duplicate",
        other_exercise.name: "foreign",
        other_key.name: "foreign",
    }
    summary = result.summary()
    for name in skipped:
        assert name in summary
    rows = {(row["student_slug"], row["exercise_id"]): row for row in read_csv(tmp_path / "out" / "grades.csv")}
    assert len(rows) == 95
    for submission in good:
        row = rows[(slug(submission["student"]), submission["exercise_id"])]
        wanted = direct_score(submission, key)
        assert (row["score"] == "") if wanted is None else float(row["score"]) == pytest.approx(wanted), row
    assert {row["file"] for row in read_csv(tmp_path / "out" / "skipped.csv")} == set(skipped)


@pytest.mark.parametrize(
    "name", ["../../etc", "..", "/etc/passwd", "C:\\Windows\\x", "con", "   ", "ÅØ Ünïcödé", "a/../../b"]
)
def test_does_a_hostile_student_name_stay_inside_the_output_folder(tmp_path: Path, key, name: str) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    submission = class_submissions(students=1, seed=1, key=key)[0]
    submission = dict(submission, student=name if name.strip() else "x")
    write_submission(submission, inbox)
    out = tmp_path / "deep" / "out"
    result = grade(inbox, out)
    assert len(result.grades) == 1
    everything = [path.resolve() for path in tmp_path.rglob("*")]
    assert all(path == tmp_path.resolve() or tmp_path.resolve() in path.parents for path in everything)
    feedback = list((out / "feedback").iterdir())
    assert len(feedback) == 1 and feedback[0].parent.resolve() == (out / "feedback").resolve()
    assert all(character.isalnum() or character == "-" for character in feedback[0].stem)


def test_is_the_newest_of_two_submissions_graded_and_the_older_reported(tmp_path: Path, key) -> None:
    first = build_submission(
        student="Ada",
        exercise_id=f"{ARTICLE}-category",
        key_sha256=key.sha256,
        answers={"P01.S1": "official statement"},
        field="category",
        article=ARTICLE,
    )
    first = dict(first, created="2026-11-01T08:00:00Z")
    second = dict(first, created="2026-11-20T08:00:00Z", answers={"P01.S1": "reporting"})
    write_submission(first, tmp_path)
    newest = write_submission(second, tmp_path)
    result = grade_folder(tmp_path)
    assert [row["file"] for row in result.grades] == [newest.name]
    assert [problem.problem for problem in result.skipped] == ["duplicate"]


def test_does_another_kit_version_only_warn(tmp_path: Path, key) -> None:
    submission = build_submission(
        student="Ada",
        exercise_id=f"{ARTICLE}-category",
        key_sha256=key.sha256,
        answers={},
        field="category",
        article=ARTICLE,
    )
    write_submission(dict(submission, kit_version="0.0.1"), tmp_path)
    result = grade_folder(tmp_path)
    assert len(result.grades) == 1 and not result.skipped
    assert "kit version '0.0.1'" in result.warnings[0].reason


def test_are_a_lesson_exercises_items_the_lessons_items(tmp_path: Path, key) -> None:
    from medialit import lessons

    exercise = lessons.exercise_id("02_who_is_speaking", ARTICLE)
    answers = {item: "Sergey Lavrov" for item in key.sentence_ids}
    write_submission(
        build_submission(
            student="Ada",
            exercise_id=exercise,
            key_sha256=key.sha256,
            answers=answers,
            field="speaker",
            article=ARTICLE,
        ),
        tmp_path,
    )
    result = grade_folder(tmp_path)
    assert result.grades[0]["items"] == len(lessons.exercise_items("02_who_is_speaking", key))


def test_are_the_teachers_written_scores_merged_back_on_a_rerun(tmp_path: Path, key) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    text = "The experts get most of the words and nobody answers the accusations, so the reader hears one side."
    for name in ("Ada", "Ben"):
        write_submission(
            checks.build_assignment_submission(
                "04_framing_and_evidence",
                name,
                REPO / "seeds" / f"{ARTICLE}.txt",
                {"answer_1": text, "answer_2": text, "answer_3": None},
            ),
            inbox,
        )
    first = grade(inbox, out)
    assert [row["score"] for row in first.grades] == ["", ""]
    sheet = read_csv(out / "written_answers.csv")
    assert len(sheet) == 6 and all(row["score"] == "" for row in sheet)
    scores = {("ada", "answer_1"): "3", ("ada", "answer_2"): "2", ("ada", "answer_3"): "0", ("ben", "answer_1"): "7"}
    for row in sheet:
        row["score"] = scores.get((row["student_slug"], row["question"]), "")
        row["comment"] = (
            "Good use of numbers." if row["student_slug"] == "ada" and row["question"] == "answer_1" else ""
        )
    with (out / "written_answers.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(sheet[0]))
        writer.writeheader()
        writer.writerows(sheet)
    second = grade(inbox, out)
    rows = {row["student_slug"]: row for row in read_csv(out / "grades.csv")}
    assert float(rows["ada"]["score"]) == pytest.approx(100 * 5 / 9, abs=0.1) and rows["ada"]["status"] == "graded"
    assert rows["ben"]["score"] == "" and "0 of 3 scored" in rows["ben"]["status"]
    assert any("score '7' ignored" in problem.reason for problem in second.warnings)
    assert "Good use of numbers." in (out / "feedback" / "ada.md").read_text(encoding="utf-8")
    assert {row["score"] for row in read_csv(out / "written_answers.csv") if row["student_slug"] == "ada"} == {
        "3",
        "2",
        "0",
    }


def test_does_a_changed_answer_lose_the_old_score(tmp_path: Path, key) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    article = REPO / "seeds" / f"{ARTICLE}.txt"
    first = checks.build_assignment_submission(
        "04_framing_and_evidence", "Ada", article, {"answer_1": "first version " * 5}
    )
    write_submission(dict(first, created="2026-11-01T08:00:00Z"), inbox)
    grade(inbox, out)
    sheet = read_csv(out / "written_answers.csv")
    sheet[0]["score"] = "2"
    with (out / "written_answers.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(sheet[0]))
        writer.writeheader()
        writer.writerows(sheet)
    later = checks.build_assignment_submission(
        "04_framing_and_evidence", "Ada", article, {"answer_1": "second version " * 5}
    )
    write_submission(dict(later, created="2026-11-20T08:00:00Z"), inbox)
    grade(inbox, out)
    assert read_csv(out / "written_answers.csv")[0]["score"] == ""


def test_is_a_name_that_looks_like_a_formula_made_harmless_in_the_csv(tmp_path: Path, key) -> None:
    submission = build_submission(
        student='=HYPERLINK("http://x")',
        exercise_id=f"{ARTICLE}-category",
        key_sha256=key.sha256,
        answers={},
        field="category",
        article=ARTICLE,
    )
    write_submission(submission, tmp_path / "inbox")
    grade(tmp_path / "inbox", tmp_path / "out")
    assert read_csv(tmp_path / "out" / "grades.csv")[0]["student"].startswith("'=")


def test_does_an_exercise_filter_and_a_seeds_folder_work(tmp_path: Path, key) -> None:
    for submission in class_submissions(students=2, seed=3, key=key):
        write_submission(submission, tmp_path / "inbox")
    result = grade_folder(tmp_path / "inbox", seeds=REPO / "seeds", exercises=["02_count_the_words"])
    assert {row["exercise_id"] for row in result.grades} == {"02_count_the_words"}
    assert all(problem.problem == "foreign" for problem in result.skipped)
    empty_seeds = tmp_path / "empty-seeds"
    empty_seeds.mkdir()
    none = grade_folder(tmp_path / "inbox", seeds=empty_seeds)
    assert not none.grades and all("no answer key" in problem.reason for problem in none.skipped)


def test_does_grading_run_no_student_code(tmp_path: Path, key) -> None:
    marker = tmp_path / "ran"
    code = f"__import__('pathlib').Path({str(marker)!r}).write_text('x')"
    submission = checks.build_assignment_submission(
        "04_framing_and_evidence", "Eve", REPO / "seeds" / f"{ARTICLE}.txt", {"answer_1": code}
    )
    write_submission(submission, tmp_path / "inbox")
    table = dict(submission, student="Eve Two", extra={"tables": {"words_by_speaker": code}})
    (tmp_path / "inbox" / "eve-two.submission.json").write_text(json.dumps(table), encoding="utf-8")
    result = grade(tmp_path / "inbox", tmp_path / "out")
    assert not marker.exists()
    assert [(problem.file, problem.problem) for problem in result.skipped] == [("eve-two.submission.json", "malformed")]


def test_does_the_command_print_a_summary_and_fail_cleanly_on_a_missing_folder(tmp_path: Path, key) -> None:
    for submission in class_submissions(students=2, seed=5, key=key):
        write_submission(submission, tmp_path / "inbox")
    (tmp_path / "inbox" / "broken.submission.json").write_text("not json", encoding="utf-8")
    command = [sys.executable, "-m", "medialit", "grade", str(tmp_path / "inbox"), "--out", str(tmp_path / "out")]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)
    assert done.returncode == 0, done.stderr
    assert "graded" in done.stdout and "broken.submission.json: malformed" in done.stdout
    assert json.loads(json.dumps(read_csv(tmp_path / "out" / "items.csv")))
    missing = subprocess.run(
        [*command[:4], str(tmp_path / "nowhere"), "--out", str(tmp_path / "o2")],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr
