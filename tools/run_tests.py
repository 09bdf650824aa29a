"""Run the kit's whole test suite: the README's test command calls this.

    python tools/run_tests.py            # everything
    python tools/run_tests.py --no-browser

Two pytest runs, because strict nbval applies to a whole pytest run:
1. ``tests/``: unit tests, command-line tests, exercises executed with nbclient,
   the fresh-install test and the browser tests;
2. strict nbval over the lessons, the solutions and the teacher dashboard
   (stored outputs compared, only memory addresses and timings sanitised).
Answers files go to a temporary folder; nothing is written into the repository.
A run that collects no test counts as a failure.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NO_TESTS_COLLECTED = 5
NBVAL_TARGETS = ["notebooks", "solutions", "teacher/dashboard.ipynb"]


def _pytest(name: str, arguments: list[str], environment: dict[str, str]) -> bool:
    """Run pytest with ``arguments`` from the repo folder; return True when it passed."""
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *arguments]
    print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
    code = subprocess.call(command, cwd=REPO, env=environment)
    if code == NO_TESTS_COLLECTED:
        print(f"=== {name}: FAILED - pytest collected no tests", flush=True)
        return False
    print(f"=== {name}: {'passed' if code == 0 else f'FAILED (exit {code})'}", flush=True)
    return code == 0


def main(argv: list[str] | None = None) -> int:
    """Run both pytest stages and return 0 only if both passed."""
    parser = argparse.ArgumentParser(description="Run the medialit test suite.")
    parser.add_argument("--no-browser", action="store_true", help="leave out the browser tests")
    parser.add_argument("pytest_args", nargs="*", help="extra arguments for the first pytest run")
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="medialit-answers-") as answers:
        environment = dict(
            os.environ, MEDIALIT_ANSWERS_DIR=answers, MEDIALIT_SUBMISSIONS_DIR=answers, PYTHONDONTWRITEBYTECODE="1"
        )
        first = ["tests", *(["-m", "not browser"] if args.no_browser else []), *args.pytest_args]
        results["tests"] = _pytest("tests", first, environment)
        targets = [target for target in NBVAL_TARGETS if (REPO / target).exists()]
        nbval = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with", "tools/nbval_sanitize.cfg", *targets]
        results["notebooks (strict nbval)"] = _pytest("notebooks (strict nbval)", nbval, environment)
    print("\n" + "; ".join(f"{name}: {'passed' if ok else 'FAILED'}" for name, ok in results.items()))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
