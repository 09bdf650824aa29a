"""Round-6 draft rules (t22): bodies named in lower case (a local government's department, a body of government
named by its field alone, a prefectural board, a place's federation), titles before a name (a councilman, a
priest), places after "the city of", and former heads of a body of government.

Every sentence here is made up for the test; none is copied from the tuning or held-out articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.drafting import drafted


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The town's water department said the pipes would be replaced. It added that the work would take a month.",
         "town's water department"),
        ("The county's roads department rejected the estimate. It said the bridge was safe.", "county's roads department"),
    ],
    ids=["town", "county"],
)
def test_does_a_local_governments_department_keep_its_owner(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, text)
    for sentence in ("P01.S1", "P01.S2"):
        assert (key.loc[sentence, "speaker"], key.loc[sentence, "speaker_role"]) == (speaker, "official")


def test_does_the_country_still_drop_from_a_lower_case_body(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The country's weather service said the storm would weaken.")
    assert key.loc["P01.S1", "speaker"] == "weather service"


@pytest.mark.parametrize(
    ("text", "sentence", "speaker"),
    [
        ("Ferries will run again on Monday, the transport ministry said.\n\nThe ministry said the port was safe.",
         "P02.S1", "transport ministry"),
        ("Two clinics have shut, according to the regional water authority.\n\nThe authority said it would test wells.",
         "P02.S1", "regional water authority"),
    ],
    ids=["ministry", "regional-authority"],
)
def test_does_the_head_noun_refer_back_to_a_body_named_by_its_field(tmp_path: Path, text: str, sentence: str,
                                                                     speaker: str) -> None:
    key = drafted(tmp_path, text)
    assert (key.loc[sentence, "speaker"], key.loc[sentence, "speaker_role"]) == (speaker, "official")


def test_is_the_head_of_a_body_named_by_its_field_an_official(tmp_path: Path) -> None:
    text = ("Wells were tested, according to the regional water authority.\n\n"
            "\"We found no lead,\" its director, Oriana Feldspar-Lunde, told Reuters.")
    assert drafted(tmp_path, text).loc["P02.S1", "speaker_role"] == "official"


def test_does_a_prefectural_board_of_a_place_speak_and_refer_back(tmp_path: Path) -> None:
    text = ("The Kaminoro prefectural board of education will shorten the school year, the board said Monday. "
            "The board said teachers would be consulted.")
    key = drafted(tmp_path, text)
    for sentence in ("P01.S1", "P01.S2"):
        assert key.loc[sentence, "speaker"] == "Kaminoro prefectural board of education"
        assert key.loc[sentence, "speaker_role"] == "official"


def test_does_a_places_federation_named_in_lower_case_speak(tmp_path: Path) -> None:
    text = "Veltrana's rowing federation will move its regatta to May, the federation said on Monday."
    row = drafted(tmp_path, text).loc["P01.S1"]
    assert (row["speaker"], row["speaker_role"], row["category"]) == ("Veltrana's rowing federation", "", "reporting")


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("Councilwoman Greta Halloran-Fisk said the vote would be repeated.", "Greta Halloran-Fisk", "official"),
        ("Father Tobiah Marrenholt, the parish priest, said the hall would stay open.", "Tobiah Marrenholt", ""),
        ("Former city manager Osric Pellworth said the budget was too tight.", "Osric Pellworth", "former official"),
        ("Former city housing chief Maren Solvik argued that rents would rise.", "Maren Solvik", "former official"),
    ],
    ids=["councilwoman", "father", "former-city-manager", "former-city-chief"],
)
def test_do_titles_before_a_name_stay_out_of_it_and_give_the_role(tmp_path: Path, text: str, speaker: str, role: str) -> None:
    row = drafted(tmp_path, text).loc["P01.S1"]
    assert (row["speaker"], row["speaker_role"]) == (speaker, role)


def test_is_a_place_after_the_city_of_no_person_for_a_later_pronoun(tmp_path: Path) -> None:
    text = ("\"We are not moving,\" school head Ilse Vandermolen said.\n\n"
            "The firm, based in the city of Marta Vale, added that it would appeal.\n\n"
            "The school was never warned, she said.")
    assert drafted(tmp_path, text).loc["P03.S1", "speaker"] == "Ilse Vandermolen"


def test_is_the_spokeswoman_of_a_group_with_no_head_noun_no_official(tmp_path: Path) -> None:
    text = ("The residents' campaign Uferwiese Bleibt, which opposes the car park, said it would sue. "
            "Its spokeswoman, Ilka Varnholt-Osei, told the daily Nordblatt that 500 people had signed.")
    row = drafted(tmp_path, text).loc["P01.S2"]
    assert (row["speaker"], row["speaker_role"], row["category"]) == ("Ilka Varnholt-Osei", "", "reporting")


def test_is_a_bar_council_no_body_of_government(tmp_path: Path) -> None:
    text = "The Dorvelle Bar Council said in a statement that the new fees were too high."
    row = drafted(tmp_path, text).loc["P01.S1"]
    assert (row["speaker"], row["category"]) == ("Dorvelle Bar Council", "reporting")


def test_does_its_after_a_one_word_company_name_that_company(tmp_path: Path) -> None:
    text = ("The Ports Agency ordered the state-owned operator Kessfjord to check its cranes.\n\n"
            "Kessfjord, which runs four harbours, said it would comply. "
            "Its chief operating officer, Tove Brennhaug, said the checks would take a week.")
    row = drafted(tmp_path, text).loc["P02.S2"]
    assert (row["speaker"], row["speaker_role"], row["category"]) == ("Tove Brennhaug", "", "reporting")


def test_is_a_one_word_name_after_a_comma_no_body_the_noun_describes(tmp_path: Path) -> None:
    text = ("Vantor Energy will delay its plant. In a filing with the stock exchange, Vantor said it would "
            "book a loss.")
    assert drafted(tmp_path, text).loc["P01.S2", "speaker"] == "Vantor Energy"


@pytest.mark.parametrize(
    "text",
    ["An OECD survey published last year found that nurses worked 50 hours a week.",
     "An OECD study released this month found that nurses worked 50 hours a week."],
    ids=["published-last-year", "released-this-month"],
)
def test_does_a_bodys_document_published_when_speak_for_the_body(tmp_path: Path, text: str) -> None:
    row = drafted(tmp_path, text).loc["P01.S1"]
    assert (row["speaker"], row["speaker_role"], row["channel"]) == ("OECD", "official", "paraphrase")


def test_does_a_body_that_apologised_speak(tmp_path: Path) -> None:
    text = "Velmar Ferries, which runs the island crossings, apologised to passengers for the delays."
    row = drafted(tmp_path, text).loc["P01.S1"]
    assert (row["speaker"], row["channel"], row["category"]) == ("Velmar Ferries", "paraphrase", "reporting")


@pytest.mark.parametrize(
    "text",
    ["Tax lawyers who follow the appeals court say the ruling could be overturned.",
     "Economists who study the islands say tourism will recover next year."],
    ids=["lawyers", "economists"],
)
def test_is_a_plural_source_with_a_who_clause_unnamed_but_speaking(tmp_path: Path, text: str) -> None:
    row = drafted(tmp_path, text).loc["P01.S1"]
    assert (row["speaker"], row["channel"], row["category"]) == ("", "paraphrase", "reporting")
