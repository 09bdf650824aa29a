"""Do the notebook transforms do one thing each, compose, and clean a notebook the same way everywhere?"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from medialit.errors import MediaLitError
from medialit.teacher.transforms import (
    ANSWER_HERE,
    VIEW_METADATA,
    apply,
    clear_outputs,
    drop_metadata,
    drop_tagged,
    drop_tags,
    executed_steps,
    exercise_steps,
    release_steps,
    replace_solutions,
    unlink_notebooks,
)


def cell(kind: str, source: str, tags: list[str] | None = None, **metadata: Any) -> dict[str, Any]:
    new: dict[str, Any] = {"cell_type": kind, "id": f"c{abs(hash(source)) % 1000}", "source": source}
    new["metadata"] = {**metadata, **({"tags": tags} if tags else {})}
    if kind == "code":
        new |= {"outputs": [{"output_type": "stream", "name": "stdout", "text": "1\n"}], "execution_count": 3}
    return new


def notebook(*cells: dict[str, Any]) -> dict[str, Any]:
    return {"cells": list(cells), "metadata": {"widgets": {"state": {}}, "medialit": {"role": "solution"}},
            "nbformat": 4, "nbformat_minor": 5}


RUN_STATE = {"execution": {"iopub.status.busy": "2026"}, "collapsed": True, "scrolled": False,
             "jupyter": {"outputs_hidden": True}}


def test_does_apply_run_the_steps_in_order_without_changing_the_notebook() -> None:
    original = notebook(cell("code", "x = 1", ["teacher-only"]), cell("code", "y = 2", **RUN_STATE))
    kept = copy.deepcopy(original)
    result = apply(original, [drop_tagged("teacher-only"), clear_outputs, drop_metadata()])
    assert original == kept
    assert [c["source"] for c in result["cells"]] == ["y = 2"]
    assert result["cells"][0]["outputs"] == [] and result["cells"][0]["execution_count"] is None
    assert result["cells"][0]["metadata"] == {}


def test_does_drop_tags_remove_only_the_named_tags_and_an_empty_list() -> None:
    result = apply(notebook(cell("markdown", "a", ["solution", "keep"]), cell("markdown", "b", ["solution"])),
                   [drop_tags(("solution",))])
    assert [c["metadata"] for c in result["cells"]] == [{"tags": ["keep"]}, {}]


@pytest.mark.parametrize(
    "steps",
    [exercise_steps("demo"), release_steps(), executed_steps({"name": "python3"}, {"name": "python"})],
    ids=["exercise", "release", "executed"],
)
def test_does_every_pipeline_drop_the_same_view_metadata_and_the_widget_state(steps: list) -> None:
    # Before the transforms the release kept "jupyter" and execution kept "jupyter" too: three lists had drifted.
    result = apply(notebook(cell("markdown", "# Title", **RUN_STATE), cell("code", "x = 1", **RUN_STATE)), steps)
    for kept in result["cells"]:
        assert not set(kept["metadata"]) & set(VIEW_METADATA)
    assert "widgets" not in result["metadata"] and result["metadata"]["medialit"]


def test_does_replace_solutions_swap_code_blocks_and_model_answers() -> None:
    solution = notebook(
        cell("code", "### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION", ["solution"]),
        {**cell("markdown", "A model answer", ["solution"]), "attachments": {"a.png": {}}},
    )
    code, answer = apply(solution, [replace_solutions("demo")])["cells"]
    assert code["source"] == "answer = None"
    assert answer["source"] == ANSWER_HERE and "attachments" not in answer


def test_does_replace_solutions_name_the_cell_of_a_marker_without_its_tag() -> None:
    stray = cell("code", "### BEGIN SOLUTION\nx = 1\n### END SOLUTION")
    with pytest.raises(MediaLitError, match=f"demo: cell {stray['id']}: has solution markers but is not tagged"):
        apply(notebook(stray), [replace_solutions("demo")])


def test_does_unlink_notebooks_leave_other_links_alone() -> None:
    text = "[Lesson 2](02_who.ipynb) and [Lesson 3](03_official.ipynb#top)"
    result = apply(notebook(cell("markdown", text)), [unlink_notebooks({"02_who.ipynb"})])
    assert "".join(result["cells"][0]["source"]) == "Lesson 2 (not in this copy) and [Lesson 3](03_official.ipynb#top)"


def test_does_the_exercise_pipeline_number_cells_without_an_id() -> None:
    nameless = {key: value for key, value in cell("markdown", "text").items() if key != "id"}
    result = apply(notebook(cell("markdown", "rubric", ["teacher-only"]), nameless), exercise_steps("demo"))
    assert [c["id"] for c in result["cells"]] == ["#2"]
    assert result["metadata"]["medialit"]["role"] == "exercise"
