"""Build notebooks from plain Python lists, with stable cell ids (for authors of lessons).

Usage from an authoring script::

    from tools.nbauthor import markdown, code, write_notebook
    write_notebook("notebooks/01_x.ipynb", [markdown("# Title"), code("1 + 1")])

Cell ids are derived from the notebook stem and the cell's position, so
rebuilding a notebook gives the same ids (nbval and diffs stay quiet).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from medialit.teacher.transforms import KERNELSPEC, LANGUAGE_INFO


def markdown(source: str, *, tags: list[str] | None = None) -> dict[str, Any]:
    """Return a markdown cell (ids are filled in by ``write_notebook``)."""
    cell: dict[str, Any] = {"cell_type": "markdown", "metadata": {}, "source": source.strip("\n")}
    if tags:
        cell["metadata"]["tags"] = list(tags)
    return cell


def code(source: str, *, tags: list[str] | None = None) -> dict[str, Any]:
    """Return an empty, unexecuted code cell (ids are filled in by ``write_notebook``)."""
    cell: dict[str, Any] = {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {},
        "outputs": [],
        "source": source.strip("\n"),
    }
    if tags:
        cell["metadata"]["tags"] = list(tags)
    return cell


def _split_lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    return lines


def to_notebook(cells: list[dict[str, Any]], stem: str, medialit: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return a notebook dict (nbformat 4.5) holding ``cells`` with ids ``<stem-prefix>-NN``.

    ``medialit`` becomes the notebook metadata ``medialit`` (``summary`` and ``minutes``
    feed the lesson list in ``00_start_here``).
    """
    prefix = stem.split("_")[0] if stem[:2].isdigit() else stem
    built = []
    for number, cell in enumerate(cells, start=1):
        cell = dict(cell)
        cell["id"] = f"{prefix}-{number:02d}"
        cell["source"] = _split_lines(cell["source"])
        ordered = {"cell_type": cell["cell_type"], "id": cell["id"], "metadata": cell["metadata"], "source": cell["source"]}
        if cell["cell_type"] == "code":
            ordered = {
                "cell_type": "code",
                "execution_count": cell["execution_count"],
                "id": cell["id"],
                "metadata": cell["metadata"],
                "outputs": cell["outputs"],
                "source": cell["source"],
            }
        built.append(ordered)
    metadata: dict[str, Any] = {"kernelspec": KERNELSPEC, "language_info": LANGUAGE_INFO}
    if medialit:
        metadata["medialit"] = medialit
    return {
        "cells": built,
        "metadata": metadata,
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def write_notebook(path: str | Path, cells: list[dict[str, Any]], medialit: dict[str, Any] | None = None) -> Path:
    """Write ``cells`` as an unexecuted notebook at ``path`` and return the path (see ``to_notebook``)."""
    path = Path(path)
    notebook = to_notebook(cells, path.stem, medialit)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
