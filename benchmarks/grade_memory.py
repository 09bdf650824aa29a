"""Memory: the peak RSS of ``python -m medialit grade`` on 500 submissions of about 1 MB, in a fresh process (issue 13)."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks import MB, REPO, SEED, budgets
from benchmarks.system import module_exists

LOG = logging.getLogger(__name__)
LARGE_SUBMISSIONS = 500  # issue 13's memory case: this many files of about 1 MB each
# Runs ``python -m medialit ARGS`` and reports its own peak RSS (KiB), CPU seconds and exit code on stderr.
# The peak is ``VmHWM`` of the process's own memory since ``exec``: ``getrusage``'s ``ru_maxrss`` would also count
# the benchmark process it was forked from (on Linux it keeps the parent's peak across the fork and exec).
PEAK_WRAPPER = (
    "import resource, runpy, sys\n"
    "sys.argv = ['medialit', *sys.argv[1:]]\n"
    "code = 0\n"
    "try:\n    runpy.run_module('medialit', run_name='__main__')\n"
    "except SystemExit as done:\n    code = done.code\n"
    "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
    "with open('/proc/self/status', encoding='ascii') as status:\n"
    "    peak = next(int(line.split()[1]) for line in status if line.startswith('VmHWM:'))\n"
    "print(f'PEAK {peak} CPU {usage.ru_utime + usage.ru_stime} EXIT {code}', file=sys.stderr)\n"
)
# The registry's exercises whose submissions get big: written answers, a figure, a classify lesson with a reflection.
WRITTEN_EXERCISE, FIGURE_EXERCISE, CLASSIFY_EXERCISE = "04_framing_and_evidence", "03_draw_the_voice_map", "07_classify_the_article"
_BAR = {"label": "x", "value": 1.0, "x": 0.0, "y": 0.0, "width": 1.0, "height": 1.0, "color": "#000000", "hatch": ""}


def large_submission(number: int, key: Any) -> Any:
    """Return submission ``number`` of about 1 MB: long written answers, a figure of 4,800 bars, or a long reflection.

    The three exercises (written, figure, lesson 07's classify) and their ids, questions and field come from the
    exercise registry.
    """
    from medialit.exercises.registry import exercise
    from medialit.exercises.submission import build_submission

    words = f"student {number} writes a long answer about who speaks in the article " * 14_000
    common = {"student": f"Large {number:04d}", "key_sha256": key.sha256, "answers": {}, "article": SEED}
    if number % 3 == 0:
        written = exercise(WRITTEN_EXERCISE)
        answers = {question: words[: 320_000 - 7 * n] for n, question in enumerate(written.fields, start=1)}
        extra = {"mode": "practice", "written": answers}
        return build_submission(exercise_id=written.answers_file_id(SEED), field="", extra=extra, **common)
    if number % 3 == 1:
        bars = [dict(_BAR, label=f"speaker {number} {index}", x=float(index)) for index in range(4_800)]
        figure = {"axes": [{"title": "", "xlabel": "", "ylabel": "", "legend": [], "bars": bars}]}
        extra = {"mode": "practice", "figure": figure, "labels_source": "key"}
        return build_submission(exercise_id=exercise(FIGURE_EXERCISE).answers_file_id(SEED), field="", extra=extra, **common)
    lesson = exercise(CLASSIFY_EXERCISE)
    answers = {sid: "reporting" for sid in key.sentence_ids}
    return build_submission(
        exercise_id=lesson.answers_file_id(SEED), field=lesson.field, reflection=words[:950_000], **{**common, "answers": answers}
    )


def write_large_submissions(folder: Path, count: int) -> int:
    """Write ``count`` distinct valid submissions of about 1 MB each into ``folder``; return their total bytes.

    A third hold three long written answers, a third a figure with thousands of bars,
    a third a lesson-07 answer set with a long reflection: the three ways a file gets big.
    """
    from medialit.exercises.submission import write_submission
    from medialit.keys.key import load_article_key

    key = load_article_key(REPO / "seeds" / f"{SEED}.txt")
    folder.mkdir(parents=True, exist_ok=True)
    return sum(write_submission(large_submission(number, key), folder).stat().st_size for number in range(count))


def grade_peak(folder: Path, out: Path) -> tuple[float, float, str]:
    """Grade ``folder`` into ``out`` in a fresh ``python -m medialit`` process; return its peak MB, CPU seconds and exit code."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK_WRAPPER, "grade", str(folder), "--out", str(out)],
        capture_output=True, text=True, cwd=REPO, check=False,
    )
    fields = done.stderr.strip().splitlines()[-1].split()
    return int(fields[1]) / 1024, float(fields[3]), fields[5]


def measure_grade_memory(scratch: Path, count: int = LARGE_SUBMISSIONS) -> dict[str, Any]:
    """Grade ``count`` submissions of about 1 MB in a fresh process; return its peak RSS (MB), CPU seconds, exit code.

    Also grades one small file the same way, for the process's floor (Python, pandas, the key).
    """
    if not module_exists("medialit.teacher.grading") or sys.platform != "linux":
        return {"available": False}
    large = scratch / "large-submissions"
    LOG.info(f"grade memory: writing {count} submissions of about 1 MB")
    total = write_large_submissions(large, count)
    small = scratch / "one-submission"
    write_large_submissions(small, 1)
    LOG.info("grade memory: grading them in a fresh process")
    peak_mb, cpu, code = grade_peak(large, scratch / f"out-{large.name}")
    floor_mb, _, _ = grade_peak(small, scratch / f"out-{small.name}")
    shutil.rmtree(large, ignore_errors=True)
    return {
        "available": True, "files": count, "mb": total / MB, "peak_mb": peak_mb, "floor_mb": floor_mb, "cpu_s": cpu,
        "exit": code, "ok": budgets.met("grade_memory_mb", peak_mb),
    }
