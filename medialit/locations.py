"""Where the kit finds articles and their answer keys."""

from __future__ import annotations

import os
from pathlib import Path

from medialit.errors import MediaLitError

SEEDS_ENV = "MEDIALIT_SEEDS_DIR"
KEY_SUFFIX = ".key.csv"
META_SUFFIX = ".meta.json"


def seeds_dirs() -> list[Path]:
    """Return the folders searched for articles given by name, nearest first.

    ``$MEDIALIT_SEEDS_DIR`` if set, then ``seeds/`` in the working folder and in
    up to three parent folders (a lesson runs inside ``notebooks/``).
    """
    found: list[Path] = []
    if os.environ.get(SEEDS_ENV):
        found.append(Path(os.environ[SEEDS_ENV]))
    here = Path.cwd()
    for folder in [here, *list(here.parents)[:3]]:
        if (folder / "seeds").is_dir():
            found.append(folder / "seeds")
    return found


def resolve_article(article: str | Path) -> Path:
    """Return the path of ``article``: a path as given, or ``<seeds>/<name>.txt`` for a bare name.

    Raises:
        MediaLitError: nothing matches; the message lists the articles available.
    """
    path = Path(article)
    if path.exists() or path.suffix or len(path.parts) > 1:
        return path
    for folder in seeds_dirs():
        candidate = folder / f"{article}.txt"
        if candidate.is_file():
            return candidate
    names = sorted({p.name.removesuffix(".txt") for d in seeds_dirs() for p in d.glob("*.txt")})
    available = ", ".join(names) if names else "none found (is there a seeds/ folder?)"
    raise MediaLitError(f"{article}: no such article file or seeds/ name; available: {available}")


def key_path_for(article_path: Path | str) -> Path:
    """Return where the answer key of the article at ``article_path`` lives (``NAME.key.csv`` beside it)."""
    article_path = Path(article_path)
    return article_path.with_name(article_path.name.removesuffix(".txt") + KEY_SUFFIX)


def article_path_for_key(key_path: Path | str) -> Path:
    """Return the article that the key at ``key_path`` belongs to (``NAME.txt`` beside it)."""
    key_path = Path(key_path)
    return key_path.with_name(key_path.name.removesuffix(KEY_SUFFIX) + ".txt")
