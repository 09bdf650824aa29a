"""One name box and one Submit button for an assignment: exercise 01 hands in both parts at once.

``label_exercise(field)`` is one part of exercise 01 (a ``widgets.classify``
exercise whose own name box and Submit button are hidden); ``hand_in_labels()`` is
the one place where the learner types their name and submits. Submit reads the
answers from the answers files at the moment it is pressed (the files are the
truth: every click is saved there at once), so it works right after answering,
with no cell to run again, and hands in what every open tab has saved.

User interface only (ipywidgets): the submission and its verdict come from
``medialit.exercises.checks.submit``.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import ipywidgets

from medialit.ui import keyboard
from medialit.exercises.answers import AnswerStore
from medialit.exercises.checks import CheckReport, submit
from medialit.exercises.registry import Exercise, exercises
from medialit.errors import MediaLitError
from medialit.text.article import Article
from medialit.ui.widgets import classify, download_link_html

NAME_MISSING = "Not submitted yet: type your name in the box above, then press Submit."


def _labels() -> Exercise:
    """Return the declaration of the labelling assignment (exercise 01, kind ``labels``)."""
    return exercises("labels")[0]


def _article_name(article: Any) -> str:
    """Return the name of ``article`` (an ``Article``, a path or a ``seeds/`` name)."""
    return article.name if isinstance(article, Article) else Path(str(article)).stem


def label_store(field: str, article: Any = None) -> AnswerStore:
    """Return the answers store of part ``field`` of exercise 01 (``01_label_voices-<field>``); nothing is written."""
    declared = _labels()
    return AnswerStore(declared.answers_file_id(_article_name(article or declared.article), field))


def label_exercise(field: str, article: Any = None, items: Iterable[str] | None = None) -> Any:
    """Return part ``field`` (``speaker`` or ``category``) of exercise 01 to display, without its own name box or Submit.

    ``article`` and ``items`` default to the exercise's declaration. The learner answers and presses Check in it as
    in any classification exercise; the one name box and Submit button are ``hand_in_labels``'s.
    """
    declared = _labels()
    article = declared.article if article is None else article
    chosen = list(declared.items if items is None else items)
    exercise = classify(article, field=field, items=chosen, exercise_id=label_store(field, article).exercise_id)
    for part in ("name", "submit_button"):
        widget = getattr(exercise, part, None)
        if widget is not None:
            widget.layout.display = "none"
    return exercise


class HandIn(ipywidgets.VBox):
    """A name box, a Submit button and a status line that hands in an assignment's work as it is at that moment.

    Attributes:
        exercise_id: the assignment, e.g. ``01_label_voices``.
        name: the ``Text`` box for the learner's name (saved as typed in ``stores``).
        submit_button: the ``Button``.
        status: the ``HTML`` showing the verdict and the download link (``role="status"``).
        report: the last ``CheckReport`` (None before the first Submit).
    """

    def __init__(
        self,
        exercise_id: str,
        work: Mapping[str, Callable[[], Any]],
        *,
        article: Any = None,
        stores: Iterable[AnswerStore] = (),
        directory: Path | str | None = None,
    ) -> None:
        """Build the widgets; ``work`` maps each piece of work to a function returning its current value.

        The name is restored from the first of ``stores`` that has one (or ``JUPYTERHUB_USER``). Nothing is written.
        """
        self.exercise_id = exercise_id
        self.article = article
        self.work = dict(work)
        self.stores = list(stores)
        self.directory = directory
        self.report: CheckReport | None = None
        saved = next((store.student for store in self.stores if store.student), "")
        self.name = ipywidgets.Text(
            value=saved or os.environ.get("JUPYTERHUB_USER", ""),
            description="Your name",
            placeholder="Type your name (it goes on your submission)",
            tooltip="Your name, written on your submission",
            style={"description_width": "initial"},
            layout=ipywidgets.Layout(width="min(34em, 100%)"),
        )
        self.name.observe(self._on_name, names="value")
        self.submit_button = ipywidgets.Button(
            description="Submit",
            icon="paper-plane",
            button_style="primary",
            tooltip="Hand in every part: writes a submission file and offers it as a download",
        )
        self.submit_button.on_click(lambda _button: self.submit())
        self.status = ipywidgets.HTML(value=f"<p role='status'>{html.escape(self._waiting())}</p>")
        super().__init__(children=[self.name, self.submit_button, self.status], layout=ipywidgets.Layout(max_width="100%"))
        keyboard.protect(self)  # typing a name never reaches JupyterLab's notebook shortcuts

    def _current(self) -> dict[str, Any]:
        return {name: value() for name, value in self.work.items()}

    def _waiting(self) -> str:
        """Return what the status says before Submit: what is answered so far."""
        answered = [f"{name}: {len(value or {})} answered" for name, value in self._current().items()]
        if not any(self._current().values()):
            return "Not answered yet: answer the parts above, then type your name and press Submit."
        return f"Not submitted yet ({'; '.join(answered)}). Type your name and press Submit."

    def __repr__(self) -> str:
        if self.report is not None:
            return self.report.text()
        if not self.name.value.strip():
            return f"Hand in {self.exercise_id}. {NAME_MISSING}"
        return f"Hand in {self.exercise_id}. Not submitted yet: press Submit when you are done."

    def submit(self) -> CheckReport:
        """Hand in the work as it is now; show the verdict and a download link; return the report.

        Writes a submission file (see ``checks.submit``) unless the name is missing or
        nothing is answered; the status says which. Never raises: a folder that cannot
        be written is reported in the status line.
        """
        name = self.name.value.strip()
        if not name:
            self.report = CheckReport(f"submission of {self.exercise_id}", "unanswered", "nothing", (NAME_MISSING,))
        else:
            try:
                self.report = submit(self.exercise_id, name, self.article, directory=self.directory, **self._current())
            except MediaLitError as error:
                self.status.value = f"<p role='alert'>⚠ Not submitted: {html.escape(str(error))}</p>"
                return CheckReport(f"submission of {self.exercise_id}", "format-problem", "format", (str(error),))
        link = download_link_html(Path(self.report.file)) if self.report.file else ""
        self.status.value = self.report._repr_html_() + link
        return self.report

    def _on_name(self, change: dict) -> None:
        for store in self.stores:
            try:
                store.set_student(change["new"])
            except MediaLitError as error:
                self.status.value = f"<p role='alert'>⚠ {html.escape(str(error))}</p>"
                return


def hand_in_labels(article: Any = None, items: Iterable[str] | None = None) -> HandIn:
    """Return exercise 01's hand-in: one name box and one Submit for both parts (speaker and category).

    ``article`` and ``items`` default to the exercise's declaration. Submit reads both parts' answers from their
    answers files when it is pressed.
    """
    declared = _labels()
    article = declared.article if article is None else article
    chosen = list(declared.items if items is None else items)
    stores = {field: label_store(field, article) for field in declared.fields}

    def answers_of(field: str) -> Callable[[], dict[str, str]]:
        def current() -> dict[str, str]:
            saved = stores[field].load()
            return {item: saved[item] for item in chosen if item in saved}

        return current

    return HandIn(
        declared.id,
        {field: answers_of(field) for field in declared.fields},
        article=article,
        stores=stores.values(),
    )
