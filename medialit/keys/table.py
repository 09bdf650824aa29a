"""Tables computed from an answer key: the article's sentences joined with the key's labels, and confusion matrices.

pandas only. Every function returns a new table and changes nothing it is given. The lessons (``lessons.voices``),
the assignments' checks (``exercises.checks``) and the teacher's class statistics all read these.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from medialit.keys.key import Key
from medialit.text.article import Article, count_words
from medialit.vocabulary import NARRATION_SPEAKER

VOICE_COLUMNS = [
    "sentence_id", "paragraph", "text", "words", "speaker", "speaker_role", "channel", "cue", "category",
    "also_acceptable", "claim_type", "techniques",
]

def voice_table(article: Article, key: Key) -> pd.DataFrame:
    """Return one row per sentence of ``article`` with the key's labels, columns ``VOICE_COLUMNS``.

    ``words`` counts the sentence's words; ``speaker`` is the key's speaker, or
    ``NARRATION_SPEAKER`` for the outlet's own narration; ``also_acceptable`` and
    ``techniques`` are the key's ``;``-separated lists (empty when none). The index is a plain range.
    """
    labels = key.table
    table = article.sentences[["sentence_id", "paragraph", "text"]].copy()
    table["words"] = table["text"].map(count_words)
    for column in VOICE_COLUMNS[4:]:
        table[column] = table["sentence_id"].map(labels[column]).fillna("").astype(str)
    table["speaker"] = table["speaker"].where(table["speaker"] != "", NARRATION_SPEAKER)
    return table.reset_index(drop=True)[VOICE_COLUMNS]


def confusion_counts(
    preferred: Iterable[str],
    answers: Iterable[str | None],
    accepted: Iterable[bool],
    labels: Iterable[str] | None = None,
    answer_name: str = "you said",
) -> pd.DataFrame:
    """Return a confusion matrix: the key's PREFERRED label of each item as rows, the answer given as columns.

    ``preferred``, ``answers`` and ``accepted`` run in parallel, one entry per item;
    an empty or None answer is left out. An answer the key also accepts
    (``accepted`` true) counts on the key's row as correct: in the diagonal cell of
    that row, never on a row of its own, so a row counts exactly the items whose
    preferred label it is. ``labels`` fixes the order of rows and columns (labels
    that occur but are not in it follow, sorted); every label gets a row and a
    column, zeros included. ``result.attrs["accepted"]`` is how many accepted
    alternatives the diagonal holds. Changes nothing it is given.
    """
    pairs = []
    alternatives = 0
    for key_label, answer, also in zip(preferred, answers, accepted, strict=True):
        if answer is None or not str(answer).strip():
            continue
        if also and answer != key_label:
            alternatives += 1
            answer = key_label
        pairs.append((str(key_label), str(answer)))
    seen = sorted({label for pair in pairs for label in pair})
    order = list(dict.fromkeys([*(labels or []), *seen]))
    frame = pd.DataFrame(pairs, columns=["key", "answer"])
    counts = pd.crosstab(frame["key"], frame["answer"]) if pairs else pd.DataFrame()
    result = counts.reindex(index=order, columns=order, fill_value=0).astype(int)
    result.index.name = "key says"
    result.columns.name = answer_name
    result.attrs["accepted"] = alternatives
    return result
