"""Are exercises generated from their solutions (markers, errors, determinism, staleness) and is a release safe?"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from medialit.exercises.mode import RELEASE_MARKER, assessment_choices, assessment_setup, recorded_feedback, release_mode
from medialit.teacher.assignments import build_exercises, exercise_for, make_exercise
from medialit.errors import MediaLitError
from medialit.teacher.release import make_release, reads_key
from medialit.teacher.transforms import ANSWER_HERE, NOT_IN_COPY, NOTEBOOK_LINK, replace_solution_blocks
from tests.conftest import REPO


def notebook(*cells: dict[str, Any]) -> dict[str, Any]:
    """Return a minimal notebook dict holding ``cells``."""
    return {"cells": list(cells), "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}


def code_cell(cell_id: str, source: str, tags: list[str] | None = None, outputs: list | None = None) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "id": cell_id,
        "execution_count": 3,
        "metadata": {"tags": tags or []},
        "outputs": outputs or [],
        "source": source,
    }


def markdown_cell(cell_id: str, source: str, tags: list[str] | None = None) -> dict[str, Any]:
    return {"cell_type": "markdown", "id": cell_id, "metadata": {"tags": tags or []}, "source": source}


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "medialit", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


# --- markers -> placeholders ---------------------------------------------------------------------------------


def test_does_a_solution_block_become_its_commented_placeholder() -> None:
    source = "x = 1\n### BEGIN SOLUTION\nanswer = 42\n### PLACEHOLDER\n# answer = None  # your answer\n### END SOLUTION\nprint(answer)"
    assert replace_solution_blocks(source, "nb: cell c1") == "x = 1\nanswer = None  # your answer\nprint(answer)"


def test_does_a_block_without_placeholder_set_every_assigned_name_to_none() -> None:
    source = "    ### BEGIN SOLUTION\n    a, b = 1, 2\n    total: int = a + b\n    print(total)\n    ### END SOLUTION"
    assert replace_solution_blocks(source, "nb: cell c1") == "    a = None\n    b = None\n    total = None"


def test_does_a_block_that_assigns_nothing_become_a_comment() -> None:
    assert replace_solution_blocks("### BEGIN SOLUTION\naxes.bar([1], [2])\n### END SOLUTION", "w") == "# Your code here"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("### BEGIN SOLUTION\nx = 1", "never closed"),
        ("x = 1\n### END SOLUTION", "without a '### BEGIN SOLUTION'"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n### END SOLUTION", "nested"),
        ("### PLACEHOLDER\nx = None", "outside a solution block"),
        ("### BEGIN SOLUTION\nx = 1\n### PLACEHOLDER\n# x = None\n### PLACEHOLDER\n### END SOLUTION", "second"),
        ("### BEGIN SOLUTION\nx = 1\n### PLACEHOLDER\nx = None\n### END SOLUTION", "not commented out"),
    ],
)
def test_does_a_broken_marker_raise_naming_notebook_cell_line_and_fix(source: str, message: str) -> None:
    with pytest.raises(MediaLitError) as raised:
        make_exercise(notebook(code_cell("cell-7", source, ["solution"])), "solutions/09_demo.ipynb")
    text = str(raised.value)
    assert message in text
    assert "solutions/09_demo.ipynb" in text and "cell-7" in text and "line " in text
    assert len(text.splitlines()) == 1


def test_do_markers_in_an_untagged_cell_raise_instead_of_leaking_the_solution() -> None:
    cell = code_cell("c2", "### BEGIN SOLUTION\nx = 1\n### END SOLUTION")
    with pytest.raises(MediaLitError, match="not tagged 'solution'"):
        make_exercise(notebook(cell), "demo")


def test_does_a_tagged_cell_without_markers_raise() -> None:
    with pytest.raises(MediaLitError, match="has no '### BEGIN SOLUTION'"):
        make_exercise(notebook(code_cell("c3", "x = 1", ["solution"])), "demo")


def test_does_make_exercise_clear_outputs_swap_answers_and_drop_teacher_cells() -> None:
    output = {"output_type": "stream", "name": "stdout", "text": "42\n"}
    solution = notebook(
        markdown_cell("m1", "# Title"),
        code_cell("c1", "### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION\nanswer", ["solution", "keep-me"], [output]),
        markdown_cell("m2", "The model answer is 42.", ["solution"]),
        markdown_cell("m3", "Rubric: 3 points", ["teacher-only"]),
        code_cell("c2", "print('the end')", outputs=[output]),
    )
    solution["metadata"]["widgets"] = {"state": {}}
    exercise = make_exercise(solution, "demo")
    assert [cell["id"] for cell in exercise["cells"]] == ["m1", "c1", "m2", "c2"]
    assert "".join(exercise["cells"][1]["source"]) == "answer = None\nanswer"
    assert exercise["cells"][1]["metadata"] == {"tags": ["keep-me"]}
    assert "".join(exercise["cells"][2]["source"]) == ANSWER_HERE
    assert all(
        cell["outputs"] == [] and cell["execution_count"] is None
        for cell in exercise["cells"]
        if cell["cell_type"] == "code"
    )
    assert "widgets" not in exercise["metadata"]
    assert "Rubric" not in json.dumps(exercise) and "42" not in json.dumps(exercise)


def test_is_building_an_exercise_deterministic() -> None:
    for solution in sorted((REPO / "solutions").glob("*.ipynb")):
        first, second = exercise_for(solution), exercise_for(solution)
        assert first == second
        assert first.endswith("\n") and json.loads(first)["cells"]


def test_does_no_exercise_contain_a_solution_marker_or_teacher_cell() -> None:
    for path in sorted((REPO / "exercises").glob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        assert "### BEGIN SOLUTION" not in text and "### PLACEHOLDER" not in text, path.name
        assert '"teacher-only"' not in text and "Model answers" not in text, path.name


def test_does_every_solution_have_its_exercise_with_the_same_stem() -> None:
    solutions = sorted(path.name for path in (REPO / "solutions").glob("[0-9][0-9]_*.ipynb"))
    assert len(solutions) >= 4
    assert solutions == sorted(path.name for path in (REPO / "exercises").glob("*.ipynb"))


def test_are_the_exercises_up_to_date_with_their_solutions() -> None:
    stale, orphans = build_exercises(REPO / "solutions", REPO / "exercises", check=True)
    assert stale == [] and orphans == [], "run: python -m medialit build-exercises"


def test_does_editing_a_solution_without_rebuilding_make_the_check_fail(tmp_path: Path) -> None:
    shutil.copytree(REPO / "solutions", tmp_path / "solutions")
    shutil.copytree(REPO / "exercises", tmp_path / "exercises")
    assert run_cli("build-exercises", "--check", cwd=tmp_path).returncode == 0
    edited = tmp_path / "solutions" / "02_count_the_words.ipynb"
    data = json.loads(edited.read_text(encoding="utf-8"))
    data["cells"][0]["source"] = ["# 02 Count the words (edited)\n"]
    edited.write_text(json.dumps(data, indent=1), encoding="utf-8")
    result = run_cli("build-exercises", "--check", cwd=tmp_path)
    assert result.returncode == 1
    assert "exercises/02_count_the_words.ipynb: out of date" in result.stderr
    assert run_cli("build-exercises", cwd=tmp_path).returncode == 0
    assert run_cli("build-exercises", "--check", cwd=tmp_path).returncode == 0


def test_does_an_unbalanced_solution_fail_the_command_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "solutions").mkdir()
    bad = notebook(code_cell("c9", "### BEGIN SOLUTION\nx = 1", ["solution"]))
    (tmp_path / "solutions" / "01_bad.ipynb").write_text(json.dumps(bad), encoding="utf-8")
    result = run_cli("build-exercises", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "01_bad.ipynb: cell c9: line 1" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "exercises").exists()


# --- the release ---------------------------------------------------------------------------------------------


def all_files(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def test_does_a_practice_release_hold_lessons_exercises_and_keys_but_no_solutions(tmp_path: Path) -> None:
    out = tmp_path / "release"
    make_release(REPO, out, "practice")
    files = all_files(out)
    assert not any(name.startswith(("solutions/", "teacher/", "tests/", "tools/")) for name in files)
    assert "seeds/lavrov-pompeo-sochi-2019.key.csv" in files and "README.md" in files and "requirements.txt" in files
    assert {f"exercises/{path.name}" for path in (REPO / "exercises").glob("*.ipynb")} <= set(files)
    assert {f"notebooks/{path.name}" for path in (REPO / "notebooks").glob("*.ipynb")} <= set(files)
    assert release_mode(out / "notebooks") == "practice"
    for name in files:
        if name.endswith(".ipynb"):
            data = json.loads((out / name).read_text(encoding="utf-8"))
            assert "widgets" not in data["metadata"], name
            for cell in data["cells"]:
                if cell["cell_type"] == "code":
                    assert cell["outputs"] == [] and cell["execution_count"] is None, f"{name} {cell['id']}"
                assert "teacher-only" not in cell["metadata"].get("tags", [])


def test_does_an_assessment_release_leave_out_every_key_and_record_the_mode(tmp_path: Path) -> None:
    out = tmp_path / "release"
    make_release(REPO, out, "assessment")
    files = all_files(out)
    assert not [name for name in files if name.endswith(".key.csv")]
    assert not any(name.startswith(("solutions/", "teacher/")) for name in files)
    marker = json.loads((out / RELEASE_MARKER).read_text(encoding="utf-8"))
    assert marker["mode"] == "assessment"
    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        released = f"notebooks/{path.name}" in files
        assert released != reads_key(json.loads(path.read_text(encoding="utf-8"))), path.name
        if not released:
            assert path.stem in (out / "README.md").read_text(encoding="utf-8")
    assert release_mode(out / "exercises") == "assessment" and release_mode(out / "seeds" / "x.txt") == "assessment"
    assert "Sergey Lavrov" in assessment_choices("lavrov-pompeo-sochi-2019", "speaker", out)
    assert "assessment" in (out / "README.md").read_text(encoding="utf-8")


def notebook_links(folder: Path) -> list[tuple[str, Path]]:
    """Return ``(notebook, target)`` for every Markdown link to a notebook in the notebooks under ``folder``."""
    links = []
    for path in sorted(folder.rglob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "markdown":
                for match in NOTEBOOK_LINK.finditer("".join(cell["source"])):
                    links.append((path.relative_to(folder).as_posix(), path.parent / match.group("target")))
    return links


@pytest.mark.parametrize("mode", ["practice", "assessment"])
def test_does_every_notebook_link_in_a_release_lead_to_a_notebook_in_it(tmp_path: Path, mode: str) -> None:
    out = tmp_path / "release"
    summary = make_release(REPO, out, mode)
    links = notebook_links(out)
    assert len(links) > (20 if mode == "practice" else 2)  # the lesson list and the previous/next links
    assert [(name, target.name) for name, target in links if not target.is_file()] == []
    start_here = (out / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8")
    if mode == "assessment":
        assert summary.lessons_left_out and all(name.removesuffix(".ipynb") not in {t.stem for _, t in links} for name in summary.lessons_left_out)
        assert NOT_IN_COPY in start_here  # the left-out lessons are still named, as plain text
    else:
        assert NOT_IN_COPY not in start_here


def test_is_the_release_mode_practice_outside_a_release_and_a_bad_marker_an_error(tmp_path: Path) -> None:
    assert release_mode(tmp_path) == "practice"
    (tmp_path / RELEASE_MARKER).write_text('{"mode": "exam"}', encoding="utf-8")
    with pytest.raises(MediaLitError, match="mode"):
        release_mode(tmp_path)


def test_does_recorded_feedback_check_only_the_format() -> None:
    assert recorded_feedback(None, ["a"])[0] == "unanswered"
    assert recorded_feedback("b", ["a"])[0] == "format-problem"
    status, text = recorded_feedback("a", ["a"])
    assert status == "recorded" and "✔" in text and "format only" in text


def test_does_release_refuse_to_write_into_the_kit_or_a_folder_with_other_files(tmp_path: Path) -> None:
    with pytest.raises(MediaLitError, match="kit's folder"):
        make_release(REPO, REPO, "practice")
    with pytest.raises(MediaLitError, match="inside solutions"):
        make_release(REPO, REPO / "solutions" / "out", "practice")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(MediaLitError, match="not empty"):
        make_release(REPO, tmp_path / "busy", "practice")
    with pytest.raises(MediaLitError, match="unknown"):
        make_release(REPO, tmp_path / "new", "exam")
    with pytest.raises(MediaLitError, match="pass --root"):
        make_release(tmp_path, tmp_path / "new", "practice")


def test_does_a_second_release_into_the_same_folder_replace_it_but_keep_git(tmp_path: Path) -> None:
    out = tmp_path / "release"
    make_release(REPO, out, "practice")
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    make_release(REPO, out, "assessment")
    assert (out / ".git" / "HEAD").is_file()
    assert not list(out.rglob("*.key.csv"))


def test_does_the_release_command_print_what_it_wrote(tmp_path: Path) -> None:
    result = run_cli("release", "--out", str(tmp_path / "rel"), "--mode", "assessment", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "assessment mode" in result.stdout and "never included: solutions/, teacher/" in result.stdout


def _prepare(path: Path, extra_cells: dict[str, str] | None = None) -> tuple[Path, nbformat.NotebookNode]:
    """Return the notebook at ``path`` with ``extra_cells`` inserted after the cells with those ids."""
    notebook_node = nbformat.read(path, as_version=4)
    for cell_id, source in (extra_cells or {}).items():
        index = next(number for number, cell in enumerate(notebook_node.cells) if cell.get("id") == cell_id)
        notebook_node.cells.insert(index + 1, nbformat.v4.new_code_cell(source))
    return path, notebook_node


def _execute(*jobs: tuple[Path, nbformat.NotebookNode], environment: dict[str, str]) -> list[nbformat.NotebookNode]:
    """Execute the prepared notebooks at the same time, each in its own kernel and folder, and return them."""
    import asyncio

    clients = [
        NotebookClient(node, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
        for path, node in jobs
    ]

    async def run_all() -> None:
        await asyncio.gather(*(client.async_execute() for client in clients))

    old = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    try:
        asyncio.run(run_all())
    finally:
        for name, value in old.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return [node for _, node in jobs]


def outputs_text(notebook_node: nbformat.NotebookNode) -> str:
    parts = []
    for cell in notebook_node.cells:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", f"error in {cell.get('id')}: {output.get('evalue')}"
            parts.append(output.get("text", "") or output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def test_do_assessment_exercises_run_and_record_answers_without_a_key(tmp_path: Path) -> None:
    out = tmp_path / "release"
    make_release(REPO, out, "assessment")
    answers, submissions = tmp_path / "answers", tmp_path / "submissions"
    environment = {"MEDIALIT_ANSWERS_DIR": str(answers), "MEDIALIT_SUBMISSIONS_DIR": str(submissions)}
    name = 'STUDENT = "Test Student"'
    exercises = out / "exercises"
    (first,) = _execute(
        _prepare(
            exercises / "01_label_voices.ipynb",
            {
                "01-07": 'speaker_exercise.answer("P01.S1", "Sergey Lavrov")\n'
                'speaker_exercise.answer("P05.S3", "Mike Pompeo")',
                "01-11": 'category_exercise.answer("P01.S1", "reporting")',
                "01-17": 'hand_in.name.value = "Test Student"\nhand_in.submit_button.click()\nprint(hand_in.report.text())',
            },
        ),
        environment=environment,
    )
    text = outputs_text(first)
    assert "Assessment mode: your answers are recorded" in text
    assert "CONTENT" not in text and "Correct" not in text
    tables, drawn, written = _execute(  # these read exercise 01's answers, so they run after it
        _prepare(
            exercises / "02_count_the_words.ipynb",
            {"02-03": name, "02-09": 'words_by_speaker = sentences.groupby("speaker")["words"].sum()'},
        ),
        _prepare(
            exercises / "03_draw_the_voice_map.ipynb",
            {"03-03": name, "03-09": "speaker_axes.barh(words_by_speaker.index, words_by_speaker.to_numpy())"},
        ),
        _prepare(
            exercises / "04_framing_and_evidence.ipynb",
            {"04-03": name, "04-07": "answer_1 = " + repr("a framing answer " * 8)},
        ),
        environment=environment,
    )
    assert "Assessment mode" in outputs_text(tables) and "not labelled yet" in outputs_text(tables)
    assert "Assessment mode" in outputs_text(drawn)
    assert "FORMAT" in outputs_text(written)
    from medialit.exercises.submission import read_submission

    handed_in = {
        read_submission(path)["exercise_id"]: read_submission(path) for path in submissions.glob("*.submission.json")
    }
    assert set(handed_in) == {
        "01_label_voices",
        "02_count_the_words",
        "03_draw_the_voice_map",
        "04_framing_and_evidence",
    }
    labels = handed_in["01_label_voices"]["extra"]["labels"]
    assert labels["speaker"] == {"P01.S1": "Sergey Lavrov", "P05.S3": "Mike Pompeo"}
    assert handed_in["01_label_voices"]["answers"] == {"P01.S1": "reporting"}
    assert (
        handed_in["01_label_voices"]["key_sha256"]
        == json.loads((out / RELEASE_MARKER).read_text())["articles"]["lavrov-pompeo-sochi-2019"]["key_sha256"]
    )
    assert handed_in["02_count_the_words"]["extra"]["labels_source"] == "own answers"
    assert handed_in["04_framing_and_evidence"]["extra"]["written"]["answer_1"].startswith("a framing answer")
    assert sorted(path.name for path in answers.glob("*.answers.json")) == [
        "01_label_voices-category.answers.json",
        "01_label_voices-speaker.answers.json",
    ]


def test_does_assessment_setup_give_choices_and_the_key_hash_only_in_an_assessment_release(tmp_path: Path) -> None:
    from medialit.text.article import read_article

    assert assessment_setup(read_article(REPO / "seeds" / "lavrov-pompeo-sochi-2019.txt"), "speaker") is None
    out = tmp_path / "release"
    make_release(REPO, out, "assessment")
    setup = assessment_setup(read_article(out / "seeds" / "lavrov-pompeo-sochi-2019.txt"), "speaker")
    assert setup is not None and "Mike Pompeo" in setup.choices and len(setup.key_sha256) == 64
    assert setup.notice.startswith("Assessment mode")
