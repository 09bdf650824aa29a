"""Submission files: what a learner hands in, as data (never code).

A submission is one JSON object in a file named
``<student>-<exercise_id>-<YYYYMMDDTHHMMSSZ>.submission.json`` (the student's name
slugged to ``[a-z0-9-]``). ``build_submission`` makes the object,
``write_submission`` writes it atomically, and ``read_submission`` reads and
validates one, raising ``MediaLitError`` with one line naming the file and the
problem. Grading reuses ``read_submission``.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from medialit.atomic import fsync_folder, place_new, write_temporary
from medialit.errors import MediaLitError

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
OPTIONAL_FIELDS: dict[str, type] = {"extra": dict}
_JSON_TYPE_NAMES = {int: "a whole number", str: "a string", dict: "an object ({...})"}
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG_MAX = 60


def submissions_dir() -> Path:
    """Return the folder a Submit button writes into when none is given.

    ``$MEDIALIT_SUBMISSIONS_DIR``; else ``$MEDIALIT_ANSWERS_DIR`` (set by the tests
    and tools, so nothing lands in the repository); else the working folder, which
    in Jupyter is the notebook's folder (the parent of the answers folder
    ``.medialit/``), never the installed package. Nothing is created.
    """
    for variable in (SUBMISSIONS_ENV, "MEDIALIT_ANSWERS_DIR"):
        configured = os.environ.get(variable, "").strip()
        if configured:
            return Path(configured)
    return Path.cwd()


def slug(text: str, fallback: str = "anonymous") -> str:
    """Return ``text`` as a safe file-name part: lower case ``[a-z0-9-]``, accents dropped, at most 60 characters.

    ``fallback`` is returned when nothing is left (e.g. an empty name or one in another script).
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    cleaned = _NOT_SLUG.sub("-", ascii_text).strip("-")[:_SLUG_MAX].strip("-")
    return cleaned or fallback


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
    joined = ";".join(str(item).strip() for item in answer if str(item).strip())
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
    problems = []
    missing = [name for name in FIELDS if name not in submission]
    if missing:
        problems.append(f"missing field(s) {', '.join(missing)}; submit again with the exercise's Submit button")
    for name, kind in {**FIELDS, **OPTIONAL_FIELDS}.items():
        if name in submission and type(submission[name]) is not kind:
            value = json.dumps(submission[name], ensure_ascii=False)[:40]
            problems.append(f"field {name!r} must be {_JSON_TYPE_NAMES[kind]}, not {value}")
    answers = submission.get("answers")
    if isinstance(answers, dict):
        for sentence_id, label in answers.items():
            if not isinstance(label, str):
                value = json.dumps(label, ensure_ascii=False)[:40]
                problems.append(f"answer to {sentence_id} must be a label (a string), not {value}")
                break
    for name in ("student", "exercise_id"):
        if isinstance(submission.get(name), str) and not submission[name].strip():
            problems.append(f"field {name!r} is empty; type your name in the exercise and submit again")
    created = submission.get("created")
    if isinstance(created, str):
        try:
            datetime.strptime(created, CREATED_FORMAT)
        except ValueError:
            problems.append(f"created {created!r} is not a UTC time like 2026-11-28T10:15:00Z")
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


def read_submission(path: Path | str) -> dict[str, Any]:
    """Return the submission in the file at ``path``, validated (see ``submission_problems``).

    Nothing is changed. A file larger than ``MAX_BYTES`` is refused without being read.

    Raises:
        MediaLitError: one line naming the file and its first problem: missing,
            oversized, not UTF-8, not JSON, not an object, unknown schema version,
            missing fields or wrong types.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise MediaLitError(f"{path}: file not found; check the name and the folder") from None
    except OSError as error:
        raise MediaLitError(f"{path}: cannot be read ({error.strerror})") from None
    if path.is_dir():
        raise MediaLitError(f"{path}: is a folder, not a submission file")
    if size > MAX_BYTES:
        raise MediaLitError(f"{path}: is {size} bytes, more than a submission can be ({MAX_BYTES}); it was not read")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise MediaLitError(
            f"{path}: is not UTF-8 text (bad byte at position {error.start}); it is not a submission file"
        ) from None
    except OSError as error:
        raise MediaLitError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        submission = json.loads(text.removeprefix("\ufeff"), parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise MediaLitError(
            f"{path}: is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}); "
            "the file was damaged or edited by hand: submit again"
        ) from None
    except (ValueError, RecursionError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise MediaLitError(
            f"{path}: is not valid JSON ({reason}); the file was damaged or edited by hand: submit again"
        ) from None
    problems = submission_problems(submission)
    if problems:
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise MediaLitError(f"{path}: {problems[0]}{more}")
    return submission
