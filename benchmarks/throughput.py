"""``sentences``, ``draft`` and ``grade`` in-process through ``medialit.cli.main.main``, per second of CPU time.

Two sets of distinct texts: ``mixed`` (seeds and test articles, most of them short) and ``article`` (seeds only:
article-sized). ``draft``'s budget (issue 6) is judged on the article-sized set, by CPU time ("on one core").
``grade`` runs on distinct submissions written with ``medialit.exercises.submission``.
"""

from __future__ import annotations

import contextlib
import logging
import random
import time
from pathlib import Path
from typing import Any

from benchmarks import REPO, SEED, budgets
from benchmarks.commands import CommandRunner, command_names, profile_command, rate_over_files
from benchmarks.grade_memory import measure_grade_memory
from benchmarks.stats import median
from benchmarks.system import module_exists
from benchmarks.variants import make_variants, source_texts, write_texts

LOG = logging.getLogger(__name__)
CLASSIFY_EXERCISE = "07_classify_the_article"  # the registry's exercise whose submissions ``grade`` is timed on


def write_submissions(folder: Path, count: int) -> int:
    """Write ``count`` distinct submissions of lesson 07's exercise (every sentence's category, on the seed) into ``folder``.

    Returns how many were written. The exercise's id and field come from the exercise registry.
    """
    from medialit.exercises.registry import exercise
    from medialit.exercises.submission import build_submission, write_submission
    from medialit.keys.key import load_article_key
    from medialit.vocabulary import CATEGORIES

    lesson = exercise(CLASSIFY_EXERCISE)
    with contextlib.chdir(REPO):
        key = load_article_key(SEED)
    rng = random.Random(5)
    sentence_ids = list(key.table.index)
    for number in range(count):
        answers = {sid: rng.choice(CATEGORIES) for sid in sentence_ids if rng.random() < 0.95}
        submission = build_submission(
            student=f"Student {number:04d}", exercise_id=lesson.answers_file_id(SEED), key_sha256=key.sha256, answers=answers,
            field=lesson.field, article=SEED, reflection=f"Reflection number {number}.",
        )
        write_submission(submission, folder)
    return count


def measure_draft(paths: dict[str, list[Path]]) -> dict[str, Any]:
    """Return ``draft``'s rates on each set of ``paths``, judged on the article-sized set (with a profile if it misses)."""
    if "draft" not in command_names() or not module_exists("medialit.draft.drafter"):
        return {"available": False}
    LOG.info(f"throughput: draft on 2 x {len(paths['article'])} distinct texts")
    results: dict[str, Any] = {"available": True, **{name: rate_over_files("draft", files) for name, files in paths.items()}}
    article = results["article"]
    results["ok"] = budgets.met("draft_per_s", article["per_cpu_second"]) and not article["failures"]
    if not results["ok"]:
        results["profile"] = profile_command("draft", paths["article"][:50])
    return results


def measure_grade(count: int, scratch: Path) -> dict[str, Any]:
    """Return ``grade``'s rate on ``count`` distinct submissions (after one warm-up grading of the same folder)."""
    submissions = scratch / "submissions"
    submissions.mkdir()
    write_submissions(submissions, count)
    out = scratch / "grades"
    LOG.info(f"throughput: grade on {count} submissions")
    with CommandRunner() as run:
        run(["grade", str(submissions), "--out", str(scratch / "grades-warmup")])
        start, cpu_start = time.perf_counter(), time.process_time()
        code = run(["grade", str(submissions), "--out", str(out)])
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    graded = None
    grades = out / "grades.csv"
    if grades.is_file():
        graded = max(0, len(grades.read_text(encoding="utf-8").strip().splitlines()) - 1)
    return {
        "available": True, "inputs": count, "seconds": seconds, "per_second": count / seconds, "per_cpu_second": count / cpu,
        "exit_code": code, "graded": graded,
    }


def measure_throughput(count: int, scratch: Path) -> dict[str, Any]:
    """Measure ``sentences``, ``draft`` and ``grade`` in-process on ``count`` distinct inputs each; also grading's memory."""
    from medialit.text.article import count_words

    sets = {
        "mixed": make_variants(source_texts(), count),
        "article": make_variants(source_texts(seeds_only=True), count),
    }
    paths = {name: write_texts(texts, scratch / f"articles-{name}") for name, texts in sets.items()}
    results: dict[str, Any] = {"median_words": {name: median(count_words(text) for text in texts) for name, texts in sets.items()}}
    LOG.info(f"throughput: sentences on 2 x {count} distinct texts")
    results["sentences"] = {name: rate_over_files("sentences", files) for name, files in paths.items()}
    results["draft"] = measure_draft(paths)
    if "grade" in command_names() and module_exists("medialit.teacher.grading"):
        results["grade"] = measure_grade(count, scratch)
        results["grade_memory"] = measure_grade_memory(scratch)
    else:
        results["grade"] = {"available": False}
    return results
