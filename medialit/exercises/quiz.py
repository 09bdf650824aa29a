"""Quizzes that measure discrimination: true beside false claims, harmless variants beside changes of meaning.

A quiz is a JSON file ``NAME.quiz.json`` (shipped ones in ``medialit/data/quizzes/``)::

    {"format": "medialit-quiz", "version": 1, "title": "...", "question": "...", "intro": "... (optional)",
     "noun": "claim (optional)", "options": ["true", "false", "unsupported"], "flag_options": ["false", "unsupported"],
     "kinds": {"true": {"plain": true, "label": "..."}, "false": {"plain": false, "label": "..."}},
     "items": [{"id": "c1", "statement": "...", "details": ["... (optional)"], "kind": "true", "answer": "true",
                "also": [], "explanation": "...", "source": "...", "date": "...", "options": ["(optional)"]}]}

Every kind is either *plain* (a careful reader accepts it: a true, checkable claim; a harmless variant) or *flagged*
(false, unsupported, a change of meaning). A plain item's accepted answers are never flag options and a flagged
item's always are, so scoring can average the share credited among plain items and among flagged items
(``QuizScore.balanced``): a learner who calls everything false, or everything true, scores at most 50%; ``hits``
minus ``false_alarms`` is reported beside it. ``load_quiz`` checks all of this and names the file, the item and the
fix in one line.

This module holds the format, validation and pure scoring; ``QuizWidget`` (``medialit.ui.quizwidget``, imported only
when a widget is built) shows one quiz; ``discrimination_change`` compares a class's pre- and post-check answers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medialit.errors import MediaLitError
from medialit.vocabulary import MARKS, STATUS_WORDS

if TYPE_CHECKING:  # pandas and ipywidgets are imported only where a function needs them
    import pandas as pd

QUIZ_FORMAT = "medialit-quiz"
QUIZ_VERSION = 1
QUIZ_SUFFIX = ".quiz.json"
QUIZ_DIR = Path(__file__).resolve().parent.parent / "data" / "quizzes"
FIRST_SUFFIX = "-first"
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,60}")
_TOP_FIELDS = {"format", "version", "title", "question", "intro", "noun", "options", "flag_options", "kinds", "items"}
_ITEM_FIELDS = {"id", "statement", "details", "kind", "answer", "also", "explanation", "source", "date", "options"}


@dataclass(frozen=True)
class Kind:
    """A kind of item: ``plain`` (a careful reader accepts it) or not (a careful reader flags it), and its label."""

    name: str
    plain: bool
    label: str


@dataclass(frozen=True)
class QuizItem:
    """One validated item of a quiz (all text plain, never HTML)."""

    id: str
    statement: str
    details: tuple[str, ...]
    kind: str
    plain: bool
    answer: str
    also: tuple[str, ...]
    explanation: str
    source: str
    date: str
    options: tuple[str, ...]

    @property
    def accepted(self) -> tuple[str, ...]:
        """Return every accepted answer, the preferred one first."""
        return (self.answer, *self.also)


@dataclass(frozen=True)
class Quiz:
    """A validated quiz: its file, name, texts, options, which options flag a problem, kinds and items."""

    path: Path
    name: str
    title: str
    question: str
    intro: str
    options: tuple[str, ...]
    flag_options: tuple[str, ...]
    kinds: dict[str, Kind]
    items: tuple[QuizItem, ...]
    noun: str = "claim"

    @property
    def item_ids(self) -> list[str]:
        """Return the item ids in file order."""
        return [item.id for item in self.items]

    def item(self, item_id: str) -> QuizItem:
        """Return the item ``item_id``.

        Raises:
            MediaLitError: the quiz has no such item.
        """
        for item in self.items:
            if item.id == item_id:
                return item
        raise MediaLitError(f"{self.path}: has no item {item_id!r}; its items are {', '.join(self.item_ids)}")


# ----- reading and validating ------------------------------------------------------------------------------------


def quiz_path(name: str | Path) -> Path:
    """Return the file of quiz ``name``: a path to a ``*.quiz.json`` file, or a name in ``medialit/data/quizzes/``.

    Raises:
        MediaLitError: no such quiz.
    """
    candidate = Path(name)
    if candidate.suffix == ".json" or candidate.parent != Path("."):
        if candidate.is_file():
            return candidate
        raise MediaLitError(f"{candidate}: no such quiz file; give a path to a {QUIZ_SUFFIX} file or a quiz name")
    packaged = QUIZ_DIR / f"{name}{QUIZ_SUFFIX}"
    if packaged.is_file():
        return packaged
    known = ", ".join(available_quizzes()) or "none"
    raise MediaLitError(f"{name}: no such quiz in {QUIZ_DIR}; the quizzes are: {known}")


def available_quizzes() -> list[str]:
    """Return the names of the quizzes shipped in ``medialit/data/quizzes/``."""
    if not QUIZ_DIR.is_dir():
        return []
    return sorted(path.name.removesuffix(QUIZ_SUFFIX) for path in QUIZ_DIR.glob(f"*{QUIZ_SUFFIX}"))


def load_quiz(name: str | Path) -> Quiz:
    """Return the validated quiz ``name`` (a path or a shipped quiz name).

    Raises:
        MediaLitError: one line naming the file, the item (or JSON line) and the fix.
    """
    path = quiz_path(name)
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise MediaLitError(f"{path}: is not UTF-8 text; save it as UTF-8") from None
    except json.JSONDecodeError as error:
        raise MediaLitError(
            f"{path}: line {error.lineno}: not valid JSON ({error.msg}); fix that line (a missing comma or quote?)"
        ) from None
    except OSError as error:
        raise MediaLitError(f"{path}: cannot be read ({error.strerror})") from None
    return parse_quiz(content, path)


def parse_quiz(content: Any, path: Path) -> Quiz:
    """Return the ``Quiz`` that the decoded JSON ``content`` of ``path`` describes, after checking every rule.

    Raises:
        MediaLitError: the first problem, in one line naming the file, the item and the fix.
    """
    where = str(path)
    if not isinstance(content, dict):
        raise MediaLitError(f"{where}: a quiz file is one JSON object with \"format\": \"{QUIZ_FORMAT}\"")
    if content.get("format") != QUIZ_FORMAT or content.get("version") != QUIZ_VERSION:
        raise MediaLitError(
            f"{where}: is not a quiz file; start it with \"format\": \"{QUIZ_FORMAT}\", \"version\": {QUIZ_VERSION}"
        )
    unknown = sorted(set(content) - _TOP_FIELDS)
    if unknown:
        raise MediaLitError(f"{where}: unknown field(s) {', '.join(unknown)}; the fields are {', '.join(sorted(_TOP_FIELDS))}")
    title = _text(content, "title", where)
    question = _text(content, "question", where)
    intro = _text(content, "intro", where, required=False)
    noun = _text(content, "noun", where, required=False) or "claim"
    options = _options(content.get("options"), f"{where}: options")
    flags = _string_list(content.get("flag_options"), f"{where}: flag_options")
    if not flags or not set(flags) <= set(options) or set(flags) == set(options):
        raise MediaLitError(
            f"{where}: flag_options must name one or more of the options ({', '.join(options)}), leaving at least one "
            "option that does not flag a problem"
        )
    kinds = _kinds(content.get("kinds"), where)
    raw_items = content.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise MediaLitError(f"{where}: items must be a non-empty list of item objects")
    items: list[QuizItem] = []
    for number, raw in enumerate(raw_items, start=1):
        items.append(_item(raw, number, where, options, tuple(flags), kinds))
    ids = [item.id for item in items]
    duplicates = sorted({item_id for item_id in ids if ids.count(item_id) > 1})
    if duplicates:
        raise MediaLitError(f"{where}: item id(s) {', '.join(duplicates)} used more than once; give each item its own id")
    if len({item.plain for item in items}) < 2:
        raise MediaLitError(
            f"{where}: the items need at least one plain kind and one flagged kind, so the quiz measures discrimination"
        )
    name = path.name.removesuffix(QUIZ_SUFFIX) if path.name.endswith(QUIZ_SUFFIX) else path.stem
    return Quiz(path, name, title, question, intro, options, tuple(flags), kinds, tuple(items), noun)


def _text(content: Mapping[str, Any], field: str, where: str, required: bool = True) -> str:
    value = content.get(field, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise MediaLitError(f"{where}: {field} must be a non-empty text; add \"{field}\": \"...\"")
    return value.strip()


def _string_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(entry, str) and entry.strip() for entry in value):
        raise MediaLitError(f"{where}: must be a list of non-empty texts, e.g. [\"true\", \"false\"]")
    return [entry.strip() for entry in value]


def _options(value: Any, where: str) -> tuple[str, ...]:
    options = _string_list(value, where)
    if not 2 <= len(options) <= 5 or len(set(options)) != len(options):
        raise MediaLitError(f"{where}: give 2 to 5 different options")
    return tuple(options)


def _kinds(value: Any, where: str) -> dict[str, Kind]:
    if not isinstance(value, dict) or not value:
        raise MediaLitError(f"{where}: kinds must be an object such as {{\"true\": {{\"plain\": true, \"label\": \"...\"}}}}")
    kinds: dict[str, Kind] = {}
    for name, raw in value.items():
        if not isinstance(raw, dict) or not isinstance(raw.get("plain"), bool):
            raise MediaLitError(f"{where}: kind {name!r} needs \"plain\": true or false (and a \"label\")")
        kinds[name] = Kind(name, raw["plain"], _text(raw, "label", f"{where}: kind {name!r}"))
    return kinds


def _item(
    raw: Any, number: int, where: str, options: tuple[str, ...], flags: tuple[str, ...], kinds: dict[str, Kind]
) -> QuizItem:
    """Return item ``number`` of the file, validated (see the module docstring for the rules)."""
    label = f"{where}: item {number}"
    if not isinstance(raw, dict):
        raise MediaLitError(f"{label}: must be an object with id, statement, kind, answer, explanation, source, date")
    item_id = raw.get("id")
    if not isinstance(item_id, str) or not _SAFE_ID.fullmatch(item_id):
        raise MediaLitError(f"{label}: id must be letters, digits, '.', '_' or '-' (e.g. \"q1\"), not {item_id!r}")
    label = f"{label} (id {item_id!r})"
    unknown = sorted(set(raw) - _ITEM_FIELDS)
    if unknown:
        raise MediaLitError(f"{label}: unknown field(s) {', '.join(unknown)}; the fields are {', '.join(sorted(_ITEM_FIELDS))}")
    statement = _text(raw, "statement", label)
    details = tuple(_string_list(raw["details"], f"{label}: details")) if "details" in raw else ()
    kind = raw.get("kind")
    if kind not in kinds:
        raise MediaLitError(f"{label}: kind must be one of {', '.join(kinds)}, not {kind!r}")
    own = _options(raw["options"], f"{label}: options") if "options" in raw else options
    answer = raw.get("answer")
    if answer not in own:
        raise MediaLitError(f"{label}: answer must be one of the options ({', '.join(own)}), not {answer!r}")
    also = tuple(_string_list(raw["also"], f"{label}: also")) if raw.get("also") else ()
    if any(entry not in own or entry == answer for entry in also):
        raise MediaLitError(f"{label}: also lists other options ({', '.join(own)}) than the preferred answer {answer!r}")
    plain = kinds[kind].plain
    for accepted in (answer, *also):
        if (accepted in flags) == plain:
            side = "a plain item cannot accept" if plain else "a flagged item must be answered with a flag option, not"
            raise MediaLitError(
                f"{label}: {side} {accepted!r} (kind {kind!r}); change the kind or the answer, or rewrite the item"
            )
    return QuizItem(
        id=item_id,
        statement=statement,
        details=details,
        kind=kind,
        plain=plain,
        answer=answer,
        also=also,
        explanation=_text(raw, "explanation", label),
        source=_text(raw, "source", label),
        date=_text(raw, "date", label),
        options=own,
    )


# ----- scoring (pure) --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemMark:
    """The outcome of one item: the answer given (or None), its status, and feedback words with a mark."""

    item_id: str
    answer: str | None
    status: str
    feedback: str
    explanation: str

    @property
    def credited(self) -> bool:
        """Return True for a correct or accepted answer."""
        return self.status in ("correct", "acceptable")


@dataclass(frozen=True)
class QuizScore:
    """The score of a set of answers.

    Attributes:
        items: one ``ItemMark`` per item, in quiz order.
        balanced: mean of the share credited among plain items and among flagged items (0..1; a constant
            answer scores at most 0.5).
        hits: share of flagged items answered with a flag option.
        false_alarms: share of plain items answered with a flag option.
        answered, total: counts.
    """

    items: tuple[ItemMark, ...]
    balanced: float
    hits: float
    false_alarms: float
    answered: int
    total: int

    @property
    def discrimination(self) -> float:
        """Return hits minus false alarms (-1..1; 0 for guessing one answer everywhere or answering nothing)."""
        return self.hits - self.false_alarms

    @property
    def credited(self) -> int:
        """Return how many items earned credit."""
        return sum(mark.credited for mark in self.items)

    def summary(self, noun: str = "claim") -> str:
        """Return one line for the learner: credited items, the balanced score and what it means (``noun``: "claim")."""
        return (
            f"{self.credited} of {self.total} right ({self.answered} answered). Balanced score {self.balanced:.0%}: "
            f"the {noun}s to accept and the {noun}s to flag count half each, so giving every {noun} the same answer "
            f"scores at most 50%. You flagged {self.hits:.0%} of the {noun}s that are a problem and "
            f"{self.false_alarms:.0%} of the sound ones."
        )


def mark_item(item: QuizItem, answer: str | None) -> ItemMark:
    """Return the mark of ``answer`` (None: unanswered) for ``item``, with feedback words that never rely on colour."""
    given = (answer or "").strip() or None
    if given is None:
        status = "unanswered"
        words = f"{MARKS[status]} {STATUS_WORDS[status]}: answer first, then the feedback shows the explanation."
        return ItemMark(item.id, None, status, words, "")
    if given == item.answer:
        status, words = "correct", f"“{given}”."
    elif given in item.also:
        status, words = "acceptable", f"“{given}” (the key prefers “{item.answer}”)."
    else:
        status, words = "wrong", f"you chose “{given}”; the key says “{item.answer}”."
    words = f"{MARKS[status]} {STATUS_WORDS[status]}: {words}"
    return ItemMark(item.id, given, status, words, item.explanation)


def score_quiz(quiz: Quiz, answers: Mapping[str, str | None], items: Iterable[str] | None = None) -> QuizScore:
    """Return the score of ``answers`` (``{item_id: option}``) over ``items`` (default: all) of ``quiz``.

    Raises:
        MediaLitError: an item id is not in the quiz.
    """
    chosen = [quiz.item(item_id) for item_id in (quiz.item_ids if items is None else items)]
    marks = tuple(mark_item(item, answers.get(item.id)) for item in chosen)
    plain = [mark for item, mark in zip(chosen, marks) if item.plain]
    flagged = [mark for item, mark in zip(chosen, marks) if not item.plain]
    shares = [sum(mark.credited for mark in group) / len(group) for group in (plain, flagged) if group]
    balanced = sum(shares) / len(shares) if shares else 0.0

    def flagged_share(group: list[ItemMark]) -> float:
        return sum(mark.answer in quiz.flag_options for mark in group) / len(group) if group else 0.0

    return QuizScore(
        items=marks,
        balanced=balanced,
        hits=flagged_share(flagged),
        false_alarms=flagged_share(plain),
        answered=sum(mark.answer is not None for mark in marks),
        total=len(marks),
    )


def item_weights(quiz: Quiz, items: Iterable[str] | None = None) -> dict[str, float]:
    """Return each item's share of the balanced score (they sum to 1; half for the plain items, half for the flagged)."""
    chosen = [quiz.item(item_id) for item_id in (quiz.item_ids if items is None else items)]
    groups = [[item for item in chosen if item.plain], [item for item in chosen if not item.plain]]
    present = [group for group in groups if group]
    return {item.id: 1 / len(present) / len(group) for group in present for item in group}


def constant_answer_scores(quiz: Quiz, items: Iterable[str] | None = None) -> dict[str, float]:
    """Return the balanced score a learner gets by giving each single option to every item (``{option: score}``)."""
    chosen = list(quiz.item_ids if items is None else items)
    options = dict.fromkeys(option for item_id in chosen for option in quiz.item(item_id).options)
    return {option: score_quiz(quiz, {item_id: option for item_id in chosen}, chosen).balanced for option in options}


# ----- answers of a class: the pre/post discrimination check -----------------------------------------------------

PRE_CHECK = "discrimination-pre"
POST_CHECK = "discrimination-post"
CHECK_QUIZ = "discrimination-check"


def compare_line(earlier: QuizScore, now: QuizScore) -> str:
    """Return one line comparing an earlier attempt (the pre-check) with this one, for the learner."""
    if earlier.answered == 0:
        return "You did not answer the check before lesson 02, so there is nothing to compare with."
    change = now.balanced - earlier.balanced
    trend = "better" if change > 0 else "lower" if change < 0 else "the same"
    return (
        f"Before lesson 02: {earlier.credited} of {earlier.total} right, balanced {earlier.balanced:.0%}. Now: "
        f"{now.credited} of {now.total}, balanced {now.balanced:.0%} ({trend}). Telling sound claims from problem "
        f"ones (hits minus false alarms): {earlier.discrimination:+.2f} before, {now.discrimination:+.2f} now."
    )


def read_answers_file(path: Path) -> tuple[str, dict[str, str]]:
    """Return the student name and the answers (``{item: label}``) saved in one answers file.

    Read only: unlike ``AnswerStore``, a damaged file is reported, never renamed aside (it is a learner's file).

    Raises:
        MediaLitError: the file cannot be read as a medialit answers file.
    """
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MediaLitError(f"{path}: cannot be read as an answers file ({error}); ask the learner for a fresh copy") from None
    if not isinstance(content, dict) or content.get("format") != "medialit-answers" or not isinstance(content.get("answers"), dict):
        raise MediaLitError(f"{path}: is not a medialit answers file; collect the files from the learner's .medialit/ folder")
    answers = {
        item: entry["label"]
        for item, entry in content["answers"].items()
        if isinstance(entry, dict) and isinstance(entry.get("label"), str) and entry["label"]
    }
    student = content.get("student")
    name = student.get("text") if isinstance(student, dict) and isinstance(student.get("text"), str) else ""
    return name, answers


def _phase_answers(learner: Path, exercise_id: str) -> tuple[str, dict[str, str] | None, dict[str, str] | None]:
    """Return a learner's name, first answers and final answers of one check (None where that file is missing).

    The first answers come from ``<exercise_id>-first.answers.json``; where it is missing, the final answers stand in.
    """
    final_path = learner / f"{exercise_id}.answers.json"
    first_path = learner / f"{exercise_id}{FIRST_SUFFIX}.answers.json"
    name, final = read_answers_file(final_path) if final_path.is_file() else ("", None)
    first = read_answers_file(first_path)[1] if first_path.is_file() else final
    return name, first, final


def discrimination_change(folder: Path | str, quiz_name: str = CHECK_QUIZ) -> pd.DataFrame:
    """Return a table (pandas DataFrame) of each learner's pre- and post-check scores and the change.

    ``folder`` holds one sub-folder per learner with that learner's answers files of the two checks, as the kit
    saves them in ``.medialit/``: ``discrimination-pre``, ``discrimination-post`` and their ``-first`` files. Scores
    use each item's **first** answer (what the learner judged before any feedback); the final post-check answers
    (after feedback, when a learner may have changed some) are scored beside them. Columns: ``student``,
    ``pre_balanced``, ``post_balanced``, ``change``, ``pre_discrimination``, ``post_discrimination``,
    ``post_final_balanced`` (NaN where a check is missing). Nothing is written.
    """
    import pandas as pd

    quiz = load_quiz(quiz_name)
    missing = float("nan")
    rows = []
    for learner in sorted(path for path in Path(folder).iterdir() if path.is_dir()):
        row: dict[str, Any] = {"student": learner.name}
        for phase, exercise_id in (("pre", PRE_CHECK), ("post", POST_CHECK)):
            name, first, final = _phase_answers(learner, exercise_id)
            row["student"] = name or row["student"]
            score = score_quiz(quiz, first) if first is not None else None
            row[f"{phase}_balanced"] = score.balanced if score else missing
            row[f"{phase}_discrimination"] = score.discrimination if score else missing
            if phase == "post":
                row["post_final_balanced"] = score_quiz(quiz, final).balanced if final is not None else missing
        rows.append(row)
    columns = ["student", "pre_balanced", "post_balanced", "pre_discrimination", "post_discrimination", "post_final_balanced"]
    table = pd.DataFrame(rows, columns=columns)
    table.insert(3, "change", table["post_balanced"] - table["pre_balanced"])
    return table


def describe_change(table: pd.DataFrame) -> str:
    """Return a text description of a ``discrimination_change`` table: class means before, after and the change."""
    both = table.dropna(subset=["pre_balanced", "post_balanced"])
    if both.empty:
        return "No learner has answers for both the pre-check and the post-check yet."
    improved = int((both["change"] > 0).sum())
    return (
        f"{len(both)} learner(s) took both checks. Mean balanced score: {both['pre_balanced'].mean():.0%} before "
        f"lesson 02, {both['post_balanced'].mean():.0%} after lesson 07 (change {both['change'].mean():+.0%}). "
        f"Hits minus false alarms: {both['pre_discrimination'].mean():+.2f} before, "
        f"{both['post_discrimination'].mean():+.2f} after. {improved} of {len(both)} improved. Scores use first "
        f"answers; after the feedback the final post-check answers average {both['post_final_balanced'].mean():.0%}. "
        "A small invented sample: read it as a way to see change, not as evidence that the kit works."
    )


EXAMPLE_CLASS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    # An invented class of six (not real learners). Before lesson 02 several flag almost everything or accept
    # everything; after lesson 07 most tell the sound claims from the problem ones, and one now flags everything
    # (more scepticism, not more discrimination: the balanced score shows it). Answers as {item: option}.
    "amara-okafor": (
        {"c1": "false", "c2": "false", "c3": "unsupported", "c4": "unsupported", "c5": "false", "c6": "false"},
        {"c1": "true", "c2": "false", "c3": "true", "c4": "unsupported", "c5": "true", "c6": "false"},
    ),
    "ben-sato": (
        {"c1": "true", "c2": "true", "c3": "true", "c4": "true", "c5": "true", "c6": "true"},
        {"c1": "true", "c2": "false", "c3": "true", "c4": "unsupported", "c5": "true", "c6": "true"},
    ),
    "chloe-lund": (
        {"c1": "unsupported", "c2": "false", "c3": "true", "c4": "false", "c5": "true", "c6": "unsupported"},
        {"c1": "true", "c2": "false", "c3": "true", "c4": "unsupported", "c5": "unsupported", "c6": "false"},
    ),
    "dmitri-horvat": (
        {"c1": "false", "c2": "unsupported", "c3": "false", "c4": "false", "c5": "unsupported", "c6": "false"},
        {"c1": "true", "c2": "unsupported", "c3": "false", "c4": "unsupported", "c5": "true", "c6": "false"},
    ),
    "esra-petrov": (
        {"c1": "true", "c2": "false", "c3": "false", "c4": "true", "c5": "true", "c6": "unsupported"},
        {"c1": "true", "c2": "false", "c3": "true", "c4": "unsupported", "c5": "true", "c6": "unsupported"},
    ),
    "farah-mensah": (
        {"c1": "unsupported", "c2": "false", "c3": "true", "c4": "true", "c5": "true", "c6": "true"},
        {"c1": "unsupported", "c2": "unsupported", "c3": "unsupported", "c4": "unsupported", "c5": "unsupported", "c6": "unsupported"},
    ),
}


# After seeing the post-check feedback two invented learners changed answers: their final answers, beside the first.
EXAMPLE_REVISED: dict[str, dict[str, str]] = {
    "ben-sato": {"c6": "false"},
    "dmitri-horvat": {"c3": "true"},
}


def write_example_answers(folder: Path | str) -> list[Path]:
    """Write the invented ``EXAMPLE_CLASS`` as answers files (one sub-folder per learner) and return their paths.

    Changes: creates ``folder/<learner>/discrimination-pre.answers.json``, ``...-post.answers.json`` and their
    ``-first`` files (replacing earlier example files of the same learners).
    """
    from medialit.exercises.answers import AnswerStore

    written = []
    for learner, (pre, post) in EXAMPLE_CLASS.items():
        target = Path(folder) / learner
        final_post = {**post, **EXAMPLE_REVISED.get(learner, {})}
        for exercise_id, first, final in ((PRE_CHECK, pre, pre), (POST_CHECK, post, final_post)):
            for suffix, answers in (("", final), (FIRST_SUFFIX, first)):
                (target / f"{exercise_id}{suffix}.answers.json").unlink(missing_ok=True)
                store = AnswerStore(exercise_id + suffix, target)
                if not suffix:
                    store.set_student(learner.replace("-", " ").title())
                store.update(answers)
                written.append(store.path)
    return written
