"""Round-9 draft rules (the twenty-ninth and thirtieth tuning batches, 2026-12-03): a US dateline's state
abbreviation, a temperature's unit before a new sentence, a candidate's description at a sentence's start, the first
of two Spanish surnames, a time between a subject and its verb, a body named with its head noun in lower case, "He
added" after an unnamed source's relay, and a person named after a body and a role in an inverted cue.

Every sentence here is made up for the test; none is copied from the tuning or held-out articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.text.article import split_sentences
from tests.drafting import drafted


@pytest.mark.parametrize(
    "dateline",
    ["BRANWICK, Ore. (AP) —", "LAS VEGAS, Nev. (AP) —", "ALBANY, N.Y. (AP) —"],
)
def test_is_a_us_datelines_state_abbreviation_part_of_the_first_sentence(dateline: str) -> None:
    text = f"{dateline} The council voted 5-2 on Monday to raise rates. It was late."
    assert [sentence.text for sentence in split_sentences(text)] == [
        f"{dateline} The council voted 5-2 on Monday to raise rates.", "It was late."]


def test_does_a_sentence_end_after_a_temperatures_unit() -> None:
    text = "The water was hotter than 300 C. She added that the field was new."
    assert [sentence.text for sentence in split_sentences(text)] == [
        "The water was hotter than 300 C.", "She added that the field was new."]


def test_does_a_letter_after_a_number_before_a_lower_case_word_end_no_sentence() -> None:
    assert len(split_sentences("Flat 3 C. was empty on Monday.")) == 1


@pytest.mark.parametrize("word", ["Challenger", "Incumbent", "Candidate"])
def test_is_a_candidates_description_at_a_sentences_start_no_part_of_the_name(tmp_path: Path, word: str) -> None:
    key = drafted(tmp_path, f"{word} Oksana Drevna, an opposition lawmaker, insisted she had won.")
    assert key.loc["P01.S1", "speaker"] == "Oksana Drevna"


def test_is_the_first_of_two_spanish_surnames_a_later_short_form(tmp_path: Path) -> None:
    text = ("Jorge Andrés de la Peña Soto, a historian, spoke on Monday. "
            "De la Peña told EFE that the sales were legal.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Jorge Andrés de la Peña Soto"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Varnagar, Dec 1 (PTI) The Varnagar government on Tuesday announced relief for farmers.", "Varnagar government"),
        ("The Finance Ministry late on Sunday said the budget was balanced.", "Finance Ministry"),
        ("Ana Ruiz on Dec. 1 told reporters the budget was balanced.", "Ana Ruiz"),
        ("The ministry last week said the budget was balanced.", "ministry"),
    ],
    ids=["pti-dateline", "late-on-sunday", "on-a-date", "last-week"],
)
def test_does_a_time_between_the_subject_and_its_verb_leave_the_subject(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == speaker


def test_do_the_judges_refer_back_to_a_court_named_with_its_head_noun_in_lower_case(tmp_path: Path) -> None:
    text = ("The Belmonte commercial court found that the firm had known of the risks. "
            '"The firm chose its sales over the evidence," the judges wrote.')
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Belmonte commercial court"


def test_does_he_added_go_on_with_an_unnamed_sources_relay(tmp_path: Path) -> None:
    text = ("An official of the bureau told Yonhap that building work had stopped. "
            "He added that new hearings would be held.")
    key = drafted(tmp_path, text)
    assert (key.loc["P01.S2", "speaker"], key.loc["P01.S2", "channel"]) == ("Yonhap", "relayed")


def test_is_the_person_after_a_body_and_a_role_the_speaker_of_an_inverted_cue(tmp_path: Path) -> None:
    text = ('Hockey Nordmar suspended the board on Monday. "Children come first," said Hockey Nordmar executive '
            "director Colette Marchand.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Colette Marchand"
