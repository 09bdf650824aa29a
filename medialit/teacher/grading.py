"""Class grading: a folder of submission files in, grade tables and feedback out, no student code run.

``python -m medialit grade SUBMISSIONS_DIR --out DIR [--seeds DIR] [--exercise ID] [--student-folders]``
reads every ``*.submission.json`` under ``SUBMISSIONS_DIR`` (a submission is data:
labels, tables, a figure's bars, texts), validates it with one schema
(``medialit.exercises.submission.submission_problems``), scores it against the answer key of its
article (found by name in ``seeds/``) with the same checks the exercises run, and writes:

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
Everything printed has its control characters escaped and long values cut.

A malformed, oversized, duplicate (an older submission of the same student and
exercise in the same folder), conflicting (the same student and exercise claimed by
files in two folders), future-dated or foreign file (an unknown exercise, another
answer key), a symbolic link, a FIFO or device, an unreadable folder and a folder
named like a submission are all named and skipped; a submission from another kit
version is graded with a warning. A run that grades nothing writes nothing; a
partial run (``--exercise``) keeps every other exercise's rows, scores and feedback.
Files are read one at a time (large ones twice rather than kept), so memory stays
bounded. Heavy modules are imported inside functions, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import html
import io
import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from medialit.errors import MediaLitError
from medialit.text.textfile import CONTROL_CHARACTERS as _CONTROL
from medialit.text.textfile import cut, terminal_safe

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
_ARTICLE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}")
_MARKDOWN = re.compile(r"([\\`*_\[\]#|!~])")
# A separator (as a spreadsheet might split on it) followed by a formula character starts a new, live cell.
_SPLIT_FORMULA = re.compile(r"([,;|])([\s\"]*)(?=[=+\-@])")
_RISKY = re.compile(r"^[\s\"]*[=+\-@]|[,;|][\s\"]*[=+\-@]")
CELL_MAX = 32_000  # a spreadsheet cell holds at most 32,767 characters
LABEL_MAX = 300  # a label, a name or an id in a row; longer ones are cut
QUOTE_MAX = 2_000  # a written answer quoted in a feedback file
KEEP_PARSED_BYTES = 64_000  # submissions up to this size are kept parsed between the two passes; larger are re-read
FUTURE_SLACK = timedelta(days=1)  # a created time later than now + this is refused (a clock off by hours is fine)


# --- making values safe -------------------------------------------------------------------------------------


def shown(value: Any, limit: int = 60) -> str:
    """Return a user-supplied value for a message: quoted like ``repr`` (control characters escaped) and cut."""
    return terminal_safe(repr(value), limit)


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


def _write_csv(path: Path, columns: list[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write ``rows`` as CSV (see ``_csv_text``) atomically; changes ``path``."""
    from medialit.atomic import replace_atomically

    replace_atomically(path, _csv_text(columns, rows))


def answer_id(text: str) -> str:
    """Return a short fingerprint of a written answer (whitespace-insensitive), to match a teacher's score to it."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def _percent(value: float | None) -> float | str:
    return "" if value is None else round(100 * value, 1)


def _utc_stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")


# --- results ------------------------------------------------------------------------------------------------


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
        graded = [row for row in self.grades if row["status"] != "conflict"]
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
        from medialit.keys.key import load_article_key

        if not _ARTICLE_NAME.fullmatch(article) or ".." in article:
            return None  # not a plain article name: never look it up as a path
        if self.seeds is not None:
            path = self.seeds / f"{article}.txt"
            return load_article_key(path) if path.is_file() and path.with_name(f"{article}.key.csv").is_file() else None
        try:
            return load_article_key(article)
        except MediaLitError:
            return None


# --- walking the folder -------------------------------------------------------------------------------------


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _symlink_problem(entry: os.DirEntry, name: str, root: str) -> Problem:
    """Return how a symbolic link in the folder is reported: broken, looping, outside or inside (never followed)."""
    try:
        target = os.path.realpath(entry.path, strict=True)
    except (OSError, RuntimeError) as error:
        looping = isinstance(error, RuntimeError) or getattr(error, "errno", None) == 40  # ELOOP
        reason = "a symbolic link that loops" if looping else "a broken symbolic link (its target does not exist)"
        return Problem(name, "symlink", f"{reason}; not followed")
    where = "inside" if _inside(target, root) else "outside"
    return Problem(
        name,
        "symlink",
        f"a symbolic link to a {'folder' if os.path.isdir(target) else 'file'} {where} the submissions folder; "
        "not followed (copy the files themselves into the folder)",
    )


def _scan(folder: Path, result: Grading, exclude: Path | None) -> list[tuple[Path, str]]:
    """Return the regular ``*.submission.json`` files under ``folder`` (path, name relative to it), sorted.

    Symbolic links are never followed; every entry that is not graded (links, FIFOs,
    devices, unreadable folders, folders named like a submission) is recorded in
    ``result.skipped``, other files in ``result.ignored``. ``exclude`` (the output folder,
    when it lies inside) is not searched.
    """
    from medialit.exercises.submission import SUFFIX

    root = os.path.realpath(folder)
    skip = os.path.realpath(exclude) if exclude is not None else None
    found: list[tuple[Path, str]] = []
    pending = [(folder, "")]
    while pending:
        directory, prefix = pending.pop()
        try:
            with os.scandir(directory) as iterator:
                entries = sorted(iterator, key=lambda entry: entry.name)
        except OSError as error:
            result.skipped.append(
                Problem(
                    prefix.rstrip("/") or ".",
                    "unreadable",
                    f"a folder that cannot be read ({error.strerror}); " "its files were not graded",
                )
            )
            continue
        for entry in entries:
            name = prefix + entry.name
            submission_like = entry.name.endswith(SUFFIX)
            result.found += submission_like
            try:
                if entry.is_symlink():
                    result.skipped.append(_symlink_problem(entry, name, root))
                elif entry.is_dir(follow_symlinks=False):
                    if submission_like:
                        result.skipped.append(
                            Problem(name, "not a file", "a folder named like a submission file; not searched")
                        )
                    elif skip is None or os.path.realpath(entry.path) != skip:
                        pending.append((Path(entry.path), name + "/"))
                elif entry.is_file(follow_symlinks=False):
                    if submission_like:
                        found.append((Path(entry.path), name))
                    else:
                        result.ignored.append(Problem(name, "ignored", "not named *.submission.json"))
                else:
                    kind = stat.S_IFMT(entry.stat(follow_symlinks=False).st_mode)
                    what = "a FIFO" if stat.S_ISFIFO(kind) else "a socket" if stat.S_ISSOCK(kind) else "a device"
                    result.skipped.append(Problem(name, "not a file", f"{what}, not a regular file; not read"))
            except OSError as error:
                result.skipped.append(Problem(name, "unreadable", f"cannot be examined ({error.strerror})"))
    return sorted(found, key=lambda pair: pair[1])


# --- reading the files --------------------------------------------------------------------------------------


@dataclass
class _Found:
    path: Path
    name: str
    submission: dict[str, Any] | None
    kind: str
    key: Any
    who: str = ""
    created: datetime | None = None
    student: str = ""
    exercise: str = ""


def _known_classify_ids(article: str) -> dict[str, str]:
    """Return the widget exercise ids the kit makes for ``article``, each with its field."""
    from medialit.lessons import course as lessons
    from medialit.vocabulary import EXERCISE_FIELDS

    known = {f"{article}-{name}": name for name in EXERCISE_FIELDS}
    for lesson, entry in lessons.LESSON_EXERCISES.items():
        known[lessons.exercise_id(lesson, article)] = entry.get("field", "")
    return known


def _kind(submission: Mapping[str, Any]) -> str:
    """Return how a submission is graded: an assignment's kind, ``classify`` for a widget's, or ``""`` (unknown)."""
    from medialit.exercises.checks import ASSIGNMENTS

    if submission["exercise_id"] in ASSIGNMENTS:
        return ASSIGNMENTS[submission["exercise_id"]]
    field_name = _known_classify_ids(submission["article"]).get(submission["exercise_id"])
    return "classify" if field_name and field_name == submission["field"] else ""


def _who(name: str) -> str:
    """Return the identity of a typed name, kept short (a long name becomes its start and a hash)."""
    from medialit.exercises.submission import student_identity

    identity = student_identity(name)
    if len(identity) <= LABEL_MAX:
        return identity
    return identity[:LABEL_MAX] + "#" + hashlib.sha256(identity.encode("utf-8")).hexdigest()[:12]


def _parse(path: Path, name: str, result: Grading) -> dict[str, Any] | None:
    """Return the validated submission in ``path``, or None after recording why it cannot be graded."""
    from medialit.exercises.submission import parse_submission, read_limited

    try:
        return parse_submission(read_limited(path), path)
    except MediaLitError as error:
        reason = str(error).removeprefix(f"{path}: ")
        kind = "oversized" if "more than" in reason and "bytes" in reason else "malformed"
        if "cannot be read" in reason or "not a regular file" in reason or "symbolic link" in reason:
            kind = "unreadable"
        result.skipped.append(Problem(name, kind, reason))
        return None


def _foreign(submission: Mapping[str, Any], kind: str, key: Any, exercises: set[str] | None) -> str:
    """Return why a valid submission cannot be graded here (another exercise, article or key), or ""."""
    from medialit.exercises.checks import ASSIGNMENT_ARTICLE, ASSIGNMENTS

    exercise = submission["exercise_id"]
    if exercises is not None and exercise not in exercises:
        return f"exercise {shown(exercise)} is not one being graded ({', '.join(sorted(exercises))})"
    if exercise in ASSIGNMENTS and submission["article"] != ASSIGNMENT_ARTICLE:
        return f"{exercise} is about {ASSIGNMENT_ARTICLE}, not {shown(submission['article'])}"
    if key is None:
        return f"no answer key for article {shown(submission['article'])} in the seeds folder"
    if not kind:
        return (
            f"unknown exercise id {shown(exercise)} (field {shown(submission['field'], 30)}): not an assignment "
            "nor an exercise of the kit's lessons; not graded"
        )
    if submission["key_sha256"] and submission["key_sha256"] != key.sha256:
        return "made with another answer key (key_sha256 differs); grade it with that key's seeds folder"
    return ""


def _read_one(
    path: Path, name: str, keys: _Keys, exercises: set[str] | None, result: Grading, now: datetime
) -> _Found | None:
    """Return one gradable submission (parsed, or to be re-read when large), or None after recording why not."""
    from medialit import __version__
    from medialit.exercises.submission import parse_created

    submission = _parse(path, name, result)
    if submission is None:
        return None
    kind = _kind(submission)
    key = keys.get(submission["article"])
    reason = _foreign(submission, kind, key, exercises)
    if reason:
        result.skipped.append(Problem(name, "foreign", reason))
        return None
    created = parse_created(submission["created"])
    if created is None or created > now + FUTURE_SLACK:
        result.skipped.append(
            Problem(
                name,
                "future",
                f"created {shown(submission['created'], 30)} is in the future; a copied or "
                "edited file? not graded (ask the student to submit again)",
            )
        )
        return None
    if not submission["key_sha256"]:
        result.warnings.append(Problem(name, "warning", "records no answer key; graded against the current key"))
    if submission["kit_version"] != __version__:
        result.warnings.append(
            Problem(
                name,
                "warning",
                f"made with kit version {terminal_safe(submission['kit_version'], 40)}, this is {__version__}",
            )
        )
    small = path.stat().st_size <= KEEP_PARSED_BYTES
    return _Found(
        path,
        name,
        submission if small else None,
        kind,
        key,
        who=_who(submission["student"]),
        created=created,
        student=cut(" ".join(submission["student"].split()), LABEL_MAX),
        exercise=submission["exercise_id"],
    )


def _read_all(
    folder: Path, keys: _Keys, exercises: set[str] | None, result: Grading, exclude: Path | None = None
) -> list[_Found]:
    """Return the submissions in ``folder`` that can be graded; record every other entry in ``result``."""
    now = datetime.now(timezone.utc)
    found = []
    for path, name in _scan(folder, result, exclude):
        entry = _read_one(path, name, keys, exercises, result, now)
        if entry is not None:
            found.append(entry)
    return found


def _folder_of(name: str) -> str:
    return name.rpartition("/")[0]


def _by_student_folder(found: list[_Found], result: Grading) -> list[_Found]:
    """Return the files inside a student folder, each entry's identity its first-level folder; record the rest."""
    kept = []
    for entry in found:
        top, _, rest = entry.name.partition("/")
        if not rest:
            result.skipped.append(
                Problem(
                    entry.name,
                    "outside a student folder",
                    "with --student-folders every file must be "
                    "inside a student's folder (SUBMISSIONS/<student>/...); not graded",
                )
            )
            continue
        if _who(top) != entry.who:
            result.warnings.append(
                Problem(
                    entry.name,
                    "warning",
                    f"the name typed, {shown(entry.student)}, is not the folder's "
                    f"{shown(top)}; graded as the folder's student",
                )
            )
        entry.who, entry.student = f"folder:{top}", cut(top, LABEL_MAX)
        kept.append(entry)
    return kept


def _newest_only(found: list[_Found], result: Grading) -> tuple[list[_Found], list[list[_Found]]]:
    """Return the newest submission per student and exercise, and the groups in conflict (files in two folders).

    In one folder, the newest (by ``created`` as a time, then by name) is kept and the
    older are recorded as duplicates. When one student's exercise is claimed by files
    in different folders none is graded: every file is recorded as a conflict naming the others.
    """
    groups: dict[tuple[str, str], list[_Found]] = {}
    for entry in found:
        groups.setdefault((entry.who, entry.exercise), []).append(entry)
    kept, conflicts = [], []
    for group in groups.values():
        folders = sorted({_folder_of(entry.name) for entry in group})
        if len(folders) > 1:
            conflicts.append(group)
            for entry in group:
                others = ", ".join(other.name for other in group if other is not entry)
                result.skipped.append(
                    Problem(
                        entry.name,
                        "conflict",
                        f"{shown(entry.student)}'s {entry.exercise} is also claimed by {others} (another folder); "
                        "none graded: remove the file that is not theirs, or use --student-folders",
                    )
                )
            continue
        group.sort(key=lambda entry: (entry.created, entry.name))
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
    return kept, conflicts


def student_slugs(names: Mapping[str, str]) -> dict[str, str]:
    """Return a unique file-name slug per student identity (``names``: identity -> the name as typed).

    Each gets ``medialit.exercises.submission.slug`` of the name; when two distinct students
    meet on one slug (``José`` and ``jose!``, two emoji names), each of them gets a
    suffix from its identity (``-`` and 6 hex digits), the same in every run.
    """
    from medialit.exercises.submission import slug

    bases = {identity: slug(name) for identity, name in names.items()}
    counts: dict[str, int] = {}
    for base in bases.values():
        counts[base] = counts.get(base, 0) + 1
    slugs = {}
    for identity, base in bases.items():
        if counts[base] > 1:
            base = f"{base[:53]}-{hashlib.sha256(identity.encode('utf-8')).hexdigest()[:6]}"
        slugs[identity] = base
    return slugs


# --- grading one submission ---------------------------------------------------------------------------------


def _classify_items(exercise_id: str, key: Any, field_name: str) -> list[str]:
    """Return the items a widget's exercise asked: a lesson's chosen items, else every sentence."""
    try:
        from medialit.lessons import course as lessons
    except ImportError:  # pragma: no cover - lessons are part of the kit
        return key.sentence_ids
    for lesson, entry in lessons.LESSON_EXERCISES.items():
        if entry.get("field") == field_name and lessons.exercise_id(lesson, key.article.name) == exercise_id:
            return lessons.exercise_items(lesson, key)
    return key.sentence_ids


def _score_rows(base: dict[str, Any], score: Any, field_name: str) -> list[dict[str, Any]]:
    return [
        {
            **base,
            "field": field_name,
            "item": result.sentence_id,
            "answer": cut(result.answer or "", LABEL_MAX),
            "expected": result.preferred,
            "also_accepted": ";".join(result.acceptable),
            "status": result.status,
        }
        for result in score.items
    ]


def _feedback_scores(title: str, score: Any) -> list[str]:
    lines = [f"**{md(title)}**: {md(score.summary())}", ""]
    lines += [f"* {md(result.sentence_id)}: {md(cut(result.feedback, QUOTE_MAX))}" for result in score.items]
    return [*lines, ""]


_VOICE_TABLES: dict[str, Any] = {}


def _labelled_for(submission: Mapping[str, Any], key: Any) -> Any:
    """Return the labelled sentences the submission's tables or figure were built from (the key's are computed once)."""
    from medialit.exercises.checks import labelled_from_submission
    from medialit.lessons.voices import voice_table

    extra = submission.get("extra", {})
    if extra.get("labels_source") == "own answers" and isinstance(extra.get("labels_used"), dict):
        return labelled_from_submission(key.article, extra["labels_used"])
    cache_key = f"{key.path}:{key.sha256}"
    if cache_key not in _VOICE_TABLES:
        _VOICE_TABLES[cache_key] = voice_table(key.article, key)
    return _VOICE_TABLES[cache_key]


def _string_answers(answers: Any) -> dict[str, str]:
    return {str(k): v for k, v in answers.items() if isinstance(v, str)} if isinstance(answers, dict) else {}


def _grade_labels(
    entry: _Found, submission: Mapping[str, Any], base: dict[str, Any], result: Grading
) -> tuple[dict[str, Any], list[str]]:
    """Grade a widget's or exercise 01's labels; return the row's values and the feedback lines."""
    from medialit.exercises import checks
    from medialit.exercises.scoring import score_answers

    key, extra = entry.key, submission.get("extra") or {}
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
    balanced, feedback = [], []
    for field_name, answers in fields.items():
        score = score_answers(key, _string_answers(answers), field_name, items)
        totals["items"] += score.total
        totals["answered"] += score.answered
        totals["credited"] += score.credited
        balanced.append(score.balanced)
        result.items.extend(_score_rows(base, score, field_name))
        feedback += _feedback_scores(field_name, score)
    first = ""
    if isinstance(submission.get("first_answers"), dict) and submission["field"] in fields:
        first_score = score_answers(key, _string_answers(submission["first_answers"]), submission["field"], items)
        first = _percent(first_score.balanced)
        feedback += [f"First answers ({md(submission['field'])}, practice mode): {md(first_score.summary())}", ""]
    values = {
        **totals,
        "score": _percent(sum(balanced) / len(balanced)),
        "first_answer_score": first,
        "status": "graded",
        "detail": "; ".join(f"{name} balanced {value:.0%}" for name, value in zip(fields, balanced, strict=True)),
    }
    return values, feedback


def _grade_work(
    entry: _Found, submission: Mapping[str, Any], base: dict[str, Any], result: Grading
) -> tuple[dict[str, Any], list[str]]:
    """Grade exercise 02's tables or exercise 03's figure; return the row's values and the feedback lines."""
    from medialit.exercises import checks

    extra = submission.get("extra") or {}
    labelled = _labelled_for(submission, entry.key)
    if entry.kind == "tables":
        data = extra.get("tables") if isinstance(extra.get("tables"), dict) else {}
        reports = {
            name: checks.check_words_table(data.get(name), by=by, labelled=labelled)
            for name, by in checks.TABLES.items()
        }
    else:
        reports = {"figure": checks.check_voice_map(extra.get("figure"), labelled=labelled)}
    feedback = []
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
        feedback += [
            f"**{md(name)}**: {md(report.headline)}",
            "",
            *[f"* {md(cut(line, QUOTE_MAX))}" for line in report.lines],
            "",
        ]
    values = [report.score or 0.0 for report in reports.values()]
    row = {
        "items": len(reports),
        "answered": sum(report.status != "unanswered" for report in reports.values()),
        "credited": sum(report.status == "passed" for report in reports.values()),
        "score": _percent(sum(values) / len(values)),
        "status": "graded",
        "detail": "; ".join(f"{name} {report.status}" for name, report in reports.items()),
    }
    return row, feedback


def _grade_written(
    entry: _Found,
    submission: Mapping[str, Any],
    base: dict[str, Any],
    scores: Mapping[tuple[str, str, str, str], tuple[str, str]],
    result: Grading,
) -> tuple[dict[str, Any], list[str]]:
    """Record exercise 04's written answers for the teacher's scores; return the row's values and the feedback."""
    from medialit.exercises import checks

    extra = submission.get("extra") or {}
    written = extra.get("written") if isinstance(extra.get("written"), dict) else {}
    points, scored, feedback = 0.0, 0, []
    for question, text in checks.WRITTEN_QUESTIONS.items():
        answer = written.get(question) if isinstance(written.get(question), str) else ""
        identity = answer_id(answer)
        exercise = submission["exercise_id"]
        teacher_score, comment = scores.get(
            (base["student_slug"], exercise, question, identity),
            scores.get((f"name:{entry.who}", exercise, question, identity), ("", "")),
        )
        if teacher_score != "":
            points += float(teacher_score)
            scored += 1
        words = len(answer.split())
        result.written.append(
            {
                **base,
                "question": question,
                "question_text": text,
                "answer": cut(answer, CELL_MAX),
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
        feedback += [
            f"**{question}** ({marks}): {md(text)}",
            "",
            f"> {md(cut(answer, QUOTE_MAX)) or '(no answer)'}",
            "",
        ]
        if comment:
            feedback += [f"Teacher's comment: {md(comment)}", ""]
    total = len(checks.WRITTEN_QUESTIONS)
    answered = sum(isinstance(written.get(q), str) and bool(written[q].strip()) for q in checks.WRITTEN_QUESTIONS)
    complete = scored == total
    row = {
        "items": total,
        "answered": answered,
        "credited": scored,
        "score": _percent(points / (total * checks.WRITTEN_POINTS)) if complete else "",
        "status": "graded" if complete else f"waiting for the teacher's scores ({scored} of {total} scored)",
        "detail": f"{points:g} of {total * checks.WRITTEN_POINTS} points" if scored else "",
    }
    return row, feedback


def _grade_one(
    entry: _Found,
    submission: Mapping[str, Any],
    student_slug: str,
    scores: Mapping[tuple[str, str, str, str], tuple[str, str]],
    result: Grading,
) -> tuple[dict[str, Any], list[str]]:
    """Grade one submission; add its item and written rows to ``result``; return its grade row and feedback lines."""
    base = {"student": entry.student, "student_slug": student_slug, "exercise_id": entry.exercise, "file": entry.name}
    row: dict[str, Any] = {
        **base,
        "article": submission["article"],
        "created": submission["created"],
        "kit_version": cut(submission["kit_version"], LABEL_MAX),
        "first_answer_score": "",
        "warnings": "; ".join(problem.reason for problem in result.warnings if problem.file == entry.name),
    }
    feedback = [f"## {md(entry.exercise)}", "", f"Submitted {md(submission['created'])} (file {md(entry.name)}).", ""]
    if entry.kind in ("classify", "labels"):
        values, lines = _grade_labels(entry, submission, base, result)
    elif entry.kind in ("tables", "figure"):
        values, lines = _grade_work(entry, submission, base, result)
    else:
        values, lines = _grade_written(entry, submission, base, scores, result)
    row.update(values)
    return row, feedback + lines


def _conflict_row(group: list[_Found], student_slug: str) -> dict[str, Any]:
    files = "; ".join(entry.name for entry in group)
    return {
        "student": group[0].student,
        "student_slug": student_slug,
        "exercise_id": group[0].exercise,
        "file": files,
        "status": "conflict",
        "detail": f"claimed by {len(group)} files in different folders: {files}; not graded until one is removed",
    }


# --- the teacher's scores -----------------------------------------------------------------------------------


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


def read_teacher_scores(path: Path, result: Grading | None = None) -> dict[tuple[str, str, str, str], tuple[str, str]]:
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
    from medialit.exercises.checks import WRITTEN_POINTS

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
            try:
                points = float(value)
            except ValueError:
                points = -1.0
            if not 0 <= points <= WRITTEN_POINTS:
                warn(
                    Problem(
                        path.name,
                        "warning",
                        f"row {number}: score {shown(value, 20)} ignored; use a number from 0 to {WRITTEN_POINTS}",
                    )
                )
                value = ""
            else:
                value = f"{points:g}"
        exercise, question, identity = (
            unquote_cell(row.get(name)) for name in ("exercise_id", "question", "answer_id")
        )
        keys = [(unquote_cell(row.get("student_slug")), exercise, question, identity)]
        if row.get("student"):
            keys.append((f"name:{_who(unquote_cell(row['student']))}", exercise, question, identity))
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


# --- the whole folder ---------------------------------------------------------------------------------------


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
    keys = _Keys(Path(seeds) if seeds is not None else None)
    found = _read_all(folder, keys, set(exercises) if exercises else None, result, Path(exclude) if exclude else None)
    if student_folders:
        found = _by_student_folder(found, result)
    kept, conflicts = _newest_only(found, result)
    names: dict[str, str] = {}
    for entry in sorted(found, key=lambda entry: (entry.created, entry.name)):
        names[entry.who] = entry.student  # the name as typed in the newest file
    slugs = student_slugs(names)
    kept.sort(key=lambda entry: (entry.exercise, slugs[entry.who], entry.name))
    shown_names: dict[str, str] = {}
    for entry in kept:
        submission = entry.submission if entry.submission is not None else _parse(entry.path, entry.name, result)
        entry.submission = None  # keep nothing large: the rows hold what is needed
        if submission is None:
            continue
        row, feedback = _grade_one(entry, submission, slugs[entry.who], scores, result)
        result.grades.append(row)
        result.sections.setdefault(row["student_slug"], {})[entry.exercise] = "\n".join(feedback).rstrip() + "\n"
        shown_names[row["student_slug"]] = names[entry.who]
    for group in conflicts:
        result.grades.append(_conflict_row(group, slugs[group[0].who]))
    for student_slug, sections in result.sections.items():
        header = f"# Feedback for {md(shown_names[student_slug])}\n\n"
        result.feedback[student_slug] = header + "\n".join(sections.values())
    return result


# --- writing ------------------------------------------------------------------------------------------------


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
    from medialit.atomic import replace_atomically

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
    from medialit.atomic import replace_atomically

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


def grade_command(args: argparse.Namespace) -> int:
    """Handle ``grade``: grade the folder, print the summary; return 0 when anything was graded, else 1."""
    result = grade(
        args.submissions, args.out, seeds=args.seeds, exercises=args.exercise, student_folders=args.student_folders
    )
    print(result.summary())
    out = terminal_safe(args.out, 300)
    if not result.grades:
        print(f"nothing was graded, so nothing was written to {out}; what was there is unchanged")
        return 1
    print(
        "written: grades.csv, items.csv, written_answers.csv, skipped.csv and "
        f"{len(result.feedback)} feedback file(s) in {out}"
    )
    if result.written:
        print(
            "score the written answers in written_answers.csv (column 'score'), "
            "then run this command again to merge them"
        )
    return 0


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
        help="grade only this exercise id (repeatable); others are reported as foreign, and their earlier "
        "grades, scores and feedback in --out are kept",
    )
    parser.add_argument(
        "--student-folders",
        action="store_true",
        help="each first-level folder of SUBMISSIONS_DIR is one student (a hub's per-student hand-in folders): "
        "the folder, not the name typed, says whose a file is",
    )
