"""Organisations as speakers and references back to them (issue 15, round 3): a place's possessive kept in a body's
name, hyphenated descriptions before a name, descriptions that refer back to a body with another head noun, bodies
known first by their bare name, and refusals to comment that carry no words.

Every sentence here is made up for the test; none is copied from the tuning or held-out articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.text.mentions import lexicon, without_modifiers
from tests.drafting import drafted



@pytest.mark.parametrize(
    "text",
    [
        "The Transport Ministry did not respond to a request for comment.",
        "Brackwell Foods has not responded to requests for comment.",
        "The army, which holds the pass, did not reply to the newspaper's questions.",
    ],
    ids=["ministry", "company-plural-requests", "army-questions"],
)
def test_is_a_refusal_to_answer_narration_with_no_speaker(tmp_path: Path, text: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == ""
    assert key.loc["P01.S1", "channel"] == "narration"


@pytest.mark.parametrize(
    "text",
    ["The Transport Ministry did not say when the bridge would reopen.",
     "The council did not disclose the name of its new partner."],
    ids=["say-when", "disclose-object"],
)
def test_is_a_negated_cue_that_withholds_something_narration(tmp_path: Path, text: str) -> None:
    assert drafted(tmp_path, text).loc["P01.S1", "channel"] == "narration"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Norland's Energy Ministry said on Monday that the pipeline would open in May. The ministry added that tests "
         "had gone well.", "Norland's Energy Ministry"),
        ("Talks ended without a deal, Verania's Foreign Ministry said. In a statement, the ministry said talks would "
         "resume.", "Verania's Foreign Ministry"),
    ],
    ids=["first-sentence-cue-first", "closing-cue"],
)
def test_does_a_places_possessive_stay_in_the_bodys_name_and_its_reference_back(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, text)
    assert key.loc["P01.S1", "speaker"] == speaker
    assert key.loc["P01.S2", "speaker"] == speaker


@pytest.mark.parametrize(
    ("name", "bare"),
    [("Australian-listed Barrowfield Mining", "Barrowfield Mining"), ("Paris-based", ""),
     ("Kremlin-backed United Front", "United Front"), ("Saint-Denis Holdings", "Saint-Denis Holdings")],
)
def test_are_hyphenated_participles_left_out_of_a_name(name: str, bare: str) -> None:
    assert without_modifiers(name, lexicon()) == bare


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The regulator granted Canadian-listed Orvane Mining a licence, the company said. Orvane said work would start "
         "in June.", "Orvane Mining"),
        ("Coal use will fall by 3%, the International Coal Council said. The Geneva-based council also cut its forecast "
         "for steel, citing weak demand.", "International Coal Council"),
    ],
    ids=["listed-company", "based-body-participle-cue"],
)
def test_is_a_body_named_without_the_description_before_it(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, text)
    assert set(key["speaker"]) == {speaker}


@pytest.mark.parametrize(
    ("first", "later", "speaker"),
    [
        ("According to the World Food Programme, prices have doubled.", "The UN agency said it had sent 90 lorries.",
         "World Food Programme"),
        ("The National Hydrology Service warned of floods.", "The weather agency said the river would peak on Friday.",
         "National Hydrology Service"),
        ("The Reserve Bank of Ostland kept its rate at 5%.", "The regulator said inflation was easing.",
         "Reserve Bank of Ostland"),
    ],
    ids=["un-agency", "weather-agency-after-service", "regulator-after-bank"],
)
def test_does_a_description_refer_back_to_a_body_with_another_head_noun(tmp_path: Path, first: str, later: str,
                                                                      speaker: str) -> None:
    key = drafted(tmp_path, f"{first} {later}")
    assert key.loc["P01.S2", "speaker"] == speaker


def test_is_a_lower_case_name_a_first_mention_not_a_reference_back(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Harbour Board said ships were waiting. The state fisheries department said catches had fallen.")
    assert key.loc["P01.S2", "speaker"] == "state fisheries department"


def test_does_the_company_refer_back_to_a_body_known_by_its_bare_name(tmp_path: Path) -> None:
    key = drafted(tmp_path, "GridCo, which runs the national network, says demand hit a record. The company says it has "
                            "enough reserves.")
    assert key.loc["P01.S1", "speaker"] == "GridCo"
    assert key.loc["P01.S2", "speaker"] == "GridCo"


def test_is_a_company_whose_shares_are_named_referred_back_to(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Shares of Morrow Optics fell 8% on Tuesday. The Denver-based company now expects lower sales.")
    assert key.loc["P01.S2", "speaker"] == "Morrow Optics"


def test_is_a_spokesman_named_by_a_lower_case_body_noun_the_bodys(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Southern Rugby League fined the club. A league spokesman said the fine was final.")
    assert key.loc["P01.S2", "speaker"] == "Southern Rugby League"


def test_is_the_court_that_acted_the_one_a_later_bench_refers_to(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Court of Appeal on Monday overturned a High Court ruling on the port. The five-judge bench "
                            "said the port authority had ignored the law.")
    assert key.loc["P01.S2", "speaker"] == "Court of Appeal"


def test_does_a_qualified_reference_prefer_the_body_whose_name_has_its_words(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Northern Regional Authority approved the road. The National Roads Authority objected. "
                            "The regional authority said work would start in May.")
    assert key.loc["P01.S3", "speaker"] == "Northern Regional Authority"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The dockers' union Harbour and Canal Workers said the strike would go on.", "Harbour and Canal Workers"),
        ("According to the Alliance for a Clean Coast, plastic waste doubled.", "Alliance for a Clean Coast"),
    ],
    ids=["and-after-body-noun", "for-a"],
)
def test_is_a_long_name_with_and_or_for_a_kept_whole(tmp_path: Path, text: str, speaker: str) -> None:
    assert drafted(tmp_path, text).loc["P01.S1", "speaker"] == speaker


def test_are_two_people_joined_by_and_not_one_body(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Economist Lena Ruiz and Tomas Berg wrote the study. Ruiz said prices would rise.")
    assert key.loc["P01.S2", "speaker"] == "Lena Ruiz"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("OSTRAVEL, May 2 (Reuters) - Norland's central bank cut its main rate to 4%, saying inflation had eased.",
         "Norland's central bank"),
        ("More than 300 flights were cancelled on Monday, citing a strike.", ""),
    ],
    ids=["dateline-then-possessive-body", "no-name-opening"],
)
def test_is_the_subject_of_a_trailing_participle_a_described_body(tmp_path: Path, text: str, speaker: str) -> None:
    assert drafted(tmp_path, text).loc["P01.S1", "speaker"] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The World Health Organization (WHO) office in Dorvan said vaccines had arrived.", "World Health Organization"),
        ("The Ostland Water Department has closed two wells, according to a statement posted on its website.",
         "Ostland Water Department"),
        ("Merrow Holdings Ltd. has asked lenders for more time. Lenders will vote next week, the notice said.",
         "Merrow Holdings Ltd."),
    ],
    ids=["office-in-place", "statement-on-its-website", "the-notice-said"],
)
def test_do_a_bodys_office_and_its_documents_speak_for_it(tmp_path: Path, text: str, speaker: str) -> None:
    key = drafted(tmp_path, text)
    assert key["speaker"].iloc[-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Heritage Board said it had found a tomb. The tomb holds 40 jars, the statement read.", "Heritage Board"),
        ("The Supreme Court heard the case in May. The court found that the law was void.", "Supreme Court"),
        ("A survey published on Monday by the Coastal Polling Institute, an independent pollster, found that 60% back "
         "the plan.", "Coastal Polling Institute"),
    ],
    ids=["statement-read", "court-found", "survey-published-on-day-by"],
)
def test_do_documents_and_courts_take_find_show_and_read(tmp_path: Path, text: str, speaker: str) -> None:
    assert drafted(tmp_path, text)["speaker"].iloc[-1] == speaker


def test_does_a_withheld_answer_end_the_sentences_cues(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Pilots Union met on Monday. Jetwing did not say when it expected flights to resume.")
    assert key.loc["P01.S2", "speaker"] == ""


def test_does_a_spokeswoman_for_an_unknown_name_speak_for_a_body(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Dorren Mining Ltd. is selling a mine. A spokeswoman for Dorren said the company doesn't "
                            "comment on market rumours.")
    assert key.loc["P01.S2", "speaker"].rstrip(".") == "Dorren Mining Ltd"


def test_is_a_place_with_a_lower_case_field_and_body_noun_a_body(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Pupils stayed home after the Kestrel Bay education department closed six schools. The "
                            "department said repairs would take a month.")
    assert key.loc["P01.S2", "speaker"] == "Kestrel Bay education department"


def test_is_a_department_after_a_cue_no_body_of_a_place(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Mayor Ana Kowal told the department to act. Kowal said the roads were unsafe.")
    assert key.loc["P01.S2", "speaker"] == "Ana Kowal"


def test_is_a_body_of_another_country_not_a_reference_back(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Norland foreign ministry said talks went well. Talks resume on Monday, according to the "
                            "Estvian foreign ministry.")
    assert key.loc["P01.S2", "speaker"] == "Estvian foreign ministry"


def test_is_a_body_named_by_its_task_of_a_place_a_speaker_after_an_inverted_cue(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Rivers fell on Monday, according to the flood prevention headquarters of Dalin County. Some 300 "
                            "boats were sent, said the headquarters.")
    assert key.loc["P01.S1", "speaker"] == "flood prevention headquarters of Dalin County"
    assert key.loc["P01.S2", "speaker"] == "flood prevention headquarters of Dalin County"


def test_is_the_body_after_an_inverted_cue_the_speaker(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Ministry of Water warned of floods. Some 400 rescuers were sent, said the ministry.")
    assert key.loc["P01.S2", "speaker"] == "Ministry of Water"


def test_does_attributing_a_cause_carry_the_bodys_words(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Ministry of Trade said exports fell. The ministry attributed the fall to a strong currency.")
    assert key.loc["P01.S2", "speaker"] == "Ministry of Trade"
    assert key.loc["P01.S2", "channel"] == "paraphrase"


def test_does_the_ministry_refer_back_to_the_last_ministers_ministry(tmp_path: Path) -> None:
    text = ("Sports Minister Ilse Brandvold welcomed the vote. The ministry, which funds a fifth of university sport "
            "budgets, has said it will not intervene.")
    assert drafted(tmp_path, text).loc["P01.S2", "speaker"] == "Sports Ministry"


def test_does_an_industry_word_end_a_company_name(tmp_path: Path) -> None:
    text = ("Kessendorf Platinum said on Tuesday its profit fell 41%. Headline earnings fell to $212 million, the "
            "company said.")
    assert drafted(tmp_path, text).loc["P01.S2", "speaker"] == "Kessendorf Platinum"


def test_does_another_modifier_of_a_lower_case_body_name_another_body(tmp_path: Path) -> None:
    text = ("Migrants waited at the crossing, where Orvenian police have turned back anyone without a visa. "
            "Orvenia recorded 41,000 irregular crossings this year, according to the border police.")
    assert drafted(tmp_path, text).loc["P01.S2", "speaker"] == "border police"


def test_is_a_formal_name_with_a_list_of_fields_one_body(tmp_path: Path) -> None:
    key = drafted(tmp_path, "SEOUL (AFP) - Exports rose in May, Seoul's Ministry of Trade, Industry and Energy said. Demand "
                            "will grow, the Ministry of Trade, Industry and Energy said on Tuesday, citing cold weather.")
    assert key.loc["P01.S1", "speaker"] == "Ministry of Trade, Industry and Energy"
    assert key.loc["P01.S2", "speaker"] == "Ministry of Trade, Industry and Energy"
    assert key.loc["P01.S2", "speaker_role"] == "official"


def test_does_a_field_noun_end_a_formal_name_not_a_persons(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The National Institute for Disaster Risk Management (INGD) said in a statement that 17 schools "
                            "were flooded. It said 11 people had died. The National Jury of Elections said it would rule soon.")
    assert key.loc["P01.S1", "speaker"] == "National Institute for Disaster Risk Management"
    assert key.loc["P01.S2", "speaker"] == "National Institute for Disaster Risk Management"
    assert key.loc["P01.S3", "speaker"] == "National Jury of Elections"


def test_is_a_lower_case_body_with_and_named_whole(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Xinhua learned from the provincial grain and material reserve bureau that wheat purchases began.")
    assert key.loc["P01.S1", "speaker"] == "provincial grain and material reserve bureau"


def test_is_a_places_lower_case_body_named_with_its_possessive_and_referred_back_to(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Poland's central bank held its rate on Wednesday. \"Inflation is falling,\" the bank said. Bids "
                            "rose, China's finance ministry said. Demand was strong, the ministry said.")
    assert key.loc["P01.S2", "speaker"] == "Poland's central bank"
    assert key.loc["P01.S3", "speaker"] == "China's finance ministry"
    assert key.loc["P01.S4", "speaker"] == "China's finance ministry"


def test_is_a_company_first_read_as_a_person_referred_back_to_before_its_shares(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Tswelo Platinum has signed a wage deal. The miner said on Tuesday the deal would raise wages.\n"
                            "Tswelo's shares rose 3% in Johannesburg.")
    assert key.loc["P01.S2", "speaker"] == "Tswelo Platinum"
    assert key.loc["P01.S2", "channel"] == "paraphrase"


def test_does_the_trust_refer_back_to_a_trust(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The Ashcombe Hospitals Trust raised parking fees. The trust said 1,300 free permits were issued.")
    assert key.loc["P01.S2", "speaker"] == "Ashcombe Hospitals Trust"


def test_does_a_spokesperson_named_by_a_bodys_whole_name_speak_for_it(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Shares in Varga Kessler fell 5%. A Varga Kessler spokesperson said talks would follow.")
    assert key.loc["P01.S2", "speaker"] == "Varga Kessler"


def test_is_a_short_name_in_brackets_after_a_body_its_acronym(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Water will run three days a week, the Kilangala Urban Water Supply and Sanitation Authority "
                            "(Kuwasa) has announced. Kuwasa said the dam was low.")
    assert key.loc["P01.S1", "speaker"] == "Kilangala Urban Water Supply and Sanitation Authority"
    assert key.loc["P01.S2", "speaker"] == "Kilangala Urban Water Supply and Sanitation Authority"


def test_does_the_press_service_of_a_body_speak_for_it(tmp_path: Path) -> None:
    key = drafted(tmp_path, "A rocket lifted off on Monday. The satellite separated an hour later, the press service of "
                            "Roscosmos said.")
    assert key.loc["P01.S2", "speaker"] == "Roscosmos"
