"""The discrimination check in a real browser: lesson 07 as a Voila app, answered by clicking (Chromium, Playwright)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.exercises.quiz import CHECK_QUIZ, POST_CHECK, load_quiz
from tests.test_browser import page, voila, wait_for, workspace  # noqa: F401 - pytest fixtures used by name

pytestmark = pytest.mark.browser


def saved(workspace: Path, exercise_id: str) -> dict[str, str]:  # noqa: F811 - the fixture's value
    """Return the answers saved in ``notebooks/.medialit/<exercise_id>.answers.json`` (``{}`` before the first)."""
    path = workspace / "notebooks" / ".medialit" / f"{exercise_id}.answers.json"
    if not path.exists():
        return {}
    answers = json.loads(path.read_text(encoding="utf-8"))["answers"]
    return {item: entry["label"] for item, entry in answers.items() if entry["label"]}


def test_does_the_post_check_save_clicks_and_explain_only_answered_claims(page, voila: str, workspace: Path) -> None:  # noqa: ANN001, F811
    loaded = load_quiz(CHECK_QUIZ)
    page.goto(voila)
    box = page.locator(".medialit-kit", has_text=loaded.title)
    box.wait_for()
    claims = box.locator(".widget-toggle-buttons")
    assert claims.count() == len(loaded.items)
    first, second = loaded.items[0], loaded.items[1]
    claims.nth(0).locator("button", has_text=first.answer).click()
    claims.nth(1).locator("button", has_text="true").click()  # a false claim accepted: wrong
    wait_for(lambda: saved(workspace, POST_CHECK) == {first.id: first.answer, second.id: "true"}, "the answers file")
    box.locator("button.widget-button", has_text="Show feedback").click()
    box.locator(".widget-html", has_text="✔ Correct").wait_for()
    box.locator(".widget-html", has_text="✘ Not quite: you chose “true”").wait_for()
    assert first.date in box.inner_text()
    unanswered = box.locator(".widget-html", has_text="○ Not answered yet").count()
    assert unanswered == len(loaded.items) - 2
    assert loaded.items[2].explanation[:30] not in box.inner_text(), "an unanswered claim's explanation is shown"
    assert "did not answer the check before lesson 02" in box.inner_text()
    assert page.locator("button.widget-button", has_text="Check").count() == 1, "only the classification has Check"
    first_answers = saved(workspace, f"{POST_CHECK}-first")
    assert first_answers == {first.id: first.answer, second.id: "true"}
