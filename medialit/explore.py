"""Small tables that the lessons compute from an article (pandas only, no plotting)."""

from __future__ import annotations

import textwrap

import pandas as pd

from medialit.article import Article, count_words


def words_per_paragraph(sentences: pd.DataFrame) -> pd.Series:
    """Return the number of words in each paragraph, indexed by paragraph number."""
    words = sentences["text"].map(count_words)
    return words.groupby(sentences["paragraph"]).sum().rename("words")


def paragraph_table(sentences: pd.DataFrame) -> pd.DataFrame:
    """Return one row per paragraph: how many sentences and words it has, and how it begins."""
    grouped = sentences.groupby("paragraph")
    return pd.DataFrame(
        {
            "sentences": grouped["sentence"].max(),
            "words": words_per_paragraph(sentences),
            "begins with": grouped["text"].first().map(lambda text: text[:60] + ("…" if len(text) > 60 else "")),
        }
    )


def numbered_paragraphs(article: Article, width: int = 100) -> str:
    """Return the article's text with each paragraph numbered ``[1]``, ``[2]``... and wrapped at ``width``."""
    blocks = []
    for paragraph in range(1, article.paragraph_count + 1):
        text = " ".join(article.paragraph_text(paragraph).split())
        blocks.append(textwrap.fill(text, width=width, initial_indent=f"[{paragraph}] ", subsequent_indent="     "))
    return "\n\n".join(blocks)
