"""Does the article load into the right sentences, whatever its line endings and encoding?"""

from __future__ import annotations

import hashlib
import random
import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from syntok import segmenter
from syntok._segmentation_states import State
from syntok.tokenizer import Token, Tokenizer

from medialit.text.article import (
    BRACKET_WINDOW,
    MARKS,
    SENTENCE_COLUMNS,
    SYNTOK_SPACE,
    count_words,
    decisive_tokens,
    load_article,
    paragraph_spans,
    read_article,
    segment,
    split_sentences,
    syntok_tokens,
)
from medialit.errors import MediaLitError
from tests.conftest import REPO, SEED_SHA256

KIT_ARTICLES = sorted((REPO / "seeds").glob("*.txt")) + sorted((REPO / "tests" / "data" / "articles").glob("*.txt"))
TUNING_ARTICLES = sorted((REPO / "tests" / "data" / "tuning").glob("*.txt"))
# Pieces of text for random strings: plain words (the fast path), and everything syntok treats specially
# (abbreviations, contractions, inner capitals, quotation marks, brackets, dashes, ellipses, odd spaces).
FUZZ_PIECES = [
    *"aAbBzZ09 .,;:!?'\"’‘“”«»()[]{}-–—_…é\u00a0\u200b\t\n\x1c\u2009nt",
    "...", "U.S.", "n't", "iPhone", " ", " ", "word", "Word", "WORD", "x1", "said,", "Sochi.", "(AP)", "e.g.", "3.5",
    "'s", "’s", "’t", "'re", "don", "$", "„", "–",
]
# Pieces for random paragraphs: mostly words and spaces (long runs of plain words, which the segmenter is spared),
# with everything syntok's segmenter decides on (terminals, brackets, quotation marks, abbreviations, numbers).
PARAGRAPH_PIECES = [
    *[f"{word} " for word in "word said The Minister he it x V Mr no Jan 3 2019 iPhone".split()] * 12,
    " ", "  ", "\n", "\u00a0", "\x1c", *".,;:!?\"'’”“«»-", *". . . ? ! \" ” ".split(), "...", "…", "U.S.", "e.g.",
    "n't", "'s", "(", ")", "[", "(AP)", "word(", "word)",
]
# Pieces for random paragraphs of many short sentences: words, and the places where syntok decides.
SENTENCE_PIECES = [
    *[f"{word} " for word in "word said the Minister he It x V II Mr no No Jan 3 2019 However".split()] * 4,
    *". ? ! ; .\" .” .' ?” ., .) ). ) ( [ ] “ ” \" ' ’ , : ... …".split(" "), *[". ", "? ", "! ", '." ', ".” ", ".) ", "; "] * 3,
    "Mr. ", "U.S. ", "No. ", "Jan. ", "e.g. ", "... ", " (", ") ", "(AP) ", "3.5 ", "5. ", "a. ", "A. ", "\n", "  ",
]

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


def _token_tuples(tokens: object) -> list[tuple[str, str, int]]:
    return [(token.spacing, token.value, token.offset) for token in tokens]  # type: ignore[attr-defined]


@pytest.mark.parametrize("article", KIT_ARTICLES, ids=lambda path: path.stem)
def test_are_the_fast_tokens_syntoks_own_on_every_kit_article(article: Path) -> None:
    content = read_article(article).content
    tokenizer = Tokenizer(replace_not_contraction=False)
    for start, end in paragraph_spans(content):
        paragraph = content[start:end]
        assert _token_tuples(syntok_tokens(paragraph, tokenizer)) == _token_tuples(tokenizer.tokenize(paragraph))


def test_are_the_fast_tokens_syntoks_own_on_random_text(monkeypatch: pytest.MonkeyPatch) -> None:
    tokenizer = Tokenizer(replace_not_contraction=False)
    handed_over = 0
    original = tokenizer.tokenize

    def counting_tokenize(text: str, base_offset: int = 0) -> object:
        nonlocal handed_over
        handed_over += 1
        return original(text, base_offset)

    monkeypatch.setattr(tokenizer, "tokenize", counting_tokenize)
    rng = random.Random(2026)
    texts = ["".join(rng.choice(FUZZ_PIECES) for _ in range(rng.randint(0, 40))) for _ in range(4000)]
    mismatches = [text for text in texts if _token_tuples(syntok_tokens(text, tokenizer)) != _token_tuples(original(text))]
    assert mismatches == []
    # Both paths were exercised: hundreds of runs were handed to syntok, and hundreds were made directly.
    runs = sum(len(Tokenizer._spaces.findall(text)) for text in texts)
    assert handed_over > 500 and runs - handed_over > 500


@pytest.mark.parametrize("article", KIT_ARTICLES, ids=lambda path: path.stem)
def test_are_the_sentences_the_ones_syntok_alone_gives(article: Path) -> None:
    content = read_article(article).content
    expected = []
    for start, end in paragraph_spans(content):
        tokens = Tokenizer(replace_not_contraction=False).tokenize(content[start:end])
        expected += [start + sentence[0].offset for sentence in segmenter.split(tokens)]
    assert [record.char_start for record in split_sentences(content)] == expected


def test_do_the_records_and_the_table_hold_the_same_sentences(seed_article: Path) -> None:
    article = read_article(seed_article)
    assert [tuple(record) for record in article.records] == list(article.sentences.itertuples(index=False, name=None))
    assert article.sentences is article.sentences  # built once, then kept


def _sentence_starts(tokens: object) -> list[int]:
    return [sentence[0].offset for sentence in segmenter.split(iter(tokens))]  # type: ignore[call-overload]


def _read_by_the_segmenter(tokens: list[Token]) -> set[int]:
    """Return the positions of the tokens whose value syntok's segmenter may read (the premise of ``decisive_tokens``).

    The paragraph's first and last token; at each terminal or opening bracket, the token before it, the
    terminals, closing brackets and closing quotation mark it gathers after it, and the token after those;
    the 52 tokens from each opening bracket on. Of every other token it only asks whether it is a terminal
    or an opening bracket.
    """
    gathered = State.terminals | State.closing_brackets
    read = {0, len(tokens) - 1}
    for index, token in enumerate(tokens):
        if token.value in State.terminals or token.value in State.opening_brackets:
            after = index + 1
            while after < len(tokens) and tokens[after].value in gathered:
                after += 1
            if after < len(tokens) and tokens[after].value in State.closing_quotes and not tokens[after].spacing:
                after += 1
            while after < len(tokens) and tokens[after].value in gathered:
                after += 1
            read.update(range(index - 1, after + 1))
        if token.value in State.opening_brackets:
            read.update(range(index, index + 52))
    return read


def _check_decisive_tokens(text: str) -> int:
    """Assert that ``decisive_tokens(text)`` meets the premise of its proof and splits as syntok does; return how many it left out."""
    tokens = list(Tokenizer(replace_not_contraction=False).tokenize(text))
    kept = decisive_tokens(text, Tokenizer(replace_not_contraction=False))
    everything = _token_tuples(tokens)
    kept_at = iter(range(len(everything)))
    positions = [next(index for index in kept_at if everything[index] == token) for token in _token_tuples(kept)]
    left_out = set(range(len(tokens))) - set(positions)
    assert not left_out & _read_by_the_segmenter(tokens), text
    assert _sentence_starts(kept) == _sentence_starts(tokens), text
    return len(left_out)


def test_is_syntoks_space_the_one_the_fast_path_splits_at() -> None:
    every_character = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)
    assert re.sub(f"[^{SYNTOK_SPACE}]", "", every_character) == Tokenizer._spaces.sub("", every_character)


def test_are_the_marks_never_letters_or_digits() -> None:
    assert MARKS and not any(mark.isalnum() for mark in MARKS)
    assert BRACKET_WINDOW > 51  # syntok's bracket scan reads the queue up to index 50


@pytest.mark.parametrize("article", KIT_ARTICLES + TUNING_ARTICLES, ids=lambda path: path.stem)
def test_are_the_decisive_tokens_syntoks_own_and_split_alike_on_every_kit_article(article: Path) -> None:
    content = read_article(article).content
    left_out = sum(_check_decisive_tokens(content[start:end]) for start, end in paragraph_spans(content))
    assert left_out > count_words(content) // 5  # the fast path is taken


def test_are_the_decisive_tokens_syntoks_own_and_split_alike_on_random_text() -> None:
    rng = random.Random(2027)
    texts = ["".join(rng.choice(PARAGRAPH_PIECES) for _ in range(rng.randint(0, 160))) for _ in range(1200)]
    texts += ["".join(rng.choice(SENTENCE_PIECES) for _ in range(rng.randint(0, 160))) for _ in range(1200)]
    texts += ["".join(rng.choice(FUZZ_PIECES) for _ in range(rng.randint(0, 60))) for _ in range(1000)]
    # bracket windows: a bracket, then more than BRACKET_WINDOW words, some of them runs, before the next terminal
    texts += [f"Word (A {'b ' * rng.randint(40, 90)}c.) {'d ' * rng.randint(0, 80)}E. F" for _ in range(200)]
    left_out = [_check_decisive_tokens(text) for text in texts]
    assert sum(left_out) > 30000 and sum(1 for count in left_out if count) > 1500


def test_are_only_the_quiet_runs_between_quiet_runs_and_before_a_word_left_out() -> None:
    text = 'one "two" three, four five. Six (seven eight nine ten) eleven'
    tokens = _token_tuples(Tokenizer(replace_not_contraction=False).tokenize(text))
    # '"two"' and 'three,' lie between quiet runs; 'four' is the last quiet run before "five.", which opens with a
    # word (the token before the full stop is "five"); the words in brackets are within the bracket's window
    expected = [token for token in tokens if token[1] not in ('"', "two", "three", ",", "four")]
    assert _token_tuples(decisive_tokens(text, Tokenizer(replace_not_contraction=False))) == expected
    assert len(expected) == len(tokens) - 6
    # the last quiet run stays before a run that opens with a terminal or a bracket: the token before it is read
    text = "one two three (four. Five"
    kept = [token[1] for token in _token_tuples(decisive_tokens(text, Tokenizer(replace_not_contraction=False)))]
    assert kept[:3] == ["one", "three", "("]


@pytest.mark.parametrize(
    "text",
    [
        "State Rep. Gloria Marsh, who chairs the committee, tells NPR she will vote no.",
        "Gov. Ann Lee agreed with the plan.",
        "He met Lt. Col. Ivan Dra on Monday.",
        "The bill was backed by Sen. Paul Grey and Rep. Ines Kovac.",
    ],
    ids=["rep", "gov-opening", "lt-col", "two-titles"],
)
def test_does_a_title_abbreviation_stay_inside_its_sentence(text: str) -> None:
    assert [sentence.text for sentence in split_sentences(text)] == [text]


def test_does_a_company_abbreviation_still_end_a_sentence() -> None:
    sentences = split_sentences("The firm is Kitaura Railway Co. It said no.")
    assert [sentence.text for sentence in sentences] == ["The firm is Kitaura Railway Co.", "It said no."]


@pytest.mark.parametrize(
    "text",
    [
        "Assoc. Prof. Jana Petrova of the Karst Institute said the cave was stable.",
        "Atty. Rosa M. Lim, the city's legal officer, said the permit was void.",
        "The chief engineer, Engr. Tobi Alade, said in a statement that the bridge would reopen.",
        "Justice (retd) Arvind Rao will chair the inquiry, the court said.",
    ],
    ids=["assoc-prof", "atty", "engr", "retd"],
)
def test_does_a_sentence_cut_before_a_name_stay_whole(text: str) -> None:
    assert [sentence.text for sentence in split_sentences(text)] == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Power came back by 7 p.m. “We were lucky,” she said.", ["Power came back by 7 p.m.", "“We were lucky,” she said."]),
        ('Queues formed at Gate C. "Nobody told us anything," he said.',
         ["Queues formed at Gate C.", '"Nobody told us anything," he said.']),
        ("The match starts at 5 p.m. Tuesday.", ["The match starts at 5 p.m. Tuesday."]),
        ("The prize went to Dr. “Bud” Okafor.", ["The prize went to Dr. “Bud” Okafor."]),
    ],
    ids=["pm-then-quote", "initial-then-quote", "pm-then-day", "title-then-nickname"],
)
def test_does_an_opening_quotation_after_a_full_stop_start_a_sentence(text: str, expected: list[str]) -> None:
    assert [sentence.text for sentence in split_sentences(text)] == expected


@pytest.mark.parametrize(
    "first",
    [
        "VARNOVO, MARCH 3, NEWSAGENCY. The regional council approved the budget on Tuesday.",
        "Korvale. Residents of Korvale will get water three days a week, the utility said.",
        "BRESKOVO, May 4 - Orbis Wire. The new ferry made its first crossing on Monday, the port said.",
    ],
    ids=["caps-month-and-agency", "one-word-place", "date-dash-agency"],
)
def test_is_a_full_stop_dateline_part_of_the_first_sentence(first: str) -> None:
    sentences = split_sentences(first + "\n\nYes. No.")
    assert [sentence.text for sentence in sentences] == [first, "Yes.", "No."]
