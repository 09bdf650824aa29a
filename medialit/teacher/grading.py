"""Class grading: a folder of submission files in, grade tables and feedback out, no student code run.

``grade(SUBMISSIONS_DIR, OUT)`` (the command line's ``python -m medialit grade``, ``medialit.cli.grade``) reads
every ``*.submission.json`` under ``SUBMISSIONS_DIR`` (a submission is data: labels, tables, a figure's bars,
texts), validates it with one schema (``medialit.exercises.submission.submission_problems``), finds the exercise its
id names in the registry (``medialit.exercises.registry``), scores it against the answer key of its article (found
by name in ``seeds/``) with the grader of its exercise's kind (``medialit.teacher.graders.GRADERS``, the same checks
the exercises run), and writes (``medialit.teacher.grades_csv``):

* ``grades.csv``: one row per graded submission (and one per identity conflict);
* ``items.csv``: one row per submission and item (sentence, table, chart part);
* ``written_answers.csv``: the written answers, with an empty ``score`` column the
  teacher fills in with the rubric; a re-run keeps those scores (matched by the
  student and the answer's text) and adds them to ``grades.csv``; the sheet is read
  whatever a spreadsheet saved (comma, semicolon or tab; BOM; CRLF) or refused with
  one line before anything is written, and the previous sheet is kept in ``backups/``;
* ``feedback/<student>.md``: one feedback file per student (one student per file,
  Markdown and HTML escaped);
* ``skipped.csv``: every entry that was not graded, and why.

Every CSV cell is quoted and neutralised (OWASP: a cell starting with ``= + - @``,
tab or CR gets a ``'``; CR, LF and control characters inside cells become spaces).
Everything in ``Grading.summary`` has its control characters escaped and long values cut.

A malformed, oversized, duplicate (an older submission of the same student and
exercise in the same folder), conflicting (the same student and exercise claimed by
files in two folders), future-dated or foreign file (an unknown exercise, another
answer key), a symbolic link, a FIFO or device, an unreadable folder and a folder
named like a submission are all named and skipped (``medialit.teacher.inbox``); a
submission from another kit version is graded with a warning. A run that grades
nothing writes nothing; a partial run (``exercises``) keeps every other exercise's
rows, scores and feedback. Files are read one at a time (large ones twice rather
than kept), so memory stays bounded.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from medialit.errors import MediaLitError
from medialit.teacher.graders import GRADERS, Job
from medialit.teacher.grades_csv import SHEET, md, read_teacher_scores, write_grading
from medialit.teacher.inbox import Keys, by_student_folder, newest_only, parse, read_all, student_slugs
from medialit.teacher.results import CONFLICT, LABEL_MAX, Found, Grading, TeacherScores
from medialit.text.textfile import cut


def _grade_one(
    entry: Found, submission: Mapping[str, Any], student_slug: str, scores: TeacherScores, result: Grading
) -> tuple[dict[str, Any], list[str]]:
    """Grade one submission with its kind's grader; add its item and written rows to ``result``.

    Returns its grade row and feedback lines.
    """
    base = {
        "student": entry.student, "student_slug": student_slug, "exercise_id": entry.exercise_id, "file": entry.name
    }
    row: dict[str, Any] = {
        **base,
        "article": submission["article"],
        "created": submission["created"],
        "kit_version": cut(submission["kit_version"], LABEL_MAX),
        "first_answer_score": "",
        "warnings": "; ".join(problem.reason for problem in result.warnings if problem.file == entry.name),
    }
    submitted = f"Submitted {md(submission['created'])} (file {md(entry.name)})."
    feedback = [f"## {md(entry.exercise_id)}", "", submitted, ""]
    values, lines = GRADERS[entry.exercise.kind](Job(entry, submission, base, scores, result))
    row.update(values)
    return row, feedback + lines


def _conflict_row(group: list[Found], student_slug: str) -> dict[str, Any]:
    files = "; ".join(entry.name for entry in group)
    return {
        "student": group[0].student,
        "student_slug": student_slug,
        "exercise_id": group[0].exercise_id,
        "file": files,
        "status": CONFLICT,
        "detail": f"claimed by {len(group)} files in different folders: {files}; not graded until one is removed",
    }


def _names(found: list[Found]) -> dict[str, str]:
    """Return each student identity's name as typed in their newest file."""
    names: dict[str, str] = {}
    for entry in sorted(found, key=lambda entry: (entry.created, entry.name)):
        names[entry.who] = entry.student
    return names


def _grade_kept(kept: list[Found], names: Mapping[str, str], slugs: Mapping[str, str], scores: TeacherScores,
                result: Grading) -> None:
    """Grade every kept submission into ``result`` (rows, feedback sections, one feedback file per student)."""
    shown_names: dict[str, str] = {}
    for entry in kept:
        submission = entry.submission if entry.submission is not None else parse(entry.path, entry.name, result)
        entry.submission = None  # keep nothing large: the rows hold what is needed
        if submission is None:
            continue
        row, feedback = _grade_one(entry, submission, slugs[entry.who], scores, result)
        result.grades.append(row)
        result.sections.setdefault(row["student_slug"], {})[entry.exercise_id] = "\n".join(feedback).rstrip() + "\n"
        shown_names[row["student_slug"]] = names[entry.who]
    for student_slug, sections in result.sections.items():
        header = f"# Feedback for {md(shown_names[student_slug])}\n\n"
        result.feedback[student_slug] = header + "\n".join(sections.values())


def grade_folder(
    submissions: Path | str,
    *,
    seeds: Path | str | None = None,
    exercises: Iterable[str] | None = None,
    teacher_scores: Path | str | None = None,
    student_folders: bool = False,
    exclude: Path | str | None = None,
) -> Grading:
    """Return the grading of every submission file under ``submissions`` (nothing is written).

    ``seeds``: the folder holding the articles and keys (default: the kit's ``seeds/``
    search). ``exercises``: grade only these exercise ids (others are foreign).
    ``teacher_scores``: a ``written_answers.csv`` whose scores are merged in (read first,
    so a sheet that cannot be read stops the run before anything is done).
    ``student_folders``: each first-level folder is one student (a hub's per-student
    hand-in folders): its name, not the name typed, says whose the files are.
    ``exclude``: a folder inside ``submissions`` not to search (the output folder).

    Raises:
        MediaLitError: ``submissions`` is not a folder, ``seeds`` is not a folder, or the sheet cannot be read.
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
    scores = read_teacher_scores(Path(teacher_scores), result) if teacher_scores is not None else {}
    keys = Keys(Path(seeds) if seeds is not None else None)
    found = read_all(folder, keys, set(exercises) if exercises else None, result, Path(exclude) if exclude else None)
    if student_folders:
        found = by_student_folder(found, result)
    kept, conflicts = newest_only(found, result)
    names = _names(found)
    slugs = student_slugs(names)
    kept.sort(key=lambda entry: (entry.exercise_id, slugs[entry.who], entry.name))
    _grade_kept(kept, names, slugs, scores, result)
    for group in conflicts:
        result.grades.append(_conflict_row(group, slugs[group[0].who]))
    return result


def _check_out(out: Path) -> None:
    """Refuse an ``--out`` that cannot be written, before any work (one line); nothing is created.

    Raises:
        MediaLitError: ``out`` is a file, or neither it nor its nearest existing parent is a writable folder.
    """
    existing = out
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise MediaLitError(f"{out}: {existing} is a file, not a folder; give --out a folder you can write to")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise MediaLitError(
            f"{out}: cannot write the grades there (permission denied); give --out a folder you can write to"
        )


def grade(
    submissions: Path | str,
    out: Path | str,
    *,
    seeds: Path | str | None = None,
    exercises: Iterable[str] | None = None,
    student_folders: bool = False,
) -> Grading:
    """Grade ``submissions`` into ``out`` and return the grading.

    The teacher's scores in ``out/written_answers.csv`` from an earlier run are kept and
    merged. Writes the files listed in the module docstring; a run that grades nothing
    (an empty folder, only bad files) writes nothing, and a partial run (``exercises``)
    keeps everything of the other exercises.

    Raises:
        MediaLitError: a missing folder, an unwritable ``out``, or a score sheet that cannot be read.
    """
    out = Path(out)
    _check_out(out)
    exercises = list(exercises) if exercises else None
    result = grade_folder(
        submissions,
        seeds=seeds,
        exercises=exercises,
        teacher_scores=out / SHEET,
        student_folders=student_folders,
        exclude=out,
    )
    if result.grades:
        write_grading(result, out, partial=exercises)
    return result

