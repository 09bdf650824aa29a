"""Assignments: exercises generated from their solutions.

One source: a teacher edits ``solutions/NN_name.ipynb`` only; ``build-exercises``
writes ``exercises/NN_name.ipynb`` from it. The steps are
``medialit.teacher.transforms.exercise_steps`` (the solution markers a machine reads
are described there):

* a code cell tagged ``solution``: its ``### BEGIN SOLUTION`` ... ``### END SOLUTION``
  blocks become placeholders;
* a markdown cell tagged ``solution`` (a model answer) becomes "Write your answer here";
* a cell tagged ``teacher-only`` (a rubric, notes) is removed.

Exercises keep the solution's cell ids, have no outputs and no execution counts,
and are written with sorted keys, so building twice gives the same bytes.

The mode a student release runs in is read by ``medialit.exercises.mode``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from medialit.errors import MediaLitError
from medialit.teacher.transforms import apply, exercise_steps


def make_exercise(notebook: dict[str, Any], name: str) -> dict[str, Any]:
    """Return the exercise made from the solution ``notebook`` (a notebook dict; ``name`` is used in errors).

    The steps are ``transforms.exercise_steps``: cells keep their ids; outputs and execution counts are cleared.
    Nothing is changed in place.

    Raises:
        MediaLitError: unbalanced markers, markers in an untagged cell, or a tagged cell without markers.
    """
    return apply(notebook, exercise_steps(name))


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
