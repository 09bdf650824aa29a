"""A first, low-stakes widget for ``00_start_here``: learners practise choosing, checking and reading feedback.

The question has one clearly right answer: it asks only for the word that tells
HOW the speaker speaks (the cue verb), and says that the speaker is Lavrov, so
"Lavrov" is not a second defensible answer (issue 12 item 11). Feedback carries a
mark and words (✔ / ✘ / ○), never markdown asterisks and never colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from medialit.ui import keyboard
from medialit.vocabulary import MARK_OPEN, MARK_RIGHT, MARKS, STATUS_WORDS

if TYPE_CHECKING:
    import ipywidgets

PRACTICE_QUESTION = (
    'In "Lavrov stressed that Moscow and Washington should start building more constructive relations", '
    "Lavrov is the speaker. Which word tells you how he says it (the cue verb)?"
)
PRACTICE_CHOICES = {
    "Lavrov": f"{MARKS['wrong']} {STATUS_WORDS['wrong']}: “Lavrov” is the source, the person who speaks. The question asks for the word that tells "
    "you <em>how</em> he speaks: the verb that introduces what he says.",
    "stressed": f"{MARKS['passed']} {STATUS_WORDS['passed']}: “stressed” is the cue verb. It introduces what Lavrov says, and it also makes his point "
    "sound important.",
    "Moscow": f"{MARKS['wrong']} {STATUS_WORDS['wrong']}: Moscow is part of what he says (the content), not the word that introduces it.",
}
PRACTICE_HELP = (
    "Keyboard: <strong>Tab</strong> moves to the answers and on to <strong>Check</strong>; the "
    "<strong>arrow keys</strong> move between the answers and choose one; <strong>Space</strong> or "
    f"<strong>Enter</strong> presses the button you are on. The chosen answer is marked {MARK_RIGHT} and underlined. "
    "(The same keys work in JupyterLab and in the Voila app.)"
)


def try_a_widget() -> ipywidgets.VBox:
    """Return a one-question practice widget: pick an answer, press Check, read the feedback.

    Nothing is saved; this widget only teaches how the kit's exercises work. It is
    keyboard-safe (``medialit.ui.keyboard.protect``): no key pressed in it reaches
    JupyterLab's notebook shortcuts.
    """
    import ipywidgets

    class Practice(ipywidgets.VBox):
        """The practice widget; ``choice``, ``check`` and ``feedback`` are its parts."""

        def __repr__(self) -> str:
            return "Practice widget: one question, Check, feedback"

    choice = ipywidgets.ToggleButtons(
        options=list(PRACTICE_CHOICES), value=None, description="", style={"button_width": "auto"}
    )
    check = ipywidgets.Button(description="Check", tooltip="Check your answer", icon="check")
    feedback = ipywidgets.HTML(value="<p><em>Pick an answer, then press Check.</em></p>")

    def show_feedback(_button: ipywidgets.Button) -> None:
        if choice.value is None:
            feedback.value = f"<p role='status'>{MARK_OPEN} {STATUS_WORDS['unanswered']}: choose one of the three words first.</p>"
        else:
            feedback.value = f"<p role='status'>{PRACTICE_CHOICES[choice.value]}</p>"

    def clear_feedback(_change: dict) -> None:
        feedback.value = f"<p><small>{MARK_OPEN} Answer changed: press Check for feedback.</small></p>"

    check.on_click(show_feedback)
    choice.observe(clear_feedback, names="value")
    widget = Practice(
        [
            ipywidgets.HTML(f"<p><strong>{PRACTICE_QUESTION}</strong></p><p><small>{PRACTICE_HELP}</small></p>"),
            choice,
            check,
            feedback,
        ]
    )
    widget.choice, widget.check, widget.feedback = choice, check, feedback
    return keyboard.protect(widget)
