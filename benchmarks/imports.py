"""Start-up: ``import medialit`` against importing its dependencies, each in a fresh interpreter.

Also which heavy libraries the modules on the command-line and grading path load at import, and the
``python -X importtime`` profile of the kit's import.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.stats import median
from benchmarks.system import module_exists

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
    "medialit", "medialit.cli.main", "medialit.cli.commands", "medialit.text.article", "medialit.keys.key",
    "medialit.exercises.scoring", "medialit.exercises.submission", "medialit.exercises.answers",
    "medialit.teacher.release", "medialit.draft.drafter", "medialit.teacher.grading",
)
_IMPORT_CHILD = """
import json, sys, time
start = time.perf_counter()
exec(sys.argv[1])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "modules": sorted({name.split(".")[0] for name in sys.modules})}))
"""


def parse_importtime(stderr: str) -> list[tuple[int, int, str]]:
    """Return ``(self_us, cumulative_us, module)`` for each line of ``python -X importtime`` output."""
    entries = []
    for line in stderr.splitlines():
        match = re.match(r"import time:\s*(\d+)\s*\|\s*(\d+)\s*\|(\s*)(\S+)", line)
        if match:
            entries.append((int(match.group(1)), int(match.group(2)), match.group(4)))
    return entries


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


def _sample_cases(repeats: int, environment: dict[str, str], scratch: Path) -> dict[str, Any]:
    """Time each of ``IMPORT_CASES`` ``repeats`` times, interleaved, after one warm-up each; return the cases and errors."""
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
    cases = {}
    dependencies = median(samples["dependencies"]) if samples["dependencies"] else None
    for name, statement in IMPORT_CASES.items():
        seconds = median(samples[name]) if samples[name] else None
        heavy = sorted(set(modules.get(name, [])) & set(HEAVY_LIBRARIES))
        ratio = seconds / dependencies if seconds is not None and dependencies else None
        cases[name] = {"statement": statement, "seconds": seconds, "ratio": ratio, "heavy": heavy, "samples": samples[name]}
    return {"cases": cases, "errors": errors}


def heavy_at_import(environment: dict[str, str], scratch: Path) -> dict[str, Any]:
    """Return, for each module of ``CLI_MODULES`` that exists, its import time and the heavy libraries it loads."""
    found = {}
    for module in CLI_MODULES:
        if module_exists(module):
            result = time_import(f"import {module}", environment, scratch)
            found[module] = {
                "seconds": result["seconds"], "heavy": sorted(set(result["modules"]) & set(HEAVY_LIBRARIES)), "error": result["error"],
            }
    return found


def importtime_profile(environment: dict[str, str], scratch: Path) -> dict[str, list[dict[str, Any]]]:
    """Return the ``python -X importtime`` profile of ``medialit.load_article``: the top 15 and the kit's own modules."""
    profile = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", IMPORT_CASES["import medialit; medialit.load_article"]],
        capture_output=True, text=True, env=environment, cwd=scratch,
    )
    entries = parse_importtime(profile.stderr)
    return {
        "importtime_top": [
            {"module": name, "self_ms": own / 1000, "cumulative_ms": cumulative / 1000}
            for own, cumulative, name in sorted(entries, key=lambda e: e[1], reverse=True)[:15]
        ],
        "importtime_medialit": [
            {"module": name, "self_ms": own / 1000, "cumulative_ms": cumulative / 1000}
            for own, cumulative, name in entries if name.startswith("medialit")
        ],
    }


def measure_imports(repeats: int, pycache: Path | None, scratch: Path) -> dict[str, Any]:
    """Time each of ``IMPORT_CASES`` ``repeats`` times (interleaved, fresh interpreter each) and profile the kit's import."""
    environment = child_environment(pycache)
    sampled = _sample_cases(repeats, environment, scratch)
    return {
        "repeats": repeats, "cases": sampled["cases"], "errors": sampled["errors"],
        "cli_modules": heavy_at_import(environment, scratch), **importtime_profile(environment, scratch),
    }
