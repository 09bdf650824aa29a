"""The kit's vocabulary: the labels an answer key may use, in the order learners see them."""

from __future__ import annotations

CATEGORIES = ("official statement", "state-media framing", "expert opinion", "reporting")
SPEAKER_ROLES = ("official", "former official", "expert", "outlet")
CHANNELS = ("direct quote", "paraphrase", "relayed", "narration")
CLAIM_TYPES = ("verifiable fact", "opinion", "prediction", "allegation", "other")
# Da San Martino et al. (EMNLP 2019): the 18 propaganda techniques, names as the kit spells them.
TECHNIQUES = (
    "loaded language",
    "name calling/labeling",
    "repetition",
    "exaggeration/minimisation",
    "doubt",
    "appeal to fear/prejudice",
    "flag-waving",
    "causal oversimplification",
    "slogans",
    "appeal to authority",
    "black-and-white fallacy",
    "thought-terminating cliches",
    "whataboutism",
    "reductio ad hitlerum",
    "red herring",
    "bandwagon",
    "obfuscation/intentional vagueness",
    "straw man",
)
# How the outlet's own narration (an empty speaker in a key) is shown as a choice.
NARRATION_SPEAKER = "no one quoted (the outlet's own narration)"
# The label for "no technique" in a techniques exercise.
NO_TECHNIQUE = "none"
LIST_SEPARATOR = ";"
# Fields a classification exercise can ask about.
EXERCISE_FIELDS = ("category", "speaker", "claim_type", "techniques")
# The labelling rule (teacher/guide.md, "The labelling rule"): each key row's ``rule`` names the case that decided its
# category. Per rule: the categories it allows as preferred, and the alternatives it requires / allows.
RULE_EXCEPTION = "X"
RULES: dict[str, str] = {
    "R1": "the outlet's own plain narration: reporting",
    "R2": "an official's own words in quotation marks, not relayed by a named state outlet: official statement",
    "R3": "an official paraphrased in the outlet's own sentence: official statement, reporting also accepted",
    "R4": "a person's words relayed by a named state outlet: the speaker's category, state-media framing also accepted",
    "R5": "an expert's words, quoted or paraphrased, not relayed by a named state outlet: expert opinion",
    "R6": "a state outlet's own wording or its own name as the source of a claim: state-media framing",
    "R7": "narration with evaluative wording by an outlet not shown to be state-run: reporting",
    "R8": "an institution (no named person) as the source of a checkable account: reporting, official statement also accepted",
    RULE_EXCEPTION: "a teacher's exception, explained in explain_category",
}
# rule -> (preferred categories allowed, alternatives required, alternatives allowed)
RULE_LABELS: dict[str, tuple[tuple[str, ...], frozenset[str], frozenset[str]]] = {
    "R1": (("reporting",), frozenset(), frozenset()),
    "R2": (("official statement",), frozenset(), frozenset()),
    "R3": (("official statement",), frozenset({"reporting"}), frozenset({"reporting"})),
    "R4": (("official statement", "expert opinion"), frozenset({"state-media framing"}), frozenset({"state-media framing"})),
    "R5": (("expert opinion",), frozenset(), frozenset()),
    "R6": (("state-media framing",), frozenset(), frozenset({"reporting", "official statement"})),
    "R7": (("reporting",), frozenset(), frozenset()),
    "R8": (("reporting",), frozenset({"official statement"}), frozenset({"official statement"})),
}
# A former official speaking as an analyst: under R4 or R5, "official statement" is also allowed as an alternative.
FORMER_OFFICIAL_ALSO = "official statement"
# The key column holding each exercise field's own explanation (the feedback for that question).
EXPLANATION_COLUMNS: dict[str, str] = {
    "speaker": "explain_speaker",
    "category": "explain_category",
    "claim_type": "explain_claim_type",
    "techniques": "explain_techniques",
}
