"""Draft rules for outlets, relays and agencies' own sourcing (issue 15), on made-up sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.drafting import drafted



@pytest.mark.parametrize(
    "cue",
    [
        "told CBC News",
        "said in an interview with CBC Radio",
        "told member station WKRB",
        "told the public broadcaster NRV",
        "told the daily Kurier Zachodni",
        "told the Polish weekly Tygodnik Brzeski",
        "complained to the newspaper Volna Pravda",
        "told local radio station Radio Brest",
        "told The Hindu",
        "told the Guardian",
        "told Bernama",
    ],
)
def test_is_a_person_who_spoke_to_an_outlet_relayed(tmp_path: Path, cue: str) -> None:
    key = drafted(tmp_path, f"Mayor Olga Brenk {cue} that the bridge would reopen in May.")
    assert key.loc["P01.S1", "speaker"] == "Olga Brenk"
    assert key.loc["P01.S1", "channel"] == "relayed"


@pytest.mark.parametrize("cue", ["he told ANTARA", "he told PAP at the gate", "he told the newspaper"])
def test_is_a_quotation_closed_by_told_outlet_relayed_and_added_goes_on(tmp_path: Path, cue: str) -> None:
    text = (f"Farmer Jan Morek spoke to the daily Gazeta Brzeska on Monday. \"The water came at night,\" {cue}. "
            "He added that the dyke had not been repaired since 2019.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == "Jan Morek"
    assert key.loc["P01.S2", "channel"] == "relayed"
    assert key.loc["P01.S3", "channel"] == "relayed"


@pytest.mark.parametrize("opening", ["Speaking to the Emirates News Agency (WAM),", "In an interview with WAM,",
                                     "Talking to Bernama,"])
def test_does_an_opening_interview_clause_relay_the_person_after_a_title_of(tmp_path: Path, opening: str) -> None:
    text = (f"{opening} Huda bint Saeed Al Rumaithi, Director-General of the port authority, explained that fees "
            "would fall. She added that a new berth would open in June.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Huda bint Saeed Al Rumaithi"
    assert key.loc["P01.S1", "channel"] == "relayed"
    assert key.loc["P01.S2", "channel"] == "relayed"


@pytest.mark.parametrize(
    "sentence",
    [
        "Two drivers, who asked not to be named because they feared losing their jobs, told CBC News they had been fined.",
        "A person close to the board, who declined to be identified, told PAP that the plant would close.",
    ],
)
def test_is_an_outlet_the_speaker_when_an_unnamed_source_told_it(tmp_path: Path, sentence: str) -> None:
    key = drafted(tmp_path, f"Mayor Olga Brenk opened the depot on Monday. {sentence}")
    assert key.loc["P01.S2", "speaker"] in ("CBC News", "PAP")
    assert key.loc["P01.S2", "channel"] == "relayed"


@pytest.mark.parametrize(
    "sentence, agency",
    [
        ("Xinhua learned from a source at the Kelvar Port Authority that the berth would open in May.", "Xinhua"),
        ("WAM has learned that the board approved a second terminal.", "WAM"),
        ("TASS learnt from a diplomatic source that the talks would resume.", "TASS"),
    ],
)
def test_is_an_agencys_own_sourcing_its_words_relayed(tmp_path: Path, sentence: str, agency: str) -> None:
    key = drafted(tmp_path, f"The port opened on Monday. {sentence} According to the source, fees would fall.")
    assert key.loc["P01.S2", "speaker"] == agency
    assert key.loc["P01.S2", "channel"] == "relayed"
    assert key.loc["P01.S2", "category"] == "state-media framing"
    if "source" in sentence:
        assert key.loc["P01.S3", "speaker"] == agency


def test_does_an_unnamed_source_that_told_an_agency_go_on_only_with_added(tmp_path: Path) -> None:
    text = ("A senior official of the transport ministry, who did not wish to be named, told PTI that 12 buses were seized. "
            "The official added that the drivers were held. The official said two depots were closed.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "PTI"
    assert key.loc["P01.S2", "speaker"] == "PTI"
    assert (key.loc["P01.S3", "speaker"], key.loc["P01.S3", "channel"]) == ("", "paraphrase")


def test_does_according_to_a_body_not_go_to_the_agency_an_unnamed_source_told(tmp_path: Path) -> None:
    text = ("A ministry official, who declined to be named, told Bernama that talks would resume. "
            "Trade reached US$2 billion, according to the Velmar Trade Development Corporation.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] != "Bernama"
    assert key.loc["P01.S2", "channel"] != "relayed"


def test_is_a_plural_source_placed_by_a_preposition_unnamed_not_the_outlet(tmp_path: Path) -> None:
    text = ("Ana Morel, who sells fruit in Kessin, spoke to the local daily Kessin Courier. "
            "Traders in Kessin have welcomed the opening.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S2", "speaker"] == ""


def test_is_a_listed_outlet_with_the_not_part_of_a_longer_name(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Deputy Ali Rahimi told the Guardian Council that the law was sound.")
    assert key.loc["P01.S1", "channel"] != "relayed"


def test_does_a_closing_cue_keep_the_relay_named_before_it(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Minister Ivan Petrenko met the envoy. In comments carried by TASS, Petrenko said the talks went well.")
    assert key.loc["P01.S2", "channel"] == "relayed"


@pytest.mark.parametrize("opening", ["In his opinion,", "In her view,", "In their assessment,", "In Kowal's opinion,"])
def test_is_in_his_opinion_the_persons_paraphrase(tmp_path: Path, opening: str) -> None:
    key = drafted(tmp_path, f"Analyst Andrea Kowal spoke at the forum. {opening} the tariff issue is the easiest to settle.")
    assert key.loc["P01.S2", "speaker"] == "Andrea Kowal"
    assert key.loc["P01.S2", "channel"] == "paraphrase"


@pytest.mark.parametrize("outlet", ["the Harbour Ledger", "the newspaper Volna"])
def test_does_quoted_by_an_unlisted_outlet_relay_and_added_go_on(tmp_path: Path, outlet: str) -> None:
    text = (f"Ana Ruiz-Costa, the company's founder, was quoted by {outlet} as saying that sales would double. "
            "She added that a second plant was planned.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Ana Ruiz-Costa"
    assert key.loc["P01.S1", "channel"] == "relayed"
    assert key.loc["P01.S2", "channel"] == "relayed"


@pytest.mark.parametrize("sentence", ["Economists polled by Reuters last week had expected a rise of 2%.",
                                      "Analysts surveyed by Bloomberg expect a cut in June."])
def test_does_an_outlet_speak_for_the_people_it_polled(tmp_path: Path, sentence: str) -> None:
    key = drafted(tmp_path, f"The central bank kept rates on hold. {sentence}")
    assert key.loc["P01.S2", "speaker"] in ("Reuters", "Bloomberg")
    assert key.loc["P01.S2", "channel"] == "relayed"


def test_is_a_poll_in_a_trailing_phrase_no_relay_of_the_speaker(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Profit fell 20%, Velm Group said on Monday, short of the estimate of analysts surveyed by Bloomberg.")
    assert key.loc["P01.S1", "channel"] == "paraphrase"


def test_does_added_at_the_start_of_the_next_paragraph_go_on_with_the_relay(tmp_path: Path) -> None:
    text = ("\"We lost half the catch,\" fisherman Omar Haddad, 61, told Bernama when contacted.\n\n"
            "He added that the boats had been held for weeks.\n\nHe said prices had doubled.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "channel"] == "relayed"
    assert key.loc["P02.S1", "channel"] == "relayed"
    assert key.loc["P03.S1", "channel"] == "paraphrase"


@pytest.mark.parametrize(
    "cue",
    [
        "told Dawn",
        "told the Tribune",
        "told the Post",
        "told Newstalk ZB",
        "told EL PAÍS",
        "told Kathimerini",
        "told the ABC",
        "told Notimex",
        "told Agência Brasil",
        "said in statements to the radio station Onda Serrana",
        "said in remarks made to the daily Kurier Polny",
    ],
)
def test_are_words_given_to_a_newspaper_or_agency_of_any_country_relayed(tmp_path: Path, cue: str) -> None:
    key = drafted(tmp_path, f"The union's leader, Rui Valente, {cue} that the strike would go on. "
                            "He added that talks had failed.")
    assert key.loc["P01.S1", "speaker"] == "Rui Valente"
    assert key.loc["P01.S1", "channel"] == "relayed"
    assert key.loc["P01.S2", "channel"] == "relayed"


def test_does_an_opening_in_statements_to_clause_relay_the_words(tmp_path: Path) -> None:
    key = drafted(tmp_path, "In statements to the newspaper Diário do Vale, farmer Rui Valente described the "
                            "water lorries as a plaster on a wound.")
    assert key.loc["P01.S1", "speaker"] == "Rui Valente"
    assert key.loc["P01.S1", "channel"] == "relayed"


def test_is_a_person_named_like_an_outlet_still_a_person(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Dawn Hartley, a nurse at the clinic, said the ward was full.")
    assert key.loc["P01.S1", "speaker"] == "Dawn Hartley"
    assert key.loc["P01.S1", "channel"] == "paraphrase"


def test_are_the_new_state_agencies_sourced_state_outlets() -> None:
    from medialit.text.outlets import packaged_outlets
    outlets = {outlet.name: outlet for outlet in packaged_outlets()}
    for name in ("Notimex", "Agência Brasil"):
        assert outlets[name].kind == "state news agency"
        assert outlets[name].source.startswith("en.wikipedia.org/wiki/")


@pytest.mark.parametrize("cue", ["He was quoted as saying", "He was also quoted as saying", "He is quoted as saying"])
def test_is_a_passive_relay_with_no_agency_relayed_by_the_agency_named_before(tmp_path: Path, cue: str) -> None:
    key = drafted(tmp_path, "Trade Minister Ilkin Sarov told Bernama that the deal was close. "
                            f"{cue} that banks would open accounts within weeks.")
    assert key.loc["P01.S2", "speaker"] == "Ilkin Sarov"
    assert key.loc["P01.S2", "channel"] == "relayed"


@pytest.mark.parametrize("who", ["Economists consulted by Bernama were", "Analysts interviewed by Bernama are",
                                 "Traders contacted by Bernama were"])
def test_do_people_an_outlet_consulted_speak_through_the_outlet(tmp_path: Path, who: str) -> None:
    key = drafted(tmp_path, f"{who} divided on the merger.")
    assert key.loc["P01.S1", "speaker"] == "Bernama"
    assert key.loc["P01.S1", "channel"] == "relayed"


def test_asked_by_an_agency_relays_the_answer(tmp_path: Path) -> None:
    text = "Asked by TASS about the delay, Energy Minister Oleg Varin said the plant would open in June."
    row = drafted(tmp_path, text).loc["P01.S1"]
    assert (row["speaker"], row["channel"]) == ("Oleg Varin", "relayed")


def test_a_passive_relay_through_a_described_newspaper_is_relayed(tmp_path: Path) -> None:
    text = ("Deputy Mayor Lin Qiao was quoted by the Harbour Daily, a newspaper run by the city government, as saying "
            "that the ferry would resume on Monday.")
    row = drafted(tmp_path, text).loc["P01.S1"]
    assert (row["speaker"], row["channel"]) == ("Lin Qiao", "relayed")


def test_does_she_added_continue_her_relay_past_another_speaker_in_the_paragraph(tmp_path: Path) -> None:
    text = ("Wanda Sorrel, who leads the tenants' group, told AFP that rents had doubled. "
            "Mayor Piet Varn said he would meet the group. She added that many families had already left.")
    key = drafted(tmp_path, text)
    assert key.loc["P01.S3", "speaker"] == "Wanda Sorrel"
    assert key.loc["P01.S3", "channel"] == "relayed"


def test_is_a_title_after_a_lower_case_word_in_an_inverted_cue_the_speakers(tmp_path: Path) -> None:
    key = drafted(tmp_path, '"Nobody should pay twice," said state Sen. Ilka Marrow-Diaz, who wrote the bill.')
    assert key.loc["P01.S1", "speaker"] == "Ilka Marrow-Diaz"
    assert key.loc["P01.S1", "speaker_role"] == "official"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Lea Morandini said the group had treated 40 people. A police officer at the crossing, who asked not to be "
         'named because he was not authorised to speak, told AFP that officers had orders. "We are waiting," he said.', ""),
        ("Lea Morandini said the group had treated 40 people. A police officer at the crossing, who asked not to be "
         'named because he was not authorised to speak, told AFP that officers had orders. "We are waiting," she said.',
         "Lea Morandini"),
        ("A council aide, who spoke on condition of anonymity, said two members switched their votes. Among those "
         "waiting was Gerrit Olumide, 71, a retired mechanic. He said he had used the branch every day.", "Gerrit Olumide"),
    ],
    ids=["he-after-an-unnamed-officer", "she-skips-an-unnamed-man", "a-person-named-since"],
)
def test_does_he_or_she_go_back_to_one_unnamed_source(tmp_path: Path, text: str, speaker: str) -> None:
    assert drafted(tmp_path, text).iloc[-1]["speaker"] == speaker


def test_is_an_interview_with_a_described_broadcaster_relayed(tmp_path: Path) -> None:
    key = drafted(tmp_path, "In an interview with the Tavessan broadcaster Radio Nour, the group's political leader, Hamza bin "
                            "Idris, said the monitors needed more vehicles.")
    assert key.loc["P01.S1", "speaker"] == "Hamza bin Idris"
    assert key.loc["P01.S1", "channel"] == "relayed"


@pytest.mark.parametrize("outlet", ["ABC Rural", "FRANCE 24", "PREMIUM TIMES", "TechCrunch", "Business Day"])
def test_are_a_broadcasters_programme_and_its_capitals_spelling_outlets(tmp_path: Path, outlet: str) -> None:
    text = f"Grower Maud Ellery told {outlet} that 30 farms had lost their crop. She added that prices had doubled."
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Maud Ellery"
    assert key.loc["P01.S1", "channel"] == "relayed"
    assert key.loc["P01.S2", "channel"] == "relayed"


@pytest.mark.parametrize("opening", ["In response to queries from The Straits Times,", "In reply to questions from Reuters,"])
def test_does_an_answer_to_an_outlets_queries_relay_the_body(tmp_path: Path, opening: str) -> None:
    text = f"{opening} the Ministry of Transport said the new bus lanes would open in May."
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == "Ministry of Transport"
    assert key.loc["P01.S1", "channel"] == "relayed"


def test_is_a_passive_relay_through_a_named_newspaper_with_its_kind_after_the_name_relayed(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The fair opened on Monday.\nIts chairman, Anton Reisig, was quoted by the Ostburger Bote "
                            "newspaper as saying that costs were rising.\nHe added that many firms were leaving.")
    assert key.loc["P02.S1", "speaker"] == "Anton Reisig"
    assert key.loc["P02.S1", "channel"] == "relayed"
    assert key.loc["P03.S1", "channel"] == "relayed"
