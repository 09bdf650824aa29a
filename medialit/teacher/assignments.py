"""Assignments: exercises generated from their solutions.

One source: a teacher edits ``solutions/NN_name.ipynb`` only; ``build-exercises``
writes ``exercises/NN_name.ipynb`` from it. The markers a machine reads:

* a code cell tagged ``solution``: the lines between ``### BEGIN SOLUTION`` and
  ``### END SOLUTION`` are replaced by the placeholder lines written after
  ``### PLACEHOLDER`` inside the block (commented out with ``# `` in the solution so
  it does not run them), or, without one, by ``name = None`` for every name the
  block assigns;
* a markdown cell tagged ``solution`` (a model answer) becomes "Write your answer here";
* a cell tagged ``teacher-only`` (a rubric, notes) is removed.

Exercises keep the solution's cell ids, have no outputs and no execution counts,
and are written with sorted keys, so building twice gives the same bytes.

The mode a student release runs in is read by ``medialit.exercises.mode``.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit.errors import MediaLitError

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
PLACEHOLDER = "### PLACEHOLDER"
SOLUTION_TAG = "solution"
TEACHER_TAG = "teacher-only"
ANSWER_HERE = (
    "✏️ **Write your answer here.** (Double-click this cell to type in it; press Shift + Enter when you are done.)"
)
DEFAULT_PLACEHOLDER = "# Your code here"
_MARKERS = (BEGIN, END, PLACEHOLDER)
_CELL_METADATA_DROPPED = ("execution", "collapsed", "scrolled", "jupyter")


# --- solution markers -> placeholders ---------------------------------------------------------------


def _default_placeholder(solution_lines: list[str], indent: str) -> list[str]:
    """Return ``name = None`` for every name the solution lines assign at their top level."""
    code = textwrap.dedent("\n".join(solution_lines))
    names: list[str] = []
    try:
        tree = ast.parse(code)
    except SyntaxError:
        tree = ast.Module(body=[], type_ignores=[])
    for statement in tree.body:
        targets: list[ast.expr] = []
        if isinstance(statement, ast.Assign):
            targets = list(statement.targets)
        elif isinstance(statement, ast.AnnAssign | ast.AugAssign):
            targets = [statement.target]
        for target in targets:
            elements = target.elts if isinstance(target, ast.Tuple | ast.List) else [target]
            names.extend(element.id for element in elements if isinstance(element, ast.Name))
    unique = list(dict.fromkeys(names))
    if not unique:
        return [f"{indent}{DEFAULT_PLACEHOLDER}"]
    return [f"{indent}{name} = None" for name in unique]


def _uncomment(line: str, where: str, number: int) -> str:
    """Return a placeholder line without its leading ``# `` (the solution keeps it commented out)."""
    stripped = line.lstrip()
    indent = line[: len(line) - len(stripped)]
    if stripped == "#":
        return indent.rstrip()
    if stripped.startswith("# "):
        return indent + stripped[2:]
    if not stripped:
        return ""
    raise MediaLitError(
        f"{where}: line {number}: placeholder line {stripped!r} is not commented out; "
        f"write it as '# {stripped}' so the solution does not run it"
    )


def replace_solutions(source: str, where: str) -> str:
    """Return ``source`` with every ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` block replaced.

    ``where`` names the notebook and cell for error messages. Nothing is changed in place.

    Raises:
        MediaLitError: a marker is unbalanced, nested or misplaced; the message names the line and the fix.
    """
    output: list[str] = []
    block: list[str] | None = None
    placeholder: list[str] | None = None
    opened_at = 0
    indent = ""
    for number, line in enumerate(source.split("\n"), start=1):
        marker = line.strip()
        if marker == BEGIN:
            if block is not None:
                raise MediaLitError(
                    f"{where}: line {number}: '{BEGIN}' inside the block opened at line {opened_at} (nested markers); "
                    f"add '{END}' before it"
                )
            block, placeholder, opened_at = [], None, number
            indent = line[: len(line) - len(line.lstrip())]
        elif marker == PLACEHOLDER:
            if block is None:
                raise MediaLitError(
                    f"{where}: line {number}: '{PLACEHOLDER}' outside a solution block; move it between '{BEGIN}' and '{END}'"
                )
            if placeholder is not None:
                raise MediaLitError(
                    f"{where}: line {number}: a second '{PLACEHOLDER}' in the block opened at line {opened_at}; keep one"
                )
            placeholder = []
        elif marker == END:
            if block is None:
                raise MediaLitError(
                    f"{where}: line {number}: '{END}' without a '{BEGIN}' before it; add the BEGIN marker or delete this line"
                )
            output.extend(placeholder if placeholder is not None else _default_placeholder(block, indent))
            block, placeholder = None, None
        elif placeholder is not None:
            placeholder.append(_uncomment(line, where, number))
        elif block is not None:
            block.append(line)
        else:
            output.append(line)
    if block is not None:
        raise MediaLitError(
            f"{where}: line {opened_at}: '{BEGIN}' is never closed; add '{END}' after the solution lines"
        )
    return "\n".join(output)


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _has_marker(source: str) -> bool:
    return any(line.strip() in _MARKERS for line in source.split("\n"))


def _clean_metadata(metadata: dict[str, Any], drop_tags: tuple[str, ...]) -> dict[str, Any]:
    cleaned = {key: value for key, value in metadata.items() if key not in _CELL_METADATA_DROPPED}
    tags = [tag for tag in cleaned.get("tags", []) if tag not in drop_tags]
    if tags:
        cleaned["tags"] = tags
    else:
        cleaned.pop("tags", None)
    return cleaned


def _split_source(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def make_exercise(notebook: dict[str, Any], name: str) -> dict[str, Any]:
    """Return the exercise made from the solution ``notebook`` (a notebook dict; ``name`` is used in errors).

    Cells keep their ids; outputs and execution counts are cleared. Nothing is changed in place.

    Raises:
        MediaLitError: unbalanced markers, markers in an untagged cell, or a tagged cell without markers.
    """
    cells = []
    for index, cell in enumerate(notebook.get("cells", []), start=1):
        cell_id = cell.get("id") or f"#{index}"
        where = f"{name}: cell {cell_id}"
        tags = cell.get("metadata", {}).get("tags", [])
        if TEACHER_TAG in tags:
            continue
        source = _source(cell)
        kind = cell.get("cell_type")
        if kind == "code":
            if SOLUTION_TAG in tags:
                if not _has_marker(source):
                    raise MediaLitError(
                        f"{where}: tagged '{SOLUTION_TAG}' but has no '{BEGIN}' line; add the markers or remove the tag"
                    )
                source = replace_solutions(source, where)
            elif _has_marker(source):
                raise MediaLitError(
                    f"{where}: has solution markers but is not tagged '{SOLUTION_TAG}'; add the tag (View > Cell metadata)"
                )
            new: dict[str, Any] = {
                "cell_type": "code",
                "execution_count": None,
                "id": cell_id,
                "metadata": _clean_metadata(cell.get("metadata", {}), (SOLUTION_TAG,)),
                "outputs": [],
                "source": _split_source(source),
            }
        else:
            if SOLUTION_TAG in tags:
                source = ANSWER_HERE
            new = {
                "cell_type": kind,
                "id": cell_id,
                "metadata": _clean_metadata(cell.get("metadata", {}), (SOLUTION_TAG,)),
                "source": _split_source(source),
            }
            if cell.get("attachments") and SOLUTION_TAG not in tags:
                new["attachments"] = cell["attachments"]
        cells.append(new)
    metadata = dict(notebook.get("metadata", {}))
    metadata.pop("widgets", None)
    if isinstance(metadata.get("medialit"), dict):
        metadata["medialit"] = {**metadata["medialit"], "role": "exercise"}
    return {
        "cells": cells,
        "metadata": metadata,
        "nbformat": notebook.get("nbformat", 4),
        "nbformat_minor": notebook.get("nbformat_minor", 5),
    }


def notebook_text(notebook: dict[str, Any]) -> str:
    """Return ``notebook`` as the text of an ``.ipynb`` file (sorted keys, one-space indent, final newline)."""
    return json.dumps(notebook, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def read_notebook(path: Path) -> dict[str, Any]:
    """Return the notebook at ``path`` as a dict.

    Raises:
        MediaLitError: the file is missing or not a notebook.
    """
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MediaLitError(f"{path}: not found") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MediaLitError(f"{path}: is not a readable notebook ({error}); restore it from version control") from None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise MediaLitError(f"{path}: is not a notebook (no list of cells); restore it from version control")
    return notebook


def exercise_for(solution: Path) -> str:
    """Return the text of the exercise generated from the solution notebook at ``solution``."""
    return notebook_text(make_exercise(read_notebook(solution), f"{solution.parent.name}/{solution.name}"))


def solution_notebooks(solutions: Path) -> list[Path]:
    """Return the solution notebooks ``NN_name.ipynb`` in ``solutions``, in order."""
    return sorted(solutions.glob("[0-9][0-9]_*.ipynb"))


def build_exercises(solutions: Path, exercises: Path, *, check: bool = False) -> tuple[list[Path], list[Path]]:
    """Write ``exercises/NN_name.ipynb`` for every ``solutions/NN_name.ipynb``; return ``(stale, orphans)``.

    ``stale``: exercises that were missing or different (rewritten unless ``check``).
    ``orphans``: exercises with no solution (never deleted: the caller reports them).
    With ``check`` nothing is written.

    Raises:
        MediaLitError: ``solutions`` is not a folder, or a solution's markers are broken.
    """
    if not solutions.is_dir():
        raise MediaLitError(
            f"{solutions}: no such folder of solution notebooks; run from the kit's folder or pass --solutions"
        )
    stale = []
    sources = solution_notebooks(solutions)
    texts = {solution.name: exercise_for(solution) for solution in sources}
    for name, text in texts.items():
        target = exercises / name
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current != text:
            stale.append(target)
            if not check:
                exercises.mkdir(parents=True, exist_ok=True)
                temporary = target.with_name(f".{target.name}.tmp")
                temporary.write_text(text, encoding="utf-8")
                temporary.replace(target)
    orphans = (
        [path for path in sorted(exercises.glob("*.ipynb")) if path.name not in texts] if exercises.is_dir() else []
    )
    return stale, orphans


def build_exercises_command(args: argparse.Namespace) -> int:
    """Handle ``build-exercises``: rebuild (or with ``--check`` verify) ``exercises/``; return the exit code."""
    solutions, exercises = Path(args.solutions), Path(args.exercises)
    stale, orphans = build_exercises(solutions, exercises, check=args.check)
    for path in orphans:
        print(f"{path}: has no solution in {solutions}/; delete it or add the solution", file=sys.stderr)
    if args.check:
        for path in stale:
            print(f"{path}: out of date; run 'python -m medialit build-exercises'", file=sys.stderr)
        if stale or orphans:
            print(f"{len(stale) + len(orphans)} exercise file(s) out of date", file=sys.stderr)
            return 1
        print(f"{exercises}: {len(solution_notebooks(solutions))} exercise(s) up to date")
        return 0
    print(
        f"{exercises}: wrote {len(stale)} exercise(s), {len(solution_notebooks(solutions)) - len(stale)} already up to date"
    )
    return 1 if orphans else 0


def add_build_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``build-exercises`` to ``parser``."""
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 listing exercises that are out of date"
    )
    parser.add_argument(
        "--solutions", default="solutions", metavar="DIR", help="folder of solution notebooks (default: solutions)"
    )
    parser.add_argument(
        "--exercises", default="exercises", metavar="DIR", help="folder to write exercises to (default: exercises)"
    )
