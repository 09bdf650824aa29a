"""Do names, titles and forms of address become the right speaker (and role) in the draft key?

Made-up sentences for the constructions of issue 15's name rules: abbreviated titles, party words, forms of
address, initials, patronymics, "and" inside a title's organisation, titles in capitals after a name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.text.mentions import short_forms, split_title
from tests.drafting import drafted



@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        ('"The ice is thin," said Prof. Hanna Lindqvist, a glaciologist.', "Hanna Lindqvist", "expert"),
        ('"The ice is thin," said Prof. Hanna Lindqvist of the Polar Institute.', "Hanna Lindqvist", "expert"),
        ('"It will hold," said Gen. Tomas Brek, who leads the rescue service.', "Tomas Brek", "official"),
        ('"It will hold," Sen. Ada Morrow told reporters.', "Ada Morrow", "official"),
        ("Col. Liam Hart said the road would reopen.", "Liam Hart", "official"),
        ("The road will reopen, said Adm. Ola Fenn.", "Ola Fenn", "official"),
    ],
    ids=["prof-aside", "prof-of-body", "gen", "sen", "col", "adm"],
)
def test_does_an_abbreviated_title_stay_out_of_the_name_and_give_the_role(tmp_path: Path, sentence: str, speaker: str, role: str) -> None:
    key = drafted(tmp_path, f"The work ended on Monday.\n{sentence}")
    assert key.loc["P02.S1", "speaker"] == speaker
    assert key.loc["P02.S1", "speaker_role"] == role


@pytest.mark.parametrize(
    "opening",
    ["Democrat Jo Anne Pellegrini", "Republican Jo Anne Pellegrini", "Libertarian Jo Anne Pellegrini",
     "Democratic Sen. Jo Anne Pellegrini"],
    ids=["democrat", "republican", "libertarian", "democratic-sen"],
)
def test_is_a_party_word_before_a_name_a_title(tmp_path: Path, opening: str) -> None:
    key = drafted(tmp_path, f"The recount ended on Monday.\n{opening} said the count was fair.\nPellegrini said she would run again.")
    assert key.loc["P02.S1", "speaker"] == "Jo Anne Pellegrini"
    assert key.loc["P03.S1", "speaker"] == "Jo Anne Pellegrini"
    assert key.loc["P03.S1", "channel"] == "paraphrase"


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Deputy Governor of the Lusk Region for Energy", "Irina Pavlovna Zorina"),
        ("Head of the Office of Energy", "Pyotr Ilyich Brandt"),
        ("Minister of State for Ports", "Khalid bin Ahmed Al Nouri"),
        ("Minister of Trade", "Jan Kowal"),
    ],
    ids=["patronymic-ovna", "patronymic-ich", "bin-chain", "two-words"],
)
def test_does_a_name_after_a_titles_organisation_keep_its_fathers_name(tmp_path: Path, title: str, name: str) -> None:
    key = drafted(tmp_path, f"The airline failed.\n{title} {name} told reporters the routes would be sold.\nThe sale will follow.")
    assert key.loc["P02.S1", "speaker"] == name
    assert key.loc["P02.S1", "speaker_role"] == "official"


@pytest.mark.parametrize(
    "title",
    ["Velmar Minister of Trade and Industry", "Minister for Transport and Communications", "Secretary of Culture and Sport"],
    ids=["of-and", "for-and", "secretary"],
)
def test_does_and_inside_a_titles_organisation_stay_in_the_title(tmp_path: Path, title: str) -> None:
    key = drafted(tmp_path, f"The line opened.\n{title} Oskar Lund told reporters the line would carry goods.\nHe added that trains would run.")
    assert key.loc["P02.S1", "speaker"] == "Oskar Lund"
    assert key.loc["P03.S1", "speaker"] == "Oskar Lund"
    assert key.loc["P02.S1", "speaker_role"] == "official"


@pytest.mark.parametrize(
    ("address", "later"),
    [("His Excellency Sheikh", "H.E. Sheikh Khalid"), ("His Highness Sheikh", "H.H. Sheikh Khalid"), ("Sheikh", "Sheikh Khalid")],
    ids=["excellency", "highness", "sheikh"],
)
def test_are_forms_of_address_titles_and_the_given_name_resolves(tmp_path: Path, address: str, later: str) -> None:
    text = (f"Trade rose.\n{address} Khalid bin Saeed Al Nouri, Chairman of the Port Authority, said trade rose by a fifth.\n"
            f'"We are growing," {later} said.')
    key = drafted(tmp_path, text)
    assert key.loc["P02.S1", "speaker"] == "Khalid bin Saeed Al Nouri"
    assert key.loc["P02.S1", "channel"] == "paraphrase"
    assert key.loc["P03.S1", "speaker"] == "Khalid bin Saeed Al Nouri"


@pytest.mark.parametrize("name", ["S.V. Ramalingam", "K. Ramalingam", "T.R.S. Ramalingam"], ids=["two", "one", "three"])
def test_do_initials_before_a_one_word_name_make_a_person(tmp_path: Path, name: str) -> None:
    text = f'"The walls are cracking," said {name}, Commissioner of Museums.\nMr. Ramalingam told reporters the work would start soon.'
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == name
    assert key.loc["P01.S1", "speaker_role"] == "official"
    assert key.loc["P02.S1", "speaker"] == name


@pytest.mark.parametrize(
    "apposition",
    ["Director-General of the Trade Authority", "Second Vice-Chairman of the chamber", "Asia-Pacific director of Norr Biologics",
     "Commissioner of Ports"],
    ids=["director-general", "vice-chairman", "lower-case-title", "commissioner"],
)
def test_is_a_capitalised_title_after_a_name_an_aside(tmp_path: Path, apposition: str) -> None:
    key = drafted(tmp_path, f"Trade rose.\nAmira Saleh Haddad, {apposition}, said small firms had gained most.")
    assert key.loc["P02.S1", "speaker"] == "Amira Saleh Haddad"
    assert key.loc["P02.S1", "channel"] == "paraphrase"


@pytest.mark.parametrize(
    ("first", "later", "full"),
    [
        ("Foreign Minister Datuk Seri Azman Hashim Yusof", "Azman Hashim", "Azman Hashim Yusof"),
        ("Foreign Minister Tan Sri Azman Hashim Yusof", "Azman Hashim", "Azman Hashim Yusof"),
        ("Prof Dr Siti Aminah binti Omar Rashid", "Siti Aminah", "Siti Aminah binti Omar Rashid"),
        ("Economist Lee Ji-hoon", "Lee", "Lee Ji-hoon"),
        ("Economist Prof. Enrico dei Bardi", "Dei Bardi", "Enrico dei Bardi"),
        ("Economist María José Ibarra de los Santos", "Ibarra de los Santos", "María José Ibarra de los Santos"),
    ],
    ids=["datuk-seri", "tan-sri", "binti", "korean-surname", "dei", "de-los"],
)
def test_are_honorifics_particles_and_given_names_resolved(tmp_path: Path, first: str, later: str, full: str) -> None:
    key = drafted(tmp_path, f"Talks resumed.\n{first} said talks would resume.\n\"We are ready,\" {later} told reporters.")
    assert key.loc["P02.S1", "speaker"] == full
    assert key.loc["P03.S1", "speaker"] == full


def test_does_an_officer_title_stay_out_of_the_name(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Sales fell.\nChief Operating Officer Marta Selby said sales fell.\nSelby added that costs rose.")
    assert key.loc["P02.S1", "speaker"] == "Marta Selby"
    assert key.loc["P03.S1", "speaker"] == "Marta Selby"


def test_do_split_title_and_short_forms_handle_the_new_constructions() -> None:
    assert split_title("Republican Gov. Ellis Varn")[:2] == ("Republican Gov.", "Ellis Varn")
    assert split_title("H.H. Sheikh Mansour")[:2] == ("H.H. Sheikh", "Mansour")
    assert split_title("Chief Financial Officer Ana Roe")[1] == "Ana Roe"
    assert "Ahmad Faizal" in short_forms("Ahmad Faizal Rahman")
    assert "Nurul Ain" in short_forms("Nurul Ain binti Mohd Yusof")


@pytest.mark.parametrize(
    ("later", "sentence_id"),
    [("According to An, farmers switched crops.", "P03.S1"), ('"Prices are good," An said.', "P03.S1")],
    ids=["according-to", "quote-cue"],
)
def test_does_a_given_name_that_is_also_a_common_word_resolve(tmp_path: Path, later: str, sentence_id: str) -> None:
    key = drafted(tmp_path, f"Trade rose.\nNguyễn Văn An, chairman of the rice association, said contracts rose.\n{later}")
    assert key.loc[sentence_id, "speaker"] == "Nguyễn Văn An"


def test_does_a_titled_apposition_ending_in_a_company_name_stay_an_aside(tmp_path: Path) -> None:
    text = "Doses arrived.\nPark Ji-hoon, Asia-Pacific director of the Seoul-based vaccine maker Norr Biologics, said more would come."
    assert drafted(tmp_path, text).loc["P02.S1", "speaker"] == "Park Ji-hoon"


@pytest.mark.parametrize(
    ("description", "role"),
    [("Its general director, Pavel Ivanovich Lunin,", ""), ("Attorney General Maria Stone", "official"),
     ("Maria Stone, a fund manager at Vest Kapital,", "expert"), ("Maria Stone, the firm's chief engineer,", "")],
    ids=["general-director", "attorney-general", "fund-manager", "chief-engineer"],
)
def test_do_compound_titles_give_their_own_role(tmp_path: Path, description: str, role: str) -> None:
    key = drafted(tmp_path, f"Sales fell.\n{description} said the firm would appeal.")
    assert key.loc["P02.S1", "speaker_role"] == role


@pytest.mark.parametrize(
    ("first", "later", "full"),
    [("Mrs Justice Okafor-Lind", "Okafor-Lind", "Mrs Justice Okafor-Lind"),
     ("Foreign Minister Faisal al-Mutairi", "Al-Mutairi", "Faisal al-Mutairi"),
     ("Mayor Kovács Eszter", "Kovács", "Kovács Eszter"),
     ("Trade official Trần Thị Mai", "Mai", "Trần Thị Mai"),
     ("Analyst Mary Smith-Jones", "Smith-Jones", "Mary Smith-Jones")],
    ids=["mrs-justice", "al-", "hungarian", "vietnamese", "hyphenated"],
)
def test_are_later_mentions_of_names_from_other_traditions_resolved(tmp_path: Path, first: str, later: str, full: str) -> None:
    key = drafted(tmp_path, f"Talks ended.\n{first} said talks would resume.\n{later} added that a deal was near.")
    assert key.loc["P02.S1", "speaker"] == full
    assert key.loc["P03.S1", "speaker"] == full


@pytest.mark.parametrize(
    ("text", "sentence_id"),
    [("The Velm Provincial Health Office has vaccinated 20,000 children, head of the office Rina Sari said on Tuesday.", "P01.S1"),
     ("Trade rose.\nThe Velm Port Authority said trade rose.\nLina Haddad, director of the authority, said ships would come.", "P03.S1")],
    ids=["head-of-the-office", "director-of-the-authority"],
)
def test_does_a_title_of_a_body_named_before_give_the_bodys_role(tmp_path: Path, text: str, sentence_id: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc[sentence_id, "speaker_role"] == "official"


def test_does_a_title_before_a_body_stay_out_of_the_bodys_name(tmp_path: Path) -> None:
    text = "Trade rose.\nOmar Haddad, Chairman of the Velm Port Authority, said trade rose.\nThe authority said more ships would come."
    key = drafted(tmp_path, text)
    assert key.loc["P02.S1", "speaker"] == "Omar Haddad"
    assert key.loc["P03.S1", "speaker"] == "Velm Port Authority"


def test_does_an_inverted_cue_take_a_title_with_and_before_the_name(tmp_path: Path) -> None:
    key = drafted(tmp_path, 'Talks ended.\n"We are ready," said Minister of Finance and Planning Jo Kim.\nKim added that talks would resume.')
    assert key.loc["P02.S1", "speaker"] == "Jo Kim"
    assert key.loc["P02.S1", "channel"] == "direct quote"


def test_a_parliament_speakers_title_is_not_part_of_the_name(tmp_path: Path) -> None:
    text = "The assembly passed the budget, National Assembly Speaker Karim Saleh Al-Fahad announced."
    assert drafted(tmp_path, text).loc["P01.S1", "speaker"] == "Karim Saleh Al-Fahad"


@pytest.mark.parametrize(("title", "preposition"), [("Marine scientist Dr", "from"), ("Hydrologist", "from"), ("Hydrologist", "at")])
def test_is_a_person_from_a_university_the_speaker_not_the_university(tmp_path: Path, title: str, preposition: str) -> None:
    text = f"The lake was closed on Monday. {title} Greta Vollmer {preposition} Alderney University says the algae will return."
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Greta Vollmer"
    assert key.loc["P01.S2", "speaker_role"] == "expert"


@pytest.mark.parametrize(("later", "speaker"), [("Ms Tan", "Tan Soo Keng"), ("She", "Soo Keng")])
def test_does_a_later_form_of_address_keep_a_surname_first_name_after_a_portfolio(tmp_path: Path, later: str,
                                                                                     speaker: str) -> None:
    text = ("A market in Serangoon Vale will close for a year. Parliamentary Secretary for Housing Tan Soo Keng said the works "
            f"were overdue. {later} added that stallholders would be helped.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == speaker
    assert key.loc["P01.S3", "speaker"] == speaker
    assert key.loc["P01.S2", "speaker_role"] == "official"


def test_does_she_skip_a_man_named_harold_to_the_woman_before_him(tmp_path: Path) -> None:
    text = ("Mirela Ostrovsky-Dunn, a councillor who opposed the plan, said rents would rise. Harold Vance-Mbeki, who "
            "backed it, declined to comment. \"Families will leave,\" she said.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S3", "speaker"] == "Mirela Ostrovsky-Dunn"


def test_does_an_apposition_before_a_colon_give_the_title_of_an_inverted_speaker(tmp_path: Path) -> None:
    text = 'Said Marcus Telford-Ahn, a senior retail analyst at Brindle Research: "Shoppers are tired."'
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Marcus Telford-Ahn"
    assert key.loc["P01.S1", "speaker_role"] == "expert"
    assert key.loc["P01.S1", "category"] == "expert opinion"


def test_does_a_long_title_split_by_and_before_of_the_region_keep_the_name(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The depot opened on Monday.\nDeputy Minister of Roads and Public Works of the Varna Oblast "
                            "Lidia Sorokina said traffic would fall.\n\"We waited long enough,\" she said.")
    assert key.loc["P02.S1", "speaker"] == "Lidia Sorokina"
    assert key.loc["P02.S1", "speaker_role"] == "official"
    assert key.loc["P03.S1", "speaker"] == "Lidia Sorokina"


@pytest.mark.parametrize(
    "described",
    ["Market analyst Teodor Brask, a former deputy head of the national trade ministry,",
     "Policy analyst Teodor Brask, a former judge of the district court,"],
    ids=["former-deputy-head", "former-judge"],
)
def test_is_an_analyst_who_held_an_office_a_former_official(tmp_path: Path, described: str) -> None:
    key = drafted(tmp_path, f"The tariffs rose on Monday.\n{described} said the change came too late.\nBrask expects a review.")
    assert key.loc["P02.S1", "speaker"] == "Teodor Brask"
    assert key.loc["P02.S1", "speaker_role"] == "former official"
    assert key.loc["P02.S1", "category"] == "expert opinion"
    assert key.loc["P03.S1", "speaker_role"] == "former official"


def test_is_an_academician_an_expert_with_the_title_out_of_the_name(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The grant went to a young team.\nTheir mentor, Academician Rostislav Pekar, noted that the "
                            "lab was small.\n\"They took the hardest road,\" he said.")
    assert key.loc["P02.S1", "speaker"] == "Rostislav Pekar"
    assert key.loc["P02.S1", "speaker_role"] == "expert"
    assert key.loc["P03.S1", "category"] == "expert opinion"


def test_does_a_shop_near_a_museum_leave_its_owners_role_unknown(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The gallery reopened on Friday.\nOrhan Tekin, who runs a tea house on the square facing the "
                            "museum, said trade had picked up.")
    assert key.loc["P02.S1", "speaker"] == "Orhan Tekin"
    assert key.loc["P02.S1", "speaker_role"] == ""
    assert key.loc["P02.S1", "category"] == "reporting"


def test_is_a_former_office_before_who_now_teaches_a_former_official(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The bins will be emptied less often.\nLena Markvik, a former transport commissioner who now "
                            "teaches planning at Osterby University, warned that the change would backfire.")
    assert key.loc["P02.S1", "speaker"] == "Lena Markvik"
    assert key.loc["P02.S1", "speaker_role"] == "former official"
    assert key.loc["P02.S1", "category"] == "expert opinion"
