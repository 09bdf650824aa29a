"""Invented practice articles: one place that says so, so every view of such an article shows the same banner.

An article is invented when its ``NAME.meta.json`` has ``"invented": true`` (or the older ``"not_real_news": true``).
``invented_notice`` gives the line to show ("Invented for practice, not real news: ..."), ``notice_html`` the
banner's HTML for widgets and lesson cells ("" for a real article). Showing it is the ui layer's job
(``medialit.ui.notice.practice_notice``): this module stays free of IPython.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from medialit.text.article import Article, read_article
from medialit.errors import MediaLitError
from medialit.locations import META_SUFFIX
from medialit.vocabulary import COLOURS, MARK_WARNING

NOTICE = "Invented for practice, not real news"
_DEFAULT_DETAIL = "the people, outlets and events in this article were made up for the kit."


def _metadata(article: Article) -> dict[str, Any]:
    """Return the article's ``NAME.meta.json`` as a dict (``{}`` when there is none).

    Raises:
        MediaLitError: the file exists but is not a JSON object.
    """
    path = article.path.with_name(article.name + META_SUFFIX)
    if not path.is_file():
        return {}
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise MediaLitError(f"{path}: is not valid JSON ({error}); fix it or delete it") from None
    if not isinstance(content, dict):
        raise MediaLitError(f"{path}: must be one JSON object, e.g. {{\"invented\": true}}")
    return content


def _article(article: str | Path | Article) -> Article:
    return article if isinstance(article, Article) else read_article(article)


def is_invented(article: str | Path | Article) -> bool:
    """Return True when the article's metadata marks it invented (``"invented": true`` or ``"not_real_news": true``)."""
    metadata = _metadata(_article(article))
    return metadata.get("invented") is True or metadata.get("not_real_news") is True


def invented_notice(article: str | Path | Article) -> str:
    """Return the one-line notice for an invented article ("⚠ Invented for practice, not real news: ..."), else ""."""
    loaded = _article(article)
    if not is_invented(loaded):
        return ""
    notice = str(_metadata(loaded).get("notice") or "")
    if notice.startswith(NOTICE):
        return f"{MARK_WARNING} {notice}"
    return f"{MARK_WARNING} {NOTICE}: {_DEFAULT_DETAIL}"


def notice_html(article: str | Path | Article) -> str:
    """Return the banner HTML for an invented article (a bordered note with ⚠ and words, never colour alone), else ""."""
    import html

    notice = invented_notice(article)
    if not notice:
        return ""
    return f"<p role='note' style='border:2px solid {COLOURS['caution']};padding:0.4em'><strong>{html.escape(notice, quote=False)}</strong></p>"
