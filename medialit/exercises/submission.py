"""Submission files: what a learner hands in, as data (never code).

A submission is one JSON object in a file named
``<student>-<exercise_id>-<YYYYMMDDTHHMMSSZ>.submission.json`` (the student's name
slugged: lower case letters and digits of any script, and ``-``). ``build_submission``
makes the object, ``write_submission`` writes it atomically, and ``read_submission``
reads and validates one, raising ``MediaLitError`` with one line naming the file and
the problem. ``submission_problems`` is the one schema: every field a grader reads,
``extra`` (tables, figure, labels, written answers) and ``first_answers`` included, is
checked there, so the checks never see malformed data. Grading reuses it.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from medialit.atomic import fsync_folder, place_new, write_temporary
from medialit.errors import MediaLitError
from medialit.vocabulary import LIST_SEPARATOR

SCHEMA_VERSION = 1
SUBMISSIONS_ENV = "MEDIALIT_SUBMISSIONS_DIR"
SUFFIX = ".submission.json"
# A submission holds labels and short texts; anything bigger is refused unread.
MAX_BYTES = 1_000_000
CREATED_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
FILE_TIME_FORMAT = "%Y%m%dT%H%M%SZ"
# Required fields and their JSON types (``bool`` is never accepted where an ``int`` is asked).
FIELDS: dict[str, type] = {
    "schema_version": int,
    "student": str,
    "exercise_id": str,
    "key_sha256": str,
    "kit_version": str,
    "created": str,
    "answers": dict,
    "reflection": str,
    "field": str,
    "article": str,
}
# ``first_answers``: the learner's first answer per item in practice mode, same format as ``answers``.
OPTIONAL_FIELDS: dict[str, type] = {"extra": dict, "first_answers": dict}
_JSON_TYPE_NAMES = {int: "a whole number", str: "a string", dict: "an object ({...})"}
_SLUG_MAX = 60
# RFC 3339 in UTC, to the second, every field zero-padded (ASCII digits only).
_CREATED = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
# Names Windows keeps for devices: a feedback file called ``con.md`` could not be opened there.
_RESERVED_NAMES = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}


def submissions_dir() -> Path:
    """Return the folder a Submit button writes into when none is given.

    ``$MEDIALIT_SUBMISSIONS_DIR`` when set, else the working folder, which in
    Jupyter is the notebook's folder (the parent of the answers folder
    ``.medialit/``), never the installed package. ``$MEDIALIT_ANSWERS_DIR`` (where
    answers are saved) never moves submissions. Nothing is created.
    """
    configured = os.environ.get(SUBMISSIONS_ENV, "").strip()
    return Path(configured) if configured else Path.cwd()


def slug(text: str, fallback: str = "anonymous") -> str:
    """Return ``text`` as a safe, readable file-name part, at most 60 characters.

    Letters and digits of every script are kept, in lower case (``Иван Петров`` ->
    ``иван-петров``, ``王伟`` stays), accents on Latin letters dropped (``José`` ->
    ``jose``); everything else (spaces, punctuation, slashes, emoji, control
    characters) becomes ``-``. ``fallback`` is
    returned when nothing is left (e.g. an empty or emoji-only name); Windows device
    names (``con``...) get a ``student-`` prefix. Distinct names can meet (``José`` and
    ``Jose``, two emoji names): grading tells them apart (``medialit.teacher.inbox.student_slugs``).
    """
    characters: list[str] = []
    for character in unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold()):
        if unicodedata.category(character).startswith("M"):
            previous = characters[-1] if characters else "-"
            if previous != "-" and not previous.isascii():
                characters.append(character)  # a mark of another script stays (и + breve = й)
            continue  # an accent on a Latin letter is dropped (é -> e), as people type their names in ASCII
        characters.append(character if character.isalnum() else "-")
    cleaned = re.sub("-+", "-", "".join(characters)).strip("-")
    cleaned = unicodedata.normalize("NFC", cleaned)[:_SLUG_MAX].strip("-")
    if cleaned in _RESERVED_NAMES:
        cleaned = f"student-{cleaned}"
    return cleaned or fallback


def student_identity(name: str) -> str:
    """Return what makes two typed names the same student: Unicode-normalised, case-folded, spaces collapsed.

    ``José García`` and ``Jose Garcia`` are different students; ``ada  lovelace`` and ``Ada Lovelace`` the same.
    """
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def parse_created(text: object) -> datetime | None:
    """Return ``created`` as an aware UTC datetime; None unless strict RFC 3339 UTC (``2026-11-28T10:15:00Z``)."""
    if not isinstance(text, str) or not _CREATED.fullmatch(text):
        return None
    try:
        return datetime.fromisoformat(text[:-1]).replace(tzinfo=timezone.utc)  # the pattern matched: no offset, no Z
    except ValueError:
        return None


def utc_timestamp(moment: datetime | None = None) -> str:
    """Return ``moment`` (default: now) as UTC ISO 8601 to the second, e.g. ``2026-11-28T10:15:00Z``."""
    moment = moment or datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).strftime(CREATED_FORMAT)


def _join_answer(answer: str | Sequence[str] | None) -> str | None:
    """Return one answer as a label string (lists ``;``-joined), or None for no answer."""
    if answer is None:
        return None
    if isinstance(answer, str):
        return answer.strip() or None
    joined = LIST_SEPARATOR.join(str(item).strip() for item in answer if str(item).strip())
    return joined or None


def build_submission(
    *,
    student: str,
    exercise_id: str,
    key_sha256: str,
    answers: Mapping[str, str | Sequence[str] | None],
    field: str,
    article: str,
    reflection: str = "",
    extra: Mapping[str, Any] | None = None,
    created: datetime | None = None,
    first_answers: Mapping[str, str | Sequence[str] | None] | None = None,
) -> dict[str, Any]:
    """Return a submission object (a dict ready for JSON) for the current kit version.

    Unanswered items (None or empty) are left out of ``answers``; list answers
    (techniques) are ``;``-joined. ``created`` defaults to now (UTC). ``first_answers``
    (practice mode, optional) is the learner's first answer per item, in the same
    format as ``answers``. Nothing is written.

    Raises:
        MediaLitError: the result would not pass ``read_submission`` (e.g. an empty student name).
    """
    from medialit import __version__

    submission: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "student": student.strip(),
        "exercise_id": exercise_id,
        "key_sha256": key_sha256,
        "kit_version": __version__,
        "created": utc_timestamp(created),
        "field": field,
        "article": article,
        "answers": {
            str(sentence_id): joined
            for sentence_id, answer in answers.items()
            if (joined := _join_answer(answer)) is not None
        },
        "reflection": reflection,
    }
    if extra is not None:
        submission["extra"] = dict(extra)
    if first_answers is not None:  # practice mode: each item's first answer, same format as answers (contract 2)
        submission["first_answers"] = {
            str(sentence_id): joined
            for sentence_id, answer in first_answers.items()
            if (joined := _join_answer(answer)) is not None
        }
    problems = submission_problems(submission)
    if problems:
        raise MediaLitError(f"cannot build the submission: {problems[0]}")
    return submission


def _json_kind(value: object) -> str:
    """Return how a parsed JSON value is described to a user (``a list``, ``a string``...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list ([...])"
    return "an object ({...})"


def _field_problems(submission: dict[str, Any]) -> list[str]:
    """Return the missing fields, the fields of the wrong JSON type and the empty names of ``submission``."""
    problems = []
    missing = [name for name in FIELDS if name not in submission]
    if missing:
        problems.append(f"missing field(s) {', '.join(missing)}; submit again with the exercise's Submit button")
    for name, kind in {**FIELDS, **OPTIONAL_FIELDS}.items():
        if name in submission and type(submission[name]) is not kind:
            value = json.dumps(submission[name], ensure_ascii=False)[:40]
            problems.append(f"field {name!r} must be {_JSON_TYPE_NAMES[kind]}, not {value}")
    return problems


def _label_problem(submission: dict[str, Any], name: str, prefix: str = "") -> list[str]:
    """Return the first answer in ``submission[name]`` that is not a label (a string), as a one-item list."""
    answers = submission.get(name)
    if not isinstance(answers, dict):
        return []
    wrong = next((sentence_id for sentence_id, label in answers.items() if not isinstance(label, str)), None)
    if wrong is None:
        return []
    value = json.dumps(answers[wrong], ensure_ascii=False)[:40]
    return [f"{prefix}answer to {wrong} must be a label (a string), not {value}"]


def submission_problems(submission: object) -> list[str]:
    """Return what is wrong with a parsed submission, one phrase each (an empty list when it is valid).

    Checks: a JSON object, a known ``schema_version``, every required field with
    its type, string labels in ``answers``, a UTC ``created`` time, a non-empty
    student name and exercise id, ``extra`` an object when present.
    """
    if not isinstance(submission, dict):
        return [f"holds {_json_kind(submission)}, not a JSON object ({{...}}); it is not a submission file"]
    version = submission.get("schema_version")
    if "schema_version" in submission and (type(version) is not int or version != SCHEMA_VERSION):
        return [
            f"schema_version {version!r} is not one this kit reads (it reads {SCHEMA_VERSION}); "
            "submit again with the kit your teacher gave you, or update the kit"
        ]
    problems = _field_problems(submission) + _label_problem(submission, "answers")
    problems += [
        f"field {name!r} is empty; type your name in the exercise and submit again"
        for name in ("student", "exercise_id")
        if isinstance(submission.get(name), str) and not submission[name].strip()
    ]
    problems += _label_problem(submission, "first_answers", "first_answers: the ")
    created = submission.get("created")
    if isinstance(created, str) and parse_created(created) is None:
        problems.append(
            f"created {created[:40]!r} is not a UTC time with every field zero-padded, like 2026-11-28T10:15:00Z"
        )
    if isinstance(submission.get("extra"), dict):
        problems.extend(extra_problems(submission["extra"]))
    return problems


# --- the parts of ``extra`` a grader reads ---------------------------------------------------------------------


def _is_number(value: object) -> bool:
    """Return whether ``value`` is a finite JSON number (``true``/``false`` are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False


def _describe(value: object) -> str:
    """Return a parsed JSON value as a message shows it: its kind and its start (``a string "many"``)."""
    if value is None or isinstance(value, bool):
        return _json_kind(value)
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} (not a finite number)"
    return f"{_json_kind(value)} {json.dumps(value, ensure_ascii=False, default=str)[:30]}"


def _object_of(value: object, where: str, check: Any, what: str) -> str | None:
    """Return the first problem of an object whose every value must pass ``check`` (None when all pass)."""
    if not isinstance(value, dict):
        return f"{where} must be an object ({{...}}), not {_describe(value)}"
    for name, item in value.items():
        if not check(item):
            return f"{where}.{name} must be {what}, not {_describe(item)}"
    return None


_BAR_FIELDS: dict[str, tuple[Any, str, bool]] = {
    "label": (lambda v: isinstance(v, str), "a string", True),
    "value": (_is_number, "a number", True),
    "x": (_is_number, "a number", True),
    "y": (_is_number, "a number", True),
    "width": (_is_number, "a number", False),
    "height": (_is_number, "a number", False),
    "color": (lambda v: isinstance(v, str), "a string", True),
    "hatch": (lambda v: isinstance(v, str), "a string", True),
}
_AXES_TEXTS = ("title", "xlabel", "ylabel")


def _bar_is_fine(bar: object) -> bool:
    """Return whether ``bar`` is a well-formed bar (the fast check; ``_bar_problem`` says what is wrong)."""
    if type(bar) is not dict:
        return False
    for name in ("label", "color", "hatch"):
        if type(bar.get(name)) is not str:
            return False
    for name in ("value", "x", "y", "width", "height"):
        value = bar.get(name, 0) if name in ("width", "height") else bar.get(name)
        kind = type(value)
        if kind is float:
            if value - value != 0:  # inf and nan
                return False
        elif kind is not int or abs(value) > 1e300:
            return False
    return True


def _bar_problem(bar: object, where: str) -> str | None:
    if _bar_is_fine(bar):
        return None
    if not isinstance(bar, dict):
        return f"{where} must be a bar (an object), not {_describe(bar)}"
    for name, (check, what, required) in _BAR_FIELDS.items():
        if name not in bar:
            if required:
                return f"{where} has no {name!r} ({what})"
        elif not check(bar[name]):
            return f"{where}.{name} must be {what}, not {_describe(bar[name])}"
    return None


def _axes_problem(axes: object, where: str) -> str | None:
    if not isinstance(axes, dict):
        return f"{where} must be a chart (an object with 'bars'), not {_describe(axes)}"
    if not isinstance(axes.get("bars"), list):
        return f"{where}.bars must be a list of bars, not {_describe(axes.get('bars'))}"
    for name in _AXES_TEXTS:
        if name in axes and not isinstance(axes[name], str):
            return f"{where}.{name} must be a string, not {_describe(axes[name])}"
    legend = axes.get("legend", [])
    if not isinstance(legend, list) or not all(isinstance(text, str) for text in legend):
        return f"{where}.legend must be a list of strings, not {_describe(legend)}"
    for number, bar in enumerate(axes["bars"]):
        problem = _bar_problem(bar, f"{where}.bars[{number}]")
        if problem:
            return problem
    return None


def figure_problem(figure: object, where: str = "extra.figure") -> str | None:
    """Return what is wrong with a submitted figure (``checks.figure_data``'s format), or None when it is fine.

    ``null`` is a figure not drawn yet. Otherwise ``{"axes": [...]}``: every chart an
    object with ``bars`` (a list) and string ``title``/``xlabel``/``ylabel`` and
    ``legend``; every bar an object with a string ``label``, ``color`` and ``hatch``
    and finite numbers ``value``, ``x``, ``y`` (``width``, ``height`` when given).
    """
    if figure is None:
        return None
    if not isinstance(figure, dict) or not isinstance(figure.get("axes"), list):
        return f"{where} must be an object with 'axes' (a list of charts), not {_describe(figure)}"
    for number, axes in enumerate(figure["axes"]):
        problem = _axes_problem(axes, f"{where}.axes[{number}]")
        if problem:
            return problem
    return None


def _labels_problem(labels: object) -> str | None:
    if not isinstance(labels, dict):
        return f"extra.labels must be an object ({{...}}), not {_describe(labels)}"
    for name, answers in labels.items():
        problem = _object_of(answers, f"extra.labels.{name}", lambda v: isinstance(v, str), "a label (a string)")
        if problem:
            return problem
    return None


def _tables_problem(tables: object) -> str | None:
    if not isinstance(tables, dict):
        return f"extra.tables must be an object ({{...}}), not {_describe(tables)}"
    for name, table in tables.items():
        if table is not None:
            problem = _object_of(table, f"extra.tables.{name}", _is_number, "a number of words")
            if problem:
                return problem
    return None


def _pair(value: object) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(item, str) for item in value)


_EXTRA_PARTS: dict[str, Any] = {
    "figure": figure_problem,
    "labels": _labels_problem,
    "tables": _tables_problem,
    "written": lambda v: _object_of(
        v, "extra.written", lambda t: t is None or isinstance(t, str), "a written answer (a string) or null"
    ),
    "labels_used": lambda v: _object_of(v, "extra.labels_used", _pair, "a [speaker, category] pair of strings"),
    "items": lambda v: None
    if isinstance(v, list) and all(isinstance(i, str) for i in v)
    else f"extra.items must be a list of sentence ids, not {_describe(v)}",
    "labels_source": lambda v: (
        None if isinstance(v, str) else f"extra.labels_source must be a string, not {_describe(v)}"
    ),
    "mode": lambda v: None if isinstance(v, str) else f"extra.mode must be a string, not {_describe(v)}",
}


def extra_problems(extra: Mapping[str, Any]) -> list[str]:
    """Return what is wrong with the parts of ``extra`` a grader reads (at most one phrase per part).

    Parts: ``figure``, ``tables``, ``labels``, ``written``, ``labels_used``, ``items``,
    ``labels_source``, ``mode``; other keys are kept but never read.
    """
    problems = []
    for name, check in _EXTRA_PARTS.items():
        if name in extra:
            problem = check(extra[name])
            if problem:
                problems.append(f"{problem}; submit again from the exercise")
    return problems


def submission_filename(submission: Mapping[str, Any]) -> str:
    """Return the file name of ``submission``: ``<student>-<exercise_id>-<YYYYMMDDTHHMMSSZ>.submission.json``."""
    created = datetime.strptime(submission["created"], CREATED_FORMAT)
    student = slug(submission["student"])
    exercise = slug(submission["exercise_id"], fallback="exercise")
    return f"{student}-{exercise}-{created.strftime(FILE_TIME_FORMAT)}{SUFFIX}"


def write_submission(submission: Mapping[str, Any], directory: Path | str) -> Path:
    """Write ``submission`` into ``directory`` (created if needed) and return the new file's path.

    The file is written atomically (a temporary file in the same folder, flushed
    to disk, then renamed), so a crash leaves either the whole file or none.
    An existing file is never overwritten: a second submission in the same second
    gets ``-2``, ``-3``... before ``.submission.json``.

    Raises:
        MediaLitError: the submission is invalid, or the folder cannot be written.
    """
    problems = submission_problems(submission)
    if problems:
        raise MediaLitError(f"cannot write the submission: {problems[0]}")
    folder = Path(directory)
    data = (json.dumps(submission, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    if len(data) > MAX_BYTES:
        raise MediaLitError(
            f"cannot write the submission: it is {len(data)} bytes, more than {MAX_BYTES}; shorten the written answers"
        )
    name = submission_filename(submission)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = write_temporary(folder, data, prefix=".submission-")
        try:
            target = folder / name
            number = 1
            while not place_new(temporary, target):
                number += 1
                target = folder / f"{name.removesuffix(SUFFIX)}-{number}{SUFFIX}"
            fsync_folder(folder)
        finally:
            temporary.unlink(missing_ok=True)
    except OSError as error:
        raise MediaLitError(
            f"{folder}: cannot write the submission there ({error.strerror}); choose a folder you can write to"
        ) from None
    return target


def _refuse_constant(name: str) -> None:
    """Refuse ``NaN`` and ``Infinity``, which Python's json reads but JSON does not allow."""
    raise ValueError(f"{name} is not allowed in JSON")


def read_limited(path: Path | str, limit: int = MAX_BYTES) -> bytes:
    """Return the bytes of the regular file at ``path``, read without following a symbolic link at its end.

    Never blocks on a FIFO or device and never reads more than ``limit`` + 1 bytes.
    Nothing is changed.

    Raises:
        MediaLitError: one line naming the file: missing, a folder, a symbolic link,
            not a regular file (FIFO, device, socket), unreadable, or larger than ``limit``.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        if path.is_symlink():
            raise MediaLitError(f"{path}: is a symbolic link; it was not followed")
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise MediaLitError(f"{path}: file not found; check the name and the folder") from None
    except IsADirectoryError:
        raise MediaLitError(f"{path}: is a folder, not a submission file") from None
    except OSError as error:
        raise MediaLitError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise MediaLitError(f"{path}: is a folder, not a submission file")
        if not stat.S_ISREG(info.st_mode):
            raise MediaLitError(f"{path}: is not a regular file (a FIFO, device or socket); it was not read")
        if info.st_size > limit:
            raise MediaLitError(
                f"{path}: is {info.st_size} bytes, more than a submission can be ({limit}); it was not read"
            )
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise MediaLitError(f"{path}: cannot be read ({error.strerror})") from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise MediaLitError(f"{path}: is more than {limit} bytes, more than a submission can be; it was not read")
    return data


def read_submission(path: Path | str) -> dict[str, Any]:
    """Return the submission in the file at ``path``, validated (see ``submission_problems``).

    Nothing is changed. A file larger than ``MAX_BYTES`` is refused without being read;
    a symbolic link, FIFO or device is refused without being opened for reading.

    Raises:
        MediaLitError: one line naming the file and its first problem: missing,
            oversized, not UTF-8, not JSON, not an object, unknown schema version,
            missing fields or wrong types, a malformed part of ``extra``.
    """
    path = Path(path)
    return parse_submission(read_limited(path), path)


def parse_submission(data: bytes, path: Path | str) -> dict[str, Any]:
    """Return the submission held in ``data`` (the bytes of the file ``path``), validated.

    Raises:
        MediaLitError: as ``read_submission`` (the message names ``path``).
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MediaLitError(
            f"{path}: is not UTF-8 text (bad byte at position {error.start}); it is not a submission file"
        ) from None
    try:
        submission = json.loads(text.removeprefix("\ufeff"), parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise MediaLitError(
            f"{path}: is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}); "
            "the file was damaged or edited by hand: submit again"
        ) from None
    except (ValueError, RecursionError, OverflowError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise MediaLitError(
            f"{path}: is not valid JSON ({reason}); the file was damaged or edited by hand: submit again"
        ) from None
    problems = submission_problems(submission)
    if problems:
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise MediaLitError(f"{path}: {problems[0]}{more}")
    return submission
