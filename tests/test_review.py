"""Can a teacher walk through a draft key, change labels, explain each sentence and save it as reviewed?"""

from __future__ import annotations

import shutil
from pathlib import Path

import ipywidgets
import pytest

from medialit.draft.drafter import draft_key
from medialit.keys.write import DRAFT_PREFIX, write_key
from medialit.errors import MediaLitError
from medialit.keys.key import load_key, validate_key
from medialit.ui.review import EXPLAIN_FIELDS, KeyReview, review_draft
from medialit.vocabulary import NARRATION_SPEAKER

REPO = Path(__file__).resolve().parent.parent
PRACTICE = REPO / "tests" / "data" / "review" / "harbour-talks-old-practice.txt"  # the practice text before its rebuild (issue 12)


@pytest.fixture
def drafted(tmp_path: Path) -> Path:
    """Return a temporary copy of the practice article with a fresh draft key beside it."""
    article = tmp_path / "harbour.txt"
    shutil.copy(PRACTICE, article)
    write_key(draft_key(article), tmp_path / "harbour.key.csv")
    return article


def explain_row(review: KeyReview) -> None:
    """Write every explanation (summary and one per question) of the sentence shown."""
    for field in EXPLAIN_FIELDS:
        review.set(field, f"Checked by the teacher ({field}): {review.sentence_id} is labelled as the text shows.")


def explain_all(review: KeyReview) -> None:
    """Write the explanations of every sentence still a draft (as a teacher would, one by one)."""
    for _ in range(len(review.ids)):
        if not review.pending():
            return
        review.next_draft_button.click()
        explain_row(review)
    assert not review.pending()


def test_does_the_review_open_on_the_first_sentence_with_the_drafts_labels(drafted: Path) -> None:
    review = review_draft(drafted)
    assert review.sentence_id == "P01.S1"
    assert review.inputs["category"].value == "reporting"
    assert review.inputs["speaker_role"].value == "outlet"
    assert review.inputs["explanation"].value == ""  # the DRAFT placeholder is shown as what the rules saw
    assert "The rules proposed" in review.proposal.value and "What the rules saw" in review.proposal.value
    assert "Sentence 1 of 30" in review.position.value
    assert review.previous_button.disabled and not review.next_button.disabled
    assert repr(review) == "KeyReview('harbour', 30 sentences, 30 still to explain)"


def test_do_previous_next_and_go_to_move_between_sentences(drafted: Path) -> None:
    review = review_draft(drafted)
    review.next_button.click()
    review.next_button.click()
    assert review.sentence_id == "P02.S1"
    assert review.inputs["speaker"].value == "Ana Ruiz"
    review.previous_button.click()
    assert review.sentence_id == "P01.S2"
    review.jump.value = "P10.S4"
    assert review.sentence_id == "P10.S4"
    assert review.next_button.disabled
    assert "Sentence 30 of 30" in review.position.value


def test_is_every_change_saved_in_the_draft_at_once(drafted: Path) -> None:
    review = review_draft(drafted)
    review.show("P05.S3")
    review.set("category", "state-media framing")
    review.set("claim_type", "allegation")
    review.set("techniques", ("loaded language",))
    saved = load_key(drafted.with_suffix(".key.csv"))
    assert saved.value("P05.S3", "category") == "state-media framing"
    assert saved.value("P05.S3", "claim_type") == "allegation"
    assert saved.value("P05.S3", "techniques") == "loaded language"
    assert saved.reviewed is False
    reopened = review_draft(drafted)
    reopened.show("P05.S3")
    assert reopened.inputs["category"].value == "state-media framing"


def test_does_save_as_reviewed_refuse_and_list_rows_while_an_explanation_is_a_draft(drafted: Path) -> None:
    review = review_draft(drafted)
    explain_row(review)
    before = drafted.with_suffix(".key.csv").read_bytes()
    review.save_button.click()
    assert "Not saved" in review.status.value and "✘" in review.status.value
    assert "29 sentence(s)" in review.status.value and "P01.S2" in review.status.value
    assert "P01.S1," not in review.status.value
    assert drafted.with_suffix(".key.csv").read_bytes() == before
    assert review.save_reviewed() is None


def test_does_emptying_an_explanation_bring_back_the_draft_placeholder(drafted: Path) -> None:
    review = review_draft(drafted)
    explain_row(review)
    assert "P01.S1" not in review.pending()
    review.set("explain_speaker", "   ")
    assert "P01.S1" in review.pending()
    assert review.pending_fields("P01.S1") == ["explain_speaker"]
    assert load_key(drafted.with_suffix(".key.csv")).value("P01.S1", "explain_speaker").startswith(DRAFT_PREFIX)


@pytest.mark.parametrize("field", EXPLAIN_FIELDS)
def test_does_each_question_explanation_keep_a_row_pending_until_written(drafted: Path, field: str) -> None:
    review = review_draft(drafted)
    for other in EXPLAIN_FIELDS:
        if other != field:
            review.set(other, f"Written: {other}.")
    assert review.pending_fields("P01.S1") == [field]
    review.save_button.click()
    assert "Not saved" in review.status.value
    review.set(field, f"Written: {field}.")
    assert "P01.S1" not in review.pending()
    saved = load_key(drafted.with_suffix(".key.csv"))
    assert saved.value("P01.S1", field) == f"Written: {field}."


def test_does_the_review_edit_each_new_key_column(drafted: Path) -> None:
    review = review_draft(drafted)
    review.show("P02.S1")
    review.set("claim_type_also", ("opinion",))
    review.set("techniques_also", ("loaded language",))
    review.set("explain_claim_type", "A prediction: she 'expected'; opinion also fits.")
    saved = load_key(drafted.with_suffix(".key.csv"))
    assert saved.value("P02.S1", "claim_type_also") == "opinion"
    assert saved.value("P02.S1", "techniques_also") == "loaded language"
    assert saved.explanation("P02.S1", "claim_type") == "A prediction: she 'expected'; opinion also fits."
    assert saved.value("P02.S1", "rule") == review.inputs["rule"].value == "R3"


def test_does_changing_the_category_move_the_rule_so_the_draft_stays_valid(drafted: Path) -> None:
    review = review_draft(drafted)
    review.show("P02.S1")  # an official paraphrased: R3
    review.set("also_acceptable", ())
    assert review.inputs["rule"].value == "R2"  # official statement alone is what R2 gives
    review.set("category", "expert opinion")
    assert review.inputs["rule"].value == "R5"
    review.set("rule", "R3")  # choosing a rule applies its labels
    assert review.inputs["category"].value == "official statement"
    assert review.inputs["also_acceptable"].value == ("reporting",)
    assert validate_key(drafted.with_suffix(".key.csv")) == []
    assert load_key(drafted.with_suffix(".key.csv")).value("P02.S1", "rule") == "R3"


def test_does_save_as_reviewed_write_a_key_that_validate_accepts(drafted: Path) -> None:
    review = review_draft(drafted)
    review.show("P02.S1")
    review.set("claim_type", "opinion")
    review.set("speaker", NARRATION_SPEAKER)
    review.set("speaker", "Ana Ruiz")
    explain_all(review)
    review.save_button.click()
    key_path = drafted.with_suffix(".key.csv")
    assert "Saved as reviewed" in review.status.value and "✔" in review.status.value
    assert validate_key(key_path) == []
    key = load_key(key_path)
    assert key.reviewed is True
    assert set(key.table["reviewed"]) == {"yes"}
    assert key.value("P02.S1", "claim_type") == "opinion"
    assert not any(path.name.startswith(".") for path in drafted.parent.iterdir()), "no temporary file is left"


def test_does_choosing_an_also_acceptable_category_as_the_category_keep_the_key_valid(drafted: Path) -> None:
    review = review_draft(drafted)
    review.show("P02.S2")
    assert "state-media framing" in review.inputs["also_acceptable"].value
    review.set("category", "state-media framing")
    assert "state-media framing" not in review.inputs["also_acceptable"].value
    assert review.inputs["rule"].value == "R6"  # the first rule whose labels these are: a state outlet's own wording
    assert validate_key(drafted.with_suffix(".key.csv")) == []


def test_is_a_narration_speaker_typed_as_its_display_label_stored_empty(drafted: Path) -> None:
    review = review_draft(drafted)
    review.set("speaker", NARRATION_SPEAKER)
    assert load_key(drafted.with_suffix(".key.csv")).value("P01.S1", "speaker") == ""


def test_can_the_reviewed_key_go_to_another_file(drafted: Path, tmp_path: Path) -> None:
    out = tmp_path / "reviewed.key.csv"
    review = review_draft(drafted, drafted.with_suffix(".key.csv"), out=out)
    explain_all(review)
    assert review.save_reviewed() == out
    assert load_key(out, review.article).reviewed is True
    assert load_key(drafted.with_suffix(".key.csv")).reviewed is False


def test_is_every_control_a_labelled_keyboard_operable_widget(drafted: Path) -> None:
    review = review_draft(drafted)
    for name, widget in review.inputs.items():
        assert isinstance(widget, (ipywidgets.Text, ipywidgets.Textarea, ipywidgets.Dropdown, ipywidgets.SelectMultiple)), name
        assert widget.description and widget.tooltip
    for button in (review.previous_button, review.next_button, review.next_draft_button, review.save_button):
        assert isinstance(button, ipywidgets.Button) and button.description and button.tooltip
    assert all(label.startswith(("✔ ", "✎ ")) for label, _ in review.jump.options)


def test_does_review_draft_say_how_to_make_a_missing_draft(tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    shutil.copy(PRACTICE, article)
    with pytest.raises(MediaLitError, match="python -m medialit draft"):
        review_draft(article)


def test_does_review_draft_refuse_a_draft_of_another_article(drafted: Path) -> None:
    other = drafted.with_name("other.key.csv")
    write_key(draft_key(REPO / "seeds" / "lavrov-pompeo-sochi-2019.txt"), other)
    with pytest.raises(MediaLitError, match="other.key.csv"):
        review_draft(drafted, other)
