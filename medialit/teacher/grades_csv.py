"""The grade files as a spreadsheet reads them: safe cells, Markdown-escaped feedback, the CSV tables written
atomically, and the teacher's score sheet read back whatever a spreadsheet saved.

Every CSV cell is quoted and neutralised (OWASP: a cell starting with ``= + - @``, tab or CR gets a ``'``; CR, LF
and control characters inside cells become spaces). ``written_answers.csv`` is read with commas, semicolons or tabs,
BOM or none, CRLF or LF, or refused with one line before anything is written; the previous sheet is kept in
``backups/``.
"""

from __future__ import annotations

import csv
import functools
import html
import io
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from medialit.atomic import replace_atomically
from medialit.errors import MediaLitError
from medialit.exercises.registry import exercises as declared_exercises
from medialit.teacher.results import Grading, Problem, TeacherScores, shown, who
from medialit.text.textfile import CONTROL_CHARACTERS as _CONTROL
from medialit.text.textfile import cut

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
    "first_answer_score",
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
SHEET = "written_answers.csv"
BACKUPS = "backups"
_SHEET_KEYS = ("exercise_id", "question", "answer_id", "score")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN = re.compile(r"([\\`*_\[\]#|!~])")
# A separator (as a spreadsheet might split on it) followed by a formula character starts a new, live cell.
_SPLIT_FORMULA = re.compile(r"([,;|])([\s\"]*)(?=[=+\-@])")
_RISKY = re.compile(r"^[\s\"]*[=+\-@]|[,;|][\s\"]*[=+\-@]")
CELL_MAX = 32_000  # a spreadsheet cell holds at most 32,767 characters
QUOTE_MAX = 2_000  # a written answer quoted in a feedback file


def safe_cell(value: Any) -> Any:
    """Return ``value`` made safe for a spreadsheet (OWASP CSV injection), numbers unchanged.

    CR, LF, tabs and other control characters become spaces (a bare CR would start a
    new row in some spreadsheets); text cut to ``CELL_MAX``; text that starts, after
    spaces, like a formula (``= + - @``) gets a leading ``'``, and so does a formula
    character right after a ``,``, ``;`` or ``|`` inside the text (a spreadsheet that
    splits on another separator would start a cell there). Text already starting with
    ``'`` is left as it is, so the function can be applied twice.
    """
    if not isinstance(value, str):
        return value
    if len(value) <= CELL_MAX and value.isprintable() and not _RISKY.search(value):
        return value  # the common case, checked fast: nothing to change
    text = _CONTROL.sub(" ", value.replace("\t", " "))
    text = _SPLIT_FORMULA.sub(r"\1\2'", cut(text, CELL_MAX))
    if text.lstrip(" ").startswith(_FORMULA_START):
        return "'" + text
    return text


def unquote_cell(value: str | None) -> str:
    """Return a cell read back from a sheet this module wrote: the ``'`` that ``safe_cell`` added removed."""
    text = (value or "").strip()
    if text.startswith("'") and text[1:].lstrip(" ").startswith(_FORMULA_START):
        return text[1:]
    return text


def md(text: Any) -> str:
    """Return ``text`` for a Markdown feedback file: one line, control characters dropped, Markdown and HTML escaped."""
    return _md(str(text))


@functools.lru_cache(maxsize=8192)
def _md(text: str) -> str:
    one_line = " ".join(_CONTROL.sub(" ", text).split())
    return html.escape(_MARKDOWN.sub(r"\\\1", one_line), quote=False)


def _csv_text(columns: list[str], rows: Iterable[Mapping[str, Any]]) -> bytes:
    """Return ``rows`` as CSV bytes: UTF-8 with BOM (spreadsheets then read accents), every cell quoted and safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(columns)
    safe: dict[Any, Any] = {}  # names, ids and labels repeat on many rows: make each safe once

    def cell(value: Any) -> Any:
        memo = (value.__class__, value)  # 0 and 0.0 are equal keys, but are written differently
        try:
            return safe[memo]
        except KeyError:
            return safe.setdefault(memo, safe_cell(value))
        except TypeError:  # not hashable
            return safe_cell(value)

    writer.writerows([cell(row.get(column, "")) for column in columns] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _utc_stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")


def _sheet_text(path: Path) -> str:
    """Return the text of a score sheet as a spreadsheet saved it (UTF-8 with or without BOM, or UTF-16 with BOM)."""
    data = path.read_bytes()
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MediaLitError(
            f"{path}: is not UTF-8, so its scores were not read and it was left unchanged; in your spreadsheet "
            "use Save As > 'CSV UTF-8', then run grade again"
        ) from None


def _sheet_rows(text: str, path: Path) -> list[dict[str, str]]:
    """Return the rows of a score sheet, whichever of comma, semicolon or tab separates its columns.

    Raises:
        MediaLitError: no separator gives the sheet's columns (one line; the file is not changed).
    """
    for delimiter in (",", ";", "\t"):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = [unquote_cell(name).lstrip("\ufeff").strip().lower() for name in next(reader, [])]
        if all(name in header for name in _SHEET_KEYS) and ("student_slug" in header or "student" in header):
            return [dict(zip(header, row, strict=False)) for row in reader]
    raise MediaLitError(
        f"{path}: has no columns {', '.join(_SHEET_KEYS)} and student_slug (separated by commas, semicolons or "
        "tabs), so its scores were not read and it was left unchanged; restore it from backups/ or save it as CSV "
        "with its header row"
    )



def written_points(exercise_id: str) -> int:
    """Return the top score per question of the written exercise whose answers id is ``exercise_id``.

    A sheet row of an id that no written exercise has (an exercise since removed) is checked against the highest
    top score of any written exercise.
    """
    written = declared_exercises("written")
    for declared in written:
        if declared.answers_file_id(declared.article) == exercise_id:
            return declared.points
    return max(declared.points for declared in written)


def _sheet_score(value: str, points: int) -> str | None:
    """Return a typed score as the sheet keeps it (``"2"``, ``"1.5"``), or None when it is not a number 0..points."""
    try:
        number = float(value)
    except ValueError:
        return None
    return f"{number:g}" if 0 <= number <= points else None


def read_teacher_scores(path: Path, result: Grading | None = None) -> TeacherScores:
    """Return the scores a teacher typed into ``written_answers.csv``.

    The mapping is (who, exercise, question, answer_id) -> (score, comment).

    ``who`` is the row's ``student_slug``, and (a second entry) ``name:`` and the
    student's identity, so a score follows its student even when the slug changes.
    Reads comma-, semicolon- or tab-separated sheets, with or without BOM, CRLF or LF,
    a decimal comma. A score that is not a number from 0 to the question's maximum is
    ignored with a warning; two rows giving one answer different scores are named in a
    warning (the first is kept). A missing file gives an empty mapping. Nothing is changed.

    Raises:
        MediaLitError: the file is not UTF-8/UTF-16 text or has not the sheet's columns.
    """
    if not path.is_file():
        return {}
    scores: dict[tuple[str, str, str, str], tuple[str, str]] = {}
    rows_of: dict[tuple[str, str, str, str], int] = {}
    warn = result.warnings.append if result is not None else (lambda problem: None)
    for number, row in enumerate(_sheet_rows(_sheet_text(path), path), start=2):
        value = (row.get("score") or "").strip().replace(",", ".")
        comment = unquote_cell(row.get("comment"))
        if not value and not comment:
            continue
        if value:
            points = written_points(unquote_cell(row.get("exercise_id")))
            kept = _sheet_score(value, points)
            if kept is None:
                warn(
                    Problem(
                        path.name,
                        "warning",
                        f"row {number}: score {shown(value, 20)} ignored; use a number from 0 to {points}",
                    )
                )
            value = kept or ""
        exercise, question, identity = (
            unquote_cell(row.get(name)) for name in ("exercise_id", "question", "answer_id")
        )
        keys = [(unquote_cell(row.get("student_slug")), exercise, question, identity)]
        if row.get("student"):
            keys.append((f"name:{who(unquote_cell(row['student']))}", exercise, question, identity))
        first = keys[0]
        if first in scores and scores[first] != (value, comment):
            warn(
                Problem(
                    path.name,
                    "warning",
                    f"rows {rows_of[first]} and {number} give the same answer ({shown(first[0], 40)}, {first[2]}) "
                    f"different scores ({shown(scores[first][0], 10)} and {shown(value, 10)}); "
                    f"row {rows_of[first]} kept: "
                    "delete one of the rows",
                )
            )
            continue
        rows_of.setdefault(first, number)
        for key in keys:
            scores.setdefault(key, (value, comment))
    return scores


def _previous_rows(path: Path, exercises: set[str]) -> list[dict[str, str]]:
    """Return the rows of an earlier output file that belong to exercises other than ``exercises`` (as written)."""
    if not path.is_file():
        return []
    rows = (
        _sheet_rows(_sheet_text(path), path)
        if path.name == SHEET
        else list(csv.DictReader(io.StringIO(_sheet_text(path), newline="")))
    )
    return [row for row in rows if unquote_cell(row.get("exercise_id")) not in exercises]


def _merged_feedback(old: str, sections: Mapping[str, str], header: str) -> str:
    """Return a feedback file: the earlier file's sections of other exercises kept, this run's sections added."""
    replaced = {f"## {md(exercise)}" for exercise in sections}
    parts = re.split(r"(?m)^(?=## )", old)
    kept = [part.rstrip() + "\n" for part in parts[1:] if part.splitlines()[0].rstrip() not in replaced]
    return header + "\n".join([*kept, *sections.values()])


def _backup_sheet(path: Path, new: bytes) -> Path | None:
    """Copy the sheet at ``path`` into ``backups/`` beside it when ``new`` would change it; return the copy's path."""
    if not path.is_file():
        return None
    old = path.read_bytes()
    if old == new:
        return None
    copy = path.parent / BACKUPS / f"{path.stem}-{_utc_stamp()}{path.suffix}"
    replace_atomically(copy, old)
    return copy


def write_grading(result: Grading, out: Path | str, *, partial: Iterable[str] | None = None) -> Path:
    """Write the grading's CSV files and feedback files into ``out`` (created if needed) and return ``out``.

    Every file is replaced atomically; the previous ``written_answers.csv`` is copied
    into ``out/backups/`` when it changes. A full run removes feedback files of an
    earlier run that it did not write. ``partial`` (the exercises graded by a partial
    run) keeps every earlier row, score and feedback section of the other exercises.

    Raises:
        MediaLitError: ``out`` cannot be written (one line).
    """
    out = Path(out)
    others = set(partial) if partial is not None else None
    try:
        feedback_dir = out / "feedback"
        feedback_dir.mkdir(parents=True, exist_ok=True)
        tables = {
            "grades.csv": (GRADE_COLUMNS, result.grades),
            "items.csv": (ITEM_COLUMNS, result.items),
            SHEET: (WRITTEN_COLUMNS, result.written),
            "skipped.csv": (SKIPPED_COLUMNS, [problem.__dict__ for problem in [*result.skipped, *result.ignored]]),
        }
        for name, (columns, rows) in tables.items():
            if others is not None and name != "skipped.csv":
                rows = [*_previous_rows(out / name, others), *rows]
            data = _csv_text(columns, rows)
            if name == SHEET:
                _backup_sheet(out / name, data)
            replace_atomically(out / name, data)
        root = feedback_dir.resolve()
        for student_slug, text in result.feedback.items():
            target = (feedback_dir / f"{student_slug}.md").resolve()
            if target.parent != root:
                raise MediaLitError(
                    f"{student_slug!r}: not a safe file name for feedback"
                )  # slug() makes this impossible
            if others is not None and target.is_file():
                header = text.split("\n\n", 1)[0] + "\n\n"
                text = _merged_feedback(target.read_text(encoding="utf-8"), result.sections[student_slug], header)
            replace_atomically(target, text.encode("utf-8"), sync=False)
        if others is None:
            for old in feedback_dir.glob("*.md"):
                if old.stem not in result.feedback:
                    old.unlink()
    except OSError as error:
        raise MediaLitError(
            f"{out}: cannot write the grades there ({error.strerror}); give --out a folder you can write to"
        ) from None
    return out

