"""Does the article load into the right sentences, whatever its line endings and encoding?"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from medialit.article import SENTENCE_COLUMNS, count_words, load_article, paragraph_spans, read_article, segment
from medialit.errors import MediaLitError
from tests.conftest import SEED_SHA256

SEED_SENTENCE_STARTS = {
    "P01.S1": "The talks between Russian Foreign Minister",
    "P02.S2": '"I hope that today',
    "P03.S2": '"We understand that both sides',
    "P03.S3": "We will not gain anything from it.",
    "P03.S4": "Mutual escalation will increase",
    "P05.S2": '"I’m likely to see you at the G20.',
    "P11.S2": "First, the U.S. State Department",
    "P11.S5": "Fourth, the embezzlement",
    "P14.S2": "I think it's unlikely.",
    "P14.S4": "It is not clear how",
}


def test_is_the_seed_byte_identical_to_the_shared_original(seed_article: Path) -> None:
    assert hashlib.sha256(seed_article.read_bytes()).hexdigest() == SEED_SHA256


def test_does_the_seed_have_14_paragraphs_and_35_sentences(seed_article: Path) -> None:
    table = load_article(seed_article)
    assert list(table.columns) == SENTENCE_COLUMNS
    assert len(table) == 35
    assert table["paragraph"].nunique() == 14
    assert table.groupby("paragraph")["sentence"].max().tolist() == [1, 2, 4, 2, 3, 2, 1, 1, 2, 3, 5, 1, 3, 5]


def test_do_sentence_ids_follow_the_pattern(seed_article: Path) -> None:
    table = load_article(seed_article)
    expected = [f"P{p:02d}.S{s}" for p, s in zip(table["paragraph"], table["sentence"])]
    assert table["sentence_id"].tolist() == expected
    assert table["sentence_id"].is_unique


def test_does_every_text_equal_its_slice_of_the_content(seed_article: Path) -> None:
    article = read_article(seed_article)
    for row in article.sentences.itertuples():
        assert row.text == article.content[row.char_start : row.char_end]
        assert row.text == row.text.strip()


def test_are_known_sentences_split_where_a_reader_would(seed_article: Path) -> None:
    texts = load_article(seed_article).set_index("sentence_id")["text"]
    for sentence_id, start in SEED_SENTENCE_STARTS.items():
        assert texts[sentence_id].startswith(start), sentence_id


def test_does_us_never_end_a_sentence(seed_article: Path) -> None:
    texts = load_article(seed_article)["text"]
    assert not any(text.endswith("U.S.") for text in texts)
    assert texts.str.contains("U.S. Secretary of State").any()
    assert texts.str.contains("U.S. Congress").any()


def test_do_the_sentences_cover_all_the_words(seed_article: Path) -> None:
    article = read_article(seed_article)
    assert count_words(article.content) == 731
    assert article.sentences["text"].map(count_words).sum() == 731


def test_do_crlf_bom_and_blank_lines_give_the_same_sentences(seed_article: Path, tmp_path: Path) -> None:
    content = seed_article.read_text(encoding="utf-8")
    expected = segment(content)["text"].tolist()
    variants = {
        "crlf.txt": content.replace("\n", "\r\n").encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + content.encode("utf-8"),
        "blank.txt": content.replace("\n", "\n\n").encode("utf-8"),
        "blank-crlf-bom.txt": b"\xef\xbb\xbf" + content.replace("\n", "\r\n\r\n").encode("utf-8"),
        "utf16.txt": content.encode("utf-16"),
        "trailing.txt": ("\n\n" + content + "\n\n\n").encode("utf-8"),
    }
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
        table = load_article(tmp_path / name)
        assert table["text"].tolist() == expected, name
        assert table["sentence_id"].iloc[-1] == "P14.S5", name


def test_does_hard_wrapped_text_stay_one_paragraph(tmp_path: Path) -> None:
    text = (
        "The minister said the talks\nwent well. She hoped for more.\n\n"
        "An analyst disagreed. He said the U.S.\nposition had not changed."
    )
    path = tmp_path / "wrapped.txt"
    path.write_text(text, encoding="utf-8")
    table = load_article(path)
    assert table["sentence_id"].tolist() == ["P01.S1", "P01.S2", "P02.S1", "P02.S2"]
    assert table["text"].iloc[0] == "The minister said the talks\nwent well."
    assert table["text"].iloc[3] == "He said the U.S.\nposition had not changed."


def test_are_paragraph_spans_trimmed() -> None:
    content = "  First line.  \n\n   \nSecond.\n"
    spans = paragraph_spans(content)
    assert [content[a:b] for a, b in spans] == ["First line.", "Second."]


def test_can_an_article_be_named_by_its_seeds_name(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(seed_copy.parent)
    assert len(load_article("lavrov-pompeo-sochi-2019")) == 35


def test_does_paragraph_text_run_from_first_to_last_sentence(seed_article: Path) -> None:
    article = read_article(seed_article)
    assert article.paragraph_count == 14
    assert article.paragraph_text(1) == article.sentences["text"].iloc[0]
    assert article.paragraph_text(3).startswith("Lavrov stressed")
    assert article.paragraph_text(3).endswith("he noted.")
    with pytest.raises(MediaLitError, match="has no paragraph 15"):
        article.paragraph_text(15)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \n\t\r\n  ", "is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "Café talks in Sochi".encode("cp1252"), "UTF-8"),
    ],
)
def test_does_bad_input_raise_one_clear_error(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(MediaLitError, match=message) as caught:
        load_article(path)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_does_a_missing_file_or_a_folder_raise_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(MediaLitError, match="not found"):
        load_article(tmp_path / "missing.txt")
    with pytest.raises(MediaLitError, match="is a folder"):
        load_article(tmp_path)


def test_is_the_table_a_plain_dataframe_with_integer_offsets(seed_article: Path) -> None:
    table = load_article(seed_article)
    assert isinstance(table, pd.DataFrame)
    for column in ("paragraph", "sentence", "char_start", "char_end"):
        assert pd.api.types.is_integer_dtype(table[column]), column
