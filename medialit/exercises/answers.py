"""The answers store: every answer a learner gives, saved at once to a small JSON file that survives restarts.

One file per exercise, ``<folder>/<exercise_id>.answers.json``, where the folder is
``$MEDIALIT_ANSWERS_DIR`` or ``.medialit/`` in the working folder. Each item keeps
its label and the time it was given, so two notebooks (two browser tabs, two
kernels) writing the same file are merged item by item, the latest answer winning.
The file also keeps each item's FIRST answer (``first_answers``, same format; the
earliest time wins when two notebooks merge, and clearing or changing an answer never
changes it), so practice mode can report first answers beside final ones.
Writes are atomic (a temporary file in the same folder, flushed to disk, then
renamed over the old one), so a killed kernel leaves the last complete file.
A file that cannot be read is never overwritten: it is renamed aside
(``<exercise_id>.answers.corrupt-<UTC>.json``), whatever could be read is kept,
and ``AnswerStore.message`` says what happened.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from medialit.atomic import place_new, replace_atomically
from medialit.errors import MediaLitError
from medialit.vocabulary import LIST_SEPARATOR

ANSWERS_ENV = "MEDIALIT_ANSWERS_DIR"
DEFAULT_FOLDER = ".medialit"
SUFFIX = ".answers.json"
FILE_FORMAT = "medialit-answers"
FILE_VERSION = 1
TEXT_FIELDS = ("reflection", "student")
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # fixed width, so times sort as strings
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}")


def answers_dir() -> Path:
    """Return the folder that holds answers files: ``$MEDIALIT_ANSWERS_DIR``, else ``.medialit/`` in the working folder.

    Nothing is created; the store makes the folder on its first save.
    """
    configured = os.environ.get(ANSWERS_ENV, "").strip()
    return Path(configured) if configured else Path.cwd() / DEFAULT_FOLDER


def _format_time(moment: datetime) -> str:
    return moment.strftime(_TIME_FORMAT)


def _parse_time(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


@dataclass(frozen=True)
class Entry:
    """One saved value (a label, a reflection, a name; None once cleared) and when it was given (UTC, sortable)."""

    value: str | None
    time: str


def _merge(mine: dict[str, Entry], theirs: Mapping[str, Entry]) -> None:
    """Keep, per item, the later of ``mine`` and ``theirs`` in ``mine`` (changes ``mine``; a tie keeps ``mine``)."""
    for item, entry in theirs.items():
        if item not in mine or entry.time > mine[item].time:
            mine[item] = entry


def _merge_first(mine: dict[str, Entry], theirs: Mapping[str, Entry]) -> None:
    """Keep, per item, the EARLIER of ``mine`` and ``theirs`` in ``mine`` (first answers; changes ``mine``)."""
    for item, entry in theirs.items():
        if item not in mine or entry.time < mine[item].time:
            mine[item] = entry


@dataclass
class _Parsed:
    answers: dict[str, Entry]
    texts: dict[str, Entry]
    problem: str | None
    first: dict[str, Entry] = field(default_factory=dict)


def _file_content(data: bytes) -> tuple[dict[str, Any], str | None]:
    """Return ``(content, problem)``: the answers file's JSON object, or ``{}`` and why it cannot be read at all."""
    try:
        content = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return {}, "it is not UTF-8 text"
    except (json.JSONDecodeError, RecursionError) as error:
        where = f" at line {error.lineno}" if isinstance(error, json.JSONDecodeError) else ""
        return {}, f"it is not valid JSON{where}" if data.strip() else "it is empty"
    if not isinstance(content, dict) or content.get("format") != FILE_FORMAT:
        return {}, "it is not a medialit answers file"
    version = content.get("version")
    if type(version) is not int or version > FILE_VERSION or version < 1:
        return {}, f"it has version {version!r}, which this kit cannot read (a newer kit wrote it?)"
    return content, None


def _parse_answers(parsed: _Parsed, raw_answers: object, what: str, into: dict[str, Entry], first: bool) -> None:
    """Put every readable answer of ``raw_answers`` into ``into``; note the first problem in ``parsed``."""
    if not isinstance(raw_answers, dict):
        parsed.problem = parsed.problem or f"its '{what}' are not an object"
        return
    for item, raw in raw_answers.items():
        entry = _parse_entry(raw, "label")
        if entry is None or (first and entry.value is None):
            parsed.problem = parsed.problem or f"the {'first answer' if first else 'answer'} to {item} is damaged"
        else:
            into[item] = entry


def _parse(data: bytes) -> _Parsed:
    """Return what can be read from an answers file's bytes and, if anything is wrong, the first problem."""
    content, problem = _file_content(data)
    parsed = _Parsed({}, {}, problem)
    if problem:
        return parsed
    _parse_answers(parsed, content.get("answers"), "answers", parsed.answers, first=False)
    _parse_answers(parsed, content.get("first_answers", {}), "first_answers", parsed.first, first=True)
    for name in TEXT_FIELDS:
        if name in content:
            entry = _parse_entry(content[name], "text")
            if entry is None:
                parsed.problem = parsed.problem or f"its {name} is damaged"
            else:
                parsed.texts[name] = entry
    return parsed


def _parse_entry(raw: object, value_name: str) -> Entry | None:
    """Return the ``Entry`` in ``{value_name: str|null, "time": ...}``, or None when it is damaged."""
    if not isinstance(raw, dict) or _parse_time(raw.get("time")) is None:
        return None
    value = raw.get(value_name)
    if value is not None and not isinstance(value, str):
        return None
    return Entry(value, raw["time"])


@contextmanager
def _folder_lock(folder: Path, already_held: bool = False) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (POSIX ``flock``) so two kernels do not save at the same instant.

    Where locking is unavailable (Windows, some network drives) this does nothing;
    the per-item merge then still keeps almost every answer. ``already_held``: the
    caller holds it already (a second ``flock`` in one process would wait forever).
    """
    if already_held:
        yield
        return
    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        except OSError:
            pass  # a file system without locks: go on unlocked
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


class AnswerStore:
    """The saved answers of one exercise, restored on creation and saved on every change.

    Attributes:
        exercise_id: the exercise (a safe file-name part, e.g. ``lavrov-pompeo-sochi-2019-category``).
        path: the answers file, ``<folder>/<exercise_id>.answers.json``.
        message: None, or one line for the learner when a damaged file was renamed aside.
    """

    def __init__(self, exercise_id: str, directory: Path | str | None = None) -> None:
        """Open the store of ``exercise_id`` in ``directory`` (default: ``answers_dir()``) and restore saved answers.

        A damaged file is renamed aside (see the module docstring) and ``message`` is set.

        Raises:
            MediaLitError: ``exercise_id`` is not a safe file-name part.
        """
        if not isinstance(exercise_id, str) or not _SAFE_ID.fullmatch(exercise_id):
            raise MediaLitError(
                f"exercise id {exercise_id!r} cannot name an answers file; use letters, digits, '.', '_' and '-' only"
            )
        self.exercise_id = exercise_id
        self.directory = Path(directory) if directory is not None else answers_dir()
        self.path = self.directory / f"{exercise_id}{SUFFIX}"
        self.message: str | None = None
        self._answers: dict[str, Entry] = {}
        self._texts: dict[str, Entry] = {}
        self._first: dict[str, Entry] = {}
        self._seen: bytes | None = None  # the file's bytes as this store last read or wrote them
        self._holding_lock = False
        self._last_time: datetime | None = None
        self._refresh()

    # ----- reading ---------------------------------------------------------------------------------------------

    def load(self) -> dict[str, str]:
        """Return the saved answers, ``{sentence_id: label}``, after merging any change another notebook saved."""
        self._refresh()
        return {item: entry.value for item, entry in sorted(self._answers.items()) if entry.value is not None}

    def first_answers(self) -> dict[str, str]:
        """Return each item's first answer ever given, ``{sentence_id: label}`` (after merging the file)."""
        self._refresh()
        return {item: entry.value for item, entry in sorted(self._first.items()) if entry.value is not None}

    def answer_time(self, sentence_id: str) -> str | None:
        """Return when the current answer to ``sentence_id`` was saved (UTC text), or None if it never was."""
        entry = self._answers.get(sentence_id)
        return entry.time if entry is not None else None

    def text_time(self, name: str) -> str | None:
        """Return when the text ``name`` (``reflection`` or ``student``) was saved (UTC text), or None if never."""
        entry = self._texts.get(name)
        return entry.time if entry is not None else None

    @property
    def reflection(self) -> str:
        """Return the saved reflection (an empty string when there is none)."""
        return self._text("reflection")

    @property
    def student(self) -> str:
        """Return the saved student name (an empty string when there is none)."""
        return self._text("student")

    def _text(self, name: str) -> str:
        self._refresh()
        entry = self._texts.get(name)
        return entry.value or "" if entry else ""

    def _refresh(self) -> None:
        """Merge the file into memory if it changed since this store last read or wrote it (changes memory only).

        A damaged file is renamed aside and ``message`` set; whatever could be read is kept in memory.
        """
        try:
            data = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):  # nothing saved yet (a save will say if the folder is unusable)
            self._seen = None
            return
        except OSError as error:
            raise MediaLitError(
                f"{self.path}: cannot read your saved answers ({error.strerror}); check the folder's permissions"
            ) from None
        if data == self._seen:
            return  # unchanged since this store last read or wrote it
        parsed = _parse(data)
        _merge(self._answers, parsed.answers)
        _merge(self._texts, parsed.texts)
        _merge_first(self._first, parsed.first)
        if parsed.problem is None:
            self._seen = data
        else:
            self._move_aside(parsed)

    def _move_aside(self, parsed: _Parsed) -> None:
        """Rename the damaged answers file to ``<id>.answers.corrupt-<UTC>.json`` (never overwriting) and set ``message``."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        base = f"{self.exercise_id}.answers.corrupt-{stamp}"
        with _folder_lock(self.directory, already_held=self._holding_lock):
            target = self.directory / f"{base}.json"
            number = 1
            try:
                while not place_new(self.path, target):
                    number += 1
                    target = self.directory / f"{base}-{number}.json"
            except FileNotFoundError:
                return  # another notebook moved it aside at the same moment
            except OSError as error:
                raise MediaLitError(
                    f"{self.path}: is damaged ({parsed.problem}) and could not be renamed aside ({error.strerror}); "
                    "move it away by hand, your answers in it are not lost"
                ) from None
        self._seen = None
        recovered = len(parsed.answers)
        kept = f"; {recovered} answer(s) in it could be read and were kept" if recovered else ""
        self.message = (
            f"{self.path}: could not be read ({parsed.problem}); it was kept unchanged as {target.name}{kept}, "
            "and new answers are saved in a fresh file"
        )

    # ----- writing ---------------------------------------------------------------------------------------------

    def set(self, sentence_id: str, label: str | None) -> None:
        """Save ``label`` as the answer to ``sentence_id`` (None or an empty string clears it), at once.

        Raises:
            MediaLitError: the file cannot be written (the answer stays in memory and is saved with the next change).
        """
        self.update({sentence_id: label})

    def update(self, answers: Mapping[str, str | None]) -> None:
        """Save several answers in one write (None or an empty string clears an answer); see ``set``."""
        for sentence_id, label in answers.items():
            if not isinstance(sentence_id, str) or not sentence_id:
                raise TypeError(f"sentence ids are non-empty strings, not {sentence_id!r}")
            if label is not None and not isinstance(label, str):
                raise TypeError(f"an answer is a label (a string) or None, not {label!r}; join several with {LIST_SEPARATOR!r}")
        for sentence_id, label in answers.items():
            entry = Entry((label or "").strip() or None, self._next_time())
            self._answers[sentence_id] = entry
            if entry.value is not None and sentence_id not in self._first:
                self._first[sentence_id] = entry
        self._save()

    def set_reflection(self, text: str) -> None:
        """Save the learner's reflection ``text`` at once (see ``set`` for errors)."""
        self._set_text("reflection", text)

    def set_student(self, name: str) -> None:
        """Save the learner's name at once (see ``set`` for errors)."""
        self._set_text("student", name)

    def _set_text(self, name: str, text: str) -> None:
        if not isinstance(text, str):
            raise TypeError(f"{name} must be a string, not {text!r}")
        self._texts[name] = Entry(text, self._next_time())
        self._save()

    def _next_time(self) -> str:
        """Return now (UTC), made strictly later than this store's previous time so two quick answers keep their order."""
        now = datetime.now(timezone.utc)
        if self._last_time is not None and now <= self._last_time:
            now = self._last_time + timedelta(microseconds=1)
        self._last_time = now
        return _format_time(now)

    def _document(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "exercise_id": self.exercise_id,
            "answers": {item: {"label": e.value, "time": e.time} for item, e in sorted(self._answers.items())},
        }
        if self._first:
            document["first_answers"] = {item: {"label": e.value, "time": e.time} for item, e in sorted(self._first.items())}
        for name, entry in self._texts.items():
            document[name] = {"text": entry.value, "time": entry.time}
        return document

    def _save(self) -> None:
        """Merge what another notebook saved meanwhile, then replace the file atomically (changes the file)."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with _folder_lock(self.directory):
                self._holding_lock = True
                try:
                    self._refresh()
                    data = (json.dumps(self._document(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
                    replace_atomically(self.path, data)
                    self._seen = data
                finally:
                    self._holding_lock = False
        except OSError as error:
            raise MediaLitError(
                f"{self.path}: could not save your answer ({error.strerror}); it is kept until the next save works"
            ) from None
