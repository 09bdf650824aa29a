"""Draft rules for cues and channels (issue 15, round 3, branch r2), on made-up sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.draft.cues import is_refused
from tests.drafting import drafted



@pytest.mark.parametrize(
    "refusal",
    [
        "The Transport Ministry did not respond to a request for comment.",
        "Veltra Shipping did not immediately respond to requests for comment.",
        "She did not say when the bridge would reopen.",
        "Mayor Ilse Varga has not conceded.",
        "The port authority declined to comment.",
        "The police officer did not name the suspects.",
        "The company wouldn’t confirm the figure.",
    ],
)
def test_is_a_refused_speech_verb_narration_with_no_speaker(tmp_path: Path, refusal: str) -> None:
    text = f"Ana Brel, the harbour master of Oster, said the ferry would sail on Monday. {refusal}"
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == ""
    assert key.loc["P01.S2", "channel"] == "narration"
    assert key.loc["P01.S2", "speaker_role"] == "outlet"
    assert "refusal" in key.loc["P01.S2", "explain_speaker"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Weather Institute does not expect rain before Friday.", "Weather Institute"),  # a negated view is a view
        ("Ana Brel did not say when, but said the ferry would sail.", "Ana Brel"),  # a later cue of its own
        ("Ana Brel said the company had not commented on the delay.", "Ana Brel"),
    ],
)
def test_does_a_cue_beside_a_refusal_still_attribute(tmp_path: Path, sentence: str, speaker: str) -> None:
    key = drafted(tmp_path, f"The ferry from Oster was cancelled on Sunday. {sentence}")
    assert key.loc["P01.S2", "speaker"] == speaker
    assert key.loc["P01.S2", "channel"] == "paraphrase"


@pytest.mark.parametrize(
    ("before", "form", "refused"),
    [
        ("The ministry did not", "respond", True),
        ("She didn't", "say", True),
        ("He has not yet", "conceded", True),
        ("The firm declined to", "comment", True),
        ("The institute does not", "expect", False),
        ("She", "said", False),
        ("The ministry did not", "expect", False),
    ],
)
def test_which_speech_verbs_are_refused(before: str, form: str, refused: bool) -> None:
    assert is_refused(before, form) is refused


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Mayor Ilse Varga, 58, did not appear in public on Monday but posted on X that the count was fair.", "Ilse Varga"),
        ("Mayor Ilse Varga expressed regret in remarks to reporters, but said the count was fair.", "Ilse Varga"),
        ("Mayor Ilse Varga, 58, had been fined in March and ordered to pay the costs of the case.", ""),  # a passive
    ],
)
def test_is_a_cue_verb_after_but_given_the_subject_the_sentence_opens_with(tmp_path: Path, sentence: str, speaker: str) -> None:
    key = drafted(tmp_path, f"The count in Oster ended on Sunday. {sentence}")
    assert key.loc["P01.S2", "speaker"] == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "Veltra did not say when it expected the ferries to sail again.",
        "Veltra's Oster-listed shares fell 4% on Monday.",
    ],
)
def test_is_a_cue_verb_inside_a_refusal_or_a_compound_no_cue(tmp_path: Path, sentence: str) -> None:
    key = drafted(tmp_path, f"The ferry from Oster was cancelled on Sunday. {sentence}")
    assert key.loc["P01.S2", "speaker"] == ""
    assert key.loc["P01.S2", "channel"] == "narration"


@pytest.mark.parametrize(
    ("sentence", "speaker", "channel"),
    [
        ("Ferry traffic fell by a third in May, per the Oster Port Authority.", "Oster Port Authority", "paraphrase"),
        ("Ferries are not bridges, warned Ana Brel, a transport economist at the Oster Institute.", "Ana Brel", "paraphrase"),
        ("The Oster Port Authority attributed the fall to a strike by pilots.", "Oster Port Authority", "paraphrase"),
        ("Mayor Ilse Varga credited a new timetable with the recovery.", "Ilse Varga", "paraphrase"),
        ("Mayor Ilse Varga expressed concern that fares would rise.", "Ilse Varga", "paraphrase"),
        ("The fare rose 5 per cent in May.", "", "narration"),  # "per" that names no source
    ],
)
def test_are_new_cue_words_attributed(tmp_path: Path, sentence: str, speaker: str, channel: str) -> None:
    key = drafted(tmp_path, f"The ferry from Oster was cancelled on Sunday. {sentence}")
    assert key.loc["P01.S2", "speaker"] == speaker
    assert key.loc["P01.S2", "channel"] == channel


def test_do_analysts_at_a_firm_estimate_in_the_present(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Veltra Shipping cut its fares on Monday. Analysts at Brenholt Securities estimate that the cut "
                            "will cost the company 40 million euros.")
    assert key.loc["P01.S2", "speaker"] == "Brenholt Securities"
    assert key.loc["P01.S2", "speaker_role"] == "expert"


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        ("It is understood that two ministers argued against the contract.", "paraphrase"),
        ("Harbour News understands that two ministers argued against the contract.", "paraphrase"),
        ("Ferry fares have doubled in three years, The Oster Courier can reveal.", "narration"),
    ],
)
def test_is_the_outlets_own_knowledge_spoken_by_no_one(tmp_path: Path, sentence: str, channel: str) -> None:
    key = drafted(tmp_path, f"Mayor Ilse Varga said on Monday the contract was fair. {sentence}")
    assert key.loc["P01.S2", "speaker"] == ""
    assert key.loc["P01.S2", "speaker_role"] == "outlet"
    assert key.loc["P01.S2", "channel"] == channel
    assert "own claim" in key.loc["P01.S2", "explain_speaker"] or "outlet's own work" in key.loc["P01.S2", "explain_speaker"]


def test_is_a_named_body_an_agency_learned_from_the_speaker(tmp_path: Path) -> None:
    text = ("OSTER, 2 May (Xinhua) -- The ferry will sail again on Monday, Xinhua learned from the press service of the "
            "Oster Port Authority.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Oster Port Authority"
    assert key.loc["P01.S1", "channel"] == "relayed"


@pytest.mark.parametrize(
    "sentence",
    [
        "The port could announce the deal as soon as Friday, said the person, who asked not to be identified.",
        "The deal would cost 40 million euros, said people familiar with the talks.",
    ],
)
def test_is_an_inverted_unnamed_source_after_a_named_body_no_speaker(tmp_path: Path, sentence: str) -> None:
    key = drafted(tmp_path, f"The Oster Port Authority is nearing a deal to buy two ferries. {sentence}")
    assert key.loc["P01.S2", "speaker"] == ""
    assert key.loc["P01.S2", "channel"] == "paraphrase"


def test_is_a_bracketed_party_tag_between_name_and_cue_skipped(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Sen. Mara Delton (D-Ashvale), who chairs the committee, predicted the bill would pass.")
    assert key.loc["P01.S1", "speaker"] == "Mara Delton"
    assert key.loc["P01.S1", "channel"] == "paraphrase"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Analysts at Brenholt Securities put the cost of the fleet at about 90 million euros.", "Brenholt Securities"),
        ("A poll released last week by the Oster Civic Polling Center, an independent pollster, had put Varga "
         "eight points ahead.", "Oster Civic Polling Center"),
        ("The cost was put at 90 million euros.", ""),  # a passive names no one
    ],
)
def test_is_an_estimate_with_put_attributed(tmp_path: Path, sentence: str, speaker: str) -> None:
    key = drafted(tmp_path, f"Veltra Shipping plans to buy six ferries. {sentence}")
    assert key.loc["P01.S2", "speaker"] == speaker
    assert key.loc["P01.S2", "channel"] == ("paraphrase" if speaker else "narration")


@pytest.mark.parametrize(
    "sentence",
    [
        "Press freedom groups said the ruling was overdue.",
        "Shipping firms warned of delays.",
        "Farmers along the river say they were never consulted.",
        "Parents say the timetable leaves them stranded.",
        "Insurers say the coast has become too risky to cover.",
        "Some growers on the estuary believe the tests come too late.",
        "Apple growers on Merrin's northern slopes warned on Monday that the frost had cut yields.",
    ],
)
def test_is_an_unnamed_plural_group_a_source_with_no_speaker(tmp_path: Path, sentence: str) -> None:
    key = drafted(tmp_path, f"The ferry from Oster was cancelled on Sunday. {sentence}")
    assert key.loc["P01.S2", "speaker"] == ""
    assert key.loc["P01.S2", "channel"] == "paraphrase"


@pytest.mark.parametrize(
    "sentence",
    [
        "Fares rose by a third last year, according to data compiled by Bloomberg.",
        "According to documents seen by the Oster Ledger, the port's inspectors flagged the ferries in 2024.",
        "The port has opened a new ferry terminal in Oster, AGERPRES informs.",
    ],
)
def test_is_the_outlets_own_evidence_or_credit_narration(tmp_path: Path, sentence: str) -> None:
    key = drafted(tmp_path, f"Mayor Ilse Varga said on Monday the contract was fair. {sentence}")
    assert key.loc["P01.S2", "speaker"] == ""
    assert key.loc["P01.S2", "channel"] == "narration"
    assert "own claim" in key.loc["P01.S2", "explain_speaker"] or "outlet's own work" in key.loc["P01.S2", "explain_speaker"]


def test_is_data_compiled_by_a_body_still_the_bodys(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Fares rose by a third last year, according to data compiled by the Oster Port Authority.")
    assert key.loc["P01.S1", "speaker"] == "Oster Port Authority"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("People close to the mayor, Ilse Varga, said she had resisted a fare rise.", ""),
        ("Two councillors, who did not want to be named, said the contract was rushed. One said it was a shambles.", ""),
    ],
)
def test_are_unnamed_sources_not_the_person_they_are_close_to(tmp_path: Path, sentence: str, speaker: str) -> None:
    key = drafted(tmp_path, f"Mayor Ilse Varga signed the ferry contract on Monday. {sentence}")
    assert (key["speaker"].iloc[1:] == speaker).all()
    assert (key["channel"].iloc[1:] == "paraphrase").all()


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Archbishop Paolo Verrini gave his consent in a letter to the museum.", "Paolo Verrini"),
        ("The Oster Port Authority closed the terminal in a brief statement on Sunday.", "Oster Port Authority"),
        ("The ferry sailed in a storm.", ""),  # no cue noun
    ],
)
def test_is_an_act_done_in_a_letter_or_statement_attributed(tmp_path: Path, sentence: str, speaker: str) -> None:
    key = drafted(tmp_path, f"The ferry from Oster was cancelled on Sunday. {sentence}")
    assert key.loc["P01.S2", "speaker"] == speaker
    assert key.loc["P01.S2", "channel"] == ("paraphrase" if speaker else "narration")


@pytest.mark.parametrize(
    ("sentence", "speaker", "channel"),
    [
        ("The ferries will be built in Oster, according to a ministry document seen by Reuters.", "Transport Ministry", "relayed"),
        ("The ferries drew 1.9 million passengers, per passenger tracker Seacount.", "Seacount", "paraphrase"),
    ],
)
def test_is_a_bodys_document_seen_by_an_outlet_the_bodys_words(tmp_path: Path, sentence: str, speaker: str, channel: str) -> None:
    key = drafted(tmp_path, f"The Transport Ministry plans to buy six ferries. {sentence}")
    assert key.loc["P01.S2", "speaker"] == speaker
    assert key.loc["P01.S2", "channel"] == channel


def test_is_a_documents_author_named_in_an_aside_the_speaker(tmp_path: Path) -> None:
    text = ("The Oster Sailing Academy trains ferry crews. A survey of 1,200 crew members, conducted by the academy in "
            "May, found that a third planned to leave.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Oster Sailing Academy"
    assert key.loc["P01.S2", "channel"] == "paraphrase"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The court found that the port had failed in its duty.", "Oster District Court"),
        ("The Oster Health Agency has linked the illness to the water supply.", "Oster Health Agency"),
        ("The new bridge links the two banks of the river.", ""),  # no cue: a bridge says nothing
    ],
)
def test_are_a_courts_finding_and_a_bodys_link_attributed(tmp_path: Path, sentence: str, speaker: str) -> None:
    key = drafted(tmp_path, f"The Oster District Court ruled on Monday in the ferry case. {sentence}")
    assert key.loc["P01.S2", "speaker"] == speaker


def test_is_a_clause_inside_the_reported_words_no_closing_cue(tmp_path: Path) -> None:
    text = ("Ana Brel, chief economist at the Oster Institute, said fares would rise. Analysts at Brenholt Securities wrote "
            "in a note to clients that the cuts, roughly twice what they had expected, would lift margins.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Brenholt Securities"


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        ('Mayor Ilse Varga posted on X that "every ferry must sail on time."', "direct quote"),
        ('Mayor Ilse Varga said the timetable would stay "unchanged for as long as needed."', "paraphrase"),
        ('The Oster Port Authority said in a statement that the strike was "an attempt to win at sea what was lost on land."', "paraphrase"),
    ],
)
def test_is_a_partial_quotation_a_paraphrase_unless_it_quotes_the_whole_that_clause(
        tmp_path: Path, sentence: str, channel: str) -> None:
    key = drafted(tmp_path, f"The Oster Port Authority cancelled the ferry on Sunday. {sentence}")
    assert key.loc["P01.S2", "channel"] == channel


def test_is_a_relay_with_a_quoted_that_clause_relayed_and_added_goes_on(tmp_path: Path) -> None:
    text = ('Mayor Ilse Varga was quoted by the Oster News Agency as saying that "the ferries will sail." '
            "She added that the timetable would not change.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Ilse Varga"
    assert key.loc["P01.S1", "channel"] == "relayed"
    assert key.loc["P01.S2", "channel"] == "relayed"


@pytest.mark.parametrize("sentence", ["Varga is also expected to approve the timetable.", "Varga was widely expected to resign."])
def test_is_a_passive_with_an_adverb_no_cue(tmp_path: Path, sentence: str) -> None:
    key = drafted(tmp_path, f"Mayor Ilse Varga signed the ferry contract on Monday. {sentence}")
    assert key.loc["P01.S2", "speaker"] == ""
    assert key.loc["P01.S2", "channel"] == "narration"


@pytest.mark.parametrize(
    ("sentence", "speaker", "channel"),
    [
        ("Ana Brel, a shipping consultant in the Ostranian capital, Bremholt, sees bad faith on both sides.", "Ana Brel", "paraphrase"),
        ("Some maritime lawyers see the ruling as a turning point.", "", "paraphrase"),
        ("Ana Brel saw the ferry sink.", "", "narration"),  # what someone witnessed is no view
    ],
)
def test_is_a_view_in_the_present_with_sees_attributed(tmp_path: Path, sentence: str, speaker: str, channel: str) -> None:
    key = drafted(tmp_path, f"The Oster ferry talks ended on Sunday. {sentence}")
    assert key.loc["P01.S2", "speaker"] == speaker
    assert key.loc["P01.S2", "channel"] == channel


def test_is_a_place_named_in_apposition_no_speaker(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Ana Brel, a consultant in the Ostranian capital, Bremholt, said the talks had failed.")
    assert key.loc["P01.S1", "speaker"] == "Ana Brel"


def test_is_a_noun_with_a_relative_clause_after_a_comma_no_cue_clause(tmp_path: Path) -> None:
    text = ("The Oster Shipping Union says the vote was fair. Mayor Ilse Varga alleged vote buying in two districts, an "
            "accusation the union denied.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Ilse Varga"


def test_does_a_company_that_does_not_comment_carry_no_words(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Veltra Shipping is said to be for sale. Veltra Shipping does not comment on market speculation.")
    assert key.loc["P01.S2", "channel"] == "narration"


@pytest.mark.parametrize("sentence", ['She said, "We will win this fight, and we will win it soon."',
                                      'Varga added, "Nobody will stop the ferries."'])
def test_is_a_quotation_introduced_by_a_cue_and_a_comma_a_direct_quote(tmp_path: Path, sentence: str) -> None:
    key = drafted(tmp_path, f"Mayor Ilse Varga spoke in Oster on Monday. {sentence}")
    assert key.loc["P01.S2", "speaker"] == "Ilse Varga"
    assert key.loc["P01.S2", "channel"] == "direct quote"


def test_a_verb_inside_a_relative_clause_after_its_preposition_is_no_cue(tmp_path: Path) -> None:
    text = "Novak ran the port authority until 2022, after which Governor Ilse Brandt dismissed him."
    row = drafted(tmp_path, text).loc["P01.S1"]
    assert (row["speaker"], row["channel"]) == ("", "narration")


def test_does_an_opening_said_invert_the_cue_and_stay_out_of_the_name(tmp_path: Path) -> None:
    key = drafted(tmp_path, 'The film took $40 million, said Carla Benedetti, head of distribution.\n'
                            'Said Whitney Osei-Park, a senior media analyst at Halvorsen Research: "The opening is no disaster."\n'
                            'Osei-Park estimated that the film would earn $95 million.')
    assert key.loc["P02.S1", "speaker"] == "Whitney Osei-Park"
    assert key.loc["P02.S1", "channel"] == "direct quote"
    assert key.loc["P03.S1", "speaker"] == "Whitney Osei-Park"


def test_is_reporting_results_no_cue(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Kessendorf Platinum cut its dividend. Its rival Orrin Metals reports results next week.")
    assert key.loc["P01.S2", "speaker"] == "" and key.loc["P01.S2", "channel"] == "narration"


@pytest.mark.parametrize("aside", ["who did not give his name", "who declined to give her name"])
def test_is_a_person_who_withholds_a_name_an_unnamed_source_not_a_refusal(tmp_path: Path, aside: str) -> None:
    key = drafted(tmp_path, f"The dyke broke on Sunday. A ferryman, {aside}, said the water rose within minutes.")
    assert key.loc["P01.S2", "speaker"] == ""
    assert key.loc["P01.S2", "channel"] == "paraphrase"


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ('"The offer is fair," said Norvel analyst Tamsin Okoro-Lund.', "Tamsin Okoro-Lund", "expert"),
        ('"Demand is soft," said Halvik Bank economist Pilar Esterhazy.', "Pilar Esterhazy", "expert"),
    ],
    ids=["firm-analyst", "bank-economist"],
)
def test_does_an_inverted_cue_find_the_person_after_a_body_and_a_role_noun(tmp_path: Path, text: str, speaker: str,
                                                                         role: str) -> None:
    key = drafted(tmp_path, f'Grenmark Mining agreed to sell its smelter, the company said. "It is a sound deal," said '
                            f'Ottilie Brandqvist, a Grenmark board member. {text}')
    assert key.loc["P01.S3", "speaker"] == speaker
    assert key.loc["P01.S3", "speaker_role"] == role


def test_is_a_noun_with_a_pronoun_relative_after_a_comma_no_closing_cue(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Sheriff Olu Brandt said the vote was calm. Wendell Ashgrove, the county clerk, told Reuters that "
                            "the ballots would be counted by hand, a task he expects to finish on Friday.")
    assert key.loc["P01.S2", "speaker"] == "Wendell Ashgrove"
    assert key.loc["P01.S2", "channel"] == "relayed"


def test_does_a_party_in_brackets_after_a_name_stay_out_of_the_subject(tmp_path: Path) -> None:
    key = drafted(tmp_path, 'The ferry will stop in May, the operator said. "We will be cut off," Kestow Mayor Ilona Varga '
                            '(independent) told the paper.')
    assert key.loc["P01.S2", "speaker"] == "Ilona Varga"
    assert key.loc["P01.S2", "speaker_role"] == "official"


def test_is_a_member_of_a_body_known_by_its_acronym_quoted_by_an_agency_the_speaker(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Electoral Board of Velmar (EBV) finished the count, its chairman Anton Pirel told TASS. "
                            "Member of the EBV Darya Olegovna Sitnik was quoted by the Interfax news agency as saying that "
                            "no complaints had been filed. She stressed that the count had been open.")
    assert key.loc["P01.S2", "speaker"] == "Darya Olegovna Sitnik"
    assert key.loc["P01.S2", "channel"] == "relayed"
    assert key.loc["P01.S3", "speaker"] == "Darya Olegovna Sitnik"


def test_does_a_person_of_a_body_after_a_description_speak_not_the_body(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Tenants sued Orwell Homes on Monday. The tenants' attorney, Marisol Deane of the Brightwater "
                            "Law Center, said the group wants repairs.")
    assert key.loc["P01.S2", "speaker"] == "Marisol Deane"
    assert key.loc["P01.S2", "speaker_role"] == ""


def test_is_the_signer_of_a_statement_an_aside_before_the_subjects_cue(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Head of the Velm State Fire Service, Mr Tunde Arowolo-Bakare, in a statement signed by the "
                            "agency's spokesperson, Mrs Kemi Adesanya-Cole, said three engines had been sent.")
    assert key.loc["P01.S1", "speaker"] == "Tunde Arowolo-Bakare"


def test_is_the_reason_for_anonymity_no_cue_in_a_relative_clause_without_commas(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Ferry inspections were cut last year. A deckhand on the route who asked not to be named "
                            "because she feared reprisals said the checks had been skipped.")
    assert key.loc["P01.S2", "speaker"] == ""
    assert key.loc["P01.S2", "speaker_role"] == "outlet"
    assert key.loc["P01.S2", "channel"] == "paraphrase"


@pytest.mark.parametrize("listing", ["since it listed in 2019", "since the firm listed on the Varna Stock Exchange"])
def test_is_a_company_listing_its_shares_no_cue(tmp_path: Path, listing: str) -> None:
    key = drafted(tmp_path, "Dorrel Mining said output would fall. "
                            f"Its shares dropped 9% on Friday, their worst day {listing}.")
    assert key.loc["P01.S2", "speaker"] == ""
    assert key.loc["P01.S2", "channel"] == "narration"
    assert key.loc["P01.S2", "category"] == "reporting"
