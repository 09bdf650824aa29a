"""One small grader per kind of exercise: a submission and its exercise's declaration in, a grade row and feedback out.

``GRADERS[exercise.kind](job)`` grades one submission. The facts of an exercise (its fields, items, tables,
questions and points) come from its declaration in ``medialit.exercises.registry``; the scoring is the one the
exercises themselves run (``medialit.exercises.scoring`` and ``medialit.exercises.checks``). Each grader adds the
submission's item rows (and written rows) to ``job.result`` and returns the grade row's values and the feedback
lines. Quizzes are not graded (they are practice, never handed in).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from medialit.exercises import checks
from medialit.exercises.registry import Exercise, Kind
from medialit.exercises.scoring import Score, score_answers
from medialit.keys.table import voice_table
from medialit.teacher.grades_csv import CELL_MAX, QUOTE_MAX, md
from medialit.teacher.results import GRADED, LABEL_MAX, SCORED, TO_SCORE, Found, Grading, TeacherScores
from medialit.text.textfile import cut
from medialit.vocabulary import LIST_SEPARATOR

# The grade row's values and the feedback lines of one submission.
Outcome = tuple[dict[str, Any], list[str]]


@dataclass(frozen=True)
class Job:
    """One submission to grade.

    Attributes:
        entry: the file (its exercise's declaration, its answer key, the student).
        submission: the validated submission.
        base: the cells every row of this submission starts with (student, slug, exercise id, file).
        scores: the teacher's scores of written answers, from an earlier sheet.
        result: the grading its item and written rows are added to.
    """

    entry: Found
    submission: Mapping[str, Any]
    base: dict[str, Any]
    scores: TeacherScores
    result: Grading

    @property
    def exercise(self) -> Exercise:
        """Return the declaration of the exercise the submission answers."""
        return self.entry.exercise

    @property
    def extra(self) -> Mapping[str, Any]:
        """Return the submission's ``extra`` part (tables, figure, written answers...), {} when it has none."""
        return self.submission.get("extra") or {}

    def part(self, name: str) -> dict[str, Any]:
        """Return the object ``extra[name]`` of the submission, {} when it is missing or not an object."""
        value = self.extra.get(name)
        return value if isinstance(value, dict) else {}


Grader = Callable[[Job], Outcome]


def percent(value: float | None) -> float | str:
    """Return a share (0..1) as a percent with one decimal, "" for None (not scored)."""
    return "" if value is None else round(100 * value, 1)


def answer_id(text: str) -> str:
    """Return a short fingerprint of a written answer (whitespace-insensitive), to match a teacher's score to it."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


# --- labels: a widget's one field, or an assignment's several ------------------------------------------------


def _string_answers(answers: Any) -> dict[str, str]:
    return {str(k): v for k, v in answers.items() if isinstance(v, str)} if isinstance(answers, dict) else {}


def _score_rows(base: dict[str, Any], score: Score, field_name: str) -> list[dict[str, Any]]:
    return [
        {
            **base,
            "field": field_name,
            "item": result.sentence_id,
            "answer": cut(result.answer or "", LABEL_MAX),
            "expected": result.preferred,
            "also_accepted": LIST_SEPARATOR.join(result.acceptable),
            "status": result.status,
        }
        for result in score.items
    ]


def _feedback_scores(title: str, score: Score) -> list[str]:
    lines = [f"**{md(title)}**: {md(score.summary())}", ""]
    lines += [f"* {md(result.sentence_id)}: {md(cut(result.feedback, QUOTE_MAX))}" for result in score.items]
    return [*lines, ""]


def _first_answers(job: Job, items: list[str]) -> tuple[float | str, list[str]]:
    """Return the first answers' balanced score (practice mode records them) and its feedback line; "" when none."""
    first = job.submission.get("first_answers")
    if not isinstance(first, dict):
        return "", []
    field_name = job.submission["field"]
    score = score_answers(job.entry.key, _string_answers(first), field_name, items)
    return percent(score.balanced), [f"First answers ({md(field_name)}, practice mode): {md(score.summary())}", ""]


def _score_fields(job: Job, fields: Mapping[str, Any], items: list[str]) -> Outcome:
    """Score each field's answers on ``items``; add the item rows; return the row's values and the feedback."""
    totals = {"items": 0, "answered": 0, "credited": 0}
    balanced, feedback = [], []
    for field_name, answers in fields.items():
        score = score_answers(job.entry.key, _string_answers(answers), field_name, items)
        totals["items"] += score.total
        totals["answered"] += score.answered
        totals["credited"] += score.credited
        balanced.append(score.balanced)
        job.result.items.extend(_score_rows(job.base, score, field_name))
        feedback += _feedback_scores(field_name, score)
    first, lines = _first_answers(job, items) if job.submission["field"] in fields else ("", [])
    values = {
        **totals,
        "score": percent(sum(balanced) / len(balanced)),
        "first_answer_score": first,
        "status": GRADED,
        "detail": "; ".join(f"{name} balanced {value:.0%}" for name, value in zip(fields, balanced, strict=True)),
    }
    return values, feedback + lines


def grade_classify(job: Job) -> Outcome:
    """Grade a lesson widget's answers to its one field, on the items its exercise asks on the key's article."""
    fields = {job.submission["field"]: job.submission["answers"]}
    return _score_fields(job, fields, job.exercise.items_for(job.entry.key))


def grade_labels(job: Job) -> Outcome:
    """Grade an assignment's labels: every field the exercise asks (``extra.labels``), on its items the key has."""
    labels, submission = job.part("labels"), job.submission
    fields = {
        name: labels.get(name, submission["answers"] if name == submission["field"] else {})
        for name in job.exercise.fields
    }
    items = [item for item in job.exercise.items if item in job.entry.key.table.index]
    return _score_fields(job, fields, items)


# --- work checked as a whole: tables and a figure ------------------------------------------------------------

_VOICE_TABLES: dict[str, Any] = {}


def _labelled_for(job: Job) -> Any:
    """Return the labelled sentences the submission's tables or figure were built from (the key's are computed once)."""
    key, extra = job.entry.key, job.extra
    if extra.get("labels_source") == "own answers" and isinstance(extra.get("labels_used"), dict):
        return checks.labelled_from_submission(key.article, extra["labels_used"])
    cache_key = f"{key.path}:{key.sha256}"
    if cache_key not in _VOICE_TABLES:
        _VOICE_TABLES[cache_key] = voice_table(key.article, key)
    return _VOICE_TABLES[cache_key]


def _reported(job: Job, reports: Mapping[str, checks.CheckReport]) -> Outcome:
    """Add one item row per check report; return the row's values (the mean of the reports' scores) and feedback."""
    feedback = []
    for name, report in reports.items():
        job.result.items.append(
            {
                **job.base,
                "field": job.exercise.kind,
                "item": name,
                "answer": "" if report.status == "unanswered" else "submitted",
                "expected": "",
                "status": report.status,
            }
        )
        lines = [f"* {md(cut(line, QUOTE_MAX))}" for line in report.lines]
        feedback += [f"**{md(name)}**: {md(report.headline)}", "", *lines, ""]
    values = [report.score or 0.0 for report in reports.values()]
    row = {
        "items": len(reports),
        "answered": sum(report.status != "unanswered" for report in reports.values()),
        "credited": sum(report.status == "passed" for report in reports.values()),
        "score": percent(sum(values) / len(values)),
        "status": GRADED,
        "detail": "; ".join(f"{name} {report.status}" for name, report in reports.items()),
    }
    return row, feedback


def grade_tables(job: Job) -> Outcome:
    """Grade an assignment's word tables: each table the exercise asks, checked as the exercise checks it."""
    data, labelled = job.part("tables"), _labelled_for(job)
    reports = {
        name: checks.check_words_table(data.get(name), by=by, labelled=labelled)
        for name, by in job.exercise.table_fields().items()
    }
    return _reported(job, reports)


def grade_figure(job: Job) -> Outcome:
    """Grade an assignment's figure (the bars it submitted), checked as the exercise checks it."""
    labelled = _labelled_for(job)
    reports = {name: checks.check_voice_map(job.extra.get(name), labelled=labelled) for name in job.exercise.fields}
    return _reported(job, reports)


# --- written answers: recorded for the teacher's rubric scores -----------------------------------------------


def _teacher_score(job: Job, question: str, identity: str) -> tuple[str, str]:
    """Return the teacher's (score, comment) of one answer: by the student's slug, else by their identity."""
    exercise_id = job.submission["exercise_id"]
    by_name = job.scores.get((f"name:{job.entry.who}", exercise_id, question, identity), ("", ""))
    return job.scores.get((job.base["student_slug"], exercise_id, question, identity), by_name)


def _written_answer(job: Job, question: str, text: str, answer: str) -> tuple[str, list[str]]:
    """Add one written answer's sheet row and item row; return the teacher's score ("" when none) and feedback."""
    identity, words, points = answer_id(answer), len(answer.split()), job.exercise.points
    teacher_score, comment = _teacher_score(job, question, identity)
    job.result.written.append(
        {
            **job.base,
            "question": question,
            "question_text": text,
            "answer": cut(answer, CELL_MAX),
            "words": words,
            "answer_id": identity,
            "max_points": points,
            "score": teacher_score,
            "comment": comment,
        }
    )
    status = "unanswered" if not answer.strip() else (SCORED if teacher_score != "" else TO_SCORE)
    job.result.items.append(
        {**job.base, "field": "written", "item": question, "answer": f"{words} words", "expected": "", "status": status}
    )
    marks = f"{teacher_score} of {points}" if teacher_score != "" else "not scored yet"
    feedback = [f"**{question}** ({marks}): {md(text)}", "", f"> {md(cut(answer, QUOTE_MAX)) or '(no answer)'}", ""]
    return teacher_score, feedback + ([f"Teacher's comment: {md(comment)}", ""] if comment else [])


def grade_written(job: Job) -> Outcome:
    """Record the written answers to each question for the teacher's scores; the score once every one is scored."""
    written, questions = job.part("written"), job.exercise.questions
    answers = {name: written[name] if isinstance(written.get(name), str) else "" for name in questions}
    points, scored, feedback = 0.0, 0, []
    for question, text in questions.items():
        teacher_score, lines = _written_answer(job, question, text, answers[question])
        if teacher_score != "":
            points += float(teacher_score)
            scored += 1
        feedback += lines
    total, top = len(questions), len(questions) * job.exercise.points
    complete = scored == total
    row = {
        "items": total,
        "answered": sum(bool(answer.strip()) for answer in answers.values()),
        "credited": scored,
        "score": percent(points / top) if complete else "",
        "status": GRADED if complete else f"waiting for the teacher's scores ({scored} of {total} scored)",
        "detail": f"{points:g} of {top} points" if scored else "",
    }
    return row, feedback


GRADERS: dict[Kind, Grader] = {
    "classify": grade_classify,
    "labels": grade_labels,
    "tables": grade_tables,
    "figure": grade_figure,
    "written": grade_written,
}
