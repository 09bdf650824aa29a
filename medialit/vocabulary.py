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

# ---- Statuses, their marks and words: one vocabulary for every check, score and quiz --------------------------------
# The marks: a learner never has to rely on colour alone, every status has one of these and words.
MARK_RIGHT = "✔"
MARK_WRONG = "✘"
MARK_OPEN = "○"  # not answered yet, or answered but not checked against the key
MARK_DRAFT = "✎"  # a key row that is still a draft
MARK_WARNING = "⚠"
MARK_NOTE = "ℹ"
# A scored item (exercises.scoring, exercises.quiz): the answer against the key.
SCORE_STATUSES = ("correct", "acceptable", "wrong", "unanswered")
# A check report (exercises.checks): an assignment's work, checked for content or only for format.
CHECK_STATUSES = ("unanswered", "passed", "partly", "failed", "recorded", "format-problem")
# An item in assessment mode (exercises.mode): only the answer's format is checked.
RECORD_STATUSES = ("recorded", "format-problem", "unanswered")
STATUSES = tuple(dict.fromkeys((*SCORE_STATUSES, *CHECK_STATUSES, *RECORD_STATUSES)))
# Per status: its mark.
MARKS: dict[str, str] = {
    "correct": MARK_RIGHT,
    "acceptable": MARK_RIGHT,
    "wrong": MARK_WRONG,
    "unanswered": MARK_OPEN,
    "passed": MARK_RIGHT,
    "partly": MARK_WRONG,
    "failed": MARK_WRONG,
    "recorded": MARK_RIGHT,
    "format-problem": MARK_WRONG,
}
# Per status: the words shown after its mark.
STATUS_WORDS: dict[str, str] = {
    "correct": "Correct",
    "acceptable": "Accepted",
    "wrong": "Not quite",
    "unanswered": "Not answered yet",
    "passed": "Right",
    "partly": "Partly right",
    "failed": "Not right yet",
    "recorded": "Recorded",
    "format-problem": "Check the format",
}

# ---- Colours: the Okabe-Ito palette, and every colour the kit uses named by its role ----------------------------------
# Okabe & Ito (2008), a palette that stays distinguishable with every common colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
COLOURS: dict[str, str] = {
    "right": "#009E73",  # a right answer, a message that went well (Okabe-Ito bluish green)
    "note": "#0072B2",  # an accepted answer, a recorded one, a note (Okabe-Ito blue)
    "alert": "#D55E00",  # a wrong answer, an error, the disconnected-kernel guard (Okabe-Ito vermillion)
    "caution": "#E69F00",  # a key still under review, an invented article (Okabe-Ito orange)
    "neutral": "#999999",  # not answered yet, a dashed frame
    "frame": "#bbbbbb",  # the thin border around an item
    "other": "#BBBBBB",  # a category the palette has no colour for
    "bar": "#0072B2",  # the bars of a one-colour chart
    "ink": "#000000",  # the focus outline where JupyterLab's theme gives none
    "paper": "#ffffff",  # the background where JupyterLab's theme gives none
}
# Per status: the colour of its border (always beside a mark and words, never alone).
STATUS_COLOURS: dict[str, str] = {
    "correct": COLOURS["right"],
    "acceptable": COLOURS["note"],
    "wrong": COLOURS["alert"],
    "unanswered": COLOURS["neutral"],
    "passed": COLOURS["right"],
    "partly": COLOURS["caution"],
    "failed": COLOURS["alert"],
    "recorded": COLOURS["note"],
    "format-problem": COLOURS["alert"],
}
# Per category: its colour in every chart (Okabe-Ito; lessons.plots adds a hatching and a letter).
CATEGORY_COLOURS: dict[str, str] = {
    "official statement": "#0072B2",
    "state-media framing": "#D55E00",
    "expert opinion": "#E69F00",
    "reporting": "#F0E442",
}

# ---- Dates ------------------------------------------------------------------------------------------------------------
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
