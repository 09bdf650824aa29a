"""A first, low-stakes widget for ``00_start_here``: learners practise clicking and reading feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ipywidgets

PRACTICE_QUESTION = 'In "Lavrov stressed that Moscow and Washington should start building more constructive relations", which word tells you who is speaking and how?'
PRACTICE_CHOICES = {
    "Lavrov": "Not quite: “Lavrov” is the source (who is speaking). The question asks for the word that tells you *how* he speaks.",
    "stressed": "✔ Right: “stressed” is the cue verb. It tells you Lavrov is the speaker, and it also makes his point sound important.",
    "Moscow": "Not quite: Moscow is part of what he says (the content), not the word that introduces it.",
}


def try_a_widget() -> ipywidgets.VBox:
    """Return a one-question practice widget: pick an answer, press Check, read the feedback.

    Nothing is saved; this widget only teaches how the kit's exercises work.
    """
    import ipywidgets

    choice = ipywidgets.ToggleButtons(
        options=list(PRACTICE_CHOICES), value=None, description="", style={"button_width": "auto"}
    )
    check = ipywidgets.Button(description="Check", tooltip="Check your answer", icon="check")
    feedback = ipywidgets.HTML(value="<p><em>Pick an answer, then press Check.</em></p>")

    def show_feedback(_button: ipywidgets.Button) -> None:
        if choice.value is None:
            feedback.value = "<p>○ Not answered yet: click one of the three words first.</p>"
        else:
            feedback.value = f"<p>{PRACTICE_CHOICES[choice.value]}</p>"

    check.on_click(show_feedback)
    return ipywidgets.VBox([ipywidgets.HTML(f"<p><strong>{PRACTICE_QUESTION}</strong></p>"), choice, check, feedback])
