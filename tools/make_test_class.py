"""Write the hostile test class into tests/data/class/: 100 valid submissions and 30 hostile entries.

``valid/`` holds 100 valid submissions of 20 invented students (5 exercises each), some
with names that used to be merged (Cyrillic, Chinese, two emoji names, José García and
Jose Garcia) and some with practice-mode ``first_answers``. ``hostile/`` holds 30
entries a hostile class or a careless copy makes: malformed figures, tables and
labels, bad times, a future-dated copy of a classmate's file, injection attempts,
unknown exercise ids, damaged JSON, an oversized file, symbolic links (outside,
broken, looping, to a folder) and a folder named like a submission.
``tests/data/class_outside/`` holds the file the outside links point to. The test
(tests/test_grading.py) adds what git cannot store (a FIFO, a file name with an ANSI escape).

Run ``python tools/make_test_class.py`` to regenerate (the old folders are removed first).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from medialit.exercises.registry import SEED_ARTICLE, exercise, exercises  # noqa: E402
from medialit.keys.key import load_article_key  # noqa: E402
from medialit.exercises.submission import MAX_BYTES, write_submission  # noqa: E402
from tools.make_example_submissions import class_submissions  # noqa: E402

CLASS = REPO / "tests" / "data" / "class"
OUTSIDE = REPO / "tests" / "data" / "class_outside"
RENAMED = ["Иван Петров", "Мария Иванова", "王伟", "🦊🌻", "🐙", "José García", "Jose Garcia"]
# The capstone's submission id (lesson 07, every sentence) on the seed article.
CAPSTONE = exercise("07_classify_the_article").answers_file_id(SEED_ARTICLE)
# What each hostile entry must be reported as: file name -> problem kind ("" = graded, its output made safe).
HOSTILE: dict[str, str] = {}


def valid_submissions() -> list[dict[str, Any]]:
    """Return the 100 valid submissions: the newest per student and exercise of 20 invented students."""
    key = load_article_key(REPO / "seeds" / f"{SEED_ARTICLE}.txt")
    newest: dict[tuple[str, str], dict[str, Any]] = {}
    for submission in sorted(class_submissions(students=24, seed=2027, key=key), key=lambda s: s["created"]):
        newest[(submission["student"], submission["exercise_id"])] = submission
    complete = [name for name in dict.fromkeys(s for s, _ in newest) if sum(n == name for n, _ in newest) == 5][:20]
    renames = dict(zip(complete, RENAMED))
    chosen = []
    for (name, _), submission in sorted(
        newest.items(), key=lambda pair: (complete.index(pair[0][0]) if pair[0][0] in complete else 99, pair[0][1])
    ):
        if name not in complete:
            continue
        submission = dict(submission, student=renames.get(name, name))
        if submission["exercise_id"] == CAPSTONE and len(chosen) % 2 == 0:
            first = {
                item: ("reporting" if label != "reporting" else label) for item, label in submission["answers"].items()
            }
            submission["first_answers"] = first
        chosen.append(submission)
    assert len(chosen) == 100, len(chosen)
    return chosen


def _json(folder: Path, name: str, value: Any, problem: str) -> None:
    (folder / name).write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    HOSTILE[name] = problem


def _raw(folder: Path, name: str, data: bytes, problem: str) -> None:
    (folder / name).write_bytes(data)
    HOSTILE[name] = problem


def write_hostile(folder: Path, valid: list[dict[str, Any]]) -> None:
    """Write the 30 hostile entries into ``folder``, recording each one's expected problem in ``HOSTILE``."""
    figure, tables, labels, written = (
        next(s for s in valid if s["exercise_id"] == exercises(kind)[0].answers_file_id(SEED_ARTICLE))
        for kind in ("figure", "tables", "labels", "written")
    )
    category = next(s for s in valid if s["exercise_id"] == CAPSTONE)
    bar = figure["extra"]["figure"]["axes"][0]["bars"][0]

    def with_figure(value: Any, student: str) -> dict[str, Any]:
        return dict(figure, student=student, extra={**figure["extra"], "figure": value})

    _json(folder, "fig-empty-axes.submission.json", with_figure({"axes": [{}]}, "Hostile One"), "malformed")
    _json(folder, "fig-axes-number.submission.json", with_figure({"axes": [1]}, "Hostile Two"), "malformed")
    _json(
        folder, "fig-bars-many.submission.json", with_figure({"axes": [{"bars": "many"}]}, "Hostile Three"), "malformed"
    )
    _json(
        folder,
        "fig-label-5.submission.json",
        with_figure({"axes": [{"title": "", "bars": [{**bar, "label": 5}]}]}, "Hostile Four"),
        "malformed",
    )
    _json(
        folder,
        "fig-value-lots.submission.json",
        with_figure({"axes": [{"title": "", "bars": [{**bar, "value": "lots"}]}]}, "Hostile Five"),
        "malformed",
    )
    huge = json.dumps(with_figure({"axes": [{"title": "", "bars": [{**bar, "value": 1.0}]}]}, "Hostile Six"))
    _raw(
        folder, "fig-value-1e400.submission.json", huge.replace('"value": 1.0', '"value": 1e400').encode(), "malformed"
    )
    _json(
        folder,
        "tables-string.submission.json",
        dict(tables, student="Hostile Seven", extra={**tables["extra"], "tables": {"words_by_speaker": "lots"}}),
        "malformed",
    )
    _json(
        folder,
        "labels-list.submission.json",
        dict(labels, student="Hostile Eight", extra={**labels["extra"], "labels": {"speaker": ["Lavrov"]}}),
        "malformed",
    )
    _json(
        folder,
        "written-number.submission.json",
        dict(written, student="Hostile Nine", extra={**written["extra"], "written": {"answer_1": 5}}),
        "malformed",
    )
    _json(
        folder,
        "first-answers-number.submission.json",
        dict(category, student="Hostile Ten", first_answers={"P01.S1": 3}),
        "malformed",
    )
    _json(
        folder,
        "created-unpadded.submission.json",
        dict(category, student="Hostile Eleven", created="2026-9-01T08:00:00Z"),
        "malformed",
    )
    _json(folder, "copy-2099.submission.json", dict(category, created="2099-12-31T23:59:59Z", answers={}), "future")
    _json(
        folder,
        "exercise-script.submission.json",
        dict(category, student="Hostile Twelve", exercise_id="<script>alert(1)</script>"),
        "foreign",
    )
    _json(
        folder,
        "exercise-img.submission.json",
        dict(category, student="Hostile Thirteen", exercise_id='<img src=x onerror="alert(1)">'),
        "foreign",
    )
    _json(
        folder, "other-key.submission.json", dict(category, student="Hostile Fourteen", key_sha256="0" * 64), "foreign"
    )
    _json(
        folder,
        "article-path.submission.json",
        dict(category, student="Hostile Fifteen", article="../../etc/passwd"),
        "foreign",
    )
    _json(folder, "schema-2.submission.json", dict(category, student="Hostile Sixteen", schema_version=2), "malformed")
    _raw(folder, "not-json.submission.json", b'{"schema_version": 1, "student": ', "malformed")
    _raw(folder, "nan.submission.json", b'{"schema_version": NaN}', "malformed")
    _raw(folder, "latin1.submission.json", '{"student": "Zoë"}'.encode("latin-1"), "malformed")
    _raw(folder, "deep.submission.json", b"[" * 100_000 + b"]" * 100_000, "malformed")
    _raw(folder, "huge.submission.json", b" " * (MAX_BYTES + 1), "oversized")
    # graded, with every output made safe
    _json(folder, "name-cr.submission.json", dict(category, student="Eve\r=1+1\r=cmd|' /C calc'!A0"), "")
    _json(
        folder,
        "name-html.submission.json",
        dict(category, student='<script>alert("x")</script><img src=x onerror=alert(1)>'),
        "",
    )
    _json(
        folder,
        "kit-ansi.submission.json",
        dict(category, student="Mallory Ansi", kit_version="\x1b[2J\x1b[1;1Hgraded 999 of 999"),
        "",
    )
    # entries that are not files to grade
    os.symlink(os.path.relpath(OUTSIDE / "stolen.submission.json", folder), folder / "outside-link.submission.json")
    HOSTILE["outside-link.submission.json"] = "symlink"
    os.symlink("nowhere.submission.json", folder / "broken-link.submission.json")
    HOSTILE["broken-link.submission.json"] = "symlink"
    os.symlink("loop.submission.json", folder / "loop.submission.json")
    HOSTILE["loop.submission.json"] = "symlink"
    os.symlink(os.path.relpath(OUTSIDE, folder), folder / "linked-folder")
    HOSTILE["linked-folder"] = "symlink"
    inside = folder / "folder.submission.json"
    inside.mkdir()
    (inside / "inner.submission.json").write_text(json.dumps(dict(category, student="Hidden Inside")), encoding="utf-8")
    HOSTILE["folder.submission.json"] = "not a file"


def main() -> int:
    """Write tests/data/class/ (valid/, hostile/), class_expected.json and class_outside/; return 0."""
    for folder in (CLASS, OUTSIDE):
        if folder.exists():
            shutil.rmtree(folder)
    OUTSIDE.mkdir(parents=True)
    valid = valid_submissions()
    for submission in valid:
        write_submission(submission, CLASS / "valid")
    stolen = dict(next(s for s in valid if s["exercise_id"] == CAPSTONE), student="Stolen Outside")
    (OUTSIDE / "stolen.submission.json").write_text(json.dumps(stolen), encoding="utf-8")
    (CLASS / "hostile").mkdir()
    write_hostile(CLASS / "hostile", valid)
    expected = {"valid": 100, "hostile": {f"hostile/{name}": problem for name, problem in sorted(HOSTILE.items())}}
    (CLASS.parent / "class_expected.json").write_text(
        json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(valid)} valid and {len(HOSTILE)} hostile entries into {CLASS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
