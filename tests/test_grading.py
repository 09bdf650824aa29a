"""Does grading score every good submission rightly, name and skip the bad ones, and keep names inside the folder?"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from medialit.exercises import checks
from medialit.exercises import registry
from medialit.exercises.registry import Exercise, exercise, exercises
from medialit.teacher.graders import GRADERS
from medialit.teacher.grades_csv import GRADE_COLUMNS, ITEM_COLUMNS
from medialit.teacher.grading import grade, grade_folder
from medialit.keys.key import load_article_key
from medialit.errors import MediaLitError
from medialit.exercises.scoring import score_answers
from medialit.exercises.submission import MAX_BYTES, build_submission, slug, write_submission
from medialit.keys.table import voice_table
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
    exercise_id = submission["exercise_id"]
    if exercise_id == "01_label_voices":
        declared = exercise(exercise_id)
        values = [score_answers(key, extra["labels"][name], name, declared.items).balanced for name in declared.fields]
        return round(100 * sum(values) / len(values), 1)
    if exercise_id == f"{ARTICLE}-category":
        return round(100 * score_answers(key, submission["answers"], "category").balanced, 1)
    labelled = voice_table(key.article, key)
    if exercise_id == "02_count_the_words":
        values = [
            checks.check_words_table(extra["tables"][name], by=by, labelled=labelled).score or 0
            for name, by in exercise(exercise_id).table_fields().items()
        ]
        return round(100 * sum(values) / len(values), 1)
    if exercise_id == "03_draw_the_voice_map":
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
    assert "kit version 0.0.1" in result.warnings[0].reason


def test_are_a_lesson_exercises_items_the_lessons_items(tmp_path: Path, key) -> None:
    lesson = exercise("02_who_is_speaking")
    answers = {item: "Sergey Lavrov" for item in key.sentence_ids}
    write_submission(
        build_submission(
            student="Ada",
            exercise_id=lesson.answers_file_id(ARTICLE),
            key_sha256=key.sha256,
            answers=answers,
            field="speaker",
            article=ARTICLE,
        ),
        tmp_path,
    )
    result = grade_folder(tmp_path)
    assert result.grades[0]["items"] == len(lesson.items) == len(lesson.items_for(key)) < len(key.sentence_ids)


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


# --- issue 13: a hostile class and a busy teacher -----------------------------------------------------------

CLASS = REPO / "tests" / "data" / "class"
CLASS_EXPECTED = json.loads((REPO / "tests" / "data" / "class_expected.json").read_text(encoding="utf-8"))
POSIX = pytest.mark.skipif(os.name != "posix", reason="needs POSIX (FIFOs, file modes, symbolic links)")


def run_grade(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run ``python -m medialit grade ARGS`` and return the finished process (its peak memory in ``peak_mb``)."""
    # The grading process's own peak (VmHWM, in kB): ru_maxrss would also keep the peak of the pytest process it was
    # forked from, so a long test run made a small grade look like 500 MB.
    code = (
        "import runpy, sys; sys.argv = ['medialit', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('medialit', run_name='__main__')\n"
        "finally:\n    peak = [line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM:')]\n"
        "    print(f'PEAK {peak[0]}', file=sys.stderr)\n"
    ) if Path("/proc/self/status").is_file() else "import runpy, sys; sys.argv = ['medialit', *sys.argv[1:]]; runpy.run_module('medialit', run_name='__main__')"
    done = subprocess.run(
        [sys.executable, "-c", code, "grade", *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd, check=False
    )
    lines = done.stderr.splitlines()
    done.peak_mb = int(lines[-1].split()[1]) / 1024 if lines and lines[-1].startswith("PEAK ") else None  # type: ignore[attr-defined]
    done.stderr = "\n".join(line for line in lines if not line.startswith("PEAK ")) + ("\n" if len(lines) > 1 else "")
    return done


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Return every entry under ``root`` (links by target, files by content), to see that nothing changed."""
    seen: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_symlink():
            seen[name] = "-> " + os.readlink(path)
        elif path.is_file() and not stat.S_ISFIFO(path.lstat().st_mode):
            seen[name] = path.read_bytes()
        else:
            seen[name] = "folder"
    return seen


def as_written(rows: list[dict[str, Any]], columns: list[str]) -> list[dict[str, str]]:
    """Return rows as the CSV file holds them (every column, as text)."""
    return [{column: str(row.get(column, "")) for column in columns} for row in rows]


def rows_without_slug(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{k: v for k, v in row.items() if k not in ("student_slug", "file")} for row in rows]


@pytest.fixture(scope="module")
def hostile_class(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Return the class of tests/data/class (plus a FIFO and an ANSI file name) graded once by the command."""
    if os.name != "posix":
        pytest.skip("needs POSIX: the class holds symbolic links and a FIFO")
    root = tmp_path_factory.mktemp("class")
    inbox = root / "inbox"
    shutil.copytree(CLASS, inbox, symlinks=True)
    shutil.copytree(REPO / "tests" / "data" / "class_outside", root / "class_outside")
    expected = dict(CLASS_EXPECTED["hostile"])
    if os.name == "posix":
        os.mkfifo(inbox / "hostile" / "fifo.submission.json")
        expected["hostile/fifo.submission.json"] = "not a file"
    ansi = "\x1b[2J\x1b[31mgraded 999.submission.json"
    (inbox / "hostile" / ansi).write_bytes(b"not json")
    expected[f"hostile/{ansi}"] = "malformed"
    before = snapshot(root)
    done = run_grade(str(inbox), "--out", str(root / "out"))
    return {"root": root, "inbox": inbox, "out": root / "out", "done": done, "before": before, "expected": expected}


def test_is_every_hostile_entry_named_in_one_line_and_no_traceback(hostile_class: dict[str, Any]) -> None:
    done = hostile_class["done"]
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr and done.stderr == ""
    assert "\x1b" not in done.stdout and "\r" not in done.stdout
    skipped = {row["file"]: row["problem"] for row in read_csv(hostile_class["out"] / "skipped.csv")}
    for name, problem in hostile_class["expected"].items():
        printed = name.replace("\x1b", "\\x1b")
        if problem:
            assert skipped.get(name.replace("\x1b", " ")) == problem, name
            assert sum(line.startswith(f"  {printed}: {problem}: ") for line in done.stdout.splitlines()) == 1, name
        else:
            assert name not in skipped
    assert f"of {sum(n.endswith('.submission.json') for n in hostile_class['expected']) + 100} submission file" in done.stdout
    assert "hostile/folder.submission.json/inner" not in done.stdout  # a folder named like a file is not searched


def test_are_the_valid_files_of_the_class_graded_exactly_as_when_graded_alone(
    hostile_class: dict[str, Any], tmp_path: Path
) -> None:
    graded = {row["file"]: row for row in read_csv(hostile_class["out"] / "grades.csv")}
    items: dict[str, list[dict[str, str]]] = {}
    for row in read_csv(hostile_class["out"] / "items.csv"):
        items.setdefault(row["file"], []).append(row)
    valid = sorted((CLASS / "valid").glob("*.submission.json"))
    assert len(valid) == CLASS_EXPECTED["valid"] == 100
    for number, path in enumerate(valid):
        alone = tmp_path / f"alone-{number}" / "valid"
        alone.mkdir(parents=True)
        shutil.copy(path, alone / path.name)
        result = grade_folder(alone.parent)
        name = f"valid/{path.name}"
        assert rows_without_slug([graded[name]]) == rows_without_slug(as_written(result.grades, GRADE_COLUMNS)), name
        assert rows_without_slug(items[name]) == rows_without_slug(as_written(result.items, ITEM_COLUMNS)), name


def test_does_each_student_of_the_hostile_class_get_one_slug_and_one_feedback_file(hostile_class: dict[str, Any]) -> None:
    rows = read_csv(hostile_class["out"] / "grades.csv")
    slugs: dict[str, set[str]] = {}
    for row in rows:
        slugs.setdefault(row["student_slug"], set()).add(row["student"])
    assert all(len(names) == 1 for names in slugs.values()), slugs
    names = {name for group in slugs.values() for name in group}
    assert {"Иван Петров", "Мария Иванова", "王伟", "🦊🌻", "🐙", "José García", "Jose Garcia"} <= names
    feedback = {path.stem: path.read_text(encoding="utf-8") for path in (hostile_class["out"] / "feedback").iterdir()}
    assert set(feedback) == set(slugs)
    assert {"иван-петров", "мария-иванова", "王伟"} <= set(feedback)
    for student_slug, (name,) in ((s, tuple(n)) for s, n in slugs.items()):
        assert feedback[student_slug].count("# Feedback for ") == 1


def test_is_nothing_written_outside_out_and_memory_bounded(hostile_class: dict[str, Any]) -> None:
    after = snapshot(hostile_class["root"])
    changed = {name for name in set(after) | set(hostile_class["before"]) if after.get(name) != hostile_class["before"].get(name)}
    assert changed and all(name == "out" or name.startswith("out/") for name in changed), sorted(changed)[:5]
    if hostile_class["done"].peak_mb is not None:
        assert hostile_class["done"].peak_mb < 400, hostile_class["done"].peak_mb  # loose: the benchmark measures 500 files


def test_is_the_stolen_file_behind_an_outside_link_never_graded(hostile_class: dict[str, Any]) -> None:
    students = {row["student"] for row in read_csv(hostile_class["out"] / "grades.csv")}
    assert "Stolen Outside" not in students and "Hidden Inside" not in students


def category_submission(key, student: str, created: str = "2026-11-20T09:00:00Z", **changes: Any) -> dict[str, Any]:
    """Return a valid lesson-07 submission of ``student`` (some answers right, some wrong)."""
    answers = {sid: ("reporting" if number % 3 else "expert opinion") for number, sid in enumerate(key.sentence_ids)}
    submission = build_submission(
        student=student, exercise_id=f"{ARTICLE}-category", key_sha256=key.sha256, answers=answers, field="category",
        article=ARTICLE,
    )
    return {**submission, "created": created, **changes}


def put(folder: Path, name: str, value: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "figure",
    [
        {"axes": [{}]},
        {"axes": [1]},
        {"axes": [{"title": "", "bars": "many"}]},
        {"axes": [{"title": "", "bars": [{"label": 5, "value": 3, "x": 0, "y": 0, "color": "#000000", "hatch": ""}]}]},
        {"axes": [{"title": "", "bars": [{"label": "A", "value": "lots", "x": 0, "y": 0, "color": "#000000", "hatch": ""}]}]},
        {"axes": "x"},
        [1, 2],
    ],
)
def test_does_a_malformed_figure_become_a_named_format_problem_not_a_crash(tmp_path: Path, key, figure: Any) -> None:
    inbox = tmp_path / "inbox"
    good = checks.build_assignment_submission("04_framing_and_evidence", "Ada", REPO / "seeds" / f"{ARTICLE}.txt", {"answer_1": "x " * 30})
    write_submission(good, inbox)
    template = next(s for s in class_submissions(students=1, seed=1, key=key) if s["exercise_id"] == "03_draw_the_voice_map")
    put(inbox, "bad.submission.json", dict(template, student="Ben", extra={**template["extra"], "figure": figure}))
    summary = grade(inbox, tmp_path / "out").summary().splitlines()  # the command prints this (the class test runs it)
    named = [line for line in summary if "bad.submission.json" in line]
    assert len(named) == 1 and named[0].startswith("  bad.submission.json: malformed: extra.figure"), named
    assert [row["file"] for row in read_csv(tmp_path / "out" / "skipped.csv")] == ["bad.submission.json"]
    assert [row["student"] for row in read_csv(tmp_path / "out" / "grades.csv")] == ["Ada"]


def test_are_students_with_other_scripts_or_emoji_names_never_merged(tmp_path: Path, key) -> None:
    names = ["Иван Петров", "Мария Иванова", "王伟", "🦊", "🐙", "José García", "Jose Garcia"]
    for number, name in enumerate(names):
        answers = {"answer_1": f"{name} private answer number {number} " * 5}
        write_submission(
            checks.build_assignment_submission("04_framing_and_evidence", name, REPO / "seeds" / f"{ARTICLE}.txt", answers),
            tmp_path / "inbox",
        )
    result = grade(tmp_path / "inbox", tmp_path / "out")
    assert not result.skipped and len(result.grades) == len(names)
    assert len({row["student_slug"] for row in result.grades}) == len(names)
    files = sorted((tmp_path / "out" / "feedback").iterdir())
    assert len(files) == len(names)
    for path in files:
        text = path.read_text(encoding="utf-8")
        own = [number for number, name in enumerate(names) if f"private answer number {number} " in text]
        assert len(own) == 1 and text.startswith(f"# Feedback for {names[own[0]]}\n"), path.name
    assert {"иван-петров.md", "мария-иванова.md", "王伟.md"} <= {path.name for path in files}


def test_does_a_future_dated_copy_not_replace_a_real_grade(tmp_path: Path, key) -> None:
    real = category_submission(key, "Ada")
    write_submission(real, tmp_path / "inbox")
    alone = grade_folder(tmp_path / "inbox").grades[0]["score"]
    copy = dict(real, answers={"P01.S1": "reporting"}, created="2099-12-31T23:59:59Z")
    put(tmp_path / "inbox", "copy.submission.json", copy)
    result = grade_folder(tmp_path / "inbox")
    assert [row["score"] for row in result.grades] == [alone]
    assert [(p.file, p.problem) for p in result.skipped] == [("copy.submission.json", "future")]


def test_is_created_compared_as_a_time_and_an_unpadded_one_refused(tmp_path: Path, key) -> None:
    write_submission(category_submission(key, "Ada", created="2026-11-02T08:00:00Z"), tmp_path / "inbox")
    newer = write_submission(category_submission(key, "Ada", created="2026-11-10T08:00:00Z", answers={}), tmp_path / "inbox")
    put(tmp_path / "inbox", "unpadded.submission.json", category_submission(key, "Ada", created="2026-9-01T08:00:00Z"))
    result = grade_folder(tmp_path / "inbox")
    assert [row["file"] for row in result.grades] == [newer.name]
    assert ("unpadded.submission.json", "malformed") in [(p.file, p.problem) for p in result.skipped]


def test_is_a_file_from_another_folder_claiming_a_students_exercise_a_conflict(tmp_path: Path, key) -> None:
    inbox = tmp_path / "inbox"
    own = write_submission(category_submission(key, "Ada"), inbox / "ada")
    other = write_submission(category_submission(key, "Ada", created="2026-11-21T09:00:00Z", answers={}), inbox / "eve")
    write_submission(category_submission(key, "Ben"), inbox / "ben")
    result = grade(inbox, tmp_path / "out")
    names = {f"ada/{own.name}", f"eve/{other.name}"}
    conflicts = [line for line in result.summary().splitlines() if ": conflict: " in line]
    assert len(conflicts) == 2 and all(all(name in line for name in names) for line in conflicts)
    assert {row["file"] for row in read_csv(tmp_path / "out" / "skipped.csv") if row["problem"] == "conflict"} == names
    rows = {row["student"]: row for row in read_csv(tmp_path / "out" / "grades.csv")}
    assert rows["Ada"]["status"] == "conflict" and rows["Ada"]["score"] == ""
    assert all(name in rows["Ada"]["file"] for name in names) and rows["Ben"]["status"] == "graded"


def test_do_student_folders_settle_whose_a_file_is(tmp_path: Path, key) -> None:
    inbox = tmp_path / "inbox"
    write_submission(category_submission(key, "Ada"), inbox / "ada")
    write_submission(category_submission(key, "Ada", answers={}), inbox / "eve")  # Eve typed Ada's name
    put(inbox, "loose.submission.json", category_submission(key, "Cy"))
    result = grade(inbox, tmp_path / "out", student_folders=True)
    assert sorted((row["student"], row["status"]) for row in result.grades) == [("ada", "graded"), ("eve", "graded")]
    assert [(p.file, p.problem) for p in result.skipped] == [("loose.submission.json", "outside a student folder")]
    assert any("graded as the folder's student" in p.reason for p in result.warnings)


def scored_sheet(tmp_path: Path, students: int = 4) -> tuple[Path, Path, list[dict[str, str]]]:
    """Return an inbox of written answers, its output folder and the sheet with every answer scored 2."""
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    for number in range(students):
        answers = {name: f"answer {name} of student {number} " * 5 for name in exercise("04_framing_and_evidence").questions}
        write_submission(
            checks.build_assignment_submission("04_framing_and_evidence", f"Student {number}", REPO / "seeds" / f"{ARTICLE}.txt", answers),
            inbox,
        )
    grade(inbox, out)
    sheet = read_csv(out / "written_answers.csv")
    for row in sheet:
        row["score"] = "2"
    return inbox, out, sheet


@pytest.mark.parametrize(
    ("delimiter", "encoding", "newline"),
    [(",", "utf-8", "\n"), (";", "utf-8-sig", "\r\n"), ("\t", "utf-16", "\r\n"), (";", "utf-8", "\r\n")],
)
def test_is_a_sheet_saved_by_any_spreadsheet_merged(tmp_path: Path, key, delimiter: str, encoding: str, newline: str) -> None:
    inbox, out, sheet = scored_sheet(tmp_path)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(sheet[0]), delimiter=delimiter, lineterminator=newline)
    writer.writeheader()
    writer.writerows({**row, "score": "2,5" if delimiter == ";" and row["question"] == "answer_1" else "2"} for row in sheet)
    saved = buffer.getvalue().encode(encoding)
    (out / "written_answers.csv").write_bytes(saved)
    result = grade(inbox, out)
    merged = read_csv(out / "written_answers.csv")
    assert len(merged) == 12 and all(row["score"] in ("2", "2.5") for row in merged)
    assert all(row["status"] == "graded" for row in result.grades)
    assert [path.read_bytes() for path in (out / "backups").iterdir()] == [saved]  # the sheet as the teacher saved it


@pytest.mark.parametrize("data", ["student;exercise\r\nAda;x\r\n".encode(), "score,answer_id\nÅ".encode("cp1252")])
def test_is_a_sheet_that_cannot_be_read_refused_in_one_line_and_left_untouched(tmp_path: Path, key, data: bytes) -> None:
    inbox, out, _ = scored_sheet(tmp_path, students=1)
    (out / "written_answers.csv").write_bytes(data)
    before = snapshot(out)
    with pytest.raises(MediaLitError) as raised:  # the command prints it as one line, exit 2
        grade(inbox, out)
    assert "\n" not in str(raised.value) and "left unchanged" in str(raised.value)
    assert snapshot(out) == before


def test_are_duplicate_rows_with_different_scores_named(tmp_path: Path, key) -> None:
    inbox, out, sheet = scored_sheet(tmp_path, students=1)
    rows = [*sheet, {**sheet[0], "score": "3"}]
    with (out / "written_answers.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(sheet[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = grade(inbox, out)
    assert any("rows 2 and 5" in p.reason and "different scores" in p.reason for p in result.warnings)
    assert "rows 2 and 5" in result.summary()


def test_does_a_partial_run_keep_every_other_exercises_rows_scores_and_feedback(tmp_path: Path, key) -> None:
    inbox, out, sheet = scored_sheet(tmp_path, students=2)
    for number in range(2):
        write_submission(category_submission(key, f"Student {number}"), inbox)
    grade(inbox, out)
    with (out / "written_answers.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(sheet[0]))
        writer.writeheader()
        writer.writerows(sheet)
    grade(inbox, out)
    before = {name: read_csv(out / name) for name in ("grades.csv", "written_answers.csv", "items.csv")}
    feedback = (out / "feedback" / "student-0.md").read_text(encoding="utf-8")
    result = grade(inbox, out, exercises=[f"{ARTICLE}-category"])
    assert {row["exercise_id"] for row in result.grades} == {f"{ARTICLE}-category"}
    for name, rows in before.items():
        assert sorted(map(str, read_csv(out / name))) == sorted(map(str, rows)), name
    assert (out / "feedback" / "student-0.md").read_text(encoding="utf-8") == feedback
    assert "04\\_framing\\_and\\_evidence" in feedback and "(2 of 3)" in feedback


def test_does_grading_an_empty_or_missing_folder_change_nothing_already_written(tmp_path: Path, key) -> None:
    inbox, out, _ = scored_sheet(tmp_path, students=1)
    before = snapshot(out)
    (tmp_path / "empty").mkdir()
    put(tmp_path / "bad", "x.submission.json", "not a submission")
    for folder in ("empty", "bad"):
        assert not grade(tmp_path / folder, out).grades
        assert snapshot(out) == before, folder
    with pytest.raises(MediaLitError, match="no such folder"):
        grade(tmp_path / "missing", out)
    done = run_grade(str(tmp_path / "empty"), "--out", str(out))
    assert done.returncode == 1 and "nothing was written" in done.stdout and snapshot(out) == before


def test_does_an_unwritable_out_give_one_line_and_exit_2(tmp_path: Path, key) -> None:
    write_submission(category_submission(key, "Ada"), tmp_path / "inbox")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    done = run_grade(str(tmp_path / "inbox"), "--out", str(tmp_path / "file" / "out"))
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert "give --out a folder you can write to" in done.stderr


FORMULAS = ("=", "+", "-", "@")


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_can_no_cell_start_a_formula_whichever_separator_a_spreadsheet_uses(tmp_path: Path, key, separator: str) -> None:
    nasty = "Eve\r=1+1\r=cmd|' /C calc'!A0;=2+2,@SUM(A1)\n-3+3\t=HYPERLINK(\"x\")"
    write_submission(category_submission(key, nasty), tmp_path / "inbox")
    answers = {"answer_1": nasty + " words " * 20, "answer_2": "=1+1", "answer_3": "+cmd"}
    write_submission(
        checks.build_assignment_submission("04_framing_and_evidence", "=Mallory", REPO / "seeds" / f"{ARTICLE}.txt", answers),
        tmp_path / "inbox",
    )
    grade(tmp_path / "inbox", tmp_path / "out")
    for name in ("grades.csv", "items.csv", "written_answers.csv", "skipped.csv"):
        text = (tmp_path / "out" / name).read_text(encoding="utf-8-sig")
        assert "\r" not in text.replace("\r\n", "")  # no bare CR anywhere
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator):
            for cell in row:
                assert not cell.strip(' "').startswith(FORMULAS), (name, cell)
        for line in text.splitlines():
            assert line.startswith('"') and line.endswith('"'), line  # every cell quoted, no row broken


def test_are_html_and_markdown_in_names_and_answers_escaped_in_feedback(tmp_path: Path, key) -> None:
    name = '<script>alert("x")</script><img src=x onerror=alert(1)> **[link](javascript:alert(1))**'
    write_submission(category_submission(key, name), tmp_path / "inbox")
    answers = {"answer_1": "<img src=x onerror=alert(2)>\n# heading\n[x](javascript:1) " + "word " * 20}
    write_submission(
        checks.build_assignment_submission("04_framing_and_evidence", name, REPO / "seeds" / f"{ARTICLE}.txt", answers),
        tmp_path / "inbox",
    )
    grade(tmp_path / "inbox", tmp_path / "out")
    (text,) = [path.read_text(encoding="utf-8") for path in (tmp_path / "out" / "feedback").iterdir()]
    assert "<script" not in text and "<img" not in text and "\n# heading" not in text
    assert not re.search(r"(?<!\\)\]\(javascript", text)  # no live link
    assert "&lt;script&gt;" in text and "\\*\\*\\[link\\]" in text


def test_does_the_summary_print_no_control_characters_and_cut_long_values(tmp_path: Path, key) -> None:
    inbox = tmp_path / "inbox"
    write_submission(category_submission(key, "Ada", kit_version="\x1b[2J\x1b[Hgraded 99 of 99\r" + "x" * 5000), inbox)
    (inbox / "\x1b[31mred\x9b2J.submission.json").write_bytes(b"{")
    done = run_grade(str(inbox), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", done.stdout)
    assert "\\x1b[31mred" in done.stdout and max(len(line) for line in done.stdout.splitlines()) <= 600


def test_is_an_unknown_exercise_id_named_and_not_graded(tmp_path: Path, key) -> None:
    put(tmp_path / "inbox", "x.submission.json", category_submission(key, "Ada", exercise_id="<b>quiz</b>"))
    write_submission(category_submission(key, "Ben"), tmp_path / "inbox")
    result = grade_folder(tmp_path / "inbox")
    assert [row["student"] for row in result.grades] == ["Ben"]
    assert [(p.file, p.problem) for p in result.skipped] == [("x.submission.json", "foreign")]
    assert "unknown exercise id '<b>quiz</b>'" in result.skipped[0].reason


def test_is_a_classify_on_an_undeclared_field_graded_over_every_sentence(tmp_path: Path, key) -> None:
    # classify(article, field="speaker") in a teacher's own notebook saves "<article>-speaker"; no declaration names it.
    answers = {sid: key.value(sid, "speaker") or "no one quoted (the outlet's own narration)" for sid in key.sentence_ids}
    submission = category_submission(key, "Ada", exercise_id=f"{ARTICLE}-speaker", field="speaker", answers=answers)
    put(tmp_path / "inbox", "s.submission.json", submission)
    result = grade_folder(tmp_path / "inbox")
    assert result.skipped == [] and [row["exercise_id"] for row in result.grades] == [f"{ARTICLE}-speaker"]
    assert len([row for row in result.items if row["exercise_id"] == f"{ARTICLE}-speaker"]) == len(key.sentence_ids)


def test_does_every_kind_of_exercise_a_student_hands_in_have_its_own_grader() -> None:
    assert set(GRADERS) == {declared.kind for declared in exercises()} - {"quiz"}
    assert len(set(GRADERS.values())) == len(GRADERS)


def test_is_a_quiz_submission_named_as_not_graded(tmp_path: Path, key) -> None:
    quiz = exercises("quiz")[0]
    submission = category_submission(key, "Ada", exercise_id=quiz.answers_file_id(ARTICLE), field="")
    put(tmp_path / "inbox", "q.submission.json", submission)
    result = grade_folder(tmp_path / "inbox")
    assert result.grades == [] and [(p.file, p.problem) for p in result.skipped] == [("q.submission.json", "foreign")]
    assert f"{quiz.answers_file_id(ARTICLE)} is a quiz exercise, which grading does not score" in result.skipped[0].reason


def test_is_an_assignment_about_another_article_named_as_foreign(tmp_path: Path, key) -> None:
    labels = next(s for s in class_submissions(students=1, seed=1, key=key) if s["exercise_id"] == "01_label_voices")
    put(tmp_path / "inbox", "x.submission.json", dict(labels, article="practice-harbour-talks"))
    result = grade_folder(tmp_path / "inbox")
    assert [(p.file, p.problem) for p in result.skipped] == [("x.submission.json", "foreign")]
    assert f"01_label_voices is about {ARTICLE}, not 'practice-harbour-talks'" in result.skipped[0].reason


def test_does_a_lesson_exercise_on_another_article_grade_the_items_chosen_for_that_article(tmp_path: Path) -> None:
    practice = load_article_key(REPO / "seeds" / "practice-harbour-talks.txt")
    lesson = exercise("02_who_is_speaking")
    write_submission(
        build_submission(
            student="Ada", exercise_id=lesson.answers_file_id("practice-harbour-talks"), key_sha256=practice.sha256,
            answers={}, field="speaker", article="practice-harbour-talks",
        ),
        tmp_path,
    )
    result = grade_folder(tmp_path)
    items = [row["item"] for row in result.items]
    assert result.grades[0]["status"] == "graded" and items == lesson.items_for(practice) != list(lesson.items)


@pytest.fixture
def one_more_exercise(monkeypatch: pytest.MonkeyPatch):
    """Declare one more lesson exercise in the registry (two sentences, speaker) for one test; return it."""
    added = Exercise(
        id="10_one_more", kind="classify", notebook="notebooks/10_one_more.ipynb", title="One more",
        fields=("speaker",), items=("P01.S1", "P02.S2"), answers_id="{article}-10-speaker",
    )
    monkeypatch.setattr(registry, "EXERCISES", (*registry.EXERCISES, added))
    registry._checked.cache_clear()
    yield added
    monkeypatch.undo()
    registry._checked.cache_clear()


def test_is_an_exercise_graded_as_soon_as_it_is_declared(tmp_path: Path, key, one_more_exercise: Exercise) -> None:
    write_submission(
        build_submission(
            student="Ada", exercise_id=f"{ARTICLE}-10-speaker", key_sha256=key.sha256,
            answers={"P01.S1": key.table.loc["P01.S1", "speaker"] or "x", "P05.S1": "Mike Pompeo"}, field="speaker",
            article=ARTICLE,
        ),
        tmp_path,
    )
    result = grade_folder(tmp_path)
    assert not result.skipped and [row["item"] for row in result.items] == ["P01.S1", "P02.S2"]
    assert result.grades[0]["items"] == 2 and result.grades[0]["answered"] == 1


@POSIX
def test_are_links_fifos_and_folders_named_like_files_named_and_never_followed(tmp_path: Path, key) -> None:
    inbox, outside = tmp_path / "inbox", tmp_path / "outside"
    write_submission(category_submission(key, "Ada"), inbox)
    stolen = write_submission(category_submission(key, "Stolen"), outside)
    (inbox / "link.submission.json").symlink_to(stolen)
    (inbox / "broken.submission.json").symlink_to(tmp_path / "nothing")
    (inbox / "loop.submission.json").symlink_to(inbox / "loop.submission.json")
    (inbox / "folder-link").symlink_to(outside, target_is_directory=True)
    os.mkfifo(inbox / "fifo.submission.json")
    put(inbox / "dir.submission.json", "inner.submission.json", category_submission(key, "Inner"))
    result = grade_folder(inbox)
    assert [row["student"] for row in result.grades] == ["Ada"]
    problems = {p.file: p.problem for p in result.skipped}
    assert problems == {
        "link.submission.json": "symlink",
        "broken.submission.json": "symlink",
        "loop.submission.json": "symlink",
        "folder-link": "symlink",
        "fifo.submission.json": "not a file",
        "dir.submission.json": "not a file",
    }
    assert result.found == 6 and "graded 1 of 6" in result.summary()


@POSIX
def test_do_grading_outputs_follow_the_umask(tmp_path: Path, key) -> None:
    write_submission(category_submission(key, "Ada"), tmp_path / "inbox")
    old = os.umask(0o027)
    try:
        grade(tmp_path / "inbox", tmp_path / "out")
    finally:
        os.umask(old)
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in (tmp_path / "out").rglob("*") if path.is_file()}
    assert modes and set(modes.values()) == {0o640}, modes


def test_does_grades_csv_show_the_first_answers_score_beside_the_final_one(tmp_path: Path, key) -> None:
    final = category_submission(key, "Ada")
    first = {sid: "reporting" for sid in key.sentence_ids}
    write_submission({**final, "first_answers": first}, tmp_path / "inbox")
    write_submission(category_submission(key, "Ben"), tmp_path / "inbox")
    grade(tmp_path / "inbox", tmp_path / "out")
    rows = {row["student"]: row for row in read_csv(tmp_path / "out" / "grades.csv")}
    wanted = round(100 * score_answers(key, first, "category").balanced, 1)
    assert float(rows["Ada"]["first_answer_score"]) == pytest.approx(wanted) and rows["Ada"]["score"] != ""
    assert rows["Ben"]["first_answer_score"] == ""


@POSIX
@pytest.mark.skipif(os.name == "posix" and os.geteuid() == 0, reason="root reads every folder, so none is unreadable")
def test_is_an_unreadable_folder_named(tmp_path: Path, key) -> None:
    write_submission(category_submission(key, "Ada"), tmp_path / "inbox")
    locked = tmp_path / "inbox" / "locked"
    write_submission(category_submission(key, "Ben"), locked)
    locked.chmod(0)
    try:
        result = grade_folder(tmp_path / "inbox")
    finally:
        locked.chmod(0o755)
    assert [(p.file, p.problem) for p in result.skipped] == [("locked", "unreadable")]


def test_are_other_files_counted_and_listed(tmp_path: Path, key) -> None:
    write_submission(category_submission(key, "Ada"), tmp_path / "inbox")
    for name in ("notes.txt", "lesson.ipynb", ".submission-x.tmp"):
        (tmp_path / "inbox" / name).write_text("x", encoding="utf-8")
    result = grade(tmp_path / "inbox", tmp_path / "out")
    assert "ignored 3 other file(s)" in result.summary()
    listed = {row["file"] for row in read_csv(tmp_path / "out" / "skipped.csv") if row["problem"] == "ignored"}
    assert listed == {"notes.txt", "lesson.ipynb", ".submission-x.tmp"}


def test_is_a_folder_the_system_refuses_to_list_named(tmp_path: Path, key, monkeypatch: pytest.MonkeyPatch) -> None:
    import medialit.teacher.grading as grading
    import medialit.teacher.inbox as inbox

    write_submission(category_submission(key, "Ada"), tmp_path / "inbox")
    locked = tmp_path / "inbox" / "locked"
    write_submission(category_submission(key, "Ben"), locked)
    real = os.scandir

    def refusing(path: Any) -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(inbox.os, "scandir", refusing)
    result = grading.grade_folder(tmp_path / "inbox")
    assert [row["student"] for row in result.grades] == ["Ada"]
    assert [(p.file, p.problem) for p in result.skipped] == [("locked", "unreadable")]
    assert "locked: unreadable: a folder that cannot be read (Permission denied)" in result.summary()


def test_does_the_example_class_carry_first_answers_that_grade_to_a_first_answer_score(tmp_path: Path, key) -> None:
    from medialit.exercises.scoring import expected
    from medialit.exercises.submission import read_submission

    shipped = sorted((REPO / "teacher" / "example_submissions").glob(f"*-{ARTICLE}-category-*.submission.json"))
    assert len(shipped) >= 20
    made = {
        (s["student"], s["created"]): s for s in class_submissions(students=25, seed=2026, key=key)
        if s["exercise_id"] == f"{ARTICLE}-category"
    }
    corrected = 0
    for path in shipped:
        submission = read_submission(path)
        assert submission["first_answers"] == made[(submission["student"], submission["created"])]["first_answers"]
        assert set(submission["first_answers"]) <= set(key.sentence_ids)
        for item, first in submission["first_answers"].items():
            if submission["answers"].get(item) != first:  # only a wrong first answer is changed, to the key's label
                assert score_answers(key, {item: first}, "category", [item]).credited == 0
                assert submission["answers"][item] == expected(key, "category", item)[0]
                corrected += 1
    assert corrected >= len(shipped)  # wrong first answers, corrected after feedback, in every part of the class
    result = grade(REPO / "teacher" / "example_submissions", tmp_path / "out")
    rows = [row for row in read_csv(tmp_path / "out" / "grades.csv") if row["exercise_id"] == f"{ARTICLE}-category"]
    assert len(rows) == len(shipped) and result.grades
    for row in rows:
        submission = read_submission(REPO / "teacher" / "example_submissions" / row["file"])
        first = score_answers(key, submission["first_answers"], "category", key.sentence_ids)
        assert float(row["first_answer_score"]) == pytest.approx(round(100 * first.balanced, 1))
        assert float(row["first_answer_score"]) <= float(row["score"])
    assert all(row["first_answer_score"] == "" for row in read_csv(tmp_path / "out" / "grades.csv")
               if row["exercise_id"] != f"{ARTICLE}-category")
