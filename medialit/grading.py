"""Class grading: a folder of submission files in, grade tables and feedback out, no student code run.

``python -m medialit grade SUBMISSIONS_DIR --out DIR [--seeds DIR] [--exercise ID]``
reads every ``*.submission.json`` under ``SUBMISSIONS_DIR`` (a submission is data:
labels, tables, a figure's bars, texts), scores it against the answer key of its
article (found by name in ``seeds/``) with the same checks the exercises run, and writes:

* ``grades.csv``: one row per graded submission;
* ``items.csv``: one row per submission and item (sentence, table, chart part);
* ``written_answers.csv``: the written answers, with an empty ``score`` column the
  teacher fills in with the rubric; a re-run keeps those scores (matched by the
  answer's text) and adds them to ``grades.csv``;
* ``feedback/<student>.md``: one feedback file per student (the name slugged, so it
  never leads outside the folder);
* ``skipped.csv``: every file that was not graded, and why.

A malformed, oversized, duplicate (an older submission of the same student and
exercise) or foreign file (another exercise, or another answer key) is reported
by name and skipped; a submission from another kit version is graded with a warning.
Heavy modules are imported inside functions, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medialit.errors import MediaLitError

GRADE_COLUMNS = [
    "student",
    "student_slug",
    "exercise_id",
    "article",
    "file",
    "created",
    "kit_version",
    "items",
    "answered",
    "credited",
    "score",
    "status",
    "detail",
    "warnings",
]
ITEM_COLUMNS = [
    "student",
    "student_slug",
    "exercise_id",
    "file",
    "field",
    "item",
    "answer",
    "expected",
    "also_accepted",
    "status",
]
WRITTEN_COLUMNS = [
    "student",
    "student_slug",
    "exercise_id",
    "file",
    "question",
    "question_text",
    "answer",
    "words",
    "answer_id",
    "max_points",
    "score",
    "comment",
]
SKIPPED_COLUMNS = ["file", "problem", "reason"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ARTICLE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}")


@dataclass(frozen=True)
class Problem:
    """A file that was skipped (or graded with a warning): its name relative to the folder, the kind, the reason."""

    file: str
    problem: str
    reason: str


@dataclass
class Grading:
    """The outcome of grading a folder.

    Attributes:
        grades, items, written: the rows of ``grades.csv``, ``items.csv`` and ``written_answers.csv``.
        skipped: files not graded (malformed, oversized, duplicate, foreign).
        warnings: files graded with a warning (another kit version, no key recorded).
        feedback: per student slug, the text of their feedback file.
        found: how many submission files were found.
    """

    grades: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    written: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    feedback: dict[str, str] = field(default_factory=dict)
    found: int = 0

    def summary(self) -> str:
        """Return a short report: counts, the mean score per exercise, and every skipped file by name."""
        students = len({row["student_slug"] for row in self.grades})
        lines = [f"graded {len(self.grades)} of {self.found} submission file(s) from {students} student(s)"]
        by_exercise: dict[str, list[float]] = {}
        for row in self.grades:
            by_exercise.setdefault(row["exercise_id"], [])
            if row["score"] != "":
                by_exercise[row["exercise_id"]].append(float(row["score"]))
        for exercise, scores in sorted(by_exercise.items()):
            count = sum(row["exercise_id"] == exercise for row in self.grades)
            mean = f"mean score {sum(scores) / len(scores):.1f}" if scores else "waiting for the teacher's scores"
            lines.append(f"  {exercise}: {count} submission(s), {mean}")
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)} file(s):")
            lines.extend(f"  {problem.file}: {problem.problem}: {problem.reason}" for problem in self.skipped)
        if self.warnings:
            lines.append(f"graded with a warning {len(self.warnings)} file(s):")
            lines.extend(f"  {problem.file}: {problem.reason}" for problem in self.warnings)
        return "\n".join(lines)


# --- small helpers -------------------------------------------------------------------------------------------


def safe_cell(value: Any) -> Any:
    """Return ``value`` made safe for a spreadsheet: text that starts like a formula gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write_csv(path: Path, columns: list[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write ``rows`` as CSV (UTF-8 with BOM, so spreadsheets read accents) atomically; changes ``path``."""
    from medialit.atomic import replace_atomically

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: safe_cell(row.get(column, "")) for column in columns})
    replace_atomically(path, ("\ufeff" + buffer.getvalue()).encode("utf-8"))


def answer_id(text: str) -> str:
    """Return a short fingerprint of a written answer (whitespace-insensitive), to match a teacher's score to it."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def _percent(value: float | None) -> float | str:
    return "" if value is None else round(100 * value, 1)


class _Keys:
    """The answer keys of the articles in a seeds folder, loaded once each."""

    def __init__(self, seeds: Path | None) -> None:
        self.seeds = seeds
        self._cache: dict[str, Any] = {}

    def get(self, article: str) -> Any:
        """Return the key of ``article`` (a name), or None when there is no such article or key."""
        if article not in self._cache:
            self._cache[article] = self._load(article)
        return self._cache[article]

    def _load(self, article: str) -> Any:
        from medialit.key import load_article_key

        if not _ARTICLE_NAME.fullmatch(article) or ".." in article:
            return None  # not a plain article name: never look it up as a path
        if self.seeds is not None:
            path = self.seeds / f"{article}.txt"
            return load_article_key(path) if path.is_file() and path.with_name(f"{article}.key.csv").is_file() else None
        try:
            return load_article_key(article)
        except MediaLitError:
            return None


# --- reading the folder --------------------------------------------------------------------------------------


@dataclass
class _Found:
    path: Path
    name: str
    submission: dict[str, Any]
    kind: str
    key: Any


def _kind(submission: Mapping[str, Any]) -> str:
    """Return how a submission is graded: an assignment's kind, ``classify`` for a widget's, or ``""`` (unknown)."""
    from medialit.checks import ASSIGNMENTS
    from medialit.vocabulary import EXERCISE_FIELDS

    if submission["exercise_id"] in ASSIGNMENTS:
        return ASSIGNMENTS[submission["exercise_id"]]
    return "classify" if submission["field"] in EXERCISE_FIELDS else ""


def _read_all(folder: Path, keys: _Keys, exercises: set[str] | None, result: Grading) -> list[_Found]:
    """Return the submissions in ``folder`` that can be graded; record every other file in ``result``."""
    from medialit import __version__
    from medialit.checks import ASSIGNMENT_ARTICLE, ASSIGNMENTS
    from medialit.submission import MAX_BYTES, SUFFIX, read_submission

    paths = sorted(path for path in folder.rglob(f"*{SUFFIX}") if path.is_file())
    result.found = len(paths)
    found = []
    for path in paths:
        name = path.relative_to(folder).as_posix()
        if path.stat().st_size > MAX_BYTES:
            result.skipped.append(
                Problem(name, "oversized", f"{path.stat().st_size} bytes, more than {MAX_BYTES}; not read")
            )
            continue
        try:
            submission = read_submission(path)
        except MediaLitError as error:
            reason = str(error).removeprefix(f"{path}: ")
            result.skipped.append(Problem(name, "malformed", reason))
            continue
        exercise = submission["exercise_id"]
        kind = _kind(submission)
        if exercises is not None and exercise not in exercises:
            result.skipped.append(
                Problem(
                    name, "foreign", f"exercise {exercise!r} is not one being graded ({', '.join(sorted(exercises))})"
                )
            )
            continue
        if not kind:
            result.skipped.append(
                Problem(name, "foreign", f"exercise {exercise!r} is not one the kit knows how to grade")
            )
            continue
        if exercise in ASSIGNMENTS and submission["article"] != ASSIGNMENT_ARTICLE:
            result.skipped.append(
                Problem(name, "foreign", f"{exercise} is about {ASSIGNMENT_ARTICLE}, not {submission['article']!r}")
            )
            continue
        key = keys.get(submission["article"])
        if key is None:
            result.skipped.append(
                Problem(name, "foreign", f"no answer key for article {submission['article']!r} in the seeds folder")
            )
            continue
        if submission["key_sha256"] and submission["key_sha256"] != key.sha256:
            result.skipped.append(
                Problem(
                    name,
                    "foreign",
                    "made with another answer key (key_sha256 differs); grade it with that key's seeds folder",
                )
            )
            continue
        if not submission["key_sha256"]:
            result.warnings.append(Problem(name, "warning", "records no answer key; graded against the current key"))
        if submission["kit_version"] != __version__:
            result.warnings.append(
                Problem(name, "warning", f"made with kit version {submission['kit_version']}, this is {__version__}")
            )
        found.append(_Found(path, name, submission, kind, key))
    return _newest_only(found, result)


def _newest_only(found: list[_Found], result: Grading) -> list[_Found]:
    """Return the newest submission per student and exercise; record the older ones as duplicates."""
    from medialit.submission import slug

    groups: dict[tuple[str, str], list[_Found]] = {}
    for entry in found:
        groups.setdefault((slug(entry.submission["student"]), entry.submission["exercise_id"]), []).append(entry)
    kept = []
    for group in groups.values():
        group.sort(key=lambda entry: (entry.submission["created"], entry.name))
        newest = group[-1]
        kept.append(newest)
        for older in group[:-1]:
            result.skipped.append(
                Problem(
                    older.name,
                    "duplicate",
                    f"an older submission of the same student and exercise; graded {newest.name}",
                )
            )
    return sorted(
        kept, key=lambda entry: (entry.submission["exercise_id"], slug(entry.submission["student"]), entry.name)
    )


# --- grading one submission ----------------------------------------------------------------------------------


def _classify_items(exercise_id: str, key: Any, field_name: str) -> list[str]:
    """Return the items a widget's exercise asked: a lesson's chosen items, else every sentence."""
    try:
        from medialit import lessons
    except ImportError:  # pragma: no cover - lessons are part of the kit
        return key.sentence_ids
    for lesson, entry in lessons.LESSON_EXERCISES.items():
        if entry.get("field") == field_name and lessons.exercise_id(lesson, key.article.name) == exercise_id:
            return lessons.exercise_items(lesson, key)
    return key.sentence_ids


def _score_rows(base: dict[str, Any], score: Any, field_name: str) -> list[dict[str, Any]]:
    rows = []
    for result in score.items:
        rows.append(
            {
                **base,
                "field": field_name,
                "item": result.sentence_id,
                "answer": result.answer or "",
                "expected": result.preferred,
                "also_accepted": ";".join(result.acceptable),
                "status": result.status,
            }
        )
    return rows


def _feedback_scores(title: str, score: Any) -> list[str]:
    lines = [f"**{title}**: {score.summary()}", ""]
    lines += [f"* {result.sentence_id}: {result.feedback}" for result in score.items]
    return [*lines, ""]


_VOICE_TABLES: dict[str, Any] = {}


def _labelled_for(submission: Mapping[str, Any], key: Any) -> Any:
    """Return the labelled sentences the submission's tables or figure were built from (the key's are computed once)."""
    from medialit.checks import labelled_from_submission
    from medialit.voices import voice_table

    extra = submission.get("extra", {})
    if extra.get("labels_source") == "own answers" and isinstance(extra.get("labels_used"), dict):
        return labelled_from_submission(key.article, extra["labels_used"])
    cache_key = f"{key.path}:{key.sha256}"
    if cache_key not in _VOICE_TABLES:
        _VOICE_TABLES[cache_key] = voice_table(key.article, key)
    return _VOICE_TABLES[cache_key]


def _grade_one(
    entry: _Found, scores: Mapping[tuple[str, str, str, str], tuple[str, str]], result: Grading
) -> tuple[dict[str, Any], list[str]]:
    """Grade one submission; add its item and written rows to ``result``; return its grade row and feedback lines."""
    from medialit import checks
    from medialit.scoring import score_answers
    from medialit.submission import slug

    submission, key = entry.submission, entry.key
    extra = submission.get("extra") or {}
    student_slug = slug(submission["student"])
    base = {
        "student": submission["student"],
        "student_slug": student_slug,
        "exercise_id": submission["exercise_id"],
        "file": entry.name,
    }
    row: dict[str, Any] = {
        **base,
        "article": submission["article"],
        "created": submission["created"],
        "kit_version": submission["kit_version"],
        "warnings": "",
    }
    feedback = [f"## {submission['exercise_id']}", "", f"Submitted {submission['created']} (file `{entry.name}`).", ""]
    if entry.kind in ("classify", "labels"):
        if entry.kind == "classify":
            fields = {submission["field"]: submission["answers"]}
            items = _classify_items(submission["exercise_id"], key, submission["field"])
        else:
            labels = extra.get("labels") if isinstance(extra.get("labels"), dict) else {}
            fields = {
                name: labels.get(name, submission["answers"] if name == submission["field"] else {})
                for name in checks.LABEL_FIELDS
            }
            items = [item for item in checks.LABEL_ITEMS if item in key.table.index]
        totals = {"items": 0, "answered": 0, "credited": 0}
        balanced = []
        for field_name, answers in fields.items():
            answers = {str(k): v for k, v in answers.items() if isinstance(v, str)} if isinstance(answers, dict) else {}
            score = score_answers(key, answers, field_name, items)
            totals["items"] += score.total
            totals["answered"] += score.answered
            totals["credited"] += score.credited
            balanced.append(score.balanced)
            result.items.extend(_score_rows(base, score, field_name))
            feedback += _feedback_scores(field_name, score)
        mean = sum(balanced) / len(balanced)
        row.update(
            totals,
            score=_percent(mean),
            status="graded",
            detail="; ".join(f"{name} balanced {value:.0%}" for name, value in zip(fields, balanced, strict=True)),
        )
        return row, feedback
    if entry.kind in ("tables", "figure"):
        labelled = _labelled_for(submission, key)
        if entry.kind == "tables":
            data = extra.get("tables") if isinstance(extra.get("tables"), dict) else {}
            reports = {
                name: checks.check_words_table(data.get(name), by=by, labelled=labelled)
                for name, by in checks.TABLES.items()
            }
        else:
            reports = {"figure": checks.check_voice_map(extra.get("figure"), labelled=labelled)}
        values = [report.score or 0.0 for report in reports.values()]
        for name, report in reports.items():
            result.items.append(
                {
                    **base,
                    "field": entry.kind,
                    "item": name,
                    "answer": "" if report.status == "unanswered" else "submitted",
                    "expected": "",
                    "status": report.status,
                }
            )
            feedback += [f"**{name}**: {report.headline}", "", *[f"* {line}" for line in report.lines], ""]
        answered = sum(report.status != "unanswered" for report in reports.values())
        credited = sum(report.status == "passed" for report in reports.values())
        row.update(
            items=len(reports),
            answered=answered,
            credited=credited,
            score=_percent(sum(values) / len(values)),
            status="graded",
            detail="; ".join(f"{name} {report.status}" for name, report in reports.items()),
        )
        return row, feedback
    # written answers: format here, content scored by the teacher in written_answers.csv
    written = extra.get("written") if isinstance(extra.get("written"), dict) else {}
    points, scored = 0.0, 0
    for question, text in checks.WRITTEN_QUESTIONS.items():
        answer = written.get(question) if isinstance(written.get(question), str) else ""
        identity = answer_id(answer)
        teacher_score, comment = scores.get((student_slug, submission["exercise_id"], question, identity), ("", ""))
        if teacher_score != "":
            points += float(teacher_score)
            scored += 1
        words = len(answer.split())
        result.written.append(
            {
                **base,
                "question": question,
                "question_text": text,
                "answer": answer,
                "words": words,
                "answer_id": identity,
                "max_points": checks.WRITTEN_POINTS,
                "score": teacher_score,
                "comment": comment,
            }
        )
        status = "unanswered" if not answer.strip() else ("scored" if teacher_score != "" else "to score")
        result.items.append(
            {**base, "field": "written", "item": question, "answer": f"{words} words", "expected": "", "status": status}
        )
        marks = f"{teacher_score} of {checks.WRITTEN_POINTS}" if teacher_score != "" else "not scored yet"
        feedback += [f"**{question}** ({marks}): {text}", "", f"> {' '.join(answer.split()) or '(no answer)'}", ""]
        if comment:
            feedback += [f"Teacher's comment: {comment}", ""]
    total = len(checks.WRITTEN_QUESTIONS)
    answered = sum(isinstance(written.get(q), str) and bool(written[q].strip()) for q in checks.WRITTEN_QUESTIONS)
    complete = scored == total
    row.update(
        items=total,
        answered=answered,
        credited=scored,
        score=_percent(points / (total * checks.WRITTEN_POINTS)) if complete else "",
        status="graded" if complete else f"waiting for the teacher's scores ({scored} of {total} scored)",
        detail=f"{points:g} of {total * checks.WRITTEN_POINTS} points" if scored else "",
    )
    return row, feedback


# --- the teacher's scores ------------------------------------------------------------------------------------


def read_teacher_scores(path: Path, result: Grading | None = None) -> dict[tuple[str, str, str, str], tuple[str, str]]:
    """Return the scores a teacher typed into ``written_answers.csv``: (slug, exercise, question, answer_id) -> (score, comment).

    A score that is not a number from 0 to the question's maximum is ignored with a warning in ``result``.
    A missing file gives an empty mapping.
    """
    from medialit.checks import WRITTEN_POINTS

    if not path.is_file():
        return {}
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MediaLitError(
            f"{path}: is not UTF-8; in your spreadsheet use Save As > 'CSV UTF-8 (comma delimited)'"
        ) from None
    scores = {}
    for number, row in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2):
        value = (row.get("score") or "").strip().replace(",", ".")
        comment = (row.get("comment") or "").strip()
        if not value and not comment:
            continue
        if value:
            try:
                points = float(value)
            except ValueError:
                points = -1.0
            if not 0 <= points <= WRITTEN_POINTS:
                if result is not None:
                    result.warnings.append(
                        Problem(
                            path.name,
                            "warning",
                            f"row {number}: score {value!r} ignored; use a number from 0 to {WRITTEN_POINTS}",
                        )
                    )
                value = ""
            else:
                value = f"{points:g}"
        slug_value = (row.get("student_slug") or "").removeprefix("'")
        identity = (row.get("answer_id") or "").removeprefix("'")
        scores[(slug_value, row.get("exercise_id") or "", row.get("question") or "", identity)] = (value, comment)
    return scores


# --- the whole folder ----------------------------------------------------------------------------------------


def grade_folder(
    submissions: Path | str,
    *,
    seeds: Path | str | None = None,
    exercises: Iterable[str] | None = None,
    teacher_scores: Path | str | None = None,
) -> Grading:
    """Return the grading of every submission file under ``submissions`` (nothing is written).

    ``seeds``: the folder holding the articles and keys (default: the kit's ``seeds/``
    search). ``exercises``: grade only these exercise ids (others are foreign).
    ``teacher_scores``: a ``written_answers.csv`` whose scores are merged in.

    Raises:
        MediaLitError: ``submissions`` is not a folder.
    """
    folder = Path(submissions)
    if not folder.is_dir():
        raise MediaLitError(
            f"{folder}: no such folder of submissions; give the folder the *.submission.json files are in"
        )
    if seeds is not None and not Path(seeds).is_dir():
        raise MediaLitError(
            f"{seeds}: no such seeds folder; give the folder with the articles and their .key.csv files"
        )
    result = Grading()
    found = _read_all(
        folder, _Keys(Path(seeds) if seeds is not None else None), set(exercises) if exercises else None, result
    )
    scores = read_teacher_scores(Path(teacher_scores), result) if teacher_scores is not None else {}
    by_student: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for entry in found:
        row, feedback = _grade_one(entry, scores, result)
        result.grades.append(row)
        by_student.setdefault(row["student_slug"], []).extend(feedback)
        names.setdefault(row["student_slug"], row["student"])
    for student_slug, lines in by_student.items():
        header = [f"# Feedback for {' '.join(names[student_slug].split())}", ""]
        result.feedback[student_slug] = "\n".join(header + lines).rstrip() + "\n"
    return result


def write_grading(result: Grading, out: Path | str) -> Path:
    """Write the grading's CSV files and feedback files into ``out`` (created if needed) and return ``out``.

    Feedback files of an earlier run that this run did not write are removed from ``out/feedback``.
    """
    out = Path(out)
    feedback_dir = out / "feedback"
    feedback_dir.mkdir(parents=True, exist_ok=True)
    _write_csv(out / "grades.csv", GRADE_COLUMNS, result.grades)
    _write_csv(out / "items.csv", ITEM_COLUMNS, result.items)
    _write_csv(out / "written_answers.csv", WRITTEN_COLUMNS, result.written)
    _write_csv(out / "skipped.csv", SKIPPED_COLUMNS, [problem.__dict__ for problem in result.skipped])
    root = feedback_dir.resolve()
    for student_slug, text in result.feedback.items():
        target = (feedback_dir / f"{student_slug}.md").resolve()
        if target.parent != root:
            raise MediaLitError(f"{student_slug!r}: not a safe file name for feedback")  # slug() makes this impossible
        target.write_text(text, encoding="utf-8")
    for old in feedback_dir.glob("*.md"):
        if old.stem not in result.feedback:
            old.unlink()
    return out


def grade(
    submissions: Path | str, out: Path | str, *, seeds: Path | str | None = None, exercises: Iterable[str] | None = None
) -> Grading:
    """Grade ``submissions`` into ``out`` and return the grading.

    The teacher's scores in ``out/written_answers.csv`` from an earlier run are kept and merged.
    Writes the files listed in the module docstring.
    """
    out = Path(out)
    result = grade_folder(submissions, seeds=seeds, exercises=exercises, teacher_scores=out / "written_answers.csv")
    write_grading(result, out)
    return result


def grade_command(args: argparse.Namespace) -> int:
    """Handle ``grade``: grade the folder, print the summary; return 0 when anything was graded, else 1."""
    result = grade(args.submissions, args.out, seeds=args.seeds, exercises=args.exercise)
    print(result.summary())
    print(
        f"written: grades.csv, items.csv, written_answers.csv, skipped.csv and {len(result.feedback)} feedback file(s) in {args.out}"
    )
    if result.written:
        print(
            "score the written answers in written_answers.csv (column 'score'), then run this command again to merge them"
        )
    return 0 if result.grades else 1


def add_grade_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``grade`` to ``parser``."""
    parser.add_argument(
        "submissions", metavar="SUBMISSIONS_DIR", help="the folder holding *.submission.json files (subfolders too)"
    )
    parser.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="the folder for grades.csv, items.csv, written_answers.csv and feedback/",
    )
    parser.add_argument(
        "--seeds", metavar="DIR", help="the folder with the articles and their answer keys (default: seeds/)"
    )
    parser.add_argument(
        "--exercise",
        action="append",
        metavar="ID",
        help="grade only this exercise id (repeatable); others are reported as foreign",
    )
