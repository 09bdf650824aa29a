"""Distinct input texts made from the kit's own articles, so that no measurement can be served from a cache.

A variant takes one source text, shuffles its paragraphs (as ``medialit.text.article.paragraph_spans`` finds
them) and swaps two of the names it contains, every occurrence. The same ``seed`` gives the same variants.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path

from benchmarks import REPO

# Capitalised words that are titles, places of office or calendar words, not names to swap. This is the
# generator's own filter (a swap of two such words would still be distinct), not the kit's vocabulary.
_NOT_NAMES = frozenset(
    "Minister Foreign Secretary State President Prime Ministry Department Office Agency News Press Science "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December The This That These Those They There Their Its His Her He "
    "She We It In On At As But And For After Before When While Russian American Chinese Iranian Turkish".split()
)
_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b")


def source_articles(seeds_only: bool = False) -> list[tuple[str, str]]:
    """Return ``(name, text)`` of the seed articles and (unless ``seeds_only``) of the test articles, sorted by path.

    Texts are read as the kit reads an article (``medialit.text.textfile.read_text``: BOM removed, newlines ``\\n``).
    """
    from medialit.text.textfile import read_text

    paths = sorted((REPO / "seeds").glob("*.txt"))
    if not seeds_only:
        paths += sorted((REPO / "tests" / "data" / "articles").glob("*.txt"))
    return [(path.stem, read_text(path)) for path in paths]


def source_texts(seeds_only: bool = False) -> list[str]:
    """Return the texts of ``source_articles(seeds_only)``."""
    return [text for _, text in source_articles(seeds_only)]


def paragraphs(text: str) -> list[str]:
    """Return the paragraphs of ``text`` as the kit splits them (``medialit.text.article.paragraph_spans``)."""
    from medialit.text.article import paragraph_spans

    return [text[start:end] for start, end in paragraph_spans(text)]


def swap_two_names(text: str, rng: random.Random) -> str:
    """Return ``text`` with two of its names (chosen by ``rng``) swapped everywhere; unchanged if it has fewer than two."""
    names = sorted({name for name in _NAME.findall(text) if name not in _NOT_NAMES})
    if len(names) < 2:
        return text
    first, second = rng.sample(names, 2)
    swap = {first: second, second: first}
    return re.sub(rf"\b({re.escape(first)}|{re.escape(second)})\b", lambda match: swap[match.group(1)], text)


def labelled_variants(texts: Sequence[str], count: int, seed: int = 7) -> list[tuple[int, str]]:
    """Return ``count`` distinct variants of ``texts`` as ``(index of the source text, variant)``, deterministic for ``seed``.

    The source texts are taken in turn; each variant's paragraphs are shuffled and two
    of its names swapped, and it is kept only if no earlier variant is the same.
    Paragraphs are joined by blank lines.

    Raises:
        ValueError: ``texts`` is empty, or not enough distinct variants could be made.
    """
    if not texts:
        raise ValueError("no source texts to make variants from")
    rng = random.Random(seed)
    variants: list[tuple[int, str]] = []
    seen: set[str] = set()
    attempts = 0
    while len(variants) < count:
        attempts += 1
        if attempts > count * 50:
            raise ValueError(f"could make only {len(variants)} distinct variants of {count}")
        source = attempts % len(texts)
        shuffled = paragraphs(texts[source])
        rng.shuffle(shuffled)
        text = swap_two_names("\n\n".join(shuffled), rng)
        if text not in seen:
            seen.add(text)
            variants.append((source, text))
    return variants


def make_variants(texts: Sequence[str], count: int, seed: int = 7) -> list[str]:
    """Return the texts of ``labelled_variants(texts, count, seed)``.

    Raises:
        ValueError: as ``labelled_variants``.
    """
    return [text for _, text in labelled_variants(texts, count, seed)]


def write_texts(texts: Sequence[str], folder: Path) -> list[Path]:
    """Write each of ``texts`` to its own file in ``folder`` (created); return the paths."""
    folder.mkdir(parents=True)
    paths = []
    for number, text in enumerate(texts):
        path = folder / f"variant-{number:04d}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(path)
    return paths
