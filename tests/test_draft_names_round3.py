"""Do positions and occupations written before a name, and words that open a sentence, stay out of the speaker?

Made-up sentences (issue 15, round 3): sports, entertainment and trade positions before a name ("Striker X",
"Coach X"), ranks and local offices ("Lieutenant Commander X", "Regent X"), scientists' fields ("Marine acoustician
X"), abbreviated forms of address that syntok took for a sentence's end ("Atty.", "Engr.", "Assoc. Prof."), and a
preposition or adverb opening the sentence ("For X, 41, ...", "Normally X ...").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.text.article import split_sentences
from tests.drafting import drafted



@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        ("Striker Tomasz Brell said the team had let the fans down.", "Tomasz Brell", ""),
        ("Coach Ilse Marrow told reporters the squad was too thin.", "Ilse Marrow", ""),
        ("Agent Dario Lune confirmed the deal to the newspaper.", "Dario Lune", ""),
        ("Shopkeeper Amina Yusuf said prices had doubled.", "Amina Yusuf", ""),
        ("Lieutenant Commander Petros Alexiou said the boat had been towed to port.", "Petros Alexiou", "official"),
        ("Korvale Regent Budi Santoso said the ban would start in March.", "Budi Santoso", "official"),
        ("Marine acoustician Lena Vos said the recordings were clear.", "Lena Vos", "expert"),
        ("Atty. Rosa M. Lim, the city's legal officer, said the permit was void.", "Rosa M. Lim", "official"),
        ("Assoc. Prof. Jana Petrova said the cave was stable.", "Jana Petrova", "expert"),
    ],
    ids=["striker", "coach", "agent", "shopkeeper", "lieutenant-commander", "regent", "acoustician", "atty", "assoc-prof"],
)
def test_does_a_position_before_a_name_stay_out_of_the_speaker(tmp_path: Path, sentence: str, speaker: str, role: str) -> None:
    key = drafted(tmp_path, f"The season ended on Sunday.\n{sentence}")
    assert key.loc["P02.S1", "speaker"] == speaker
    assert key.loc["P02.S1", "speaker_role"] == role


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("For Daniel Orrin, 41, the new flat changed everything.\n\"My kids have their own rooms,\" Orrin said.", "Daniel Orrin"),
        ("Normally Fenlea would send two observers.\nFenlea said it would send four this time.", "Fenlea"),
    ],
    ids=["for-name", "normally-name"],
)
def test_does_a_word_opening_the_sentence_stay_out_of_the_name(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, f"The vote was held on Sunday.\n{text}")
    assert key.loc["P03.S1", "speaker"] == speaker


def test_is_a_gaelic_surname_with_mac_resolved_to_the_full_name(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The board met on Monday.\nCiarán Mac Giolla Bhríde, a lawyer, said the vote was void.\n"
                            "Mac Giolla Bhríde added that the case would go to court.")
    assert key.loc["P03.S1", "speaker"] == "Ciarán Mac Giolla Bhríde"


def test_is_eng_without_a_full_stop_a_title(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The dam is low.\nThe utility's director, Eng Neema Swai, said rationing would start.\n"
                            "\"We have no choice,\" said Eng Swai.")
    assert key.loc["P03.S1", "speaker"] == "Neema Swai"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Her counsel, Imran Adeyemi-Holt KC, told the panel that the files were lost.", "Imran Adeyemi-Holt"),
        ('Star guard Tavon "Tay" Mercer said he was staying.\n"I am not going anywhere," Mercer told reporters.',
         "Tavon Mercer"),
        ("Head of the Water Agency Rauf Elchin oglu Gasimov said the canal was ready.\n\"Farmers waited ten days,\" "
         "Gasimov said.", "Rauf Elchin oglu Gasimov"),
    ],
    ids=["kc-after-name", "nickname-in-quotes", "turkic-patronymic"],
)
def test_is_the_full_name_kept_without_letters_or_a_nickname(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, f"The hearing opened on Monday.\n{text}")
    assert set(key.loc[key.index != "P01.S1", "speaker"]) == {speaker}


def test_is_a_person_after_a_title_of_a_body_not_taken_for_the_body(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The school is closed.\nThe chairperson of the school governing body, Anke van Rooyen, said "
                            "attendance had dropped.\nVan Rooyen added that parents had not been asked.")
    assert list(key["speaker"]) == ["", "Anke van Rooyen", "Anke van Rooyen"]


def test_is_a_nigerian_police_rank_a_title(tmp_path: Path) -> None:
    key = drafted(tmp_path, "A market burned on Monday.\nThe police spokesman, SP Tunde Alabi, confirmed the fire.\n"
                            "\"Our men arrived within 30 minutes,\" Alabi said.")
    assert list(key["speaker"]) == ["", "Tunde Alabi", "Tunde Alabi"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Head of the forecasting laboratory at the Orlov Institute of Power Systems Irina Petrovna Zueva told "
         "reporters that demand would grow.\n\"It will grow,\" she said.", "Irina Petrovna Zueva"),
        ("He Jianguo, deputy director of the provincial commission, said the line would help.\n"
         "He added that a terminal would open next year.", "He Jianguo"),
    ],
    ids=["patronymic-after-an-organisation", "surname-he"],
)
def test_is_a_russian_or_chinese_name_kept_whole(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, f"The plan was approved on Monday.\n{text}")
    assert set(key.loc[key.index != "P01.S1", "speaker"]) == {speaker}


def test_is_a_dateline_with_a_region_in_slashes_part_of_the_first_sentence() -> None:
    first = "ORLOVSK /Amur Region/, June 5. /TASS/. A rocket was launched, the agency said."
    assert [sentence.text for sentence in split_sentences(first + "\n\nIt went well.")] == [first, "It went well."]


def test_has_not_announced_is_no_attribution(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The launch went well.\nThe Space Agency has not announced the dates of the next launches.")
    assert key.loc["P02.S1", "speaker"] == ""


def test_is_a_place_possessive_left_off_a_formal_name_but_kept_on_a_short_one(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Talks ended on Monday.\nOstrania's Department of Foreign Affairs and Trade said it welcomed "
                            "the deal.\nVelmar's Interior Ministry said it would send officials.")
    assert list(key["speaker"])[1:] == ["Department of Foreign Affairs and Trade", "Velmar's Interior Ministry"]


def test_does_every_refusing_phrase_hold_a_quick_test_mark() -> None:
    from medialit.draft.patterns import REFUSAL_MARKS
    from medialit.text.words import rows

    phrases = [row[0] for row in rows("refusals") if row[1] == "before"]
    assert phrases and all(any(mark in phrase for mark in REFUSAL_MARKS) for phrase in phrases)


def test_is_one_word_with_an_age_after_it_a_person(tmp_path: Path) -> None:
    text = ('"We are sleeping on cardboard," said Yusuf, a 34-year-old from the city of Qasr Amin, who gave only his '
            "first name. He said he had paid smugglers 3,000 euros.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Yusuf" and key.loc["P01.S2", "speaker"] == "Yusuf"


def test_are_capitalised_words_after_the_no_person(tmp_path: Path) -> None:
    text = ("Selin Aydemir, whose drama was a favourite for the top prize, the Golden Heron, was the first to withdraw. "
            '"I will not compete," she told AFP.')
    assert drafted(tmp_path, text).loc["P01.S2", "speaker"] == "Selin Aydemir"


def test_is_the_place_a_title_is_to_no_part_of_the_name(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Kuwait's Ambassador to Serenia Faisal Al-Mansour affirmed that the aid would go on. He noted "
                            "that 47 projects were built.")
    assert key.loc["P01.S1", "speaker"] == "Faisal Al-Mansour"
    assert key.loc["P01.S1", "speaker_role"] == "official"
    assert key.loc["P01.S2", "speaker"] == "Faisal Al-Mansour"


def test_is_an_irish_td_a_title_of_office(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Independent TD Maura Keaveney, who has campaigned for the greenway, said she was disappointed. "
                            "She said businesses had counted on the route.")
    assert key.loc["P01.S1", "speaker"] == "Maura Keaveney"
    assert key.loc["P01.S1", "speaker_role"] == "official"
    assert key.loc["P01.S2", "speaker"] == "Maura Keaveney"
