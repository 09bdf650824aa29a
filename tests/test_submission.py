"""Does a submission survive the round trip, and does every bad file give one clear line naming it?"""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timezone
from pathlib import Path

import pytest

from medialit import __version__
from medialit.errors import MediaLitError
from medialit.exercises.submission import (
    MAX_BYTES,
    SCHEMA_VERSION,
    build_submission,
    read_submission,
    slug,
    submission_filename,
    submissions_dir,
    write_submission,
)

CREATED = datetime(2026, 11, 28, 10, 15, 0, tzinfo=timezone.utc)


def make_submission(**changes: object) -> dict:
    """Return a valid submission, with ``changes`` passed to ``build_submission``."""
    arguments = dict(
        student="Ana María O'Neil",
        exercise_id="lavrov-pompeo-sochi-2019-category",
        key_sha256="a" * 64,
        answers={"P01.S1": "reporting", "P02.S1": "official statement", "P02.S2": None},
        field="category",
        article="lavrov-pompeo-sochi-2019",
        reflection="The experts get most of the words.",
        created=CREATED,
    )
    arguments.update(changes)
    return build_submission(**arguments)


def write_json(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def test_does_build_submission_hold_every_contract_field() -> None:
    submission = make_submission()
    assert submission == {
        "schema_version": SCHEMA_VERSION,
        "student": "Ana María O'Neil",
        "exercise_id": "lavrov-pompeo-sochi-2019-category",
        "key_sha256": "a" * 64,
        "kit_version": __version__,
        "created": "2026-11-28T10:15:00Z",
        "answers": {"P01.S1": "reporting", "P02.S1": "official statement"},
        "reflection": "The experts get most of the words.",
        "field": "category",
        "article": "lavrov-pompeo-sochi-2019",
    }


def test_does_a_techniques_list_become_one_semicolon_joined_label() -> None:
    submission = make_submission(field="techniques", answers={"P10.S2": ["name calling/labeling", "exaggeration/minimisation"]})
    assert submission["answers"] == {"P10.S2": "name calling/labeling;exaggeration/minimisation"}


def test_does_a_written_submission_read_back_unchanged(tmp_path: Path) -> None:
    submission = make_submission(extra={"table": [{"speaker": "Lavrov", "words": 120}], "written": {"q1": "Who?"}})
    path = write_submission(submission, tmp_path / "handed-in")
    assert path.parent == tmp_path / "handed-in"
    assert path.name == "ana-maria-o-neil-lavrov-pompeo-sochi-2019-category-20261128T101500Z.submission.json"
    assert read_submission(path) == submission
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind


def test_does_a_second_submission_in_the_same_second_keep_the_first(tmp_path: Path) -> None:
    first = write_submission(make_submission(reflection="first"), tmp_path)
    second = write_submission(make_submission(reflection="second"), tmp_path)
    assert first != second
    assert second.name.endswith("T101500Z-2.submission.json")
    assert read_submission(first)["reflection"] == "first"
    assert read_submission(second)["reflection"] == "second"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ana María", "ana-maria"),
        ("Йорданка", "йорданка"),
        ("../../etc/passwd", "etc-passwd"),
        ("  ", "anonymous"),
        ("Иван Петров", "иван-петров"),
        ("王伟", "王伟"),
        ("🦊🌻", "anonymous"),
        ("CON", "student-con"),
        ("a\x1b[2J\r=1+1", "a-2j-1-1"),
        ("a" * 99, "a" * 60),
    ],
)
def test_does_slug_keep_names_to_safe_file_name_parts(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_does_a_hostile_student_name_stay_inside_the_folder(tmp_path: Path) -> None:
    path = write_submission(make_submission(student="../../outside/évil name"), tmp_path)
    assert path.parent == tmp_path
    assert submission_filename(read_submission(path)).startswith("outside-evil-name-")


def test_does_build_submission_refuse_an_empty_student_name() -> None:
    with pytest.raises(MediaLitError, match="'student' is empty"):
        make_submission(student="   ")


def bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Return bad submission files, each with the words its message must contain."""
    good = make_submission()
    files = {}

    def add(label: str, value: object, words: str, raw: bytes | None = None) -> None:
        path = tmp_path / f"{label}.submission.json"
        if raw is not None:
            path.write_bytes(raw)
        else:
            write_json(path, value)
        files[label] = (path, words)

    add("not-json", None, "is not valid JSON", raw=b'{"schema_version": 1, "student": ')
    add("nan", None, "NaN is not allowed", raw=b'{"schema_version": NaN}')
    add("not-utf8", None, "not UTF-8", raw='{"student": "Zoë"}'.encode("latin-1"))
    add("a-list", [good], "holds a list ([...]), not a JSON object")
    add("a-string", "hello", "holds a string, not a JSON object")
    add("missing", {k: v for k, v in good.items() if k not in ("answers", "key_sha256")}, "missing field(s) key_sha256, answers")
    add("answers-type", {**good, "answers": ["reporting"]}, "field 'answers' must be an object")
    add("version-type", {**good, "schema_version": "1"}, "schema_version '1' is not one this kit reads")
    add("bool-version", {**good, "schema_version": True}, "schema_version True is not one this kit reads")
    add("future", {**good, "schema_version": 2}, "schema_version 2 is not one this kit reads")
    add("label-type", {**good, "answers": {"P01.S1": 3}}, "answer to P01.S1 must be a label (a string), not 3")
    add("student-type", {**good, "student": None}, "field 'student' must be a string, not null")
    add("extra-type", {**good, "extra": "notes"}, "field 'extra' must be an object")
    add("created", {**good, "created": "yesterday"}, "created 'yesterday' is not a UTC time")
    add("empty", None, "is not valid JSON", raw=b"")
    oversized = {**good, "reflection": "x" * MAX_BYTES}
    add("oversized", oversized, f"more than a submission can be ({MAX_BYTES}); it was not read")
    return files


BAD_LABELS = [
    "not-json", "nan", "not-utf8", "a-list", "a-string", "missing", "answers-type", "version-type", "bool-version",
    "future", "label-type", "student-type", "extra-type", "created", "empty", "oversized",
]


@pytest.mark.parametrize("label", BAD_LABELS)
def test_does_a_bad_submission_give_one_line_naming_the_file(tmp_path: Path, label: str) -> None:
    path, words = bad_files(tmp_path)[label]
    before = path.read_bytes()
    with pytest.raises(MediaLitError) as raised:
        read_submission(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: ")
    assert words in message
    assert "\n" not in message
    assert path.read_bytes() == before  # reading never changes or removes the file


def test_does_a_missing_or_folder_path_give_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(MediaLitError, match="file not found"):
        read_submission(tmp_path / "nothing.submission.json")
    with pytest.raises(MediaLitError, match="is a folder"):
        read_submission(tmp_path)


def test_does_write_submission_refuse_an_invalid_object_and_write_nothing(tmp_path: Path) -> None:
    bad = {**make_submission(), "answers": {"P01.S1": ["a", "b"]}}
    with pytest.raises(MediaLitError, match="must be a label"):
        write_submission(bad, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_does_write_submission_name_an_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(MediaLitError, match="cannot write the submission there"):
        write_submission(make_submission(), blocker / "inside")


def test_does_submissions_dir_default_to_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MEDIALIT_SUBMISSIONS_DIR", raising=False)
    monkeypatch.delenv("MEDIALIT_ANSWERS_DIR", raising=False)
    assert submissions_dir() == tmp_path
    monkeypatch.setenv("MEDIALIT_ANSWERS_DIR", str(tmp_path / "answers"))
    assert submissions_dir() == tmp_path  # the answers folder never moves submissions (as the README says)
    monkeypatch.setenv("MEDIALIT_SUBMISSIONS_DIR", str(tmp_path / "class"))
    assert submissions_dir() == tmp_path / "class"


POSIX = pytest.mark.skipif(os.name != "posix", reason="needs POSIX (FIFOs, file modes)")


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ({"figure": {"axes": [{}]}}, "extra.figure.axes[0].bars must be a list"),
        ({"figure": {"axes": [1]}}, "extra.figure.axes[0] must be a chart"),
        ({"figure": {"axes": [{"title": "", "bars": "many"}]}}, "bars must be a list of bars, not a string"),
        ({"figure": {"axes": [{"title": "", "bars": [{"label": 5}]}]}}, "bars[0].label must be a string, not a number 5"),
        ({"figure": {"axes": [{"bars": [{"label": "A", "value": "lots"}]}]}}, "bars[0].value must be a number"),
        ({"figure": {"axes": [{"bars": [{"label": "A", "value": True}]}]}}, "bars[0].value must be a number, not true/false"),
        ({"figure": {"axes": [{"bars": [], "legend": [1]}]}}, "legend must be a list of strings"),
        ({"tables": {"words_by_speaker": {"Lavrov": "many"}}}, "extra.tables.words_by_speaker.Lavrov must be a number"),
        ({"tables": ["x"]}, "extra.tables must be an object"),
        ({"labels": {"speaker": {"P01.S1": 1}}}, "extra.labels.speaker.P01.S1 must be a label"),
        ({"written": {"answer_1": ["x"]}}, "extra.written.answer_1 must be a written answer"),
        ({"labels_used": {"P01.S1": ["a"]}}, "extra.labels_used.P01.S1 must be a [speaker, category] pair"),
        ({"items": "P01.S1"}, "extra.items must be a list"),
    ],
)
def test_does_the_schema_name_a_malformed_part_of_extra(tmp_path: Path, extra: dict, words: str) -> None:
    path = write_json(tmp_path / "x.submission.json", {**make_submission(), "extra": extra})
    with pytest.raises(MediaLitError) as raised:
        read_submission(path)
    assert words in str(raised.value) and "\n" not in str(raised.value)


def test_do_the_kits_own_figures_tables_and_first_answers_pass_the_schema(tmp_path: Path) -> None:
    bar = {"label": "A", "value": 3.0, "x": 0.0, "y": 0.0, "width": 0.8, "height": 3.0, "color": "#000000", "hatch": ""}
    extra = {
        "figure": {"axes": [{"title": "t", "xlabel": "", "ylabel": "", "legend": ["a"], "bars": [bar]}]},
        "tables": {"words_by_speaker": {"A": 3}, "words_by_category": None},
        "labels": {"speaker": {"P01.S1": "A"}},
        "written": {"answer_1": "text", "answer_2": None},
        "labels_used": {"P01.S1": ["A", "reporting"]},
        "items": ["P01.S1"],
        "mode": "practice",
        "labels_source": "key",
    }
    submission = {**make_submission(extra=extra), "first_answers": {"P01.S1": "official statement"}}
    assert read_submission(write_submission(submission, tmp_path)) == submission


@pytest.mark.parametrize("created", ["2026-9-01T08:00:00Z", "2026-09-01T8:00:00Z", "2026-09-01 08:00:00Z", "2026-02-30T08:00:00Z", "２０２６-09-01T08:00:00Z", "2026-09-01T08:00:00+00:00"])
def test_is_a_created_time_that_is_not_strict_rfc3339_utc_refused(tmp_path: Path, created: str) -> None:
    path = write_json(tmp_path / "x.submission.json", {**make_submission(), "created": created})
    with pytest.raises(MediaLitError, match="zero-padded"):
        read_submission(path)


@POSIX
def test_does_reading_a_fifo_named_like_a_submission_refuse_it_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "x.submission.json"
    os.mkfifo(fifo)
    with pytest.raises(MediaLitError, match="not a regular file"):
        read_submission(fifo)


@POSIX
def test_does_a_submission_file_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        path = write_submission(make_submission(), tmp_path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # group-readable: a teacher in the group can read a hand-in


@POSIX
def test_does_replacing_a_file_keep_its_mode_and_a_new_one_follow_the_umask(tmp_path: Path) -> None:
    from medialit.atomic import replace_atomically

    old = os.umask(0o002)
    try:
        replace_atomically(tmp_path / "new.csv", b"a")
        (tmp_path / "kept.csv").write_bytes(b"a")
        os.chmod(tmp_path / "kept.csv", 0o600)
        replace_atomically(tmp_path / "kept.csv", b"b")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o664
    assert stat.S_IMODE((tmp_path / "kept.csv").stat().st_mode) == 0o600
