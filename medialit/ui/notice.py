"""The banner a lesson cell shows for an invented practice article (``medialit.text.practice`` writes its HTML)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from medialit.text.article import Article
from medialit.text.practice import notice_html


def practice_notice(article: str | Path | Article) -> Any:
    """Return a display object with the banner for an invented article, or None (a lesson cell then shows nothing)."""
    banner = notice_html(article)
    if not banner:
        return None
    from IPython.display import HTML

    return HTML(banner)
