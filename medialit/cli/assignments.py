"""The ``build-exercises`` command: write (or with ``--check`` verify) ``exercises/`` from ``solutions/``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medialit.teacher.assignments import build_exercises, solution_notebooks


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
