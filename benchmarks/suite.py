"""The test suite's wall time: ``tools/run_tests.py --no-browser``, then the whole suite."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import REPO, budgets

LOG = logging.getLogger(__name__)
# (name in the report, arguments of tools/run_tests.py, budget, log file)
RUNS = (
    ("without browser tests", ["--no-browser"], "tests_no_browser_s", "tests-no-browser.log"),
    ("with browser tests", [], "tests_full_s", "tests-full.log"),
)
_NOT_INHERITED = ("PYTHONPYCACHEPREFIX", "MEDIALIT_ANSWERS_DIR", "MEDIALIT_SUBMISSIONS_DIR")


def measure_tests(logs: Path) -> dict[str, Any]:
    """Run ``tools/run_tests.py --no-browser`` and then the full suite (logs into ``logs``); return wall times and exit codes."""
    environment = {key: value for key, value in os.environ.items() if key not in _NOT_INHERITED}
    results = {}
    for name, arguments, budget, log_name in RUNS:
        LOG.info(f"test suite {name}")
        log = logs / log_name
        start = time.perf_counter()
        with log.open("w", encoding="utf-8") as output:
            code = subprocess.call(
                [sys.executable, "tools/run_tests.py", *arguments], cwd=REPO, env=environment, stdout=output, stderr=subprocess.STDOUT,
            )
        seconds = time.perf_counter() - start
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-6:]
        results[name] = {
            "seconds": seconds, "exit_code": code, "budget_s": budgets.limit(budget), "ok": budgets.met(budget, seconds), "tail": tail,
        }
        LOG.info(f"test suite {name}: {seconds:.0f} s, exit {code}")
    return results
