"""The rebuilt practice article: invented through and through, unlike the seed, keyed in schema v2, marked invented."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from medialit.text.article import read_article
from medialit.keys.key import load_article_key, validate_key
from medialit.text.practice import NOTICE, invented_notice, is_invented, notice_html

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
PRACTICE = SEEDS / "practice-harbour-talks.txt"
SEED = SEEDS / "lavrov-pompeo-sochi-2019.txt"
KEY = SEEDS / "practice-harbour-talks.key.csv"
META = SEEDS / "practice-harbour-talks.meta.json"

# Schema v2 (documented in the teacher guide, section "The labelling rule"): the header, and what each rule gives (preferred categories,
# alternatives the row must list, alternatives it may list). Checked here by hand so the key is right before D1's
# validator is merged; D1's `validate_key` then checks the same.
V2_HEADER = (
    "sentence_id,text,speaker,speaker_role,channel,cue,category,also_acceptable,rule,claim_type,claim_type_also,"
    "techniques,techniques_also,explanation,explain_speaker,explain_category,explain_claim_type,explain_techniques,"
    "sources,reviewed"
).split(",")
RULES = {
    "R1": ({"reporting"}, set(), set()),
    "R2": ({"official statement"}, set(), set()),
    "R3": ({"official statement"}, {"reporting"}, {"reporting"}),
    "R4": ({"official statement", "expert opinion"}, {"state-media framing"}, {"state-media framing"}),
    "R5": ({"expert opinion"}, set(), set()),
    "R6": ({"state-media framing"}, set(), {"reporting", "official statement"}),
    "R7": ({"reporting"}, set(), set()),
    "R8": ({"reporting"}, {"official statement"}, {"official statement"}),
}
# Real news organisations: none may carry the invented content.
REAL_OUTLETS = [
    "Xinhua", "TASS", "RIA", "Novosti", "Sputnik", "RT", "Reuters", "AP", "Associated Press", "AFP", "Agence",
    "BBC", "CNN", "Bloomberg", "Anadolu", "IRNA", "EFE", "Interfax", "Vestnik", "Kavkaza", "Guardian", "Washington Post",
    "New York Times", "Al Jazeera", "Deutsche Welle", "Euronews", "Kyodo", "Yonhap",
]
# The seed's phrases the old practice text copied (issue 12): the rebuild must use none of them.
SEED_PHRASES = ["apparently", "took bribes", "illegally", "listed", "concluded", "noted", "top diplomat", "in turn",
                "mafia", "cited the", "against the backdrop", "speaking to"]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    """Return the practice key's rows as read from the CSV (all columns, strings)."""
    with KEY.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def words(text: str) -> list[str]:
    """Return the lower-case words of ``text`` (apostrophes kept inside words)."""
    return re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", text.lower())


def test_does_the_practice_key_validate() -> None:
    assert validate_key(KEY) == []
    key = load_article_key(PRACTICE)
    assert key.reviewed and len(key.sentence_ids) == len(read_article(PRACTICE).sentences) == 29


def test_is_the_key_in_schema_v2_with_a_rule_per_row(rows: list[dict[str, str]]) -> None:
    with KEY.open(encoding="utf-8") as stream:
        assert stream.readline().strip().split(",") == V2_HEADER
    for row in rows:
        preferred, required, allowed = RULES[row["rule"]]
        alternatives = {label for label in row["also_acceptable"].split(";") if label}
        assert row["category"] in preferred, f"{row['sentence_id']}: rule {row['rule']} gives {preferred}"
        assert required <= alternatives <= allowed, f"{row['sentence_id']}: rule {row['rule']} alternatives"


def test_does_every_row_explain_each_question_on_its_own(rows: list[dict[str, str]]) -> None:
    for row in rows:
        where = row["sentence_id"]
        assert row["explain_category"].startswith(f"Rule {row['rule']}:"), where
        for column in ("explanation", "explain_speaker", "explain_claim_type", "explain_techniques"):
            assert len(row[column]) > 40, f"{where}: {column}"
        assert "Rule R" not in row["explain_speaker"] and "category" not in row["explain_speaker"].lower(), where
        assert row["claim_type"].split()[0] in row["explain_claim_type"].lower(), where
        if row["techniques"]:
            spans = row["techniques"].split(";")
            assert any(name.split("/")[0] in row["explain_techniques"].lower() for name in spans), where
        else:
            assert "no " in row["explain_techniques"].lower(), where


def test_does_each_speaker_explanation_say_where_the_name_was_first_given(rows: list[dict[str, str]]) -> None:
    first_seen: dict[str, str] = {}
    for row in rows:
        speaker = row["speaker"]
        if not speaker:
            assert "nobody" in row["explain_speaker"].lower(), row["sentence_id"]
            continue
        first_seen.setdefault(speaker, row["sentence_id"])
        text = row["explain_speaker"]
        assert text.startswith(f"{speaker.split()[0]}") or text.startswith(f"The {speaker}"), row["sentence_id"]
        assert re.search(r"P\d\d\.S\d|this sentence|here", text), f"{row['sentence_id']}: where was the name given?"


def test_are_all_outlets_and_people_invented() -> None:
    text = PRACTICE.read_text(encoding="utf-8")
    for outlet in REAL_OUTLETS:
        assert not re.search(rf"\b{re.escape(outlet)}\b", text), f"a real outlet, {outlet}, appears in the practice text"
    seed_names = {"Lavrov", "Pompeo", "Markov", "Sharikov", "Sochi", "Trump", "Biden", "Putin", "Russia", "Ukraine"}
    assert not seed_names & set(re.findall(r"[A-Z][a-z]+", text))


def test_does_the_practice_text_avoid_the_seeds_phrases_and_structure() -> None:
    practice = PRACTICE.read_text(encoding="utf-8").lower()
    for phrase in SEED_PHRASES:
        assert not re.search(rf"\b{re.escape(phrase)}\b", practice), f"the seed's phrase {phrase!r} is back"
    seed_words, practice_words = words(SEED.read_text(encoding="utf-8")), words(practice)
    seed_grams = {tuple(seed_words[i : i + 4]) for i in range(len(seed_words) - 3)}
    shared = [gram for gram in zip(*(practice_words[i:] for i in range(4))) if gram in seed_grams]
    assert len(shared) <= 3, f"four-word sequences copied from the seed: {shared}"


def test_does_the_practice_key_differ_in_structure_from_the_seed(rows: list[dict[str, str]]) -> None:
    seed = load_article_key(SEED)
    seed_roles = [seed.value(item, "speaker_role") for item in seed.sentence_ids]
    practice_roles = [row["speaker_role"] for row in rows]
    assert practice_roles[:10] != seed_roles[:10]
    assert {row["rule"] for row in rows} >= {"R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8"}, "every rule is practised"
    assert {row["claim_type"] for row in rows} == {"verifiable fact", "opinion", "prediction", "allegation", "other"}


def test_is_a_supported_claim_among_the_unsupported(rows: list[dict[str, str]]) -> None:
    by_id = {row["sentence_id"]: row for row in rows}
    allegations = [row for row in rows if row["claim_type"] == "allegation"]
    supported = [row for row in allegations if "verifiable fact" in row["claim_type_also"].split(";")]
    assert supported and len(allegations) - len(supported) >= 2
    for row in supported:
        evidence = [other for other in rows if row["sentence_id"] in other["explain_claim_type"] and other["rule"] == "R1"]
        assert evidence, f"{row['sentence_id']}: which narration sentence checks it?"
        assert "support" in evidence[0]["explain_claim_type"]
    assert "no public record" in by_id["P11.S2"]["text"]


def test_does_the_meta_mark_it_invented_and_drive_the_banner() -> None:
    meta = json.loads(META.read_text(encoding="utf-8"))
    assert meta["invented"] is True
    assert is_invented(PRACTICE) and not is_invented(SEED)
    notice = invented_notice(PRACTICE)
    assert notice.startswith(f"⚠ {NOTICE}:")
    assert invented_notice(SEED) == "" and notice_html(SEED) == ""
    assert "⚠" in notice_html(PRACTICE) and "role='note'" in notice_html(PRACTICE)


def test_does_an_invented_article_without_its_own_notice_get_the_standard_one(tmp_path: Path) -> None:
    (tmp_path / "made-up.txt").write_text("Nobody said anything.", encoding="utf-8")
    (tmp_path / "made-up.meta.json").write_text('{"invented": true}', encoding="utf-8")
    assert invented_notice(tmp_path / "made-up.txt").startswith(f"⚠ {NOTICE}: ")
    (tmp_path / "made-up.meta.json").write_text("[1]", encoding="utf-8")
    with pytest.raises(Exception, match="must be one JSON object"):
        is_invented(tmp_path / "made-up.txt")


def test_does_the_classify_widget_show_the_banner_only_for_the_practice_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from medialit import classify

    monkeypatch.setenv("MEDIALIT_ANSWERS_DIR", str(tmp_path))
    assert NOTICE in classify(PRACTICE, exercise_id="banner-test").banner.value
    assert NOTICE not in classify(SEED, exercise_id="banner-seed").banner.value


def test_does_the_practice_notice_display_nothing_for_a_real_article() -> None:
    from medialit.ui.notice import practice_notice

    assert practice_notice(SEED) is None
    assert NOTICE in practice_notice(PRACTICE).data
