"""Load an article text file and split it into paragraphs and sentences.

Sentences are found by syntok, a rule-based segmenter that knows abbreviations
such as "U.S." and splits multi-sentence quotations into their sentences.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import pandas as pd
from syntok import segmenter
from syntok._segmentation_states import State
from syntok.tokenizer import Token, Tokenizer

from medialit.errors import MediaLitError
from medialit.locations import resolve_article
from medialit.text.textfile import read_text
from medialit.text.words import words

SENTENCE_COLUMNS = ["sentence_id", "paragraph", "sentence", "char_start", "char_end", "text"]
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"\S+")
# Marks that are never letters or digits (``str.isalnum`` is False for each: ``tests/test_article.py`` checks).
MARKS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»„‹›–—…"
_MARK = f"[{re.escape(MARKS)}]"
# A run of non-space characters whose syntok tokens are known: marks, a plain word (ASCII letters and digits with no
# lower-to-upper change inside: "iPhone" is split by syntok, "NATO" and "Sochi" are not), optionally a clitic
# ("'s", "’m"; "n't" is left to syntok), then marks. syntok makes one token of each leading mark, one of the
# word, one of the clitic, and one of each trailing mark ("..." right after the word is one token).
_KNOWN_CHUNK = re.compile(rf"{_MARK}*(?P<word>[A-Z0-9]*[a-z0-9]*)(?P<clitic>['’][a-z]+)?{_MARK}*")
# syntok's own pattern for the runs of non-space characters it tokenizes one by one.
_CHUNK = Tokenizer._spaces
# The characters syntok's tokenizer splits at (``_CHUNK`` is their complement): Unicode White_Space and the
# zero-width space, not Python's wider ``\s`` (which also has \x1c-\x1f). ``tests/test_article.py`` checks each code point.
SYNTOK_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000"
# The characters of the tokens syntok's segmenter acts on or gathers after a terminal: its terminals (". ! ? ;",
# "...") and its opening and closing brackets. A run of non-space characters without any of them is a quiet one.
LOUD = "".join(sorted({character for mark in State.terminals | State.opening_brackets | State.closing_brackets for character in mark}))
_SPACE = f"[{SYNTOK_SPACE}]+"
_QUIET = f"[^{SYNTOK_SPACE}{re.escape(LOUD)}]+"
# A run of quiet runs of non-space characters, each followed by syntok's space, with the first, the last and the
# space before the last; else any one run of non-space characters.
_QUIET_RUN = re.compile(rf"(?P<first>{_QUIET})(?:(?P<gap>{_SPACE})(?P<last>{_QUIET}))*{_SPACE}|[^{SYNTOK_SPACE}]+")
# syntok's opening brackets, after which its segmenter reads up to 51 tokens ahead (indices 0 to 50 of its queue).
_OPENING_BRACKET = re.compile("[" + re.escape("".join(sorted(State.opening_brackets))) + "]")
BRACKET_WINDOW = 64
# The tokens syntok's segmenter decides at (its terminals and opening brackets): the token before one is read.
_DECIDED_AT = State.terminals | State.opening_brackets


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
    run of the common shapes (``_KNOWN_CHUNK``: a plain word, with quotation marks,
    punctuation or a clitic around it, most words of a news text) its result is known
    and made here directly (``_chunk_tokens``); every other run is handed to syntok's
    tokenizer. The sentence splitting that follows is syntok's own.
    ``tests/test_article.py`` checks the tokens against syntok's tokenizer on every
    article in the kit and on thousands of random strings.
    """
    previous = 0
    for chunk in _CHUNK.finditer(text):
        yield from _chunk_tokens(text, previous, *chunk.span(), tokenizer)
        previous = chunk.end()
    if previous < len(text):
        yield Token(text[previous:], "", len(text))


def _chunk_tokens(text: str, previous: int, start: int, end: int, tokenizer: Tokenizer) -> list[Token]:
    """Return syntok's tokens of the run of non-space characters ``text[start:end]``; nothing is changed.

    ``previous`` is where the space before it starts (the spacing of its first token).
    """
    known = _KNOWN_CHUNK.fullmatch(text, start, end)
    word_start, word_end = known.span("word") if known is not None else (0, 0)
    if word_start == start and word_end == end:  # a plain word, the whole run (about half the runs): one token
        return [Token(text[previous:start], text[start:end], start)]
    clitic = known.group("clitic") if known is not None else None
    if word_start == word_end or (clitic == "'t" or clitic == "’t") and text[word_end - 1] == "n":
        tokens = list(tokenizer.tokenize(text[previous:end]))
        for token in tokens:
            token.update(previous)
        return tokens
    spacing = text[previous:start]
    tokens = []
    for position in range(start, word_start):
        tokens.append(Token(spacing, text[position], position))
        spacing = ""
    tokens.append(Token(spacing, text[word_start:word_end], word_start))
    if clitic is not None:
        tokens.append(Token("", clitic, word_end))
        word_end += len(clitic)
    if text.startswith("...", word_end, end):
        tokens.append(Token("", "...", word_end))
        word_end += 3
    tokens += [Token("", text[position], position) for position in range(word_end, end)]
    return tokens


def decisive_tokens(text: str, tokenizer: Tokenizer) -> list[Token]:
    """Return the tokens of ``text`` that syntok's segmenter decides on: ``syntok_tokens`` less the quiet ones.

    Nothing is changed. The tokens kept are syntok's own (same values, spacing and offsets, in order), and
    the sentences syntok's segmenter makes of them start at the same tokens. Why (syntok 1.4.4,
    ``syntok._segmentation_states``): the segmenter decides only at a terminal (``. ! ? ; ...``) or an opening
    bracket. There it reads the token just before; the terminals, closing brackets and closing quotation mark
    it gathers after it; and the token after those (the next sentence's first). Of any other token it asks only
    "is it a terminal or an opening bracket?", and it never starts a sentence. So a run of non-space characters
    without any ``LOUD`` character, between two such runs, has no token that is read: the runs in the middle of
    each stretch of quiet runs (``_QUIET_RUN``: all but its first and last) are left out, and its last one too
    when the run after the stretch opens with a token that is no terminal or bracket (a word: "said" in "said.",
    the token before the full stop, is read, not the word before it). Of the first run only its first token is
    read (it may start a sentence; of the next one syntok asks only whether it is a terminal, and no token of a
    quiet run is), unless the run is the stretch's only one, whose other tokens are kept as its last run's are.
    Not within
    ``BRACKET_WINDOW`` tokens after an opening bracket, where syntok counts and inspects up to 51 tokens (is the
    first word title-case, is the last one followed by a terminal). ``tests/test_article.py`` checks the premise
    and the sentences against syntok on every kit article and thousands of random strings.
    """
    tokens: list[Token] = []
    pending: list[Token] = []  # the tokens of the last quiet run of a stretch, until the run after it is read
    previous = position = 0
    while (match := _QUIET_RUN.search(text, position)) is not None:
        position = match.end()
        first_start, first_end = match.span("first")
        if first_start < 0:  # a run with a loud character: all its tokens
            found = _chunk_tokens(text, previous, match.start(), position, tokenizer)
            if pending and (not found or found[0].value in _DECIDED_AT):
                tokens += pending  # the token before a terminal or a bracket is read
            pending = []
            tokens += found
            previous = position
            if _OPENING_BRACKET.search(text, match.start(), position):
                position = previous = _keep_window(text, previous, tokens, tokenizer)
            continue
        found = _chunk_tokens(text, previous, first_start, first_end, tokenizer)
        tokens += found[:1]  # the first token may start a sentence; the others are read only before a terminal
        pending = found[1:]
        previous = first_end
        last_start, last_end = match.span("last")
        if last_start >= 0:
            pending = _chunk_tokens(text, last_start - len(match.group("gap")), last_start, last_end, tokenizer)
            previous = last_end
    tokens += pending
    if previous < len(text):
        tokens.append(Token(text[previous:], "", len(text)))
    return tokens


def _keep_window(text: str, previous: int, tokens: list[Token], tokenizer: Tokenizer) -> int:
    """Append to ``tokens`` all the tokens of the runs of non-space characters after ``previous``; return where they end.

    They end once ``BRACKET_WINDOW`` tokens have followed the last run with an opening bracket.
    """
    count = 0
    for chunk in _CHUNK.finditer(text, previous):
        if count >= BRACKET_WINDOW:
            break
        found = _chunk_tokens(text, previous, *chunk.span(), tokenizer)
        tokens += found
        count = 0 if _OPENING_BRACKET.search(text, *chunk.span()) else count + len(found)
        previous = chunk.end()
    return previous


def _sentence_spans(content: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of one paragraph, as syntok splits it."""
    tokens = decisive_tokens(content[start:end], Tokenizer(replace_not_contraction=False))
    starts = [start + sentence[0].offset for sentence in segmenter.split(iter(tokens)) if sentence]
    spans = []
    for index, sentence_start in enumerate(starts):
        sentence_end = starts[index + 1] if index + 1 < len(starts) else end
        text = content[sentence_start:sentence_end]
        spans.append((sentence_start, sentence_start + len(text.rstrip())))
    return spans


# A dateline cut off as a sentence of its own ("MOSCOW, October 14." then "/TASS/."; "Hollmark (dpa)"): issue 15.
_DATELINE_PIECE = re.compile(
    r"^(?:[A-Z][\w .,'’/\-]{0,60}?(?:\s\([\w .\-]{2,30}\)|,\s+[A-Z][A-Za-z]+\.?\s+\d{1,2}"
    r"(?:,\s+[A-Z][\w\-]{1,20}|\s[-—–]\s[A-Z][\w\-]+(?:\s[A-Z][\w\-]+){0,2})?\.?)"  # "DOLINSK, May 4 - NEWSWIRE."
    r"|/[\w .\-]{2,30}/\.?"  # "LUSAHOVIT, DECEMBER 2, ARMENPRESS." (a month in capitals, the agency after the date)
    r"|[A-Z][A-Za-z\-'’]+(?:\s[A-Z][A-Za-z\-'’]+){0,2}\."  # "DOLINSK." then "March 12 (Interfax) - ..."; "Kilangala."
    r"|[A-Z][A-Z'’\-]+(?:\s[A-Z][A-Z'’\-]+){0,2},\s+(?:[A-Z][a-z]{1,5}\.|(?:[A-Z]\.){2})"  # "MERRIVALE, Ore." then "(AP) — ..."
    r"|[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){0,2},\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*/[\w .\-]{2,30}/\.?)$"  # "Uran-Tal, March 10, 2026 /MONTSAME/."
)


def _join_dateline(content: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return ``spans`` with a dateline cut off at the paragraph's start joined to the sentence after it."""
    pieces = 0
    while pieces + 1 < len(spans) and _DATELINE_PIECE.match(content[spans[pieces][0] : spans[pieces][1]]):
        pieces += 1
    return [(spans[0][0], spans[pieces][1]), *spans[pieces + 1 :]] if pieces else spans


# A title abbreviation that syntok takes for a sentence's end ("State Rep." then "Gloria Esteban-Marsh, who ..."):
# issue 15. Company abbreviations (Co., Inc., Ltd.) are left out: they do end sentences.
@functools.cache
def _title_abbreviation() -> re.Pattern[str]:
    """Return the pattern of a title abbreviation ending a piece of text: the entries of ``titles.txt`` that end with
    a full stop ("Rep.", "Atty.", "Assoc."), read once per process."""
    dotted = sorted((title[:-1] for title in words("titles") if title.endswith(".")), key=len, reverse=True)
    return re.compile(rf"(?:^|\s)(?:{'|'.join(re.escape(title) for title in dotted)})\.$")
# How a finished sentence ends: a terminal, then closing quotation marks or brackets (issue 15, round 3). A piece
# that ends otherwise ("Justice (retd)", cut before the name) was cut in the middle.
_FINISHED = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»]$")
# The characters of every ``_FINISHED`` match, and the line break its ``$`` may stand before: a match lies inside the
# run of them that ends a piece of text, so it is searched for in that run alone (the same result).
FINISHED_CHARACTERS = ".!?…:;\"'”’»)]\n"
# A number abbreviation cut off before its number ("Decision No." then "847/QD-UBND, signed ..."): the number
# continues the sentence.
_NUMBER_ABBREVIATION = re.compile(r"(?:^|\s)(?:No|Nos|no|nos)\.$")
# A name abbreviation that syntok takes for a sentence's end: Philippine "Ma." (María) and "Sto."/"Sta." (Santo,
# Santa: "Barangay Sto. Niño"); and an initial written against the name, Mongolian style ("Economist Ts.Oyunchimeg"),
# where no space follows the full stop. The capitalised word after it continues the sentence.
_NAME_ABBREVIATION = re.compile(r"(?:^|\s)(?:Ma|Sto|Sta)\.$")
_INITIAL_AGAINST_NAME = re.compile(r"(?:^|\s)[A-Z][a-z]?\.$")
# A wire's credit line cut off as a sentence of its own at a paragraph's end ("... and ports." then "-- BERNAMA").
# Also an agency's bracketed credit after the last sentence ("... the Provincial Agriculture Office. (PNA)").
_CREDIT_LINE = re.compile(r"(?:(?:--|—|–)\s*[A-Z][A-Za-z]*(?:[ /][A-Z][A-Za-z]*)?|\([A-Z][A-Za-z]{1,9}\))$")
# A full stop, then spaces (``gap``), an opening quotation mark and a capital: a new sentence that syntok leaves joined
# after an abbreviation or an initial ("... restored by 6 p.m. “We will ...", "... Terminal B. “I’ve been ..."). The
# gaps are the matches of ``(?<=[.!?])[ \t]+(?=[“"][A-Z])`` (the form before, which the engine tried at every
# position for its look-behind; ``tests/test_speedups_patterns.py`` compares the two).
STOP_QUOTATION = re.compile(r"[.!?](?P<gap>[ \t]+)[“\"][A-Z]")
# A temperature's unit letter and a full stop after a number, then a capitalised word: a new sentence that syntok leaves
# joined, taking the letter for an initial ("... hotter than 300 C. She added ...").
_UNIT_AFTER_NUMBER = re.compile(r"(?<=\d [CFK]\.)[ \t]+(?=[A-Z][a-z])")
# What every ``_UNIT_AFTER_NUMBER`` match has just before it, tested for in a paragraph before it is searched.
UNIT_MARKS = (" C.", " F.", " K.")


def _continues(content: str, previous: tuple[int, int], span: tuple[int, int]) -> bool:
    """Return whether ``span`` continues the sentence ``previous`` that was cut before it: the number after a cut
    "No." (``_NUMBER_ABBREVIATION``), the name after "Ma." or "Sto." (``_NAME_ABBREVIATION``) or after an initial with
    no space before it (``_INITIAL_AGAINST_NAME``), or a wire's credit line (``_CREDIT_LINE``)."""
    if content[span[0]].isdigit() and _NUMBER_ABBREVIATION.search(content, max(0, previous[1] - 5), previous[1]):
        return True
    if content[span[0]].isupper() and (_NAME_ABBREVIATION.search(content, max(0, previous[1] - 5), previous[1]) or
                                       span[0] == previous[1] and _INITIAL_AGAINST_NAME.search(content, max(0, previous[1] - 4), previous[1])):
        return True
    return bool(_CREDIT_LINE.match(content, span[0], span[1])) and span[1] - span[0] <= 30


def _join_titles(content: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return ``spans`` with a sentence that ends in a title abbreviation, or with no terminal at all, joined to the
    one after it."""
    if len(spans) < 2:
        return spans
    joined = [spans[0]]
    for span in spans[1:]:
        previous = joined[-1]
        cut_title = _title_abbreviation().search(content, max(0, previous[1] - 9), previous[1]) and content[span[0]].isupper()
        if cut_title or not is_finished(content, *previous) or _continues(content, previous, span):
            joined[-1] = (previous[0], span[1])
        else:
            joined.append(span)
    return joined


def is_finished(content: str, start: int, end: int) -> bool:
    """Return whether the piece ``content[start:end]`` ends as a finished sentence does (``_FINISHED``): the pattern
    searched in the run of ``FINISHED_CHARACTERS`` that ends the piece, where every match lies. Nothing is changed."""
    tail_start = start + len(content[start:end].rstrip(FINISHED_CHARACTERS))
    return _FINISHED.search(content, tail_start, end) is not None


def may_hold_unit(content: str, start: int, end: int) -> bool:
    """Return False when ``_UNIT_AFTER_NUMBER.finditer(content, start, end)`` can find nothing: no ``UNIT_MARKS`` in
    the text from three characters before ``start`` (its look-behind may read them) to ``end``. Nothing is changed."""
    low = max(0, start - 3)
    return any(content.find(mark, low, end) >= 0 for mark in UNIT_MARKS)


def quotation_gaps(content: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of the gaps between a full stop and an opening quotation mark before a capital in
    ``content[start:end]`` (``STOP_QUOTATION``, searched from one character before ``start``, where the full stop
    may be). Nothing is changed."""
    return [stop.span("gap") for stop in STOP_QUOTATION.finditer(content, max(0, start - 1), end)]


# A common word that syntok takes for an abbreviation (its list holds "cap", "art", "fig", "max", ...) ending a
# sentence, then a capitalised word: "... 1.2 million tonnes beyond the cap. He added ..." is two sentences.
_WORD_STOP = re.compile(r"(?<=\s(?:cap|art|fig|max|min|gal|vol|tab|mag|gen)\.)[ \t]+(?=[A-Z][a-z]*\s)")
# What every ``_WORD_STOP`` match has just before it, tested for in a paragraph before it is searched.
WORD_STOP_MARKS = (" cap.", " art.", " fig.", " max.", " min.", " gal.", " vol.", " tab.", " mag.", " gen.")


def may_hold_word_stop(content: str, start: int, end: int) -> bool:
    """Return False when ``_WORD_STOP.finditer(content, start, end)`` can find nothing: no ``WORD_STOP_MARKS`` in
    ``content[start:end]`` (the same result, sooner); changes nothing."""
    return any(content.find(mark, start, end) >= 0 for mark in WORD_STOP_MARKS)


def _split_quotations(content: str, spans: list[tuple[int, int]], units: bool = True) -> list[tuple[int, int]]:
    """Return ``spans`` with each sentence split after a temperature's unit ("300 C. She", ``_UNIT_AFTER_NUMBER``) or a
    common word syntok took for an abbreviation ("beyond the cap. He", ``_WORD_STOP``), and
    where a full stop is followed by an opening quotation mark and a capital (``quotation_gaps``), unless the
    full stop ends a title abbreviation ("Dr. \"Jim\" ..."). Units are not looked for when ``units`` is False (the
    caller found no ``UNIT_MARKS`` in the text: ``may_hold_unit``)."""
    split: list[tuple[int, int]] = []
    words = may_hold_word_stop(content, spans[0][0], spans[-1][1]) if spans else False
    for start, end in spans:
        gaps = [match.span() for match in _UNIT_AFTER_NUMBER.finditer(content, start, end)] if units else []
        if words:
            gaps = sorted(gaps + [match.span() for match in _WORD_STOP.finditer(content, start, end)])
        for gap_start, gap_end in gaps:
            split.append((start, gap_start))
            start = gap_end
        for gap_start, gap_end in quotation_gaps(content, start, end):
            if _title_abbreviation().search(content, max(start, gap_start - 9), gap_start):
                continue
            split.append((start, gap_start))
            start = gap_end
        split.append((start, end))
    return split


def split_sentences(content: str) -> tuple[Sentence, ...]:
    """Return the sentences of ``content`` in order, as plain records (no table: the fast path for the rules).

    ``text`` always equals ``content[char_start:char_end]``. Nothing is changed.
    """
    records = []
    units = may_hold_unit(content, 0, len(content))  # once per text: most have no "300 C."
    for paragraph, (start, end) in enumerate(paragraph_spans(content), start=1):
        spans = _split_quotations(content, _join_titles(content, _sentence_spans(content, start, end)), units)
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
