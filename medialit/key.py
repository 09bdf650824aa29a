"""Answer keys: one row per sentence of an article, with the labels and explanations the exercises use.

A key is a CSV file ``NAME.key.csv`` beside its article ``NAME.txt``. ``validate_key``
lists every problem, one line each, with the file and the spreadsheet row number;
``load_key`` returns a ``Key`` or raises ``MediaLitError`` with the first problem.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from medialit.article import Article, read_article
from medialit.errors import MediaLitError
from medialit.locations import article_path_for_key, key_path_for
from medialit.textfile import UTF8_BOM, read_bytes
from medialit.vocabulary import (
    CATEGORIES,
    CHANNELS,
    CLAIM_TYPES,
    LIST_SEPARATOR,
    NARRATION_SPEAKER,
    SPEAKER_ROLES,
    TECHNIQUES,
)

KEY_COLUMNS = [
    "sentence_id", "text", "speaker", "speaker_role", "channel", "cue", "category", "also_acceptable",
    "claim_type", "techniques", "explanation", "sources", "reviewed",
]
REQUIRED_COLUMNS = [column for column in KEY_COLUMNS if column != "reviewed"]
SPREADSHEET_FIX = "in your spreadsheet use Save As > 'CSV UTF-8 (comma delimited)'"
# What a reviewed key means, said to learners without claiming authority (issue 12 item 11).
REVIEWED_NOTE = (
    "Answer key: reviewed, which means a person checked every label and wrote the reason for it. "
    "It is a reasoned reading, not the last word: where you disagree, say why, using the words of the text."
)
UNREVIEWED_NOTE = (
    "Unreviewed answer key: its labels are a machine draft made by simple rules, and no teacher has checked them yet. "
    "Treat the feedback as a suggestion to discuss, not as the right answer."
)


@dataclass(frozen=True)
class Key:
    """A validated answer key.

    Attributes:
        path: the key file.
        article: the article it belongs to.
        table: one row per sentence in article order, indexed by ``sentence_id``, all columns strings.
        sha256: the SHA-256 of the key file's bytes (submissions record it).
        reviewed: False when any row is marked ``reviewed = no`` (a machine draft not yet checked).
    """

    path: Path
    article: Article
    table: pd.DataFrame
    sha256: str
    reviewed: bool

    @property
    def sentence_ids(self) -> list[str]:
        """Return the sentence ids in article order."""
        return list(self.table.index)

    def review_status(self) -> str:
        """Return one line for learners: that the key was reviewed, or a warning that it is an unreviewed draft."""
        return REVIEWED_NOTE if self.reviewed else f"⚠ {UNREVIEWED_NOTE}"

    @cached_property
    def _cells(self) -> dict[str, dict[str, str]]:
        """Return the table as ``{sentence_id: {column: value}}`` (built once; scoring reads cells often)."""
        return {str(index): {column: str(value) for column, value in row.items()} for index, row in self.table.iterrows()}

    def value(self, sentence_id: str, field: str) -> str:
        """Return the key's value of ``field`` for ``sentence_id`` (an empty string when blank)."""
        return self._cells[sentence_id][field]


def _problem(path: Path, where: str, message: str) -> str:
    return f"{path}: {where}: {message}" if where else f"{path}: {message}"


def _decode_key(path: Path, data: bytes) -> tuple[str, list[str]]:
    """Return the key's text and any problems with its encoding or separators."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return "", [_problem(path, "", f"is not UTF-8 text; {SPREADSHEET_FIX}")]
        return "", [_problem(path, "", f"was saved as Windows-1252 (ANSI) by a spreadsheet, not UTF-8; {SPREADSHEET_FIX}")]
    text = text.removeprefix(UTF8_BOM).replace("\r\n", "\n").replace("\r", "\n")
    header = text.split("\n", 1)[0]
    if ";" in header and "," not in header:
        return "", [_problem(path, "row 1", f"columns are separated by semicolons (a spreadsheet's regional setting); {SPREADSHEET_FIX}")]
    return text, []


def _split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


def _check_row(path: Path, row_number: int, row: dict[str, str]) -> list[str]:
    """Return the vocabulary problems of one key row."""
    where = f"row {row_number} ({row['sentence_id']})"
    problems = []

    def check(field: str, allowed: tuple[str, ...], value: str) -> None:
        if value not in allowed:
            problems.append(_problem(path, where, f"{field} {value!r} is not one of: {', '.join(allowed)}"))

    check("category", CATEGORIES, row["category"])
    check("speaker_role", SPEAKER_ROLES, row["speaker_role"])
    check("channel", CHANNELS, row["channel"])
    check("claim_type", CLAIM_TYPES, row["claim_type"])
    for alternative in _split_list(row["also_acceptable"]):
        check("also_acceptable", CATEGORIES, alternative)
        if alternative == row["category"]:
            problems.append(_problem(path, where, f"also_acceptable repeats the category {alternative!r}; remove it"))
    for technique in _split_list(row["techniques"]):
        check("techniques", TECHNIQUES, technique)
    if row["speaker"] == NARRATION_SPEAKER:
        problems.append(_problem(path, where, "speaker: leave it empty for the outlet's own narration"))
    if not row["explanation"].strip():
        problems.append(_problem(path, where, "explanation is empty; write two or three sentences saying why"))
    if row.get("reviewed", "yes").strip().lower() not in {"yes", "no", ""}:
        problems.append(_problem(path, where, f"reviewed {row['reviewed']!r} must be 'yes' or 'no'"))
    return problems


def _read_rows(path: Path, text: str) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """Return ``(row_number, row)`` pairs (header = row 1) and any problems with the columns."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [name.strip() for name in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        hint = "the header must be: " + ",".join(KEY_COLUMNS)
        return [], [_problem(path, "row 1", f"missing column(s) {', '.join(missing)}; {hint}")]
    reader.fieldnames = columns
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row:
            return rows, [_problem(path, f"row {number}", "has more cells than the header; check for a stray comma or quote")]
        rows.append((number, {key: (value or "").strip() if key != "text" else (value or "") for key, value in row.items()}))
    return rows, []


def validate_key(key_path: Path | str, article: Article | None = None) -> list[str]:
    """Return every problem with the key at ``key_path`` as one line each (an empty list when it is valid).

    The key is checked against ``article`` (default: the ``.txt`` beside it): required
    columns, every sentence id exactly once and no unknown ids, texts equal to the
    article's sentences, every vocabulary, no empty explanation. Nothing is changed.
    """
    path = Path(key_path)
    try:
        data = read_bytes(path)
        article = article or read_article(article_path_for_key(path))
    except MediaLitError as error:
        return [str(error)]
    text, problems = _decode_key(path, data)
    if problems:
        return problems
    rows, problems = _read_rows(path, text)
    if problems and not rows:
        return problems
    expected = article.sentences.set_index("sentence_id")["text"]
    seen: dict[str, int] = {}
    for number, row in rows:
        sentence_id = row["sentence_id"]
        where = f"row {number}"
        if sentence_id not in expected.index:
            first, last = expected.index[0], expected.index[-1]
            problems.append(_problem(path, where, f"unknown sentence_id {sentence_id!r}; the article's ids run {first} to {last}"))
            continue
        if sentence_id in seen:
            problems.append(_problem(path, where, f"sentence_id {sentence_id} appears again (first at row {seen[sentence_id]}); delete one of the two rows"))
            continue
        seen[sentence_id] = number
        if " ".join(row["text"].split()) != " ".join(expected[sentence_id].split()):
            problems.append(_problem(path, f"{where} ({sentence_id})", "text does not match the article; copy it from 'python -m medialit sentences ARTICLE'"))
        problems.extend(_check_row(path, number, row))
    for sentence_id in expected.index:
        if sentence_id not in seen:
            problems.append(_problem(path, sentence_id, "no row for this sentence; add one (ids and texts: 'python -m medialit sentences ARTICLE')"))
    return problems


def load_key(key_path: Path | str, article: Article | None = None) -> Key:
    """Return the validated key at ``key_path`` (its article: ``article`` or the ``.txt`` beside it).

    Raises:
        MediaLitError: the key has a problem; the message is the first problem and how many more there are.
    """
    path = Path(key_path)
    problems = validate_key(path, article)
    if problems:
        more = f" (and {len(problems) - 1} more: run 'python -m medialit validate {path}')" if len(problems) > 1 else ""
        raise MediaLitError(problems[0] + more)
    article = article or read_article(article_path_for_key(path))
    data = read_bytes(path)
    text, _ = _decode_key(path, data)
    rows, _ = _read_rows(path, text)
    table = pd.DataFrame([row for _, row in rows]).reindex(columns=KEY_COLUMNS).fillna("")
    table = table.set_index("sentence_id").loc[article.sentences["sentence_id"]]
    reviewed = not (table["reviewed"].str.lower() == "no").any()
    return Key(path=path, article=article, table=table, sha256=hashlib.sha256(data).hexdigest(), reviewed=reviewed)


def load_article_key(article: str | Path) -> Key:
    """Return the key of ``article`` (a path or a ``seeds/`` name), found beside it as ``NAME.key.csv``.

    Raises:
        MediaLitError: the article or its key is missing or invalid.
    """
    loaded = read_article(article)
    path = key_path_for(loaded.path)
    if not path.exists():
        raise MediaLitError(f"{path}: no answer key beside the article; make a draft with 'python -m medialit draft {loaded.path} --out {path}'")
    return load_key(path, loaded)


def list_field(value: str) -> list[str]:
    """Return the items of a ``;``-separated key cell (``also_acceptable``, ``techniques``)."""
    return _split_list(value)
