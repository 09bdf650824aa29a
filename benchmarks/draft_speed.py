"""How many distinct article-sized texts per second does ``draft`` handle on one core?

    python benchmarks/draft_speed.py            # 400 texts, prints a table
    python benchmarks/draft_speed.py --texts 1000 --json out.json

The texts are made distinct from the kit's own articles (the seed, the practice article
and the six test articles): paragraphs after the first are shuffled and some names are
changed (a suffix added to every occurrence of a few capitalised words), so no two texts
are the same and nothing can be reused between them. Each text goes through the whole
pipeline that ``python -m medialit draft`` runs after reading the file: sentence
segmentation (syntok), then the rules, then the key file's CSV text. Nothing is cached between
texts except what is compiled once per process (regular expressions, the packaged outlet
list). Times are CPU time of this one process (``time.process_time``), so other work on
the machine disturbs them less than wall-clock time; both are reported. The script
measures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from medialit.text.article import Article, count_words, paragraph_spans, split_sentences  # noqa: E402
from medialit.draft.drafter import draft_rows, rows_csv  # noqa: E402
from medialit.text.outlets import load_outlets  # noqa: E402

BASE_ARTICLES = [
    REPO / "seeds" / "lavrov-pompeo-sochi-2019.txt",
    REPO / "seeds" / "practice-harbour-talks.txt",
    *sorted((REPO / "tests" / "data" / "articles").glob("*.txt")),
]
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{4,}\b")


def variant(content: str, number: int) -> str:
    """Return a distinct variant of ``content``: later paragraphs shuffled, a few names changed everywhere."""
    rng = random.Random(number)
    paragraphs = [content[start:end] for start, end in paragraph_spans(content)]
    head, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)
    text = "\n".join(head + rest)
    words = sorted(set(_CAPITALISED.findall(text)))
    for word in rng.sample(words, k=min(3, len(words))):
        text = re.sub(rf"\b{word}\b", f"{word}{'aeiou'[number % 5]}{number}", text)
    return text


def make_texts(count: int) -> list[tuple[str, str]]:
    """Return ``count`` distinct ``(base name, text)`` pairs, cycling through the base articles."""
    bases = [(path.stem, path.read_text(encoding="utf-8")) for path in BASE_ARTICLES]
    texts = [(bases[i % len(bases)][0], variant(bases[i % len(bases)][1], i)) for i in range(count)]
    if len({text for _, text in texts}) != count:
        raise SystemExit("the generated texts are not all distinct")
    return texts


def measure(count: int = 400) -> dict[str, object]:
    """Return throughput figures for ``count`` distinct texts: the whole draft, and segmentation alone."""
    outlets = load_outlets()
    texts = make_texts(count)
    rows_csv(draft_rows(Article("warm-up", Path("warm-up.txt"), texts[0][1], split_sentences(texts[0][1])), outlets))
    per_base: dict[str, list[float]] = {}
    seg_by_base: dict[str, list[float]] = {}
    seg_times: list[float] = []
    wall_start, cpu_start = time.perf_counter(), time.process_time()
    for base, text in texts:
        start = time.process_time()
        sentences = split_sentences(text)
        middle = time.process_time()
        rows_csv(draft_rows(Article(base, Path(f"{base}.txt"), text, sentences), outlets))
        end = time.process_time()
        seg_times.append(middle - start)
        seg_by_base.setdefault(base, []).append(middle - start)
        per_base.setdefault(base, []).append(end - start)
    wall, cpu = time.perf_counter() - wall_start, time.process_time() - cpu_start
    words = {base: count_words(text) for base, text in texts[: len(BASE_ARTICLES)]}
    return {
        "texts": count,
        "cpu_seconds": cpu,
        "wall_seconds": wall,
        "texts_per_second": count / cpu,
        "texts_per_wall_second": count / wall,
        "mean_words": statistics.mean(count_words(text) for _, text in texts),
        "segmentation_ms_mean": statistics.mean(seg_times) * 1000,
        "per_article": {
            base: {
                "words": words[base],
                "ms_median": statistics.median(times) * 1000,
                "segmentation_ms_median": statistics.median(seg_by_base[base]) * 1000,
                "texts_per_second": len(times) / sum(times),
            }
            for base, times in per_base.items()
        },
        "machine": f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, {platform.system()}",
    }


def main(argv: list[str] | None = None) -> int:
    """Run the measurement, print a table and optionally write JSON; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=400, help="how many distinct texts (default 400)")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    result = measure(args.texts)
    print(f"draft throughput: {result['texts_per_second']:.0f} texts per CPU second on one core "
          f"({result['texts_per_wall_second']:.0f} per wall-clock second) over {result['texts']} distinct texts, "
          f"mean {result['mean_words']:.0f} words; segmentation alone {result['segmentation_ms_mean']:.2f} ms a text")
    print(f"{'base article':<32}{'words':>7}{'ms/text':>9}{'of which segmentation':>23}{'texts/s':>9}")
    for base, figures in result["per_article"].items():  # type: ignore[union-attr]
        print(f"{base:<32}{figures['words']:>7}{figures['ms_median']:>9.2f}{figures['segmentation_ms_median']:>23.2f}"
              f"{figures['texts_per_second']:>9.0f}")
    print("(CPU time of one process; ms/text = segmentation + rules + CSV text, median)")
    print(result["machine"])
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
