"""Round-10 draft rules (2026-12-04): a bare "A spokeswoman said" right after a sentence in which an organisation
spoke is that organisation's spokesperson.

Every sentence here is made up for the test; none is copied from the tuning or held-out articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.text.article import split_sentences
from tests.drafting import drafted


@pytest.mark.parametrize("noun", ["spokeswoman", "spokesman", "spokesperson"])
def test_is_a_bare_spokesperson_after_a_body_spoke_that_bodys_voice(tmp_path: Path, noun: str) -> None:
    key = drafted(tmp_path, f"Brannick Foods denied the report on Monday. A {noun} said the plant was safe.")
    assert key.loc["P01.S1", "speaker"] == "Brannick Foods"
    assert key.loc["P01.S2", "speaker"] == "Brannick Foods"


def test_is_a_quoted_bare_spokesperson_after_a_body_spoke_that_bodys_voice(tmp_path: Path) -> None:
    key = drafted(tmp_path, 'Brannick Foods denied the report on Monday. A spokesperson said: "The plant is safe."')
    assert key.loc["P01.S2", "speaker"] == "Brannick Foods"


def test_does_a_bare_spokesperson_after_a_sentence_of_narration_stay_unnamed(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Brannick Foods denied the report on Monday. The plant closed in May. "
                            "A spokeswoman said the plant was safe.")
    assert (key.loc["P01.S3", "speaker"], key.loc["P01.S3", "channel"]) == ("", "narration")


def test_does_a_bare_spokesperson_after_a_person_spoke_stay_unnamed(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The mayor, Ana Ruiz, spoke on Monday. A spokeswoman said the plant was safe.")
    assert (key.loc["P01.S2", "speaker"], key.loc["P01.S2", "channel"]) == ("", "narration")


def test_is_a_parish_named_in_lower_case_a_body_that_speaks(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The parish of Saint-Aurel said on Sunday that its bells would ring at noon. "
                            "The parish said the repairs had cost 40,000 euros.")
    assert key.loc["P01.S1", "speaker"] == "parish of Saint-Aurel"
    assert key.loc["P01.S2", "speaker"] == "parish of Saint-Aurel"


def test_is_the_agency_after_a_body_of_government_spoke_that_body_not_the_wire(tmp_path: Path) -> None:
    key = drafted(tmp_path, "VELMORA, Kestria (AP) — Six villages were evacuated on Sunday, Kestria's General Secretariat "
                            "for Civil Protection said.\n\nAbout 900 people left their homes, according to the agency.")
    assert key.loc["P02.S1", "speaker"] == "General Secretariat for Civil Protection"


def test_is_the_agency_after_the_wire_spoke_last_still_the_wire(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Kestria's General Secretariat for Civil Protection ordered the evacuation, TASS reported. "
                            "About 900 people left their homes, according to the agency.")
    assert key.loc["P01.S2", "speaker"] == "TASS"


def test_does_a_world_region_after_and_end_an_international_bodys_name(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Organization for Security and Co-operation in Europe said voting was orderly. "
                            "The Ministry of Trade and Industry in Velm said exports rose.")
    assert (key.loc["P01.S1", "speaker"], key.loc["P01.S1", "speaker_role"]) == (
        "Organization for Security and Co-operation in Europe", "official")
    assert key.loc["P01.S2", "speaker"] == "Ministry of Trade and Industry"  # a city is no part of a ministry's name


@pytest.mark.parametrize(
    ("text", "speaker"),
    [("The Kestrian Embassy in Velm said the visit was postponed.", "Kestrian Embassy in Velm"),
     ("The Finance Ministry in Velm said exports rose.", "Finance Ministry"),
     ("A court in Velm said the fee was unlawful.", "court in Velm"),
     ("Ana Ruiz in Velm said the fee was unlawful.", "Ana Ruiz")],
    ids=["embassy-keeps-its-city", "ministry-leaves-it", "lower-case-body-keeps-it", "person"],
)
def test_is_a_subject_that_ends_with_where_it_is_read(tmp_path: Path, text: str, speaker: str) -> None:
    assert drafted(tmp_path, text).loc["P01.S1", "speaker"] == speaker


def test_does_a_later_reference_to_a_placed_body_keep_its_place(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Kestrian Embassy in Velm said the visit was postponed. The embassy said it was sorry. "
                            "A court in Velm said the fee was unlawful. A court in Ostra said it was not.")
    assert list(key["speaker"]) == ["Kestrian Embassy in Velm", "Kestrian Embassy in Velm", "court in Velm", "court in Ostra"]


def test_is_residents_in_a_place_still_an_unnamed_source(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Residents in Velm said the fee was unlawful.")
    assert (key.loc["P01.S1", "speaker"], key.loc["P01.S1", "channel"]) == ("", "paraphrase")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [("Observers from the Organization for Security and Co-operation in Europe said voting had been orderly.",
      "Organization for Security and Co-operation in Europe"),
     ("Campaigners at Fair Parking for Patients, a charity, estimate that one in five trusts has raised its charges.",
      "Fair Parking for Patients")],
    ids=["observers-from", "campaigners-at-with-a-base-form"],
)
def test_do_a_bodys_people_as_a_plural_subject_give_the_body(tmp_path: Path, text: str, speaker: str) -> None:
    assert drafted(tmp_path, text).loc["P01.S1", "speaker"] == speaker


def test_does_a_ruling_speak_for_the_court_named_last_not_the_last_body(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Brennick District Court on Tuesday struck down rules set by the Ostavian Electoral Bureau. "
                            "The ruling said the change was unlawful.")
    assert key.loc["P01.S2", "speaker"] == "Brennick District Court"


def test_is_an_outlet_that_understands_its_own_source(tmp_path: Path) -> None:
    key = drafted(tmp_path, "A pool in Velm will stay shut for a second summer, the BBC understands.")
    assert (key.loc["P01.S1", "speaker"], key.loc["P01.S1", "channel"]) == ("BBC", "relayed")


def test_does_a_pronoun_go_to_the_person_who_opens_the_same_sentence(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Mayor Dolores Ybarra said the plan would help families. Rosa Ruiz, who owns a bakery, sees it "
                            "differently: she says sales have fallen by a third.")
    assert key.loc["P01.S2", "speaker"] == "Rosa Ruiz"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [('Joana da Costa Ribeiro won 41 percent. "We will have it," da Costa Ribeiro said. She conceded that turnout was low.',
      "Joana da Costa Ribeiro"),
     ('"This will double what farmers earn," Governor Reynaldo dela Paz said. He added that two more would follow.',
      "Reynaldo dela Paz")],
    ids=["surname-after-a-particle", "dela"],
)
def test_are_surnames_after_a_particle_found_again(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, text)
    assert {key.loc[row, "speaker"] for row in key.index[1:]} == {speaker}


def test_is_a_titled_persons_office_named_without_the_title(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Environment Minister Priya Laurent's office said she was considering all options.")
    assert (key.loc["P01.S1", "speaker"], key.loc["P01.S1", "category"]) == ("Priya Laurent’s office", "official statement")


def test_is_an_office_named_as_a_body_before_still_that_body(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Fenwick County Sheriff's Office ran the drill on Monday. "
                            "Sheriff Tom Akers' office said deputies would keep taking part.")
    assert key.loc["P01.S2", "speaker"] == "Fenwick County Sheriff's Office"


@pytest.mark.parametrize(
    "text",
    ["A report by parliament's Standards Committee found that 23 lawmakers had claimed expenses.",
     "A report by the Standards Committee released Wednesday found that 23 lawmakers had claimed expenses."],
    ids=["an-assembly-owns-the-committee", "released-on-a-weekday"],
)
def test_is_a_reports_author_read_past_its_owner_and_its_release(tmp_path: Path, text: str) -> None:
    assert drafted(tmp_path, text).loc["P01.S1", "speaker"] == "Standards Committee"


def test_is_an_according_to_clause_after_a_name_no_description_of_the_person(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The National Electoral Agency counted the votes. Ana Ruiz won 41 percent, against 40 percent "
                            "for the architect Rui Meireles, according to the agency's final count. "
                            "Meireles said the city needed a builder.")
    assert (key.loc["P01.S3", "speaker"], key.loc["P01.S3", "category"]) == ("Rui Meireles", "reporting")


@pytest.mark.parametrize(
    "text",
    ["Leonard Brisk, a former parks director for the town, argued that the festival should move.",
     "Former utility director Sam Okoro, who now advises cities on infrastructure, said rates were too low.",
     "Javad Karimi, a former PMO director who now lectures in port management, said the port was too small."],
    ids=["field-of-the-office", "field-who-now-advises", "office-who-now-lectures"],
)
def test_is_a_past_public_office_a_former_official_speaking_as_an_analyst(tmp_path: Path, text: str) -> None:
    key = drafted(tmp_path, text)
    assert (key.loc["P01.S1", "speaker_role"], key.loc["P01.S1", "category"]) == ("former official", "expert opinion")


def test_is_a_former_company_worker_with_no_office_still_unknown(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Ana Ruiz, a former welder at the yard, said the cuts were unfair.")
    assert key.loc["P01.S1", "speaker_role"] == ""


@pytest.mark.parametrize(
    ("text", "first"),
    [("FDB regional director Ma. Theresa Villanueva-Santos said the fee was low. It opens in May.",
      "FDB regional director Ma. Theresa Villanueva-Santos said the fee was low."),
     ("Junrey Abapo, 52, who farms off Barangay Sto. Niño, said rain spoiled his crop. It opens in May.",
      "Junrey Abapo, 52, who farms off Barangay Sto. Niño, said rain spoiled his crop."),
     ("Economist Ts.Oyunchimeg, a former deputy minister, cautioned that prices could fall. It opens in May.",
      "Economist Ts.Oyunchimeg, a former deputy minister, cautioned that prices could fall.")],
    ids=["philippine-ma", "philippine-sto", "initial-against-the-name"],
)
def test_does_a_name_abbreviation_or_an_attached_initial_end_no_sentence(text: str, first: str) -> None:
    assert [sentence.text for sentence in split_sentences(text)] == [first, "It opens in May."]


def test_does_a_sentence_still_end_after_a_short_name_when_a_space_follows() -> None:
    assert [sentence.text for sentence in split_sentences("The minister met Li. Officials said so.")] == [
        "The minister met Li.", "Officials said so."]


def test_are_a_state_agencys_dateline_and_closing_credit_part_of_their_sentences() -> None:
    text = ("Uran-Tal, March 10, 2026 /MONTSAME/. A wool-washing plant began operating on Tuesday.\n\n"
            "Farmers harvested 9,400 tons, according to the Provincial Agriculture Office. (PNA)")
    assert [sentence.text for sentence in split_sentences(text)] == [
        "Uran-Tal, March 10, 2026 /MONTSAME/. A wool-washing plant began operating on Tuesday.",
        "Farmers harvested 9,400 tons, according to the Provincial Agriculture Office. (PNA)"]


def test_is_a_name_written_against_its_initial_one_persons_name(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Economist Ts.Oyunchimeg, a former deputy minister of light industry, cautioned that prices "
                            "could fall. Herder D.Ganbold, 58, said he used to burn the wool. \"I will sell it,\" he said.")
    assert list(key["speaker"]) == ["Ts.Oyunchimeg", "D.Ganbold", "D.Ganbold"]
    assert key.loc["P01.S1", "speaker_role"] == "former official"


@pytest.mark.parametrize(
    "text",
    ["The Corvellian Federation of Labour, the largest union, said it would challenge the law in the Constitutional "
     "Court. Its leader, Irena Kostadin, said the vote had been bought.",
     "The club, Okumizawa Rivale FC, welcomed the plan. Its coach, Matsuda Ryo, told Kyodo News the ground was old.",
     "Orbitale Systems, based in Dravenna, said the contract, awarded by the Estmarran Space Agency, would add 300 jobs. "
     "Its chief executive, Lucien de Marsac, told Reuters that the company would hire locally."],
    ids=["union-before-a-court", "football-club", "company-named-before-the-agency"],
)
def test_is_its_leader_the_leader_of_the_body_the_sentence_before_opened_with(tmp_path: Path, text: str) -> None:
    key = drafted(tmp_path, text)
    last = key.index[-1]
    assert (key.loc[last, "speaker_role"], key.loc[last, "category"]) == ("", "reporting")


def test_is_its_director_in_the_same_sentence_the_last_bodys(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Velm Tenants Union met the Velm Housing Ministry, and its director, Ana Ruiz, said "
                            "rents would fall.")
    assert (key.loc["P01.S1", "speaker"], key.loc["P01.S1", "speaker_role"]) == ("Ana Ruiz", "official")


def test_does_a_studio_speak_by_its_reference_back_in_a_cue_clause_mid_sentence(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Lodestar Pictures released the film on Friday. Overseas, the film added $51 million, the "
                            "studio said, led by $9.4 million in Britain.")
    assert (key.loc["P01.S2", "speaker"], key.loc["P01.S2", "channel"]) == ("Lodestar Pictures", "paraphrase")


@pytest.mark.parametrize("document", ["final count", "tally", "latest forecast"])
def test_is_a_bodys_count_or_forecast_its_words(tmp_path: Path, document: str) -> None:
    key = drafted(tmp_path, "The National Electoral Agency counted the votes. "
                            f"Ana Ruiz won 41 percent, according to the agency's {document}.")
    assert key.loc["P01.S2", "speaker"] == "National Electoral Agency"


def test_does_an_inverted_unnamed_source_beat_the_body_that_ends_the_words(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The company has held talks with two private equity firms and a large card network, said "
                            "the people, who asked not to be identified. No decision has been made, they said.")
    assert list(key["speaker"]) == ["", ""]
    assert key.loc["P01.S1", "channel"] == "paraphrase"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [("Trade Minister Celestin Abakar, who announced the levy in August, was abroad for talks.", ""),
     ("The protest was organized by Clean Jadra, an environmental group named after the river that runs through the "
      "valley. The group said 30,000 people had taken part.", "Clean Jadra"),
     ("Clean Jadra, an environmental group, has called a further protest in the capital for next weekend.", ""),
     ("The mine would be developed by Soltera Minerals, which says the project would supply batteries.", "Soltera Minerals"),
     ("The court fined its operator, Severteplo JSC, 4 million rubles. Severteplo's press service told TASS that the "
      "equipment had been handed over.", "Severteplo JSC")],
    ids=["relative-clause-closed", "group-named-after", "called-a-protest", "which-says", "company-press-service"],
)
def test_round11_subjects(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc[key.index[-1], "speaker"] == speaker


@pytest.mark.parametrize(
    ("text", "role"),
    [("State Auditor Marisol Quintero-Baptiste said the center had lost staff.", "official"),
     ("Dispatcher Tomasz Wilk, 34, said he had twice been mistaken.", ""),
     ("Other grinders will follow, said Zhou Minghui, head of soft commodities research at Calverley Securities.", "expert"),
     ("Dr Meenakshi Iyer, an agronomist at the Central Institute for Dryland Crops, said the soil was dry.", "expert")],
    ids=["state-auditor", "dispatcher", "head-of-research", "agronomist-at-a-state-institute"],
)
def test_round11_roles(tmp_path: Path, text: str, role: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] != "" and key.loc["P01.S1", "speaker_role"] == role
    assert " " in key.loc["P01.S1", "speaker"] and not key.loc["P01.S1", "speaker"].startswith(("State", "Dispatcher"))


def test_is_a_malaysian_honorific_no_part_of_the_name(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Datuk Haji Rosli Ismail said the canal would be finished in March. "
                            "Rosli said farmers had waited 20 years.")
    assert list(key["speaker"]) == ["Rosli Ismail", "Rosli Ismail"]


def test_is_the_outlets_own_data_as_a_cues_subject_its_narration(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Payments stocks have slumped this year, data compiled by Bloomberg show. "
                            "The Statistics Office counted the votes. Exports fell 3%, data compiled by the office show.")
    assert (key.loc["P01.S1", "speaker"], key.loc["P01.S1", "channel"]) == ("", "narration")
    assert key.loc["P01.S3", "speaker"] == "Statistics Office"


def test_is_its_report_the_report_of_the_body_the_sentence_opens_with(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Halvorsen Pay, a payments processor, is exploring a sale. Talks were held with Vestry Capital. "
                            "Halvorsen processed 38 billion euros last year, according to its annual report.")
    assert key.loc["P01.S3", "speaker"] == "Halvorsen Pay"


def test_is_an_analyst_known_by_the_sector_she_follows_an_expert(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Petra Wendtland, who follows the machinery sector for the private bank Bankhaus Rieder, "
                            "noted that orders had fallen.")
    assert (key.loc["P01.S1", "speaker_role"], key.loc["P01.S1", "category"]) == ("expert", "expert opinion")


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [("District Collector Kavitha Ramasubramanian, IAS, said land had been identified.", "Kavitha Ramasubramanian", "official"),
     ("Agency Administrator Celeste Whitmore-Ngata said the rules would help.", "Celeste Whitmore-Ngata", "official"),
     ("Entomologist Dr. Fereshteh Amirzadeh of Kavirestan University said pesticides were not enough.",
      "Fereshteh Amirzadeh", "expert")],
    ids=["letters-after-the-name", "administrator", "entomologist"],
)
def test_round12_titles(tmp_path: Path, text: str, speaker: str, role: str) -> None:
    key = drafted(tmp_path, text)
    assert (key.loc["P01.S1", "speaker"], key.loc["P01.S1", "speaker_role"]) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "speaker", "channel"),
    [("The Lugsk Regional Committee for Fair Competition has fined three bakery chains, RIA Novosti was told by the "
      "committee's press service on Wednesday.", "Lugsk Regional Committee for Fair Competition", "relayed"),
     ("TASS was told by Anna Petrova, the head of the regional health ministry, that the plan was ready.", "Anna Petrova",
      "relayed"),
     ("The plan was told by heart.", "", "narration")],
    ids=["press-service", "named-person", "no-agency"],
)
def test_is_an_agency_told_by_a_source_the_sources_relay(tmp_path: Path, text: str, speaker: str, channel: str) -> None:
    key = drafted(tmp_path, text)
    assert (key.loc["P01.S1", "speaker"], key.loc["P01.S1", "channel"]) == (speaker, channel)


def test_does_the_company_never_refer_back_to_a_committee(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Lugsk Regional Committee for Fair Competition has fined three bakery chains. "
                            "The company insists its prices followed costs.")
    assert key.loc["P01.S2", "speaker"] != "Lugsk Regional Committee for Fair Competition"


def test_does_syntok_stop_after_a_common_word_it_takes_for_an_abbreviation() -> None:
    text = "Members held contracts beyond the cap. He added that the union would ask the ministry for more."
    assert [sentence.text for sentence in split_sentences(text)] == [
        "Members held contracts beyond the cap.", "He added that the union would ask the ministry for more."]


@pytest.mark.parametrize(
    ("text", "speaker", "channel"),
    [("The harvest totalled 14,300 tonnes, BelTA was told in the Zhabinichi District Agriculture and Food Department.",
      "Zhabinichi District Agriculture and Food Department", "relayed"),
     ("This was reported on Telegram by Head of the Pryozerna Regional Military Administration Oleh Savchuk, Ukrinform "
      "reports.", "Oleh Savchuk", "relayed"),
     ("Mayor of Verkhnia Lypivka Iryna Petrivna Kostenko-Moroz told Ukrinform that lessons had begun.",
      "Iryna Petrivna Kostenko-Moroz", "relayed")],
    ids=["told-in-a-department", "reported-by-on-telegram", "ukrainian-given-name"],
)
def test_round13_state_agency_relays(tmp_path: Path, text: str, speaker: str, channel: str) -> None:
    key = drafted(tmp_path, text)
    assert (key.loc["P01.S1", "speaker"], key.loc["P01.S1", "channel"]) == (speaker, channel)


def test_are_a_documents_terms_its_words_but_new_rules_narration(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Health Ministry issued a decree on Monday. Under the decree, clinics must report weekly. "
                            "Under the new rules, boats will receive a fifth of the quota.")
    assert key.loc["P01.S2", "channel"] == "paraphrase"
    assert key.loc["P01.S3", "channel"] == "narration"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [("The Ministry of Agriculture set a quota. The quota takes effect on March 15, according to a ministry decree "
      "published on the same day.", "Ministry of Agriculture"),
     ("The state Department of Archaeology has sanctioned Rs 4.2 crore for the work, according to an official statement.",
      "Department of Archaeology")],
    ids=["ministry-decree", "body-of-the-same-sentence"],
)
def test_is_a_document_with_no_owner_the_bodys_the_sentence_names(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc[key.index[-1], "speaker"] == speaker
