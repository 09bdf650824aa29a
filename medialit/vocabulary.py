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
