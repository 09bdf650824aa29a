"""Small helpers the lessons share: the baseline of one answer for everything, an article's origin, reading load.

The lessons' exercises themselves are declared in ``medialit.exercises.registry`` (the lessons, the tests and
grading read the same declarations), so a test can prove that answering every item of a lesson's exercise with one
label scores badly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from medialit.text.article import Article
from medialit.errors import MediaLitError
from medialit.keys.key import Key
from medialit.locations import META_SUFFIX
from medialit.exercises.answers import AnswerStore
from medialit.exercises.registry import exercise
from medialit.exercises.scoring import choices, score_answers
from medialit.lessons.voices import DIPLOMATIC_MARKERS


def saved_answers(exercise_id: str, article: str) -> dict[str, str]:
    """Return the answers saved so far for exercise ``exercise_id`` on ``article`` (``{}`` when none); nothing is written.

    E.g. lesson 08 reads lesson 07's: ``saved_answers("07_classify_the_article", ARTICLE)``.

    Raises:
        MediaLitError: no exercise has that id, or its answers file is damaged.
    """
    return AnswerStore(exercise(exercise_id).answers_file_id(article)).load()


def constant_answer_scores(key: Key, field: str, items: Iterable[str], labels: Iterable[str] | None = None) -> pd.Series:
    """Return the balanced score of answering every item with the same label, for each label.

    ``labels`` defaults to every choice the exercise offers (``scoring.choices``).
    Indexed by label, sorted from best to worst (ties keep the order of the choices). Nothing is saved.
    """
    item_ids = list(items)
    scores = {}
    for label in labels if labels is not None else choices(key, field):
        answers: Mapping[str, str] = {sentence_id: label for sentence_id in item_ids}
        scores[label] = score_answers(key, answers, field, item_ids).balanced
    return pd.Series(scores, name="balanced score").sort_values(ascending=False, kind="stable")


def describe_constant_answers(key: Key, field: str, items: Iterable[str]) -> str:
    """Return one sentence saying the best balanced score a learner could get by giving every item the same answer."""
    item_ids = list(items)
    scores = constant_answer_scores(key, field, item_ids)
    start = f"If you gave the same answer to all {len(item_ids)} sentences"
    if scores.iloc[0] == scores.iloc[-1]:
        return f"{start}, your balanced score would be {scores.iloc[0]:.0%}, whichever answer you chose."
    return (
        f"{start}, the best balanced score you could get is {scores.iloc[0]:.0%} "
        f"(answering “{scores.index[0]}” every time); the worst is {scores.iloc[-1]:.0%}."
    )


def describe_lesson_baseline(exercise_id: str, key: Key) -> str:
    """Return ``describe_constant_answers`` for exercise ``exercise_id``'s field and items on ``key``'s article.

    Raises:
        MediaLitError: no exercise has that id.
    """
    declared = exercise(exercise_id)
    return describe_constant_answers(key, declared.field, declared.items_for(key))


def article_metadata(article: Article) -> dict[str, Any]:
    """Return what the kit records about an article's origin (``NAME.meta.json`` beside it; ``{}`` when there is none).

    Raises:
        MediaLitError: the file exists but is not valid JSON.
    """
    path = article.path.with_name(article.name + META_SUFFIX)
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise MediaLitError(f"{path}: is not valid JSON ({error}); fix it or delete it") from error


# Reading load (issue 12 item 9). Learners of 14-18 read instructional prose carefully at about 100-120 words a
# minute; the kit takes the lower figure and lets reading take at most 40% of a lesson's stated time, leaving the
# rest for running cells, answering and talking. Optional depth goes into cells tagged ``more`` (headed "More: ...").
# Navigation is not read through either: the line of links (``lesson-nav``) and lesson 00's generated table of
# lessons (``lesson-list``), which a learner scans for a link.
READING_WORDS_PER_MINUTE = 100
READING_SHARE = 0.4
UNCOUNTED_TAGS = frozenset({"more", "lesson-nav", "lesson-list"})
# A word: an abbreviation such as "U.S." (with any hyphenated tail, "U.S.-Russia"), or letters and digits joined
# by apostrophes or hyphens ("Don’t", "Russia-US").
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}(?:-[A-Za-z0-9]+)*|[A-Za-z0-9]+(?:[’'\-][A-Za-z0-9]+)*")


def reading_budget(minutes: int) -> int:
    """Return the most words of lesson prose a lesson of ``minutes`` may ask learners to read."""
    return int(minutes * READING_WORDS_PER_MINUTE * READING_SHARE)


def prose_words(notebook: Mapping[str, Any]) -> int:
    """Return how many words of prose a learner reads in ``notebook`` (a notebook as a dict, nbformat 4).

    Counted: every markdown cell except those tagged ``more`` (optional depth), ``lesson-nav`` or ``lesson-list``
    (navigation), and without the reference list after a ``## Sources`` heading. Not counted: code, outputs (the article itself, tables) and
    exercise items, which are the "doing" the budget leaves time for.
    """
    total = 0
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "markdown" or UNCOUNTED_TAGS & set(cell.get("metadata", {}).get("tags", [])):
            continue
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        total += len(_WORD.findall(source.split("## Sources")[0]))
    return total


def reading_load(path: Path) -> dict[str, Any]:
    """Return the reading load of the lesson notebook at ``path``: its minutes, prose words, budget and verdict.

    Keys: ``lesson`` (file stem), ``minutes`` (notebook metadata ``medialit.minutes``, ``None`` when missing),
    ``words``, ``budget`` (``None`` without minutes) and ``within`` (words <= budget). Reads the file only.

    Raises:
        MediaLitError: the file is not a readable notebook.
    """
    try:
        notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise MediaLitError(f"{path}: not a readable notebook ({error}); re-save it from JupyterLab") from error
    minutes = notebook.get("metadata", {}).get("medialit", {}).get("minutes")
    words = prose_words(notebook)
    budget = reading_budget(minutes) if minutes else None
    return {"lesson": Path(path).stem, "minutes": minutes, "words": words, "budget": budget,
            "within": budget is not None and words <= budget}


def official_markers() -> dict[str, tuple[str, ...]]:
    """Return lesson 03's groups of diplomatic words: ``voices.DIPLOMATIC_MARKERS`` with "should" as a recommendation.

    "Should" says what ought to happen (Lavrov: Moscow and Washington "should start building"); it does not hedge
    a claim, so lesson 03 counts it in its own group, ``recommendation``, placed after ``hedging``. Nothing is changed.
    """
    groups: dict[str, tuple[str, ...]] = {}
    for group, words in DIPLOMATIC_MARKERS.items():
        groups[group] = tuple(word for word in words if word != "should")
        if group == "hedging":
            groups["recommendation"] = ("should", "ought")
    return groups
