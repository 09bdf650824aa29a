"""Run ``python -m medialit`` commands in-process, through ``medialit.cli.main.main``, and time them.

``main`` builds its argument parser on every call; one ``python -m medialit`` process builds it once, so
``CommandRunner`` builds it once and hands that parser to ``main`` while it is open. Everything else
(parsing, the handler, ``MediaLitError`` as exit code 2) is the command line's own code.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import pstats
import time
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any

from benchmarks import REPO, SEED


class CommandRunner:
    """``with CommandRunner() as run: run(["draft", PATH])`` runs a command in-process and returns its exit code.

    Output (stdout and stderr) is discarded; an argument error counts as its exit code.
    """

    def __init__(self) -> None:
        self._cli: ModuleType | None = None
        self._build_parser: Any = None
        self._parser: argparse.ArgumentParser | None = None

    def __enter__(self) -> CommandRunner:
        """Build the parser once and make ``medialit.cli.main.main`` use it until the block ends; return the runner."""
        from medialit.cli import main as cli

        self._cli, self._build_parser = cli, cli.build_parser
        self._parser = cli.build_parser()
        cli.build_parser = lambda: self._parser  # type: ignore[assignment]
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        """Give ``medialit.cli.main`` its own ``build_parser`` back."""
        if self._cli is not None:
            self._cli.build_parser = self._build_parser

    def __call__(self, arguments: list[str]) -> int:
        """Run ``python -m medialit ARGUMENTS`` in-process with output discarded; return the exit code."""
        if self._cli is None:
            raise RuntimeError("use the runner inside 'with CommandRunner() as run:'")
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                return int(self._cli.main(arguments) or 0)
            except SystemExit as exit_:
                return int(exit_.code or 0) if not isinstance(exit_.code, str) else 2


def command_names() -> set[str]:
    """Return the names of the commands that ``python -m medialit`` has now."""
    from medialit.cli.main import COMMANDS

    return {command.name for command in COMMANDS}


def rate_over_files(command: str, paths: list[Path]) -> dict[str, Any]:
    """Run ``command FILE`` once for each of ``paths`` (after one warm-up on the seed); return files per second.

    Rates are given per second of wall time and per second of this process's CPU
    time (what one core does, whatever else the machine is running).
    """
    with CommandRunner() as run:
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


def profile_command(command: str, paths: list[Path], lines: int = 16) -> list[str]:
    """Return the top of a cProfile (by cumulative time, the kit's functions and syntok) of ``command`` over ``paths``."""
    profiler = cProfile.Profile()
    with CommandRunner() as run:
        profiler.enable()
        for path in paths:
            run([command, str(path)])
        profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(r"medialit|syntok/segmenter|to_csv", lines)
    return [line for line in text.getvalue().splitlines() if line.strip()][-(lines + 2):]
