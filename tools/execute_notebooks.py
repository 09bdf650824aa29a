"""Execute notebooks in place so their stored outputs are current (nbval compares them).

    python tools/execute_notebooks.py notebooks/*.ipynb solutions/*.ipynb

Each notebook runs in a fresh kernel with its own folder as the working folder.
Answers files go to a temporary folder (never into the repo), widget state is
not stored, timings are not recorded, and cell metadata is normalised, so that
running this twice gives the same files.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from medialit.teacher.transforms import apply, executed_steps

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python", "pygments_lexer": "ipython3"}


def normalise(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return ``notebook`` without machine- and run-specific metadata (``transforms.executed_steps``)."""
    return nbformat.from_dict(apply(notebook, executed_steps(KERNELSPEC, LANGUAGE_INFO)))


def execute(path: Path, timeout: int = 300) -> None:
    """Execute the notebook at ``path`` top to bottom and save it with its outputs.

    Raises:
        nbclient.exceptions.CellExecutionError: a cell raised and is not tagged ``raises-exception``.
    """
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
        record_timing=False,
    )
    client.execute()
    path.write_text(nbformat.writes(normalise(notebook)) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Execute every notebook named on the command line; return 0, or 1 if one failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="medialit-answers-") as answers:
        os.environ["MEDIALIT_ANSWERS_DIR"] = answers
        os.environ["MEDIALIT_SUBMISSIONS_DIR"] = answers  # submissions never follow the answers folder by themselves
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
        for path in args.notebooks:
            try:
                execute(path.resolve())
                print(f"executed {path}")
            except Exception as error:  # report every failing notebook, then exit non-zero
                failed += 1
                print(f"FAILED {path}: {type(error).__name__}: {str(error)[-2000:]}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
