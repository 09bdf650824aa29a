"""The exercises of the guided lessons (02-09) as data, and small helpers the lessons share.

The lessons and the tests read the same table, ``LESSON_EXERCISES``, so a test
can prove that answering every item of a lesson's exercise with one label
scores badly. Items are chosen for the seed article; on any other article a
balanced set is picked from its key (``exercise_items``).
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
from medialit.exercises.scoring import choices, expected, score_answers
from medialit.lessons.voices import DIPLOMATIC_MARKERS

SEED_ARTICLE = "lavrov-pompeo-sochi-2019"

# Each lesson's exercise on the seed article. Every item set mixes plain sentences (the outlet's narration, an
# official's straightforward words) with framed ones, so one label for everything scores badly (tests/test_lessons.py).
LESSON_EXERCISES: dict[str, dict[str, Any]] = {
    "02_who_is_speaking": {
        "article": SEED_ARTICLE,
        "field": "speaker",
        "items": [
            "P01.S1",  # narration: no one is quoted
            "P04.S2",  # Lavrov, named only as "the Russian foreign minister"
            "P05.S2",  # Pompeo, a quotation that continues: no cue in the sentence
            "P06.S2",  # Pompeo, a quotation that continues
            "P08.S1",  # Pompeo, paraphrased
            "P09.S1",  # narration
            "P09.S2",  # Lavrov, "in Lavrov's words" inside the outlet's narration
            "P10.S3",  # Markov, "he said"
            "P11.S4",  # Markov, a quotation that continues and names other people
            "P12.S1",  # Markov, named only by his title
            "P14.S2",  # Sharikov, a quotation that continues
            "P14.S4",  # Sharikov, a quotation that continues and names Pompeo
        ],
    },
    "03_official_statements": {
        "article": SEED_ARTICLE,
        "field": "claim_type",
        "items": [
            "P01.S1",  # verifiable fact (narration)
            "P02.S1",  # prediction: the outlet says Lavrov "expects"
            "P02.S2",  # opinion: Lavrov's own "I hope"
            "P03.S4",  # prediction: "will increase risks"
            "P04.S2",  # opinion: a stated position with a condition
            "P05.S1",  # other: a greeting
            "P05.S2",  # prediction: "likely"
            "P06.S1",  # opinion: "is committed"
            "P07.S1",  # opinion: "I hope"
            "P09.S1",  # verifiable fact (narration)
            "P14.S1",  # other: a question (an expert, for contrast)
        ],
    },
    "04_state_media_framing": {
        "article": SEED_ARTICLE,
        "field": "category",
        "items": [
            "P01.S1",  # reporting
            "P02.S2",  # official statement, relayed by TASS (state-media framing accepted: rule R4)
            "P03.S1",  # official statement, paraphrased with "stressed" (reporting accepted: R3)
            "P06.S1",  # official statement, a direct quote
            "P07.S1",  # official statement, a direct quote
            "P09.S1",  # reporting
            "P10.S1",  # expert opinion, "noted" + "deep state" in the outlet's sentence (R5: the verb does not decide)
            "P11.S5",  # expert opinion, "listed" (R5)
            "P12.S1",  # expert opinion, "concluded" (R5)
            "P13.S1",  # expert opinion, "noted": built like P10.S1, labelled alike
            "P14.S3",  # expert opinion, "anti-Russian decisions"
        ],
    },
    "06_expert_opinion_and_evidence": {
        "article": SEED_ARTICLE,
        "field": "claim_type",
        "items": [
            "P01.S1",  # verifiable fact
            "P09.S1",  # verifiable fact
            "P10.S1",  # opinion
            "P10.S3",  # prediction
            "P11.S2",  # allegation
            "P11.S3",  # allegation
            "P11.S4",  # allegation
            "P11.S5",  # allegation
            "P12.S1",  # opinion
            "P13.S2",  # opinion
            "P14.S1",  # other: a question
            "P14.S2",  # prediction
        ],
    },
    "09_persuasion_techniques": {
        "article": SEED_ARTICLE,
        "field": "techniques",
        "items": [
            "P10.S1", "P10.S2", "P10.S3",
            "P11.S1", "P11.S2", "P11.S3", "P11.S4", "P11.S5",
            "P12.S1",
            "P13.S1", "P13.S2", "P13.S3",
            "P14.S1", "P14.S2", "P14.S3", "P14.S4", "P14.S5",
        ],
    },
}


def lesson_exercise(lesson: str) -> dict[str, Any]:
    """Return the exercise entry of ``lesson`` (e.g. ``"02_who_is_speaking"``).

    Raises:
        MediaLitError: no lesson of that name has an exercise.
    """
    if lesson not in LESSON_EXERCISES:
        raise MediaLitError(f"{lesson}: no such lesson exercise; the lessons are: {', '.join(LESSON_EXERCISES)}")
    return LESSON_EXERCISES[lesson]


def exercise_id(lesson: str, article_name: str) -> str:
    """Return the answers-file name of ``lesson``'s exercise on an article, e.g. ``NAME-02-speaker``.

    It differs from lesson 07's ``NAME-category``, so the lessons never share an answers file.
    """
    return f"{article_name}-{lesson[:2]}-{lesson_exercise(lesson)['field']}"


def balanced_items(key: Key, field: str, per_label: int = 3) -> list[str]:
    """Return up to ``per_label`` sentence ids for each expected label of ``field``, spread over the article.

    Labels are grouped as the balanced score groups them (for techniques: each
    expected set of techniques, ``none`` included). Within a group, sentences with
    no accepted alternative are chosen first: an item that also accepts another
    label gives a learner who answers that label everywhere credit for free.

    Used for an article without chosen items: every label the key uses gets
    items, so a single answer for everything cannot score well. Ids are in article order.
    """
    groups: dict[str, list[str]] = {}
    for sentence_id in key.sentence_ids:
        preferred, _ = expected(key, field, sentence_id)
        groups.setdefault(preferred, []).append(sentence_id)
    chosen: set[str] = set()
    for ids in groups.values():
        clear = [sentence_id for sentence_id in ids if not _alternatives(key, field, sentence_id)]
        pool = clear if len(clear) >= per_label else clear + [sentence_id for sentence_id in ids if sentence_id not in clear]
        if len(pool) <= per_label:
            chosen.update(pool)
            continue
        if len(clear) >= per_label:
            step = len(pool) / per_label
            chosen.update(pool[int(step * index + step / 2)] for index in range(per_label))
        else:
            chosen.update(pool[:per_label])
    return [sentence_id for sentence_id in key.sentence_ids if sentence_id in chosen]


def _alternatives(key: Key, field: str, sentence_id: str) -> set[str]:
    """Return the labels besides the preferred one that the key accepts for ``field`` on a sentence."""
    preferred, accepted = expected(key, field, sentence_id)
    return {label for label in accepted if label != preferred}


def exercise_items(lesson: str, key: Key) -> list[str]:
    """Return the sentence ids of ``lesson``'s exercise on ``key``'s article.

    The chosen items on the article they were chosen for; on any other article a
    balanced set from its key (``balanced_items``).
    """
    entry = lesson_exercise(lesson)
    if key.article.name == entry["article"]:
        return list(entry["items"])
    return balanced_items(key, entry["field"])


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
