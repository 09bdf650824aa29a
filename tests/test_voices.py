"""Do the voice tables join the article with its key correctly: speakers, cues, words, relays and answers?"""

from __future__ import annotations

import pandas as pd
import pytest

from medialit.keys.key import Key, load_article_key
from medialit.vocabulary import CATEGORIES, NARRATION_SPEAKER
from medialit.lessons.voices import (
    VOICE_COLUMNS,
    anatomy,
    attribution_table,
    attributions,
    claim_types_by,
    confusion_counts,
    confusion_table,
    cue_framing,
    cue_verb,
    cue_verbs,
    find_markers,
    find_phrases,
    first_mentions,
    framing_counts,
    highlight_cue,
    marker_counts,
    names_in_sentences,
    quoted_share,
    relay_chains,
    relay_source,
    techniques_table,
    voice_table,
    words_by,
    words_by_side,
)
from tests.conftest import SEEDS


def test_does_the_voice_table_have_one_row_per_sentence_with_the_keys_labels(table: pd.DataFrame) -> None:
    assert list(table.columns) == VOICE_COLUMNS
    assert len(table) == 35
    assert int(table["words"].sum()) == 731
    first = table.set_index("sentence_id").loc["P01.S1"]
    assert first["speaker"] == NARRATION_SPEAKER and first["category"] == "reporting"
    relayed = table.set_index("sentence_id").loc["P02.S2"]
    assert relayed["speaker"] == "Sergey Lavrov" and relayed["channel"] == "relayed"
    assert relayed["also_acceptable"] == "state-media framing"


def test_does_words_by_speaker_add_up_to_the_whole_article(table: pd.DataFrame) -> None:
    words = words_by(table, "speaker")
    assert list(words.index) == [NARRATION_SPEAKER, "Sergey Lavrov", "Mike Pompeo", "Sergei Markov", "Pavel Sharikov"]
    assert int(words["words"].sum()) == 731 and int(words["sentences"].sum()) == 35
    assert words.loc["Sergei Markov", "words"] == 224
    assert words["share"].sum() == pytest.approx(100, abs=0.5)


def test_does_words_by_category_list_every_category_even_with_no_sentence(table: pd.DataFrame) -> None:
    words = words_by(table, "category")
    assert list(words.index) == list(CATEGORIES)
    assert words.loc["state-media framing", "words"] == 0
    assert words.loc["reporting", "sentences"] == 2


def test_does_words_by_side_group_speakers_and_keep_narration_apart(table: pd.DataFrame) -> None:
    sides = {"Sergey Lavrov": "A", "Sergei Markov": "A", "Mike Pompeo": "B"}
    words = words_by_side(table, sides)
    assert list(words.index) == ["A", "B", "not assigned", NARRATION_SPEAKER]
    assert words.loc["A", "words"] == 176 + 224
    assert words.loc["not assigned", "words"] == 158
    assert int(words["words"].sum()) == 731


def test_is_the_quoted_share_the_words_inside_quotation_marks(table: pd.DataFrame) -> None:
    quoted = table.loc[table["channel"].isin(["direct quote", "relayed"]), "words"].sum()
    assert quoted_share(table) == pytest.approx(quoted / 731)
    assert 0.7 < quoted_share(table) < 0.75


@pytest.mark.parametrize(
    ("cue", "verb"),
    [
        ("TASS cited the Russian top diplomat as saying", "cited ... as saying"),
        ("speaking to Vestnik Kavkaza, noted", "noted"),
        ("he pointed out", "pointed out"),
        ("in Lavrov’s words", "in ...'s words"),
        ("the Director of the Institute of Political Studies concluded", "concluded"),
        ("according to Reuters", "according to"),
        ("she whispered", "whispered"),
        ("", ""),
    ],
)
def test_does_cue_verb_find_the_verb_in_an_attribution_phrase(cue: str, verb: str) -> None:
    assert cue_verb(cue) == verb


def test_does_cue_framing_follow_the_content_brief() -> None:
    assert cue_framing("said") == "neutral"
    assert cue_framing("stressed") == cue_framing("noted") == cue_framing("pointed out") == "true or important"
    assert cue_framing("listed") == cue_framing("concluded") == "settled"
    assert cue_framing("cited ... as saying") == "names a relay"
    assert cue_framing("identified") == "not rated"


def test_does_the_attribution_table_tell_name_pronoun_description_and_carry_over_apart(table: pd.DataFrame) -> None:
    how = attribution_table(table).set_index("sentence_id")["how_attributed"]
    assert how["P02.S1"] == "by name"
    assert how["P03.S2"] == "carried over"
    assert how["P03.S4"] == "by pronoun"
    assert how["P04.S2"] == "by description"
    assert how["P12.S1"] == "by description"
    assert "P01.S1" not in how.index


def test_does_a_quotation_over_several_sentences_count_as_one_attribution(table: pd.DataFrame) -> None:
    runs = attributions(table)
    assert len(runs) == 17
    listed = runs[runs["cue"] == "Sergei Markov listed"].iloc[0]
    assert (listed["first"], listed["last"], listed["sentences"], listed["words"]) == ("P11.S1", "P11.S5", 5, 118)


def test_does_cue_verbs_count_each_attribution_once_per_speaker(table: pd.DataFrame) -> None:
    verbs = cue_verbs(table)
    assert verbs.loc["Sergei Markov", "listed"] == 1
    assert verbs.loc["Pavel Sharikov", "noted"] == 2
    assert verbs.loc["Mike Pompeo", "said"] == 2
    assert int(verbs.to_numpy().sum()) == 17
    assert verbs.columns[0] == "said"


def test_does_the_relay_chain_name_tass(table: pd.DataFrame) -> None:
    assert relay_chains(table) == ["P02.S2: Sergey Lavrov -> TASS -> this article"]
    assert relay_source("according to Reuters") == "Reuters"
    assert relay_source("told Xinhua") == "Xinhua"
    assert relay_source("he said") == ""


def test_does_a_relay_by_an_agency_speaking_for_itself_say_so() -> None:
    key = load_article_key(SEEDS / "practice-harbour-talks.txt")
    chains = relay_chains(voice_table(key.article, key))
    assert chains[0] == "P06.S2: Piet Marlow -> ORB -> this article"
    assert "P06.S3: ORB (its own account or an unnamed source) -> this article" in chains


def test_does_highlight_cue_mark_the_cue_only_when_it_is_in_the_sentence() -> None:
    assert highlight_cue('"Yes," he said.', "he said") == '"Yes," [[he said]].'
    assert highlight_cue("We will not gain anything from it.", "he noted") == "We will not gain anything from it."


def test_do_markers_skip_the_month_may_and_acronyms(table: pd.DataFrame) -> None:
    found = find_markers(table)
    assert found[(found["sentence_id"] == "P09.S2") & (found["marker"] == "hedging")].empty
    assert found[(found["sentence_id"] == "P13.S1") & (found["marker"] == "we")].empty
    hope = found[(found["sentence_id"] == "P07.S1") & (found["marker"] == "hedging")]
    assert hope["found"].tolist() == ["hope"]
    counts = marker_counts(table[table["speaker_role"] == "official"])
    assert list(counts.index) == ["Sergey Lavrov", "Mike Pompeo"]
    assert counts.loc["Mike Pompeo", "I"] == 3


def test_does_find_phrases_find_every_deep_state(table: pd.DataFrame) -> None:
    found = find_phrases(table, ["deep state", "Ukraine-gate", "anti-Russian", "not in the text"])
    assert found[found["phrase"] == "deep state"]["sentence_id"].tolist() == ["P10.S1", "P10.S2", "P12.S1"]
    assert set(found["speaker"]) == {"Sergei Markov", "Pavel Sharikov"}
    assert "not in the text" not in set(found["phrase"])


def test_does_the_techniques_table_keep_sentences_without_a_technique(table: pd.DataFrame) -> None:
    techniques = techniques_table(table)
    assert techniques[techniques["sentence_id"] == "P10.S2"]["technique"].tolist() == [
        "name calling/labeling", "exaggeration/minimisation"]
    assert techniques[techniques["sentence_id"] == "P01.S1"]["technique"].tolist() == ["none"]


def test_does_claim_types_by_speaker_count_the_allegations(table: pd.DataFrame) -> None:
    claims = claim_types_by(table)
    assert claims.loc["Sergei Markov", "allegation"] == 5
    assert int(claims["allegation"].sum()) == 5
    assert int(claims.to_numpy().sum()) == 35


def test_does_names_in_sentences_say_who_is_named_but_never_quoted(table: pd.DataFrame) -> None:
    allegations = table[table["claim_type"] == "allegation"]
    names = names_in_sentences(allegations, ["Kurt Volker", "Joe Biden", "Sergey Lavrov", "Nobody Here"]).set_index("name")
    assert names.loc["Kurt Volker", "sentences"] == "P11.S2"
    assert names.loc["Joe Biden", "quoted_in_article"] == "no"
    assert list(names.index) == ["Kurt Volker", "Joe Biden"]
    quoted = names_in_sentences(table, ["Sergei Markov"]).set_index("name")
    assert quoted.loc["Sergei Markov", "quoted_in_article"] == "yes"


def test_does_the_confusion_table_count_an_accepted_alternative_on_the_keys_row(seed_key: Key) -> None:
    answers = {"P01.S1": "reporting", "P02.S2": "state-media framing", "P11.S2": "state-media framing",
               "P03.S2": "", "P09.S1": None}
    confusion = confusion_table(seed_key, answers)
    assert list(confusion.index) == list(CATEGORIES) == list(confusion.columns)
    assert confusion.loc["reporting", "reporting"] == 1
    # P02.S2: the key prefers "official statement" and also accepts "state-media framing": a match on the key's row.
    assert confusion.loc["official statement", "official statement"] == 1
    assert int(confusion.loc["state-media framing"].sum()) == 0, "no sentence's preferred label is state-media framing"
    assert confusion.loc["expert opinion", "state-media framing"] == 1
    assert int(confusion.to_numpy().sum()) == 3 and confusion.attrs["accepted"] == 1
    strict = confusion_table(seed_key, answers, accepted_as_match=False)
    assert strict.loc["official statement", "state-media framing"] == 1 and strict.attrs["accepted"] == 0


def test_does_every_row_of_the_confusion_table_count_the_sentences_the_key_prefers_it_for(seed_key: Key) -> None:
    """Whatever the answers, a row holds exactly the answered sentences whose preferred label it is."""
    everything_framing = {sentence_id: "state-media framing" for sentence_id in seed_key.table.index}
    confusion = confusion_table(seed_key, everything_framing)
    preferred = seed_key.table["category"].value_counts()
    for label in CATEGORIES:
        assert int(confusion.loc[label].sum()) == int(preferred.get(label, 0)), label
    assert int(confusion.loc["state-media framing"].sum()) == 0


def test_do_confusion_counts_take_the_class_rows_of_the_dashboard() -> None:
    confusion = confusion_counts(
        ["official statement", "official statement", "expert opinion", "reporting"],
        ["state-media framing", "reporting", "", "reporting"],
        [True, False, False, False],
        labels=CATEGORIES,
        answer_name="students said",
    )
    assert confusion.loc["official statement", "official statement"] == 1
    assert confusion.loc["official statement", "reporting"] == 1
    assert int(confusion.loc["state-media framing"].sum()) == 0
    assert int(confusion.to_numpy().sum()) == 3 and confusion.columns.name == "students said"


def test_does_the_confusion_table_of_no_answers_have_only_zeros(seed_key: Key) -> None:
    confusion = confusion_table(seed_key, {})
    assert confusion.shape == (4, 4) and int(confusion.to_numpy().sum()) == 0


def test_do_the_voice_tables_work_on_another_article() -> None:
    key = load_article_key(SEEDS / "practice-harbour-talks.txt")
    table = voice_table(key.article, key)
    assert len(table) == len(key.article.sentences)
    assert int(words_by(table, "speaker")["words"].sum()) == int(table["words"].sum())
    assert len(attributions(table)) >= 1
    assert not cue_verbs(table).empty


def test_does_framing_counts_show_that_only_markov_gets_settling_cues(table: pd.DataFrame) -> None:
    framing = framing_counts(table)
    assert framing["settled"].to_dict() == {"Sergey Lavrov": 0, "Mike Pompeo": 0, "Sergei Markov": 2, "Pavel Sharikov": 0}
    assert framing.loc["Sergey Lavrov", "names a relay"] == 1
    assert int(framing.to_numpy().sum()) == 17


def test_does_anatomy_name_source_cue_and_content(table: pd.DataFrame) -> None:
    relayed = anatomy(table, "P02.S2")
    assert "source:  Sergey Lavrov" in relayed and "[[TASS cited the Russian top diplomat as saying]]" in relayed
    carried = anatomy(table, "P03.S3")
    assert "in another sentence" in carried and "[[" not in carried
    assert "narration" in anatomy(table, "P01.S1")


def test_does_first_mentions_give_each_speakers_first_sentence(table: pd.DataFrame) -> None:
    first = first_mentions(table).set_index("speaker")["sentence_id"].to_dict()
    assert first == {"Sergey Lavrov": "P02.S1", "Mike Pompeo": "P05.S1", "Sergei Markov": "P10.S1", "Pavel Sharikov": "P13.S1"}
