"""Are the tuning set (``tests/data/tuning/``) and the second, third and fourth held-out sets (``tests/data/heldout2/``,
``tests/data/heldout3/``, ``tests/data/heldout4/``) well formed: gold rows that are the article's sentences, in order, with labels from the
kit's vocabulary?

The tuning set is written for tuning the draft-key rules on (``tools/measure_draft.py --set tuning``); the held-out
sets are separate. The second and third held-out sets are in the tuning set's formats (``tests/data/tuning/README.md``,
section Formats) and are used only to measure the rules, never to tune them, so every per-article check below runs
over the articles of all four folders (test ids ``tuning/NAME``, ``heldout2/NAME``, ``heldout3/NAME``, ``heldout4/NAME``). These tests
check the data only, never the rules' figures.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from medialit.vocabulary import CATEGORIES, CHANNELS, SPEAKER_ROLES

REPO = Path(__file__).resolve().parent.parent
TUNING = REPO / "tests" / "data" / "tuning"
HELDOUT2 = REPO / "tests" / "data" / "heldout2"
HELDOUT3 = REPO / "tests" / "data" / "heldout3"
HELDOUT4 = REPO / "tests" / "data" / "heldout4"
GOLD_COLUMNS = ["sentence_id", "text", "speaker", "speaker_also", "speaker_role", "channel", "category",
                "also_acceptable", "note"]
META_KEYS = ("title", "outlet", "date", "style")
SENTENCE_ID = re.compile(r"^P(?P<paragraph>\d{2})\.S(?P<sentence>\d+)$")
TUNING_ARTICLES = sorted(TUNING.glob("*.txt"))
HELDOUT2_ARTICLES = sorted(HELDOUT2.glob("*.txt"))
HELDOUT3_ARTICLES = sorted(HELDOUT3.glob("*.txt"))
HELDOUT4_ARTICLES = sorted(HELDOUT4.glob("*.txt"))
ARTICLES = TUNING_ARTICLES + HELDOUT2_ARTICLES + HELDOUT3_ARTICLES + HELDOUT4_ARTICLES
MIN_WORDS, MAX_WORDS = 250, 450


def gold_rows(article: Path) -> list[dict[str, str]]:
    """Return the rows of the gold file beside ``article`` (``NAME.gold.csv``)."""
    with article.with_name(article.stem + ".gold.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def paragraphs(article: Path) -> list[str]:
    """Return the article's paragraphs: the non-blank lines of the file, trimmed."""
    return [line.strip() for line in article.read_text(encoding="utf-8").splitlines() if line.strip()]


def split_cell(value: str) -> list[str]:
    """Return the trimmed, non-empty items of a ``;``-separated cell."""
    return [item.strip() for item in value.split(";") if item.strip()]


def article_id(path: Path) -> str:
    """Return a test id that shows the article's folder: ``tuning/NAME``, ``heldout2/NAME``, ``heldout3/NAME`` or ``heldout4/NAME``."""
    return f"{path.parent.name}/{path.stem}"


def test_does_the_tuning_set_hold_at_least_ten_articles_with_a_readme() -> None:
    assert len(TUNING_ARTICLES) >= 10, f"{len(TUNING_ARTICLES)} articles in {TUNING}"
    assert "held-out set" in (TUNING / "README.md").read_text(encoding="utf-8")


def test_does_the_second_held_out_set_hold_at_least_twelve_articles_with_a_readme() -> None:
    assert len(HELDOUT2_ARTICLES) >= 12, f"{len(HELDOUT2_ARTICLES)} articles in {HELDOUT2}"
    assert "No rule may be tuned" in (HELDOUT2 / "README.md").read_text(encoding="utf-8")


def test_does_the_third_held_out_set_hold_at_least_twelve_articles_with_a_readme() -> None:
    assert len(HELDOUT3_ARTICLES) >= 12, f"{len(HELDOUT3_ARTICLES)} articles in {HELDOUT3}"
    assert "No rule may be tuned" in (HELDOUT3 / "README.md").read_text(encoding="utf-8")


def test_does_the_fourth_held_out_set_hold_at_least_twelve_articles_with_a_readme() -> None:
    assert len(HELDOUT4_ARTICLES) >= 12, f"{len(HELDOUT4_ARTICLES)} articles in {HELDOUT4}"
    assert "No rule may be tuned" in (HELDOUT4 / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("article", ARTICLES, ids=article_id)
def test_does_each_article_have_its_gold_file_and_invented_meta(article: Path) -> None:
    with article.with_name(article.stem + ".gold.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == GOLD_COLUMNS
    meta = json.loads(article.with_name(article.stem + ".meta.json").read_text(encoding="utf-8"))
    assert meta["invented"] is True
    assert all(str(meta.get(key, "")).strip() for key in META_KEYS), meta


@pytest.mark.parametrize("article", ARTICLES, ids=article_id)
def test_is_each_article_wire_length_with_paragraphs_split_by_blank_lines(article: Path) -> None:
    content = article.read_text(encoding="utf-8")
    assert MIN_WORDS <= len(content.split()) <= MAX_WORDS
    lines = content.strip("\n").split("\n")
    assert all(line.strip() for line in lines[::2]) and not any(line.strip() for line in lines[1::2])


@pytest.mark.parametrize("article", ARTICLES, ids=article_id)
def test_are_the_gold_rows_the_articles_sentences_in_order(article: Path) -> None:
    """Each row's text occurs in the article; a paragraph's rows, joined by spaces, are the whole paragraph."""
    content = article.read_text(encoding="utf-8")
    rows = gold_rows(article)
    by_paragraph: dict[int, list[str]] = {}
    for row in rows:
        assert row["text"] in content, row["sentence_id"]
        match = SENTENCE_ID.match(row["sentence_id"])
        assert match, row["sentence_id"]
        texts = by_paragraph.setdefault(int(match["paragraph"]), [])
        assert int(match["sentence"]) == len(texts) + 1, row["sentence_id"]
        texts.append(row["text"])
    assert [" ".join(texts) for _, texts in sorted(by_paragraph.items())] == paragraphs(article)


@pytest.mark.parametrize("article", ARTICLES, ids=article_id)
def test_are_the_sentence_ids_unique(article: Path) -> None:
    ids = [row["sentence_id"] for row in gold_rows(article)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("article", ARTICLES, ids=article_id)
def test_are_the_labels_in_the_kits_vocabulary(article: Path) -> None:
    for row in gold_rows(article):
        where = f"{article.stem} {row['sentence_id']}"
        assert row["speaker_role"] in (*SPEAKER_ROLES, ""), where
        assert row["channel"] in CHANNELS, where
        assert row["category"] in CATEGORIES, where
        also = split_cell(row["also_acceptable"])
        assert set(also) <= set(CATEGORIES) and row["category"] not in also, where
        assert row["note"].strip(), where


@pytest.mark.parametrize("article", ARTICLES, ids=article_id)
def test_do_narration_rows_have_no_speaker_and_named_speakers_a_channel_other_than_narration(article: Path) -> None:
    for row in gold_rows(article):
        where = f"{article.stem} {row['sentence_id']}"
        if row["channel"] == "narration":
            assert not row["speaker"] and not row["speaker_also"] and row["speaker_role"] == "outlet", where
            assert row["category"] == "reporting", where
        if row["speaker"]:
            assert row["channel"] != "narration", where
        assert row["speaker"] not in split_cell(row["speaker_also"]), where
