"""medialit: a media-literacy teaching kit built around one news article.

The public functions are imported on first use, so ``import medialit`` is
cheap and has no side effects.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_PUBLIC = {
    "MediaLitError": "medialit.errors",
    "Article": "medialit.text.article",
    "load_article": "medialit.text.article",
    "read_article": "medialit.text.article",
    "count_words": "medialit.text.article",
    "classify": "medialit.ui.widgets",
    "draft_key": "medialit.draft.drafter",
    "review_draft": "medialit.ui.review",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> Any:
    """Return the public object ``name``, importing its module the first time it is asked for."""
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'medialit' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    """Return the public names, for tab completion."""
    return sorted(__all__)
