"""How far a draft key agrees with a reviewed key, field by field.

``compare_keys(draft, key)`` counts, for each sentence, whether the draft's label
equals the key's. For ``category`` a draft label counts when it is the key's
preferred label or one of its ``also_acceptable`` labels, for ``claim_type`` when
it is the key's or one of its ``claim_type_also``; techniques are compared as sets.
Speakers are compared without case, a leading "the" and differences in spaces or
apostrophes. For each question's explanation (``explain_speaker`` ...) it counts
how many of the draft's are written, not a ``DRAFT:`` placeholder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from medialit.keys.key import Key, list_field, load_key
from medialit.keys.write import DRAFT_PREFIX
from medialit.vocabulary import EXPLANATION_COLUMNS

COMPARED_FIELDS = ("speaker", "speaker_role", "channel", "category", "rule", "claim_type", "techniques")
# The explanation columns whose writing the comparison reports ("explanation" is the row's summary).
EXPLAINED_FIELDS = ("explanation", *EXPLANATION_COLUMNS.values())
DRAFT_MARK = DRAFT_PREFIX


@dataclass(frozen=True)
class Disagreement:
    """One sentence where the draft and the key differ on one field."""

    sentence_id: str
    field: str
    draft: str
    key: str


@dataclass(frozen=True)
class Comparison:
    """Agreement of a draft with a key: per field, how many sentences agree out of how many."""

    draft_path: Path
    key_path: Path
    total: int
    agreed: dict[str, int]
    disagreements: list[Disagreement]
    explained: dict[str, int] = field(default_factory=dict)

    def share(self, field: str) -> float:
        """Return the share of sentences (0 to 1) on which the draft agrees with the key for ``field``."""
        return self.agreed[field] / self.total if self.total else 0.0

    def table(self) -> str:
        """Return the agreement as a small text table (field, agree, total, percent), then the explanations written."""
        lines = [f"{'field':<19}{'agree':>7}{'total':>7}{'percent':>9}"]
        for name in COMPARED_FIELDS:
            lines.append(f"{name:<19}{self.agreed[name]:>7}{self.total:>7}{self.share(name) * 100:>8.1f}%")
        if self.explained:
            lines.append(f"{'explanation':<19}{'written':>7}{'total':>7}")
            lines += [f"{name:<19}{count:>7}{self.total:>7}" for name, count in self.explained.items()]
        return "\n".join(lines)

    def details(self) -> str:
        """Return one line per disagreement: ``sentence_id field: draft '...' / key '...'``."""
        return "\n".join(
            f"{d.sentence_id} {d.field}: draft {d.draft!r} / key {d.key!r}" for d in self.disagreements
        )


def normalise_speaker(name: str) -> str:
    """Return ``name`` in the form speakers are compared in (lower case, no leading 'the', plain apostrophes)."""
    name = name.replace("’", "'").strip().lower()
    name = re.sub(r"^the\s+", "", name)
    return " ".join(name.split())


def _agrees(field: str, draft_value: str, key: Key, sentence_id: str) -> bool:
    """Return True when the draft's ``field`` for ``sentence_id`` counts as agreeing with the key."""
    expected = key.value(sentence_id, field)
    if field == "speaker":
        return normalise_speaker(draft_value) == normalise_speaker(expected)
    if field == "category":
        return draft_value in (expected, *list_field(key.value(sentence_id, "also_acceptable")))
    if field == "claim_type":
        return draft_value in (expected, *list_field(key.value(sentence_id, "claim_type_also")))
    if field == "techniques":
        return set(list_field(draft_value)) == set(list_field(expected))
    return draft_value.strip() == expected.strip()


def compare_keys(draft: Key, key: Key) -> Comparison:
    """Return the agreement of ``draft`` with ``key`` on ``COMPARED_FIELDS`` (both keys of the same article)."""
    agreed = dict.fromkeys(COMPARED_FIELDS, 0)
    disagreements = []
    for sentence_id in key.sentence_ids:
        for name in COMPARED_FIELDS:
            value = draft.value(sentence_id, name)
            if _agrees(name, value, key, sentence_id):
                agreed[name] += 1
            else:
                disagreements.append(Disagreement(sentence_id, name, value, key.value(sentence_id, name)))
    explained = {
        name: sum(not draft.value(sentence_id, name).lstrip().startswith(DRAFT_MARK) and bool(draft.value(sentence_id, name).strip()) for sentence_id in key.sentence_ids)
        for name in EXPLAINED_FIELDS
    }
    return Comparison(draft.path, key.path, len(key.sentence_ids), agreed, disagreements, explained)


def compare_files(draft_path: Path | str, key_path: Path | str) -> Comparison:
    """Return the comparison of the draft key file with the key file (the draft is read against the key's article).

    Raises:
        MediaLitError: either file is missing or invalid.
    """
    key = load_key(key_path)
    draft = load_key(draft_path, key.article)
    return compare_keys(draft, key)
