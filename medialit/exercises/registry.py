"""Every exercise of the kit, declared once: its id, kind, notebook, article, fields, items, questions and points.

The lessons, the notebooks, the checks, the hand-in widgets, grading, the release and the example-class generator read
these declarations (``EXERCISES``); nothing else keeps a copy of an exercise's facts. Adding an exercise is one
``Exercise(...)`` here plus its notebook (a lesson, or an assignment's solution).

Kinds:

* ``classify``: one label per sentence for one field (``fields == (field,)``), in a lesson;
* ``labels``: assignment 01, a speaker and a category per sentence (``fields == ("speaker", "category")``);
* ``tables``: assignment 02, word tables named ``words_by_<field>``;
* ``figure``: assignment 03, one figure (``fields == ("figure",)``);
* ``written``: assignment 04, texts scored by the teacher (``fields`` are the question ids, ``points`` the top score);
* ``quiz``: a quiz file of ``medialit/data/quizzes`` (``quiz`` names it), not item-based.

An exercise's items were chosen on its ``article``; on any other article ``items_for`` picks a balanced set from that
article's key (``balanced_items``), and an exercise with no declared items covers every sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field as dataclass_field
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, get_args

from medialit.errors import MediaLitError
from medialit.exercises.quiz import CHECK_QUIZ, POST_CHECK, PRE_CHECK
from medialit.exercises.scoring import expected
from medialit.vocabulary import EXERCISE_FIELDS

if TYPE_CHECKING:
    from medialit.keys.key import Key

Kind = Literal["classify", "labels", "tables", "figure", "written", "quiz"]
KINDS: tuple[str, ...] = get_args(Kind)
SEED_ARTICLE = "lavrov-pompeo-sochi-2019"
# The fields of a labels exercise, and the prefix of a word table's name ("words_by_speaker" counts by speaker).
LABEL_FIELDS = ("speaker", "category")
TABLE_PREFIX = "words_by_"
_EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class Exercise:
    """One exercise as data (see the module docstring for the kinds); build only in ``EXERCISES``.

    ``answers_id`` is a template with ``{id}`` and ``{article}``: the name of the answers file and the
    ``exercise_id`` a submission carries. ``quiz`` names the quiz file of a ``quiz`` exercise ("" otherwise).
    """

    id: str
    kind: Kind
    notebook: str
    title: str
    article: str = SEED_ARTICLE
    fields: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    questions: Mapping[str, str] = dataclass_field(default_factory=lambda: _EMPTY, hash=False)
    points: int = 1
    rubric: str = ""
    answers_id: str = "{id}"
    quiz: str = ""

    @property
    def field(self) -> str:
        """Return the one field a classify exercise asks about (the first field for other kinds; "" for none)."""
        return self.fields[0] if self.fields else ""

    def answers_file_id(self, article: str, part: str = "") -> str:
        """Return the answers-file / submission exercise id on ``article`` (with ``-<part>`` for one part's answers).

        E.g. ``lavrov-pompeo-sochi-2019-02-speaker``; ``01_label_voices-speaker`` for part ``speaker`` of exercise 01.
        """
        name = self.answers_id.format(id=self.id, article=article)
        return f"{name}-{part}" if part else name

    def items_for(self, key: Key) -> list[str]:
        """Return the sentence ids of this exercise on ``key``'s article.

        Every sentence when none are declared; the declared items on the article they were chosen on; a balanced
        set from the key on any other article (``balanced_items`` over the last field: ``category`` for labels).
        """
        if not self.items:
            return list(key.sentence_ids)
        if key.article.name == self.article:
            return list(self.items)
        return balanced_items(key, self.fields[-1])

    def table_fields(self) -> dict[str, str]:
        """Return a tables exercise's word tables by name, each with the field it counts by (``{"words_by_speaker": "speaker"}``)."""
        return {name: name.removeprefix(TABLE_PREFIX) for name in self.fields} if self.kind == "tables" else {}


WRITTEN_QUESTIONS = {
    "answer_1": "Who gets the most words in the article, and whose voice is missing? How does that shape the picture a reader gets?",
    "answer_2": "Pick one cue verb the article uses instead of 'said' (for example 'noted', 'stressed' or 'pointed out'). "
    "How does it frame the words it introduces?",
    "answer_3": "Paragraph 11 lists four accusations. What evidence does the article give for them, and what would you "
    "check before believing them?",
}

# THE declarations: the lessons' exercises in lesson order, then the assignments. An assessment release strips the
# comments and writes this tuple on one line, so a title never uses a label of the key ("official", "opinion"...). Every item set of a lesson mixes plain sentences (the outlet's narration, an
# official's straightforward words) with framed ones, so one label for everything scores badly (tests/test_lessons.py).
EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        id="quiz-discrimination-pre",
        kind="quiz",
        notebook="notebooks/02_who_is_speaking.ipynb",
        title="Discrimination check (before)",
        quiz=CHECK_QUIZ,
        answers_id=PRE_CHECK,
    ),
    Exercise(
        id="02_who_is_speaking",
        kind="classify",
        notebook="notebooks/02_who_is_speaking.ipynb",
        title="Who is speaking?",
        fields=("speaker",),
        items=(
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
        ),
        answers_id="{article}-02-speaker",
    ),
    Exercise(
        id="03_official_statements",
        kind="classify",
        notebook="notebooks/03_official_statements.ipynb",
        title="The ministers' claims",
        fields=("claim_type",),
        items=(
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
        ),
        answers_id="{article}-03-claim_type",
    ),
    Exercise(
        id="04_state_media_framing",
        kind="classify",
        notebook="notebooks/04_state_media_framing.ipynb",
        title="Sentence categories, lesson 04",
        fields=("category",),
        items=(
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
        ),
        answers_id="{article}-04-category",
    ),
    Exercise(
        id="quiz-quote-check",
        kind="quiz",
        notebook="notebooks/05_check_the_quotes.ipynb",
        title="Check the quotes",
        quiz="quote-check",
        answers_id="{article}-quote-check",
    ),
    Exercise(
        id="06_expert_opinion_and_evidence",
        kind="classify",
        notebook="notebooks/06_expert_opinion_and_evidence.ipynb",
        title="Claims and their evidence",
        fields=("claim_type",),
        items=(
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
        ),
        answers_id="{article}-06-claim_type",
    ),
    Exercise(
        id="quiz-evidence",
        kind="quiz",
        notebook="notebooks/06_expert_opinion_and_evidence.ipynb",
        title="True beside false",
        quiz="true-beside-false",
        answers_id="{article}-evidence",
    ),
    Exercise(
        id="07_classify_the_article",
        kind="classify",
        notebook="notebooks/07_classify_the_article.ipynb",
        title="Classify the article",
        fields=("category",),
        answers_id="{article}-category",
    ),
    Exercise(
        id="quiz-discrimination-post",
        kind="quiz",
        notebook="notebooks/07_classify_the_article.ipynb",
        title="Discrimination check (after)",
        quiz=CHECK_QUIZ,
        answers_id=POST_CHECK,
    ),
    Exercise(
        id="09_persuasion_techniques",
        kind="classify",
        notebook="notebooks/09_persuasion_techniques.ipynb",
        title="Persuasion techniques",
        fields=("techniques",),
        items=(
            "P10.S1", "P10.S2", "P10.S3",
            "P11.S1", "P11.S2", "P11.S3", "P11.S4", "P11.S5",
            "P12.S1",
            "P13.S1", "P13.S2", "P13.S3",
            "P14.S1", "P14.S2", "P14.S3", "P14.S4", "P14.S5",
        ),
        answers_id="{article}-09-techniques",
    ),
    Exercise(
        id="quiz-techniques-younger",
        kind="quiz",
        notebook="notebooks/09_persuasion_techniques.ipynb",
        title="Persuasion techniques (younger learners)",
        quiz="techniques-younger",
        answers_id="{article}-techniques-younger",
    ),
    Exercise(
        id="01_label_voices",
        kind="labels",
        notebook="solutions/01_label_voices.ipynb",
        title="Label the voices",
        fields=LABEL_FIELDS,
        items=(
            "P01.S1",  # the outlet's narration: reporting
            "P02.S2",  # Lavrov relayed by TASS ("the Russian top diplomat")
            "P05.S3",  # Pompeo, "he pointed out"
            "P06.S2",  # Pompeo, a quotation that continues
            "P09.S1",  # the outlet's narration: reporting
            "P09.S2",  # Lavrov, "in Lavrov's words" inside narration
            "P10.S1",  # Markov, named with his title, "speaking to Vestnik Kavkaza"
            "P11.S3",  # Markov, the second of his four allegations
            "P13.S1",  # Sharikov, named with his title
            "P14.S2",  # Sharikov, "I think it's unlikely."
        ),
    ),
    Exercise(
        id="02_count_the_words",
        kind="tables",
        notebook="solutions/02_count_the_words.ipynb",
        title="Count the words",
        fields=tuple(TABLE_PREFIX + name for name in LABEL_FIELDS),
    ),
    Exercise(
        id="03_draw_the_voice_map",
        kind="figure",
        notebook="solutions/03_draw_the_voice_map.ipynb",
        title="Draw the voice map",
        fields=("figure",),
    ),
    Exercise(
        id="04_framing_and_evidence",
        kind="written",
        notebook="solutions/04_framing_and_evidence.ipynb",
        title="Framing and evidence",
        fields=tuple(WRITTEN_QUESTIONS),
        questions=MappingProxyType(WRITTEN_QUESTIONS),
        points=3,  # each written answer is scored 0-3 with the rubric
        rubric="solutions/04_framing_and_evidence.ipynb (the teacher-only cell after each question)",
    ),
)


def declaration_problems(declarations: Iterable[Exercise]) -> list[str]:
    """Return one line per problem in ``declarations`` (empty when they are sound); reads no file.

    Checked: unique ids and answers ids, a known kind, a classify exercise with one field of
    ``vocabulary.EXERCISE_FIELDS``, labels with ``LABEL_FIELDS``, tables named ``words_by_<label field>``, written
    questions that match the fields, unique items, a quiz exercise that names its quiz, points of at least 1.
    """
    problems: list[str] = []
    seen: set[str] = set()
    answers: set[str] = set()
    for declared in declarations:
        where = f"exercise {declared.id!r}"
        if declared.id in seen:
            problems.append(f"{where}: declared twice; give each exercise its own id")
        seen.add(declared.id)
        answers_id = declared.answers_file_id(declared.article)
        if answers_id in answers:
            problems.append(f"{where}: answers id {answers_id!r} is used by another exercise; give it its own")
        answers.add(answers_id)
        problems += [f"{where}: {problem}" for problem in _kind_problems(declared)]
        if len(set(declared.items)) != len(declared.items):
            problems.append(f"{where}: an item is listed twice; list each sentence id once")
        if declared.points < 1:
            problems.append(f"{where}: points={declared.points}; use 1 or more")
    return problems


def _kind_problems(declared: Exercise) -> list[str]:
    """Return the problems of one declaration's kind-specific fields (without the exercise's name)."""
    kind, fields = declared.kind, declared.fields
    if kind not in KINDS:
        return [f"kind {kind!r} is unknown; use one of: {', '.join(KINDS)}"]
    if kind == "classify" and (len(fields) != 1 or fields[0] not in EXERCISE_FIELDS):
        return [f"fields={fields!r}; a classify exercise asks one of: {', '.join(EXERCISE_FIELDS)}"]
    if kind == "labels" and fields != LABEL_FIELDS:
        return [f"fields={fields!r}; a labels exercise asks {', '.join(LABEL_FIELDS)}"]
    if kind == "tables" and (not fields or any(by not in LABEL_FIELDS for by in declared.table_fields().values())):
        return [f"fields={fields!r}; name each table {TABLE_PREFIX}<{' or '.join(LABEL_FIELDS)}>"]
    if kind == "written" and (not fields or tuple(declared.questions) != fields):
        return [f"fields={fields!r} do not match its questions {tuple(declared.questions)!r}; list each question once"]
    if kind == "quiz" and not declared.quiz:
        return ["names no quiz; set quiz= to a file name of medialit/data/quizzes"]
    if kind not in ("classify", "labels") and declared.items:
        return [f"a {kind} exercise has no sentence items; remove items="]
    return []


@cache
def _checked() -> dict[str, Exercise]:
    """Return the declarations by id once they are known to be sound.

    Raises:
        MediaLitError: the first problem ``declaration_problems`` finds.
    """
    problems = declaration_problems(EXERCISES)
    if problems:
        raise MediaLitError(f"medialit/exercises/registry.py: {problems[0]}")
    return {declared.id: declared for declared in EXERCISES}


def exercise(exercise_id: str) -> Exercise:
    """Return the declaration of ``exercise_id`` (e.g. ``"02_who_is_speaking"``).

    Raises:
        MediaLitError: no exercise has that id (the message names the known ids).
    """
    known = _checked()
    if exercise_id not in known:
        raise MediaLitError(f"{exercise_id}: no such exercise; the exercises are: {', '.join(known)}")
    return known[exercise_id]


def exercises(kind: Kind | None = None) -> list[Exercise]:
    """Return every declaration (of ``kind``, when given), in lesson order.

    Raises:
        MediaLitError: ``kind`` is not one of ``KINDS``.
    """
    if kind is not None and kind not in KINDS:
        raise MediaLitError(f"{kind!r}: no such kind of exercise; use one of: {', '.join(KINDS)}")
    return [declared for declared in _checked().values() if kind is None or declared.kind == kind]


def for_answers_id(answers_id: str, article: str) -> Exercise | None:
    """Return the exercise a submission's (or answers file's) ``answers_id`` on ``article`` names, or None.

    Besides the declarations: ``<article>-<field>`` is what ``classify(article, field=...)`` saves when no exercise
    is declared for it (a teacher's own notebook): a classify exercise over every sentence of that field.
    """
    declared = next((declared for declared in exercises() if declared.answers_file_id(article) == answers_id), None)
    if declared is not None:
        return declared
    field_name = answers_id.removeprefix(f"{article}-") if answers_id.startswith(f"{article}-") else ""
    if field_name not in EXERCISE_FIELDS:
        return None
    return Exercise(
        id=f"classify-{field_name}", kind="classify", notebook="", title=f"Classify every sentence: {field_name}",
        article=article, fields=(field_name,), answers_id=f"{{article}}-{field_name}",
    )


def balanced_items(key: Key, field_name: str, per_label: int = 3) -> list[str]:
    """Return up to ``per_label`` sentence ids for each expected label of ``field_name``, spread over the article.

    Labels are grouped as the balanced score groups them (for techniques: each
    expected set of techniques, ``none`` included). Within a group, sentences with
    no accepted alternative are chosen first: an item that also accepts another
    label gives a learner who answers that label everywhere credit for free.

    Used for an article without chosen items: every label the key uses gets
    items, so a single answer for everything cannot score well. Ids are in article order.
    """
    groups: dict[str, list[str]] = {}
    for sentence_id in key.sentence_ids:
        preferred, _ = expected(key, field_name, sentence_id)
        groups.setdefault(preferred, []).append(sentence_id)
    chosen: set[str] = set()
    for ids in groups.values():
        clear = [sentence_id for sentence_id in ids if not _alternatives(key, field_name, sentence_id)]
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


def _alternatives(key: Key, field_name: str, sentence_id: str) -> set[str]:
    """Return the labels besides the preferred one that the key accepts for ``field_name`` on a sentence."""
    preferred, accepted = expected(key, field_name, sentence_id)
    return {label for label in accepted if label != preferred}
