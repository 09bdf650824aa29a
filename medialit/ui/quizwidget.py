"""The quiz widget: one ToggleButtons choice per item, explained feedback on request, answers saved as given.

User interface only: validation and scores come from ``medialit.exercises.quiz``, saving from ``medialit.exercises.answers``.
Callbacks never print (feedback goes into ``HTML`` widget values), so executed notebooks stay stable under nbval.
The outermost box carries the DOM class ``medialit-kit`` (keyboard-safe controls, contract 5).
"""

from __future__ import annotations

import html
from pathlib import Path
from collections.abc import Callable, Iterable

import ipywidgets

from medialit.ui import keyboard
from medialit.exercises.answers import AnswerStore
from medialit.errors import MediaLitError
from medialit.vocabulary import COLOURS, MARK_OPEN, MARK_WARNING, STATUS_COLOURS, STATUS_WORDS
from medialit.exercises.quiz import FIRST_SUFFIX, ItemMark, Quiz, QuizItem, QuizScore, compare_line, load_quiz, score_quiz

_READABLE = "line-height:1.45"
# The button never says "Check": a lesson that also shows a classification exercise then has one "Check" button only.
FEEDBACK_BUTTON = "Show feedback"
RECORD_BUTTON = "Record answers"


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def item_html(item: QuizItem, number: int, total: int, noun: str = "claim") -> str:
    """Return the HTML that presents one item: its number ("Claim 2 of 6"), the statement in bold, its detail lines."""
    parts = [
        f"<p style='margin:0'><small>{_escape(noun.capitalize())} {number} of {total}</small></p>",
        f"<p style='margin:0.2em 0;font-size:1.05em'><strong>{_escape(item.statement)}</strong></p>",
    ]
    parts += [f"<p style='margin:0.1em 0;font-size:0.92em'>{_escape(line)}</p>" for line in item.details]
    return f"<div style='{_READABLE}'>" + "".join(parts) + "</div>"


def mark_html(mark: ItemMark, item: QuizItem) -> str:
    """Return one item's feedback: mark and words, the explanation, accepted answers, and the source with its date."""
    lines = [f"<p style='margin:0'><strong>{_escape(mark.feedback)}</strong></p>"]
    if mark.status != "unanswered":
        lines.append(f"<p style='margin:0.2em 0'>{_escape(item.explanation)}</p>")
        if item.also:
            accepted = ", ".join(f"“{_escape(label)}”" for label in item.accepted)
            lines.append(f"<p style='margin:0'><small>Accepted answers: {accepted} (the first is preferred).</small></p>")
        lines.append(f"<p style='margin:0'><small>Source: {_escape(item.source)} ({_escape(item.date)})</small></p>")
    return (
        f"<div role='status' style='border-left:4px solid {STATUS_COLOURS[mark.status]};padding-left:0.6em;{_READABLE}'>"
        + "".join(lines)
        + "</div>"
    )


def recorded_html(answer: str | None) -> str:
    """Return the feedback of a check that does not reveal the key: the answer is recorded, or still missing."""
    if answer is None:
        text = f"{MARK_OPEN} {STATUS_WORDS['unanswered']}."
    else:
        text = f"{MARK_OPEN} Answer recorded: “{answer}”. The answers are shown after lesson 07, when you take this check again."
    colour = STATUS_COLOURS["recorded" if answer else "unanswered"]
    return f"<div role='status' style='border-left:4px solid {colour};padding-left:0.6em'><p style='margin:0'>{_escape(text)}</p></div>"


class QuizWidget(ipywidgets.VBox):
    """A quiz over some items (an ipywidgets VBox with DOM class ``medialit-kit``; display it in a notebook).

    Attributes (for tests and authors): ``controls``, ``feedback``, ``boxes`` per item id (the ToggleButtons,
    its feedback ``HTML``, the box of both); ``check_button``; ``header``, ``summary``, ``status`` (``HTML``).
    """

    def __init__(
        self,
        quiz: Quiz,
        items: list[str],
        exercise_id: str,
        store: AnswerStore,
        first: AnswerStore,
        reveal: bool = True,
        earlier: AnswerStore | None = None,
    ) -> None:
        """Build the widgets and restore saved answers from ``store`` (no file is written).

        ``first`` keeps each item's first answer; ``reveal=False`` never shows the key (a pre-test);
        ``earlier`` holds an earlier attempt at the same items (the pre-check), compared when feedback is shown.
        """
        self.quiz = quiz
        self.items = items
        self.exercise_id = exercise_id
        self.store = store
        self.first_store = first
        self.reveal = reveal
        self.earlier = earlier
        self._current: dict[str, str | None] = {item_id: None for item_id in items}
        self._checked: set[str] = set()
        self.controls: dict[str, ipywidgets.ToggleButtons] = {}
        self.feedback: dict[str, ipywidgets.HTML] = {}
        self.boxes: dict[str, ipywidgets.VBox] = {}
        saved = store.load()
        for number, item_id in enumerate(items, start=1):
            item = quiz.item(item_id)
            choice = ipywidgets.ToggleButtons(
                options=list(item.options),
                value=None,
                description=f"Answer to {quiz.noun} {number}",
                tooltips=[f"Answer “{option}” for {quiz.noun} {number}" for option in item.options],
                style={"description_width": "initial", "button_width": "auto"},
            )
            if saved.get(item_id) in item.options:
                choice.value = saved[item_id]
                self._current[item_id] = saved[item_id]
            choice.observe(self._on_answer(item_id), names="value")
            self.controls[item_id] = choice
            self.feedback[item_id] = ipywidgets.HTML(value="")
            self.boxes[item_id] = ipywidgets.VBox(
                [ipywidgets.HTML(value=item_html(item, number, len(items), quiz.noun)), choice, self.feedback[item_id]],
                layout=ipywidgets.Layout(border=f"1px solid {COLOURS['frame']}", padding="0.4em 0.8em", margin="0.3em 0"),
            )
        self._build_controls()
        super().__init__(
            children=[self.header, self.banner, *self.boxes.values(), self.check_button, self.summary, self.status],
            layout=ipywidgets.Layout(max_width="62em"),
        )
        keyboard.protect(self)  # keys pressed in the quiz never reach JupyterLab's notebook shortcuts

    def _build_controls(self) -> None:
        intro = f"<p style='margin:0'>{_escape(self.quiz.intro)}</p>" if self.quiz.intro else ""
        after = (
            f"Press <strong>{FEEDBACK_BUTTON}</strong>: each answered {self.quiz.noun} then shows whether it is right and why."
            if self.reveal
            else f"Press <strong>{RECORD_BUTTON}</strong>; the right answers come after lesson 07."
        )
        self.header = ipywidgets.HTML(
            value=(
                f"<div style='{_READABLE}'><h3 style='margin-bottom:0.2em'>{_escape(self.quiz.title)}</h3>{intro}"
                f"<p style='margin:0'>{_escape(self.quiz.question)} Every answer is saved the moment you give it, "
                f"and your first answer to each claim is kept. {after}</p></div>"
            )
        )
        self.banner = ipywidgets.HTML(
            value=f"<p role='alert' style='border:2px solid {COLOURS['alert']};padding:0.4em'>{MARK_WARNING} {_escape(self.store.message)}</p>"
            if self.store.message
            else ""
        )
        self.check_button = ipywidgets.Button(
            description=self._button_label,
            icon="check",
            button_style="primary",
            tooltip="Show whether each answer is right, and why" if self.reveal else "Record your answers",
        )
        self.check_button.on_click(lambda _button: self.check())
        self.summary = ipywidgets.HTML(value=f"<p><em>Press {self._button_label} after answering.</em></p>")
        restored = sum(value is not None for value in self._current.values())
        note = f"Restored {restored} saved answer(s). " if restored else ""
        self.status = ipywidgets.HTML(value=f"<p><small>{note}Your answers are saved automatically.</small></p>")

    @property
    def _button_label(self) -> str:
        return FEEDBACK_BUTTON if self.reveal else RECORD_BUTTON

    def __repr__(self) -> str:
        """Return a short, stable description (what a notebook shows as plain text)."""
        return f"QuizWidget({self.exercise_id!r}, {len(self.items)} claims)"

    # ----- reading --------------------------------------------------------------------------------------------

    @property
    def answers(self) -> dict[str, str]:
        """Return the current answers, ``{item_id: option}`` (answered items only)."""
        return {item_id: value for item_id, value in self._current.items() if value is not None}

    @property
    def first_answers(self) -> dict[str, str]:
        """Return each item's first answer, ``{item_id: option}``, as saved."""
        return {item_id: value for item_id, value in self.first_store.load().items() if item_id in self._current}

    def score(self) -> QuizScore:
        """Return the score of the current answers (nothing is shown)."""
        return score_quiz(self.quiz, self.answers, self.items)

    def first_score(self) -> QuizScore:
        """Return the score of the first answers (what a learner knew before any feedback)."""
        return score_quiz(self.quiz, self.first_answers, self.items)

    # ----- actions --------------------------------------------------------------------------------------------

    def answer(self, item_id: str, option: str | None) -> None:
        """Choose ``option`` for ``item_id`` as a click would (saved at once); None clears it.

        Raises:
            MediaLitError: the item is not in this quiz, or the option is not one of its choices.
        """
        if item_id not in self.controls:
            raise MediaLitError(f"{item_id!r} is not in this quiz; its items are {', '.join(self.items)}")
        options = self.controls[item_id].options
        if option is not None and option not in options:
            raise MediaLitError(f"{option!r} is not a choice here; choose from: {', '.join(options)}")
        self.controls[item_id].value = option

    def check(self) -> QuizScore:
        """Show feedback under every item and the score; return the score (same as pressing the button).

        Unanswered items never show the key's answer; with ``reveal=False`` no item does.
        """
        score = self.score()
        for mark in score.items:
            item = self.quiz.item(mark.item_id)
            if not self.reveal:
                self.feedback[mark.item_id].value = recorded_html(mark.answer)
            else:
                self.feedback[mark.item_id].value = mark_html(mark, item)
        self._checked = set(self.items)
        if self.reveal:
            first = self.first_score()
            self.summary.value = (
                f"<p role='status'><strong>Your result:</strong> {_escape(score.summary(self.quiz.noun))} "
                f"<br><small>Your first answers: {first.credited} of {first.total} right, balanced "
                f"{first.balanced:.0%}.</small>{self._comparison(score)}</p>"
            )
        else:
            self.summary.value = (
                f"<p role='status'><strong>{score.answered} of {score.total} answers recorded.</strong> "
                "You will see the answers after lesson 07.</p>"
            )
        return score

    def _comparison(self, score: QuizScore) -> str:
        """Return the HTML line comparing the earlier attempt with ``score`` ("" without an earlier attempt)."""
        if self.earlier is None:
            return ""
        earlier = score_quiz(self.quiz, self.earlier.load(), self.items)
        return f"<br>{_escape(compare_line(earlier, score))}"

    # ----- callbacks (never print) ----------------------------------------------------------------------------

    def _on_answer(self, item_id: str) -> Callable[[dict], None]:
        def observe(change: dict) -> None:
            value = change["new"] or None
            self._current[item_id] = value
            if item_id in self._checked:
                self.feedback[item_id].value = (
                    f"<p style='margin:0'><small>{MARK_OPEN} Answer changed: press {self._button_label} again.</small></p>"
                )
            self._save(item_id, value)

        return observe

    def _save(self, item_id: str, value: str | None) -> None:
        """Save the answer, and the first answer if this is the item's first (shows an error instead of raising)."""
        try:
            self.store.set(item_id, value)
            if value is not None and item_id not in self.first_store.load():
                self.first_store.set(item_id, value)
        except MediaLitError as error:
            self.status.value = f"<p role='alert'>{MARK_WARNING} {_escape(str(error))}</p>"


def quiz(
    name: str | Path,
    exercise_id: str | None = None,
    items: Iterable[str] | None = None,
    reveal: bool = True,
    compare_with: str | None = None,
) -> QuizWidget:
    """Return a ``QuizWidget`` (an ipywidgets VBox) for quiz ``name`` (a shipped quiz name or a path).

    ``exercise_id`` names the answers file (default ``quiz-<name>``); ``items`` picks item ids (default all);
    ``reveal=False`` records answers without showing the key (for a pre-test). ``compare_with`` names another
    exercise id over the same items (the pre-check): the feedback then also shows that attempt's score beside this one.
    Saved answers are restored; nothing is written until the learner answers.

    Raises:
        MediaLitError: the quiz or an item is not valid, or the items chosen lack a plain or a flagged one.
    """
    loaded = load_quiz(name)
    chosen = list(dict.fromkeys(items)) if items is not None else loaded.item_ids
    for item_id in chosen:
        loaded.item(item_id)
    if len({loaded.item(item_id).plain for item_id in chosen}) < 2:
        raise MediaLitError(f"{loaded.path}: choose items of both a plain and a flagged kind, so the quiz measures discrimination")
    exercise = exercise_id or f"quiz-{loaded.name}"
    store = AnswerStore(exercise)
    first = AnswerStore(exercise + FIRST_SUFFIX, store.directory)
    earlier = AnswerStore(compare_with, store.directory) if compare_with else None
    return QuizWidget(loaded, chosen, exercise, store, first, reveal, earlier)
