"""Draft rules for the outlet, its documents and studies as sources (issue 15, round 3), on made-up sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.text.words import rows, sourcing_words
from tests.drafting import drafted



def test_has_the_sourcing_list_every_kind() -> None:
    assert rows("sourcing")
    for kind in ("learned", "document", "study", "authors", "finding"):
        assert sourcing_words(kind), kind


@pytest.mark.parametrize("outlet", ["Reuters", "The Hollywood Reporter", "ESPN"])
def test_is_an_outlet_that_has_learned_at_the_end_the_speaker(tmp_path: Path, outlet: str) -> None:
    key = drafted(tmp_path, f"The Orvel city council will vote on the budget on March 3, {outlet} has learned.")
    assert key.loc["P01.S1", "speaker"] in (outlet, outlet.removeprefix("The "))  # the scorer ignores a leading "The"
    assert key.loc["P01.S1", "channel"] == "relayed"
    assert "agency learned" in key.loc["P01.S1", "explanation"]


def test_is_an_agency_that_gathered_the_speaker(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Reuters gathered that the contract for the Dalby bypass was signed in June.")
    assert key.loc["P01.S1", "speaker"] == "Reuters"


def test_is_a_named_body_an_agency_learned_from_the_speaker(tmp_path: Path) -> None:
    text = "A new bakery opened in Tarsk on Monday, Xinhua learned from the press service of the Tarsk City Council."
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Tarsk City Council"
    assert key.loc["P01.S1", "channel"] == "relayed"


def test_are_unnamed_sources_who_told_a_listed_outlet_the_outlet(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Halvard Hawks have signed forward Jon Pellow to a three-year deal, sources told ESPN.")
    assert key.loc["P01.S1", "speaker"] == "ESPN"
    assert key.loc["P01.S1", "channel"] == "relayed"


@pytest.mark.parametrize(
    ("cue", "speaker"),
    [
        ("per the Orvel Department of Transport", "Orvel Department of Transport"),
        ("per market tracker Quillstat", "Quillstat"),
    ],
)
def test_is_per_x_read_as_according_to(tmp_path: Path, cue: str, speaker: str) -> None:
    key = drafted(tmp_path, f"Bus ridership in Orvel rose 8% in the first quarter, {cue}.")
    assert key.loc["P01.S1", "speaker"] == speaker
    assert key.loc["P01.S1", "channel"] == "paraphrase"
    assert "per X" in key.loc["P01.S1", "explanation"]


@pytest.mark.parametrize(
    "text",
    [
        "Tickets cost $12 per person, and the museum opens at nine.",
        "The list was drawn up as per the rules of the club, the museum opens at nine.",
    ],
)
def test_is_per_as_a_unit_or_as_per_no_source(tmp_path: Path, text: str) -> None:
    key = drafted(tmp_path, text)
    assert "per X" not in key.loc["P01.S1", "explanation"]


def test_are_unnamed_sources_after_per_no_named_speaker(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The deal makes Pellow the best-paid player on the team, per league sources.")
    assert key.loc["P01.S1", "speaker"] == ""
    assert key.loc["P01.S1", "channel"] == "paraphrase"


_STUDY = (
    "Bees avoid flowers sprayed with the fungicide, according to a paper published in the journal Pollen Letters.\n\n"
    "The work, led by entomologist Marta Quillon-Dray of Tarsk University, tested 4,000 bees.\n\n"
    "In the field, 60% of bees skipped the sprayed plots, the study found.\n\n"
    "The bees probably smell the spray, the authors write.\n\n"
    "Quillon-Dray and her colleagues write that farmers should spray at night.\n"
)


def test_are_a_studys_findings_its_lead_authors_words(tmp_path: Path) -> None:
    key = drafted(tmp_path, _STUDY)
    for sentence in ("P01.S1", "P03.S1", "P04.S1", "P05.S1"):
        assert key.loc[sentence, "speaker"] == "Marta Quillon-Dray", sentence
        assert key.loc[sentence, "channel"] == "paraphrase", sentence
    assert "study authors" in key.loc["P03.S1", "explanation"]
    assert key.loc["P02.S1", "speaker"] == ""  # the lead author named without a cue: narration


def test_is_a_study_with_no_author_named_no_speaker(tmp_path: Path) -> None:
    key = drafted(tmp_path, "In the field, 60% of bees skipped the sprayed plots, the study found.")
    assert key.loc["P01.S1", "speaker"] == ""


def test_is_a_person_who_cites_a_study_the_speaker(tmp_path: Path) -> None:
    text = _STUDY + "\nFarmer Ivo Brandt said the study found nothing he had not seen himself.\n"
    key = drafted(tmp_path, text)
    assert key.loc["P06.S1", "speaker"] == "Ivo Brandt"


@pytest.mark.parametrize(("document", "verb"), [("notice", "said"), ("statement", "reads"), ("data", "showed")])
def test_is_a_document_referring_back_the_body_named_before(tmp_path: Path, document: str, verb: str) -> None:
    text = (f"The Tarsk Water Authority said on Monday that it would raise prices. "
            f"Households will pay 4% more from May, the {document} {verb}.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Tarsk Water Authority"
    assert key.loc["P01.S2", "channel"] == "paraphrase"


def test_is_the_maker_of_a_survey_the_speaker(tmp_path: Path) -> None:
    text = ("The Orvel Medical Association warned on Monday of a shortage of nurses. "
            "A survey of 900 nurses, conducted by the association in May, found that a third planned to leave.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Orvel Medical Association"


def test_are_documents_an_outlet_saw_its_own_evidence(tmp_path: Path) -> None:
    text = "According to documents seen by the Courier, the county's engineers warned of cracks in 2023."
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == ""
    assert key.loc["P01.S1", "channel"] == "narration"


def test_is_a_memo_an_outlet_saw_the_document_of_the_body_the_sentence_opens_with(tmp_path: Path) -> None:
    text = ("The Orvel Transport Authority raised fares on Monday. "
            "The authority plans to cut two bus lines in May, according to an internal memo seen by the Courier.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Orvel Transport Authority"
    assert key.loc["P01.S2", "channel"] == "relayed"
    assert "seen by" in key.loc["P01.S2", "explanation"]


def test_are_county_records_the_countys(tmp_path: Path) -> None:
    text = ("Tenants in Marlow County sued their landlord on Monday. "
            "County records show the landlord has been fined $2,000.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Marlow County"
    assert key.loc["P01.S2", "speaker_role"] == "official"


def test_is_an_outlets_own_analyst_after_according_to_the_speaker(tmp_path: Path) -> None:
    text = ("The Hawks signed Jon Pellow on Monday. "
            "The Hawks could still free $9 million next summer, according to ESPN salary cap analyst Dana Whitfield-Ore.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Dana Whitfield-Ore"
    assert key.loc["P01.S2", "channel"] == "paraphrase"


def test_are_plural_sources_in_a_reduced_relative_clause_unnamed(tmp_path: Path) -> None:
    text = "The Hawks signed Jon Pellow on Monday, a move several rival executives told ESPN had raised prices."
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "ESPN"
    assert key.loc["P01.S1", "channel"] == "relayed"


def test_is_the_source_of_a_consensus_figure_the_speaker(tmp_path: Path) -> None:
    text = ("Tarsk Motors said on Monday its sales rose 4%. "
            "Analysts had expected a rise of 6%, according to data compiled by Quillstat Research Group.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Quillstat Research Group"
    assert "data over unnamed" in key.loc["P01.S2", "explanation"]


def test_is_its_website_the_body_the_sentence_is_about(tmp_path: Path) -> None:
    text = ("The Orvel Heritage Foundation and the Tarsk City Council opened a museum on Monday. "
            "Founded in 1901, the foundation has 800 members, according to its website.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Orvel Heritage Foundation"


def test_is_an_outlet_that_can_reveal_its_own_narration(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Drivers in Orvel pay twice the national rate to park, The Guardian can reveal.")
    assert key.loc["P01.S1", "speaker"] == ""
    assert key.loc["P01.S1", "channel"] == "narration"
    assert "own claim" in key.loc["P01.S1", "explanation"]


def test_is_an_outlet_that_understands_the_speaker_of_its_unnamed_sources_account(tmp_path: Path) -> None:
    # Like "has learned": the outlet stands behind what its unnamed sources told it (the tuning set's convention).
    text = ("Mayor Ilse Varga opened the bridge on Monday. "
            "BBC News understands that two councillors argued against the contract. "
            "The ABC understands her department has drafted a plan.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "BBC News"
    assert key.loc["P01.S2", "channel"] == "relayed"
    assert key.loc["P01.S3", "speaker"] == "ABC"


def test_is_what_a_person_understands_no_outlets_sourcing(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Mayor Ilse Varga understands the concerns of residents.")
    assert key.loc["P01.S1", "speaker"] == ""  # a person's understanding is no one's sourcing: narration
    assert key.loc["P01.S1", "channel"] == "narration"


def test_is_a_paper_whose_name_ends_in_a_lower_case_word_the_speaker(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The regional daily Orvelske noviny writes today that the mayors signed a petition.")
    assert key.loc["P01.S1", "speaker"] == "Orvelske noviny"
    assert key.loc["P01.S1", "channel"] == "relayed"


def test_do_analysts_at_a_firm_speak_for_it_with_a_present_plural_cue(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Analysts at Berwin Lacey Securities estimate that the merger will save $40 million a year.")
    assert key.loc["P01.S1", "speaker"] == "Berwin Lacey Securities"
    assert key.loc["P01.S1", "speaker_role"] == "expert"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Chip prices fell 9%, according to Quarrow Data, a market-research firm.", "expert"),
        ("Turnout rose to 61%, according to the Brenning Observatory for Elections.", "expert"),
        ("Turnout rose to 61%, according to the Observatory for Fair Votes, a monitoring group.", ""),
    ],
)
def test_is_a_research_body_an_expert(tmp_path: Path, text: str, role: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] != ""
    assert key.loc["P01.S1", "speaker_role"] == role


@pytest.mark.parametrize(
    "cue",
    ["according to a Reuters review of court filings", "according to data compiled by Bloomberg"],
)
def test_is_an_outlets_own_work_narration(tmp_path: Path, cue: str) -> None:
    key = drafted(tmp_path, f"At least 40 schools in Orvel closed early on Monday, {cue}.")
    assert key.loc["P01.S1", "speaker"] == ""
    assert key.loc["P01.S1", "channel"] == "narration"
    assert "own work" in key.loc["P01.S1", "explanation"]


def test_is_a_person_who_told_a_local_newschannel_relayed(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Rosa Velline told NewsChannel 4 she had no heating for a month.")
    assert key.loc["P01.S1", "speaker"] == "Rosa Velline"
    assert key.loc["P01.S1", "channel"] == "relayed"


def test_someones_source_is_an_unnamed_source(tmp_path: Path) -> None:
    text = ("Engineer Mira Kalnin, the plant's chief designer, told the Herald that the pumps were safe. "
            "The newspaper's source said the supplier had been replaced.")
    row = drafted(tmp_path, text).loc["P01.S2"]
    assert (row["speaker"], row["channel"]) == ("", "paraphrase")


def test_a_decree_speaks_for_the_one_who_issued_it(tmp_path: Path) -> None:
    text = ("President Anna Varsi on Monday issued a decree creating a coastal guard. Port chief Omar Lind welcomed it. "
            "The decree stipulates that the guard will report to the cabinet.")
    row = drafted(tmp_path, text).loc["P01.S3"]
    assert (row["speaker"], row["channel"]) == ("Anna Varsi", "paraphrase")


def test_a_plan_issued_by_a_body_speaks_for_it(tmp_path: Path) -> None:
    text = ("The line is part of a network, according to a development plan issued by the Tarsk Regional Government. "
            "The plan calls for 300 km of new track by 2030.")
    assert drafted(tmp_path, text).loc["P01.S2", "speaker"] == "Tarsk Regional Government"


def test_instructed_reports_an_order(tmp_path: Path) -> None:
    text = "Deputy Minister Lena Horvat visited the plant. She instructed the managers to report by June."
    row = drafted(tmp_path, text).loc["P01.S2"]
    assert (row["speaker"], row["channel"]) == ("Lena Horvat", "paraphrase")


def test_is_a_study_led_by_a_named_author_the_authors_finding(tmp_path: Path) -> None:
    text = ("A study led by Rafael dos Anjos of the University of Kessel, published Tuesday in the journal Boreal Bird "
            "Studies, found that cranes nested almost only on flooded fields.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Rafael dos Anjos" and key.loc["P01.S1", "speaker_role"] == "expert"


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("A report by Marlowe Capital Research published last week found that reserves cover seven months of imports.",
         "Marlowe Capital Research", "expert"),
        ("The Volcano Monitoring Agency (BPGV) raised the alert. A report by the BPGV last year found that 41,000 people "
         "live near the crater.", "Volcano Monitoring Agency", "official"),
        ("A study by the Institute of Tropical Climate Studies in Ellapur, published last month, found that the onset had "
         "shifted.", "Institute of Tropical Climate Studies", "expert"),
        ("The Solar Trades Federation warned of job losses. A study it commissioned from the Halden Institute for Energy "
         "Economics found that demand fell by 40%.", "Halden Institute for Energy Economics", "expert"),
    ],
)
def test_is_a_documents_named_writer_its_speaker(tmp_path: Path, text: str, speaker: str, role: str) -> None:
    key = drafted(tmp_path, text)
    last = key.index[-1]
    assert key.loc[last, "speaker"] == speaker
    assert key.loc[last, "speaker_role"] == role
    assert key.loc[last, "channel"] == "paraphrase"


def test_is_a_state_institute_no_research_body(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Rainfall fell by a third, according to the National Institute of Water Resources.")
    assert key.loc["P01.S1", "speaker"] == "National Institute of Water Resources"
    assert key.loc["P01.S1", "speaker_role"] != "expert"


def test_is_a_documents_writer_the_speaker_of_which_found(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The plan leans heavily on a study by the Lakeshore Mobility Institute, a nonprofit research group, "
                            "which found that half of the riders travel for an hour.")
    assert key.loc["P01.S1", "speaker"] == "Lakeshore Mobility Institute"
    assert key.loc["P01.S1", "speaker_role"] == "expert"
    assert key.loc["P01.S1", "channel"] == "paraphrase"
    assert "document relative" in key.loc["P01.S1", "explanation"]


def test_are_tenants_on_an_estate_an_unnamed_source(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Tenants on the Hollins Lane estate in Calder Bridge, where inspectors visited in April, say little "
                            "has changed.\n\nTurnout was 46 percent, according to figures on the election office's website.")
    assert key.loc["P01.S1", "speaker"] == ""
    assert key.loc["P01.S1", "channel"] == "paraphrase"
    assert key.loc["P02.S1", "speaker"] == "office"  # "figures on the office's website" are the office's, no unnamed source


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Fares will rise by a fifth in June, according to the city's transit operator, Halvery Metro Transit.",
         "Halvery Metro Transit"),
        ("The plant will close for a month, according to the county-owned utility, Drennick Power Company.",
         "Drennick Power Company"),
    ],
    ids=["operator", "utility"],
)
def test_does_a_body_named_after_an_according_to_noun_speak(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == speaker
    assert key.loc["P01.S1", "channel"] == "paraphrase"


def test_does_an_unnamed_source_after_according_to_stay_unnamed(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The plant will close for a month, according to a person familiar with the plans.")
    assert (key.loc["P01.S1", "speaker"], key.loc["P01.S1", "speaker_role"]) == ("", "outlet")


@pytest.mark.parametrize(
    "text",
    [
        "Office rents fell 4% in May, according to Tellwood Metrics, which tracks commercial leases.",
        "Gravesby Insight, which polled 900 voters in the district last week, had put the two candidates level.",
    ],
    ids=["tracks", "polled"],
)
def test_is_a_body_that_tracks_or_polls_a_research_body(tmp_path: Path, text: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] != ""
    assert key.loc["P01.S1", "speaker_role"] == "expert"


def test_does_an_international_body_that_tracks_prices_stay_an_official(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Bread prices doubled, according to the World Food Programme, which tracks prices in 30 markets.")
    assert key.loc["P01.S1", "speaker_role"] == "official"
