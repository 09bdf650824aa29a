"""The submissions folder, walked and read: every ``*.submission.json`` validated, matched to its exercise in the
registry and to its article's answer key, one file per student and exercise kept; every other entry named.

A malformed, oversized, duplicate (an older submission of the same student and exercise in the same folder),
conflicting (the same student and exercise claimed by files in two folders), future-dated or foreign file (an
unknown exercise, another answer key), a symbolic link (never followed), a FIFO or device, an unreadable folder and
a folder named like a submission are recorded in ``Grading.skipped`` with the reason; other files in
``Grading.ignored``. Files are read one at a time (large ones twice rather than kept), so memory stays bounded.
Nothing is written.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from medialit import __version__
from medialit.errors import MediaLitError
from medialit.exercises.registry import Exercise, for_answers_id
from medialit.exercises.submission import SUFFIX, parse_created, parse_submission, read_limited, slug
from medialit.keys.key import load_article_key
from medialit.teacher.graders import GRADERS
from medialit.teacher.results import LABEL_MAX, Found, Grading, Problem, shown, who
from medialit.text.textfile import cut, terminal_safe

_ARTICLE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}")
KEEP_PARSED_BYTES = 64_000  # submissions up to this size are kept parsed between the two passes; larger are re-read
FUTURE_SLACK = timedelta(days=1)  # a created time later than now + this is refused (a clock off by hours is fine)


class Keys:
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
        if not _ARTICLE_NAME.fullmatch(article) or ".." in article:
            return None  # not a plain article name: never look it up as a path
        if self.seeds is not None:
            path = self.seeds / f"{article}.txt"
            return load_article_key(path) if path.is_file() and path.with_name(f"{article}.key.csv").is_file() else None
        try:
            return load_article_key(article)
        except MediaLitError:
            return None


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


def _entries(directory: Path, prefix: str, result: Grading) -> list[os.DirEntry]:
    """Return the entries of ``directory`` sorted by name; [] after recording a folder that cannot be read."""
    try:
        with os.scandir(directory) as iterator:
            return sorted(iterator, key=lambda entry: entry.name)
    except OSError as error:
        result.skipped.append(
            Problem(
                prefix.rstrip("/") or ".",
                "unreadable",
                f"a folder that cannot be read ({error.strerror}); " "its files were not graded",
            )
        )
        return []


def _sort_entry(
    entry: os.DirEntry, name: str, root: str, skip: str | None, result: Grading, found: list[tuple[Path, str]]
) -> bool:
    """Record one entry where it belongs (``found``, ``result.skipped`` or ``result.ignored``).

    Returns True when it is a folder to search. Raises OSError when the entry cannot be examined.
    """
    submission_like = entry.name.endswith(SUFFIX)
    if entry.is_symlink():
        result.skipped.append(_symlink_problem(entry, name, root))
    elif entry.is_dir(follow_symlinks=False):
        if not submission_like:
            return skip is None or os.path.realpath(entry.path) != skip
        result.skipped.append(Problem(name, "not a file", "a folder named like a submission file; not searched"))
    elif entry.is_file(follow_symlinks=False):
        if submission_like:
            found.append((Path(entry.path), name))
        else:
            result.ignored.append(Problem(name, "ignored", "not named *.submission.json"))
    else:
        kind = stat.S_IFMT(entry.stat(follow_symlinks=False).st_mode)
        what = "a FIFO" if stat.S_ISFIFO(kind) else "a socket" if stat.S_ISSOCK(kind) else "a device"
        result.skipped.append(Problem(name, "not a file", f"{what}, not a regular file; not read"))
    return False


def scan(folder: Path, result: Grading, exclude: Path | None) -> list[tuple[Path, str]]:
    """Return the regular ``*.submission.json`` files under ``folder`` (path, name relative to it), sorted.

    Symbolic links are never followed; every entry that is not graded (links, FIFOs,
    devices, unreadable folders, folders named like a submission) is recorded in
    ``result.skipped``, other files in ``result.ignored``. ``exclude`` (the output folder,
    when it lies inside) is not searched.
    """
    root = os.path.realpath(folder)
    skip = os.path.realpath(exclude) if exclude is not None else None
    found: list[tuple[Path, str]] = []
    pending = [(folder, "")]
    while pending:
        directory, prefix = pending.pop()
        for entry in _entries(directory, prefix, result):
            name = prefix + entry.name
            result.found += entry.name.endswith(SUFFIX)
            try:
                if _sort_entry(entry, name, root, skip, result, found):
                    pending.append((Path(entry.path), name + "/"))
            except OSError as error:
                result.skipped.append(Problem(name, "unreadable", f"cannot be examined ({error.strerror})"))
    return sorted(found, key=lambda pair: pair[1])


def parse(path: Path, name: str, result: Grading) -> dict[str, Any] | None:
    """Return the validated submission in ``path``, or None after recording why it cannot be graded."""
    try:
        return parse_submission(read_limited(path), path)
    except MediaLitError as error:
        reason = str(error).removeprefix(f"{path}: ")
        kind = "oversized" if "more than" in reason and "bytes" in reason else "malformed"
        if "cannot be read" in reason or "not a regular file" in reason or "symbolic link" in reason:
            kind = "unreadable"
        result.skipped.append(Problem(name, kind, reason))
        return None


def declared_for(submission: Mapping[str, Any]) -> Exercise | None:
    """Return the registry's exercise that a submission answers, or None when its exercise id names none.

    A classify exercise asks one field: a submission of its id with another field answers no exercise.
    """
    exercise = for_answers_id(submission["exercise_id"], submission["article"])
    if exercise is None or (exercise.kind == "classify" and submission["field"] not in exercise.fields):
        return None
    return exercise


def _bound_to_its_article(exercise: Exercise) -> bool:
    """Return True when ``exercise`` is about its own article only: its answers id does not name the article."""
    return "{article}" not in exercise.answers_id


def _foreign(
    submission: Mapping[str, Any], exercise: Exercise | None, key: Any, exercises: set[str] | None
) -> str:
    """Return why a valid submission cannot be graded here (another exercise, article or key), or ""."""
    exercise_id = submission["exercise_id"]
    if exercises is not None and exercise_id not in exercises:
        return f"exercise {shown(exercise_id)} is not one being graded ({', '.join(sorted(exercises))})"
    if exercise is not None and _bound_to_its_article(exercise) and submission["article"] != exercise.article:
        return f"{exercise_id} is about {exercise.article}, not {shown(submission['article'])}"
    if key is None:
        return f"no answer key for article {shown(submission['article'])} in the seeds folder"
    if exercise is None:
        return (
            f"unknown exercise id {shown(exercise_id)} (field {shown(submission['field'], 30)}): not an assignment "
            "nor an exercise of the kit's lessons; not graded"
        )
    if exercise.kind not in GRADERS:
        return f"{exercise_id} is a {exercise.kind} exercise, which grading does not score; not graded"
    if submission["key_sha256"] and submission["key_sha256"] != key.sha256:
        return "made with another answer key (key_sha256 differs); grade it with that key's seeds folder"
    return ""


def _read_one(
    path: Path, name: str, keys: Keys, exercises: set[str] | None, result: Grading, now: datetime
) -> Found | None:
    """Return one gradable submission (parsed, or to be re-read when large), or None after recording why not."""
    submission = parse(path, name, result)
    if submission is None:
        return None
    exercise = declared_for(submission)
    key = keys.get(submission["article"])
    reason = _foreign(submission, exercise, key, exercises)
    if reason or exercise is None:  # no exercise always gives a reason
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
    return Found(
        path,
        name,
        submission if small else None,
        exercise,
        key,
        who=who(submission["student"]),
        created=created,
        student=cut(" ".join(submission["student"].split()), LABEL_MAX),
        exercise_id=submission["exercise_id"],
    )


def read_all(
    folder: Path, keys: Keys, exercises: set[str] | None, result: Grading, exclude: Path | None = None
) -> list[Found]:
    """Return the submissions in ``folder`` that can be graded; record every other entry in ``result``."""
    now = datetime.now(timezone.utc)
    found = []
    for path, name in scan(folder, result, exclude):
        entry = _read_one(path, name, keys, exercises, result, now)
        if entry is not None:
            found.append(entry)
    return found


def _folder_of(name: str) -> str:
    return name.rpartition("/")[0]


def by_student_folder(found: list[Found], result: Grading) -> list[Found]:
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
        if who(top) != entry.who:
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


def newest_only(found: list[Found], result: Grading) -> tuple[list[Found], list[list[Found]]]:
    """Return the newest submission per student and exercise, and the groups in conflict (files in two folders).

    In one folder, the newest (by ``created`` as a time, then by name) is kept and the
    older are recorded as duplicates. When one student's exercise is claimed by files
    in different folders none is graded: every file is recorded as a conflict naming the others.
    """
    groups: dict[tuple[str, str], list[Found]] = {}
    for entry in found:
        groups.setdefault((entry.who, entry.exercise_id), []).append(entry)
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
                        f"{shown(entry.student)}'s {entry.exercise_id} is also claimed by {others} (another folder); "
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

