"""Do the exercise checks say "not answered yet" for placeholders, state what they checked, and judge rightly?"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from medialit.exercises.mode import ASSESSMENT_NOTICE, RELEASE_MARKER
from medialit.exercises.checks import (
    CheckReport,
    build_assignment_submission,
    check_labels,
    check_voice_map,
    check_words_table,
    check_written,
    describe_figure,
    figure_data,
    labelled_sentences,
    submit,
    table_data,
)
from medialit.exercises.registry import exercise
from medialit.keys.key import load_article_key
from medialit.lessons.plots import CATEGORY_STYLES
from medialit.exercises.scoring import CONSTANT_ANSWER_BOUND, expected
from medialit.exercises.submission import read_submission
from tests.conftest import REPO

matplotlib.use("Agg")
ARTICLE = "lavrov-pompeo-sochi-2019"

LABEL_ITEMS = exercise("01_label_voices").items  # the items exercise 01 asks about, from its declaration


@pytest.fixture(scope="module")
def key():
    return load_article_key(REPO / "seeds" / f"{ARTICLE}.txt")


@pytest.fixture(scope="module")
def sentences() -> pd.DataFrame:
    return labelled_sentences(REPO / "seeds" / f"{ARTICLE}.txt")


def right_answers(key, field: str) -> dict[str, str]:
    return {item: expected(key, field, item)[0] for item in LABEL_ITEMS}


def voice_map(sentences: pd.DataFrame, *, mix_strip: bool = False, counts: pd.Series | None = None):
    from matplotlib import pyplot

    figure, (top, bottom) = pyplot.subplots(2, 1)
    words = counts if counts is not None else sentences.groupby("speaker")["words"].sum()
    top.barh(words.index, words.to_numpy())
    colours = [CATEGORY_STYLES[category][0] for category in sentences["category"]]
    if mix_strip:
        colours[3] = "#56B4E9"
    bottom.bar(range(len(sentences)), 1, width=1, color=colours)
    pyplot.close(figure)
    return figure


# --- every check, before anything is answered ----------------------------------------------------------------


@pytest.mark.parametrize(
    "report",
    [
        lambda: check_labels(None, field="speaker"),
        lambda: check_labels({}, field="category"),
        lambda: check_words_table(None, by="speaker"),
        lambda: check_voice_map(None),
        lambda: check_written(None, question="answer_1"),
        lambda: check_written("   ", question="answer_2"),
    ],
    ids=["labels-none", "labels-empty", "table", "figure", "written", "written-blank"],
)
def test_does_a_placeholder_give_not_answered_yet_without_raising(report) -> None:
    result: CheckReport = report()
    assert result.status == "unanswered" and result.checked == "nothing" and result.score is None
    assert result.text().startswith("○ Not answered yet")
    assert "Not answered yet" in result._repr_html_()


def test_does_an_empty_figure_count_as_not_answered(sentences: pd.DataFrame) -> None:
    from matplotlib import pyplot

    figure, _ = pyplot.subplots(2, 1)
    pyplot.close(figure)
    assert check_voice_map(figure).status == "unanswered"
    assert describe_figure(figure) == "Text description: the figure has no bars yet."


# --- labels --------------------------------------------------------------------------------------------------


def test_do_right_labels_pass_a_content_check_that_says_so(key) -> None:
    for field in ("speaker", "category"):
        report = check_labels(right_answers(key, field), field=field)
        assert report.status == "passed" and report.checked == "content" and report.score == 1.0
        assert "CONTENT" in report.headline


def test_does_one_wrong_label_make_the_check_partly_right_with_the_keys_reason(key) -> None:
    answers = right_answers(key, "category") | {"P01.S1": "official statement"}
    report = check_labels(answers, field="category")
    assert report.status == "partly" and report.score < 1
    assert any(line.startswith("P01.S1: ✘") and "reporting" in line for line in report.lines)


def test_does_labelling_everything_the_same_score_badly(key) -> None:
    report = check_labels({item: "expert opinion" for item in LABEL_ITEMS}, field="category")
    assert report.score is not None and report.score <= CONSTANT_ANSWER_BOUND


def test_does_a_format_only_check_accept_known_labels_and_flag_unknown_ones() -> None:
    report = check_labels(
        {"P01.S1": "reporting", "P02.S2": "propaganda", "P99.S1": "reporting"}, field="category", content=False
    )
    assert report.checked == "format" and report.status == "format-problem" and report.score is None
    assert "FORMAT" in report.headline
    assert any("'propaganda' is not one of the labels" in line for line in report.lines)
    assert any("P99.S1" in line and "ignored" in line for line in report.lines)
    assert check_labels("reporting", field="category").status == "format-problem"


def assessment_copy(tmp_path: Path) -> Path:
    """Return a seeds folder of an assessment release (no key, marker beside it)."""
    shutil.copytree(REPO / "seeds", tmp_path / "seeds", ignore=shutil.ignore_patterns("*.key.csv"))
    marker = {
        "mode": "assessment",
        "kit_version": "0.1.0",
        "articles": {ARTICLE: {"key_sha256": "a" * 64, "choices": {"speaker": ["Sergey Lavrov"]}}},
    }
    (tmp_path / RELEASE_MARKER).write_text(json.dumps(marker), encoding="utf-8")
    return tmp_path / "seeds" / f"{ARTICLE}.txt"


def test_does_assessment_mode_check_only_the_format_and_say_so(tmp_path: Path) -> None:
    article = assessment_copy(tmp_path)
    report = check_labels({"P01.S1": "Sergey Lavrov", "P02.S2": "Someone Else"}, field="speaker", article=article)
    assert report.checked == "format" and report.note == ASSESSMENT_NOTICE
    assert "✘ 'Someone Else' is not one of the labels" in report.text()
    assert check_words_table(pd.Series({"x": 3}), by="speaker", article=article).checked == "format"


def test_does_a_missing_key_outside_a_release_fall_back_to_a_format_check(tmp_path: Path) -> None:
    shutil.copy(REPO / "seeds" / f"{ARTICLE}.txt", tmp_path / "article.txt")
    report = check_labels({"P01.S1": "reporting"}, field="category", article=tmp_path / "article.txt")
    assert report.checked == "format" and "No answer key was found" in report.note


# --- tables --------------------------------------------------------------------------------------------------


def test_does_the_right_words_table_pass_in_any_shape(sentences: pd.DataFrame) -> None:
    series = sentences.groupby("speaker")["words"].sum()
    for shape in (series, series.to_frame("words"), series.to_dict(), series.sort_values()):
        report = check_words_table(shape, by="speaker")
        assert report.status == "passed" and report.checked == "content", report.text()


def test_does_counting_sentences_instead_of_words_fail_the_content_check(sentences: pd.DataFrame) -> None:
    report = check_words_table(sentences.groupby("category").size(), by="category")
    assert report.status == "failed" and report.score == 0
    assert "check your sum" in report.text()


def test_does_a_table_that_is_not_numbers_fail_the_format() -> None:
    assert check_words_table("many words", by="speaker").status == "format-problem"
    assert check_words_table(pd.DataFrame({"a": ["x"], "b": ["y"]}), by="speaker").status == "format-problem"
    assert table_data({"x": True}) is None and table_data({"x": float("nan")}) is None


def test_does_a_misspelt_row_show_as_missing_and_extra(sentences: pd.DataFrame) -> None:
    table = sentences.groupby("speaker")["words"].sum().rename({"Mike Pompeo": "Mike Pompeio"})
    report = check_words_table(table, by="speaker")
    assert report.status == "partly"
    assert "✘ missing a row for 'Mike Pompeo'" in report.lines
    assert any("'Mike Pompeio' is not a speaker" in line for line in report.lines)


# --- the figure ----------------------------------------------------------------------------------------------


def test_does_figure_data_read_bars_labels_and_colours_from_the_artists(sentences: pd.DataFrame) -> None:
    data = figure_data(voice_map(sentences))
    top, bottom = data["axes"]
    assert {bar["label"]: bar["value"] for bar in top["bars"]} == sentences.groupby("speaker")["words"].sum().astype(
        float
    ).to_dict()
    assert len(bottom["bars"]) == len(sentences)
    assert bottom["bars"][0]["color"] == CATEGORY_STYLES[sentences["category"].iloc[0]][0]
    json.dumps(data)  # plain data, ready for a submission


def test_does_the_right_voice_map_pass_and_a_wrong_one_fail_each_part(sentences: pd.DataFrame) -> None:
    assert check_voice_map(voice_map(sentences)).status == "passed"
    mixed = check_voice_map(voice_map(sentences, mix_strip=True))
    assert mixed.status == "partly" and any("do not all have the same colour" in line for line in mixed.lines)
    counted = check_voice_map(voice_map(sentences, counts=sentences.groupby("speaker").size()))
    assert counted.status == "partly" and any("not the right length" in line for line in counted.lines)
    data = figure_data(voice_map(sentences))
    assert check_voice_map(data).status == "passed"
    assert check_voice_map("a picture").status == "format-problem"


def test_does_describe_figure_list_the_bars(sentences: pd.DataFrame) -> None:
    text = describe_figure(voice_map(sentences))
    assert text.startswith("Text description:") and "Sergei Markov: 224" in text and "strip of 35 bars" in text


# --- written answers -----------------------------------------------------------------------------------------


def test_is_a_written_answer_only_ever_checked_for_format() -> None:
    short = check_written("Too short.", question="answer_1")
    assert short.status == "format-problem" and "2 words" in short.text()
    long = check_written("word " * 25, question="answer_1")
    assert long.status == "recorded" and long.checked == "format" and "rubric" in long.note
    with pytest.raises(Exception, match="unknown question"):
        check_written("x", question="answer_9")


# --- submitting ----------------------------------------------------------------------------------------------


def test_does_submit_without_a_name_or_answers_write_nothing(tmp_path: Path) -> None:
    assert submit("04_framing_and_evidence", None, directory=tmp_path, answer_1="x " * 30).status == "unanswered"
    assert submit("04_framing_and_evidence", "Ada", directory=tmp_path, answer_1=None).status == "unanswered"
    assert list(tmp_path.iterdir()) == []


def test_does_submit_write_the_work_as_data_in_a_valid_submission(tmp_path: Path, key, sentences: pd.DataFrame) -> None:
    labels = right_answers(key, "speaker")
    submit("01_label_voices", "Ada Lovelace", directory=tmp_path, speaker=labels, category=None)
    submit(
        "02_count_the_words",
        "Ada Lovelace",
        directory=tmp_path,
        words_by_speaker=sentences.groupby("speaker")["words"].sum(),
    )
    report = submit("03_draw_the_voice_map", "Ada Lovelace", directory=tmp_path, figure=voice_map(sentences))
    assert report.status == "passed" and "ada-lovelace-03-draw-the-voice-map-" in report.text()
    assert Path(report.file).parent == tmp_path and Path(report.file).name.startswith("ada-lovelace-03-")
    found = {read_submission(path)["exercise_id"]: read_submission(path) for path in tmp_path.glob("*.submission.json")}
    assert found["01_label_voices"]["extra"]["labels"]["speaker"] == labels
    assert found["01_label_voices"]["key_sha256"] == key.sha256
    assert found["02_count_the_words"]["extra"]["tables"]["words_by_category"] is None
    assert found["02_count_the_words"]["extra"]["tables"]["words_by_speaker"]["Sergei Markov"] == 224
    assert len(found["03_draw_the_voice_map"]["extra"]["figure"]["axes"][1]["bars"]) == 35


def one_colour_map(sentences: pd.DataFrame):
    """Return a voice map whose speaker bars are right but whose strip has one colour for every sentence."""
    from matplotlib import pyplot

    figure, (top, bottom) = pyplot.subplots(2, 1)
    words = sentences.groupby("speaker")["words"].sum()
    top.barh(words.index, words.to_numpy())
    bottom.bar(range(len(sentences)), 1, width=1, color="#0072B2")
    pyplot.close(figure)
    return figure


def test_does_submit_give_the_same_verdict_as_the_check_for_a_one_colour_strip(
    tmp_path: Path, sentences: pd.DataFrame
) -> None:
    figure = one_colour_map(sentences)
    checked = check_voice_map(figure)
    assert checked.status == "partly"
    handed_in = submit("03_draw_the_voice_map", "Ada", directory=tmp_path, figure=figure)
    assert handed_in.status == checked.status and handed_in.mark == "✘" and handed_in.checked == "content"
    assert not handed_in.text().startswith("✔"), "a strip the check marks wrong is never reported as accepted"
    for line in checked.lines:
        assert line in handed_in.lines, line
    assert handed_in.score == checked.score
    assert Path(handed_in.file).is_file(), "the work is still handed in, so the learner loses nothing"


def test_does_submit_of_exercise_01_report_the_checks_of_both_parts(tmp_path: Path, key) -> None:
    speakers = right_answers(key, "speaker")
    categories = {item: "reporting" for item in LABEL_ITEMS}
    handed_in = submit("01_label_voices", "Ada", directory=tmp_path, speaker=speakers, category=categories)
    speaker_check = check_labels(speakers, field="speaker")
    category_check = check_labels(categories, field="category")
    assert (speaker_check.status, category_check.status) == ("passed", "partly")
    assert handed_in.status == "partly"
    assert f"The check says: {speaker_check.headline}" in handed_in.lines
    assert f"The check says: {category_check.headline}" in handed_in.lines


def test_does_submit_write_into_the_learners_working_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MEDIALIT_SUBMISSIONS_DIR", raising=False)
    monkeypatch.delenv("MEDIALIT_ANSWERS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    report = submit("04_framing_and_evidence", "Ada", REPO / "seeds" / f"{ARTICLE}.txt", answer_1="my answer " * 12)
    assert "in the folder of this notebook" in report.text()
    assert [path.parent for path in tmp_path.rglob("*.submission.json")] == [tmp_path]


def test_does_submit_refuse_an_unknown_exercise_or_piece_of_work() -> None:
    with pytest.raises(Exception, match="unknown exercise"):
        build_assignment_submission("99_nothing", "Ada", ARTICLE, {})
    with pytest.raises(Exception, match="takes"):
        build_assignment_submission("04_framing_and_evidence", "Ada", ARTICLE, {"answer_9": "x"})


# --- the exercises, executed before anything is answered ------------------------------------------------------


EXERCISES = sorted((REPO / "exercises").glob("*.ipynb"))


@pytest.fixture(scope="module")
def executed_exercises(tmp_path_factory: pytest.TempPathFactory) -> dict[str, nbformat.NotebookNode]:
    """Return every exercise executed top to bottom, unanswered, each in its own kernel (all at the same time)."""
    import asyncio
    import os

    answers = tmp_path_factory.mktemp("answers")
    notebooks = {path.name: nbformat.read(path, as_version=4) for path in EXERCISES}
    clients = [
        NotebookClient(
            notebooks[path.name], timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        )
        for path in EXERCISES
    ]

    async def run_all() -> None:
        await asyncio.gather(*(client.async_execute() for client in clients), return_exceptions=True)

    old = {name: os.environ.get(name) for name in ("MEDIALIT_ANSWERS_DIR", "MEDIALIT_SUBMISSIONS_DIR")}
    os.environ.update(dict.fromkeys(old, str(answers)))
    try:
        asyncio.run(run_all())
    finally:
        for name, value in old.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    assert not list(answers.glob("*.submission.json")), "an unanswered exercise must not submit"
    return notebooks


@pytest.mark.parametrize("path", EXERCISES, ids=lambda path: path.name)
def test_does_every_exercise_run_top_to_bottom_before_anything_is_answered(
    path: Path, executed_exercises: dict[str, nbformat.NotebookNode]
) -> None:
    notebook = executed_exercises[path.name]
    texts = []
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.source.strip():
            assert cell.get("execution_count") is not None, f"{path.name} {cell.get('id')} did not run"
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", f"{path.name} {cell.get('id')}: {output.get('evalue')}"
            texts.append(output.get("text", "") or output.get("data", {}).get("text/plain", ""))
    text = "\n".join(texts)
    if path.name != "01_label_voices.ipynb":  # exercise 01 has no check cells: its widgets check, its hand-in submits
        assert "Not answered yet" in text
    assert "Not submitted yet: type your name" in text


# --- exercise 01: one name, one Submit that works right after answering ----------------------------------------


def _visible(widget, kind) -> list:
    """Return the widgets of type ``kind`` in the tree under ``widget`` that are not hidden (display: none)."""
    if getattr(getattr(widget, "layout", None), "display", None) == "none":
        return []
    found = [widget] if isinstance(widget, kind) else []
    for child in getattr(widget, "children", ()):
        found += _visible(child, kind)
    return found


def test_does_exercise_01_hand_in_both_parts_with_one_name_and_one_submit_right_after_answering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key
) -> None:
    import ipywidgets

    from medialit.ui.handin import hand_in_labels, label_exercise

    monkeypatch.setenv("MEDIALIT_ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.setenv("MEDIALIT_SUBMISSIONS_DIR", str(tmp_path / "handed-in"))
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    speaker, category = label_exercise("speaker"), label_exercise("category")
    hand_in = hand_in_labels()  # displayed before anything is answered, as when the notebook is run top to bottom
    parts = [speaker, category, hand_in]
    names = [box for part in parts for box in _visible(part, ipywidgets.Text)]
    submits = [button for part in parts for button in _visible(part, ipywidgets.Button) if button.description == "Submit"]
    assert names == [hand_in.name] and submits == [hand_in.submit_button]
    right = right_answers(key, "speaker")
    for item, label in right.items():
        speaker.answer(item, label)
    for item in LABEL_ITEMS:
        category.answer(item, expected(key, "category", item)[0])
    hand_in.name.value = "Ada Lovelace"
    hand_in.submit_button.click()  # no cell run again in between
    (written,) = (tmp_path / "handed-in").glob("*.submission.json")
    submission = read_submission(written)
    assert submission["extra"]["labels"]["speaker"] == right
    assert len(submission["extra"]["labels"]["category"]) == len(LABEL_ITEMS) == len(submission["answers"])
    assert hand_in.report.status == "passed" and hand_in.report.file == str(written)
    assert "✔ Right" in hand_in.status.value and f"download='{written.name}'" in hand_in.status.value
    assert label_exercise("speaker").store.student == "Ada Lovelace", "the name is saved with the answers"


def test_does_exercise_01_say_to_type_the_name_before_submitting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from medialit.ui.handin import hand_in_labels, label_exercise

    monkeypatch.setenv("MEDIALIT_ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.setenv("MEDIALIT_SUBMISSIONS_DIR", str(tmp_path / "handed-in"))
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    label_exercise("speaker").answer("P01.S1", "Sergey Lavrov")
    hand_in = hand_in_labels()
    hand_in.submit_button.click()
    assert "type your name" in hand_in.status.value and not (tmp_path / "handed-in").exists()


def test_does_the_exercise_01_notebook_have_one_name_and_one_submit() -> None:
    notebook = nbformat.read(REPO / "exercises" / "01_label_voices.ipynb", as_version=4)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert code.count("hand_in_labels(") == 1 and code.count("label_exercise(") == 2
    assert "STUDENT" not in code and "submit(" not in code and "classify(" not in code


# --- exercise 03: coding required, hints that run, the check's verdict at submit --------------------------------


def test_does_exercise_03_say_coding_required_at_the_top() -> None:
    notebook = nbformat.read(REPO / "exercises" / "03_draw_the_voice_map.ipynb", as_version=4)
    first = notebook.cells[0].source
    assert "Coding required" in first.split("**In this exercise you will:**")[0]


def test_do_the_hints_of_exercise_03_run_as_written_and_draw_a_map_the_check_accepts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Run the exercise's code cells with the hints pasted into the task cell, as a learner would."""
    import re

    from matplotlib import pyplot

    path = REPO / "exercises" / "03_draw_the_voice_map.ipynb"
    notebook = nbformat.read(path, as_version=4)
    task = next(cell for cell in notebook.cells if cell.cell_type == "code" and "strip_axes" in cell.source)
    hints = [
        block
        for cell in notebook.cells
        if cell.cell_type == "markdown"
        for block in re.findall(r"```python\n(.*?)```", cell.source, flags=re.DOTALL)
    ]
    assert len(hints) >= 3
    monkeypatch.chdir(path.parent)
    namespace: dict = {}
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        if "submit(" in cell.source or "check_voice_map(figure" in cell.source:
            continue
        source = cell.source.replace("STUDENT = None", 'STUDENT = "Ada"')
        if cell is task:
            source += "\n" + "\n".join(hints)
        exec(compile(source, f"{path.name}:{cell.get('id')}", "exec"), namespace)  # noqa: S102 - the kit's own notebook
    figure = namespace["figure"]
    pyplot.close(figure)
    assert check_voice_map(figure).status == "passed"
