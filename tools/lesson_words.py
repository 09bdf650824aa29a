"""Print each lesson's reading load (prose words against its budget) as a markdown table for the teacher guide.

    python tools/lesson_words.py            # the table
    python tools/lesson_words.py --check    # exit 1 if a lesson is over its budget or has no stated time

The count and the budget are defined in ``medialit.lessons.course`` (``prose_words``, ``reading_budget``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medialit.lessons.course import READING_SHARE, READING_WORDS_PER_MINUTE, reading_load

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def table(folder: Path = NOTEBOOKS) -> tuple[str, list[str]]:
    """Return the markdown table of every numbered lesson in ``folder`` and the lessons over budget."""
    rows = ["| lesson | minutes | words of prose | budget | within |", "| --- | --- | --- | --- | --- |"]
    over = []
    for path in sorted(folder.glob("[0-9][0-9]*_*.ipynb")):
        load = reading_load(path)
        if not load["within"]:
            over.append(load["lesson"])
        mark = "✔ yes" if load["within"] else "✘ no"
        rows.append(f"| {load['lesson']} | {load['minutes']} | {load['words']} | {load['budget']} | {mark} |")
    rows.append(f"\nBudget = minutes × {READING_WORDS_PER_MINUTE} words a minute × {READING_SHARE:.0%} of the time.")
    return "\n".join(rows), over


def main(argv: list[str] | None = None) -> int:
    """Print the table; with ``--check`` return 1 when a lesson is over budget."""
    parser = argparse.ArgumentParser(description="Words of lesson prose against each lesson's reading budget.")
    parser.add_argument("--check", action="store_true", help="exit 1 if a lesson is over its budget")
    args = parser.parse_args(argv)
    text, over = table()
    print(text)
    if args.check and over:
        print(f"over budget: {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
