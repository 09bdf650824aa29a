"""Scoring answers against a key: pure functions, no widgets, no files.

Every item gets a status (``correct``, ``acceptable``, ``wrong``, ``unanswered``),
a credit in [0, 1] and feedback in words with the explanation of the question
asked (``Key.explanation(sentence_id, field)``: the speaker question gets the
speaker explanation, and so on).

Fairness (issue 12, item 5):

* **Alternatives.** A category in ``also_acceptable`` and a claim type in
  ``claim_type_also`` earn full credit (status ``acceptable``).
* **Partial credit for techniques.** An item's credit is the F1 score (Dice
  coefficient) of the learner's set against the key's set: ``2 |A ∩ K| /
  (|A| + |K|)``, after dropping from the learner's set the defensible extras the
  key lists in ``techniques_also``; "none" against no technique is 1. F1 is the
  measure of the technique-classification task the kit's taxonomy comes from
  (SemEval-2020 Task 11); unlike exact matching it gives half credit for one of
  two tags, and unlike Jaccard it does not punish one extra tag on a one-tag
  item down to a third (F1: 2/3, Jaccard: 1/2), which matters where annotators
  themselves disagree. A wrong extra tag still costs credit, so tagging
  everything scores badly.
* **Capped, balanced weights.** The balanced score is a weighted mean of the
  items' credits. Each expected label (for techniques: each expected set,
  ``none`` included) first gets an equal share, split equally among its items,
  so plain sentences count as much as framed ones; then no item may carry more
  than ``MAX_ITEM_SHARE`` (10%) of the score (or ``1/N`` when an exercise has
  fewer than 10 items): the excess is handed on to the other items in
  proportion to their weight. Two plain "reporting" sentences among 35 so make
  20% of the capstone's score, not a third.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from medialit.errors import MediaLitError
from medialit.keys.key import Key, list_field
from medialit.vocabulary import (
    CATEGORIES,
    CLAIM_TYPES,
    EXERCISE_FIELDS,
    LIST_SEPARATOR,
    MARKS,
    NARRATION_SPEAKER,
    NO_TECHNIQUE,
    STATUS_WORDS,
    TECHNIQUES,
)

# No item may carry more than this share of a balanced score (1/N when an exercise has fewer than 1/MAX_ITEM_SHARE items).
MAX_ITEM_SHARE = 0.10
# A constant answer (the same label for every item) scores at most this in every lesson exercise (tests prove it).
CONSTANT_ANSWER_BOUND = 0.45

Status = Literal["correct", "acceptable", "wrong", "unanswered"]
Answer = str | Sequence[str] | None


@dataclass(frozen=True)
class ItemResult:
    """The outcome of one answered (or unanswered) item.

    ``answer`` and ``preferred`` are display labels; for ``techniques`` they are
    ``;``-joined, sorted, with ``none`` for no technique. ``explanation`` is the
    key's explanation of the field asked. ``credit`` is in [0, 1]: 1 for a
    correct or acceptable answer, the F1 share for a partly right set of
    techniques, else 0.
    """

    sentence_id: str
    answer: str | None
    status: Status
    preferred: str
    acceptable: tuple[str, ...]
    explanation: str
    feedback: str
    credit: float = -1.0  # -1: derive from the status (full credit for correct or acceptable)

    def __post_init__(self) -> None:
        if self.credit < 0:
            object.__setattr__(self, "credit", 1.0 if self.status in ("correct", "acceptable") else 0.0)

    @property
    def earns_credit(self) -> bool:
        """Return True for a correct or acceptable answer (full credit)."""
        return self.status in ("correct", "acceptable")

    @property
    def partly_right(self) -> bool:
        """Return True for an answer with some but not full credit (a partly right set of techniques)."""
        return 0.0 < self.credit < 1.0

    @property
    def mark(self) -> str:
        """Return the sign shown beside the item: ✔, ✘ or ○."""
        return MARKS[self.status]


@dataclass(frozen=True)
class Score:
    """The outcome of a set of items: per-item results, totals and the balanced score.

    ``recall_by_label``: per expected label, the mean credit of its items.
    ``weights``: per sentence id, its share of the balanced score (they sum to 1;
    none above ``MAX_ITEM_SHARE`` or ``1/N``).
    """

    field: str
    items: list[ItemResult]
    recall_by_label: dict[str, float] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)

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
    def points(self) -> float:
        """Return the sum of the items' credits (partial credit included)."""
        return sum(item.credit for item in self.items)

    @property
    def balanced(self) -> float:
        """Return the balanced score in [0, 1]: the items' credits weighted by ``weights`` (capped, label-balanced).

        Without weights (a Score built by hand) it is the mean over expected labels of their mean credit.
        """
        if self.weights:
            total = sum(self.weights.get(item.sentence_id, 0.0) * item.credit for item in self.items)
            return min(1.0, round(total, 12))  # rounding: all-correct answers score exactly 1.0
        values = list(self.recall_by_label.values())
        return sum(values) / len(values) if values else 0.0

    @property
    def largest_item_share(self) -> float:
        """Return the largest share of the balanced score that one item carries (0 when there are no items)."""
        return max(self.weights.values(), default=0.0)

    def count(self, status: Status) -> int:
        """Return how many items have ``status``."""
        return sum(item.status == status for item in self.items)

    def summary(self) -> str:
        """Return a one-line summary for learners, e.g. ``12 of 35 answered · 10 right · balanced score 71%``."""
        partly = sum(item.partly_right for item in self.items)
        partial = f" · {partly} partly right" if partly else ""
        return (
            f"{self.answered} of {self.total} answered · {self.credited} right "
            f"({self.count('acceptable')} of them an accepted alternative){partial} · balanced score {self.balanced:.0%}"
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
        return LIST_SEPARATOR.join(chosen)
    text = str(answer).strip()
    if not text:
        return None
    return text


def expected(key: Key, field_name: str, sentence_id: str) -> tuple[str, tuple[str, ...]]:
    """Return the preferred label and the other accepted labels of one item.

    Techniques: the preferred set and no alternative set (the defensible extra tags,
    ``techniques_also``, are read by ``technique_extras``: they change the credit, not the answer).
    """
    if field_name == "category":
        return key.value(sentence_id, "category"), tuple(list_field(key.value(sentence_id, "also_acceptable")))
    if field_name == "speaker":
        return key.value(sentence_id, "speaker") or NARRATION_SPEAKER, ()
    if field_name == "techniques":
        return LIST_SEPARATOR.join(sorted(list_field(key.value(sentence_id, "techniques")))) or NO_TECHNIQUE, ()
    if field_name == "claim_type":
        return key.value(sentence_id, "claim_type"), tuple(list_field(key.value(sentence_id, "claim_type_also")))
    return key.value(sentence_id, field_name), ()


def technique_extras(key: Key, sentence_id: str) -> tuple[str, ...]:
    """Return the defensible extra techniques of one item (``techniques_also``): adding them costs nothing."""
    return tuple(list_field(key.value(sentence_id, "techniques_also")))


def technique_set(label: str | None) -> frozenset[str]:
    """Return the techniques of a display label (``none`` and None give the empty set)."""
    return frozenset(item for item in list_field(label or "") if item != NO_TECHNIQUE)


def techniques_credit(answer: str | None, preferred: str, extras: Iterable[str] = ()) -> float:
    """Return the credit in [0, 1] of a techniques answer: F1 of its set against the key's, accepted extras dropped.

    ``answer`` and ``preferred`` are display labels (``;``-joined, ``none`` for no
    technique); ``extras`` are the key's ``techniques_also``. An unanswered item
    earns 0; ``none`` against no technique earns 1.
    """
    if answer is None:
        return 0.0
    wanted = technique_set(preferred)
    chosen = technique_set(answer) - (frozenset(extras) - wanted)
    if not wanted and not chosen:
        return 1.0
    return 2 * len(chosen & wanted) / (len(chosen) + len(wanted))


def capped_weights(groups: Mapping[str, Sequence[str]], cap: float = MAX_ITEM_SHARE) -> dict[str, float]:
    """Return each item's share of a balanced score: equal per group, split within it, none above the cap.

    ``groups`` maps an expected label to its item ids. The cap is raised to
    ``1/N`` for N items when that is larger (N equal shares always fit). Excess
    above the cap is handed on to the uncapped items in proportion to their
    share, repeatedly, so the shares still sum to 1. Nothing is changed.
    """
    shares = {item: 1 / len(groups) / len(ids) for ids in groups.values() for item in ids} if groups else {}
    if not shares:
        return {}
    limit = max(cap, 1 / len(shares))
    capped: set[str] = set()
    while True:
        over = [item for item, share in shares.items() if item not in capped and share > limit + 1e-12]
        if not over:
            return shares
        capped.update(over)
        free = [item for item in shares if item not in capped]
        excess = sum(shares[item] - limit for item in over)
        for item in over:
            shares[item] = limit
        base = sum(shares[item] for item in free)
        for item in free:
            shares[item] += excess * shares[item] / base


def _feedback(
    status: Status,
    answer: str | None,
    preferred: str,
    acceptable: tuple[str, ...],
    explanation: str,
    credit: float = 0.0,
    extras: tuple[str, ...] = (),
) -> str:
    words = f"{MARKS[status]} {STATUS_WORDS[status]}"
    if status == "wrong" and 0.0 < credit < 1.0:
        also = f" (adding {', '.join(extras)} costs nothing)" if extras else ""
        head = f"{MARKS[status]} {STATUS_WORDS['partly']} ({credit:.0%} credit): you chose “{answer}”; the key says “{preferred}”{also}."
        return f"{head} {explanation}".strip()
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


def _status(
    field_name: str, given: str | None, preferred: str, acceptable: tuple[str, ...], extras: tuple[str, ...] = ()
) -> tuple[Status, float]:
    """Return the status and credit of an answer (techniques: F1 credit; exact or only accepted extras = credited)."""
    if given is None:
        return "unanswered", 0.0
    if given == preferred:
        return "correct", 1.0
    if field_name == "techniques":
        credit = techniques_credit(given, preferred, extras)
        return ("acceptable" if credit == 1.0 else "wrong"), credit
    if given in acceptable:
        return "acceptable", 1.0
    return "wrong", 0.0


def score_item(key: Key, field_name: str, sentence_id: str, answer: Answer) -> ItemResult:
    """Return the result of ``answer`` to the item ``sentence_id`` for ``field_name``.

    The result's ``explanation`` (and the end of its ``feedback``) is the key's
    explanation of that field (``Key.explanation``), so each question gets its own.
    """
    check_field(field_name)
    if sentence_id not in key.table.index:
        raise MediaLitError(f"{key.path}: has no sentence {sentence_id!r}")
    preferred, acceptable = expected(key, field_name, sentence_id)
    given = normalise_answer(field_name, answer)
    extras = technique_extras(key, sentence_id) if field_name == "techniques" else ()
    status, credit = _status(field_name, given, preferred, acceptable, extras)
    explanation = key.explanation(sentence_id, field_name)
    return ItemResult(
        sentence_id=sentence_id,
        answer=given,
        status=status,
        preferred=preferred,
        acceptable=acceptable,
        explanation=explanation,
        feedback=_feedback(status, given, preferred, acceptable, explanation, credit, extras),
        credit=credit,
    )


def score_answers(
    key: Key,
    answers: Mapping[str, Answer],
    field_name: str = "category",
    items: Iterable[str] | None = None,
) -> Score:
    """Return the score of ``answers`` ({sentence_id: label}) on ``items`` (default: every sentence).

    Unanswered items earn nothing. The balanced score weights the items by
    expected label (for techniques: each expected set of techniques, ``none``
    included), each label an equal share, no item above ``MAX_ITEM_SHARE``
    (``capped_weights``), and sums their credits (techniques: partial credit).
    """
    check_field(field_name)
    item_ids = list(dict.fromkeys(items)) if items is not None else key.sentence_ids
    results = [score_item(key, field_name, sentence_id, answers.get(sentence_id)) for sentence_id in item_ids]
    groups: dict[str, list[ItemResult]] = {}
    for result in results:
        groups.setdefault(result.preferred, []).append(result)
    recall = {label: sum(item.credit for item in group) / len(group) for label, group in groups.items()}
    weights = capped_weights({label: [item.sentence_id for item in group] for label, group in groups.items()})
    return Score(field=field_name, items=results, recall_by_label=recall, weights=weights)
