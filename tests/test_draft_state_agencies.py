"""Draft rules from the state-agency tuning batch (round 6, t23): credit lines, numbered decisions, press releases
sent to an agency, "the same source", a body's own report, forms of address before a given name, titles of local
government and a person of an institute whose name has "and" in it. All sentences are made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.text.article import split_sentences
from medialit.text.mentions import split_title
from tests.drafting import drafted


def test_does_a_wire_credit_line_stay_in_the_last_sentence() -> None:
    last = "The office said the road would reopen in June. -- KESTRA"
    assert [sentence.text for sentence in split_sentences(f"The road is closed.\n\n{last}")] == [
        "The road is closed.", "The office said the road would reopen in June. -- KESTRA"]


@pytest.mark.parametrize("number", ["No. 12/QD-UB", "No. 4"])
def test_does_a_numbered_decision_stay_one_sentence(number: str) -> None:
    text = f"Order {number}, signed by the board in May, states that the fees will fall."
    assert [sentence.text for sentence in split_sentences(text)] == [text]


@pytest.mark.parametrize("document", ["a press release sent to Reuters", "a statement sent to AFP"])
def test_is_a_press_release_sent_to_an_outlet_relayed(tmp_path: Path, document: str) -> None:
    key = drafted(tmp_path, f"The library will reopen in May, the Varlen City Council informs in {document}.")
    assert key.loc["P01.S1", "speaker"] == "Varlen City Council"
    assert key.loc["P01.S1", "channel"] == "relayed"


def test_does_according_to_the_same_source_go_back_to_the_last_source(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Orvel Port Authority said the quay would be rebuilt. The work will cost 4 million euros, "
                            "according to the same source.")
    assert key.loc["P01.S2", "speaker"] == "Orvel Port Authority"
    assert key.loc["P01.S2", "speaker_role"] == "official"
    assert key.loc["P01.S2", "category"] == "official statement"


@pytest.mark.parametrize("report", ["the ministry's yearly river quality report", "the ministry's Water Report 2025"])
def test_does_a_bodys_own_report_make_the_body_the_speaker(tmp_path: Path, report: str) -> None:
    key = drafted(tmp_path, "The Ministry of Water Works opened a new lab on Monday. Nitrate levels fell by a fifth, "
                            f"according to {report}.")
    assert key.loc["P01.S2", "speaker"] == "Ministry of Water Works"
    assert key.loc["P01.S2", "channel"] == "paraphrase"


@pytest.mark.parametrize("address", ["Mr.", "Mr", "Mrs."])
def test_is_a_word_after_a_form_of_address_a_given_name(address: str) -> None:
    assert split_title(f"{address} Said Ben Amar")[1] == "Said Ben Amar"


def test_is_a_given_name_after_a_form_of_address_the_speakers(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The head of the fishermen's cooperative, Mr. Said Ben Amar, told Reuters that catches "
                            "had doubled.")
    assert key.loc["P01.S1", "speaker"] == "Said Ben Amar"


@pytest.mark.parametrize(("title", "role"), [("The prefect of Orvel County", "official"),
                                             ("The Wali of Tinzar", "official")])
def test_do_titles_of_local_government_make_an_official(tmp_path: Path, title: str, role: str) -> None:
    key = drafted(tmp_path, f"{title}, Nora Belkadi, said the schools would reopen on Sunday.")
    assert key.loc["P01.S1", "speaker"] == "Nora Belkadi"
    assert key.loc["P01.S1", "speaker_role"] == role
    assert key.loc["P01.S1", "category"] == "official statement"


def test_does_a_former_prefect_comment_as_a_former_official(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Former prefect Ion Barbu believes the county needs a new bridge.")
    assert key.loc["P01.S1", "speaker_role"] == "former official"
    assert key.loc["P01.S1", "category"] == "expert opinion"


def test_is_the_person_of_an_institute_with_and_in_its_name_the_speaker(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Assoc. Prof. Mira Stanek of the Institute for Soil and Water Studies said the method "
                            "used less water. She added that two farms had tried it.")
    assert key.loc["P01.S1", "speaker"] == "Mira Stanek"
    assert key.loc["P01.S1", "speaker_role"] == "expert"
    assert key.loc["P01.S2", "speaker"] == "Mira Stanek"


def test_is_a_closing_bare_verb_after_a_titled_apposition_the_cue(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Orvel Nature Park opened. Some farmers fear the deer could eat their crops, the park's "
                            "deputy director, Ivan Petrenko, conceded.")
    assert key.loc["P01.S2", "speaker"] == "Ivan Petrenko"
    assert key.loc["P01.S2", "channel"] == "paraphrase"


@pytest.mark.parametrize(
    ("text", "speaker", "category"),
    [("For Dr. Lina Marsh, a researcher at the Orvel Institute of Soil Science, the farms must focus on quality.",
      "Lina Marsh", "expert opinion"),
     ("For Jan Kowal, 41, who moved in last year, the audit is beside the point.", "Jan Kowal", "reporting"),
     ("For his part, the harbour was never the problem.", "", "reporting")],
    ids=["expert", "resident", "for-his-part"],
)
def test_does_for_a_person_open_that_persons_view(tmp_path: Path, text: str, speaker: str, category: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == speaker
    assert key.loc["P01.S1", "channel"] == ("paraphrase" if speaker else "narration")
    assert key.loc["P01.S1", "category"] == category


def test_is_a_report_in_an_unlisted_outlet_relayed_by_that_outlet(tmp_path: Path) -> None:
    key = drafted(tmp_path, "According to a report in the Orvel Daily News, the council will vote next month.")
    assert key.loc["P01.S1", "speaker"] == "Orvel Daily News"
    assert key.loc["P01.S1", "speaker_role"] == "outlet"
    assert key.loc["P01.S1", "channel"] == "relayed"


def test_does_a_portfolio_joined_by_and_name_the_whole_ministry(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Exports will double by 2030, said Fisheries and Ports Minister Dato Karim Osman. "
                            "The ministry said two new harbours would open.")
    assert key.loc["P01.S1", "speaker"] == "Karim Osman"
    assert key.loc["P01.S2", "speaker"] == "Fisheries and Ports Ministry"


def test_is_a_person_before_and_no_half_of_a_portfolio(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Ana Kowal arrived on Monday. The talks were held by Kowal and Finance Minister Jan Nowak. "
                            "The ministry said the talks went well.")
    assert key.loc["P01.S3", "speaker"] == "Finance Ministry"


@pytest.mark.parametrize(("verb", "speaker"), [("drawn up", "Orvel Soil Research Agency"), ("approved in May", "")])
def test_does_the_maker_of_a_document_after_according_to_speak(tmp_path: Path, verb: str, speaker: str) -> None:
    made = "drawn up by the Orvel Soil Research Agency (OSRA)" if verb == "drawn up" else verb
    key = drafted(tmp_path, f"According to the plan, which was {made}, farmers will get seedlings at half price.")
    assert key.loc["P01.S1", "speaker"] == speaker
    assert key.loc["P01.S1", "speaker_role"] == ("official" if speaker else "outlet")


@pytest.mark.parametrize(("title", "speaker"), [("Orvel Mayor", "Orvel Municipality"), ("Deputy Mayor", "municipality")])
def test_is_a_bare_municipality_the_town_of_the_mayor_named_before(tmp_path: Path, title: str, speaker: str) -> None:
    key = drafted(tmp_path, f"{title} Ana Petrova said the school would reopen. The fair will be held in June, "
                            "the municipality said.")
    assert key.loc["P01.S2", "speaker"] == speaker
    assert key.loc["P01.S2", "speaker_role"] == "official"


def test_is_a_person_who_explained_to_an_outlet_relayed(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The deputy director of the observatory, Lev Aronian, explained to Reuters that the dome "
                            "would open in spring.")
    assert key.loc["P01.S1", "speaker"] == "Lev Aronian"
    assert key.loc["P01.S1", "channel"] == "relayed"
