"""Measure the draft-key rules against hand labels: the held-out articles, the probe suite, and the tuned-on seeds.

    .venv/bin/python tools/measure_draft.py                  # every set, one table each
    .venv/bin/python tools/measure_draft.py --set probes     # one set
    .venv/bin/python tools/measure_draft.py --set tuning --misses   # also list every disagreement (tuned-on sets only)
    .venv/bin/python tools/measure_draft.py --json           # the figures as JSON

Each article is drafted with the public API ``medialit.draft_key(path)``. Draft rows are aligned to gold rows by
normalised sentence text; a gold sentence with no draft sentence of the same text is a segmentation error and counts
as wrong for every field. A speaker agrees when the normalised draft speaker equals the gold speaker or one of its
``speaker_also`` spellings (strict: no surname matching); a category agrees when it is the gold category or one of
``also_acceptable``; roles and channels must be equal. A probe is drafted as ``context + " " + text`` and only its
last sentence (``text``) is scored.

The held-out files (``tests/data/heldout/``, its probes, and the second, third and fourth held-out sets
``tests/data/heldout2/``, ``tests/data/heldout3/`` and ``tests/data/heldout4/``) are for measuring only: no rule may be tuned on them, and ``--misses`` never lists their disagreements (whoever reads them
spends the set). ``tuning`` (``tests/data/tuning/``) and ``tuned`` (the seeds) are the sets the rules were tuned on.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from medialit.errors import MediaLitError

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "data" / "heldout"
# Articles written to tune the rules on (gold labels in the same format): never the held-out ones.
TUNING = ROOT / "tests" / "data" / "tuning"
SEEDS = ROOT / "seeds"
HELDOUT2 = ROOT / "tests" / "data" / "heldout2"
HELDOUT3 = ROOT / "tests" / "data" / "heldout3"
HELDOUT4 = ROOT / "tests" / "data" / "heldout4"
# The held-out article sets, each a folder of ``NAME.txt`` with ``NAME.gold.csv``, by set name.
HELD_OUT_FOLDERS = {"heldout": HELDOUT, "heldout2": HELDOUT2, "heldout3": HELDOUT3, "heldout4": HELDOUT4}
SETS = (*HELD_OUT_FOLDERS, "probes", "tuned", "tuning")
# Sets no rule may be tuned on: their misses are never listed (reading them would spend the set).
HELD_OUT_SETS = (*HELD_OUT_FOLDERS, "probes")
FIELDS = ("speaker", "speaker_named", "role", "channel", "category")
FIELD_LABELS = {
    "speaker": "speakers (all sentences)",
    "speaker_named": "speakers (gold speaker not empty)",
    "role": "roles",
    "channel": "channels",
    "category": "categories",
}
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "`": "'"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Gold:
    """One hand-labelled sentence. ``role`` and ``channel`` are None where the set does not label them (probes)."""

    item: str
    sentence_id: str
    text: str
    speaker: str
    speaker_also: tuple[str, ...]
    role: str | None
    channel: str | None
    category: str
    also_acceptable: tuple[str, ...]


@dataclass(frozen=True)
class Drafted:
    """The draft's labels for one sentence."""

    text: str
    speaker: str
    role: str
    channel: str
    category: str


@dataclass(frozen=True)
class Verdict:
    """One gold sentence with the draft row aligned to it (None: segmentation error) and each field's agreement."""

    gold: Gold
    draft: Drafted | None
    agrees: dict[str, bool | None]


def normalise_text(text: str) -> str:
    """Return ``text`` with curly and angle quotes made straight and every run of white space one space, trimmed."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


def normalise_speaker(speaker: str) -> str:
    """Return ``speaker`` case-folded, apostrophes and spaces normalised and a leading "the " dropped."""
    name = normalise_text(speaker).casefold().strip(" .,;:")
    return name.removeprefix("the ")


def split_list(value: str) -> tuple[str, ...]:
    """Return the non-empty, trimmed items of a ``;``-separated cell."""
    return tuple(item.strip() for item in (value or "").split(";") if item.strip())


def speaker_agrees(gold: Gold, draft: str) -> bool:
    """Return whether the draft speaker is the gold speaker or one of its other accepted spellings."""
    accepted = {normalise_speaker(name) for name in (gold.speaker, *gold.speaker_also)}
    return normalise_speaker(draft) in accepted


def category_agrees(gold: Gold, draft: str) -> bool:
    """Return whether the draft category is the gold category or one of its accepted alternatives."""
    return draft.strip() in {gold.category, *gold.also_acceptable}


def judge(gold: Gold, draft: Drafted | None) -> Verdict:
    """Return the verdict on one gold sentence: every field wrong without a draft row, None where gold has no label."""
    agrees: dict[str, bool | None] = {
        "speaker": draft is not None and speaker_agrees(gold, draft.speaker),
        "speaker_named": None,
        "role": None if gold.role is None else draft is not None and draft.role.strip() == gold.role,
        "channel": None if gold.channel is None else draft is not None and draft.channel.strip() == gold.channel,
        "category": draft is not None and category_agrees(gold, draft.category),
    }
    if gold.speaker:
        agrees["speaker_named"] = agrees["speaker"]
    return Verdict(gold, draft, agrees)


def align(gold: Sequence[Gold], draft: Sequence[Drafted]) -> list[Drafted | None]:
    """Return, for each gold row in order, the first unused draft row with the same normalised text (or None)."""
    waiting: dict[str, list[Drafted]] = {}
    for row in draft:
        waiting.setdefault(normalise_text(row.text), []).append(row)
    aligned: list[Drafted | None] = []
    for row in gold:
        queue = waiting.get(normalise_text(row.text), [])
        aligned.append(queue.pop(0) if queue else None)
    return aligned


def tally(verdicts: Iterable[Verdict]) -> dict[str, object]:
    """Return per field ``{"agree", "total", "percent"}`` (unlabelled fields left out) and the segmentation errors."""
    verdicts = list(verdicts)
    result: dict[str, object] = {"sentences": len(verdicts)}
    for field in FIELDS:
        marks = [verdict.agrees[field] for verdict in verdicts if verdict.agrees[field] is not None]
        if marks:
            agree = sum(marks)
            result[field] = {"agree": agree, "total": len(marks), "percent": round(100 * agree / len(marks), 1)}
    result["segmentation_errors"] = sum(verdict.draft is None for verdict in verdicts)
    return result


def by_item(verdicts: Iterable[Verdict]) -> dict[str, dict[str, object]]:
    """Return ``tally`` of each article (or probe) separately, in first-seen order."""
    groups: dict[str, list[Verdict]] = {}
    for verdict in verdicts:
        groups.setdefault(verdict.gold.item, []).append(verdict)
    return {item: tally(group) for item, group in groups.items()}


def item_table(items: dict[str, dict[str, object]]) -> str:
    """Return a markdown table of each item's sentence count and speaker and category agreement."""
    lines = ["| article | sentences | speakers | categories |", "| --- | --- | --- | --- |"]
    for item, figures in items.items():
        speaker, category = figures["speaker"], figures["category"]
        lines.append(f"| {item} | {figures['sentences']} | {speaker['agree']} ({speaker['percent']}%) "
                     f"| {category['agree']} ({category['percent']}%) |")
    return "\n".join(lines)


def misses(verdicts: Iterable[Verdict]) -> list[dict[str, str]]:
    """Return one record per disagreeing field: item, sentence id, field, gold label and draft label."""
    found = []
    for verdict in verdicts:
        for field, agree in verdict.agrees.items():
            if agree is False and field != "speaker_named":
                gold_value = getattr(verdict.gold, field)
                draft = verdict.draft
                draft_value = "(no such sentence in the draft)" if draft is None else getattr(draft, field)
                found.append({"item": verdict.gold.item, "sentence_id": verdict.gold.sentence_id, "field": field,
                              "gold": gold_value, "draft": draft_value, "text": verdict.gold.text})
    return found


def read_gold(path: Path, item: str) -> list[Gold]:
    """Return the rows of a held-out ``NAME.gold.csv`` (or a seed's ``.key.csv``: no speaker_also, same fields)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Gold(item, row["sentence_id"], row["text"], row["speaker"].strip(), split_list(row.get("speaker_also", "")),
                 row["speaker_role"].strip(), row["channel"].strip(), row["category"].strip(),
                 split_list(row["also_acceptable"]))
            for row in csv.DictReader(handle)
        ]


def read_probes(path: Path) -> list[tuple[str, Gold]]:
    """Return each probe of ``probes.csv`` as (context, gold row of its scored sentence)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (row["context"].strip(), Gold(row["probe_id"], row["probe_id"], row["text"], row["speaker"].strip(),
                                          split_list(row["speaker_also"]), None, None, row["category"].strip(),
                                          split_list(row["also_acceptable"])))
            for row in csv.DictReader(handle)
        ]


def draft_rows(path: Path) -> list[Drafted]:
    """Return the draft of the article at ``path``, through the public ``medialit.draft_key``. Nothing is written."""
    import medialit

    table = medialit.draft_key(path)
    return [Drafted(row.text, row.speaker, row.speaker_role, row.channel, row.category) for row in table.itertuples()]


def article_items(folder: Path, gold_suffix: str) -> list[tuple[Path, Path]]:
    """Return (article, gold file) for every ``*.txt`` in ``folder`` that has a ``gold_suffix`` file beside it."""
    pairs = []
    for text in sorted(folder.glob("*.txt")):
        gold = text.with_name(text.name.removesuffix(".txt") + gold_suffix)
        if gold.exists():
            pairs.append((text, gold))
    return pairs


def measure_articles(pairs: Sequence[tuple[Path, Path]], drafter: Callable[[Path], list[Drafted]]) -> list[Verdict]:
    """Return the verdicts on every gold sentence of every (article, gold file) pair, drafted with ``drafter``."""
    verdicts = []
    for text, gold_path in pairs:
        gold = read_gold(gold_path, text.name.removesuffix(".txt"))
        for row, draft in zip(gold, align(gold, drafter(text))):
            verdicts.append(judge(row, draft))
    return verdicts


def measure_probes(probes: Sequence[tuple[str, Gold]], drafter: Callable[[Path], list[Drafted]]) -> list[Verdict]:
    """Return one verdict per probe: ``context + " " + text`` is drafted from a temporary file, ``text`` is scored.

    The last draft row whose text is the probe's ``text`` is the one scored; none is a segmentation error.
    Writes only inside a temporary folder, removed afterwards.
    """
    verdicts = []
    with tempfile.TemporaryDirectory(prefix="medialit-probes-") as folder:
        for context, gold in probes:
            path = Path(folder) / f"{gold.item}.txt"
            path.write_text(f"{context} {gold.text}".strip() + "\n", encoding="utf-8")
            draft = [row for row in drafter(path) if normalise_text(row.text) == normalise_text(gold.text)]
            verdicts.append(judge(gold, draft[-1] if draft else None))
    return verdicts


def measure(name: str, drafter: Callable[[Path], list[Drafted]] = draft_rows) -> list[Verdict]:
    """Return the verdicts of one set: a held-out article set (``heldout``, ``heldout2``, ``heldout3``, ``heldout4``),
    ``probes``, ``tuned`` (the seeds the rules were tuned on) or ``tuning``."""
    if name in HELD_OUT_FOLDERS:
        return measure_articles(article_items(HELD_OUT_FOLDERS[name], ".gold.csv"), drafter)
    if name == "probes":
        return measure_probes(read_probes(HELDOUT / "probes.csv"), drafter)
    if name == "tuned":
        return measure_articles(article_items(SEEDS, ".key.csv"), drafter)
    if name == "tuning":
        return measure_articles(article_items(TUNING, ".gold.csv"), drafter)
    raise ValueError(f"unknown set {name!r}: choose one of {', '.join(SETS)}")


def table(name: str, figures: dict[str, object]) -> str:
    """Return one set's figures as a markdown table (a line per field), headed by its name and sentence count."""
    lines = [f"### {name}: {figures['sentences']} sentences, {figures['segmentation_errors']} segmentation errors",
             "", "| field | agree | of | % |", "| --- | --- | --- | --- |"]
    for field in FIELDS:
        if field in figures:
            cell = figures[field]
            lines.append(f"| {FIELD_LABELS[field]} | {cell['agree']} | {cell['total']} | {cell['percent']} |")
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Return the parsed command line."""
    parser = argparse.ArgumentParser(description="Measure the draft-key rules against hand-labelled sentences.")
    parser.add_argument("--set", choices=SETS, action="append", help="a set to measure (repeatable; default: all)")
    parser.add_argument("--json", action="store_true", help="print the figures (and misses) as JSON")
    parser.add_argument("--misses", action="store_true", help="also list every disagreement")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure the chosen sets and print the figures; return 0, or 1 after a one-line error when a file the rules read
    (a word list, an article) is broken.

    A held-out set gets its totals only: no misses and no per-article figures, which would show where it is weak."""
    args = parse_args(argv)
    report: dict[str, dict[str, object]] = {}
    for name in args.set or SETS:
        try:
            verdicts = measure(name)
        except MediaLitError as problem:
            print(f"measure_draft: {problem}", file=sys.stderr)
            return 1
        report[name] = {"figures": tally(verdicts)}
        if name not in HELD_OUT_SETS:
            report[name]["by_article"] = by_item(verdicts)
        if args.misses and name not in HELD_OUT_SETS:
            report[name]["misses"] = misses(verdicts)
        elif args.misses:
            print(f"{name}: a held-out set; its misses are not listed (reading them would spend it)", file=sys.stderr)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    for name, result in report.items():
        print(table(name, result["figures"]) + "\n")
        if "by_article" in result:
            print(item_table(result["by_article"]) + "\n")
        for miss in result.get("misses", []):
            print(f"  {miss['item']} {miss['sentence_id']} {miss['field']}: gold {miss['gold']!r}, "
                  f"draft {miss['draft']!r} | {miss['text'][:90]}")
        if result.get("misses"):
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
