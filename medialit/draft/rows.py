"""One draft key row: the labels in ``KEY_COLUMNS`` order with the DRAFT explanations of what the rules saw.

The draft writes the key's per-question explanation placeholders (``explain_speaker``, ``explain_category``,
``explain_claim_type``, ``explain_techniques``): each starts with ``DRAFT:`` and names the attribution pattern
that matched, so a teacher sees where to look and ``compare`` can count how many are still to write.
"""

from __future__ import annotations

from medialit.draft.claims import claim_type
from medialit.draft.model import Attribution, sentence_case
from medialit.draft.roles import ROLE_UNKNOWN, category, rule
from medialit.keys.write import DRAFT_PREFIX
from medialit.text.article import Sentence
from medialit.text.outlets import Outlet
from medialit.vocabulary import LIST_SEPARATOR, RULES

DRAFT_TECHNIQUES = f"{DRAFT_PREFIX} The rules tag no techniques; name the words of any technique you find, or say why there is none."
DRAFT_SOURCE = "the article"


def key_row(sentence: Sentence, attribution: Attribution, channel: str) -> list[str]:
    """Return the key row of one sentence (values in ``KEY_COLUMNS`` order) with its ``DRAFT:`` explanations."""
    relay = attribution.relayed_by
    state = relay if isinstance(relay, Outlet) else None
    label, also, category_how = category(attribution, channel, state)
    rule_id = rule(attribution, channel, state)
    claim, claim_how = claim_type(sentence.text, attribution, channel)
    sources = [DRAFT_SOURCE] + ([state.source] if state is not None and state.source else [])
    how = sentence_case(attribution.how)
    role_note = " Role unknown: choose the speaker's role." if attribution.kind == "person" and attribution.role == ROLE_UNKNOWN else ""
    return [
        sentence.sentence_id,
        sentence.text,
        attribution.speaker,
        attribution.role,
        channel,
        attribution.cue,
        label,
        LIST_SEPARATOR.join(also),
        rule_id,
        claim,
        "",
        "",
        "",
        f"{DRAFT_PREFIX} {how}.{role_note} {category_how} {claim_how}",
        f"{DRAFT_PREFIX} {how}.{role_note} Say where the speaker's name was first given and how the words reach this sentence.",
        f"{DRAFT_PREFIX} Rule {rule_id}: {RULES[rule_id]}. {category_how}",
        f"{DRAFT_PREFIX} {claim_how}",
        DRAFT_TECHNIQUES,
        LIST_SEPARATOR.join(sources),
        "no",
    ]
