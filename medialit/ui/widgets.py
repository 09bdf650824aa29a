"""The classification exercise: one choice per sentence, explained feedback, answers saved the moment they are given.

``classify(article)`` returns a ``ClassifyExercise``, an ipywidgets ``VBox`` a
notebook displays. This module is user interface only: scores and feedback come
from ``medialit.exercises.scoring``, saving from ``medialit.exercises.answers``, submission files
from ``medialit.exercises.submission``. Callbacks never print: all feedback goes into
widget values, so executed notebooks stay stable under nbval.

One state: the answers file is the truth. Every live exercise on a kernel is
registered by its answers file; after a save the others show the new answers at
once, and every exercise re-reads the file before Check and Submit and whenever the
page checks its connection (answers given in another kernel, e.g. a Voila page).
"""

from __future__ import annotations

import base64
import html
import os
import re
import weakref
from collections.abc import Iterable
from pathlib import Path

import ipywidgets

from medialit.ui import keyboard
from medialit.ui.quizwidget import quiz
from medialit.exercises import scoring
from medialit.exercises.answers import AnswerStore
from medialit.exercises.mode import AssessmentSetup, assessment_setup, recorded_feedback
from medialit.text.article import Article, read_article
from medialit.errors import MediaLitError
from medialit.keys.key import Key, load_article_key, load_key
from medialit.locations import key_path_for
from medialit.text.practice import notice_html
from medialit.exercises.registry import exercise, exercises
from medialit.exercises.submission import build_submission, submissions_dir, write_submission
from medialit.vocabulary import COLOURS, MARK_NOTE, MARK_OPEN, MARK_RIGHT, MARK_WARNING, MARK_WRONG, STATUS_COLOURS

CHOOSE = "— choose —"
FIELD_TITLES = {"category": "Category", "speaker": "Speaker", "claim_type": "Claim type", "techniques": "Techniques"}
FIELD_QUESTIONS = {
    "category": "What kind of sentence is this: an official statement, state-media framing, expert opinion or reporting?",
    "speaker": "Who is speaking in this sentence?",
    "claim_type": "What kind of claim does this sentence make?",
    "techniques": "Which persuasion techniques does this sentence use? Choose “none” if it uses none.",
}
CHANGED_SINCE_CHECK = f"<p style='margin:0'><small>{MARK_OPEN} Answer changed: press Check again for feedback.</small></p>"
FILTERS = [("All", "all"), ("Unanswered", "unanswered"), ("Needs another look", "wrong")]
FILTER_TOOLTIPS = [
    "Show every sentence",
    "Show only the sentences you have not answered yet",
    f"Show only the sentences the last Check marked {MARK_WRONG} (press Check first)",
]
# ipywidgets' HTML widget uses the height of a control as its line height; text reads better closer together.
_READABLE = "line-height:1.45"
_UNSAFE_ID_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]+")
# Every live exercise, by answers file: a view that saves tells the others (a re-run cell, a second tab).
_LIVE: dict[str, weakref.WeakSet] = {}


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _resolve(
    article: str | Path | Article, key: str | Path | Key | None, field: str
) -> tuple[Article, Key | None, AssessmentSetup | None]:
    """Return the article, its key (default: ``NAME.key.csv`` beside it) and, in an assessment release, its setup.

    In a student release made with ``--mode assessment`` (see ``medialit.teacher.assignments``)
    the key is left out: the key is None and the setup gives the choices.
    """
    loaded = article if isinstance(article, Article) else read_article(article)
    if isinstance(key, Key):
        return loaded, key, None
    if key is not None:
        return loaded, load_key(key, loaded), None
    setup = assessment_setup(loaded, field)
    if setup is not None:
        return loaded, None, setup
    if key_path_for(loaded.path).exists():
        return loaded, load_key(key_path_for(loaded.path), loaded), None
    return loaded, load_article_key(loaded.path), None  # raises the "no answer key beside the article" message


def _item_ids(article: Article, key: Key | None, items: Iterable[str] | None) -> list[str]:
    """Return the exercise's sentence ids (default: all), checked against the key (or, without one, the article)."""
    known = key.sentence_ids if key is not None else article.sentences["sentence_id"].tolist()
    if items is None:
        return known
    chosen = list(dict.fromkeys(items))
    unknown = [item for item in chosen if item not in set(known)]
    if unknown:
        source = key.path if key is not None else article.path
        raise MediaLitError(f"{source}: has no sentence(s) {', '.join(unknown)}; ids look like P02.S1")
    if not chosen:
        raise MediaLitError("items is empty; give at least one sentence id, or leave it out for every sentence")
    return chosen


def sentence_html(article: Article, sentence_id: str, number: int, total: int) -> str:
    """Return the HTML that presents one sentence: its place, the sentence in bold, its paragraph as context.

    The sentence is marked in the paragraph by ``<mark>``, guillemets and bold, never by colour alone.
    """
    row = article.sentences.set_index("sentence_id").loc[sentence_id]
    paragraph = int(row["paragraph"])
    sentence = _escape(str(row["text"]))
    parts = [
        f"<p style='margin:0'><small>Sentence {number} of {total} · <code>{sentence_id}</code> "
        f"(paragraph {paragraph}, sentence {int(row['sentence'])})</small></p>",
        f"<p style='margin:0.2em 0;font-size:1.05em'><strong>{sentence}</strong></p>",
    ]
    rows = article.sentences[article.sentences["paragraph"] == paragraph]
    if len(rows) > 1:
        start = int(rows["char_start"].iloc[0])
        end = int(rows["char_end"].iloc[-1])
        before = _escape(article.content[start : int(row["char_start"])])
        after = _escape(article.content[int(row["char_end"]) : end])
        parts.append(
            f"<p style='margin:0.2em 0;font-size:0.88em'>In its paragraph: {before}"
            f"<mark><strong>«{sentence}»</strong></mark>{after}</p>"
        )
    return f"<div style='{_READABLE}'>" + "".join(parts) + "</div>"


def download_link_html(path: Path) -> str:
    """Return HTML with a link that downloads the submission file at ``path`` from the page (a ``data:`` URL).

    It works the same in JupyterLab and Voila (no server route is needed); the file
    written on disk is unchanged.
    """
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    name = html.escape(path.name, quote=True)
    return (
        f"<p style='margin:0.3em 0'><a class='medialit-download' download='{name}' "
        f"href='data:application/json;base64,{data}' style='font-weight:700;text-decoration:underline'>"
        f"⬇ Download your submission file ({_escape(path.name)})</a></p>"
    )


def recorded_html(status: str, text: str) -> str:
    """Return one item's assessment-mode feedback as HTML (only the answer's format was checked)."""
    colour = STATUS_COLOURS.get(status, COLOURS["neutral"])
    return (
        f"<div role='status' style='border-left:4px solid {colour};padding-left:0.6em;{_READABLE}'>"
        f"<p style='margin:0'>{_escape(text)}</p></div>"
    )


def feedback_html(result: scoring.ItemResult) -> str:
    """Return one item's feedback as HTML: the mark and words from ``scoring``, the key's explanation, accepted answers."""
    lines = [f"<p style='margin:0'>{_escape(result.feedback)}</p>"]
    if result.status in ("correct", "acceptable") and result.acceptable:
        accepted = ", ".join(f"“{_escape(label)}”" for label in (result.preferred, *result.acceptable))
        lines.append(
            f"<p style='margin:0'><small>Accepted answers: {accepted} (the first is the key's preferred one).</small></p>"
        )
    colour = STATUS_COLOURS[result.status]
    return (
        f"<div role='status' style='border-left:4px solid {colour};padding-left:0.6em;{_READABLE}'>"
        + "".join(lines)
        + "</div>"
    )


class ClassifyExercise(ipywidgets.VBox):
    """A classification exercise over some sentences of an article (an ipywidgets VBox; display it in a notebook).

    Every answer is saved through ``AnswerStore`` the moment it is given and is
    restored when the exercise is created again (after a restart, in another tab).

    Attributes (the widgets, for tests and for authors who want to rearrange them):
        controls, feedback, boxes: per sentence id, the choice widget, its feedback
            ``HTML`` and the box holding both with the sentence.
        name, reflection: the ``Text`` and ``Textarea`` the learner types into.
        filter: the ``ToggleButtons`` (``all``, ``unanswered``, ``wrong``).
        check_button, reset_button, submit_button, confirm_yes, confirm_no: the buttons.
        banner, progress, summary, status, filter_note: ``HTML`` widgets showing messages.
        saved, text_saved: per sentence id (and for ``student``/``reflection``), the "✔ saved" mark the kernel
            sets after each successful write (``medialit.ui.keyboard.saved_mark``).
        sync_note: says which answers changed in another tab or view (see ``sync``).
        download: after Submit, a link that downloads the submission file from the page.

    The outer box has the DOM class ``medialit-kit`` and a keyboard guard
    (``medialit.ui.keyboard.protect``): no key pressed in it reaches JupyterLab's shortcuts.
    """

    def __init__(
        self,
        article: Article,
        key: Key | None,
        field: str,
        items: list[str],
        exercise_id: str,
        store: AnswerStore,
        assessment: AssessmentSetup | None = None,
    ) -> None:
        """Build the widgets for ``items`` and restore saved answers from ``store`` (no file is written).

        ``key`` is None only in an assessment release, with ``assessment`` giving the choices:
        answers are then recorded and only their format is checked.

        Raises:
            MediaLitError: neither a key nor an assessment setup was given.
        """
        if key is None and assessment is None:
            raise MediaLitError(f"{article.path}: an exercise needs an answer key (or an assessment release)")
        self.article = article
        self.key = key
        self.assessment = assessment
        self.field = field
        self.items = items
        self.exercise_id = exercise_id
        self.store = store
        self._options = scoring.choices(key, field) if key is not None else list(assessment.choices)
        self._current: dict[str, str | None] = {item: None for item in items}
        self._checked: dict[str, str] = {}  # sentence id -> status at the last Check
        self._quiet = False  # True while the exercise itself changes choices (restore, reset)

        self.controls: dict[str, ipywidgets.ValueWidget] = {}
        self.feedback: dict[str, ipywidgets.HTML] = {}
        self.saved: dict[str, ipywidgets.HTML] = {}  # the "✔ saved" mark, set only after a write succeeded
        self.boxes: dict[str, ipywidgets.VBox] = {}
        saved = store.load()
        not_shown = 0
        for number, item in enumerate(items, start=1):
            choice = self._make_choice(item)
            if item in saved:
                not_shown += not self._show_saved(choice, item, saved[item])
            self.controls[item] = choice
            self.feedback[item] = ipywidgets.HTML(value="")
            self.saved[item] = ipywidgets.HTML(value=keyboard.saved_mark(store.answer_time(item) if item in saved else None))
            self.boxes[item] = ipywidgets.VBox(
                [
                    ipywidgets.HTML(value=sentence_html(article, item, number, len(items))),
                    ipywidgets.HBox([choice, self.saved[item]], layout=ipywidgets.Layout(align_items="center")),
                    self.feedback[item],
                ],
                layout=ipywidgets.Layout(border=f"1px solid {COLOURS['frame']}", padding="0.4em 0.8em", margin="0.3em 0"),
            )
            self.boxes[item].add_class(keyboard.ITEM_CLASS)
        self._build_controls(not_shown)
        for item, choice in self.controls.items():
            choice.observe(self._on_answer(item), names="value")
        super().__init__(children=self._layout(), layout=ipywidgets.Layout(max_width="62em"))
        keyboard.protect(self, on_ping=self.sync)
        _LIVE.setdefault(self._live_key, weakref.WeakSet()).add(self)

    # ----- building ---------------------------------------------------------------------------------------------

    def _make_choice(self, item: str) -> ipywidgets.ValueWidget:
        description = f"{FIELD_TITLES[self.field]} of {item}"
        style = {"description_width": "initial"}
        if self.field == "techniques":
            return ipywidgets.SelectMultiple(
                options=self._options,
                value=(),
                rows=6,
                description=description,
                tooltip=f"Your answer for {item}: choose one or more (Ctrl or ⌘ + click; Shift + arrow keys; Ctrl + arrow keys then Ctrl + Space)",
                style=style,
                layout=ipywidgets.Layout(width="auto"),
            )
        longest = max(len(label) for label in [CHOOSE, *self._options])
        return ipywidgets.Dropdown(
            options=[(CHOOSE, ""), *[(label, label) for label in self._options]],
            value="",
            description=description,
            tooltip=f"Your answer for {item}",
            style=style,
            layout=ipywidgets.Layout(width=f"{len(description) + longest + 8}ch"),
        )

    def _show_saved(self, choice: ipywidgets.ValueWidget, item: str, label: str) -> bool:
        """Put a saved ``label`` into ``choice`` (before observers exist); return False when it is no longer a choice."""
        if self.field == "techniques":
            chosen = tuple(label for label in label.split(";") if label in self._options)
            if not chosen:
                return False
            choice.value = chosen
        elif label in self._options:
            choice.value = label
        else:
            return False
        self._current[item] = self._label_of(item, choice)
        return True

    def _build_controls(self, not_shown: int) -> None:
        """Create the header, banners, name, filter, buttons, score, reflection and status widgets."""
        question = FIELD_QUESTIONS[self.field]
        self.header = ipywidgets.HTML(
            value=(
                f"<div style='{_READABLE}'><h3 style='margin-bottom:0.2em'>Classify {len(self.items)} {'sentence' if len(self.items) == 1 else 'sentences'}: "
                f"{_escape(FIELD_TITLES[self.field].lower())}</h3>"
                f"<p style='margin:0'>{_escape(question)} Choose an answer under each sentence; every answer is saved "
                f"the moment you give it ({MARK_RIGHT} saved appears beside it). Press <strong>Check</strong> for feedback, "
                "change any answer, and check again.</p>"
                f"<p style='margin:0.3em 0 0 0'><small>{keyboard.HELP_JUPYTERLAB_AND_VOILA}</small></p></div>"
            )
        )
        banners = [notice_html(self.article)]  # "Invented for practice, not real news" (medialit.text.practice)
        if self.assessment is not None:
            notice = _escape(self.assessment.notice)
            banners.append(f"<p role='note' style='border:2px solid {COLOURS['note']};padding:0.4em'>{MARK_NOTE} {notice}</p>")
        elif not self.key.reviewed:
            banners.append(f"<p role='alert' style='border:2px solid {COLOURS['caution']};padding:0.4em'>{_escape(self.key.review_status())}</p>")
        if self.store.message:
            message = _escape(self.store.message)
            banners.append(f"<p role='alert' style='border:2px solid {COLOURS['alert']};padding:0.4em'>{MARK_WARNING} {message}</p>")
        self.banner = ipywidgets.HTML(value="".join(banners))
        self._build_name_and_filter()
        self._build_buttons()
        self._build_texts(not_shown)
        self.check_button.on_click(lambda _button: self.check())
        self.reset_button.on_click(self._on_reset)
        self.confirm_yes.on_click(lambda _button: self.reset())
        self.confirm_no.on_click(self._on_cancel_reset)
        self.submit_button.on_click(self._on_submit)
        self._show_progress()
        self._apply_filter()

    def _build_name_and_filter(self) -> None:
        """Create the name box and the filter (with its note), and observe both."""
        self.name = ipywidgets.Text(
            value=self.store.student or os.environ.get("JUPYTERHUB_USER", ""),
            description="Your name",
            placeholder="Type your name (it goes on your submission)",
            tooltip="Your name, saved with your answers and written on your submission",
            style={"description_width": "initial"},
            layout=ipywidgets.Layout(width="34em"),
        )
        self.name.observe(self._on_name, names="value")
        self.filter = ipywidgets.ToggleButtons(
            options=FILTERS,
            value="all",
            description="Show",
            tooltips=FILTER_TOOLTIPS,
            style={"description_width": "initial", "button_width": "auto"},
        )
        self.filter.observe(lambda _change: self._apply_filter(), names="value")
        self.filter_note = ipywidgets.HTML(value="")

    def _build_buttons(self) -> None:
        """Create Check, Reset, Submit and the Reset confirmation (not yet connected)."""
        self.check_button = ipywidgets.Button(
            description="Check",
            icon="check",
            button_style="primary",
            tooltip="Check your answers and read the feedback under each sentence",
        )
        self.reset_button = ipywidgets.Button(description="Reset", icon="undo", tooltip="Clear all your answers (asks first)")
        self.submit_button = ipywidgets.Button(
            description="Submit", icon="paper-plane", tooltip="Write your answers to a submission file for your teacher"
        )
        self.confirm_text = ipywidgets.HTML(value="")
        self.confirm_yes = ipywidgets.Button(
            description="Yes, clear my answers",
            button_style="danger",
            tooltip="Clear every answer of this exercise",
            layout=ipywidgets.Layout(width="auto"),
        )
        self.confirm_no = ipywidgets.Button(description="Cancel", tooltip="Keep your answers", layout=ipywidgets.Layout(width="auto"))
        self.confirm = ipywidgets.HBox(
            [self.confirm_text, self.confirm_yes, self.confirm_no],
            layout=ipywidgets.Layout(display="none", flex_flow="row wrap", align_items="center"),
        )

    def _build_texts(self, not_shown: int) -> None:
        """Create the progress, score, sync note, saved marks, download link, reflection and status widgets."""
        self.progress = ipywidgets.HTML(value="")
        self.summary = ipywidgets.HTML(value="<p><em>Press Check to see your score and the feedback.</em></p>")
        self.sync_note = ipywidgets.HTML(value="")
        self.text_saved = {  # the "✔ saved" marks of the name and the reflection
            name: ipywidgets.HTML(value=keyboard.saved_mark(self.store.text_time(name))) for name in ("student", "reflection")
        }
        self.download = ipywidgets.HTML(value="")
        self.reflection = ipywidgets.Textarea(
            value=self.store.reflection,
            description="Reflection",
            placeholder="Which sentences were hardest to decide, and why? What would you check before believing them?",
            tooltip="Your reflection, saved as you type",
            rows=4,
            style={"description_width": "initial"},
            layout=ipywidgets.Layout(width="auto", max_width="100%"),
        )
        self.reflection.observe(self._on_reflection, names="value")
        restored = sum(label is not None for label in self._current.values())
        status = f"Restored {restored} saved answer(s). " if restored else ""
        if not_shown:
            status += f"{not_shown} saved answer(s) no longer match the choices and are kept in the file but not shown. "
        self.status = ipywidgets.HTML(value=f"<p><small>{status}Your answers are saved automatically.</small></p>")

    def _layout(self) -> list[ipywidgets.Widget]:
        buttons = ipywidgets.HBox([self.check_button, self.reset_button, self.submit_button])
        return [
            self.header,
            self.banner,
            self.sync_note,
            ipywidgets.HBox([self.name, self.text_saved["student"]], layout=ipywidgets.Layout(align_items="center"))
            .add_class(keyboard.ITEM_CLASS),
            ipywidgets.HBox([self.filter, self.filter_note], layout=ipywidgets.Layout(flex_flow="row wrap")),
            *self.boxes.values(),
            self.progress,
            self.summary,  # above the buttons, so the score shows where the learner is looking after Check
            buttons,
            self.confirm,
            self.status,
            self.download,
            ipywidgets.VBox([self.reflection, self.text_saved["reflection"]]).add_class(keyboard.ITEM_CLASS),
        ]

    def __repr__(self) -> str:
        """Return a short, stable description (what a notebook shows as plain text)."""
        return f"ClassifyExercise({self.exercise_id!r}, {len(self.items)} sentences, field={self.field!r})"

    # ----- reading answers --------------------------------------------------------------------------------------

    def _label_of(self, item: str, choice: ipywidgets.ValueWidget | None = None) -> str | None:
        value = (choice or self.controls[item]).value
        if self.field == "techniques":
            return scoring.normalise_answer(self.field, list(value))
        return value or None

    @property
    def _live_key(self) -> str:
        return str(self.store.path.resolve())

    @property
    def first_answers(self) -> dict[str, str]:
        """Return each item's first answer (practice mode's record of the answer given before any feedback)."""
        return {item: label for item, label in self.store.first_answers().items() if item in self._current}

    @property
    def answers(self) -> dict[str, str]:
        """Return the current answers, ``{sentence_id: label}`` (answered items only; techniques ``;``-joined)."""
        return {item: label for item, label in self._current.items() if label is not None}

    def score(self) -> scoring.Score:
        """Return the score of the current answers (computed by ``medialit.exercises.scoring``; nothing is shown).

        Raises:
            MediaLitError: an assessment release has no key to score against.
        """
        if self.key is None:
            raise MediaLitError(
                f"{self.article.path}: no answer key in this assessment release; your teacher scores the answers"
            )
        return scoring.score_answers(self.key, self.answers, self.field, self.items)

    # ----- actions ----------------------------------------------------------------------------------------------

    def answer(self, sentence_id: str, label: str | Iterable[str] | None) -> None:
        """Choose ``label`` for ``sentence_id`` as a click would (saved at once); None clears it.

        For ``techniques`` give a list of names or a ``;``-joined string.

        Raises:
            MediaLitError: the sentence is not in this exercise, or the label is not one of its choices.
        """
        if sentence_id not in self.controls:
            raise MediaLitError(
                f"sentence {sentence_id!r} is not in this exercise; its sentences are {self.items[0]} to {self.items[-1]}"
            )
        if self.field == "techniques":
            chosen = [] if label is None else (label.split(";") if isinstance(label, str) else list(label))
            unknown = [name for name in chosen if name not in self._options]
            value: object = tuple(chosen)
        else:
            unknown = [] if label in (None, "") or label in self._options else [str(label)]
            value = label or ""
        if unknown:
            raise MediaLitError(f"{', '.join(unknown)!r} is not a choice here; choose from: {', '.join(self._options)}")
        self.controls[sentence_id].value = value

    def check(self) -> scoring.Score | None:
        """Show feedback under every sentence, the score and the progress; return the score (same as pressing Check).

        In an assessment release (no key) only each answer's format is checked,
        the notice says so, and None is returned.
        """
        self.sync()
        if self.key is None:
            self._check_format()
            return None
        score = self.score()
        for result in score.items:
            self.feedback[result.sentence_id].value = feedback_html(result)
        self._checked = {result.sentence_id: result.status for result in score.items}
        self.summary.value = f"<p role='status'><strong>Your score:</strong> {_escape(score.summary())}</p>"
        self._show_progress()
        self._apply_filter()
        return score

    def _check_format(self) -> None:
        """Assessment mode: mark each answer recorded (or not one of the choices); no answer key is used."""
        self._checked = {}
        for item in self.items:
            status, text = recorded_feedback(self._current[item], self._options)
            self.feedback[item].value = recorded_html(status, text)
            self._checked[item] = "wrong" if status == "format-problem" else status
        answered = len(self.answers)
        self.summary.value = (
            f"<p role='status'><strong>{answered} of {len(self.items)} answers recorded.</strong> "
            f"{_escape(self.assessment.notice)}</p>"
        )
        self._show_progress()
        self._apply_filter()

    def reset(self) -> None:
        """Clear every answer of this exercise (widgets and answers file) and all feedback; no confirmation is asked."""
        self._quiet = True
        try:
            for item, choice in self.controls.items():
                choice.value = () if self.field == "techniques" else ""
                self._current[item] = None
                self.feedback[item].value = ""
                self.saved[item].value = keyboard.saved_mark(None)
        finally:
            self._quiet = False
        self._checked = {}
        self.confirm.layout.display = "none"
        self.summary.value = "<p><em>Your answers were cleared. Press Check after answering again.</em></p>"
        if self._save(lambda: self.store.update({item: None for item in self.items}), "All answers cleared."):
            for other in self._peers():
                other.sync()
        self._show_progress()
        self._apply_filter()

    def submit(self, directory: Path | str | None = None) -> Path:
        """Write a submission file into ``directory`` and return its path; the status line shows the file's name.

        ``directory`` defaults to ``medialit.exercises.submission.submissions_dir()``: the
        working folder (the notebook's folder) unless ``MEDIALIT_SUBMISSIONS_DIR`` is set.

        Raises:
            MediaLitError: no name was typed, or the file cannot be written.
        """
        self.sync()
        name = self.name.value.strip()
        if not name:
            raise MediaLitError("type your name in the 'Your name' box first, then submit again")
        practice = {"first_answers": self.first_answers} if self.key is not None else {}
        submission = build_submission(
            student=name,
            exercise_id=self.exercise_id,
            key_sha256=self.key.sha256 if self.key is not None else self.assessment.key_sha256,
            answers=self.answers,
            field=self.field,
            article=self.article.name,
            reflection=self.reflection.value,
            **practice,
        )
        folder = Path(directory) if directory is not None else submissions_dir()
        path = write_submission(submission, folder)
        in_working_folder = folder.resolve() == Path.cwd().resolve()
        where = "the notebook's folder" if in_working_folder else f"the folder “{_escape(folder.name)}”"
        self.status.value = (
            f"<p role='status'>{MARK_RIGHT} Submitted {len(submission['answers'])} of {len(self.items)} answers: saved as "
            f"<code>{_escape(path.name)}</code> in {where}. Download it with the link below and hand it in as "
            "your teacher asks; submitting again makes a new file.</p>"
        )
        self.download.value = download_link_html(path)
        return path

    def sync(self) -> list[str]:
        """Show answers saved elsewhere (another tab, a re-run cell, another kernel); return the ids that changed.

        The answers file is the truth: its answers replace this view's where they
        differ, without saving again, and ``sync_note`` tells the learner which changed.
        Runs before Check and Submit, after every answer in another view on this
        kernel, and each time the page checks the connection.
        """
        try:
            saved = self.store.load()
        except MediaLitError as error:
            self.status.value = f"<p role='alert'>{MARK_WARNING} {_escape(str(error))}</p>"
            return []
        changed = []
        self._quiet = True
        try:
            for item, choice in self.controls.items():
                label = saved.get(item)
                if label == self._current[item] or (label is not None and not self._fits(label)):
                    continue
                choice.value = self._value_for(label)
                self._current[item] = self._label_of(item)
                self.saved[item].value = keyboard.saved_mark(self.store.answer_time(item))
                if item in self._checked:
                    self.feedback[item].value = CHANGED_SINCE_CHECK
                changed.append(item)
        finally:
            self._quiet = False
        if changed:
            shown = ", ".join(changed[:6]) + (" …" if len(changed) > 6 else "")
            self.sync_note.value = (
                f"<p role='status' style='border:2px solid {COLOURS['note']};padding:0.3em 0.5em'>{MARK_NOTE} {len(changed)} answer(s) "
                f"changed in another tab or view and are shown here now: {_escape(shown)}. "
                "Check and Submit use these saved answers.</p>"
            )
            self._show_progress()
            self._apply_filter()
        return changed

    def _fits(self, label: str) -> bool:
        """Return True when the saved ``label`` can be shown by this exercise's control."""
        if self.field == "techniques":
            return all(name in self._options for name in label.split(";"))
        return label in self._options

    def _value_for(self, label: str | None) -> object:
        if self.field == "techniques":
            return tuple(label.split(";")) if label else ()
        return label or ""

    def _peers(self) -> list[ClassifyExercise]:
        """Return the other live exercises on this kernel that share this one's answers file."""
        return [other for other in list(_LIVE.get(self._live_key, ())) if other is not self]

    # ----- callbacks (never print: everything goes into widget values) --------------------------------------------

    def _on_answer(self, item: str):  # noqa: ANN202 - returns a traitlets observer
        def observe(_change: dict) -> None:
            if self._quiet:
                return
            label = self._label_of(item)
            self._current[item] = label
            if item in self._checked:
                self.feedback[item].value = CHANGED_SINCE_CHECK
            if self._save(lambda: self.store.set(item, label), None):
                self.saved[item].value = keyboard.saved_mark(self.store.answer_time(item))
                for other in self._peers():
                    other.sync()
            self._show_progress()

        return observe

    def _on_name(self, change: dict) -> None:
        if self._save(lambda: self.store.set_student(change["new"]), None):
            self.text_saved["student"].value = keyboard.saved_mark(self.store.text_time("student"))

    def _on_reflection(self, change: dict) -> None:
        if self._save(lambda: self.store.set_reflection(change["new"]), None):
            self.text_saved["reflection"].value = keyboard.saved_mark(self.store.text_time("reflection"))

    def _on_reset(self, _button: ipywidgets.Button) -> None:
        answered = len(self.answers)
        self.confirm_text.value = f"<p><strong>Clear all {answered} answer(s)?</strong> This cannot be undone.&nbsp;</p>"
        self.confirm.layout.display = "flex"

    def _on_cancel_reset(self, _button: ipywidgets.Button) -> None:
        self.confirm.layout.display = "none"

    def _on_submit(self, _button: ipywidgets.Button) -> None:
        try:
            self.submit()
        except MediaLitError as error:
            self.status.value = f"<p role='alert'>{MARK_WARNING} Not submitted: {_escape(str(error))}</p>"

    def _save(self, action, done: str | None) -> bool:  # noqa: ANN001 - a no-argument callable
        """Run a store ``action``; show ``done``, or the error if saving failed (the answer stays on screen).

        Returns True when the write succeeded.
        """
        try:
            action()
        except MediaLitError as error:
            self.status.value = f"<p role='alert'>{MARK_WARNING} {_escape(str(error))}</p>"
            return False
        if done:
            self.status.value = f"<p role='status'><small>{_escape(done)}</small></p>"
        return True

    # ----- display ----------------------------------------------------------------------------------------------

    def _show_progress(self) -> None:
        answered = sum(label is not None for label in self._current.values())
        self.progress.value = f"<p><strong>Progress:</strong> {answered} of {len(self.items)} answered</p>"

    def _apply_filter(self) -> None:
        """Show the sentences the filter asks for; hide the rest (changes item layouts only)."""
        mode = self.filter.value
        if mode == "unanswered":
            shown = {item for item, label in self._current.items() if label is None}
        elif mode == "wrong":
            shown = {item for item, status in self._checked.items() if status == "wrong"}
        else:
            shown = set(self.items)
        for item, box in self.boxes.items():
            box.layout.display = None if item in shown else "none"
        if mode == "wrong" and not self._checked:
            note = "Press Check first; then this shows the answers to look at again."
        elif mode == "all":
            note = ""
        else:
            note = f"Showing {len(shown)} of {len(self.items)} sentences."
        self.filter_note.value = f"<p style='margin:0.3em 0.6em'><small>{note}</small></p>" if note else ""


def classify(
    article: str | Path | Article,
    key: str | Path | Key | None = None,
    field: str = "category",
    items: Iterable[str] | None = None,
    exercise_id: str | None = None,
) -> ClassifyExercise:
    """Return a classification exercise to display: one choice per sentence, Check, Reset, filter, Submit.

    ``article``: a path, a ``seeds/`` name or an ``Article``. ``key``: a path, a
    ``Key`` or None (``NAME.key.csv`` beside the article; in a student release made
    with ``--mode assessment`` there is none, and answers are recorded with only their
    format checked). ``field``: ``category``,
    ``speaker``, ``claim_type`` or ``techniques``. ``items``: sentence ids
    (default: every sentence). ``exercise_id`` names the answers file (default: that of the registry's exercise
    over every sentence for ``field``, lesson 07's ``<article>-category``; ``<article>-<field>`` for a field no such
    exercise asks). Saved answers are restored; nothing is written until the learner answers.

    Raises:
        MediaLitError: the article, key, field or an item is not valid.
    """
    scoring.check_field(field)
    loaded, loaded_key, assessment = _resolve(article, key, field)
    chosen = _item_ids(loaded, loaded_key, items)
    if exercise_id is None:
        exercise_id = default_exercise_id(loaded.name, field)
    store = AnswerStore(exercise_id)
    return ClassifyExercise(loaded, loaded_key, field, chosen, exercise_id, store, assessment)


def default_exercise_id(article_name: str, field: str) -> str:
    """Return the answers-file name of a ``classify`` over every sentence of ``article_name`` for ``field``.

    The registry's classify exercise without items for that field names it (lesson 07: ``<article>-category``);
    otherwise ``<article>-<field>``. Characters unsafe in a file name become ``-``.
    """
    whole = [declared for declared in exercises("classify") if declared.field == field and not declared.items]
    name = whole[0].answers_file_id(article_name) if whole else f"{article_name}-{field}"
    return _UNSAFE_ID_CHARACTERS.sub("-", name).strip("-.") or field


def classify_lesson(exercise_id: str, article: str | Path | Article | Key, key: str | Path | Key | None = None) -> ClassifyExercise:
    """Return the registry's classify exercise ``exercise_id`` (e.g. ``"02_who_is_speaking"``) on ``article``, to display.

    Its field, items (``Exercise.items_for``: the declared ones on the article they were chosen on, a balanced set
    on any other) and answers file all come from the declaration. ``article`` may be the article's ``Key`` itself.
    Saved answers are restored; nothing is written until the learner answers.

    Raises:
        MediaLitError: no classify exercise has that id, or the article or key is not valid.
    """
    declared = exercise(exercise_id)
    if declared.kind != "classify":
        raise MediaLitError(f"{exercise_id}: is a {declared.kind} exercise, not a classify one; use quiz_lesson or its notebook")
    if isinstance(article, Key):
        article, key = article.article, article
    loaded, loaded_key, _ = _resolve(article, key, declared.field)
    items = declared.items_for(loaded_key) if loaded_key is not None else list(declared.items) or None
    return classify(loaded, loaded_key, declared.field, items, declared.answers_file_id(loaded.name))


def quiz_lesson(exercise_id: str, article: str | Path | Article | None = None, **options: object) -> ipywidgets.VBox:
    """Return the registry's quiz exercise ``exercise_id`` (e.g. ``"quiz-evidence"``) to display.

    Its quiz file and answers file come from the declaration (``{article}`` in the answers id is ``article``'s name,
    default the exercise's article). ``options`` go to ``medialit.ui.quizwidget.quiz`` (``reveal``, ``compare_with``).

    Raises:
        MediaLitError: no quiz exercise has that id.
    """
    declared = exercise(exercise_id)
    if declared.kind != "quiz":
        raise MediaLitError(f"{exercise_id}: is a {declared.kind} exercise, not a quiz; use classify_lesson or its notebook")
    name = declared.article if article is None else article.name if isinstance(article, Article) else Path(str(article)).stem
    return quiz(declared.quiz, exercise_id=declared.answers_file_id(name), **options)
