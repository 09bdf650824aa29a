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

from medialit.text.article import Article, read_article
from medialit.errors import MediaLitError
from medialit.locations import article_path_for_key, key_path_for
from medialit.text.textfile import UTF8_BOM, read_bytes
from medialit.vocabulary import (
    CATEGORIES,
    CHANNELS,
    CLAIM_TYPES,
    EXPLANATION_COLUMNS,
    FORMER_OFFICIAL_ALSO,
    LIST_SEPARATOR,
    NARRATION_SPEAKER,
    RULE_EXCEPTION,
    RULE_LABELS,
    RULES,
    SPEAKER_ROLES,
    TECHNIQUES,
)

KEY_COLUMNS = [
    "sentence_id", "text", "speaker", "speaker_role", "channel", "cue", "category", "also_acceptable", "rule",
    "claim_type", "claim_type_also", "techniques", "techniques_also", "explanation",
    "explain_speaker", "explain_category", "explain_claim_type", "explain_techniques", "sources", "reviewed",
]
# Columns a key may leave out (read as empty): the alternatives lists and the review mark.
OPTIONAL_COLUMNS = ("claim_type_also", "techniques_also", "reviewed")
REQUIRED_COLUMNS = [column for column in KEY_COLUMNS if column not in OPTIONAL_COLUMNS]
# Columns added by issue 12 (a key written before it lacks exactly these).
NEW_IN_V2 = frozenset({"rule", "explain_speaker", "explain_category", "explain_claim_type", "explain_techniques"})
# What each explanation column must tell the learner (the validator's fix hint).
EXPLANATION_HINTS: dict[str, str] = {
    "explanation": "write two or three sentences summing up the row",
    "explain_speaker": "say who speaks and how to find it: where the name was first given and which cue or quote carries it here",
    "explain_category": "say which rule decides the category and why (and why any alternative is accepted)",
    "explain_claim_type": "say what kind of claim this is and which words show it",
    "explain_techniques": "name each technique's words in the sentence, or say why it uses none",
}
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

    def explanation(self, sentence_id: str, field: str) -> str:
        """Return the explanation a learner reads after answering ``field`` for ``sentence_id``.

        ``field`` is an exercise field (``speaker``, ``category``, ``claim_type``,
        ``techniques``): the answer is that field's own column (``explain_<field>``).
        ``explanation`` returns the row's summary.

        Raises:
            MediaLitError: ``field`` has no explanation column, or the key has no such sentence.
        """
        if sentence_id not in self._cells:
            raise MediaLitError(f"{self.path}: has no sentence {sentence_id!r}")
        if field == "explanation":
            return self._cells[sentence_id]["explanation"]
        if field not in EXPLANATION_COLUMNS:
            raise MediaLitError(f"no explanation for field {field!r}; use one of: {', '.join(EXPLANATION_COLUMNS)}")
        return self._cells[sentence_id][EXPLANATION_COLUMNS[field]]


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
    if row["speaker_role"] or row.get("reviewed", "").strip().lower() != "no":  # a draft may leave it for the teacher
        check("speaker_role", SPEAKER_ROLES, row["speaker_role"])
    check("channel", CHANNELS, row["channel"])
    check("claim_type", CLAIM_TYPES, row["claim_type"])
    for column, allowed, preferred in (
        ("also_acceptable", CATEGORIES, "category"),
        ("claim_type_also", CLAIM_TYPES, "claim_type"),
        ("techniques_also", TECHNIQUES, "techniques"),
    ):
        for alternative in _split_list(row.get(column, "")):
            check(column, allowed, alternative)
            if alternative in _split_list(row[preferred]):
                problems.append(_problem(path, where, f"{column} repeats the {preferred} {alternative!r}; remove it"))
    for technique in _split_list(row["techniques"]):
        check("techniques", TECHNIQUES, technique)
    if row["speaker"] == NARRATION_SPEAKER:
        problems.append(_problem(path, where, "speaker: leave it empty for the outlet's own narration"))
    problems.extend(_check_rule(path, where, row))
    for column, hint in EXPLANATION_HINTS.items():
        if not row[column].strip():
            problems.append(_problem(path, where, f"{column} is empty; {hint}"))
    if row.get("reviewed", "yes").strip().lower() not in {"yes", "no", ""}:
        problems.append(_problem(path, where, f"reviewed {row['reviewed']!r} must be 'yes' or 'no'"))
    return problems


def rule_labels(rule: str, speaker_role: str = "") -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """Return what ``rule`` gives: (categories it allows as preferred, alternatives it requires, alternatives it allows).

    A former official under R4 or R5 may also accept ``official statement``. ``X`` allows anything.
    """
    if rule == RULE_EXCEPTION:
        return CATEGORIES, frozenset(), frozenset(CATEGORIES)
    preferred, required, allowed = RULE_LABELS[rule]
    if rule in ("R4", "R5") and speaker_role == "former official":
        allowed = allowed | {FORMER_OFFICIAL_ALSO}
    return preferred, required, allowed


def rule_fits(rule: str, category: str, also_acceptable: str, speaker_role: str = "") -> bool:
    """Return True when ``category`` and the ``;``-list ``also_acceptable`` are what ``rule`` gives."""
    if rule not in RULES:
        return False
    preferred, required, allowed = rule_labels(rule, speaker_role)
    alternatives = set(_split_list(also_acceptable))
    return category in preferred and required <= alternatives <= allowed


def fitting_rule(category: str, also_acceptable: str, speaker_role: str = "") -> str:
    """Return the first rule (R1, R2, ...) whose labels are ``category`` and ``also_acceptable``, else ``X``."""
    return next((rule for rule in RULE_LABELS if rule_fits(rule, category, also_acceptable, speaker_role)), RULE_EXCEPTION)


def _check_rule(path: Path, where: str, row: dict[str, str]) -> list[str]:
    """Return the problems with a row's ``rule``: an unknown id, or labels the rule does not give."""
    rule = row["rule"]
    if rule not in RULES:
        return [_problem(path, where, f"rule {rule!r} is not one of: {', '.join(RULES)} (see the teacher guide, 'The labelling rule')")]
    if rule_fits(rule, row["category"], row["also_acceptable"], row["speaker_role"]) or row["category"] not in CATEGORIES:
        return []
    preferred, required, allowed = rule_labels(rule, row["speaker_role"])
    if row["category"] not in preferred:
        return [_problem(path, where, f"rule {rule} gives the category {' or '.join(repr(p) for p in preferred)}, not {row['category']!r}; change the category or the rule")]
    wanted = ", ".join(sorted(required)) or "nothing"
    extra = f" ({', '.join(sorted(allowed - required))} allowed)" if allowed - required else ""
    return [_problem(path, where, f"rule {rule} gives also_acceptable {wanted!r}{extra}, not {row['also_acceptable']!r}; change also_acceptable or the rule")]


def _read_rows(path: Path, text: str) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """Return ``(row_number, row)`` pairs (header = row 1) and any problems with the columns."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [name.strip() for name in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        hint = "the header must be: " + ",".join(KEY_COLUMNS)
        if set(missing) <= NEW_IN_V2:
            hint = (
                "keys now name the labelling rule of each row and give one explanation per question; add these "
                "columns (see the teacher guide, 'The labelling rule'; a fresh 'python -m medialit draft' has them)"
            )
        return [], [_problem(path, "row 1", f"missing column(s) {', '.join(missing)}; {hint}")]
    reader.fieldnames = columns
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row:
            return rows, [_problem(path, f"row {number}", "has more cells than the header; check for a stray comma or quote")]
        cells = {key: (value or "").strip() if key != "text" else (value or "") for key, value in row.items()}
        for column in OPTIONAL_COLUMNS:
            cells.setdefault(column, "")
        rows.append((number, cells))
    return rows, []


def validate_key(key_path: Path | str, article: Article | None = None) -> list[str]:
    """Return every problem with the key at ``key_path`` as one line each (an empty list when it is valid).

    The key is checked against ``article`` (default: the ``.txt`` beside it): required
    columns, every sentence id exactly once and no unknown ids, texts equal to the
    article's sentences, every vocabulary, a labelling ``rule`` whose labels the row
    follows, no empty explanation (the summary and one per exercise field). Nothing is changed.
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
    """Return the items of a ``;``-separated key cell (``also_acceptable``, ``claim_type_also``, ``techniques``, ...)."""
    return _split_list(value)
