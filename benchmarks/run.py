"""Benchmark the kit against what Jupyter itself costs, and check the performance budgets.

    python benchmarks/run.py                 # everything (about 15-25 minutes on 2 cores)
    python benchmarks/run.py --quick         # one run each; no install sizes, no test suite
    python benchmarks/run.py --json benchmarks/results/latest.json
    python benchmarks/run.py --only notebooks,check --match 06_

In one run it measures:
* the floor: an empty notebook, and one that only imports pandas, matplotlib (pyplot,
  inline) and ipywidgets: wall time to execute with nbclient (kernel start included,
  shutdown not) and the kernel's peak memory (``VmHWM`` of the kernel process,
  read just before shutdown);
* every lesson, solution, exercise and teacher notebook, the same way, interleaved with
  the imports floor (floor, nb1, floor, nb2, ...) so that machine drift hits both, as
  ratios (time) and differences (memory) to the floor run just before it;
* ``import medialit`` against importing its dependencies (pandas + syntok), each in a
  fresh interpreter;
* the Check button's whole callback over all sentences of the seed article, widget
  updates included (median and 95th percentile), in-process;
* ``sentences``, ``draft`` and ``grade`` throughput on a few hundred distinct inputs,
  in-process through the commands' handlers (the argument parser built once);
* the installed size of ``requirements.txt`` in a fresh venv against the bare stack;
* the test suite with and without the browser tests.
A measurement whose module does not exist yet is skipped ("not available yet").
It prints markdown tables with each budget and PASS or MISS, and writes JSON.

Nothing is written into the repository: notebooks run from a temporary copy, answers
go to a temporary folder, and bytecode caches to a temporary ``PYTHONPYCACHEPREFIX``
(warmed before measuring, as on a learner's machine after the first run).
Only the standard library is imported at module level, so the pure helpers
(``median``, ``percentile``, ``markdown_table``...) import fast for the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import importlib.util
import io
import json
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
SEED = "lavrov-pompeo-sochi-2019"
NOTEBOOK_GLOBS = ("notebooks/*.ipynb", "solutions/*.ipynb", "exercises/*.ipynb", "teacher/*.ipynb")
SECTIONS = ("notebooks", "imports", "check", "throughput", "install", "tests")
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "venv", "__pycache__", ".ipynb_checkpoints", "results", "*.egg-info", "build", "dist", ".medialit")


def copy_kit(target: Path) -> None:
    """Copy the kit's working tree to ``target`` (which must not exist) for the notebook runs; changes only ``target``.

    Symbolic links are copied as links, never followed: the hostile test class holds
    broken and looping ones on purpose.
    """
    shutil.copytree(REPO, target, ignore=COPY_IGNORE, symlinks=True)

BUDGETS: dict[str, float] = {
    "notebook_time_ratio": 1.5,  # each notebook's wall time <= 1.5x the imports floor
    "notebook_memory_mb": 60.0,  # kernel peak memory <= the imports floor + 60 MB
    "import_ratio": 1.2,  # import medialit <= 1.2x importing pandas + syntok
    "check_p95_ms": 50.0,  # Check callback, 35 sentences: 95th percentile < 50 ms
    "install_ratio": 1.1,  # requirements.txt <= 1.1x the bare stack
    "tests_no_browser_s": 180.0,  # test suite without browser tests < 3 minutes
    "tests_full_s": 360.0,  # with them < 6 minutes
    "draft_per_s": 200.0,  # issue 6: draft >= 200 distinct article-sized texts per second
    "grade_memory_mb": 300.0,  # issue 13: grading 500 submissions of ~1 MB peaks below 300 MB (it was 3.5 GB)
}
LARGE_SUBMISSIONS = 500  # issue 13's memory case: this many files of about 1 MB each

FLOOR_IMPORTS_SOURCE = (
    "import pandas as pd\nimport matplotlib.pyplot as plt\n%matplotlib inline\nimport ipywidgets as widgets"
)
IMPORT_CASES: dict[str, str] = {
    "dependencies": "import pandas, syntok.segmenter, syntok.tokenizer",
    "import medialit": "import medialit",
    "import medialit; medialit.load_article": "import medialit; medialit.load_article",
}
# Libraries that the command line and grading must not load at import time.
HEAVY_LIBRARIES = (
    "matplotlib", "ipywidgets", "IPython", "scipy", "sklearn", "statsmodels", "krippendorff", "nbformat",
    "nbclient", "playwright", "PIL",
)
# Modules on the command-line and grading path (those that exist are checked).
CLI_MODULES = (
    "medialit", "medialit.cli.main", "medialit.cli.commands", "medialit.text.article", "medialit.keys.key", "medialit.exercises.scoring",
    "medialit.exercises.submission", "medialit.exercises.answers", "medialit.teacher.release", "medialit.draft.drafter", "medialit.teacher.grading",
)
_IMPORT_CHILD = """
import json, sys, time
start = time.perf_counter()
exec(sys.argv[1])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "modules": sorted({name.split(".")[0] for name in sys.modules})}))
"""
# Capitalised words that are titles, places of office or calendar words, not names to swap.
_NOT_NAMES = frozenset(
    "Minister Foreign Secretary State President Prime Ministry Department Office Agency News Press Science "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December The This That These Those They There Their Its His Her He "
    "She We It In On At As But And For After Before When While Russian American Chinese Iranian Turkish".split()
)
_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b")


# ---------------------------------------------------------------- pure helpers (tested in tests/test_benchmarks.py)


def median(values: Iterable[float]) -> float:
    """Return the median of ``values``.

    Raises:
        ValueError: ``values`` is empty.
    """
    data = sorted(values)
    if not data:
        raise ValueError("median of no values")
    return float(statistics.median(data))


def percentile(values: Iterable[float], percent: float) -> float:
    """Return the ``percent``-th percentile of ``values`` (0-100), linear between closest ranks (numpy's default).

    Raises:
        ValueError: ``values`` is empty or ``percent`` is outside 0-100.
    """
    data = sorted(values)
    if not data:
        raise ValueError("percentile of no values")
    if not 0 <= percent <= 100:
        raise ValueError(f"percent must be between 0 and 100, not {percent}")
    rank = (len(data) - 1) * percent / 100
    low = int(rank)
    high = min(low + 1, len(data) - 1)
    return float(data[low] + (data[high] - data[low]) * (rank - low))


def verdict(ok: bool | None) -> str:
    """Return ``PASS`` for True, ``MISS`` for False and ``n/a`` for None (not measured)."""
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Return a markdown table with ``headers`` and ``rows`` (cells converted with ``str``; ``|`` escaped)."""

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    for row in rows:
        cells = [cell(value) for value in row]
        if len(cells) != len(headers):
            raise ValueError(f"row has {len(cells)} cells, the table {len(headers)} columns: {row!r}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def split_paragraphs(text: str) -> list[str]:
    """Return the paragraphs of ``text`` as the kit sees them: blank-line separated if it has a blank line, else lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    parts = re.split(r"\n[ \t]*\n", text) if re.search(r"\n[ \t]*\n", text) else text.split("\n")
    return [part.strip() for part in parts if part.strip()]


def make_variants(texts: Sequence[str], count: int, seed: int = 7) -> list[str]:
    """Return ``count`` distinct article texts made from ``texts`` (deterministic for a given ``seed``).

    Each variant takes the source texts in turn, shuffles its paragraphs and swaps
    two of the names it contains (every occurrence), so no two inputs are the same
    and none can be served from a cache. Paragraphs are joined by blank lines.

    Raises:
        ValueError: ``texts`` is empty, or not enough distinct variants could be made.
    """
    if not texts:
        raise ValueError("no source texts to make variants from")
    rng = random.Random(seed)
    variants: list[str] = []
    seen: set[str] = set()
    attempts = 0
    while len(variants) < count:
        attempts += 1
        if attempts > count * 50:
            raise ValueError(f"could make only {len(variants)} distinct variants of {count}")
        paragraphs = split_paragraphs(texts[attempts % len(texts)])
        rng.shuffle(paragraphs)
        text = "\n\n".join(paragraphs)
        names = sorted({name for name in _NAME.findall(text) if name not in _NOT_NAMES})
        if len(names) >= 2:
            first, second = rng.sample(names, 2)
            swap = {first: second, second: first}
            text = re.sub(rf"\b({re.escape(first)}|{re.escape(second)})\b", lambda m: swap[m.group(1)], text)
        if text not in seen:
            seen.add(text)
            variants.append(text)
    return variants


def parse_importtime(stderr: str) -> list[tuple[int, int, str]]:
    """Return ``(self_us, cumulative_us, module)`` for each line of ``python -X importtime`` output."""
    entries = []
    for line in stderr.splitlines():
        match = re.match(r"import time:\s*(\d+)\s*\|\s*(\d+)\s*\|(\s*)(\S+)", line)
        if match:
            entries.append((int(match.group(1)), int(match.group(2)), match.group(4)))
    return entries


def paired_ratio(pairs: Iterable[tuple[float, float]]) -> float:
    """Return the median of ``measured / floor`` over ``(floor, measured)`` pairs."""
    return median(measured / floor for floor, measured in pairs)


def paired_difference(pairs: Iterable[tuple[float, float]]) -> float:
    """Return the median of ``measured - floor`` over ``(floor, measured)`` pairs."""
    return median(measured - floor for floor, measured in pairs)


def fmt(value: float | None, digits: int = 2, unit: str = "") -> str:
    """Return ``value`` rounded to ``digits`` with ``unit`` appended, or ``-`` for None."""
    return "-" if value is None else f"{value:.{digits}f}{unit}"


# ---------------------------------------------------------------- machine and environment


def machine_info() -> dict[str, Any]:
    """Return the machine's cores, memory, CPU model, Python version and OS."""
    cpu = platform.processor() or platform.machine()
    memory_gib = None
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gib = int(line.split()[1]) / 1024 / 1024
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cores": usable,
        "memory_gib": memory_gib,
        "cpu": cpu,
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
    }


def machine_line(machine: dict[str, Any]) -> str:
    """Return one line describing ``machine`` for the table header."""
    memory = f"{machine['memory_gib']:.1f} GiB RAM" if machine.get("memory_gib") else "RAM unknown"
    return f"{machine['cores']} cores, {memory}, {machine['cpu']}, Python {machine['python']}, {machine['os']}"


def progress(message: str) -> None:
    """Print a progress line to stderr (the tables go to stdout)."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def module_exists(name: str) -> bool:
    """Return True when the module ``name`` can be imported (without importing it)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def read_peak_rss(pid: int | None) -> float | None:
    """Return the peak resident memory (``VmHWM``) of process ``pid`` in MB, or None when unknown."""
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / MB
    except (OSError, ValueError, IndexError):
        return None
    return None


def read_cpu_seconds(pid: int | None) -> float | None:
    """Return the CPU time (user + system) that process ``pid`` has used so far in seconds, or None when unknown."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def disk_usage(path: Path) -> int:
    """Return the bytes that ``path`` occupies on disk, as ``du`` counts them (hard links once)."""
    total = 0
    seen: set[tuple[int, int]] = set()
    for folder, _dirs, files in os.walk(path):
        for name in [*files, *_dirs]:
            with contextlib.suppress(OSError):
                info = os.lstat(os.path.join(folder, name))
                if (info.st_dev, info.st_ino) in seen:
                    continue
                seen.add((info.st_dev, info.st_ino))
                total += info.st_blocks * 512
    return total


def warm_bytecode(prefix: Path) -> None:
    """Compile the standard library, site-packages and the kit into the bytecode cache at ``prefix``.

    The measured interpreters and kernels read their ``.pyc`` files from there
    (``PYTHONPYCACHEPREFIX``), as a learner's do from ``__pycache__`` after a first run.
    """
    paths = sysconfig.get_paths()
    folders = {paths["stdlib"], paths["purelib"], paths["platlib"], str(REPO / "medialit")}
    code = "import compileall, sys\nfor folder in sys.argv[1:]:\n    compileall.compile_dir(folder, quiet=2, workers=0)"
    subprocess.run(
        [sys.executable, "-c", code, *sorted(folders)],
        env=dict(os.environ, PYTHONPYCACHEPREFIX=str(prefix)),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
    )


# ---------------------------------------------------------------- notebooks


def discover_notebooks(root: Path = REPO, match: str | None = None) -> list[Path]:
    """Return the notebooks to measure, relative to ``root``: lessons, solutions, exercises, teacher notebooks."""
    found = [path.relative_to(root) for pattern in NOTEBOOK_GLOBS for path in sorted(root.glob(pattern))]
    return [path for path in found if match is None or match in str(path)]


def make_notebook_runner(timeout: int) -> Callable[[Any, Path], dict[str, Any]]:
    """Return ``run(notebook, cwd) -> measurement`` that executes a notebook in a fresh kernel.

    A measurement holds ``seconds`` (from starting the kernel to the end of the last
    cell: what a learner waits for after "Restart and run all"), ``startup_seconds``,
    ``shutdown_seconds`` (not counted: nobody waits for it, and it has rare 3 s stalls),
    ``peak_mb`` (the kernel's ``VmHWM`` just before shutdown), ``cpu_seconds`` (the
    kernel's CPU time, which other load on the machine barely changes), ``cells``
    (``[index, seconds, peak_mb_after]`` per code cell) and ``error`` (None or one line).
    """
    from nbclient import NotebookClient

    class MeasuredClient(NotebookClient):  # type: ignore[misc]
        """An nbclient that reads the kernel's peak memory before shutting it down."""

        def kernel_pid(self) -> int | None:
            provisioner = getattr(self.km, "provisioner", None)
            pid = getattr(provisioner, "pid", None) or getattr(getattr(provisioner, "process", None), "pid", None)
            return pid or getattr(getattr(self.km, "kernel", None), "pid", None)

        async def _async_cleanup_kernel(self) -> None:
            if self.km is not None and getattr(self, "peak_mb", None) is None:
                self.peak_mb = read_peak_rss(self.kernel_pid())
                self.cpu_seconds = read_cpu_seconds(self.kernel_pid())
                self.shutdown_started = time.perf_counter()
            await super()._async_cleanup_kernel()

    def run(notebook: Any, cwd: Path) -> dict[str, Any]:
        cells: list[list[Any]] = []
        marks: dict[str, float] = {}

        def on_start(**_: Any) -> None:
            marks["ready"] = time.perf_counter()

        def on_execute(cell_index: int, **_: Any) -> None:
            marks["cell"] = time.perf_counter()

        def on_executed(cell_index: int, **_: Any) -> None:
            cells.append([cell_index, time.perf_counter() - marks["cell"], read_peak_rss(client.kernel_pid())])

        client = MeasuredClient(
            notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}},
            store_widget_state=False, record_timing=False,
            on_notebook_start=on_start, on_cell_execute=on_execute, on_cell_executed=on_executed,
        )
        client.peak_mb = None
        client.cpu_seconds = None
        client.shutdown_started = None
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
            "seconds": executed - start,
            "startup_seconds": marks.get("ready", start) - start,
            "shutdown_seconds": end - executed,
            "peak_mb": client.peak_mb,
            "cpu_seconds": client.cpu_seconds,
            "cells": cells,
            "error": error,
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


def cell_profile(notebook_path: Path, runs: list[dict[str, Any]], top: int = 5) -> list[dict[str, Any]]:
    """Return the ``top`` slowest code cells of a notebook (median over ``runs``) with their first line.

    Each entry: ``index``, ``seconds``, ``memory_growth_mb`` (how much the kernel's peak grew in that cell), ``first_line``.
    """
    import nbformat

    try:
        notebook = nbformat.read(notebook_path, as_version=4)
    except (OSError, ValueError):
        notebook = None
    by_cell: dict[int, list[float]] = {}
    growth: dict[int, list[float]] = {}
    for run in runs:
        previous = None
        for index, seconds, peak in run["cells"]:
            by_cell.setdefault(index, []).append(seconds)
            if peak is not None and previous is not None:
                growth.setdefault(index, []).append(peak - previous)
            previous = peak if peak is not None else previous
    entries = []
    for index, times in by_cell.items():
        first_line = ""
        if notebook is not None and index < len(notebook.cells):
            source = [line for line in notebook.cells[index].source.splitlines() if line.strip()]
            first_line = source[0][:80] if source else ""
        entries.append(
            {
                "index": index,
                "seconds": median(times),
                "memory_growth_mb": median(growth[index]) if index in growth else None,
                "first_line": first_line,
            }
        )
    return sorted(entries, key=lambda entry: entry["seconds"], reverse=True)[:top]


def measure_notebooks(workspace: Path, repeats: int, timeout: int, match: str | None) -> dict[str, Any]:
    """Run the floors and every notebook ``repeats`` times, interleaved; return their measurements.

    Order per round: the empty floor, then (imports floor, notebook) for each notebook,
    so each notebook is compared with the floor run just before it.
    """
    import nbformat

    run = make_notebook_runner(timeout)
    floors = floor_notebooks()
    notebooks = discover_notebooks(workspace, match)
    progress(f"notebooks: {len(notebooks)} found; warming up the floor")
    run(floors["imports"], workspace)
    empty_runs: list[dict[str, Any]] = []
    floor_runs: list[dict[str, Any]] = []
    measured: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {str(path): [] for path in notebooks}
    for round_number in range(1, repeats + 1):
        empty_runs.append(run(floors["empty"], workspace))
        for path in notebooks:
            floor = run(floors["imports"], workspace)
            floor_runs.append(floor)
            try:
                notebook = nbformat.read(workspace / path, as_version=4)
                result = run(notebook, (workspace / path).parent)
            except (OSError, ValueError) as problem:
                result = {"seconds": 0.0, "startup_seconds": 0.0, "peak_mb": None, "cpu_seconds": None, "cells": [], "error": f"unreadable: {problem}"}
            measured[str(path)].append((floor, result))
            state = f"ERROR {result['error']}" if result["error"] else f"{result['seconds']:.2f} s"
            progress(f"round {round_number}/{repeats} {path}: {state} (floor {floor['seconds']:.2f} s)")
    results: dict[str, Any] = {"floor_empty": summarise_runs(empty_runs), "floor_imports": summarise_runs(floor_runs) if floor_runs else None, "notebooks": {}}
    if not floor_runs:  # no notebook: still measure the imports floor
        results["floor_imports"] = summarise_runs([run(floors["imports"], workspace) for _ in range(repeats)])
    for path, pairs in measured.items():
        runs = [result for _, result in pairs]
        errors = sorted({result["error"] for result in runs if result["error"]})
        entry: dict[str, Any] = {**summarise_runs(runs), "errors": errors}
        entry["time_ratio"] = paired_ratio((f["seconds"], r["seconds"]) for f, r in pairs)
        cpu_pairs = [(f["cpu_seconds"], r["cpu_seconds"]) for f, r in pairs if f.get("cpu_seconds") and r.get("cpu_seconds")]
        entry["cpu_ratio"] = paired_ratio(cpu_pairs) if cpu_pairs else None
        memory_pairs = [(f["peak_mb"], r["peak_mb"]) for f, r in pairs if f["peak_mb"] is not None and r["peak_mb"] is not None]
        entry["memory_over_floor_mb"] = paired_difference(memory_pairs) if memory_pairs else None
        entry["slowest_cells"] = cell_profile(workspace / path, runs)
        time_ok = entry["time_ratio"] <= BUDGETS["notebook_time_ratio"]
        memory_ok = entry["memory_over_floor_mb"] is None or entry["memory_over_floor_mb"] <= BUDGETS["notebook_memory_mb"]
        entry["time_ok"], entry["memory_ok"] = time_ok, memory_ok
        entry["ok"] = time_ok and memory_ok and not errors
        results["notebooks"][path] = entry
    return results


# ---------------------------------------------------------------- imports


def child_environment(pycache: Path | None) -> dict[str, str]:
    """Return the environment for measured child interpreters (bytecode from ``pycache`` when given)."""
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    if pycache is not None:
        environment["PYTHONPYCACHEPREFIX"] = str(pycache)
    return environment


def time_import(statement: str, environment: dict[str, str], cwd: Path) -> dict[str, Any]:
    """Run ``statement`` in a fresh interpreter; return its import ``seconds`` and the top-level ``modules`` loaded."""
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_CHILD, statement], capture_output=True, text=True, env=environment, cwd=cwd,
    )
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines()
        return {"seconds": None, "modules": [], "error": lines[-1] if lines else f"exit {result.returncode}"}
    return {**json.loads(result.stdout.strip().splitlines()[-1]), "error": None}


def measure_imports(repeats: int, pycache: Path | None, scratch: Path) -> dict[str, Any]:
    """Time each of ``IMPORT_CASES`` ``repeats`` times (interleaved, fresh interpreter each) and profile the kit's import."""
    environment = child_environment(pycache)
    for statement in IMPORT_CASES.values():  # warm-up
        time_import(statement, environment, scratch)
    samples: dict[str, list[float]] = {name: [] for name in IMPORT_CASES}
    errors: dict[str, str] = {}
    modules: dict[str, list[str]] = {}
    for _ in range(repeats):
        for name, statement in IMPORT_CASES.items():
            result = time_import(statement, environment, scratch)
            if result["error"]:
                errors[name] = result["error"]
            else:
                samples[name].append(result["seconds"])
                modules[name] = result["modules"]
    results: dict[str, Any] = {"repeats": repeats, "cases": {}, "errors": errors}
    dependencies = median(samples["dependencies"]) if samples["dependencies"] else None
    for name, statement in IMPORT_CASES.items():
        seconds = median(samples[name]) if samples[name] else None
        heavy = sorted(set(modules.get(name, [])) & set(HEAVY_LIBRARIES))
        ratio = seconds / dependencies if seconds is not None and dependencies else None
        results["cases"][name] = {"statement": statement, "seconds": seconds, "ratio": ratio, "heavy": heavy, "samples": samples[name]}
    # Which modules on the command-line path load a heavy library at import time.
    results["cli_modules"] = {}
    for module in CLI_MODULES:
        if module_exists(module):
            result = time_import(f"import {module}", environment, scratch)
            results["cli_modules"][module] = {
                "seconds": result["seconds"], "heavy": sorted(set(result["modules"]) & set(HEAVY_LIBRARIES)), "error": result["error"],
            }
    profile = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", IMPORT_CASES["import medialit; medialit.load_article"]],
        capture_output=True, text=True, env=environment, cwd=scratch,
    )
    entries = parse_importtime(profile.stderr)
    results["importtime_top"] = [
        {"module": name, "self_ms": own / 1000, "cumulative_ms": cumulative / 1000}
        for own, cumulative, name in sorted(entries, key=lambda e: e[1], reverse=True)[:15]
    ]
    results["importtime_medialit"] = [
        {"module": name, "self_ms": own / 1000, "cumulative_ms": cumulative / 1000}
        for own, cumulative, name in entries if name.startswith("medialit")
    ]
    return results


# ---------------------------------------------------------------- the Check callback


def walk_widgets(widget: Any) -> Iterable[Any]:
    """Yield ``widget`` and every widget inside it (``children`` of boxes, tabs and accordions)."""
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from walk_widgets(child)


def press_check(exercise: Any, presses: int, profile: bool = True, seed: int = 11) -> dict[str, Any]:
    """Press ``exercise``'s Check button ``presses`` times, changing three answers before each press.

    The exercise starts half answered; three warm-up presses are not timed. Answers
    are changed through the choice widgets (``exercise.controls`` when it has them),
    so the saving observers run as on a click, but outside the timed press.
    Returns the press times in milliseconds, how the button was pressed, the number
    of choice widgets and, with ``profile``, the top of a cProfile of 10 more presses.
    """
    import ipywidgets
    from ipywidgets.widgets.widget_selection import _Selection

    controls = getattr(exercise, "controls", None)
    pool = list(controls.values()) if isinstance(controls, dict) else list(walk_widgets(exercise))
    choices = [w for w in pool if isinstance(w, _Selection) and not w.disabled and len(w.options) > 1]
    buttons = [w for w in walk_widgets(exercise) if isinstance(w, ipywidgets.Button) and "check" in (w.description or "").lower()]
    if buttons:
        press, how = buttons[0].click, "button.click()"
    else:
        press, how = exercise.check, "exercise.check() (no button named Check found)"
    rng = random.Random(seed)

    def change_answers(count: int) -> None:
        for widget in rng.sample(choices, min(count, len(choices))):
            widget.index = rng.randrange(len(widget.options))

    change_answers(len(choices) // 2)
    for _ in range(3):
        press()
    timings = []
    for _ in range(presses):
        change_answers(3)
        start = time.perf_counter()
        press()
        timings.append((time.perf_counter() - start) * 1000)
    profile_lines: list[str] = []
    if profile:
        profiler = cProfile.Profile()
        for _ in range(10):
            change_answers(3)
            profiler.enable()
            press()
            profiler.disable()
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(18)
        profile_lines = [line for line in text.getvalue().splitlines() if line.strip()][-22:]
    return {"timings_ms": timings, "how": how, "choice_widgets": len(choices), "profile": profile_lines}


_KERNEL_CHECK = """
import importlib.util, json
spec = importlib.util.spec_from_file_location("medialit_benchmark", {path!r})
benchmark = importlib.util.module_from_spec(spec)
spec.loader.exec_module(benchmark)
import medialit
exercise = medialit.classify({seed!r})
print(json.dumps(benchmark.press_check(exercise, {presses}, profile=False)))
"""


def measure_check(presses: int, answers_dir: Path, timeout: int) -> dict[str, Any]:
    """Time the Check button of ``medialit.classify(SEED)``: in-process, and inside a real kernel.

    In-process, widget updates go to ipywidgets' stand-in comm; in a kernel (run by
    nbclient, which plays the browser) every update is also serialised and sent, as
    in a lesson. Returns the median and 95th percentile in milliseconds of each, and
    the cProfile of in-process presses. Answers are saved to ``answers_dir``.
    """
    if not module_exists("medialit.ui.widgets"):
        return {"available": False}
    os.environ["MEDIALIT_ANSWERS_DIR"] = str(answers_dir)
    os.environ["MEDIALIT_SUBMISSIONS_DIR"] = str(answers_dir)
    import nbformat

    import medialit

    with contextlib.chdir(REPO):
        sentences = len(medialit.load_article(SEED))
        pressed = press_check(medialit.classify(SEED, exercise_id="benchmark-in-process"), presses)
    timings = pressed.pop("timings_ms")
    results: dict[str, Any] = {
        "available": True, "sentences": sentences, "presses": presses, **pressed,
        "median_ms": median(timings), "p95_ms": percentile(timings, 95), "max_ms": max(timings),
    }
    code = _KERNEL_CHECK.format(path=str(Path(__file__).resolve()), seed=SEED, presses=presses)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    run = make_notebook_runner(timeout)(notebook, REPO)
    output = "".join(o.get("text", "") for o in notebook.cells[0].get("outputs", []) if o.get("output_type") == "stream")
    try:
        kernel_timings = json.loads(output.strip().splitlines()[-1])["timings_ms"]
        results["kernel"] = {"median_ms": median(kernel_timings), "p95_ms": percentile(kernel_timings, 95), "max_ms": max(kernel_timings)}
    except (ValueError, KeyError, IndexError):
        results["kernel"] = {"error": run["error"] or output[-300:]}
    worst = max(results["p95_ms"], results["kernel"].get("p95_ms", 0.0))
    results["ok"] = worst < BUDGETS["check_p95_ms"] and "error" not in results["kernel"]
    return results


# ---------------------------------------------------------------- throughput


def source_texts(seeds_only: bool = False) -> list[str]:
    """Return the texts of the seed articles and (unless ``seeds_only``) of the test articles."""
    paths = sorted((REPO / "seeds").glob("*.txt"))
    if not seeds_only:
        paths += sorted((REPO / "tests" / "data" / "articles").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


def write_texts(texts: list[str], folder: Path) -> list[Path]:
    """Write each of ``texts`` to its own file in ``folder`` (created); return the paths."""
    folder.mkdir(parents=True)
    paths = []
    for number, text in enumerate(texts):
        path = folder / f"variant-{number:04d}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def profile_command(command: str, paths: list[Path], lines: int = 16) -> list[str]:
    """Return the top of a cProfile (by cumulative time, the kit's functions and syntok) of ``command`` over ``paths``."""
    run = command_runner()
    profiler = cProfile.Profile()
    profiler.enable()
    for path in paths:
        run([command, str(path)])
    profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(r"medialit|syntok/segmenter|to_csv", lines)
    return [line for line in text.getvalue().splitlines() if line.strip()][-(lines + 2):]


def command_names() -> set[str]:
    """Return the names of the commands that ``python -m medialit`` has now."""
    from medialit.cli.main import COMMANDS

    return {command.name for command in COMMANDS}


def command_runner() -> Callable[[list[str]], int]:
    """Return ``run(arguments) -> exit code`` that runs a ``python -m medialit`` command in-process, output discarded.

    The argument parser is built once (as in one ``python -m medialit`` process), then
    each call parses its arguments and calls the command's handler, as ``cli.main``
    does: a ``MediaLitError`` counts as exit code 2.
    """
    import importlib

    from medialit.cli.main import build_parser
    from medialit.errors import MediaLitError

    parser = build_parser()

    def run(arguments: list[str]) -> int:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                args = parser.parse_args(arguments)
                module_name, function_name = args.handler.split(":")
                return int(getattr(importlib.import_module(module_name), function_name)(args) or 0)
            except MediaLitError:
                return 2
            except SystemExit as exit_:
                return int(exit_.code or 0)

    return run


def rate_over_files(command: str, paths: list[Path]) -> dict[str, Any]:
    """Run ``command FILE`` once for each of ``paths`` (after one warm-up on the seed); return files per second.

    Rates are given per second of wall time and per second of this process's CPU
    time (what one core does, whatever else the machine is running).
    """
    run = command_runner()
    run([command, str(REPO / "seeds" / f"{SEED}.txt")])
    failures = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for path in paths:
        failures += run([command, str(path)]) != 0
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {
        "inputs": len(paths), "seconds": seconds, "cpu_seconds": cpu, "failures": failures,
        "per_second": len(paths) / seconds, "per_cpu_second": len(paths) / cpu,
    }


def write_submissions(folder: Path, count: int) -> int:
    """Write ``count`` distinct submissions of the seed's category exercise into ``folder``; return how many were written."""
    from medialit.keys.key import load_article_key
    from medialit.vocabulary import CATEGORIES

    with contextlib.chdir(REPO):
        key = load_article_key(SEED)
    rng = random.Random(5)
    exercise_id = f"{SEED}-category"
    sentence_ids = list(key.table.index)
    for number in range(count):
        answers = {sid: rng.choice(CATEGORIES) for sid in sentence_ids if rng.random() < 0.95}
        arguments = dict(
            student=f"Student {number:04d}", exercise_id=exercise_id, key_sha256=key.sha256, answers=answers,
            field="category", article=SEED, reflection=f"Reflection number {number}.",
        )
        if module_exists("medialit.exercises.submission"):
            from medialit.exercises.submission import build_submission, write_submission

            write_submission(build_submission(**arguments), folder)
        else:  # the contract's format, written directly
            from medialit import __version__

            created = datetime.now(timezone.utc)
            document = {"schema_version": 1, "kit_version": __version__, "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"), **arguments}
            name = f"student-{number:04d}-{exercise_id}-{created.strftime('%Y%m%dT%H%M%SZ')}.submission.json"
            (folder / name).write_text(json.dumps(document), encoding="utf-8")
    return count


def write_large_submissions(folder: Path, count: int) -> int:
    """Write ``count`` distinct valid submissions of about 1 MB each into ``folder``; return their total bytes.

    A third hold three long written answers, a third a figure with thousands of bars,
    a third a lesson-07 answer set with a long reflection: the three ways a file gets big.
    """
    from medialit.keys.key import load_article_key
    from medialit.exercises.submission import build_submission, write_submission

    key = load_article_key(REPO / "seeds" / f"{SEED}.txt")
    folder.mkdir(parents=True, exist_ok=True)
    bar = {"label": "x", "value": 1.0, "x": 0.0, "y": 0.0, "width": 1.0, "height": 1.0, "color": "#000000", "hatch": ""}
    total = 0
    for number in range(count):
        words = f"student {number} writes a long answer about who speaks in the article " * 14_000
        common = {"student": f"Large {number:04d}", "key_sha256": key.sha256, "answers": {}, "article": SEED}
        if number % 3 == 0:
            extra = {"mode": "practice", "written": {f"answer_{q}": words[: 320_000 - 7 * q] for q in (1, 2, 3)}}
            submission = build_submission(exercise_id="04_framing_and_evidence", field="", extra=extra, **common)
        elif number % 3 == 1:
            bars = [dict(bar, label=f"speaker {number} {index}", x=float(index)) for index in range(4_800)]
            figure = {"axes": [{"title": "", "xlabel": "", "ylabel": "", "legend": [], "bars": bars}]}
            extra = {"mode": "practice", "figure": figure, "labels_source": "key"}
            submission = build_submission(exercise_id="03_draw_the_voice_map", field="", extra=extra, **common)
        else:
            answers = {sid: "reporting" for sid in key.sentence_ids}
            submission = build_submission(
                exercise_id=f"{SEED}-category", field="category", reflection=words[:950_000], **{**common, "answers": answers}
            )
        total += write_submission(submission, folder).stat().st_size
    return total


PEAK_WRAPPER = (
    "import resource, runpy, sys, time\n"
    "sys.argv = ['medialit', *sys.argv[1:]]\n"
    "code = 0\n"
    "try:\n    runpy.run_module('medialit', run_name='__main__')\n"
    "except SystemExit as done:\n    code = done.code\n"
    "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
    "print(f'PEAK {usage.ru_maxrss} CPU {usage.ru_utime + usage.ru_stime} EXIT {code}', file=sys.stderr)\n"
)


def measure_grade_memory(scratch: Path, count: int = LARGE_SUBMISSIONS) -> dict[str, Any]:
    """Grade ``count`` submissions of about 1 MB in a fresh process; return its peak RSS (MB), CPU seconds, exit code.

    Also grades one small file the same way, for the process's floor (Python, pandas, the key).
    """
    if not module_exists("medialit.teacher.grading") or sys.platform != "linux":
        return {"available": False}
    large = scratch / "large-submissions"
    progress(f"grade memory: writing {count} submissions of about 1 MB")
    total = write_large_submissions(large, count)
    small = scratch / "one-submission"
    write_large_submissions(small, 1)

    def peak(folder: Path) -> tuple[float, float, str]:
        done = subprocess.run(
            [sys.executable, "-c", PEAK_WRAPPER, "grade", str(folder), "--out", str(scratch / f"out-{folder.name}")],
            capture_output=True, text=True, cwd=REPO, check=False,
        )
        fields = done.stderr.strip().splitlines()[-1].split()
        return int(fields[1]) / 1024, float(fields[3]), fields[5]

    progress("grade memory: grading them in a fresh process")
    peak_mb, cpu, code = peak(large)
    floor_mb, _, _ = peak(small)
    shutil.rmtree(large, ignore_errors=True)
    return {
        "available": True, "files": count, "mb": total / MB, "peak_mb": peak_mb, "floor_mb": floor_mb, "cpu_s": cpu,
        "exit": code, "ok": peak_mb <= BUDGETS["grade_memory_mb"],
    }


def measure_throughput(count: int, scratch: Path) -> dict[str, Any]:
    """Measure ``sentences``, ``draft`` and ``grade`` in-process on ``count`` distinct inputs each.

    Two sets of texts: ``mixed`` (seeds and test articles, most of them short) and
    ``article`` (seeds only: article-sized). ``draft``'s budget (issue 6) is judged on
    the article-sized set, by CPU time ("on one core").
    """
    sets = {
        "mixed": make_variants(source_texts(), count),
        "article": make_variants(source_texts(seeds_only=True), count),
    }
    paths = {name: write_texts(texts, scratch / f"articles-{name}") for name, texts in sets.items()}
    words = {name: median(len(text.split()) for text in texts) for name, texts in sets.items()}
    commands = command_names()
    results: dict[str, Any] = {"median_words": words}
    progress(f"throughput: sentences on 2 x {count} distinct texts")
    results["sentences"] = {name: rate_over_files("sentences", paths[name]) for name in sets}
    if "draft" in commands and module_exists("medialit.draft.drafter"):
        progress(f"throughput: draft on 2 x {count} distinct texts")
        results["draft"] = {"available": True, **{name: rate_over_files("draft", paths[name]) for name in sets}}
        article = results["draft"]["article"]
        results["draft"]["ok"] = article["per_cpu_second"] >= BUDGETS["draft_per_s"] and not article["failures"]
        if not results["draft"]["ok"]:
            results["draft"]["profile"] = profile_command("draft", paths["article"][:50])
    else:
        results["draft"] = {"available": False}
    if "grade" in commands and module_exists("medialit.teacher.grading"):
        submissions = scratch / "submissions"
        submissions.mkdir()
        write_submissions(submissions, count)
        out = scratch / "grades"
        progress(f"throughput: grade on {count} submissions")
        run = command_runner()
        run(["grade", str(submissions), "--out", str(scratch / "grades-warmup")])
        start, cpu_start = time.perf_counter(), time.process_time()
        code = run(["grade", str(submissions), "--out", str(out)])
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        graded = None
        grades = out / "grades.csv"
        if grades.is_file():
            graded = max(0, len(grades.read_text(encoding="utf-8").strip().splitlines()) - 1)
        results["grade"] = {
            "available": True, "inputs": count, "seconds": seconds, "per_second": count / seconds, "per_cpu_second": count / cpu,
            "exit_code": code, "graded": graded,
        }
        results["grade_memory"] = measure_grade_memory(scratch)
    else:
        results["grade"] = {"available": False}
    return results


# ---------------------------------------------------------------- installed size


def copy_kit_for_install(target: Path) -> Path:
    """Copy what ``pip install -r requirements.txt`` needs into ``target`` (setuptools writes build files beside it)."""
    shutil.copytree(REPO / "medialit", target / "medialit", ignore=COPY_IGNORE)
    for name in ("pyproject.toml", "requirements.txt", "README.md", "LICENSE", "LICENSE-CONTENT.md"):
        if (REPO / name).exists():
            shutil.copy(REPO / name, target / name)
    return target


def bare_stack_requirements() -> list[str]:
    """Return jupyterlab, ipywidgets, pandas and matplotlib at the pins of ``requirements.txt``."""
    pins = {}
    for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.lstrip().startswith("#"):
            name, version = line.split("#")[0].strip().split("==")
            pins[name.lower().replace("_", "-")] = version
    return [f"{name}=={pins[name]}" if name in pins else name for name in ("jupyterlab", "ipywidgets", "pandas", "matplotlib")]


def install_size(name: str, arguments: list[str], cwd: Path, venv: Path) -> dict[str, Any]:
    """Make a fresh venv at ``venv``, ``pip install ARGUMENTS`` into it from ``cwd``; return time and sizes in MB."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHONPYCACHEPREFIX")}
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *arguments],
        cwd=cwd, capture_output=True, text=True, env=environment,
    )
    seconds = time.perf_counter() - start
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True,
    ).stdout.strip()
    progress(f"install {name}: {'ok' if result.returncode == 0 else 'FAILED'} in {seconds:.0f} s")
    return {
        "requirements": arguments,
        "ok": result.returncode == 0,
        "error": result.stderr.strip().splitlines()[-1] if result.returncode else None,
        "seconds": seconds,
        "site_packages_mb": disk_usage(Path(purelib)) / MB,
        "venv_mb": disk_usage(venv) / MB,
    }


def measure_install(scratch: Path) -> dict[str, Any]:
    """Return the installed sizes of ``requirements.txt`` and of the bare stack, each in a fresh venv."""
    kit = copy_kit_for_install(scratch / "kit")
    learners = install_size("requirements.txt", ["-r", "requirements.txt"], kit, scratch / "venv-learners")
    bare_requirements = bare_stack_requirements()
    bare = install_size("bare stack", bare_requirements, scratch, scratch / "venv-bare")
    ratio = learners["site_packages_mb"] / bare["site_packages_mb"] if bare["site_packages_mb"] else None
    return {
        "learners": learners,
        "bare": bare,
        "ratio": ratio,
        "ok": bool(ratio is not None and ratio <= BUDGETS["install_ratio"] and learners["ok"] and bare["ok"]),
    }


# ---------------------------------------------------------------- test suite


def measure_tests(logs: Path) -> dict[str, Any]:
    """Run ``tools/run_tests.py --no-browser`` and then the full suite; return wall times and exit codes."""
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPYCACHEPREFIX", "MEDIALIT_ANSWERS_DIR", "MEDIALIT_SUBMISSIONS_DIR")}
    results = {}
    for name, arguments, budget in (
        ("without browser tests", ["--no-browser"], BUDGETS["tests_no_browser_s"]),
        ("with browser tests", [], BUDGETS["tests_full_s"]),
    ):
        progress(f"test suite {name}")
        log = logs / f"tests-{'no-browser' if arguments else 'full'}.log"
        start = time.perf_counter()
        with log.open("w", encoding="utf-8") as output:
            code = subprocess.call(
                [sys.executable, "tools/run_tests.py", *arguments], cwd=REPO, env=environment, stdout=output, stderr=subprocess.STDOUT,
            )
        seconds = time.perf_counter() - start
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-6:]
        results[name] = {"seconds": seconds, "exit_code": code, "budget_s": budget, "ok": seconds < budget, "tail": tail}
        progress(f"test suite {name}: {seconds:.0f} s, exit {code}")
    return results


# ---------------------------------------------------------------- report


def notebook_rows(results: dict[str, Any]) -> list[list[str]]:
    """Return the notebook table's rows: the two floors, then every notebook with its verdict."""
    rows = []
    for label, key in (("floor: empty notebook", "floor_empty"), ("floor: imports pandas, matplotlib, ipywidgets", "floor_imports")):
        floor = results.get(key)
        if floor:
            rows.append(
                [label, fmt(floor["seconds"], 2, " s"), "1.00x" if key == "floor_imports" else "", fmt(floor.get("cpu_seconds"), 2, " s"),
                 fmt(floor["peak_mb"], 0, " MB"), "", "reference"]
            )
    for path, entry in results["notebooks"].items():
        note = "; ".join(entry["errors"])[:120]
        result = verdict(entry["ok"]) + (" (error)" if entry["errors"] else "")
        rows.append(
            [
                f"`{path}`", fmt(entry["seconds"], 2, " s"), fmt(entry["time_ratio"], 2, "x"),
                f"{fmt(entry.get('cpu_seconds'), 2, ' s')} ({fmt(entry.get('cpu_ratio'), 2, 'x')})", fmt(entry["peak_mb"], 0, " MB"),
                ("+" if (entry["memory_over_floor_mb"] or 0) >= 0 else "") + fmt(entry["memory_over_floor_mb"], 0, " MB"),
                result + (f": {note}" if note else ""),
            ]
        )
    return rows


def budget_rows(results: dict[str, Any]) -> list[list[str]]:
    """Return the rows of the main table: measurement, result, budget, verdict."""
    rows: list[list[str]] = []
    notebooks = results.get("notebooks")
    if notebooks:
        entries = notebooks["notebooks"]
        missed = [path for path, entry in entries.items() if not entry["ok"]]
        worst_time = max((entry["time_ratio"] for entry in entries.values()), default=None)
        worst_memory = max((entry["memory_over_floor_mb"] or 0 for entry in entries.values()), default=None)
        rows.append(
            [
                f"{len(entries)} notebooks vs the imports floor",
                f"worst {fmt(worst_time, 2, 'x')} time, floor + {fmt(worst_memory, 0, ' MB')}" + (f"; missed: {', '.join(missed)}" if missed else ""),
                f"each <= {BUDGETS['notebook_time_ratio']}x time, <= floor + {BUDGETS['notebook_memory_mb']:.0f} MB",
                verdict(not missed) if entries else "n/a",
            ]
        )
    imports = results.get("imports")
    if imports:
        dependencies = imports["cases"]["dependencies"]["seconds"]
        for name in ("import medialit", "import medialit; medialit.load_article"):
            case = imports["cases"][name]
            ok = None if case["ratio"] is None else case["ratio"] <= BUDGETS["import_ratio"]
            rows.append(
                [
                    f"`{name}`",
                    f"{fmt(case['seconds'] and case['seconds'] * 1000, 0, ' ms')} = {fmt(case['ratio'], 2, 'x')} "
                    f"the dependencies ({fmt(dependencies and dependencies * 1000, 0, ' ms')})",
                    f"<= {BUDGETS['import_ratio']}x", verdict(ok),
                ]
            )
        heavy = {module: info["heavy"] for module, info in imports["cli_modules"].items() if info["heavy"]}
        rows.append(
            [
                "heavy libraries loaded by the CLI/grading modules at import",
                ", ".join(f"{module}: {'/'.join(libs)}" for module, libs in heavy.items()) or f"none ({len(imports['cli_modules'])} modules)",
                "none", verdict(not heavy),
            ]
        )
    check = results.get("check")
    if check is not None:
        if check.get("available"):
            kernel = check["kernel"]
            in_kernel = (
                f"; in a kernel: median {kernel['median_ms']:.1f} ms, p95 {kernel['p95_ms']:.1f} ms"
                if "p95_ms" in kernel else f"; in a kernel: FAILED ({kernel.get('error')})"
            )
            rows.append(
                [
                    f"Check callback, {check['sentences']} sentences ({check['presses']} presses, {check['how']})",
                    f"in-process: median {check['median_ms']:.1f} ms, p95 {check['p95_ms']:.1f} ms{in_kernel}",
                    f"p95 < {BUDGETS['check_p95_ms']:.0f} ms", verdict(check["ok"]),
                ]
            )
        else:
            rows.append(["Check callback", "not available yet (no medialit.ui.widgets)", f"p95 < {BUDGETS['check_p95_ms']:.0f} ms", "n/a"])
    throughput = results.get("throughput")
    if throughput:
        words = throughput["median_words"]

        def rates(entry: dict[str, Any]) -> str:
            return "; ".join(
                f"{entry[name]['per_cpu_second']:.0f}/s ({entry[name]['inputs']} {label}, median {words[name]:.0f} words"
                + (f", {entry[name]['failures']} failed" if entry[name]["failures"] else "") + ")"
                for name, label in (("article", "article-sized"), ("mixed", "mixed-size"))
            )

        rows.append(["`sentences` (in-process, per CPU-second)", rates(throughput["sentences"]), "reported", ""])
        draft = throughput["draft"]
        if draft.get("available"):
            rows.append(
                ["`draft` (in-process, per CPU-second)", rates(draft), f">= {BUDGETS['draft_per_s']:.0f}/s on one core, article-sized (issue 6)", verdict(draft["ok"])]
            )
        else:
            rows.append(["`draft`", "not available yet", f">= {BUDGETS['draft_per_s']:.0f}/s on one core (issue 6)", "n/a"])
        grade = throughput["grade"]
        if grade.get("available"):
            rows.append(
                [
                    "`grade` (in-process)",
                    f"{grade['per_cpu_second']:.0f} submissions per CPU-second "
                    f"({grade['inputs']} distinct, {grade['graded']} graded, exit {grade['exit_code']})",
                    "reported", "",
                ]
            )
            memory = throughput.get("grade_memory", {})
            if memory.get("available"):
                rows.append(
                    [
                        f"`grade` of {memory['files']} submissions of ~1 MB ({memory['mb']:.0f} MB), peak RSS",
                        f"{memory['peak_mb']:.0f} MB (one small file: {memory['floor_mb']:.0f} MB); "
                        f"{memory['cpu_s']:.1f} CPU-s, exit {memory['exit']}",
                        f"<= {BUDGETS['grade_memory_mb']:.0f} MB (issue 13)",
                        verdict(memory["ok"]),
                    ]
                )
        else:
            rows.append(["`grade`", "not available yet", "reported", ""])
    install = results.get("install")
    if install:
        learners, bare = install["learners"], install["bare"]
        rows.append(
            [
                "learners' install (`requirements.txt`, site-packages)",
                f"{learners['site_packages_mb']:.0f} MB = {fmt(install['ratio'], 3, 'x')} the bare stack ({bare['site_packages_mb']:.0f} MB); "
                f"whole venv {learners['venv_mb']:.0f} vs {bare['venv_mb']:.0f} MB" + ("" if learners["ok"] and bare["ok"] else "; an install FAILED"),
                f"<= {BUDGETS['install_ratio']}x", verdict(install["ok"]),
            ]
        )
    tests = results.get("tests")
    if tests:
        for name, entry in tests.items():
            rows.append(
                [
                    f"test suite {name}",
                    f"{entry['seconds']:.0f} s" + ("" if entry["exit_code"] == 0 else f" (suite FAILED, exit {entry['exit_code']})"),
                    f"< {entry['budget_s']:.0f} s", verdict(entry["ok"]),
                ]
            )
    return rows


def profiles(results: dict[str, Any]) -> list[str]:
    """Return the profile lines of every MISS: slow notebook cells, import times, the Check callback's cProfile."""
    lines: list[str] = []
    notebooks = results.get("notebooks")
    if notebooks:
        for path, entry in notebooks["notebooks"].items():
            if entry["ok"]:
                continue
            lines.append(
                f"\n### {path}: {entry['seconds']:.2f} s ({entry['time_ratio']:.2f}x floor), "
                f"startup {entry['startup_seconds']:.2f} s, peak {fmt(entry['peak_mb'], 0, ' MB')}"
                + (f"; errors: {'; '.join(entry['errors'])}" if entry["errors"] else "")
            )
            lines.append(
                markdown_table(
                    ["cell", "seconds", "peak growth", "first line"],
                    [[c["index"], f"{c['seconds']:.2f}", fmt(c["memory_growth_mb"], 0, " MB"), f"`{c['first_line']}`"] for c in entry["slowest_cells"]],
                )
            )
    imports = results.get("imports")
    if imports:
        missed = any(c["ratio"] is not None and c["ratio"] > BUDGETS["import_ratio"] for n, c in imports["cases"].items() if n != "dependencies")
        heavy = any(info["heavy"] for info in imports["cli_modules"].values())
        if missed or heavy:
            lines.append("\n### import profile (`python -X importtime`, top cumulative)")
            lines.append(markdown_table(["module", "self ms", "cumulative ms"], [[e["module"], f"{e['self_ms']:.1f}", f"{e['cumulative_ms']:.1f}"] for e in imports["importtime_top"]]))
    throughput = results.get("throughput")
    if throughput and throughput["draft"].get("profile"):
        lines.append("\n### `draft` on article-sized texts (cProfile of 50, by cumulative time)\n```")
        lines.extend(throughput["draft"]["profile"])
        lines.append("```")
    check = results.get("check")
    if check and check.get("available") and not check["ok"]:
        lines.append("\n### Check callback (cProfile of 10 presses, by cumulative time)\n```")
        lines.extend(check["profile"])
        lines.append("```")
    return lines


def report(results: dict[str, Any]) -> str:
    """Return the whole markdown report: header with the machine, notebook table, budget table, profiles of misses."""
    settings = results["settings"]
    parts = [
        f"### Benchmark {results['finished'][:16].replace('T', ' ')} UTC{' (--quick)' if settings['quick'] else ''}",
        f"Machine: {machine_line(results['machine'])}.",
        "",
    ]
    if results.get("notebooks"):
        parts.append(
            f"Notebooks: medians of {settings['repeats']} run(s), from kernel start to the end of the last cell; "
            "memory = the kernel's peak RSS (VmHWM); ratio and difference against the imports floor run just before; "
            "kernel CPU = the kernel process's CPU time (for information: other load on the machine barely changes it). "
            f"Budget for each: time <= {BUDGETS['notebook_time_ratio']}x the floor, peak <= the floor + {BUDGETS['notebook_memory_mb']:.0f} MB.\n"
        )
        parts.append(markdown_table(["notebook", "time", "x floor", "kernel CPU (x floor)", "peak memory", "vs floor", "result"], notebook_rows(results["notebooks"])))
        parts.append("")
    parts.append(markdown_table(["measurement", "value", "budget", "result"], budget_rows(results)))
    skipped = [section for section in SECTIONS if section not in results]
    if skipped:
        parts.append(f"\nNot measured in this run: {', '.join(skipped)}.")
    extra = profiles(results)
    if extra:
        parts.append("\n## Where the time goes (every MISS)")
        parts.extend(extra)
    return "\n".join(parts)


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the report, write the JSON; return 0 (misses are reported, not fatal)."""
    parser = argparse.ArgumentParser(description="Benchmark the medialit kit against the Jupyter floor.")
    parser.add_argument("--quick", action="store_true", help="one run each; skip the install sizes and the test suite")
    parser.add_argument("--json", type=Path, default=REPO / "benchmarks" / "results" / "latest.json", help="where to write the JSON results")
    parser.add_argument("--repeats", type=int, help="runs per notebook (default 3; 1 with --quick)")
    parser.add_argument("--only", help=f"comma-separated sections to run, of: {', '.join(SECTIONS)}")
    parser.add_argument("--match", help="measure only notebooks whose path contains this text")
    parser.add_argument("--timeout", type=int, default=600, help="seconds a notebook cell may take")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else set(SECTIONS)
    unknown = only - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    if args.quick:
        only -= {"install", "tests"} if not args.only else set()
    repeats = args.repeats or (1 if args.quick else 3)
    settings = {
        "quick": args.quick, "repeats": repeats, "import_repeats": 3 if args.quick else 7,
        "check_presses": 20 if args.quick else 50, "throughput_inputs": 100 if args.quick else 300, "sections": sorted(only),
    }
    machine = machine_info()
    progress(f"machine: {machine_line(machine)}")
    results: dict[str, Any] = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine, "settings": settings, "budgets": BUDGETS}
    with tempfile.TemporaryDirectory(prefix="medialit-bench-") as temporary:
        scratch = Path(temporary)
        pycache = scratch / "pycache"
        answers = scratch / "answers"
        answers.mkdir()
        os.environ["MEDIALIT_ANSWERS_DIR"] = str(answers)
        os.environ["MEDIALIT_SUBMISSIONS_DIR"] = str(answers)
        if only & {"notebooks", "imports"}:
            progress("warming the bytecode cache (stdlib, site-packages, medialit)")
            warm_bytecode(pycache)
        if "notebooks" in only:
            workspace = scratch / "workspace"
            copy_kit(workspace)
            saved = os.environ.get("PYTHONPYCACHEPREFIX")
            os.environ["PYTHONPYCACHEPREFIX"] = str(pycache)  # kernels inherit the environment
            try:
                results["notebooks"] = measure_notebooks(workspace, repeats, args.timeout, args.match)
            finally:
                if saved is None:
                    os.environ.pop("PYTHONPYCACHEPREFIX", None)
                else:
                    os.environ["PYTHONPYCACHEPREFIX"] = saved
        if "imports" in only:
            progress("imports")
            (scratch / "imports").mkdir()
            results["imports"] = measure_imports(settings["import_repeats"], pycache, scratch / "imports")
        if "check" in only:
            progress("Check callback")
            results["check"] = measure_check(settings["check_presses"], answers, args.timeout)
        if "throughput" in only:
            (scratch / "throughput").mkdir()
            results["throughput"] = measure_throughput(settings["throughput_inputs"], scratch / "throughput")
        if "install" in only:
            (scratch / "install").mkdir()
            results["install"] = measure_install(scratch / "install")
        if "tests" in only:
            logs = args.json.parent if args.json else scratch
            logs.mkdir(parents=True, exist_ok=True)
            results["tests"] = measure_tests(logs)
    results["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    table = report(results)
    results["table"] = table
    print(table)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
        progress(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
