"""Notebook transforms: small steps, each a function from a notebook to a new notebook, composed by ``apply``.

nbgrader's preprocessors are the model. Exercise building (``teacher.assignments``), the student release
(``teacher.release``) and notebook execution (``tools/execute_notebooks.py``) are each a list of these steps,
so what a notebook loses on its way is written once, here:

* ``VIEW_METADATA``: the cell metadata a run or a view leaves behind (never content);
* ``RUN_NOTEBOOK_METADATA``: the notebook metadata that is run state (widget state).

A notebook is the dict of an ``.ipynb`` file. No step changes its argument: each returns a new notebook and shares
the parts it leaves alone.

The solution markers a machine reads (``replace_solutions``):

* a code cell tagged ``solution``: the lines between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` are replaced by
  the placeholder lines written after ``### PLACEHOLDER`` inside the block (commented out with ``# `` in the
  solution so it does not run them), or, without one, by ``name = None`` for every name the block assigns;
* a markdown cell tagged ``solution`` (a model answer) becomes "Write your answer here".
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePosixPath
from typing import Any

from medialit.errors import MediaLitError

Notebook = dict[str, Any]
Step = Callable[[Notebook], Notebook]

# Cell metadata that a run or a view leaves behind: never content, dropped wherever a notebook is cleaned.
VIEW_METADATA = ("execution", "collapsed", "scrolled", "jupyter")
# Notebook metadata that is run state: the widget state nbclient or JupyterLab may store.
RUN_NOTEBOOK_METADATA = ("widgets",)
# The fields a cell of each kind keeps when a notebook is rebuilt (``keep_cell_fields``).
CELL_FIELDS = {
    "code": ("cell_type", "execution_count", "id", "metadata", "outputs", "source"),
    "markdown": ("cell_type", "id", "metadata", "source", "attachments"),
    "raw": ("cell_type", "id", "metadata", "source", "attachments"),
}
NOTEBOOK_FIELDS = ("cells", "metadata", "nbformat", "nbformat_minor")

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
# A Markdown link to a notebook: [text](path/to/name.ipynb) or [text](name.ipynb#section).
NOTEBOOK_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<target>[^)\s]+?\.ipynb)(?:#[^)\s]*)?\)")
NOT_IN_COPY = "(not in this copy)"


def apply(notebook: Notebook, steps: Iterable[Step]) -> Notebook:
    """Return ``notebook`` after each of ``steps`` in turn (``notebook`` itself is not changed)."""
    for step in steps:
        notebook = step(notebook)
    return notebook


def source_text(cell: dict[str, Any]) -> str:
    """Return a cell's source as one string (a notebook may store it as a list of lines)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _map_cells(notebook: Notebook, change: Callable[[int, dict[str, Any]], dict[str, Any] | None]) -> Notebook:
    """Return ``notebook`` with each cell replaced by ``change(index, cell)`` (from 1; None drops the cell)."""
    cells = [change(index, cell) for index, cell in enumerate(notebook.get("cells", []), start=1)]
    return {**notebook, "cells": [cell for cell in cells if cell is not None]}


def _tags(cell: dict[str, Any]) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


# --- steps -----------------------------------------------------------------------------------------------------------


def clear_outputs(notebook: Notebook) -> Notebook:
    """Step: every code cell without outputs or an execution count."""
    return _map_cells(
        notebook,
        lambda _, cell: {**cell, "outputs": [], "execution_count": None} if cell.get("cell_type") == "code" else cell,
    )


def drop_metadata(keys: Sequence[str] = VIEW_METADATA) -> Step:
    """Return a step that drops ``keys`` from every cell's metadata."""

    def step(notebook: Notebook) -> Notebook:
        return _map_cells(
            notebook,
            lambda _, cell: {
                **cell,
                "metadata": {key: value for key, value in cell.get("metadata", {}).items() if key not in keys},
            },
        )

    return step


def drop_notebook_metadata(keys: Sequence[str] = RUN_NOTEBOOK_METADATA) -> Step:
    """Return a step that drops ``keys`` from the notebook's own metadata."""

    def step(notebook: Notebook) -> Notebook:
        metadata = {key: value for key, value in notebook.get("metadata", {}).items() if key not in keys}
        return {**notebook, "metadata": metadata}

    return step


def keep_notebook_metadata(keys: Sequence[str], **fixed: Any) -> Step:
    """Return a step that keeps only ``keys`` of the notebook's metadata and sets ``fixed`` (e.g. a kernelspec)."""

    def step(notebook: Notebook) -> Notebook:
        kept = {key: value for key, value in notebook.get("metadata", {}).items() if key in keys}
        return {**notebook, "metadata": {**fixed, **kept}}

    return step


def drop_tagged(tag: str) -> Step:
    """Return a step that removes every cell tagged ``tag``."""
    return lambda notebook: _map_cells(notebook, lambda _, cell: None if tag in _tags(cell) else cell)


def drop_tags(tags: Sequence[str]) -> Step:
    """Return a step that removes ``tags`` from every cell (and an empty tag list with them)."""

    def untag(_: int, cell: dict[str, Any]) -> dict[str, Any]:
        metadata = dict(cell.get("metadata", {}))
        kept = [tag for tag in metadata.pop("tags", []) if tag not in tags]
        return {**cell, "metadata": {**metadata, "tags": kept} if kept else metadata}

    return lambda notebook: _map_cells(notebook, untag)


def number_cells(notebook: Notebook) -> Notebook:
    """Step: a cell without an id gets ``#N``, its position (from 1), so errors and rebuilt cells can name it."""
    return _map_cells(notebook, lambda index, cell: cell if cell.get("id") else {**cell, "id": f"#{index}"})


def keep_cell_fields(notebook: Notebook) -> Notebook:
    """Step: every cell keeps only its kind's ``CELL_FIELDS`` (empty attachments dropped), sources split in lines."""

    def rebuild(_: int, cell: dict[str, Any]) -> dict[str, Any]:
        fields = CELL_FIELDS.get(str(cell.get("cell_type")), CELL_FIELDS["markdown"])
        new = {name: cell[name] for name in fields if name in cell and (name != "attachments" or cell[name])}
        new["metadata"] = cell.get("metadata", {})
        new["source"] = source_text(cell).splitlines(keepends=True)
        return new

    return _map_cells(notebook, rebuild)


def keep_notebook_fields(notebook: Notebook) -> Notebook:
    """Step: the notebook keeps only ``NOTEBOOK_FIELDS`` (nbformat 4.5 where the version is missing)."""
    return {
        "cells": notebook.get("cells", []),
        "metadata": notebook.get("metadata", {}),
        "nbformat": notebook.get("nbformat", 4),
        "nbformat_minor": notebook.get("nbformat_minor", 5),
    }


def set_role(role: str) -> Step:
    """Return a step that sets the notebook's ``medialit`` metadata ``role`` (when it has ``medialit`` metadata)."""

    def step(notebook: Notebook) -> Notebook:
        metadata = notebook.get("metadata", {})
        if not isinstance(metadata.get("medialit"), dict):
            return notebook
        return {**notebook, "metadata": {**metadata, "medialit": {**metadata["medialit"], "role": role}}}

    return step


def replace_solutions(name: str) -> Step:
    """Return a step that swaps every ``solution`` cell for what the learner starts from (``name`` is for errors).

    Code cells: each marked block becomes its placeholder (``replace_solution_blocks``). Markdown cells: the model
    answer becomes ``ANSWER_HERE``, without its attachments. Cells are named in errors by id (run
    ``number_cells`` first for cells without one).

    Raises (when the step runs):
        MediaLitError: markers in a cell not tagged ``solution``, a tagged code cell without markers, or broken
            markers; the message names the notebook, the cell and the fix.
    """

    def swap(_: int, cell: dict[str, Any]) -> dict[str, Any]:
        where = f"{name}: cell {cell.get('id')}"
        tagged, source = SOLUTION_TAG in _tags(cell), source_text(cell)
        if cell.get("cell_type") != "code":
            if not tagged:
                return cell
            return {**{key: value for key, value in cell.items() if key != "attachments"}, "source": ANSWER_HERE}
        if not tagged:
            if _has_marker(source):
                raise MediaLitError(
                    f"{where}: has solution markers but is not tagged '{SOLUTION_TAG}'; add the tag (View > Cell metadata)"
                )
            return cell
        if not _has_marker(source):
            raise MediaLitError(
                f"{where}: tagged '{SOLUTION_TAG}' but has no '{BEGIN}' line; add the markers or remove the tag"
            )
        return {**cell, "source": replace_solution_blocks(source, where)}

    return lambda notebook: _map_cells(notebook, swap)


def unlink_notebooks(left_out: Iterable[str]) -> Step:
    """Return a step that turns Markdown links to the notebooks named in ``left_out`` into plain text.

    "[02 Who is speaking?](02_who_is_speaking.ipynb)" becomes "02 Who is speaking? (not in this copy)",
    so the lesson list and the previous/next links of a release never point at a missing file.
    """
    names = set(left_out)

    def replace(match: re.Match[str]) -> str:
        if PurePosixPath(match.group("target")).name not in names:
            return match.group(0)
        return f"{match.group('text')} {NOT_IN_COPY}"

    def unlink(_: int, cell: dict[str, Any]) -> dict[str, Any]:
        if cell.get("cell_type") != "markdown" or not names:
            return cell
        source = source_text(cell)
        unlinked = NOTEBOOK_LINK.sub(replace, source)
        return cell if unlinked == source else {**cell, "source": unlinked.splitlines(keepends=True)}

    return lambda notebook: _map_cells(notebook, unlink)


# --- solution markers -> placeholders --------------------------------------------------------------------------------


def _has_marker(source: str) -> bool:
    return any(line.strip() in _MARKERS for line in source.split("\n"))


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


def _marker_problem(marker: str, block: list[str] | None, placeholder: list[str] | None, opened_at: int) -> str:
    """Return what is wrong with ``marker`` where it stands ("" when it is in its place)."""
    if marker == BEGIN and block is not None:
        return f"'{BEGIN}' inside the block opened at line {opened_at} (nested markers); add '{END}' before it"
    if marker == PLACEHOLDER and block is None:
        return f"'{PLACEHOLDER}' outside a solution block; move it between '{BEGIN}' and '{END}'"
    if marker == PLACEHOLDER and placeholder is not None:
        return f"a second '{PLACEHOLDER}' in the block opened at line {opened_at}; keep one"
    if marker == END and block is None:
        return f"'{END}' without a '{BEGIN}' before it; add the BEGIN marker or delete this line"
    return ""


def replace_solution_blocks(source: str, where: str) -> str:
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
        if problem := _marker_problem(marker, block, placeholder, opened_at):
            raise MediaLitError(f"{where}: line {number}: {problem}")
        if marker == BEGIN:
            block, placeholder, opened_at = [], None, number
            indent = line[: len(line) - len(line.lstrip())]
        elif marker == PLACEHOLDER:
            placeholder = []
        elif marker == END and block is not None:
            output.extend(placeholder if placeholder is not None else _default_placeholder(block, indent))
            block, placeholder = None, None
        elif placeholder is not None:
            placeholder.append(_uncomment(line, where, number))
        elif block is not None:
            block.append(line)
        else:
            output.append(line)
    if block is not None:
        raise MediaLitError(f"{where}: line {opened_at}: '{BEGIN}' is never closed; add '{END}' after the solution lines")
    return "\n".join(output)


# --- the three pipelines ---------------------------------------------------------------------------------------------


def exercise_steps(name: str) -> list[Step]:
    """Return the steps that make an exercise from a solution notebook (``name`` is for errors).

    Cells keep their ids (``#N`` for one without), lose outputs, execution counts, ``VIEW_METADATA`` and the
    ``solution`` tag; ``teacher-only`` cells go; the notebook is marked ``role: exercise``.
    """
    return [
        number_cells,
        drop_tagged(TEACHER_TAG),
        replace_solutions(name),
        clear_outputs,
        keep_cell_fields,
        drop_metadata(VIEW_METADATA),
        drop_tags((SOLUTION_TAG,)),
        drop_notebook_metadata(RUN_NOTEBOOK_METADATA),
        set_role("exercise"),
        keep_notebook_fields,
    ]


def release_steps(left_out: Iterable[str] = ()) -> list[Step]:
    """Return the steps that make a notebook of the student release: no outputs, run state or teacher cells.

    Links to the notebooks named in ``left_out`` become plain text.
    """
    return [
        drop_metadata(VIEW_METADATA),
        drop_tagged(TEACHER_TAG),
        clear_outputs,
        drop_notebook_metadata(RUN_NOTEBOOK_METADATA),
        unlink_notebooks(left_out),
    ]


def executed_steps(kernelspec: dict[str, str], language_info: dict[str, str]) -> list[Step]:
    """Return the steps that clean a notebook after execution: outputs kept, run metadata gone, one kernelspec."""
    return [
        keep_notebook_metadata(("medialit",), kernelspec=kernelspec, language_info=language_info),
        drop_metadata(VIEW_METADATA),
    ]
