"""Scoring answers against a key: pure functions, no widgets, no files.

Every item gets a status (``correct``, ``acceptable``, ``wrong``, ``unanswered``)
and feedback in words, with the key's explanation. The balanced score averages
the share of items answered right *within each expected label*, so plain
reporting counts as much as framing, and labelling everything the same way
scores badly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from medialit.errors import MediaLitError
from medialit.key import Key, list_field
from medialit.vocabulary import (
    CATEGORIES,
    CLAIM_TYPES,
    EXERCISE_FIELDS,
    NARRATION_SPEAKER,
    NO_TECHNIQUE,
    TECHNIQUES,
)

Status = Literal["correct", "acceptable", "wrong", "unanswered"]
Answer = str | Sequence[str] | None
MARKS: dict[str, str] = {"correct": "✔", "acceptable": "✔", "wrong": "✘", "unanswered": "○"}
STATUS_WORDS: dict[str, str] = {
    "correct": "Correct",
    "acceptable": "Accepted",
    "wrong": "Not quite",
    "unanswered": "Not answered yet",
}


@dataclass(frozen=True)
class ItemResult:
    """The outcome of one answered (or unanswered) item.

    ``answer`` and ``preferred`` are display labels; for ``techniques`` they are
    ``;``-joined, sorted, with ``none`` for no technique.
    """

    sentence_id: str
    answer: str | None
    status: Status
    preferred: str
    acceptable: tuple[str, ...]
    explanation: str
    feedback: str

    @property
    def earns_credit(self) -> bool:
        """Return True for a correct or acceptable answer (full credit)."""
        return self.status in ("correct", "acceptable")

    @property
    def mark(self) -> str:
        """Return the sign shown beside the item: ✔, ✘ or ○."""
        return MARKS[self.status]


@dataclass(frozen=True)
class Score:
    """The outcome of a set of items: per-item results, totals and the balanced score."""

    field: str
    items: list[ItemResult]
    recall_by_label: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Return the number of items."""
        return len(self.items)

    @property
    def answered(self) -> int:
        """Return how many items have an answer."""
        return sum(item.status != "unanswered" for item in self.items)

    @property
    def credited(self) -> int:
        """Return how many items are correct or acceptable."""
        return sum(item.earns_credit for item in self.items)

    @property
    def balanced(self) -> float:
        """Return the balanced score in [0, 1]: the mean, over expected labels, of the share credited."""
        values = list(self.recall_by_label.values())
        return sum(values) / len(values) if values else 0.0

    def count(self, status: Status) -> int:
        """Return how many items have ``status``."""
        return sum(item.status == status for item in self.items)

    def summary(self) -> str:
        """Return a one-line summary for learners, e.g. ``12 of 35 answered · 10 right · balanced score 71%``."""
        return (
            f"{self.answered} of {self.total} answered · {self.credited} right "
            f"({self.count('acceptable')} of them an accepted alternative) · balanced score {self.balanced:.0%}"
        )


def choices(key: Key, field_name: str) -> list[str]:
    """Return the labels a learner chooses from for ``field_name``, in a stable order.

    ``speaker``: the speakers named in the key in order of first appearance, then
    the outlet's own narration. ``techniques``: ``none`` first, then the techniques.
    """
    check_field(field_name)
    if field_name == "category":
        return list(CATEGORIES)
    if field_name == "claim_type":
        return list(CLAIM_TYPES)
    if field_name == "techniques":
        return [NO_TECHNIQUE, *TECHNIQUES]
    speakers = [speaker for speaker in dict.fromkeys(key.table["speaker"]) if speaker]
    return [*speakers, NARRATION_SPEAKER]


def check_field(field_name: str) -> None:
    """Raise ``MediaLitError`` unless ``field_name`` is one an exercise can ask about."""
    if field_name not in EXERCISE_FIELDS:
        raise MediaLitError(f"field {field_name!r} cannot be an exercise; use one of: {', '.join(EXERCISE_FIELDS)}")


def normalise_answer(field_name: str, answer: Answer) -> str | None:
    """Return ``answer`` as one display label (techniques: sorted, ``;``-joined), or None when unanswered."""
    if answer is None:
        return None
    if field_name == "techniques":
        items = [answer] if isinstance(answer, str) else list(answer)
        chosen = sorted({item.strip() for item in items for item in list_field(item) if item.strip()})
        if not chosen:
            return None
        if NO_TECHNIQUE in chosen and len(chosen) > 1:
            chosen.remove(NO_TECHNIQUE)
        return ";".join(chosen)
    text = str(answer).strip()
    if not text:
        return None
    return text


def expected(key: Key, field_name: str, sentence_id: str) -> tuple[str, tuple[str, ...]]:
    """Return the preferred label and the other accepted labels of one item."""
    if field_name == "category":
        return key.value(sentence_id, "category"), tuple(list_field(key.value(sentence_id, "also_acceptable")))
    if field_name == "speaker":
        return key.value(sentence_id, "speaker") or NARRATION_SPEAKER, ()
    if field_name == "techniques":
        return ";".join(sorted(list_field(key.value(sentence_id, "techniques")))) or NO_TECHNIQUE, ()
    return key.value(sentence_id, field_name), ()


def _feedback(status: Status, answer: str | None, preferred: str, acceptable: tuple[str, ...], explanation: str) -> str:
    words = f"{MARKS[status]} {STATUS_WORDS[status]}"
    if status == "correct":
        head = f"{words}: {preferred}."
    elif status == "acceptable":
        head = f"{words}: “{answer}” is a defensible answer here; the key prefers “{preferred}”."
    elif status == "wrong":
        also = f" (also accepted: {', '.join(acceptable)})" if acceptable else ""
        head = f"{words}: you chose “{answer}”; the key says “{preferred}”{also}."
    else:
        return f"{words}."
    return f"{head} {explanation}".strip()


def score_item(key: Key, field_name: str, sentence_id: str, answer: Answer) -> ItemResult:
    """Return the result of ``answer`` to the item ``sentence_id`` for ``field_name``."""
    check_field(field_name)
    if sentence_id not in key.table.index:
        raise MediaLitError(f"{key.path}: has no sentence {sentence_id!r}")
    preferred, acceptable = expected(key, field_name, sentence_id)
    given = normalise_answer(field_name, answer)
    if given is None:
        status: Status = "unanswered"
    elif given == preferred:
        status = "correct"
    elif given in acceptable:
        status = "acceptable"
    else:
        status = "wrong"
    explanation = key.value(sentence_id, "explanation")
    return ItemResult(
        sentence_id=sentence_id,
        answer=given,
        status=status,
        preferred=preferred,
        acceptable=acceptable,
        explanation=explanation,
        feedback=_feedback(status, given, preferred, acceptable, explanation),
    )


def score_answers(
    key: Key,
    answers: Mapping[str, Answer],
    field_name: str = "category",
    items: Iterable[str] | None = None,
) -> Score:
    """Return the score of ``answers`` ({sentence_id: label}) on ``items`` (default: every sentence).

    Unanswered items earn nothing. The balanced score is the mean over expected
    labels (for techniques: each expected set of techniques, ``none`` included)
    of the share of items with that label that earned credit.
    """
    check_field(field_name)
    item_ids = list(items) if items is not None else key.sentence_ids
    results = [score_item(key, field_name, sentence_id, answers.get(sentence_id)) for sentence_id in item_ids]
    groups: dict[str, list[bool]] = {}
    for result in results:
        groups.setdefault(result.preferred, []).append(result.earns_credit)
    recall = {label: sum(hits) / len(hits) for label, hits in groups.items()}
    return Score(field=field_name, items=results, recall_by_label=recall)
