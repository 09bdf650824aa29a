"""Does the quote check quote its records verbatim, find the one change of meaning, and punish calling everything a distortion?

Also covers lesson 06's true-beside-false quiz, which shares the quiz format (medialit.exercises.quiz).
"""

from __future__ import annotations

import json
import re

import pytest

from medialit.errors import MediaLitError
from medialit.exercises.quiz import load_quiz, score_quiz
from medialit.text.quotes import (
    describe_differences,
    is_verbatim,
    normalise_quote,
    quote_records,
    records_section,
    word_differences,
)
from tests.conftest import REPO

QUIZZES = REPO / "medialit" / "data" / "quizzes"
ARTICLE_TEXT = (REPO / "seeds" / "lavrov-pompeo-sochi-2019.txt").read_text(encoding="utf-8")
DETAIL = re.compile(r"^(?P<source>[^:]+(?:: [^“]+)?): “(?P<quote>.*)”$")


def quiz_json(name: str) -> dict:
    """Return a shipped quiz file as JSON (read only)."""
    return json.loads((QUIZZES / f"{name}.quiz.json").read_text(encoding="utf-8"))


def details(item: dict) -> list[tuple[str, str]]:
    """Return ``(source line, quotation)`` for each detail line of a quote-check item."""
    found = []
    for line in item["details"]:
        match = DETAIL.match(line)
        assert match, f"{item['id']}: detail line not of the form 'source: “quote”': {line}"
        found.append((match.group("source"), match.group("quote")))
    return found


def test_are_the_article_quotes_word_for_word_in_the_article() -> None:
    for item in quiz_json("quote-check")["items"]:
        article = [quote for source, quote in details(item) if source.startswith("Article")]
        assert len(article) == 1, item["id"]
        assert article[0] in ARTICLE_TEXT, f"{item['id']}: not in the article: {article[0]}"


def test_are_the_records_quoted_verbatim_from_the_records_file_with_a_source_line() -> None:
    records = quote_records()
    for item in quiz_json("quote-check")["items"]:
        others = [(source, quote) for source, quote in details(item) if not source.startswith("Article")]
        assert others, f"{item['id']}: no record to compare with"
        for source, quote in others:
            assert is_verbatim(quote, records), f"{item['id']}: {source} is not quoted verbatim: {quote}"
            assert re.search(r"\b2019\b", source), f"{item['id']}: the source line needs its date: {source}"


def test_does_exactly_one_difference_change_the_meaning_and_is_it_continue_versus_begin() -> None:
    items = quiz_json("quote-check")["items"]
    meaning = [item for item in items if item["kind"] == "meaning"]
    assert len(meaning) == 1 and len(items) - 1 >= 8
    assert "continue to build out" in meaning[0]["statement"] and "can truly begin" in meaning[0]["statement"]


@pytest.mark.parametrize("name", ["quote-check", "true-beside-false"])
def test_does_one_answer_for_everything_score_at_most_half_while_the_key_scores_full(name: str) -> None:
    quiz = load_quiz(QUIZZES / f"{name}.quiz.json")
    for option in quiz.options:
        score = score_quiz(quiz, {item.id: option for item in quiz.items})
        assert score.balanced <= 0.5, f"{name}: answering {option!r} everywhere scores {score.balanced:.2f}"
    assert score_quiz(quiz, {item.id: item.answer for item in quiz.items}).balanced == 1.0


def test_does_calling_every_difference_a_distortion_flag_every_harmless_item() -> None:
    quiz = load_quiz(QUIZZES / "quote-check.quiz.json")
    score = score_quiz(quiz, {item.id: "changes the meaning" for item in quiz.items})
    assert score.hits == 1.0 and score.false_alarms == 1.0 and score.discrimination == 0.0


def test_does_the_evidence_quiz_put_the_true_checkable_claims_beside_the_four_allegations() -> None:
    items = quiz_json("true-beside-false")["items"]
    true = " ".join(item["statement"] for item in items if item["kind"] == "true")
    for fact in ("Hunter Biden", "Rovaniemi", "convicted"):
        assert fact in true
    flagged = [item for item in items if item["kind"] != "true"]
    for sentence_id in ("P11.S2", "P11.S3", "P11.S4", "P11.S5"):
        assert any(sentence_id in item["statement"] for item in flagged), sentence_id


def test_does_every_allegation_item_give_the_fact_first_and_again() -> None:
    for item in quiz_json("true-beside-false")["items"]:
        if "The article's claim" not in item["statement"]:
            continue
        explanation = item["explanation"]
        assert 0 <= explanation.find("Fact:") < explanation.find("Fact again:"), item["id"]


@pytest.mark.parametrize("name", ["quote-check", "true-beside-false"])
def test_does_every_item_carry_a_source_and_a_date(name: str) -> None:
    for item in quiz_json(name)["items"]:
        assert item["source"].strip() and re.search(r"\d{4}", item["date"]), item["id"]


def test_does_word_differences_find_the_change_in_pompeos_words() -> None:
    article = "and continue to build out strong relationships"
    record = "and can truly begin to build out strong relationships"
    assert word_differences(article, record) == [("continue", "can truly begin")]


def test_does_word_differences_ignore_case_punctuation_and_curly_apostrophes() -> None:
    assert word_differences("It’s great to see you again,", "it's great to see you again!") == []
    assert describe_differences("a b", "a b") == "The article and the record have the same words."


def test_does_describe_differences_show_words_left_out() -> None:
    text = describe_differences("But it is so", "it is so", "article", "AP")
    assert "1 difference(s)" in text and "article: “But”  |  AP: “(nothing)”" in text


def test_does_records_section_return_a_section_verbatim_and_name_the_sections_when_missing() -> None:
    section = records_section("The article's own source")
    assert section.startswith("## The article's own source") and "en.vestikavkaza.ru" in section
    assert section in quote_records()
    with pytest.raises(MediaLitError, match="no section “Nothing”; the sections are: .*Lavrov"):
        records_section("Nothing")


def test_does_normalise_quote_join_wrapped_block_quotes() -> None:
    assert normalise_quote("> one\n> two  three\n") == "one two three"
    assert is_verbatim("one two", "> one\n> two") and not is_verbatim("two one", "> one\n> two")
