"""Does the classification exercise give explained feedback, keep every answer, and score guessing badly?"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

import medialit
from medialit.exercises import scoring
from medialit.exercises.answers import ANSWERS_ENV, AnswerStore
from medialit.errors import MediaLitError
from medialit.keys.key import KEY_COLUMNS, load_article_key
from medialit.exercises.submission import read_submission
from medialit.ui.widgets import ClassifyExercise, classify

from tests.conftest import SEED_ARTICLE, SEEDS

EXERCISE = "lavrov-pompeo-sochi-2019-category"
KEY = load_article_key(SEED_ARTICLE)
FIELDS = ["category", "speaker", "claim_type", "techniques"]


@pytest.fixture(autouse=True)
def answers_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Send every answers file of a test to its own temporary folder, and work in a temporary folder."""
    folder = tmp_path / "answers"
    monkeypatch.setenv(ANSWERS_ENV, str(folder))
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.chdir(tmp_path)
    return folder


def expected_label(field: str, sentence_id: str) -> str:
    return scoring.expected(KEY, field, sentence_id)[0]


def wrong_label(field: str, sentence_id: str) -> str:
    preferred, acceptable = scoring.expected(KEY, field, sentence_id)
    return next(label for label in scoring.choices(KEY, field) if label not in (preferred, *acceptable))


def visible(exercise: ClassifyExercise) -> list[str]:
    return [item for item, box in exercise.boxes.items() if box.layout.display != "none"]


def test_does_check_show_explained_feedback_with_a_mark_and_words() -> None:
    exercise = classify(SEED_ARTICLE)
    exercise.answer("P01.S1", "reporting")  # correct
    exercise.answer("P02.S1", "reporting")  # an accepted alternative
    exercise.answer("P10.S1", "official statement")  # wrong
    exercise.check_button.click()
    correct, accepted, wrong = (exercise.feedback[item].value for item in ("P01.S1", "P02.S1", "P10.S1"))
    assert "✔ Correct: reporting." in correct
    assert KEY.explanation("P01.S1", "category").split("'")[0] in correct.replace("&#x27;", "'")
    assert "✔ Accepted" in accepted and "the key prefers “official statement”" in accepted
    assert "Accepted answers: “official statement”, “reporting”" in accepted
    assert "✘ Not quite: you chose “official statement”; the key says “expert opinion”." in wrong
    assert "○ Not answered yet." in exercise.feedback["P14.S5"].value
    assert "role='status'" in correct


def test_does_correct_feedback_list_the_accepted_alternatives() -> None:
    exercise = classify(SEED_ARTICLE)
    exercise.answer("P02.S2", "official statement")
    exercise.check()
    assert "Accepted answers: “official statement”, “state-media framing”" in exercise.feedback["P02.S2"].value


def test_do_score_summary_and_progress_come_from_scoring() -> None:
    exercise = classify(SEED_ARTICLE)
    assert "0 of 35 answered" in exercise.progress.value
    exercise.answer("P01.S1", "reporting")
    exercise.answer("P03.S2", "expert opinion")
    assert "2 of 35 answered" in exercise.progress.value  # progress follows every answer at once
    score = exercise.check()
    assert score == scoring.score_answers(KEY, {"P01.S1": "reporting", "P03.S2": "expert opinion"}, "category")
    assert score.summary() in exercise.summary.value
    assert exercise.score().summary() == score.summary()
    assert exercise.answers == {"P01.S1": "reporting", "P03.S2": "expert opinion"}


def test_can_an_answer_be_changed_and_checked_again() -> None:
    exercise = classify(SEED_ARTICLE)
    exercise.answer("P10.S1", "reporting")
    exercise.check()
    assert "✘" in exercise.feedback["P10.S1"].value
    exercise.answer("P10.S1", "expert opinion")
    assert "press Check again" in exercise.feedback["P10.S1"].value
    exercise.check()
    assert "✔ Correct" in exercise.feedback["P10.S1"].value
    assert AnswerStore(EXERCISE).load() == {"P10.S1": "expert opinion"}


def test_does_every_answer_reach_the_file_the_moment_it_is_given(answers_folder: Path) -> None:
    exercise = classify(SEED_ARTICLE)
    exercise.controls["P05.S1"].value = "official statement"  # what a click in the browser does
    assert AnswerStore(EXERCISE).load() == {"P05.S1": "official statement"}
    exercise.controls["P05.S1"].value = ""  # back to "— choose —"
    assert AnswerStore(EXERCISE).load() == {}


def test_are_answers_name_and_reflection_restored_when_the_exercise_is_made_again() -> None:
    first = classify(SEED_ARTICLE)
    first.answer("P01.S1", "reporting")
    first.answer("P09.S2", "official statement")
    first.name.value = "Ana"
    first.reflection.value = "Paragraph 11 was hard."
    again = classify(SEED_ARTICLE)
    assert again.controls["P01.S1"].value == "reporting"
    assert again.controls["P09.S2"].value == "official statement"
    assert again.controls["P02.S1"].value == ""
    assert (again.name.value, again.reflection.value) == ("Ana", "Paragraph 11 was hard.")
    assert "2 of 35 answered" in again.progress.value
    assert "Restored 2 saved answer(s)" in again.status.value


def test_is_the_name_prefilled_from_the_hub_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUPYTERHUB_USER", "student07")
    assert classify(SEED_ARTICLE).name.value == "student07"


def test_does_the_filter_show_unanswered_and_wrong_sentences() -> None:
    exercise = classify(SEED_ARTICLE)
    exercise.answer("P01.S1", "reporting")
    exercise.answer("P10.S1", "reporting")
    exercise.filter.value = "unanswered"
    assert len(visible(exercise)) == 33 and "P01.S1" not in visible(exercise)
    assert "Showing 33 of 35 sentences" in exercise.filter_note.value
    exercise.filter.value = "wrong"
    assert visible(exercise) == []
    assert "Press Check first" in exercise.filter_note.value
    exercise.check()
    assert visible(exercise) == ["P10.S1"]
    exercise.filter.value = "all"
    assert len(visible(exercise)) == 35 and exercise.filter_note.value == ""


def test_does_reset_ask_first_and_then_clear_everything() -> None:
    exercise = classify(SEED_ARTICLE)
    exercise.answer("P01.S1", "reporting")
    exercise.answer("P02.S1", "reporting")
    exercise.check()
    exercise.reset_button.click()
    assert exercise.confirm.layout.display == "flex"
    assert "Clear all 2 answer(s)?" in exercise.confirm_text.value
    exercise.confirm_no.click()
    assert exercise.confirm.layout.display == "none"
    assert AnswerStore(EXERCISE).load() == {"P01.S1": "reporting", "P02.S1": "reporting"}
    exercise.reset_button.click()
    exercise.confirm_yes.click()
    assert exercise.answers == {} and AnswerStore(EXERCISE).load() == {}
    assert exercise.controls["P01.S1"].value == ""
    assert exercise.feedback["P01.S1"].value == ""
    assert "0 of 35 answered" in exercise.progress.value
    assert "All answers cleared" in exercise.status.value
    assert classify(SEED_ARTICLE).answers == {}


def write_key_copy(tmp_path: Path, change: dict[str, str]) -> Path:
    """Copy the seed article and key into ``tmp_path/seeds``, changing ``change`` {column: value} in the first row."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED_ARTICLE, folder / SEED_ARTICLE.name)
    rows = list(csv.DictReader(io.StringIO((SEEDS / "lavrov-pompeo-sochi-2019.key.csv").read_text(encoding="utf-8"))))
    rows[0].update(change)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=KEY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (folder / "lavrov-pompeo-sochi-2019.key.csv").write_text(out.getvalue(), encoding="utf-8")
    return folder / SEED_ARTICLE.name


def test_does_an_unreviewed_key_show_a_warning(tmp_path: Path) -> None:
    assert classify(SEED_ARTICLE).banner.value == ""
    article = write_key_copy(tmp_path, {"reviewed": "no"})
    banner = classify(article).banner.value
    assert "Unreviewed answer key" in banner and "machine draft" in banner


def test_does_a_damaged_answers_file_show_a_message_and_keep_the_file(answers_folder: Path) -> None:
    answers_folder.mkdir()
    (answers_folder / f"{EXERCISE}.answers.json").write_bytes(b"{half")
    exercise = classify(SEED_ARTICLE)
    assert "could not be read" in exercise.banner.value and "kept unchanged as" in exercise.banner.value
    assert [p.read_bytes() for p in answers_folder.glob("*.corrupt-*.json")] == [b"{half"]


def test_does_submit_write_a_valid_submission_and_show_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ANSWERS_ENV)  # a learner's setting: answers in .medialit/, submissions beside the notebook
    monkeypatch.delenv("MEDIALIT_SUBMISSIONS_DIR", raising=False)
    exercise = classify(SEED_ARTICLE)
    exercise.answer("P01.S1", "reporting")
    exercise.name.value = "Ana María"
    exercise.reflection.value = "Who pays for Vestnik Kavkaza?"
    exercise.submit_button.click()
    files = list(tmp_path.glob("*.submission.json"))  # the working folder
    assert len(files) == 1 and files[0].name.startswith(f"ana-maria-{EXERCISE}-")
    assert files[0].name in exercise.status.value and "✔ Submitted 1 of 35 answers" in exercise.status.value
    assert "in the notebook's folder" in exercise.status.value
    assert (tmp_path / ".medialit" / f"{EXERCISE}.answers.json").is_file()
    submission = read_submission(files[0])
    assert submission["answers"] == {"P01.S1": "reporting"}
    assert (submission["student"], submission["field"], submission["article"]) == ("Ana María", "category", "lavrov-pompeo-sochi-2019")
    assert submission["key_sha256"] == KEY.sha256 and submission["exercise_id"] == EXERCISE
    assert submission["reflection"] == "Who pays for Vestnik Kavkaza?"
    other = exercise.submit(tmp_path / "handed-in")
    assert other.parent == tmp_path / "handed-in"
    monkeypatch.setenv("MEDIALIT_SUBMISSIONS_DIR", str(tmp_path / "class"))
    assert exercise.submit().parent == tmp_path / "class"
    assert "in the folder “class”" in exercise.status.value


def test_does_submit_without_a_name_say_so_and_write_nothing(tmp_path: Path) -> None:
    exercise = classify(SEED_ARTICLE)
    exercise.submit_button.click()
    assert "Not submitted" in exercise.status.value and "type your name" in exercise.status.value
    assert list(tmp_path.rglob("*.submission.json")) == []
    with pytest.raises(MediaLitError, match="type your name"):
        exercise.submit()


def test_do_callbacks_never_print(capsys: pytest.CaptureFixture[str]) -> None:
    exercise = classify(SEED_ARTICLE)
    exercise.answer("P01.S1", "reporting")
    for button in (exercise.check_button, exercise.reset_button, exercise.confirm_yes, exercise.submit_button):
        button.click()
    exercise.filter.value = "wrong"
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("field", FIELDS)
def test_does_each_exercise_field_mark_right_and_wrong_answers(field: str) -> None:
    items = ["P10.S1", "P10.S2", "P13.S1"]
    exercise = classify(SEED_ARTICLE, field=field, items=items)
    assert exercise.exercise_id == f"lavrov-pompeo-sochi-2019-{field}"
    assert list(exercise.controls) == items
    exercise.answer("P10.S1", expected_label(field, "P10.S1"))
    exercise.answer("P10.S2", wrong_label(field, "P10.S2"))
    score = exercise.check()
    assert "✔ Correct" in exercise.feedback["P10.S1"].value
    assert "✘ Not quite" in exercise.feedback["P10.S2"].value
    assert "○ Not answered yet" in exercise.feedback["P13.S1"].value
    assert (score.total, score.answered, score.credited) == (3, 2, 1)
    assert "2 of 3 answered" in exercise.progress.value
    assert classify(SEED_ARTICLE, field=field, items=items).answers == exercise.answers


def test_does_a_techniques_exercise_take_several_techniques() -> None:
    exercise = classify(SEED_ARTICLE, field="techniques", items=["P10.S2", "P13.S1"])
    exercise.controls["P10.S2"].value = ("name calling/labeling", "exaggeration/minimisation")  # a multi-select
    exercise.answer("P13.S1", ["none"])
    exercise.check()
    assert "✔ Correct" in exercise.feedback["P10.S2"].value
    assert "✔ Correct: none." in exercise.feedback["P13.S1"].value
    assert AnswerStore("lavrov-pompeo-sochi-2019-techniques").load() == {
        "P10.S2": "exaggeration/minimisation;name calling/labeling",
        "P13.S1": "none",
    }
    again = classify(SEED_ARTICLE, field="techniques", items=["P10.S2", "P13.S1"])
    assert set(again.controls["P10.S2"].value) == {"name calling/labeling", "exaggeration/minimisation"}


@pytest.mark.parametrize("field", FIELDS)
def test_does_answering_every_item_with_one_label_score_badly(field: str) -> None:
    items = [item for item in KEY.sentence_ids if field != "techniques" or item >= "P10"]
    exercise = classify(SEED_ARTICLE, field=field, items=items)
    for label in scoring.choices(KEY, field):
        for item in items:
            exercise.controls[item].value = (label,) if field == "techniques" else label
        score = exercise.check()
        assert score.answered == len(items)
        assert score.balanced < 0.5, f"everything '{label}' scored {score.balanced:.0%}"


def test_does_answering_everything_right_score_full_marks() -> None:
    exercise = classify(SEED_ARTICLE)
    for item in KEY.sentence_ids:
        exercise.answer(item, expected_label("category", item))
    score = exercise.check()
    assert (score.credited, score.balanced) == (35, 1.0)
    assert "35 of 35 answered · 35 right" in exercise.summary.value


def test_do_bad_arguments_give_clear_messages(tmp_path: Path) -> None:
    with pytest.raises(MediaLitError, match="has no sentence"):
        classify(SEED_ARTICLE, items=["P99.S1"])
    with pytest.raises(MediaLitError, match="cannot be an exercise"):
        classify(SEED_ARTICLE, field="mood")
    lonely = tmp_path / "lonely.txt"
    lonely.write_text("A sentence without a key.", encoding="utf-8")
    with pytest.raises(MediaLitError, match="no answer key beside the article"):
        classify(lonely)
    exercise = classify(SEED_ARTICLE, items=["P01.S1"])
    with pytest.raises(MediaLitError, match="is not a choice here"):
        exercise.answer("P01.S1", "propaganda")
    with pytest.raises(MediaLitError, match="is not in this exercise"):
        exercise.answer("P02.S1", "reporting")


def test_is_the_exercise_public_and_its_text_form_stable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIALIT_SEEDS_DIR", str(SEEDS))
    exercise = medialit.classify("lavrov-pompeo-sochi-2019", key=KEY, items=["P01.S1", "P02.S1"], exercise_id="demo")
    assert repr(exercise) == "ClassifyExercise('demo', 2 sentences, field='category')"
    html = exercise.boxes["P02.S1"].children[0].value
    assert "<strong>Opening talks with Pompeo" in html
    assert "<mark><strong>«Opening talks with Pompeo" in html  # highlighted by mark, guillemets and bold
    assert exercise.controls["P02.S1"].options[0] == ("— choose —", "")
    assert exercise.controls["P02.S1"].description == "Category of P02.S1"


def test_does_an_assessment_release_record_answers_without_a_key(tmp_path: Path) -> None:
    release = tmp_path / "release"
    (release / "seeds").mkdir(parents=True)
    article = release / "seeds" / SEED_ARTICLE.name
    shutil.copy(SEED_ARTICLE, article)  # no key beside it
    marker = {"mode": "assessment", "articles": {"lavrov-pompeo-sochi-2019": {"key_sha256": "c" * 64}}}
    (release / ".medialit-release.json").write_text(json.dumps(marker), encoding="utf-8")
    exercise = classify(article)
    assert exercise.key is None
    assert "Assessment mode" in exercise.banner.value
    exercise.answer("P01.S1", "expert opinion")
    assert exercise.check() is None
    assert "✔ Recorded: “expert opinion”" in exercise.feedback["P01.S1"].value
    assert "○ Not answered yet" in exercise.feedback["P02.S1"].value
    assert "1 of 35 answers recorded" in exercise.summary.value
    assert "Correct" not in exercise.feedback["P01.S1"].value and "Not quite" not in exercise.summary.value
    with pytest.raises(MediaLitError, match="no answer key"):
        exercise.score()
    exercise.name.value = "Ana"
    submission = read_submission(exercise.submit(tmp_path / "out"))
    assert submission["key_sha256"] == "c" * 64 and submission["answers"] == {"P01.S1": "expert opinion"}


def test_does_a_smaller_exercise_restore_only_its_own_items() -> None:
    classify(SEED_ARTICLE).answer("P01.S1", "reporting")
    classify(SEED_ARTICLE).answer("P14.S5", "expert opinion")
    part = classify(SEED_ARTICLE, items=["P01.S1", "P02.S1"])
    assert part.answers == {"P01.S1": "reporting"}
    assert "Restored 1 saved answer(s)" in part.status.value
    part.answer("P02.S1", "reporting")
    assert AnswerStore(EXERCISE).load() == {"P01.S1": "reporting", "P02.S1": "reporting", "P14.S5": "expert opinion"}


# ----- keyboard safety, visible state, one state, hand-in from the page (issue 11 items 1-4) ----------------------


def guard_of(widget) -> object:  # noqa: ANN001 - any kit box
    return next(child for child in widget.children if type(child).__name__ == "KeyboardGuard")


def test_is_every_kit_widget_a_medialit_kit_box_with_a_keyboard_guard(tmp_path: Path) -> None:
    from medialit.ui.review import review_draft
    from medialit.ui.tutorial import try_a_widget

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    review = review_draft(seeds / SEED_ARTICLE.name, seeds / "lavrov-pompeo-sochi-2019.key.csv", tmp_path / "out.csv")
    for widget in (classify(SEED_ARTICLE), try_a_widget(), review):
        assert "medialit-kit" in widget._dom_classes
        assert "data-lm-suppress-shortcuts" in guard_of(widget)._esm  # Lumino's own switch for its key bindings
    assert all("medialit-item" in box._dom_classes for box in classify(SEED_ARTICLE).boxes.values())


def test_does_protect_cover_any_box_once() -> None:
    import ipywidgets

    from medialit.ui.keyboard import protect

    box = ipywidgets.VBox([ipywidgets.ToggleButtons(options=["a", "b"])])
    assert protect(protect(box)) is box
    assert box._dom_classes == ("medialit-kit",)
    assert [type(child).__name__ for child in box.children] == ["KeyboardGuard", "ToggleButtons"]


def test_does_the_saved_mark_appear_only_after_the_write_succeeded(answers_folder: Path) -> None:
    exercise = classify(SEED_ARTICLE)
    assert "✔ saved" not in exercise.saved["P01.S1"].value
    exercise.answer("P01.S1", "reporting")
    first_mark = exercise.saved["P01.S1"].value
    assert "✔ saved" in first_mark
    exercise.answer("P01.S1", "expert opinion")
    assert "✔ saved" in exercise.saved["P01.S1"].value and exercise.saved["P01.S1"].value != first_mark  # a new value
    answers_folder.chmod(0o500)  # the next write fails
    try:
        exercise.answer("P02.S1", "reporting")
    finally:
        answers_folder.chmod(0o700)
    if AnswerStore(EXERCISE).load().get("P02.S1") is None:  # (root can write anyway: then it was saved)
        assert "✔ saved" not in exercise.saved["P02.S1"].value
        assert "could not save" in exercise.status.value
    assert "✔ saved" in classify(SEED_ARTICLE).saved["P01.S1"].value  # restored answers are in the file: saved


def test_do_two_views_of_one_exercise_converge_and_check_and_submit_the_merged_answers(tmp_path: Path) -> None:
    first = classify(SEED_ARTICLE)
    second = classify(SEED_ARTICLE)  # a re-run cell, or the same notebook run in a second tab
    first.answer("P01.S1", "reporting")
    assert second.controls["P01.S1"].value == "reporting"
    assert "changed in another tab or view" in second.sync_note.value and "P01.S1" in second.sync_note.value
    second.answer("P02.S1", "expert opinion")
    assert first.answers == second.answers == {"P01.S1": "reporting", "P02.S1": "expert opinion"}
    assert first.check().answered == 2
    second.name.value = "Ana"
    submission = read_submission(second.submit(tmp_path / "out"))
    assert submission["answers"] == {"P01.S1": "reporting", "P02.S1": "expert opinion"}


def test_does_a_view_pick_up_answers_saved_by_another_kernel_before_check_and_submit(tmp_path: Path) -> None:
    exercise = classify(SEED_ARTICLE)
    exercise.answer("P01.S1", "expert opinion")
    elsewhere = AnswerStore(EXERCISE)  # another kernel (a Voila page, a second JupyterLab) writing the same file
    elsewhere.update({"P01.S1": "reporting", "P03.S1": "official statement"})
    assert exercise.controls["P01.S1"].value == "expert opinion"  # not yet seen...
    score = exercise.check()  # ...Check reads the file first
    assert exercise.answers == {"P01.S1": "reporting", "P03.S1": "official statement"} and score.answered == 2
    assert "2 answer(s) changed in another tab or view" in exercise.sync_note.value
    assert exercise.feedback["P01.S1"].value.count("✔") == 1
    elsewhere.set("P03.S1", None)
    exercise.name.value = "Ana"
    assert read_submission(exercise.submit(tmp_path / "out"))["answers"] == {"P01.S1": "reporting"}
    assert AnswerStore(EXERCISE).load() == {"P01.S1": "reporting"}  # showing another view's answers saves nothing new


def test_does_the_pages_connection_check_sync_the_view_and_answer_it() -> None:
    exercise = classify(SEED_ARTICLE)
    sent = []
    guard = guard_of(exercise)
    guard.send = sent.append
    AnswerStore(EXERCISE).set("P01.S1", "reporting")
    guard._on_message(guard, {"type": "ping"}, [])
    assert exercise.controls["P01.S1"].value == "reporting"
    assert sent == [{"type": "pong"}]  # only a kernel that is alive answers: the page shows "disconnected" otherwise


def test_does_submit_offer_the_file_as_a_download_link_in_the_page(tmp_path: Path) -> None:
    import base64
    import re

    exercise = classify(SEED_ARTICLE)
    exercise.answer("P01.S1", "reporting")
    exercise.name.value = "Ana"
    assert exercise.download.value == ""
    path = exercise.submit(tmp_path / "out")
    link = re.search(r"<a [^>]*download='([^']+)' href='data:application/json;base64,([^']+)'", exercise.download.value)
    assert link is not None and link.group(1) == path.name
    assert base64.b64decode(link.group(2)) == path.read_bytes()
    assert "next cell" not in exercise.status.value + exercise.header.value


def test_does_practice_mode_submit_first_answers_beside_final_ones(tmp_path: Path) -> None:
    exercise = classify(SEED_ARTICLE)
    exercise.answer("P01.S1", "expert opinion")
    exercise.check()
    exercise.answer("P01.S1", "reporting")  # changed after the feedback
    exercise.answer("P02.S1", "reporting")
    exercise.name.value = "Ana"
    submission = read_submission(exercise.submit(tmp_path / "out"))
    assert submission["answers"] == {"P01.S1": "reporting", "P02.S1": "reporting"}
    assert submission["first_answers"] == {"P01.S1": "expert opinion", "P02.S1": "reporting"}
    exercise.reset()
    assert exercise.first_answers == {"P01.S1": "expert opinion", "P02.S1": "reporting"}  # a reset keeps the record


def test_does_check_never_reveal_the_key_for_an_unanswered_item() -> None:
    exercise = classify(SEED_ARTICLE)
    exercise.answer("P01.S1", "reporting")
    exercise.check()
    for item in ("P02.S1", "P10.S1", "P11.S1"):
        shown = exercise.feedback[item].value
        assert "○ Not answered yet" in shown
        assert expected_label("category", item) not in shown and KEY.value(item, "explanation")[:30] not in shown


def test_does_an_assessment_submission_carry_no_first_answers(tmp_path: Path) -> None:
    release = tmp_path / "release"
    (release / "seeds").mkdir(parents=True)
    shutil.copy(SEED_ARTICLE, release / "seeds" / SEED_ARTICLE.name)
    marker = {"mode": "assessment", "articles": {"lavrov-pompeo-sochi-2019": {"key_sha256": "c" * 64}}}
    (release / ".medialit-release.json").write_text(json.dumps(marker), encoding="utf-8")
    exercise = classify(release / "seeds" / SEED_ARTICLE.name)
    exercise.answer("P01.S1", "expert opinion")
    exercise.name.value = "Ana"
    assert "first_answers" not in read_submission(exercise.submit(tmp_path / "out"))


def test_is_the_score_above_the_buttons_and_nothing_cut_or_too_wide() -> None:
    exercise = classify(SEED_ARTICLE)
    order = list(exercise.children)
    buttons = next(child for child in order if exercise.check_button in getattr(child, "children", ()))
    assert order.index(exercise.summary) < order.index(buttons)  # the score shows next to where Check was pressed
    assert exercise.confirm_yes.layout.width == "auto"  # "Yes, clear my answers" is never cut off
    assert exercise.reflection.layout.width != "100%"  # 100% plus its label and border made a horizontal scrollbar
    assert "Voila" in exercise.header.value and "Shift+↓" in exercise.header.value  # the keys that work, on screen


def test_does_lesson_00s_practice_have_one_right_answer_and_plain_feedback() -> None:
    from medialit.ui.tutorial import PRACTICE_CHOICES, PRACTICE_QUESTION, try_a_widget

    assert "Lavrov is the speaker" in PRACTICE_QUESTION  # the question asks only HOW, so "Lavrov" is plainly not it
    assert [label for label, text in PRACTICE_CHOICES.items() if text.startswith("✔")] == ["stressed"]
    widget = try_a_widget()
    widget.check.click()
    assert "○ Not answered yet" in widget.feedback.value
    for label, mark in (("Lavrov", "✘"), ("Moscow", "✘"), ("stressed", "✔")):
        widget.choice.value = label
        assert "○ Answer changed" in widget.feedback.value
        widget.check.click()
        assert widget.feedback.value.startswith(f"<p role='status'>{mark}")
        assert "*" not in widget.feedback.value
    assert repr(widget) == "Practice widget: one question, Check, feedback"


def test_do_the_name_and_reflection_show_saved_only_once_written() -> None:
    exercise = classify(SEED_ARTICLE)
    assert "✔ saved" not in exercise.text_saved["reflection"].value
    exercise.reflection.value = "Who pays for Vestnik Kavkaza?"
    exercise.name.value = "Ana"
    assert "✔ saved" in exercise.text_saved["reflection"].value and "✔ saved" in exercise.text_saved["student"].value
    assert AnswerStore(EXERCISE).reflection == "Who pays for Vestnik Kavkaza?"


# --- the registry's exercises as widgets ----------------------------------------------------------------------------


def test_does_classify_lesson_take_field_items_and_answers_file_from_the_declaration(answers_folder: Path) -> None:
    from medialit.exercises.registry import exercise
    from medialit.ui.widgets import classify_lesson

    declared = exercise("04_state_media_framing")
    widget = classify_lesson("04_state_media_framing", KEY)
    assert (widget.field, widget.items) == (declared.field, list(declared.items))
    widget.answer(declared.items[0], "reporting")
    assert (answers_folder / f"{declared.answers_file_id(KEY.article.name)}.answers.json").is_file()
    practice = load_article_key(SEEDS / "practice-harbour-talks.txt")
    assert classify_lesson("04_state_media_framing", practice).items == declared.items_for(practice)


def test_does_classify_default_to_the_capstones_answers_file_from_the_registry() -> None:
    from medialit.ui.widgets import default_exercise_id

    assert classify(SEED_ARTICLE).exercise_id == EXERCISE == default_exercise_id(KEY.article.name, "category")
    assert default_exercise_id("harbour talks", "speaker") == "harbour-talks-speaker"


def test_does_quiz_lesson_use_the_declared_quiz_and_answers_ids(answers_folder: Path) -> None:
    from medialit.ui.widgets import classify_lesson, quiz_lesson

    post = quiz_lesson("quiz-discrimination-post", compare_with="quiz-discrimination-pre")
    assert post.exercise_id == "discrimination-post" and post.earlier.exercise_id == "discrimination-pre"
    assert quiz_lesson("quiz-evidence", SEED_ARTICLE).exercise_id == "lavrov-pompeo-sochi-2019-evidence"
    with pytest.raises(MediaLitError, match="is a classify exercise, not a quiz"):
        quiz_lesson("02_who_is_speaking")
    with pytest.raises(MediaLitError, match="is a quiz exercise, not a classify one"):
        classify_lesson("quiz-evidence", KEY)
