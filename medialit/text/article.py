"""Load an article text file and split it into paragraphs and sentences.

Sentences are found by syntok, a rule-based segmenter that knows abbreviations
such as "U.S." and splits multi-sentence quotations into their sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import pandas as pd
from syntok import segmenter
from syntok.tokenizer import Token, Tokenizer

from medialit.errors import MediaLitError
from medialit.locations import resolve_article
from medialit.text.textfile import read_text

SENTENCE_COLUMNS = ["sentence_id", "paragraph", "sentence", "char_start", "char_end", "text"]
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"\S+")
# A plain word, as syntok's tokenizer sees it: ASCII letters and digits with no lower-to-upper change inside
# ("iPhone" is split by syntok, "NATO" and "Sochi" are not), then at most one trailing , . ; : ! or ?
_PLAIN_WORD = re.compile(r"[A-Z0-9]*[a-z0-9]*(?=[,.;:!?]?$)")
# syntok's own pattern for the runs of non-space characters it tokenizes one by one.
_CHUNK = Tokenizer._spaces


class Sentence(NamedTuple):
    """One sentence of an article: a row of the sentence table, as a plain record."""

    sentence_id: str
    paragraph: int
    sentence: int
    char_start: int
    char_end: int
    text: str


@dataclass(frozen=True)
class Article:
    """An article as the kit sees it.

    Attributes:
        name: the file name without ``.txt`` (e.g. ``lavrov-pompeo-sochi-2019``).
        path: where it was read from.
        content: the decoded text (BOM removed, newlines normalised to ``\\n``).
        records: its sentences in order, as plain records (what ``split_sentences`` returns).
    """

    name: str
    path: Path
    content: str
    records: tuple[Sentence, ...]

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """Return one row per sentence, columns ``SENTENCE_COLUMNS`` (built on first use, then kept)."""
        return sentence_table(self.records)

    def paragraph_text(self, paragraph: int) -> str:
        """Return the text of paragraph number ``paragraph`` (1-based), from its first to its last sentence."""
        rows = self.sentences[self.sentences["paragraph"] == paragraph]
        if rows.empty:
            raise MediaLitError(f"{self.path}: has no paragraph {paragraph}; it has {self.paragraph_count}")
        return self.content[int(rows["char_start"].iloc[0]) : int(rows["char_end"].iloc[-1])]

    @property
    def paragraph_count(self) -> int:
        """Return how many paragraphs the article has."""
        return int(self.sentences["paragraph"].max())


def paragraph_spans(content: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of each paragraph in ``content``, whitespace trimmed.

    If the text contains a blank line (leading and trailing ones do not count),
    blank lines separate paragraphs and single
    line breaks inside a paragraph (hard-wrapped text) are kept. Otherwise every
    non-empty line is a paragraph.
    """
    separator = _BLANK_LINE if _BLANK_LINE.search(content.strip()) else re.compile(r"\n")
    spans: list[tuple[int, int]] = []
    start = 0
    for match in [*separator.finditer(content), None]:
        end = match.start() if match else len(content)
        block = content[start:end]
        stripped = block.strip()
        if stripped:
            offset = start + block.index(stripped)
            spans.append((offset, offset + len(stripped)))
        if match:
            start = match.end()
    return spans


def syntok_tokens(text: str, tokenizer: Tokenizer) -> Iterator[Token]:
    """Yield the tokens of ``text`` exactly as ``tokenizer.tokenize(text)`` does (same values, spacing and offsets), faster.

    syntok's tokenizer works on each run of non-space characters on its own. For a
    plain word (``_PLAIN_WORD``: most words of a news text) its result is known: one
    token for the word and one for a trailing mark. Those tokens are made here
    directly; every other run is handed to syntok's tokenizer. The sentence splitting
    that follows is syntok's own. ``tests/test_article.py`` checks the tokens against
    syntok's tokenizer on every article in the kit and on thousands of random strings.
    """
    previous = 0
    plain_word = _PLAIN_WORD.match
    for chunk in _CHUNK.finditer(text):
        start, end = chunk.span()
        plain = plain_word(text, start, end)
        if plain is not None and (word_end := plain.end()) > start:
            yield Token(text[previous:start], text[start:word_end], start)
            if word_end < end:
                yield Token("", text[word_end], word_end)
        else:
            for token in tokenizer.tokenize(text[previous:end]):
                token.update(previous)
                yield token
        previous = end
    if previous < len(text):
        yield Token(text[previous:], "", len(text))


def _sentence_spans(content: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of one paragraph, as syntok splits it."""
    tokens = syntok_tokens(content[start:end], Tokenizer(replace_not_contraction=False))
    starts = [start + sentence[0].offset for sentence in segmenter.split(tokens) if sentence]
    spans = []
    for index, sentence_start in enumerate(starts):
        sentence_end = starts[index + 1] if index + 1 < len(starts) else end
        text = content[sentence_start:sentence_end]
        spans.append((sentence_start, sentence_start + len(text.rstrip())))
    return spans


# A dateline cut off as a sentence of its own ("MOSCOW, October 14." then "/TASS/."; "Hollmark (dpa)"): issue 15.
_DATELINE_PIECE = re.compile(
    r"^(?:[A-Z][\w .,'’\-]{0,60}?(?:\s\([\w .\-]{2,30}\)|,\s+[A-Z][a-z]+\.?\s+\d{1,2}\.?)|/[\w .\-]{2,30}/\.?)$"
)


def _join_dateline(content: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return ``spans`` with a dateline cut off at the paragraph's start joined to the sentence after it."""
    pieces = 0
    while pieces + 1 < len(spans) and _DATELINE_PIECE.match(content[spans[pieces][0] : spans[pieces][1]]):
        pieces += 1
    return [(spans[0][0], spans[pieces][1]), *spans[pieces + 1 :]] if pieces else spans


def split_sentences(content: str) -> tuple[Sentence, ...]:
    """Return the sentences of ``content`` in order, as plain records (no table: the fast path for the rules).

    ``text`` always equals ``content[char_start:char_end]``. Nothing is changed.
    """
    records = []
    for paragraph, (start, end) in enumerate(paragraph_spans(content), start=1):
        spans = _sentence_spans(content, start, end)
        for number, (sentence_start, sentence_end) in enumerate(_join_dateline(content, spans) if paragraph == 1 else spans, start=1):
            records.append(
                Sentence(
                    f"P{paragraph:02d}.S{number}",
                    paragraph,
                    number,
                    sentence_start,
                    sentence_end,
                    content[sentence_start:sentence_end],
                )
            )
    return tuple(records)


def sentence_table(records: tuple[Sentence, ...]) -> pd.DataFrame:
    """Return ``records`` as a DataFrame with columns ``SENTENCE_COLUMNS``, one row per sentence."""
    return pd.DataFrame(list(records), columns=SENTENCE_COLUMNS)


def segment(content: str) -> pd.DataFrame:
    """Return the sentences of ``content`` as a DataFrame with columns ``SENTENCE_COLUMNS``.

    ``text`` always equals ``content[char_start:char_end]``. Nothing is changed.
    """
    return sentence_table(split_sentences(content))


def read_article(article: str | Path) -> Article:
    """Return the article at ``article`` (a path, or the name of an article in ``seeds/``).

    Raises:
        MediaLitError: the file is missing, binary, not UTF-8, or has no text.
    """
    path = resolve_article(article)
    content = read_text(path)
    if not content.strip():
        raise MediaLitError(f"{path}: is empty (only blank space); paste the article's text into it and save")
    return Article(name=path.name.removesuffix(".txt"), path=path, content=content, records=split_sentences(content))


def load_article(article: str | Path) -> pd.DataFrame:
    """Return the sentences of an article as a DataFrame, one row per sentence.

    ``article`` is a path to a text file, or the name of an article in ``seeds/``.
    Columns: ``sentence_id`` (``P02.S1``), ``paragraph``, ``sentence``,
    ``char_start``, ``char_end``, ``text``.

    Raises:
        MediaLitError: the file is missing, binary, not UTF-8, or has no text.
    """
    return read_article(article).sentences


def count_words(text: str) -> int:
    """Return the number of words in ``text`` (runs of non-space characters)."""
    return len(_WORD.findall(text))
