"""What grading a folder gives: the skipped entries (``Problem``), the tables and feedback (``Grading``), and one
submission file on its way through (``Found``).

Plain data for ``medialit.teacher.grading`` and the modules it calls (the folder walk, the graders, the CSV
files); nothing is read or written here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from medialit.exercises.registry import Exercise
from medialit.exercises.submission import student_identity
from medialit.text.textfile import terminal_safe

LABEL_MAX = 300  # a label, a name or an id in a row; longer ones are cut
# Grading's own statuses (beside the item statuses of scoring and checks, ``vocabulary.SCORE_STATUSES`` and
# ``CHECK_STATUSES``): a grade row is graded, waiting for the teacher's scores, or in conflict; a written answer's
# item row is scored by the teacher or still to score.
GRADED = "graded"
CONFLICT = "conflict"
SCORED = "scored"
TO_SCORE = "to score"
# The teacher's scores of written answers: (who, exercise id, question, answer id) -> (score, comment).
TeacherScores = Mapping[tuple[str, str, str, str], tuple[str, str]]


def shown(value: Any, limit: int = 60) -> str:
    """Return a user-supplied value for a message: quoted like ``repr`` (control characters escaped) and cut."""
    return terminal_safe(repr(value), limit)


def who(name: str) -> str:
    """Return the identity of a typed name, kept short (a long name becomes its start and a hash)."""
    identity = student_identity(name)
    if len(identity) <= LABEL_MAX:
        return identity
    return identity[:LABEL_MAX] + "#" + hashlib.sha256(identity.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Problem:
    """An entry that was skipped (or graded with a warning): its name relative to the folder, the kind, the reason."""

    file: str
    problem: str
    reason: str


@dataclass
class Grading:
    """The outcome of grading a folder.

    Attributes:
        grades, items, written: the rows of ``grades.csv``, ``items.csv`` and ``written_answers.csv``.
        skipped: entries not graded (malformed, oversized, duplicate, conflict, foreign, symbolic links...).
        warnings: files graded with a warning (another kit version, no key recorded), and sheet problems.
        feedback: per student slug, the text of their feedback file.
        found: how many entries named ``*.submission.json`` were found (files or not).
        ignored: other files in the folder (not named like a submission), listed in ``skipped.csv``.
    """

    grades: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    written: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    feedback: dict[str, str] = field(default_factory=dict)
    found: int = 0
    ignored: list[Problem] = field(default_factory=list)
    sections: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    def summary(self) -> str:
        """Return a short report: counts, the mean score per exercise, every skipped entry by name, one line each.

        Every line is safe to print: control characters escaped, long values cut.
        """
        graded = [row for row in self.grades if row["status"] != CONFLICT]
        students = len({row["student_slug"] for row in graded})
        lines = [f"graded {len(graded)} of {self.found} submission file(s) from {students} student(s)"]
        by_exercise: dict[str, list[float]] = {}
        for row in graded:
            by_exercise.setdefault(row["exercise_id"], [])
            if row["score"] != "":
                by_exercise[row["exercise_id"]].append(float(row["score"]))
        for exercise, scores in sorted(by_exercise.items()):
            count = sum(row["exercise_id"] == exercise for row in graded)
            mean = f"mean score {sum(scores) / len(scores):.1f}" if scores else "waiting for the teacher's scores"
            lines.append(f"  {exercise}: {count} submission(s), {mean}")
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)} file(s):")
            lines.extend(
                f"  {terminal_safe(p.file)}: {p.problem}: {terminal_safe(p.reason, 400)}" for p in self.skipped
            )
        if self.warnings:
            lines.append(f"graded with a warning {len(self.warnings)} file(s):")
            lines.extend(f"  {terminal_safe(p.file)}: {terminal_safe(p.reason, 400)}" for p in self.warnings)
        if self.ignored:
            names = ", ".join(terminal_safe(p.file, 60) for p in self.ignored[:5])
            more = f" and {len(self.ignored) - 5} more" if len(self.ignored) > 5 else ""
            lines.append(
                f"ignored {len(self.ignored)} other file(s), not named *.submission.json (listed in skipped.csv): "
                f"{names}{more}"
            )
        return "\n".join(terminal_safe(line, 600) for line in lines)



@dataclass
class Found:
    """One gradable submission file: where it is, its parsed data (None when large: re-read), what it answers.

    ``exercise`` is the registry's declaration the file's exercise id names, ``key`` the answer key of its article,
    ``who`` the student's identity, ``student`` the name to show, ``exercise_id`` the id as the file gives it.
    """

    path: Path
    name: str
    submission: dict[str, Any] | None
    exercise: Exercise
    key: Any
    who: str = ""
    created: datetime | None = None
    student: str = ""
    exercise_id: str = ""
