"""Lessons' run time and memory: every notebook against the Jupyter floor, in fresh kernels run by nbclient.

The floor is an empty notebook and one that only imports pandas, matplotlib (pyplot, inline) and ipywidgets.
Each notebook runs right after an imports-floor run (floor, nb1, floor, nb2, ...) so that machine drift hits
both, and is judged by its ratio (time) and difference (memory) to that floor run.
"""

from __future__ import annotations

import logging
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import REPO, budgets
from benchmarks.stats import median, paired_difference, paired_ratio
from benchmarks.system import read_cpu_seconds, read_peak_rss

LOG = logging.getLogger(__name__)
NOTEBOOK_GLOBS = ("notebooks/*.ipynb", "solutions/*.ipynb", "exercises/*.ipynb", "teacher/*.ipynb")
FLOOR_IMPORTS_SOURCE = (
    "import pandas as pd\nimport matplotlib.pyplot as plt\n%matplotlib inline\nimport ipywidgets as widgets"
)
Runner = Callable[[Any, Path], dict[str, Any]]


def discover_notebooks(root: Path = REPO, match: str | None = None) -> list[Path]:
    """Return the notebooks to measure, relative to ``root``: lessons, solutions, exercises, teacher notebooks."""
    found = [path.relative_to(root) for pattern in NOTEBOOK_GLOBS for path in sorted(root.glob(pattern))]
    return [path for path in found if match is None or match in str(path)]


def _measured_client_class() -> type:
    """Return an nbclient ``NotebookClient`` subclass that reads the kernel's peak memory and CPU before shutdown."""
    from nbclient import NotebookClient

    class MeasuredClient(NotebookClient):  # type: ignore[misc]
        """An nbclient that reads the kernel's peak memory before shutting it down."""

        def kernel_pid(self) -> int | None:
            """Return the kernel process's id, wherever this jupyter_client version keeps it, or None."""
            provisioner = getattr(self.km, "provisioner", None)
            pid = getattr(provisioner, "pid", None) or getattr(getattr(provisioner, "process", None), "pid", None)
            return pid or getattr(getattr(self.km, "kernel", None), "pid", None)

        async def _async_cleanup_kernel(self) -> None:
            """Read the kernel's peak memory and CPU time, mark when shutdown starts, then shut it down."""
            if self.km is not None and getattr(self, "peak_mb", None) is None:
                self.peak_mb = read_peak_rss(self.kernel_pid())
                self.cpu_seconds = read_cpu_seconds(self.kernel_pid())
                self.shutdown_started = time.perf_counter()
            await super()._async_cleanup_kernel()

    return MeasuredClient


def make_notebook_runner(timeout: int) -> Runner:
    """Return ``run(notebook, cwd) -> measurement`` that executes a notebook in a fresh kernel.

    A measurement holds ``seconds`` (from starting the kernel to the end of the last
    cell: what a learner waits for after "Restart and run all"), ``startup_seconds``,
    ``shutdown_seconds`` (not counted: nobody waits for it, and it has rare 3 s stalls),
    ``peak_mb`` (the kernel's ``VmHWM`` just before shutdown), ``cpu_seconds`` (the
    kernel's CPU time, which other load on the machine barely changes), ``cells``
    (``[index, seconds, peak_mb_after]`` per code cell) and ``error`` (None or one line).
    """
    client_class = _measured_client_class()

    def run(notebook: Any, cwd: Path) -> dict[str, Any]:
        """Execute ``notebook`` (changed: outputs added) in a fresh kernel in ``cwd``; return the measurement."""
        cells: list[list[Any]] = []
        marks: dict[str, float] = {}

        def on_start(**_: Any) -> None:
            marks["ready"] = time.perf_counter()

        def on_execute(cell_index: int, **_: Any) -> None:
            marks["cell"] = time.perf_counter()

        def on_executed(cell_index: int, **_: Any) -> None:
            cells.append([cell_index, time.perf_counter() - marks["cell"], read_peak_rss(client.kernel_pid())])

        client = client_class(
            notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}},
            store_widget_state=False, record_timing=False,
            on_notebook_start=on_start, on_cell_execute=on_execute, on_cell_executed=on_executed,
        )
        client.peak_mb = client.cpu_seconds = client.shutdown_started = None
        error = None
        start = time.perf_counter()
        try:
            client.execute(stderr=subprocess.DEVNULL)  # the kernel's own log lines (e.g. its TCP warning)
        except Exception as problem:  # a failing notebook is reported, and the benchmark goes on
            lines = [line for line in str(problem).strip().splitlines() if line.strip()]
            error = f"{type(problem).__name__}: {lines[-1] if lines else ''}"[:300]
        end = time.perf_counter()
        executed = client.shutdown_started or end
        return {
            "seconds": executed - start, "startup_seconds": marks.get("ready", start) - start,
            "shutdown_seconds": end - executed, "peak_mb": client.peak_mb, "cpu_seconds": client.cpu_seconds,
            "cells": cells, "error": error,
        }

    return run


def floor_notebooks() -> dict[str, Any]:
    """Return the two floor notebooks: ``empty`` (no cells) and ``imports`` (pandas, matplotlib inline, ipywidgets)."""
    import nbformat

    empty = nbformat.v4.new_notebook()
    imports = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_IMPORTS_SOURCE)])
    for notebook in (empty, imports):
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return {"empty": empty, "imports": imports}


def summarise_runs(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Return medians of the seconds, startup seconds and peak memory of ``runs``."""
    peaks = [run["peak_mb"] for run in runs if run["peak_mb"] is not None]
    cpu = [run["cpu_seconds"] for run in runs if run.get("cpu_seconds") is not None]
    return {
        "runs": len(runs),
        "seconds": median(run["seconds"] for run in runs),
        "startup_seconds": median(run["startup_seconds"] for run in runs),
        "peak_mb": median(peaks) if peaks else None,
        "cpu_seconds": median(cpu) if cpu else None,
        "seconds_all": [round(run["seconds"], 4) for run in runs],
    }


def _first_lines(notebook_path: Path) -> dict[int, str]:
    """Return the first non-blank line (80 characters at most) of each cell of the notebook, by cell index."""
    import nbformat

    try:
        notebook = nbformat.read(notebook_path, as_version=4)
    except (OSError, ValueError):
        return {}
    lines = {}
    for index, cell in enumerate(notebook.cells):
        source = [line for line in cell.source.splitlines() if line.strip()]
        lines[index] = source[0][:80] if source else ""
    return lines


def cell_profile(notebook_path: Path, runs: list[dict[str, Any]], top: int = 5) -> list[dict[str, Any]]:
    """Return the ``top`` slowest code cells of a notebook (median over ``runs``) with their first line.

    Each entry: ``index``, ``seconds``, ``memory_growth_mb`` (how much the kernel's peak grew in that cell), ``first_line``.
    """
    by_cell: dict[int, list[float]] = {}
    growth: dict[int, list[float]] = {}
    for run in runs:
        previous = None
        for index, seconds, peak in run["cells"]:
            by_cell.setdefault(index, []).append(seconds)
            if peak is not None and previous is not None:
                growth.setdefault(index, []).append(peak - previous)
            previous = peak if peak is not None else previous
    first_lines = _first_lines(notebook_path)
    entries = [
        {
            "index": index, "seconds": median(times),
            "memory_growth_mb": median(growth[index]) if index in growth else None,
            "first_line": first_lines.get(index, ""),
        }
        for index, times in by_cell.items()
    ]
    return sorted(entries, key=lambda entry: entry["seconds"], reverse=True)[:top]


def _run_one(run: Runner, workspace: Path, path: Path) -> dict[str, Any]:
    """Run the notebook at ``workspace / path`` in its own folder; an unreadable notebook is an error measurement."""
    import nbformat

    try:
        notebook = nbformat.read(workspace / path, as_version=4)
        return run(notebook, (workspace / path).parent)
    except (OSError, ValueError) as problem:
        return {"seconds": 0.0, "startup_seconds": 0.0, "peak_mb": None, "cpu_seconds": None, "cells": [], "error": f"unreadable: {problem}"}


def judge_notebook(pairs: list[tuple[dict[str, Any], dict[str, Any]]], notebook_path: Path) -> dict[str, Any]:
    """Return one notebook's entry from its ``(floor run, notebook run)`` pairs: medians, ratios to the floor, verdicts."""
    runs = [result for _, result in pairs]
    errors = sorted({result["error"] for result in runs if result["error"]})
    entry: dict[str, Any] = {**summarise_runs(runs), "errors": errors}
    entry["time_ratio"] = paired_ratio((f["seconds"], r["seconds"]) for f, r in pairs)
    cpu_pairs = [(f["cpu_seconds"], r["cpu_seconds"]) for f, r in pairs if f.get("cpu_seconds") and r.get("cpu_seconds")]
    entry["cpu_ratio"] = paired_ratio(cpu_pairs) if cpu_pairs else None
    memory_pairs = [(f["peak_mb"], r["peak_mb"]) for f, r in pairs if f["peak_mb"] is not None and r["peak_mb"] is not None]
    entry["memory_over_floor_mb"] = paired_difference(memory_pairs) if memory_pairs else None
    entry["slowest_cells"] = cell_profile(notebook_path, runs)
    time_ok = budgets.met("notebook_time_ratio", entry["time_ratio"])
    memory_ok = entry["memory_over_floor_mb"] is None or budgets.met("notebook_memory_mb", entry["memory_over_floor_mb"])
    entry["time_ok"], entry["memory_ok"] = time_ok, memory_ok
    entry["ok"] = time_ok and memory_ok and not errors
    return entry


def measure_notebooks(workspace: Path, repeats: int, timeout: int, match: str | None) -> dict[str, Any]:
    """Run the floors and every notebook ``repeats`` times, interleaved; return their measurements.

    Order per round: the empty floor, then (imports floor, notebook) for each notebook,
    so each notebook is compared with the floor run just before it.
    """
    run = make_notebook_runner(timeout)
    floors = floor_notebooks()
    notebooks = discover_notebooks(workspace, match)
    LOG.info(f"notebooks: {len(notebooks)} found; warming up the floor")
    run(floors["imports"], workspace)
    empty_runs: list[dict[str, Any]] = []
    floor_runs: list[dict[str, Any]] = []
    measured: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {str(path): [] for path in notebooks}
    for round_number in range(1, repeats + 1):
        empty_runs.append(run(floors["empty"], workspace))
        for path in notebooks:
            floor = run(floors["imports"], workspace)
            floor_runs.append(floor)
            result = _run_one(run, workspace, path)
            measured[str(path)].append((floor, result))
            state = f"ERROR {result['error']}" if result["error"] else f"{result['seconds']:.2f} s"
            LOG.info(f"round {round_number}/{repeats} {path}: {state} (floor {floor['seconds']:.2f} s)")
    if not floor_runs:  # no notebook: still measure the imports floor
        floor_runs = [run(floors["imports"], workspace) for _ in range(repeats)]
    return {
        "floor_empty": summarise_runs(empty_runs),
        "floor_imports": summarise_runs(floor_runs),
        "notebooks": {path: judge_notebook(pairs, workspace / path) for path, pairs in measured.items()},
    }
