"""Organisations as speakers in the draft key (issue 15): bodies described by a noun and referred back to, bodies
without a head noun, references within a sentence, closing cue clauses, and the people an organisation's words
are not.

Every sentence here is made up for the test; none is copied from the tuning or held-out articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.drafting import drafted



@pytest.mark.parametrize(
    ("first", "later", "speaker"),
    [
        ("The Orlen Pension Authority, the nation's largest pension fund, bought bonds.", "The fund said it would buy more.",
         "Orlen Pension Authority"),
        ("The Markets Commission, the country's financial regulator, opened an inquiry.", "The regulator said it had found gaps.",
         "Markets Commission"),
        ("The environmental group Clear Rivers filed a complaint.", "The group has called for a ban.", "Clear Rivers"),
        ("Vanta Motors, the carmaker, cut its forecast.", "The company said sales had slowed.", "Vanta Motors"),
        ("The consultancy Ferrow Lind published a note.", "The firm predicted slower growth.", "Ferrow Lind"),
    ],
    ids=["fund", "regulator", "group-before-name", "company-after-maker", "firm-after-consultancy"],
)
def test_does_a_noun_that_described_a_body_refer_back_to_it(tmp_path: Path, first: str, later: str, speaker: str) -> None:
    key = drafted(tmp_path, f"{first} {later}")
    assert key.loc["P01.S2", "speaker"] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Trains will stop for a week, Northline Rail has said.", "Northline Rail"),
        ("Network Harbourside said the pier would reopen.", "Network Harbourside"),
        ("Fishermen in the port of Selvik have complained for years.", ""),
    ],
    ids=["unknown-name", "head-noun-first", "place-after-preposition-is-no-speaker"],
)
def test_is_a_name_with_no_head_noun_taken_as_written(tmp_path: Path, text: str, speaker: str) -> None:
    assert drafted(tmp_path, text).loc["P01.S1", "speaker"] == speaker


def test_does_a_reference_go_to_a_body_named_earlier_in_the_same_sentence(tmp_path: Path) -> None:
    text = ("The Commercial Court of the Varna Region has closed the case, the court's press service told TASS. "
            "\"The decision is final,\" the press service said.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Commercial Court of the Varna Region"
    assert key.loc["P01.S1", "channel"] == "relayed"
    assert key.loc["P01.S2", "speaker"] == "Commercial Court of the Varna Region"


def test_does_a_closing_cue_clause_decide_over_a_cue_verb_in_the_reported_words(tmp_path: Path) -> None:
    text = ("The ministry expects prices to fall next year, Trade Minister Ola Brenn said on Tuesday. "
            "The Selm regional government, which backs the project, said it had asked the company for dates.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Ola Brenn"
    assert "closing cue" in key.loc["P01.S1", "explain_speaker"]
    assert key.loc["P01.S2", "speaker"] == "Selm regional government"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Infrastructure and Transport Ministry closed the bridge. Cars may still cross, the ministry added.",
         "Infrastructure and Transport Ministry"),
        ("The International Federation of Farmers and Fishers (IFFF) met. Prices fell, according to the federation.",
         "International Federation of Farmers and Fishers"),
        ("Spain's weather agency MTX issued a warning. The agency warned of 44C.", "MTX"),
        ("The Chief Auditor's Office said costs had risen. Budgets were cut, the office added.", "Chief Auditor’s Office"),
    ],
    ids=["and-in-name", "head-before-of", "acronym-described", "owned-office-is-one-name"],
)
def test_are_organisations_found_with_and_of_acronyms_and_possessives(tmp_path: Path, text: str, speaker: str) -> None:
    assert drafted(tmp_path, text.replace("Auditor's", "Auditor’s")).loc["P01.S2", "speaker"] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Officials of the National Heritage Directorate said on Friday the murals were safe.", "National Heritage Directorate"),
        ("The Japan Snow Agency issued a warning. Agency officials are calling on people to stay inside.", "Japan Snow Agency"),
    ],
    ids=["officials-of", "agency-officials"],
)
def test_do_a_bodys_officials_speak_for_the_body(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, text)
    assert key["speaker"].iloc[-1] == speaker


def test_do_people_an_article_describes_stay_people(tmp_path: Path) -> None:
    text = ("Judge Ines Lindqvist, 58, opened the hearing. The 58-year-old denied any bias. "
            "\"We waited two years,\" said the nurse, Aleksandra Poll, 44. "
            "In a judgment on Friday, Mrs Justice Okafor-Lane said the plan was unlawful. "
            "Spokesman for the organisation Hamid Rezai told reporters the drill went well.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Ines Lindqvist"
    assert key.loc["P01.S3", "speaker"] == "Aleksandra Poll"
    assert key.loc["P01.S4", "speaker"] == "Mrs Justice Okafor-Lane"
    assert key.loc["P01.S5", "speaker"] == "Hamid Rezai"


def test_is_a_possessive_before_a_cue_word_a_noun(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Mayor Ana Brel met the governor. Brel's remarks came after a long meeting.")
    assert key.loc["P01.S2", "speaker"] == ""


def test_is_an_unnamed_source_who_did_not_wish_to_be_named_given_to_the_agency_told(tmp_path: Path) -> None:
    text = "A senior official of the state farm department, who did not wish to be named, told Reuters that raids began."
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Reuters"
    assert key.loc["P01.S1", "channel"] == "relayed"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A 2024 report by the state Office of Water Quality found lead in 30 wells.", "Office of Water Quality"),
        ("Data from the Norden Statistics Office showed rents rose 8%.", "Norden Statistics Office"),
        ("Police found a car near the border.", ""),
        ("Inspectors found cracks in two cables.", ""),
    ],
    ids=["report-by-found", "data-from-showed", "found-is-no-cue-for-police", "found-is-no-cue-for-inspectors"],
)
def test_do_found_and_showed_attribute_only_a_documents_findings(tmp_path: Path, text: str, speaker: str) -> None:
    assert drafted(tmp_path, text).loc["P01.S1", "speaker"] == speaker


def test_does_a_bodys_report_speak_for_the_body_and_a_title_stay_out_of_its_name(tmp_path: Path) -> None:
    text = ("Omar bin Salem, Chairman of the Ranath Free Zone Authority, spoke on Monday. "
            "According to the authority's quarterly report, exports rose 9%. The report showed 300 new firms.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Ranath Free Zone Authority"
    assert key.loc["P01.S3", "speaker"] == "Ranath Free Zone Authority"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The government of Port Selva will build a dam. The government said a study would follow.", "government of Port Selva"),
        ("The plan was backed by Merrow council. Homes were built, according to the council.", "Merrow council"),
        ("Halden Lift Group shares fell. Halden now expects a margin of 9%.", "Halden Lift Group"),
    ],
    ids=["government-of", "place-council", "company-short-name"],
)
def test_do_later_references_find_bodies_named_in_lower_case_or_in_full(tmp_path: Path, text: str, speaker: str) -> None:
    assert drafted(tmp_path, text).loc["P01.S2", "speaker"] == speaker


def test_are_they_the_unnamed_sources_when_unnamed_sources_spoke_last(tmp_path: Path) -> None:
    text = ("Minister Ana Brel met the bidders. People familiar with the talks said the bid was low. "
            "The bidder turned the offer down, they said.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S3", "speaker"] == ""
    assert key.loc["P01.S3", "channel"] == "paraphrase"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Gen. Ivo Brnic, who heads the civil protection service, said 300 people were rescued.", "official"),
        ("Lena Marsh, head of the office, said the campaign was on track.", "official"),
        ("Ola Brenn, the county's elections director, said the count was over.", "official"),
        ("His lawyer, Ruben Delo, said his client would appeal.", ""),
        ("Tom Ellery, a planning lawyer at Vance Partners, said the ruling was clear.", "expert"),
        ("Chief Financial Officer Sara Holm said orders fell.", ""),
        ("Viktor Lomakin, Chairman of the Horodets Oblast Executive Committee, said the plant would open.", "official"),
        ("Joanna Kral, who led the Polish delegation, said the talks went well.", "official"),
        ("Jose Ocampo, the president of the National Institute of Water Resources, said plants would open.", "official"),
        ("Italy's undersecretary for the interior, Marco Santi, said the plan was unfair.", "official"),
        ("Dr Tomasz Allen, an infectious disease specialist at Vestra Hospital, said the shots work.", "expert"),
        ("Abu Jatoi, the Teachers Alliance president, said the strike would go on.", ""),
        ("Siri Aasen, a spokeswoman for the company, said it would appeal.", ""),
        ("Iona Kerr, a spokeswoman for the WTO in Geneva, said no request had come.", "official"),
        ("Olga Brun, a spokeswoman for the Interior Ministry, said the border was open.", "official"),
        ("Tran Minh Khoa, director general of the ministry's Europe department, said talks would go on.", "official"),
        ("Selim Gokmen, the Anatolia Heritage Foundation's chairman, said the mosaic was safe.", ""),
        ("Pieter van Wyk, the chairperson of Tlhabane Primary School's governing body, said buses were late.", ""),
        ("Anjali Ross, Fenwick Hart's director of research, said turnout was low.", "expert"),
        ("Kavita Rao, director of the Regional Cotton Research Station, said pests were spreading.", "expert"),
    ],
    ids=["heads-the-service", "head-of-the-office", "county-director", "a-partys-lawyer", "commenting-lawyer", "company-officer",
         "executive-committee", "delegation", "national-institute", "undersecretary", "specialist",
         "union-president", "company-spokeswoman", "international-spokeswoman", "ministry-spokeswoman",
         "director-general-of-a-department", "foundation-chairman", "school-governing-body",
         "director-of-research", "research-station"],
)
def test_does_the_body_a_person_leads_or_speaks_for_decide_the_role(tmp_path: Path, text: str, role: str) -> None:
    assert drafted(tmp_path, text).loc["P01.S1", "speaker_role"] == role


def test_is_a_title_word_kept_out_of_the_name(tmp_path: Path) -> None:
    assert drafted(tmp_path, "Chief Executive Officer Hendrik van Aal said jobs would go.").loc["P01.S1", "speaker"] == "Hendrik van Aal"


@pytest.mark.parametrize(
    ("text", "sentence", "speaker"),
    [
        ("Ores hold 2 million ounces, Karrow Mining said in a statement, and output starts in 2028.", "P01.S1", "Karrow Mining"),
        ("The Talvo Regional Administration has 14 days, according to its spokesperson, Ina Marek.", "P01.S1", "Ina Marek"),
        ("The Selva Land Collective, a local association, has criticised the offer.", "P01.S1", "Selva Land Collective"),
        ("In a statement, the county's Department of Roads said the depot would move.", "P01.S1", "Department of Roads"),
        ("Ulla, European hockey's governing body, said it would send observers.", "P01.S1", "Ulla"),
        ("Associate Professor Lim Wen of the National University of Tarra's school of health noted that waits grew.",
         "P01.S1", "Lim Wen"),
        ("The Central Election Commission (CEC) met. According to the CEC's resolution, the vote will be repeated.",
         "P01.S2", "Central Election Commission"),
        ("The Harbour Polytechnic University fell. A spokesman for the institution said methods changed.", "P01.S2",
         "Harbour Polytechnic University"),
    ],
    ids=["cue-between-commas", "spokesperson-named-after", "collective-described", "county-possessor", "body-apposition",
         "person-of-a-body-school", "acronym-resolution", "the-institution"],
)
def test_do_more_ways_of_naming_a_source_find_it(tmp_path: Path, text: str, sentence: str, speaker: str) -> None:
    assert drafted(tmp_path, text).loc[sentence, "speaker"] == speaker


def test_does_a_patronymic_give_the_gender_a_pronoun_needs(tmp_path: Path) -> None:
    text = ("Governor Yelena Viktorovna Sorova met Finance Minister Oleg Dranov. "
            "Asked whether she had called him, she said she had not.")
    assert drafted(tmp_path, text).loc["P01.S2", "speaker"] == "Yelena Viktorovna Sorova"


def test_does_a_specific_role_beat_a_leadership_word(tmp_path: Path) -> None:
    text = '"Rates stay high," said Piotr Hal, chief economist at Northgate Capital.'
    assert drafted(tmp_path, text).loc["P01.S1", "speaker_role"] == "expert"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Storm and Flood Agency of Varna (SFAV) kept a red alert in place, warning that more rain could fall.",
         "Storm and Flood Agency of Varna"),
        ("A spokesperson for Ramesh Iyer & Sons said the firm had paid.", "Ramesh Iyer & Sons"),
    ],
    ids=["participle-cue", "ampersand-in-a-name"],
)
def test_do_participle_cues_and_ampersands_find_the_body(tmp_path: Path, text: str, speaker: str) -> None:
    assert drafted(tmp_path, text).loc["P01.S1", "speaker"] == speaker


def test_the_head_of_a_state_owned_company_is_an_official(tmp_path: Path) -> None:
    text = "Managing Director of the state-owned Tarvel Harbour Company Dina Okafor said the quay would reopen in May."
    row = drafted(tmp_path, text).loc["P01.S1"]
    assert (row["speaker"], row["speaker_role"]) == ("Dina Okafor", "official")


def test_the_press_service_of_a_state_corporation_named_in_lower_case_speaks_for_it(tmp_path: Path) -> None:
    text = ("The probe reached orbit, the press service of the Vostra state space corporation told the agency. "
            "Contact was stable, it said.")
    key = drafted(tmp_path, text)
    assert (key.loc["P01.S1", "speaker"], key.loc["P01.S1", "speaker_role"]) == ("Vostra state space corporation", "official")
    assert key.loc["P01.S2", "speaker"] == "Vostra state space corporation"


def test_the_chamber_refers_back_to_a_chamber_of_commerce(tmp_path: Path) -> None:
    text = ("The Tarvel Chamber of Commerce said most shops had reopened. "
            "According to the chamber, exports rose 9% last year.")
    assert drafted(tmp_path, text).loc["P01.S2", "speaker"] == "Tarvel Chamber of Commerce"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Lena Marsk, who chairs Torvik's works council, said staff would strike.", ""),
        ("Odo Brann, the secretary general of the Union of Dock Workers, said the deal was weak.", ""),
        ("Ilse Varn, the president of the World Bank, said growth would slow.", "official"),
        ("Superintendent Cora Leat said schools would open late.", "official"),
    ],
    ids=["works-council", "union-secretary-general", "international-body", "superintendent"],
)
def test_do_works_councils_unions_and_world_bodies_decide_their_leaders_role(tmp_path: Path, text: str, role: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker_role"] == role
    assert "Superintendent" not in key.loc["P01.S1", "speaker"]


def test_is_the_head_of_a_banks_research_an_expert(tmp_path: Path) -> None:
    key = drafted(tmp_path, '"Prices could fall," said Mira Tolle, head of commodities research at Varden Bank.')
    assert key.loc["P01.S1", "speaker"] == "Mira Tolle"
    assert key.loc["P01.S1", "speaker_role"] == "expert"


def test_is_her_office_the_office_of_the_woman_named_before(tmp_path: Path) -> None:
    text = ("Transport Minister Edda Lanvik called the strike regrettable. "
            "Her office said she would meet the union on Monday.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Edda Lanvik's office"
    assert key.loc["P01.S2", "speaker_role"] == "official"


def test_does_a_body_owned_by_a_league_take_the_leagues_kind(tmp_path: Path) -> None:
    text = ("Racing Oldport must find 20 million euros by March, the league's Licensing Commission (LLC) said on Monday. "
            "The LLC said the club had until March 31.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Licensing Commission"
    assert key.loc["P01.S1", "speaker_role"] == ""
    assert key.loc["P01.S2", "speaker_role"] == ""


def test_does_an_acronyms_gloss_in_brackets_not_split_the_closing_cue(tmp_path: Path) -> None:
    text = "Reservoirs are at their lowest level in decades, the Tarvo Basin Authority (ABT, for its Spanish acronym) said."
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Tarvo Basin Authority"
    assert key.loc["P01.S1", "channel"] == "paraphrase"


def test_does_a_cue_noun_skip_the_dateline_to_the_opening_name(tmp_path: Path) -> None:
    text = "ORVIK, June 3 (Reuters) - Nordlin Airways and Ostavia Airlines agreed to merge, the carriers said in a joint statement."
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Nordlin Airways and Ostavia Airlines"
    assert key.loc["P01.S1", "channel"] == "paraphrase"


def test_does_a_given_name_give_the_gender_a_pronoun_needs(tmp_path: Path) -> None:
    text = ("Mayor Lotte van Aken courted the finance chair, Mehmet Arslan. "
            "On Tuesday, she promised to reopen a branch. "
            "\"We are sitting on savings,\" he told the council.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Lotte van Aken"
    assert key.loc["P01.S3", "speaker"] == "Mehmet Arslan"


def test_does_a_name_shared_by_both_sexes_show_no_gender(tmp_path: Path) -> None:
    from medialit.draft.model import gender_of_name
    assert gender_of_name("Andrea Rossi") == "" and gender_of_name("Ingrid Solbakken") == "she"
    assert gender_of_name("Ingrid") == ""  # a one-word name may be a surname


def test_does_an_apposition_inside_a_participle_phrase_leave_the_subject(tmp_path: Path) -> None:
    text = ("Health Minister Joaquin de Almeida, speaking alongside the head of the civil protection agency, "
            "Carla Mendes-Iturbe, said hospitals had treated 2,300 people.")
    assert drafted(tmp_path, text).loc["P01.S1", "speaker"] == "Joaquin de Almeida"


def test_is_a_swedish_af_part_of_the_name(tmp_path: Path) -> None:
    text = ("Judge Amelie de Wit said Rasmus af Klercker, 58, had approved the transfers. "
            "Af Klercker showed no emotion. His lawyer, Ingrid Solbakken, said she would appeal. "
            "He had told the court in October that he relied on brokers.")
    assert drafted(tmp_path, text).loc["P01.S4", "speaker"] == "Rasmus af Klercker"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Union spokeswoman Dorthe Kjaergaard said members were angry.", ""),
        ("The Halloway Conference set new rules. Its commissioner, Brendan Okonkwo-Reyes, said the league would "
         "appeal.", ""),
        ("The Association of Independent Producers (AIP) objected. \"It is a gift to censors,\" its president, "
         "Oluwaseun Bakker-Ide, said.", ""),
        ("Halden Steel cut jobs. A spokeswoman for the company, Siri Aasen, said the firm had acted in good faith.", ""),
        ("Ministry spokesman Dario Kovalenko-Ruiz said the centre would open.", "official"),
        ("UN spokesman Dario Kovalenko-Ruiz said the centre would open.", "official"),
    ],
    ids=["union-spokeswoman", "league-commissioner", "association-president", "company-spokeswoman",
         "ministry-spokesman", "un-spokesman"],
)
def test_does_a_spokesperson_take_the_role_of_the_body_they_speak_for(tmp_path: Path, text: str, role: str) -> None:
    key = drafted(tmp_path, text)
    assert key.iloc[-1]["speaker_role"] == role


@pytest.mark.parametrize(
    ("text", "sentence", "speaker"),
    [
        ("The National Meteorological Service said the record had stood since 1998. It extended its red alert, the "
         "highest level, to six more provinces and said relief was not expected before Thursday.", "P01.S2",
         "National Meteorological Service"),
        ("LORVAN, Nov 26 (Reuters) - The Lorvan Central Bank raised its main rate on Thursday, its third increase this "
         "year, and said it was prepared to go further.", "P01.S1", "Lorvan Central Bank"),
    ],
    ids=["pronoun-subject-after-an-aside", "subject-after-a-dateline"],
)
def test_does_a_coordinated_cue_after_an_aside_find_the_opening_subject(tmp_path: Path, text: str, sentence: str,
                                                                       speaker: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc[sentence, "speaker"] == speaker and key.loc[sentence, "channel"] == "paraphrase"


def test_does_a_resumptive_noun_phrase_not_take_the_closing_cue(tmp_path: Path) -> None:
    text = ("VARNES, Ostland (AP) — The number of breeding cranes has tripled in a decade, the Ostland Wildlife Service "
            "said Wednesday, a rebound that scientists link to farmers leaving their fields flooded.")
    assert drafted(tmp_path, text).loc["P01.S1", "speaker"] == "Ostland Wildlife Service"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The county's bureau of water resources said in a statement that the canal was full.",
         "county's bureau of water resources"),
        ("The suspect was held for a month, according to the investigative department for the Tarsk Region.",
         "investigative department for the Tarsk Region"),
        ("Port chief Dana Holm, head of the harbour company, spoke first. The office of the Tarsk governor general was "
         "quoted by the newspaper Tarsk Vestnik as saying that 300 people had been hired.", "office of the Tarsk governor general"),
    ],
    ids=["possessor-and-of", "according-to-and-for", "office-of-a-governor-quoted"],
)
def test_a_government_office_named_in_lower_case_words_speaks(tmp_path: Path, text: str, speaker: str) -> None:
    row = drafted(tmp_path, text).iloc[-1]
    assert (row["speaker"], row["speaker_role"]) == (speaker, "official")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Among them was Ruth Ogundipe-Larsen, 29, an intensive care nurse, who said she had worked 11 extra shifts.",
         "Ruth Ogundipe-Larsen"),
        ("Among them was Li Meifeng, a retired teacher from Lianshan, who said she had waited twenty years.", "Li Meifeng"),
    ],
    ids=["age-and-description", "description"],
)
def test_does_a_cue_in_a_relative_clause_go_to_the_person_it_hangs_on(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == speaker and key.loc["P01.S1", "channel"] == "paraphrase"
    assert "relative cue" in key.loc["P01.S1", "explain_speaker"]


def test_does_a_bodys_word_before_a_spokesman_name_the_body_he_speaks_for(tmp_path: Path) -> None:
    text = ("The Aldous Trust, a conservation charity, said in an emailed statement that it would ask for more. "
            "Aldous spokesman Piet Kramer-Lund said the trust also wanted farmers to be paid.")
    assert drafted(tmp_path, text).loc["P01.S2", "speaker_role"] == ""


@pytest.mark.parametrize(
    ("opening", "noun", "role"),
    [
        ("The Harwick Regional Library Board voted to close two branches.", "board", "official"),
        ("The Dunmore Environment Board approved the permit.", "board", "official"),
        ("The Selvan Cricket Board named a new coach.", "board", ""),
    ],
    ids=["library-board", "environment-board", "cricket-board"],
)
def test_does_a_body_noun_before_chair_take_the_kind_of_the_body_named_with_it(tmp_path: Path, opening: str,
                                                                               noun: str, role: str) -> None:
    key = drafted(tmp_path, f"{opening} \"We had no choice,\" says {noun} chair Imelda Strand.")
    assert key.loc["P01.S2", "speaker"] == "Imelda Strand"
    assert key.loc["P01.S2", "speaker_role"] == role


def test_is_a_municipal_corporation_a_body_of_government(tmp_path: Path) -> None:
    text = ("The Koraput Municipal Corporation (KMC) will repave 40 roads before the rains. The work will cost Rs 9 crore, "
            "the civic body said.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Koraput Municipal Corporation"
    assert key.loc["P01.S2", "speaker_role"] == "official"
    assert key.loc["P01.S2", "category"] == "official statement"


@pytest.mark.parametrize(("title", "role"), [("Local corporator", "official"), ("Dorlin city manager", "official")])
def test_are_a_corporator_and_a_city_manager_officials(tmp_path: Path, title: str, role: str) -> None:
    key = drafted(tmp_path, f"{title} Suresh Nair-Pillai said the drains would be cleared by June.")
    assert key.loc["P01.S1", "speaker_role"] == role


def test_is_a_former_county_manager_a_former_official(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Declan Ó Murchú, a former Carrowmore county manager, said the pier had been neglected.")
    assert key.loc["P01.S1", "speaker_role"] == "former official"
    assert key.loc["P01.S1", "category"] == "expert opinion"


def test_is_the_former_head_of_a_government_body_a_former_official(tmp_path: Path) -> None:
    text = ("The Harlan County Fire Marshal's Office trains 300 volunteers a year. Its former head, Walter Brisco, argued "
            "that towns should pay a stipend. He added that the cost would be small.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Walter Brisco"
    assert key.loc["P01.S2", "speaker_role"] == "former official"
    assert key.loc["P01.S3", "speaker_role"] == "former official"


def test_is_a_lower_case_diocese_of_a_place_the_body_that_speaks(tmp_path: Path) -> None:
    text = ("A ferry began sailing on Monday. The diocese of Tarvelle, which runs two clinics on the island, said in a "
            "statement that patients would no longer wait a week.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"].casefold() == "diocese of tarvelle"
    assert key.loc["P01.S2", "speaker_role"] == ""
    assert key.loc["P01.S2", "channel"] == "paraphrase"


def test_does_the_company_refer_back_to_a_mart(tmp_path: Path) -> None:
    text = ("Japanese retailer Sorano Mart will open 50 stores in Veldia next year. The Osaka-based company said on Monday that "
            "the first would open in the capital.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Sorano Mart"


@pytest.mark.parametrize(("opening", "role"), [
    ("Eight recruits trained on Monday at the Dunmore Falls Fire Department.", "official"),
    ("Eight recruits trained on Monday at the Dunmore Falls Rugby Club.", ""),
])
def test_does_a_bare_chief_lead_the_body_named_before_him(tmp_path: Path, opening: str, role: str) -> None:
    key = drafted(tmp_path, f"{opening} Ten years ago, says Chief Harold Vasquez-Orr, there were thirty.")
    assert key.loc["P01.S2", "speaker"] == "Harold Vasquez-Orr"
    assert key.loc["P01.S2", "speaker_role"] == role


@pytest.mark.parametrize(
    "sentence",
    [
        "The Marlow Vale Hospitals Trust said in a statement that 40 beds would reopen.",
        "The Dunstan Unified School District said in a statement that classes would move online.",
        "The National Statistics Centre said in its bulletin that visitor numbers rose.",
    ],
    ids=["hospitals-trust", "school-district", "statistics-centre"],
)
def test_are_public_service_bodies_of_government(tmp_path: Path, sentence: str) -> None:
    key = drafted(tmp_path, f"Heavy rain fell on Monday. {sentence}")
    assert key.loc["P01.S2", "speaker_role"] == "official"
    assert key.loc["P01.S2", "category"] == "official statement"


def test_does_the_trust_refer_back_to_a_hospitals_trust(tmp_path: Path) -> None:
    text = "The Marlow Vale Hospitals Trust runs three sites. A spokesman for the trust said parking would stay free."
    assert drafted(tmp_path, text).loc["P01.S2", "speaker_role"] == "official"


def test_is_a_prefect_an_official(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The prefect of the Vienne-Haute department, Hélène Marchetti-Roux, said the ban would hold.")
    assert key.loc["P01.S1", "speaker_role"] == "official"


def test_does_an_acronym_in_apposition_name_the_body_a_description_opens(tmp_path: Path) -> None:
    text = ("Trains will run at night from May. Vesmark's port authority, the VPA, said the quays would need new cranes. "
            "The VPA expects the work to take a year.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "VPA"
    assert key.loc["P01.S2", "speaker_role"] == "official"
    assert key.loc["P01.S3", "speaker"] == "VPA"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The Bank of Tarsova held its main rate at 9% on Monday, the bank said.", "official"),
        ("The Coral Sea Development Bank said the loan would fund two new ports.", "official"),
        ("The Board of Elections of Varrow County said the recount would start on Monday.", "official"),
        ("The recount will take four days, said the elections director, Joren Maddox.", "official"),
        ("The director of the state-run clinic, Ama Boateng, said supplies were short.", "official"),
        ("Norvel Power Exchange, the state-owned grid operator, said two plants would restart.", "official"),
        ("The Kelmoor National Park grew by 400 hectares. Park director Saule Amanova said the herd was safe.", "official"),
    ],
    ids=["bank-of-a-place", "development-bank", "board-of-elections", "elections-director", "state-run-clinic",
         "state-owned-operator", "park-director"],
)
def test_are_central_banks_elections_bodies_parks_and_state_run_bodies_of_government(tmp_path: Path, text: str,
                                                                                    role: str) -> None:
    key = drafted(tmp_path, text)
    assert key.iloc[-1]["speaker_role"] == role


def test_does_a_titles_own_acronym_name_no_body_and_refer_back_to_the_person(tmp_path: Path) -> None:
    key = drafted(tmp_path, "ODUMASE, May 2, GNA - Mrs Efua Sarpong-Addo, the Municipal Chief Executive (MCE) for Odumase, "
                            "has promised traders a new market. The MCE explained that the contractor had been paid.")
    assert key.loc["P01.S1", "speaker_role"] == "official"
    assert key.loc["P01.S2", "speaker"] == "Efua Sarpong-Addo"
    assert key.loc["P01.S2", "speaker_role"] == "official"


@pytest.mark.parametrize(
    ("text", "role", "category"),
    [
        ("Dr Petra Lindqvist, who worked as a nurse at Orwell General Hospital for a decade, said the ward was full.", "",
         "reporting"),
        ("Niels Baptiste, regional secretary of the Dockers' Union of Ferrow, said the strike would go on.", "", "reporting"),
        ("The secretary of state for fisheries, Ines Carvalho Mota, said the quota would rise.", "official",
         "official statement"),
    ],
    ids=["general-inside-a-hospital-name", "secretary-of-a-union", "secretary-of-state"],
)
def test_do_a_word_inside_a_bodys_name_and_a_unions_secretary_give_no_office(tmp_path: Path, text: str, role: str,
                                                                             category: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker_role"] == role
    assert key.loc["P01.S1", "category"] == category


def test_does_a_shorter_capitalised_name_refer_back_to_the_body_named_in_full(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Marrow County Council has opened a new bridge. The bridge cost 2 million euros, according "
                            "to a press release of the County Council.")
    assert key.loc["P01.S2", "speaker"] == "Marrow County Council"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Oda Finnsdottir, a teacher who sits on the Harlow city council, said the vote was close.", "official"),
        ("Per Lund, who sits on the board of Halden Bank, said the vote was close.", ""),
        ("The Bank of Tarsova held rates. Ivo Marek, a member of Bank of Tarsova's rate committee, said the vote was close.",
         "official"),
    ],
    ids=["seat-on-a-city-council", "seat-on-a-banks-board", "member-of-a-central-banks-committee"],
)
def test_does_a_seat_on_a_body_take_the_bodys_kind(tmp_path: Path, text: str, role: str) -> None:
    assert drafted(tmp_path, text).iloc[-1]["speaker_role"] == role


def test_is_a_body_named_after_a_tier_of_government_a_body_of_government(tmp_path: Path) -> None:
    key = drafted(tmp_path, "More than 9,000 pupils joined a drill on Monday, the provincial Flood Response Organisation said. "
                            "The organisation said it would meet teachers next week.")
    assert key.loc["P01.S1", "speaker"] == "Flood Response Organisation"
    assert key.loc["P01.S1", "speaker_role"] == "official"
    assert key.loc["P01.S2", "speaker_role"] == "official"


def test_are_the_words_after_according_to_a_name_no_apposition(tmp_path: Path) -> None:
    key = drafted(tmp_path, "According to Director General of OJSC Velm Bakery Ivan Petrovich Sorin, the ovens were fitted by "
                            "specialists from Italy together with the bakery's own engineers.")
    assert key.loc["P01.S1", "speaker"] == "Ivan Petrovich Sorin"
    assert key.loc["P01.S1", "speaker_role"] == ""


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Mr Kojo Asamoah-Bediako, the District Engineer, said the culvert would be rebuilt.", "official"),
        ("Marwick County Attorney Lena Osterholt said the county would appeal.", "official"),
        ("Ivo Brandl, a geologist at the State University of Velm, said the slope was unstable.", "expert"),
    ],
    ids=["district-engineer", "county-attorney", "geologist-at-a-state-university"],
)
def test_is_an_experts_noun_after_a_tier_of_government_an_office(tmp_path: Path, text: str, role: str) -> None:
    assert drafted(tmp_path, text).loc["P01.S1", "speaker_role"] == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Mara Quist, a spokeswoman for Tellmark Container Lines, said two ships had been diverted.", ""),
        ("A spokesman for Ferrowlink, Jon Aasen, said the company was cooperating.", ""),
        ("A spokeswoman for the Velm Transport Ministry, Ana Lisse, said the ferries would run.", "official"),
    ],
    ids=["body-with-no-head-noun", "one-word-body", "ministry"],
)
def test_does_a_spokesperson_for_a_body_the_rules_cannot_place_get_no_role(tmp_path: Path, text: str, role: str) -> None:
    assert drafted(tmp_path, text).loc["P01.S1", "speaker_role"] == role


def test_is_a_former_state_office_before_a_name_a_former_official(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Former state schools superintendent Ilse Marrow-Quint said the plan would help rural districts.")
    assert key.loc["P01.S1", "speaker"] == "Ilse Marrow-Quint"
    assert key.loc["P01.S1", "speaker_role"] == "former official"
    assert key.loc["P01.S1", "category"] == "expert opinion"


def test_is_a_budget_director_before_a_name_an_official(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Budget Director Tomas Ferrier-Lund told legislators that receipts were below the forecast.")
    assert key.loc["P01.S1", "speaker"] == "Tomas Ferrier-Lund"
    assert key.loc["P01.S1", "speaker_role"] == "official"
    assert key.loc["P01.S1", "category"] == "official statement"


def test_is_a_capitalised_hydrogeologist_before_a_name_a_title_not_part_of_the_name(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Hydrogeologist Rosa Kettering-Ames of Dallow University said the aquifer was falling.")
    assert key.loc["P01.S1", "speaker"] == "Rosa Kettering-Ames"
    assert key.loc["P01.S1", "speaker_role"] == "expert"


@pytest.mark.parametrize("council", ["Northern Grain Exporters Council", "Coastal Growers' Council"])
def test_is_a_spokesperson_for_a_council_of_a_trade_no_official(tmp_path: Path, council: str) -> None:
    key = drafted(tmp_path, f"A spokeswoman for the {council}, Ilona Verhagen-Osei, said the levy would hurt members.")
    assert key.loc["P01.S1", "speaker"] == "Ilona Verhagen-Osei"
    assert key.loc["P01.S1", "speaker_role"] == ""
    assert key.loc["P01.S1", "category"] == "reporting"


def test_is_a_spokesperson_for_a_city_council_still_an_official(tmp_path: Path) -> None:
    key = drafted(tmp_path, "A spokeswoman for the Dallow City Council, Ilona Verhagen-Osei, said the levy would stay.")
    assert key.loc["P01.S1", "speaker_role"] == "official"


def test_is_an_executive_engineer_an_office_not_an_expert(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Tanvir Hasan Chowdhury, executive engineer of the Roads Department in Kelipur, said the "
                            "bridge would reopen in May.")
    assert key.loc["P01.S1", "speaker"] == "Tanvir Hasan Chowdhury"
    assert key.loc["P01.S1", "speaker_role"] == "official"
    assert key.loc["P01.S1", "category"] == "official statement"


def test_is_a_lone_engineer_still_an_expert(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Tanvir Hasan Chowdhury, a structural engineer at Kelipur University, said the bridge was sound.")
    assert key.loc["P01.S1", "speaker_role"] == "expert"


@pytest.mark.parametrize(
    ("body", "role"),
    [("the Board of the Coastal Fisheries Agency", "official"), ("the Board of the Harrow Dairy Cooperative", "")],
    ids=["agency", "cooperative"],
)
def test_does_the_owner_of_a_board_decide_the_role_of_its_chairman(tmp_path: Path, body: str, role: str) -> None:
    key = drafted(tmp_path, f"Chairman of {body} Ruslan Tahir oglu Aliyev said the quota would rise.")
    assert key.loc["P01.S1", "speaker"] == "Ruslan Tahir oglu Aliyev"
    assert key.loc["P01.S1", "speaker_role"] == role


def test_does_a_body_joined_by_and_inside_a_title_leave_out_the_person_after_it(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The quay opened on Monday, Chief Engineer of the Dorla Roads and Bridges Authority Kamran "
                            "Sadeghi said.\nThe Roads and Bridges Authority (RBA) said in a statement that traffic rose.\n"
                            "According to the RBA, a second quay will follow.")
    assert key.loc["P01.S1", "speaker"] == "Kamran Sadeghi"
    assert key.loc["P02.S1", "speaker"] == "Dorla Roads and Bridges Authority"
    assert key.loc["P03.S1", "speaker"] == "Dorla Roads and Bridges Authority"


@pytest.mark.parametrize(
    ("minister", "reference", "ministry"),
    [("State Minister for Trade and Rural Affairs Lena Vogt", "her ministry",
      "State Ministry for Trade and Rural Affairs"),
     ("First Deputy Minister of Fisheries of the Orva Region Lena Vogt", "the regional ministry",
      "Ministry of Fisheries of the Orva Region")],
    ids=["state-minister-for", "regional-ministry-of"],
)
def test_is_a_ministry_referred_back_the_one_a_ministers_portfolio_names(tmp_path: Path, minister: str, reference: str,
                                                                        ministry: str) -> None:
    key = drafted(tmp_path, f"The fair opens on Monday.\n{minister} will open the fair, {reference} said.\n"
                            "According to a statement from the ministry, firms will get aid.")
    assert key.loc["P02.S1", "speaker"] == ministry
    assert key.loc["P03.S1", "speaker"] == ministry
    assert key.loc["P03.S1", "category"] == "official statement"


@pytest.mark.parametrize(
    ("title", "role"),
    [("a partner at consulting firm Orrick Vale Advisors", "expert"), ("a director at research firm Pellam Insight", "expert"),
     ("a partner at law firm Orrick Vale", "")],
    ids=["consulting", "research", "law"],
)
def test_does_working_at_a_consulting_or_research_firm_make_an_expert(tmp_path: Path, title: str, role: str) -> None:
    key = drafted(tmp_path, f'"Demand will not recover this year," said Farhan Qureshi-Lowe, {title}.')
    assert key.loc["P01.S1", "speaker"] == "Farhan Qureshi-Lowe"
    assert key.loc["P01.S1", "speaker_role"] == role


def test_does_a_double_space_inside_a_described_company_name_draft_without_an_error(tmp_path: Path) -> None:
    """"Australian-listed Barrowfield  Mining" (two spaces inside the name, as pasted text often has) crashed the
    drafter with a traceback: the name without its description is joined by single spaces, so it was not found in
    the run as written."""
    key = drafted(tmp_path, "Australian-listed Barrowfield  Mining said it would close the mine in June.")
    assert key.loc["P01.S1", "speaker"] == "Barrowfield Mining"
