"""Is every exercise declared once, soundly, with items that exist, and do the lookups find what a submission names?"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from medialit.errors import MediaLitError
from medialit.exercises.quiz import available_quizzes
from medialit.exercises.registry import (
    EXERCISES,
    KINDS,
    SEED_ARTICLE,
    Exercise,
    balanced_items,
    declaration_problems,
    exercise,
    exercises,
    for_answers_id,
)
from medialit.keys.key import Key, load_article_key
from tests.conftest import REPO, SEEDS


def test_are_the_kits_declarations_sound() -> None:
    assert declaration_problems(EXERCISES) == []
    assert len({declared.id for declared in EXERCISES}) == len(EXERCISES)


@pytest.mark.parametrize("declared", [d for d in EXERCISES if d.items], ids=lambda d: d.id)
def test_do_the_declared_items_exist_in_the_articles_key(declared: Exercise) -> None:
    key = load_article_key(declared.article)
    assert set(declared.items) <= set(key.sentence_ids)
    assert declared.items_for(key) == list(declared.items)


@pytest.mark.parametrize("declared", EXERCISES, ids=lambda d: d.id)
def test_does_every_declaration_name_a_notebook_that_exists(declared: Exercise) -> None:
    assert (REPO / declared.notebook).is_file()
    if declared.kind == "quiz":
        assert declared.quiz in available_quizzes()


def test_does_every_kind_have_an_exercise_and_every_lesson_with_a_classify_exercise_one() -> None:
    assert {declared.kind for declared in EXERCISES} == set(KINDS)
    lessons = [declared.id for declared in exercises("classify")]
    assert lessons == [
        "02_who_is_speaking", "03_official_statements", "04_state_media_framing",
        "06_expert_opinion_and_evidence", "07_classify_the_article", "09_persuasion_techniques",
    ]
    assert [declared.id for declared in exercises("labels")] == ["01_label_voices"]


def test_does_an_exercise_without_items_cover_every_sentence_and_another_article_get_a_balanced_set() -> None:
    practice = load_article_key(SEEDS / "practice-harbour-talks.txt")
    assert exercise("07_classify_the_article").items_for(practice) == practice.sentence_ids
    speaker = exercise("02_who_is_speaking")
    assert speaker.items_for(practice) == balanced_items(practice, "speaker") != list(speaker.items)
    assert exercise("01_label_voices").items_for(practice) == balanced_items(practice, "category")


def test_are_answers_ids_the_ones_the_answers_files_and_submissions_use() -> None:
    assert exercise("02_who_is_speaking").answers_file_id(SEED_ARTICLE) == f"{SEED_ARTICLE}-02-speaker"
    assert exercise("07_classify_the_article").answers_file_id("harbour") == "harbour-category"
    assert exercise("01_label_voices").answers_file_id(SEED_ARTICLE, "speaker") == "01_label_voices-speaker"
    assert exercise("quiz-discrimination-pre").answers_file_id("harbour") == "discrimination-pre"


def test_does_for_answers_id_find_the_exercise_a_submission_names() -> None:
    assert for_answers_id("harbour-04-category", "harbour").id == "04_state_media_framing"
    assert for_answers_id("harbour-category", "harbour").id == "07_classify_the_article"
    assert for_answers_id("02_count_the_words", "harbour").id == "02_count_the_words"
    assert for_answers_id("harbour-04-category", SEED_ARTICLE) is None
    assert for_answers_id("nothing", SEED_ARTICLE) is None
    ad_hoc = for_answers_id("harbour-speaker", "harbour")  # classify(article, field="speaker"), declared nowhere
    assert (ad_hoc.kind, ad_hoc.fields, ad_hoc.answers_file_id("harbour")) == ("classify", ("speaker",), "harbour-speaker")
    assert for_answers_id("harbour-colour", "harbour") is None and for_answers_id("other-speaker", "harbour") is None


def test_does_an_unknown_id_or_kind_give_one_line_naming_the_known_ones() -> None:
    with pytest.raises(MediaLitError, match="no such exercise; the exercises are: .*02_who_is_speaking") as error:
        exercise("99_nothing")
    assert "\n" not in str(error.value)
    with pytest.raises(MediaLitError, match="no such kind of exercise"):
        exercises("essay")  # type: ignore[arg-type]


def test_does_the_written_exercise_carry_its_questions_and_points() -> None:
    written = exercise("04_framing_and_evidence")
    assert written.fields == tuple(written.questions) == ("answer_1", "answer_2", "answer_3")
    assert written.points == 3 and written.rubric.startswith(written.notebook)
    assert exercise("02_count_the_words").table_fields() == {"words_by_speaker": "speaker", "words_by_category": "category"}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"id": "02_who_is_speaking", "answers_id": "other"}, "declared twice"),
        ({"fields": ("colour",)}, "a classify exercise asks one of"),
        ({"fields": ("speaker", "category")}, "a classify exercise asks one of"),
        ({"items": ("P01.S1", "P01.S1")}, "listed twice"),
        ({"points": 0}, "points=0"),
        ({"kind": "essay"}, "kind 'essay' is unknown"),
        ({"answers_id": "{article}-category", "id": "new"}, "is used by another exercise"),
    ],
)
def test_does_a_bad_declaration_give_a_one_line_problem(change: dict, problem: str) -> None:
    bad = dataclasses.replace(exercise("02_who_is_speaking"), **change)
    problems = declaration_problems([*EXERCISES, bad] if change.get("id") else [bad])
    assert len(problems) == 1 and problem in problems[0] and "\n" not in problems[0]


def test_do_other_kinds_check_their_own_fields() -> None:
    tables = dataclasses.replace(exercise("02_count_the_words"), fields=("words_by_colour",))
    written = dataclasses.replace(exercise("04_framing_and_evidence"), fields=("answer_1",))
    quiz = dataclasses.replace(exercise("quiz-evidence"), quiz="")
    figure = dataclasses.replace(exercise("03_draw_the_voice_map"), items=("P01.S1",))
    assert [problem.split(": ", 1)[1][:12] for problem in declaration_problems([tables, written, quiz, figure])] == [
        "fields=('wor", "fields=('ans", "names no qui", "a figure exe",
    ]


def test_does_a_broken_registry_fail_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from medialit.exercises import registry

    broken = dataclasses.replace(exercise("02_who_is_speaking"), fields=("colour",))
    monkeypatch.setattr(registry, "EXERCISES", (broken,))
    registry._checked.cache_clear()
    try:
        with pytest.raises(MediaLitError, match=r"^medialit/exercises/registry.py: exercise '02_who_is_speaking': fields="):
            registry.exercise("02_who_is_speaking")
    finally:
        monkeypatch.undo()
        registry._checked.cache_clear()
    assert registry.exercise("02_who_is_speaking").field == "speaker"


def test_does_balanced_items_give_every_label_items(seed_key: Key) -> None:
    items = balanced_items(seed_key, "category")
    labels = {seed_key.value(item, "category") for item in items}
    assert labels == {seed_key.value(item, "category") for item in seed_key.sentence_ids}
    assert items == [sid for sid in seed_key.sentence_ids if sid in set(items)]


# --- adding an exercise: one declaration plus its solution notebook --------------------------------------------------

NEW_DECLARATION = '''    Exercise(
        id="05_words_by_category",
        kind="tables",
        notebook="solutions/05_words_by_category.ipynb",
        title="Words by category",
        fields=("words_by_category",),
    ),
'''
NEW_SOLUTION_CELLS = [
    ("markdown", [], "# 05 Words by category\n\nHow many words does each category of sentence get?"),
    ("code", ["solution"], '### BEGIN SOLUTION\nSTUDENT = "Model answers"\n### PLACEHOLDER\n# STUDENT = None\n### END SOLUTION'),
    ("code", [], "from medialit import check_words_table, labelled_sentences, submit"),
    ("code", ["parameters"], 'ARTICLE = "lavrov-pompeo-sochi-2019"'),
    ("code", ["solution"], '### BEGIN SOLUTION\nwords_by_category = labelled_sentences(ARTICLE).groupby("category")["words"].sum()\n'
     "### PLACEHOLDER\n# words_by_category = None\n### END SOLUTION"),
    ("code", [], 'check_words_table(words_by_category, by="category", article=ARTICLE)'),
    ("code", [], 'submit("05_words_by_category", STUDENT, ARTICLE, words_by_category=words_by_category)'),
]


def _add_exercise(kit: Path) -> None:
    """Add ``NEW_DECLARATION`` to the kit copy's registry and write its solution notebook (changes ``kit``)."""
    import nbformat

    registry = kit / "medialit" / "exercises" / "registry.py"
    text = registry.read_text(encoding="utf-8")
    end = text.index("\n)\n\n\ndef declaration_problems")
    registry.write_text(text[: end + 1] + NEW_DECLARATION + text[end + 1 :], encoding="utf-8")
    notebook = nbformat.v4.new_notebook()
    for number, (kind, tags, source) in enumerate(NEW_SOLUTION_CELLS, start=1):
        make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
        notebook.cells.append(make(source, id=f"05-{number:02d}", metadata={"tags": tags} if tags else {}))
    notebook.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(notebook, kit / "solutions" / "05_words_by_category.ipynb")


def test_does_adding_one_declaration_and_its_solution_add_a_graded_exercise(tmp_path: Path) -> None:
    """In a copy of the kit: declare, build the exercise, run the solution, grade its submission, find it in grades.csv."""
    import csv
    import os
    import shutil
    import subprocess
    import sys

    import nbformat
    from nbclient import NotebookClient

    kit = tmp_path / "kit"
    shutil.copytree(
        REPO, kit, symlinks=True, ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", "data", "example_submissions")
    )
    shutil.copytree(REPO / "medialit" / "data", kit / "medialit" / "data")
    _add_exercise(kit)
    submissions, answers = tmp_path / "submissions", tmp_path / "answers"
    submissions.mkdir()
    answers.mkdir()
    env = {**os.environ, "PYTHONPATH": str(kit), "MEDIALIT_ANSWERS_DIR": str(answers),
           "MEDIALIT_SUBMISSIONS_DIR": str(submissions), "PYTHONDONTWRITEBYTECODE": "1"}

    def medialit(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "medialit", *arguments], cwd=kit, env=env, capture_output=True,
                              text=True, timeout=300)

    where = subprocess.run([sys.executable, "-c", "import medialit; print(medialit.__file__)"], cwd=kit, env=env,
                           capture_output=True, text=True, check=True)
    assert where.stdout.strip() == str(kit / "medialit" / "__init__.py"), "the copy's package is the one that runs"
    built = medialit("build-exercises")
    assert built.returncode == 0, built.stderr
    exercise_text = (kit / "exercises" / "05_words_by_category.ipynb").read_text(encoding="utf-8")
    assert "groupby" not in exercise_text and "words_by_category = None" in exercise_text

    notebook = nbformat.read(kit / "solutions" / "05_words_by_category.ipynb", as_version=4)
    previous = dict(os.environ)
    os.environ.update(env)
    try:
        NotebookClient(notebook, timeout=180, kernel_name="python3",
                       resources={"metadata": {"path": str(kit / "solutions")}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(previous)
    shown = "".join(output.get("data", {}).get("text/plain", "") for output in notebook.cells[-1].outputs)
    assert "Right: submission of 05_words_by_category" in shown, shown
    assert len(list(submissions.glob("model-answers-05-words-by-category-*.submission.json"))) == 1

    graded = medialit("grade", str(submissions), "--out", str(tmp_path / "grades"), "--seeds", str(kit / "seeds"))
    assert graded.returncode == 0, graded.stderr
    with (tmp_path / "grades" / "grades.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["exercise_id"], row["score"]) for row in rows] == [("05_words_by_category", "100.0")], rows


def test_is_the_registry_the_only_home_of_the_exercise_facts() -> None:
    """No module, lesson or solution keeps a copy: no list of items, no answers id, no lesson's ``field=``.

    (An assignment's check names the part it checks, ``check_labels(..., field="speaker")``: that is its API.)
    """
    copies = [
        path.relative_to(REPO).as_posix()
        for path in (REPO / "medialit").rglob("*.py")
        if path.name != "registry.py" and any(fact in path.read_text(encoding="utf-8") for fact in ('"P05.S3"', "-02-speaker", "-category\""))
    ]
    for path in [*(REPO / "notebooks").glob("*.ipynb"), *(REPO / "solutions").glob("*.ipynb")]:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        code = "\n".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")
        lesson = path.parent.name == "notebooks"
        if re.search(r'"P\d\d\.S\d+", "P\d\d\.S\d+"|exercise_id=f"|{article\.name}-' + ('|field="' if lesson else ""), code):
            copies.append(path.relative_to(REPO).as_posix())
    assert copies == []
