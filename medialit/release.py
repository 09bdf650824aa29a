"""The student release: what learners get, with nothing that gives answers away.

``python -m medialit release --out DIR [--mode practice|assessment]`` copies the
lessons, the exercises, the articles and what is needed to install the kit, and
never ``solutions/`` or ``teacher/``. Every stored output and widget state is
stripped from the notebooks (a stored classification output or feedback would show
answers). Practice mode keeps the answer keys (``*.key.csv``) for instant feedback;
assessment mode leaves them out, and every lesson that reads a key (it would show
the key's labels), so that what remains runs without one. The release marker
``.medialit-release.json`` records the mode, the kit version and, per article, the
key's SHA-256 and the speakers to choose from, so exercises can record answers
without the key.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from medialit import __version__
from medialit.assignments import (
    MODES,
    RELEASE_MARKER,
    TEACHER_TAG,
    build_exercises,
    notebook_text,
    read_notebook,
)
from medialit.errors import MediaLitError
from medialit.locations import KEY_SUFFIX

NOTEBOOK_FOLDERS = ("notebooks", "exercises")
# Files beside the notebooks that make the release installable on its own (pip, Binder, a hub).
KIT_FILES = ("requirements.txt", "pyproject.toml", "runtime.txt", "LICENSE", "LICENSE-CONTENT.md")
NEVER_RELEASED = ("solutions", "teacher", "tests", "tools", "benchmarks", ".git", ".ci")
MANAGED = (*NOTEBOOK_FOLDERS, "seeds", "medialit", *KIT_FILES, "README.md", ".gitignore", RELEASE_MARKER)
# Calls that read an answer key: a lesson that makes them shows the key's labels, so an assessment leaves it out.
KEY_READERS = ("load_article_key(", "load_key(", "voice_table(")
STUDENT_GITIGNORE = ".medialit/\n.ipynb_checkpoints/\n__pycache__/\n*.egg-info/\n"
# A Markdown link to a notebook: [text](path/to/name.ipynb) or [text](name.ipynb#section).
NOTEBOOK_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<target>[^)\s]+?\.ipynb)(?:#[^)\s]*)?\)")
NOT_IN_COPY = "(not in this copy)"


@dataclass
class ReleaseSummary:
    """What ``make_release`` wrote: the folder, the mode, and the files by kind."""

    out: Path
    mode: str
    notebooks: list[str] = field(default_factory=list)
    seeds: list[str] = field(default_factory=list)
    keys_left_out: list[str] = field(default_factory=list)
    lessons_left_out: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """Return a short report for the teacher (no absolute paths)."""
        keys = [name for name in self.seeds if name.endswith(KEY_SUFFIX)]
        lines = [
            f"release written to {self.out.name}/ in {self.mode} mode:",
            f"  {len(self.notebooks)} notebook(s), outputs and widget state stripped: {', '.join(self.notebooks)}",
            f"  {len(self.seeds)} file(s) in seeds/, {len(keys)} answer key(s)",
        ]
        if self.keys_left_out:
            lines.append(f"  answer keys left out (assessment): {', '.join(self.keys_left_out)}")
        if self.lessons_left_out:
            lines.append(f"  lessons left out (they show the answer key): {', '.join(self.lessons_left_out)}")
        lines.append("  never included: solutions/, teacher/")
        return "\n".join(lines)


def strip_notebook(notebook: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of ``notebook`` without outputs, execution counts, widget state or ``teacher-only`` cells."""
    cells = []
    for cell in notebook.get("cells", []):
        metadata = {
            key: value
            for key, value in cell.get("metadata", {}).items()
            if key not in ("execution", "collapsed", "scrolled")
        }
        if TEACHER_TAG in metadata.get("tags", []):
            continue
        new = {**cell, "metadata": metadata}
        if cell.get("cell_type") == "code":
            new["outputs"] = []
            new["execution_count"] = None
        cells.append(new)
    metadata = {key: value for key, value in notebook.get("metadata", {}).items() if key != "widgets"}
    return {**notebook, "cells": cells, "metadata": metadata}


def unlink_notebooks(notebook: dict[str, Any], left_out: set[str]) -> dict[str, Any]:
    """Return a copy of ``notebook`` whose Markdown links to the notebooks named in ``left_out`` are plain text.

    "[02 Who is speaking?](02_who_is_speaking.ipynb)" becomes "02 Who is speaking? (not in this copy)",
    so the lesson list and the previous/next links of a release never point at a missing file.
    """

    def replace(match: re.Match[str]) -> str:
        if PurePosixPath(match.group("target")).name not in left_out:
            return match.group(0)
        return f"{match.group('text')} {NOT_IN_COPY}"

    cells = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown" and left_out:
            source = "".join(cell.get("source", ""))
            unlinked = NOTEBOOK_LINK.sub(replace, source)
            if unlinked != source:
                cell = {**cell, "source": unlinked.splitlines(keepends=True)}
        cells.append(cell)
    return {**notebook, "cells": cells}


def reads_key(notebook: dict[str, Any]) -> bool:
    """Return True when a code cell of ``notebook`` reads an answer key (see ``KEY_READERS``)."""
    return any(
        reader in "".join(cell.get("source", ""))
        for cell in notebook.get("cells", [])
        if cell.get("cell_type") == "code"
        for reader in KEY_READERS
    )


def _check_out_folder(root: Path, out: Path) -> None:
    """Raise ``MediaLitError`` unless ``out`` may be (re)written as a release."""
    root, target = root.resolve(), out.resolve()
    if target == root or target in root.parents:
        raise MediaLitError(f"{out}: is the kit's folder or contains it; choose a new, empty folder for the release")
    for name in NEVER_RELEASED:
        if target == root / name or (root / name) in target.parents:
            raise MediaLitError(f"{out}: is inside {name}/; choose a folder outside the kit, e.g. ../release")
    if target.exists() and not target.is_dir():
        raise MediaLitError(f"{out}: is a file; choose a folder for the release")
    if target.is_dir() and any(target.iterdir()) and not (target / RELEASE_MARKER).is_file():
        raise MediaLitError(f"{out}: is not empty and holds no earlier release; choose an empty or new folder")


def _article_entries(seeds: Path) -> dict[str, dict[str, Any]]:
    """Return, per article with a key in ``seeds``, the key's SHA-256 and the speakers to choose from."""
    from medialit.key import load_key
    from medialit.scoring import choices

    entries = {}
    for key_path in sorted(seeds.glob(f"*{KEY_SUFFIX}")):
        key = load_key(key_path)
        entries[key.article.name] = {"key_sha256": key.sha256, "choices": {"speaker": choices(key, "speaker")}}
    return entries


def student_readme(mode: str, lessons_left_out: list[str] | None = None) -> str:
    """Return the README written into a release for ``mode`` (naming the lessons an assessment leaves out)."""
    if mode == "assessment":
        mode_text = (
            "This copy is an **assessment**: it holds no answer keys. The exercises record your answers and check only "
            "their *format* (is every item answered, is each answer one of the labels); they say so each time. Your "
            "teacher gives feedback after grading."
        )
        if lessons_left_out:
            mode_text += (
                " The lessons that show the answer key are not in this copy: "
                + ", ".join(f"`{name.removesuffix('.ipynb')}`" for name in lessons_left_out)
                + "."
            )
    else:
        mode_text = (
            "This copy is for **practice**: the exercises check your answers at once and explain the answer key's "
            "reasoning. Try each item yourself before you press *Check*."
        )
    return f"""# Who is speaking? Media-literacy lessons and exercises

Guided JupyterLab notebooks about one real news article: the May 2019 talks in Sochi between Sergey Lavrov and
Mike Pompeo. You learn to tell apart official statements, state-media framing, expert opinion and plain reporting.

{mode_text}

## Start

* On your class's JupyterHub or Binder: open `notebooks/00_start_here.ipynb`.
* On your own computer (Python 3.11 or newer):
  `python3 -m venv .venv && .venv/bin/python -m pip install -r requirements.txt && .venv/bin/jupyter lab notebooks/00_start_here.ipynb`
  (Windows: `py -3 -m venv .venv; .venv\\Scripts\\python -m pip install -r requirements.txt; .venv\\Scripts\\jupyter lab notebooks\\00_start_here.ipynb`).

## What is here

| Folder | What it holds |
| --- | --- |
| `notebooks/` | the lessons, `00_start_here` first |
| `exercises/` | the assignments your teacher gives you; each ends by saving a submission file |
| `seeds/` | the article{" and its answer key" if mode == "practice" else ""} |

## Your answers and your submission

* Every answer you click is saved at once in the folder `.medialit/` beside the notebook you are working in, so it
  survives closing the notebook or restarting the kernel.
* The last cell of each exercise saves a **submission file** (`YOURNAME-EXERCISE-TIME.submission.json`). It holds
  your answers as data, never your code. Hand it in the way your teacher tells you.

## Licences

Code: MIT (`LICENSE`). Lesson text: Creative Commons Attribution 4.0 (`LICENSE-CONTENT.md`). The article in
`seeds/` is third-party news text, included unchanged for educational analysis and not covered by these licences.
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_release(root: Path, out: Path, mode: str = "practice") -> ReleaseSummary:
    """Write the student release of the kit at ``root`` into ``out`` and return what was written.

    ``out`` must be new, empty, or an earlier release (whose managed files are replaced;
    anything else in it, such as ``.git``, is kept).

    Raises:
        MediaLitError: unknown mode, a bad output folder, ``exercises/`` out of date, or a broken key.
    """
    if mode not in MODES:
        raise MediaLitError(f"mode {mode!r} is unknown; use one of: {', '.join(MODES)}")
    missing = [name for name in ("notebooks", "seeds", "medialit") if not (root / name).is_dir()]
    if missing:
        raise MediaLitError(f"{root}: has no {', '.join(missing)} folder; run this in the kit's folder or pass --root")
    _check_out_folder(root, out)
    stale, _ = (
        build_exercises(root / "solutions", root / "exercises", check=True)
        if (root / "solutions").is_dir()
        else ([], [])
    )
    if stale:
        raise MediaLitError(
            f"{stale[0]}: out of date with its solution; run 'python -m medialit build-exercises' before releasing"
        )
    articles = _article_entries(root / "seeds")
    out.mkdir(parents=True, exist_ok=True)
    for name in MANAGED:
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    summary = ReleaseSummary(out=out, mode=mode)
    notebooks = {(folder, path.name): read_notebook(path) for folder in NOTEBOOK_FOLDERS for path in sorted((root / folder).glob("*.ipynb"))}
    for (folder, name), notebook in notebooks.items():
        if mode == "assessment" and folder == "notebooks" and reads_key(notebook):
            summary.lessons_left_out.append(name)
    left_out = set(summary.lessons_left_out)
    for (folder, name), notebook in notebooks.items():
        if name in left_out and folder == "notebooks":
            continue
        _write(out / folder / name, notebook_text(unlink_notebooks(strip_notebook(notebook), left_out)))
        summary.notebooks.append(f"{folder}/{name}")
    (out / "seeds").mkdir()
    for path in sorted((root / "seeds").iterdir()):
        if not path.is_file():
            continue
        if mode == "assessment" and path.name.endswith(KEY_SUFFIX):
            summary.keys_left_out.append(path.name)
            continue
        shutil.copyfile(path, out / "seeds" / path.name)
        summary.seeds.append(path.name)
    shutil.copytree(root / "medialit", out / "medialit", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in KIT_FILES:
        if (root / name).is_file():
            shutil.copyfile(root / name, out / name)
    _write(out / "README.md", student_readme(mode, summary.lessons_left_out))
    _write(out / ".gitignore", STUDENT_GITIGNORE)
    marker = {"mode": mode, "kit_version": __version__, "articles": articles}
    _write(out / RELEASE_MARKER, json.dumps(marker, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    return summary


def release_command(args: argparse.Namespace) -> int:
    """Handle ``release``: write the student release and print what it holds; return 0."""
    summary = make_release(Path(args.root), Path(args.out), args.mode)
    print(summary.describe())
    return 0


def add_release_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``release`` to ``parser``."""
    parser.add_argument(
        "--out", required=True, metavar="DIR", help="the folder to write the release into (new or empty)"
    )
    parser.add_argument(
        "--mode",
        choices=MODES,
        default="practice",
        help="practice: keep the answer keys for instant feedback; assessment: leave them out, exercises only record answers",
    )
    parser.add_argument("--root", default=".", metavar="DIR", help="the kit's folder (default: the working folder)")
