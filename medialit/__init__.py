"""medialit: a media-literacy teaching kit built around one news article.

The public functions are imported on first use, so ``import medialit`` is
cheap and has no side effects.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# The names a lesson's prelude imports (``from medialit import ...``), each from the module that defines it.
_PUBLIC = {
    "MediaLitError": "medialit.errors",
    "Article": "medialit.text.article",
    "load_article": "medialit.text.article",
    "read_article": "medialit.text.article",
    "count_words": "medialit.text.article",
    "find_names": "medialit.text.names",
    "practice_notice": "medialit.ui.notice",
    "describe_differences": "medialit.text.quotes",
    "records_section": "medialit.text.quotes",
    "load_article_key": "medialit.keys.key",
    "voice_table": "medialit.keys.table",
    "exercise": "medialit.exercises.registry",
    "exercises": "medialit.exercises.registry",
    "score_answers": "medialit.exercises.scoring",
    "CHECK_QUIZ": "medialit.exercises.quiz",
    "PRE_CHECK": "medialit.exercises.quiz",
    "POST_CHECK": "medialit.exercises.quiz",
    "check_labels": "medialit.exercises.checks",
    "check_voice_map": "medialit.exercises.checks",
    "check_words_table": "medialit.exercises.checks",
    "check_written": "medialit.exercises.checks",
    "describe_figure": "medialit.exercises.checks",
    "labelled_sentences": "medialit.exercises.checks",
    "submit": "medialit.exercises.checks",
    "classify": "medialit.ui.widgets",
    "classify_lesson": "medialit.ui.widgets",
    "quiz_lesson": "medialit.ui.widgets",
    "quiz": "medialit.ui.quizwidget",
    "hand_in_labels": "medialit.ui.handin",
    "label_exercise": "medialit.ui.handin",
    "try_a_widget": "medialit.ui.tutorial",
    "review_draft": "medialit.ui.review",
    "numbered_paragraphs": "medialit.lessons.explore",
    "paragraph_table": "medialit.lessons.explore",
    "show_table": "medialit.lessons.explore",
    "words_per_paragraph": "medialit.lessons.explore",
    "CATEGORY_STYLES": "medialit.lessons.plots",
    "OKABE_ITO": "medialit.lessons.plots",
    "OTHER_STYLE": "medialit.lessons.plots",
    "bar_chart": "medialit.lessons.plots",
    "confusion_chart": "medialit.lessons.plots",
    "describe_confusion": "medialit.lessons.plots",
    "describe_series": "medialit.lessons.plots",
    "describe_strip": "medialit.lessons.plots",
    "describe_words": "medialit.lessons.plots",
    "describe_words_charts": "medialit.lessons.plots",
    "sentence_strip": "medialit.lessons.plots",
    "show_figure": "medialit.lessons.plots",
    "words_chart": "medialit.lessons.plots",
    "words_charts": "medialit.lessons.plots",
    "anatomy": "medialit.lessons.voices",
    "attribution_table": "medialit.lessons.voices",
    "claim_types_by": "medialit.lessons.voices",
    "confusion_table": "medialit.lessons.voices",
    "cue_verbs": "medialit.lessons.voices",
    "find_markers": "medialit.lessons.voices",
    "find_phrases": "medialit.lessons.voices",
    "first_mentions": "medialit.lessons.voices",
    "framing_counts": "medialit.lessons.voices",
    "marker_counts": "medialit.lessons.voices",
    "names_in_sentences": "medialit.lessons.voices",
    "quoted_share": "medialit.lessons.voices",
    "relay_chains": "medialit.lessons.voices",
    "techniques_table": "medialit.lessons.voices",
    "words_by": "medialit.lessons.voices",
    "words_by_side": "medialit.lessons.voices",
    "article_metadata": "medialit.lessons.course",
    "describe_constant_answers": "medialit.lessons.course",
    "describe_lesson_baseline": "medialit.lessons.course",
    "official_markers": "medialit.lessons.course",
    "saved_answers": "medialit.lessons.course",
    "category_examples": "medialit.lessons.examples",
    "describe_examples": "medialit.lessons.examples",
    "draft_key": "medialit.draft.drafter",
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
