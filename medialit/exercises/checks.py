"""Checks for the assignments in ``exercises/``: each returns a report that says what it checked.

Every check takes the learner's value as it is, placeholder included: ``None``
(or an empty figure) gives "not answered yet", never an error. Each report states
whether it checked the answer's FORMAT (is it the right kind of value, are the
labels ones you can choose) or its CONTENT (is it right, against the answer key).
Content is checked only when the key is present and the release is not an
assessment; otherwise the report says why it checked only the format.

The same checks grade submissions (``medialit.teacher.grading``): they accept the data a
submission holds (dicts, the figure's data) as well as live pandas and matplotlib
objects, and never run a learner's code. A figure is read through its artists' own methods (duck typing), so this
module never imports matplotlib. What each assignment asks (its items, tables, questions, article) comes from its
declaration in ``medialit.exercises.registry``.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from medialit.errors import MediaLitError
from medialit.exercises.answers import AnswerStore
from medialit.exercises.mode import ASSESSMENT_NOTICE, assessment_choices, release_article, release_mode
from medialit.exercises.registry import LABEL_FIELDS, Exercise, exercises
from medialit.exercises.scoring import choices, score_answers
from medialit.exercises.submission import build_submission, slug, submissions_dir, write_submission
from medialit.keys.key import load_article_key
from medialit.keys.table import voice_table
from medialit.text.article import Article, count_words, read_article
from medialit.vocabulary import COLOURS, MARK_OPEN, MARK_RIGHT, MARK_WRONG, MARKS, OKABE_ITO, STATUS_WORDS

Status = Literal["unanswered", "passed", "partly", "failed", "recorded", "format-problem"]
Checked = Literal["format", "content", "nothing"]

# The kinds of exercise an assignment notebook hands in with ``submit`` (see ``medialit.exercises.registry``).
ASSIGNMENT_KINDS = ("labels", "tables", "figure", "written")
# The label of a sentence a learner has not labelled (assessment mode, where labels come from exercise 01).
NOT_LABELLED = "not labelled yet"
MIN_WORDS = 20
CHECKED_WORDS = {
    "format": "Checked: the FORMAT of your answer (not whether it is right).",
    "content": "Checked: the CONTENT of your answer, against the answer key.",
    "nothing": "Nothing to check yet.",
}


def assignment(exercise_id: str) -> Exercise:
    """Return the declaration of assignment ``exercise_id`` (an exercise of one of ``ASSIGNMENT_KINDS``).

    Raises:
        MediaLitError: no assignment has that id (the message names the assignments).
    """
    known = [declared for declared in exercises() if declared.kind in ASSIGNMENT_KINDS]
    found = next((declared for declared in known if declared.id == exercise_id), None)
    if found is None:
        raise MediaLitError(
            f"submit: unknown exercise {exercise_id!r}; the assignments are: {', '.join(d.id for d in known)}"
        )
    return found


def _labels_exercise() -> Exercise:
    """Return the labelling assignment (exercise 01), whose labels exercises 02 and 03 use in an assessment release."""
    return exercises("labels")[0]


def _default_article(article: Any, kind: str) -> Any:
    """Return ``article``, or (None) the article the first assignment of ``kind`` was written for."""
    return exercises(kind)[0].article if article is None else article


@dataclass(frozen=True)
class CheckReport:
    """The result of one check, shown in a notebook as text or HTML.

    Attributes:
        title: what was checked, e.g. "Speakers of the 10 sentences".
        status: ``unanswered``, ``passed``, ``partly``, ``failed`` (content),
            ``recorded`` or ``format-problem`` (format).
        checked: ``format``, ``content`` or ``nothing`` (unanswered).
        lines: details, one per line.
        score: the share right (0 to 1) when the content was checked, else None.
        note: why only the format was checked, or the assessment-mode notice ("" when none).
        file: the submission file written (``submit`` only; "" when none was written).
    """

    title: str
    status: Status
    checked: Checked
    lines: tuple[str, ...] = ()
    score: float | None = None
    note: str = ""
    file: str = ""

    @property
    def mark(self) -> str:
        """Return the sign of the status: ✔, ✘ or ○."""
        return MARKS[self.status]

    @property
    def headline(self) -> str:
        """Return the first line: mark, status in words, and what was checked."""
        return f"{self.mark} {STATUS_WORDS[self.status]}: {self.title}. {CHECKED_WORDS[self.checked]}"

    def text(self) -> str:
        """Return the whole report as plain text."""
        lines = [self.headline, *(f"  {line}" for line in self.lines)]
        if self.note:
            lines.append(self.note)
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.lines)
        note = f"<p><em>{html.escape(self.note)}</em></p>" if self.note else ""
        return (
            f'<div class="medialit-check" role="status"><p><strong>{html.escape(self.mark)} '
            f"{html.escape(STATUS_WORDS[self.status])}</strong>: {html.escape(self.title)}. "
            f"<em>{html.escape(CHECKED_WORDS[self.checked])}</em></p>"
            + (f"<ul>{items}</ul>" if items else "")
            + note
            + "</div>"
        )


# --- where the answers come from ----------------------------------------------------------------------


def _article(article: Any) -> Any:
    """Return ``article`` as an ``Article`` (a path or ``seeds/`` name is read)."""
    return article if isinstance(article, Article) else read_article(article)


def _key_or_none(article: Any) -> Any:
    """Return the article's key, or None when there is none beside it (an assessment release)."""
    try:
        return load_article_key(article.path)
    except MediaLitError:
        if (article.path.parent / f"{article.name}.key.csv").exists():
            raise
        return None


def _context(article: Any, content: bool | None) -> tuple[Any, Any, bool, str]:
    """Return ``(article, key, check_content, note)`` for a check on ``article``.

    ``content`` None: check the content when the key is present and the release is not an assessment.
    """
    loaded = _article(article)
    if content is False:
        return loaded, None, False, ""
    if release_mode(loaded.path) == "assessment":
        return loaded, None, False, ASSESSMENT_NOTICE
    key = _key_or_none(loaded)
    if key is None:
        return loaded, None, False, f"No answer key was found beside {loaded.name}.txt, so only the format was checked."
    return loaded, key, True, ""


def labelled_sentences(article: Any = None) -> pd.DataFrame:
    """Return one row per sentence with its words, speaker and category: the data of exercises 02 and 03.

    Columns ``sentence_id``, ``paragraph``, ``text``, ``words``, ``speaker``, ``category``.
    The labels come from the answer key; in an assessment release (no key) they are
    your own answers to exercise 01, and sentences you did not label say "not labelled yet".
    ``article`` defaults to the article of the word-count assignment.
    """
    loaded = _article(_default_article(article, "tables"))
    _, key, with_key, _ = _context(loaded, None)
    if with_key:
        return voice_table(loaded, key)[["sentence_id", "paragraph", "text", "words", "speaker", "category"]]
    labels = _labels_exercise()
    table = loaded.sentences[["sentence_id", "paragraph", "text"]].copy()
    table["words"] = table["text"].map(count_words)
    for field_name in LABEL_FIELDS:
        own = AnswerStore(labels.answers_file_id(loaded.name, field_name)).load()
        table[field_name] = table["sentence_id"].map(own).fillna(NOT_LABELLED)
    return table.reset_index(drop=True)


# --- exercise 01: labels --------------------------------------------------------------------------------


def _label_choices(article: Any, field_name: str) -> list[str]:
    """Return the labels to choose from: the vocabulary, or the speakers of the release marker or the key."""
    found = assessment_choices(article.name, field_name, article.path)
    if found or field_name != "speaker":
        return found
    key = None if release_mode(article.path) == "assessment" else _key_or_none(article)
    return choices(key, field_name) if key is not None else []


def check_labels(
    answers: Mapping[str, Any] | None,
    *,
    field: str,
    items: Any = None,
    article: Any = None,
    content: bool | None = None,
    key: Any = None,
) -> CheckReport:
    """Return the check of ``answers`` ({sentence_id: label}) to ``field`` on ``items``.

    Content (against the key) when allowed, otherwise format: each answer one of the labels to choose from.
    ``key`` forces a key (grading). ``items`` and ``article`` default to the labelling assignment's (exercise 01).
    Nothing is changed.
    """
    items = list(_labels_exercise().items if items is None else items)
    article = _default_article(article, "labels")
    title = f"{field} of the {len(items)} sentences"
    if key is not None:
        loaded, check_content, note = key.article, True, ""
    else:
        loaded, key, check_content, note = _context(article, content)
    if answers is None or (isinstance(answers, Mapping) and not any(_answered(answers.get(item)) for item in items)):
        return CheckReport(
            title,
            "unanswered",
            "nothing",
            (f"Answer the {len(items)} items above, then run this cell again.",),
            note=note,
        )
    if not isinstance(answers, Mapping):
        return CheckReport(
            title,
            "format-problem",
            "format",
            (f"Expected a dictionary {{sentence_id: label}}, got {type(answers).__name__}.",),
            note=note,
        )
    extra = sorted(set(map(str, answers)) - set(items))
    if check_content:
        score = score_answers(key, {item: answers.get(item) for item in items}, field, items)
        lines = [f"{result.sentence_id}: {result.feedback}" for result in score.items]
        lines.insert(0, score.summary())
        if extra:
            lines.append(f"Not part of this exercise (ignored): {', '.join(extra)}.")
        status: Status = "passed" if score.credited == score.total else ("partly" if score.credited else "failed")
        return CheckReport(title, status, "content", tuple(lines), score=score.balanced)
    return _labels_format(title, answers, items, _label_choices(loaded, field), extra, note)


def _labels_format(
    title: str, answers: Mapping[str, Any], items: list[str], allowed: list[str], extra: list[str], note: str
) -> CheckReport:
    """Return the format check of label ``answers``: each answered item one of ``allowed`` (any label when empty)."""
    lines, wrong = [], 0
    for item in items:
        given = answers.get(item)
        if not _answered(given):
            lines.append(f"{item}: {MARK_OPEN} not answered yet")
        elif allowed and str(given).strip() not in allowed:
            wrong += 1
            lines.append(f"{item}: {MARK_WRONG} {given!r} is not one of the labels: {', '.join(allowed)}")
        else:
            lines.append(f"{item}: {MARK_RIGHT} recorded")
    answered = sum(_answered(answers.get(item)) for item in items)
    lines.insert(0, f"{answered} of {len(items)} answered, {answered - wrong} in the right format.")
    if extra:
        lines.append(f"Not part of this exercise (ignored): {', '.join(extra)}.")
    return CheckReport(title, "format-problem" if wrong else "recorded", "format", tuple(lines), note=note)


def _answered(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


# --- exercise 02: tables --------------------------------------------------------------------------------


def table_data(table: Any) -> dict[str, float] | None:
    """Return a word table as ``{label: number}``, or None when it is not one.

    Accepts a pandas Series of numbers, a DataFrame with a ``words`` column (or one
    numeric column), or a dict of numbers.
    """
    if isinstance(table, pd.DataFrame):
        numeric = table.select_dtypes("number")
        if "words" in numeric.columns:
            table = numeric["words"]
        elif numeric.shape[1] == 1:
            table = numeric.iloc[:, 0]
        else:
            return None
    if isinstance(table, pd.Series):
        table = table.to_dict()
    if not isinstance(table, Mapping):
        return None
    data = {}
    for label, value in table.items():
        if isinstance(value, bool | str) or not hasattr(value, "__float__"):
            return None
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            return None
        data[" ".join(str(label).split())] = number
    return data


def expected_words(labelled: pd.DataFrame, by: str) -> dict[str, int]:
    """Return the number of words per value of column ``by`` of ``labelled`` (labels with no words left out)."""
    totals = labelled.groupby(by, sort=False)["words"].sum()
    return {str(label): int(words) for label, words in totals.items() if int(words)}


def labelled_from_submission(article: Any, labels_used: Mapping[str, Any]) -> pd.DataFrame:
    """Return ``labelled_sentences`` rebuilt from a submission's ``labels_used`` ({sentence_id: [speaker, category]})."""
    loaded = _article(article)
    table = loaded.sentences[["sentence_id", "paragraph", "text"]].copy()
    table["words"] = table["text"].map(count_words)
    pairs = {
        str(sentence_id): [str(label) for label in pair]
        for sentence_id, pair in labels_used.items()
        if isinstance(pair, list) and len(pair) == len(LABEL_FIELDS)
    }
    for position, field_name in enumerate(LABEL_FIELDS):
        table[field_name] = [pairs[sid][position] if sid in pairs else NOT_LABELLED for sid in table["sentence_id"]]
    return table.reset_index(drop=True)


def check_words_table(
    table: Any,
    *,
    by: str,
    article: Any = None,
    content: bool | None = None,
    labelled: pd.DataFrame | None = None,
) -> CheckReport:
    """Return the check of a table of words per ``by`` (``speaker`` or ``category``).

    Content: every label's number of words equals the one computed from the
    labelled sentences (``labelled``, default ``labelled_sentences(article)``); labels
    with no words may be left out. Format: a table of numbers, one row per label.
    ``article`` defaults to the word-count assignment's.
    """
    title = f"words by {by}"
    if by not in LABEL_FIELDS:
        raise MediaLitError(f"check_words_table: by={by!r}; use {' or '.join(repr(name) for name in LABEL_FIELDS)}")
    if labelled is not None:
        check_content, note = True, ""
    else:
        loaded, _, check_content, note = _context(_default_article(article, "tables"), content)
        if check_content:
            labelled = labelled_sentences(loaded)
    if table is None:
        return CheckReport(
            title, "unanswered", "nothing", ("Build the table in the cell above, then run this cell again.",), note=note
        )
    data = table_data(table)
    if data is None or not data:
        what = type(table).__name__
        return CheckReport(
            title,
            "format-problem",
            "format",
            (
                f"Expected a table of numbers with one row per {by} (a pandas Series, or a DataFrame with a 'words' column), got {what}.",
            ),
            note=note,
        )
    if not check_content or labelled is None:
        lines = (f"{len(data)} rows, {int(sum(data.values()))} words in all: a table of numbers, as asked.",)
        return CheckReport(title, "recorded", "format", lines, note=note)
    return _words_table_content(title, data, expected_words(labelled, by), by)


def _words_table_content(title: str, data: dict[str, float], wanted: dict[str, int], by: str) -> CheckReport:
    """Return the content check of a word table ``data`` against the ``wanted`` words per label of ``by``."""
    given = {label: value for label, value in data.items() if value or label in wanted}
    right = [label for label in wanted if label in given and abs(given[label] - wanted[label]) < 0.5]
    lines = []
    for label in wanted:
        if label not in given:
            lines.append(f"{MARK_WRONG} missing a row for {label!r}")
        elif label not in right:
            lines.append(f"{MARK_WRONG} {label}: {given[label]:g} words is not what the sentences add up to; check your sum")
        else:
            lines.append(f"{MARK_RIGHT} {label}: {int(wanted[label])} words")
    lines += [
        f"{MARK_WRONG} {label!r} is not a {by} of any sentence; check the spelling and the column you grouped by"
        for label in given
        if label not in wanted
    ]
    parts = len(wanted) + sum(label not in wanted for label in given)
    score = len(right) / parts if parts else 0.0
    status: Status = "passed" if score == 1 else ("partly" if right else "failed")
    return CheckReport(title, status, "content", (f"{len(right)} of {len(wanted)} rows right.", *lines), score=score)


# --- exercise 03: the figure ------------------------------------------------------------------------------


def _hex(colour: Any) -> str:
    """Return an RGB(A) colour of floats 0-1 (what a matplotlib patch gives) as ``#RRGGBB``, as matplotlib's ``to_hex``."""
    return "#" + "".join(format(round(float(value) * 255), "02X") for value in tuple(colour)[:3])


def figure_data(figure: Any) -> dict[str, Any]:
    """Return what a figure shows, read from its artists (never its pixels): axes with titles, labels and bars.

    ``{"axes": [{"title", "xlabel", "ylabel", "legend": [...], "bars": [{"label", "value", "x", "y",
    "width", "height", "color", "hatch"}]}]}``; numbers rounded to 4 decimals. A bar's
    ``label`` is the tick label at its position ("" when none); ``value`` is its height
    (vertical bars) or width (horizontal bars). Read through the artists' own methods, so this module never
    imports matplotlib: a bar container is any container of the axes with ``patches`` (``ax.bar``/``ax.barh``).
    """
    axes_data = []
    for axes in figure.axes:
        bars = []
        for container in axes.containers:
            if not hasattr(container, "patches"):
                continue
            horizontal = getattr(container, "orientation", "vertical") == "horizontal"
            axis = axes.yaxis if horizontal else axes.xaxis
            ticks = {
                round(float(tick), 4): text.get_text()
                for tick, text in zip(axis.get_majorticklocs(), axis.get_majorticklabels(), strict=False)
            }
            for patch in container.patches:
                x, y, width, height = (
                    float(v) for v in (patch.get_x(), patch.get_y(), patch.get_width(), patch.get_height())
                )
                centre = round(y + height / 2, 4) if horizontal else round(x + width / 2, 4)
                bars.append(
                    {
                        "label": ticks.get(centre, ""),
                        "value": round(width if horizontal else height, 4),
                        "x": round(x, 4),
                        "y": round(y, 4),
                        "width": round(width, 4),
                        "height": round(height, 4),
                        "color": _hex(patch.get_facecolor()),
                        "hatch": patch.get_hatch() or "",
                    }
                )
        legend = axes.get_legend()
        axes_data.append(
            {
                "title": axes.get_title(),
                "xlabel": axes.get_xlabel(),
                "ylabel": axes.get_ylabel(),
                "legend": [text.get_text() for text in legend.get_texts()] if legend else [],
                "bars": bars,
            }
        )
    return {"axes": axes_data}


def _as_figure_data(figure: Any) -> dict[str, Any] | None:
    if figure is None:
        return None
    if isinstance(figure, Mapping):
        return dict(figure) if isinstance(figure.get("axes"), list) else None
    if hasattr(figure, "axes") and hasattr(figure, "savefig"):
        return figure_data(figure)
    return None


def _bar_order(bars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return strip bars in reading order: along whichever coordinate they spread over."""
    xs = {bar["x"] for bar in bars}
    ys = {bar["y"] for bar in bars}
    if len(ys) > len(xs):
        return sorted(bars, key=lambda bar: (bar["y"], bar["x"]))
    return sorted(bars, key=lambda bar: (bar["x"], bar["y"]))


def _check_speaker_bars(axes: list[dict[str, Any]], wanted: dict[str, int]) -> tuple[bool, str]:
    """Return whether one chart's bars, labelled by speaker, are as long as each speaker's words, and a line saying so."""
    charts = [{" ".join(bar["label"].split()): bar["value"] for bar in entry["bars"] if bar["label"]} for entry in axes]
    best = max(charts, key=lambda shown: len(set(shown) & set(wanted)), default={})
    if not set(best) & set(wanted):
        return False, f"{MARK_WRONG} words by speaker: no bar chart whose bars are labelled with the speakers' names"
    wrong = [label for label in wanted if label not in best or abs(best[label] - wanted[label]) >= 0.5]
    extra = [label for label in best if label not in wanted and best[label]]
    if not wrong and not extra:
        return True, f"{MARK_RIGHT} words by speaker: {len(wanted)} bars, each as long as the speaker's words"
    problems = [f"{label!r} missing or not the right length" for label in wrong]
    problems += [f"{label!r} is not a speaker" for label in extra]
    return False, f"{MARK_WRONG} words by speaker: " + "; ".join(problems)


def _check_strip(axes: list[dict[str, Any]], categories: list[str]) -> tuple[bool, str]:
    for entry in axes:
        if len(entry["bars"]) != len(categories):
            continue
        styles = [(bar["color"], bar["hatch"]) for bar in _bar_order(entry["bars"])]
        by_category: dict[str, set[tuple[str, str]]] = {}
        for category, style in zip(categories, styles, strict=True):
            by_category.setdefault(category, set()).add(style)
        mixed = [category for category, found in by_category.items() if len(found) > 1]
        used = [next(iter(found)) for found in by_category.values() if len(found) == 1]
        shared = len(used) != len(set(used))
        if mixed:
            return False, f"{MARK_WRONG} category strip: the sentences of {', '.join(mixed)} do not all have the same colour"
        if shared:
            return False, f"{MARK_WRONG} category strip: two categories share one colour; give each its own"
        return True, f"{MARK_RIGHT} category strip: {len(categories)} bars in article order, one colour per category"
    return False, f"{MARK_WRONG} category strip: no axes with one bar per sentence ({len(categories)} bars)"


def _figure_advice(data: dict[str, Any]) -> list[str]:
    """Return tips for a figure: colour-blind-safe colours (``vocabulary.OKABE_ITO``), titles, hatching."""
    safe = {colour.upper() for colour in OKABE_ITO}
    colours = {bar["color"] for entry in data["axes"] for bar in entry["bars"]}
    advice = []
    if colours - safe - {COLOURS["other"].upper()}:
        advice.append("Tip: use the colour-blind-safe colours in medialit.lessons.plots.OKABE_ITO.")
    if not any(entry["title"] for entry in data["axes"]):
        advice.append("Tip: give each chart a title.")
    strips = [entry for entry in data["axes"] if len({bar["hatch"] for bar in entry["bars"]}) > 1]
    if not strips:
        advice.append("Tip: add hatching (hatch=...) so the categories can be told apart without colour.")
    return advice


def check_voice_map(
    figure: Any,
    *,
    article: Any = None,
    content: bool | None = None,
    labelled: pd.DataFrame | None = None,
) -> CheckReport:
    """Return the check of the voice map ``figure`` (a matplotlib Figure, or ``figure_data`` of one).

    Content: one chart whose bars, labelled by speaker, are as long as each speaker's
    words, and one strip of one bar per sentence in article order, one colour per
    category. Format: the figure has bars. Read from the artists, never the pixels.
    ``article`` defaults to the figure assignment's.
    """
    title = "the voice map"
    if labelled is not None:
        check_content, note = True, ""
    else:
        loaded, _, check_content, note = _context(_default_article(article, "figure"), content)
        if check_content:
            labelled = labelled_sentences(loaded)
    data = _as_figure_data(figure)
    if data is None:
        if figure is None:
            return CheckReport(
                title,
                "unanswered",
                "nothing",
                ("Draw the figure in the cell above, then run this cell again.",),
                note=note,
            )
        return CheckReport(
            title,
            "format-problem",
            "format",
            (f"Expected a matplotlib figure, got {type(figure).__name__}.",),
            note=note,
        )
    bar_count = sum(len(entry["bars"]) for entry in data["axes"])
    if bar_count == 0:
        return CheckReport(
            title, "unanswered", "nothing", ("The figure has no bars yet: draw them in the cell above.",), note=note
        )
    advice = _figure_advice(data)
    if not check_content or labelled is None:
        lines = (f"{len(data['axes'])} chart(s) with {bar_count} bars in all.", *advice)
        return CheckReport(title, "recorded", "format", lines, note=note)
    parts = [
        _check_speaker_bars(data["axes"], expected_words(labelled, "speaker")),
        _check_strip(data["axes"], [str(category) for category in labelled["category"]]),
    ]
    right = sum(ok for ok, _ in parts)
    status: Status = "passed" if right == len(parts) else ("partly" if right else "failed")
    return CheckReport(title, status, "content", (*(line for _, line in parts), *advice), score=right / len(parts))


def describe_figure(figure: Any) -> str:
    """Return a text description of the bars in ``figure``, read from its artists (for readers who cannot see it)."""
    data = _as_figure_data(figure)
    if not data or not any(entry["bars"] for entry in data["axes"]):
        return "Text description: the figure has no bars yet."
    parts = []
    for number, entry in enumerate(data["axes"], start=1):
        if not entry["bars"]:
            continue
        name = entry["title"] or f"chart {number}"
        labelled = [bar for bar in entry["bars"] if bar["label"]]
        if labelled and len(labelled) == len(entry["bars"]):
            bars = "; ".join(f"{bar['label']}: {bar['value']:g}" for bar in labelled)
            parts.append(f"{name}: {len(labelled)} bars ({bars})")
        else:
            legend = f", legend: {', '.join(entry['legend'])}" if entry["legend"] else ""
            colours = len({(bar["color"], bar["hatch"]) for bar in entry["bars"]})
            parts.append(f"{name}: a strip of {len(entry['bars'])} bars in {colours} colour(s){legend}")
    return "Text description: " + ". ".join(parts) + "."


# --- exercise 04: written answers -------------------------------------------------------------------------


def check_written(answer: Any, *, question: str, min_words: int = MIN_WORDS) -> CheckReport:
    """Return the check of a written answer: always its FORMAT only (a text of at least ``min_words`` words).

    The content is scored by the teacher with the rubric; the report says so. ``question`` is a question id of a
    written exercise of the registry.

    Raises:
        MediaLitError: no written exercise asks ``question``.
    """
    questions = [name for declared in exercises("written") for name in declared.questions]
    if question not in questions:
        raise MediaLitError(f"check_written: unknown question {question!r}; use one of: {', '.join(questions)}")
    title = f"{question}"
    mode_note = ASSESSMENT_NOTICE if release_mode() == "assessment" else ""
    note = " ".join(filter(None, [mode_note, "Your teacher scores the content with a rubric."]))
    if not _answered(answer):
        return CheckReport(
            title,
            "unanswered",
            "nothing",
            ("Write your answer between the quotation marks, then run this cell again.",),
            note=note,
        )
    if not isinstance(answer, str):
        return CheckReport(
            title,
            "format-problem",
            "format",
            (f"Expected text in quotation marks, got {type(answer).__name__}.",),
            note=note,
        )
    words = len(answer.split())
    if words < min_words:
        return CheckReport(
            title,
            "format-problem",
            "format",
            (f"{words} word{'s' if words != 1 else ''}: write at least {min_words}, in full sentences.",),
            note=note,
        )
    return CheckReport(title, "recorded", "format", (f"{words} words, as asked.",), note=note)


# --- submitting ---------------------------------------------------------------------------------------------


def _serialise(kind: str, name: str, value: Any) -> Any:
    """Return the JSON data of one piece of work (a table, a figure, a text, labels), or None when unanswered."""
    if value is None:
        return None
    if kind == "labels":
        return (
            {str(item): str(label) for item, label in dict(value).items() if _answered(label)}
            if isinstance(value, Mapping)
            else None
        )
    if kind == "tables":
        return table_data(value)
    if kind == "figure":
        return _as_figure_data(value)
    return value if isinstance(value, str) else None


def _has_work(kind: str, value: Any) -> bool:
    if value is None:
        return False
    if kind == "figure":
        return any(entry["bars"] for entry in value["axes"])
    if kind == "written":
        return bool(value.strip())
    return bool(value)


def build_assignment_submission(
    exercise_id: str, student: str, article: Any, work: Mapping[str, Any]
) -> dict[str, Any]:
    """Return the submission object of assignment ``exercise_id`` with ``work`` as data (see ``submit``).

    Raises:
        MediaLitError: an unknown exercise or piece of work, or an empty student name.
    """
    declared = assignment(exercise_id)
    kind = declared.kind
    unknown = sorted(set(work) - set(declared.fields))
    if unknown:
        raise MediaLitError(f"submit: {exercise_id} takes {', '.join(declared.fields)}, not {', '.join(unknown)}")
    loaded = _article(article)
    mode = release_mode(loaded.path)
    key = None if mode == "assessment" else _key_or_none(loaded)
    sha = key.sha256 if key is not None else str(release_article(loaded.name, loaded.path).get("key_sha256", ""))
    data = {name: _serialise(kind, name, work.get(name)) for name in declared.fields}
    extra: dict[str, Any] = {"mode": mode}
    answers: dict[str, str] = {}
    field_name = ""
    if kind == "labels":
        field_name = declared.fields[-1]
        answers = data[field_name] or {}
        extra["labels"] = {name: data[name] or {} for name in declared.fields}
        extra["items"] = list(declared.items)
    elif kind == "written":
        extra["written"] = data
    else:
        extra.update(_work_labels(kind, data, loaded, key))
    return build_submission(
        student=student,
        exercise_id=declared.answers_file_id(loaded.name),
        key_sha256=sha,
        answers=answers,
        field=field_name,
        article=loaded.name,
        extra=extra,
    )


def _work_labels(kind: str, data: dict[str, Any], loaded: Article, key: Any) -> dict[str, Any]:
    """Return a tables or figure submission's ``extra``: its data and which labels it used (the key's or own)."""
    extra: dict[str, Any] = {"tables": data} if kind == "tables" else {"figure": data["figure"]}
    extra["labels_source"] = "key" if key is not None else "own answers"
    if key is None:
        labelled = labelled_sentences(loaded)
        extra["labels_used"] = {row.sentence_id: [row.speaker, row.category] for row in labelled.itertuples(index=False)}
    return extra


def verdict(exercise_id: str, article: Any = None, **work: Any) -> list[CheckReport]:
    """Return the exercise's own check of each answered piece of ``work``: what its check cells show.

    Unanswered pieces are left out. Nothing is written. ``submit`` reports these, so
    a hand-in never says more (or less) than the check said. ``article`` defaults to the exercise's.
    """
    declared = assignment(exercise_id)
    kind, article = declared.kind, declared.article if article is None else article
    tables = declared.table_fields()
    reports = []
    for name, value in work.items():
        if not _has_work(kind, _serialise(kind, name, value)):
            continue
        if kind == "labels":
            reports.append(check_labels(value, field=name, items=declared.items, article=article))
        elif kind == "tables":
            reports.append(check_words_table(value, by=tables[name], article=article))
        elif kind == "figure":
            reports.append(check_voice_map(value, article=article))
        elif kind == "written":
            reports.append(check_written(value, question=name))
    return reports


def _combined_status(reports: list[CheckReport]) -> tuple[Status, Checked]:
    """Return one status for several checks: passed only when all passed, failed when none is even partly right."""
    statuses = [report.status for report in reports]
    if any(report.checked == "content" for report in reports):
        if all(status in ("passed", "recorded") for status in statuses):
            return "passed", "content"
        if any(status in ("passed", "partly") for status in statuses):
            return "partly", "content"
        return "failed", "content"
    return ("format-problem" if "format-problem" in statuses else "recorded"), "format"


def submit(
    exercise_id: str,
    student: str | None,
    article: Any = None,
    *,
    directory: Path | str | None = None,
    **work: Any,
) -> CheckReport:
    """Write a submission file for assignment ``exercise_id`` and return a report saying what was handed in.

    ``work`` holds the learner's values by name (``speaker``/``category`` answers,
    ``words_by_speaker``/``words_by_category`` tables, ``figure``, ``answer_1``...: the exercise's ``fields``); they
    are saved as data, never code. Nothing is written, and no error raised, while the name
    is missing or nothing is answered. The file goes to ``directory`` (default
    ``medialit.exercises.submission.submissions_dir()``, the working folder, like the widgets' Submit button).
    The report gives the same verdict as the exercise's checks (``verdict``): work the
    check marks ✘ is handed in, but the report says ✘ and why, never "✔". Its
    ``file`` is the path written. ``article`` defaults to the exercise's.

    Raises:
        MediaLitError: an unknown exercise or piece of work, or the folder cannot be written.
    """
    title = f"submission of {exercise_id}"
    if not isinstance(student, str) or not student.strip():
        return CheckReport(
            title,
            "unanswered",
            "nothing",
            ("Not submitted yet: type your name in the STUDENT cell at the top, run it, then run this cell again.",),
        )
    declared = assignment(exercise_id)
    article = declared.article if article is None else article
    if not any(_has_work(declared.kind, _serialise(declared.kind, name, value)) for name, value in work.items()):
        return CheckReport(title, "unanswered", "nothing", ("Not submitted yet: answer at least one part first.",))
    submission = build_assignment_submission(exercise_id, student, article, work)
    folder = Path(directory) if directory is not None else submissions_dir()
    path = write_submission(submission, folder)
    checks = verdict(exercise_id, article, **work)
    status, checked = _combined_status(checks)
    lines = _submitted_lines(declared, student, folder, checks, status, work)
    note = ASSESSMENT_NOTICE if submission["extra"].get("mode") == "assessment" else ""
    scores = [report.score for report in checks if report.score is not None]
    score = sum(scores) / len(scores) if scores and checked == "content" else None
    return CheckReport(title, status, checked, tuple(lines), score=score, note=note, file=str(path))


def _submitted_lines(
    declared: Exercise, student: str, folder: Path, checks: list[CheckReport], status: Status, work: Mapping[str, Any]
) -> list[str]:
    """Return the lines of ``submit``'s report: the checks' verdict, where the file went, what is not in it."""
    kind = declared.kind
    lines = [f"The check says: {report.headline}" for report in checks if len(checks) > 1 or report.lines]
    for report in checks:  # a label check lists every item: keep its summary and the items marked ✘
        lines += report.lines if kind != "labels" else [report.lines[0], *(line for line in report.lines if MARK_WRONG in line)]
    if status in ("partly", "failed", "format-problem"):
        lines.append(f"Handed in as it is; fix what is marked {MARK_WRONG} and submit again if you like (your teacher grades the newest).")
    prefix = f"{slug(student)}-{slug(declared.id, fallback='exercise')}-"
    where = (
        "in the folder of this notebook"
        if folder.resolve() == Path.cwd().resolve()
        else "in the folder set by MEDIALIT_SUBMISSIONS_DIR"
    )
    lines += [
        (
            f"Saved as a new file {where}: its name starts with '{prefix}' and ends with the time "
            "and '.submission.json'. Hand that file in."
        ),
        "It holds your answers as data (no code). Submitting again makes a new file; your teacher grades the newest.",
    ]
    missing = [name for name in declared.fields if not _has_work(kind, _serialise(kind, name, work.get(name)))]
    if missing:
        lines.append(f"Not answered yet, so not in this submission: {', '.join(missing)}.")
    return lines
