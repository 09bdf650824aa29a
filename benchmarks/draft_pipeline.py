"""Draft speed: how many distinct article-sized texts per CPU-second the ``draft`` pipeline handles on one core.

Each text goes through what ``python -m medialit draft`` runs after reading the file: sentence segmentation
(``medialit.text.article.split_sentences``, syntok), then the rules (``draft_rows``), then the key file's CSV
text. Segmentation is also timed alone. Texts are the kit's own articles (the seeds and the test articles) made
distinct by ``benchmarks.variants``; nothing is cached between texts except what is compiled once per process
(regular expressions, the packaged outlet list). Each source article is drafted once, untimed, before the variants,
so that every rule's regular expression is compiled before timing starts; that warm-up's CPU time is reported
apart (``warm_up_cpu_seconds``). Times are CPU time of this one process (``time.process_time``),
so other work on the machine disturbs them less than wall-clock time; both are reported. It judges nothing:
``draft``'s budget is judged in the throughput section.
"""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.variants import labelled_variants, source_articles

DEFAULT_TEXTS = 400


def drafting_functions() -> tuple[Callable[..., Any], Callable[..., str], Any]:
    """Return the kit's ``draft_rows``, ``rows_csv`` and the packaged outlet list."""
    from medialit.draft.drafter import draft_rows
    from medialit.keys.write import rows_csv
    from medialit.text.outlets import load_outlets
    return draft_rows, rows_csv, load_outlets()


def time_texts(texts: list[tuple[str, str]], warm_ups: list[str] | None = None) -> dict[str, Any]:
    """Draft each of ``warm_ups`` (default: the first text) untimed, then each ``(base name, text)``; return CPU and
    wall seconds, the warm-up's CPU seconds and each text's times.

    The warm-up pays what a process does once (importing, compiling each rule's regular expression on its first
    use), so that the timed texts measure drafting alone. ``times`` holds ``(base name, segmentation seconds,
    whole-pipeline seconds)`` per text, in CPU time.
    """
    from medialit.text.article import Article, split_sentences

    draft_rows, rows_csv, outlets = drafting_functions()
    warm_start = time.process_time()
    for number, warm_up in enumerate(warm_ups if warm_ups is not None else [texts[0][1]]):
        rows_csv(draft_rows(Article(f"warm-up-{number}", Path("warm-up.txt"), warm_up, split_sentences(warm_up)), outlets))
    warm_up_cpu = time.process_time() - warm_start
    times: list[tuple[str, float, float]] = []
    wall_start, cpu_start = time.perf_counter(), time.process_time()
    for base, text in texts:
        start = time.process_time()
        sentences = split_sentences(text)
        middle = time.process_time()
        rows_csv(draft_rows(Article(base, Path(f"{base}.txt"), text, sentences), outlets))
        times.append((base, middle - start, time.process_time() - start))
    return {"wall": time.perf_counter() - wall_start, "cpu": time.process_time() - cpu_start, "times": times,
            "warm_up_cpu": warm_up_cpu}


def per_article(times: list[tuple[str, float, float]], words: dict[str, int]) -> dict[str, dict[str, float]]:
    """Return, for each base article in the order of ``words``, its words and median milliseconds (whole and segmentation)."""
    figures = {}
    for base, count in words.items():
        whole = [total for name, _, total in times if name == base]
        segmentation = [seconds for name, seconds, _ in times if name == base]
        if whole:
            figures[base] = {
                "words": count,
                "ms_median": statistics.median(whole) * 1000,
                "segmentation_ms_median": statistics.median(segmentation) * 1000,
                "texts_per_second": len(whole) / sum(whole),
            }
    return figures


def measure_draft_pipeline(count: int = DEFAULT_TEXTS) -> dict[str, Any]:
    """Return throughput figures for ``count`` distinct texts: the whole draft, segmentation alone, per base article."""
    from medialit.text.article import count_words

    articles = source_articles()
    labelled = labelled_variants([text for _, text in articles], count)
    texts = [(articles[source][0], text) for source, text in labelled]
    timed = time_texts(texts, warm_ups=[text for _, text in articles])
    return {
        "texts": count,
        "cpu_seconds": timed["cpu"],
        "warm_up_texts": len(articles),
        "warm_up_cpu_seconds": timed["warm_up_cpu"],
        "wall_seconds": timed["wall"],
        "texts_per_second": count / timed["cpu"],
        "texts_per_wall_second": count / timed["wall"],
        "mean_words": statistics.mean(count_words(text) for _, text in texts),
        "segmentation_ms_mean": statistics.mean(seconds for _, seconds, _ in timed["times"]) * 1000,
        "per_article": per_article(timed["times"], {name: count_words(text) for name, text in articles}),
        "machine": f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, {platform.system()}",
    }
