"""``python -m benchmarks``: parse the arguments, run the sections asked for, print the report, write the JSON.

Progress lines go to stderr (the sections log them), the markdown report to stdout. Misses are reported, not
fatal: the exit code is 0, or 2 for bad arguments or a bad ``budgets.json``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from benchmarks import REPO, budgets
from benchmarks.report import SECTIONS, budgets_table, machine_line, report
from benchmarks.system import copy_kit, environment_variable, machine_info, warm_bytecode

LOG = logging.getLogger("benchmarks")
EXTRA_SECTIONS = ("draft_speed",)  # run only when named in --only
DEFAULT_JSON = REPO / "benchmarks" / "results" / "latest.json"


def build_parser() -> argparse.ArgumentParser:
    """Return the benchmark's argument parser."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="Benchmark the medialit kit against the Jupyter floor.")
    parser.add_argument("--quick", action="store_true", help="one run each; skip the install sizes and the test suite")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write the JSON results")
    parser.add_argument("--repeats", type=int, help="runs per notebook (default 3; 1 with --quick)")
    parser.add_argument("--only", help=f"comma-separated sections to run, of: {', '.join(SECTIONS + EXTRA_SECTIONS)}")
    parser.add_argument("--match", help="measure only notebooks whose path contains this text")
    parser.add_argument("--timeout", type=int, default=600, help="seconds a notebook cell may take")
    parser.add_argument("--texts", type=int, default=400, help="distinct texts for draft_speed (default 400)")
    parser.add_argument("--budgets", action="store_true", help="print the budgets table (as in benchmarks/README.md) and stop")
    return parser


def settings_from(args: argparse.Namespace, parser: argparse.ArgumentParser) -> dict[str, Any]:
    """Return the run's settings (sections, repeats, sample sizes) from the parsed ``args``; exits on an unknown section."""
    only = set(args.only.split(",")) if args.only else set(SECTIONS)
    unknown = only - set(SECTIONS + EXTRA_SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS + EXTRA_SECTIONS)}")
    if args.quick and not args.only:
        only -= {"install", "tests"}
    return {
        "quick": args.quick, "repeats": args.repeats or (1 if args.quick else 3), "import_repeats": 3 if args.quick else 7,
        "check_presses": 20 if args.quick else 50, "throughput_inputs": 100 if args.quick else 300, "sections": sorted(only),
    }


class Sections:
    """The sections of one run, each a method returning its results; they share a scratch folder and settings."""

    def __init__(self, settings: dict[str, Any], args: argparse.Namespace, scratch: Path) -> None:
        self.settings, self.args, self.scratch = settings, args, scratch
        self.pycache, self.answers = scratch / "pycache", scratch / "answers"

    def folder(self, name: str) -> Path:
        """Return the new scratch folder ``name``."""
        (self.scratch / name).mkdir()
        return self.scratch / name

    def notebooks(self) -> dict[str, Any]:
        """Measure the floors and every notebook, from a copy of the kit, bytecode from the warmed cache."""
        from benchmarks.notebooks import measure_notebooks

        workspace = self.scratch / "workspace"
        copy_kit(workspace)
        with environment_variable("PYTHONPYCACHEPREFIX", str(self.pycache)):  # kernels inherit the environment
            return measure_notebooks(workspace, self.settings["repeats"], self.args.timeout, self.args.match)

    def imports(self) -> dict[str, Any]:
        """Measure start-up: ``import medialit`` against its dependencies."""
        from benchmarks.imports import measure_imports

        LOG.info("imports")
        return measure_imports(self.settings["import_repeats"], self.pycache, self.folder("imports"))

    def check(self) -> dict[str, Any]:
        """Measure the Check button's callback, in-process and in a kernel."""
        from benchmarks.check import measure_check

        LOG.info("Check callback")
        return measure_check(self.settings["check_presses"], self.answers, self.args.timeout)

    def throughput(self) -> dict[str, Any]:
        """Measure ``sentences``, ``draft`` and ``grade``, and grading's memory."""
        from benchmarks.throughput import measure_throughput

        return measure_throughput(self.settings["throughput_inputs"], self.folder("throughput"))

    def install(self) -> dict[str, Any]:
        """Measure the learners' install against the bare stack."""
        from benchmarks.install import measure_install

        return measure_install(self.folder("install"))

    def tests(self) -> dict[str, Any]:
        """Measure the test suite's wall time (its logs go beside the JSON results)."""
        from benchmarks.suite import measure_tests

        logs = self.args.json.parent if self.args.json else self.scratch
        logs.mkdir(parents=True, exist_ok=True)
        return measure_tests(logs)

    def draft_speed(self) -> dict[str, Any]:
        """Measure the draft pipeline's speed, segmentation apart."""
        from benchmarks.draft_pipeline import measure_draft_pipeline

        return measure_draft_pipeline(self.args.texts)


def measure_sections(settings: dict[str, Any], args: argparse.Namespace, scratch: Path) -> dict[str, Any]:
    """Run each section in ``settings["sections"]``, in the order of a full run; return their results by section."""
    only = set(settings["sections"])
    sections = Sections(settings, args, scratch)
    sections.answers.mkdir()
    os.environ["MEDIALIT_ANSWERS_DIR"] = str(sections.answers)
    os.environ["MEDIALIT_SUBMISSIONS_DIR"] = str(sections.answers)
    if only & {"notebooks", "imports"}:
        LOG.info("warming the bytecode cache (stdlib, site-packages, medialit)")
        warm_bytecode(sections.pycache)
    return {name: getattr(sections, name)() for name in SECTIONS + EXTRA_SECTIONS if name in only}


def configure_progress() -> None:
    """Send the sections' progress lines to stderr as ``[HH:MM:SS] message``."""
    if not LOG.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("[%(asctime)s] %(message)s", datefmt="%H:%M:%S"))
        LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    LOG.propagate = False


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the report, write the JSON; return 0 (misses are reported, not fatal), 2 for a bad budgets file."""
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = settings_from(args, parser)
    try:
        limits = budgets.limits()
    except budgets.BudgetError as error:
        print(f"python -m benchmarks: {error}", file=sys.stderr)
        return 2
    if args.budgets:
        print(budgets_table(budgets.budgets()))
        return 0
    configure_progress()
    machine = machine_info()
    LOG.info(f"machine: {machine_line(machine)}")
    results: dict[str, Any] = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine, "settings": settings, "budgets": limits}
    with tempfile.TemporaryDirectory(prefix="medialit-bench-") as temporary:
        results.update(measure_sections(settings, args, Path(temporary)))
    results["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    results["table"] = report(results)
    print(results["table"])
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
        LOG.info(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
