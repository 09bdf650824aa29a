"""Example sentences for each of the four categories, picked from an answer key (so they work on any article)."""

from __future__ import annotations

import textwrap

import pandas as pd

from medialit.keys.key import Key, list_field
from medialit.vocabulary import CATEGORIES, NARRATION_SPEAKER

PREFERRED_CLEAR = "the key's label (no other label accepted)"
PREFERRED = "the key's label (another label is also accepted)"
ALTERNATIVE = "accepted as a second label"
NONE_FOUND = "no sentence of this article"


def category_examples(key: Key) -> pd.DataFrame:
    """Return one example per category, in the kit's category order.

    The example is the first sentence the key gives that category with no other
    label accepted; else the first it gives that category; else the first where
    it is an accepted second label; else none. Columns: ``category``,
    ``sentence_id`` (empty when none), ``speaker``, ``how`` (which of these it
    was), ``text``, ``explanation``.
    """
    table = key.table
    alternatives = table["also_acceptable"].map(list_field)
    rows = []
    for category in CATEGORIES:
        labelled = table.index[table["category"] == category]
        clear = [item for item in labelled if not alternatives[item]]
        second = [item for item in table.index if category in alternatives[item]]
        for candidates, how in ((clear, PREFERRED_CLEAR), (list(labelled), PREFERRED), (second, ALTERNATIVE)):
            if candidates:
                item = candidates[0]
                rows.append(
                    {
                        "category": category,
                        "sentence_id": item,
                        "speaker": table.at[item, "speaker"] or NARRATION_SPEAKER,
                        "how": how,
                        "text": table.at[item, "text"],
                        "explanation": table.at[item, "explanation"],
                    }
                )
                break
        else:
            empty = {"sentence_id": "", "speaker": "", "text": "", "explanation": ""}
            rows.append({"category": category, **empty, "how": NONE_FOUND})
    return pd.DataFrame(rows, columns=["category", "sentence_id", "speaker", "how", "text", "explanation"])


def describe_examples(examples: pd.DataFrame, width: int = 100) -> str:
    """Return ``category_examples`` as readable text: per category the sentence, who speaks, and the key's reason."""
    blocks = []
    for row in examples.itertuples(index=False):
        if not row.sentence_id:
            blocks.append(f"{row.category.upper()}: {NONE_FOUND}.")
            continue
        lines = [f"{row.category.upper()}: {row.sentence_id}, {row.how}; speaker: {row.speaker}"]
        lines += textwrap.wrap(f"Sentence: {row.text}", width=width, initial_indent="  ", subsequent_indent="            ")
        lines += textwrap.wrap(f"Why: {row.explanation}", width=width, initial_indent="  ", subsequent_indent="       ")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
