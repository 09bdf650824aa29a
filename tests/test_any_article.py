"""Do the lessons that take ARTICLE, and the classification widget, run unchanged on another article?

Each lesson with a ``parameters`` cell is executed with nbclient after its ``ARTICLE``
line is replaced by the path of a temporary copy of the practice article (with its key
and metadata beside it). The kernel runs in a temporary folder whose ``seeds/`` holds
only that copy, so a lesson that still names the seed article fails here.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from medialit.text.article import read_article
from medialit.draft.drafter import draft_key
from medialit.keys.write import write_key

REPO = Path(__file__).resolve().parent.parent
PRACTICE = "practice-harbour-talks"
PARAMETERISED_LESSONS = ["01_meet_the_article", "02_who_is_speaking", "07_classify_the_article", "08_voice_map"]
EXISTING = [name for name in PARAMETERISED_LESSONS if (REPO / "notebooks" / f"{name}.ipynb").exists()]


@pytest.fixture
def practice_copy(tmp_path: Path) -> Path:
    """Return a temporary copy of the practice article (key and metadata beside it) in ``tmp/seeds/``."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in (REPO / "seeds").glob(f"{PRACTICE}.*"):
        shutil.copy(path, seeds / path.name)
    (tmp_path / "notebooks").mkdir()
    return seeds / f"{PRACTICE}.txt"


def inject_article(notebook: nbformat.NotebookNode, article: Path) -> None:
    """Replace the source of the cell tagged ``parameters`` with ``ARTICLE = "<article>"`` (changes ``notebook``)."""
    cells = [cell for cell in notebook.cells if "parameters" in cell.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, "a parameterised lesson has exactly one cell tagged 'parameters'"
    assert cells[0].source.strip().startswith("ARTICLE ="), cells[0].source
    cells[0].source = f"ARTICLE = {json.dumps(str(article))}"


def output_text(notebook: nbformat.NotebookNode) -> str:
    """Return every text output of ``notebook`` joined (streams, plain text and HTML results)."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                parts.append(output.get("text", ""))
            for mime in ("text/plain", "text/html", "text/markdown"):
                value = output.get("data", {}).get(mime)
                if value:
                    parts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(parts)


def test_does_every_parameterised_lesson_exist() -> None:
    assert EXISTING == PARAMETERISED_LESSONS


@pytest.mark.parametrize("lesson", EXISTING)
def test_does_the_lesson_run_on_the_practice_article_without_an_error(
    lesson: str, practice_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = tmp_path / "answers"
    answers.mkdir()
    monkeypatch.setenv("MEDIALIT_ANSWERS_DIR", str(answers))
    monkeypatch.delenv("MEDIALIT_SEEDS_DIR", raising=False)
    notebook = nbformat.read(REPO / "notebooks" / f"{lesson}.ipynb", as_version=4)
    inject_article(notebook, practice_copy)
    workdir = tmp_path / "notebooks"
    NotebookClient(
        notebook, timeout=180, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(workdir)}}
    ).execute()
    errors = [
        f"cell {index}: {output.get('ename')}: {output.get('evalue')}"
        for index, cell in enumerate(notebook.cells)
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error" and "raises-exception" not in cell.get("metadata", {}).get("tags", [])
    ]
    assert errors == []
    text = output_text(notebook)
    assert "Traceback" not in text
    sentences = len(read_article(practice_copy).sentences)
    assert PRACTICE in text or f"{sentences} sentences" in text
    assert "lavrov-pompeo-sochi-2019" not in text
    assert not any(workdir.iterdir()), "the lesson wrote into its working folder"


def test_does_classify_run_on_the_practice_article(practice_copy: Path, tmp_path: Path) -> None:
    from medialit import classify

    exercise = classify(practice_copy, exercise_id="practice-test")
    assert len(exercise.items) == len(read_article(practice_copy).sentences)
    first = exercise.items[0]
    exercise.answer(first, "reporting")
    score = exercise.check()
    assert score.answered == 1 and score.credited == 1
    assert "Unreviewed" not in exercise.banner.value


def test_does_classify_warn_when_the_key_is_an_unreviewed_draft(tmp_path: Path) -> None:
    from medialit import classify

    article = tmp_path / "harbour.txt"
    shutil.copy(REPO / "seeds" / f"{PRACTICE}.txt", article)
    write_key(draft_key(article), tmp_path / "harbour.key.csv")
    exercise = classify(article, exercise_id="draft-test")
    assert "Unreviewed" in exercise.banner.value and "⚠" in exercise.banner.value
