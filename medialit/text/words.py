"""The word lists the rules read: packaged data files in ``medialit/data/words/``, checked when first read.

One home for each list (issue 14): the name and title finder (``medialit.text.mentions``), the draft key's
rules (``medialit.draft``) and the lesson tables (``medialit.lessons.voices``) all read these files.

A file holds one entry a line; ``#`` starts a comment line; columns are separated by `` | ``. Each file's
columns are declared in ``WORD_FILES``. A broken file raises ``MediaLitError`` with one line naming the file,
the line and the fix. Every loader is cached: each file is read once per process, on first use (nothing is
read at import).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from medialit.errors import MediaLitError

WORDS_FOLDER = "data/words"
SEPARATOR = "|"
ROLES = ("official", "expert", "unknown")
ORGANISATION_KINDS = ("government", "academic", "agency", "other")
FRAMINGS = ("neutral", "true or important", "settled", "-")
SOURCING_KINDS = ("learned", "document", "study", "authors", "unit", "research", "finding")


@dataclass(frozen=True)
class WordFile:
    """The shape of one word list: how many columns, and the values allowed in a column (by index)."""

    columns: tuple[str, ...]
    required: int = 1
    choices: tuple[tuple[int, tuple[str, ...]], ...] = ()


WORD_FILES: dict[str, WordFile] = {
    "cue_verbs": WordFile(("base form", "irregular past forms", "lesson framing", "object"), 1,
                          ((2, FRAMINGS), (3, ("object",)))),
    "role_nouns": WordFile(("noun", "role"), 2, ((1, ROLES),)),
    "organisation_heads": WordFile(("head noun", "kind", "referred back to as"), 2, ((1, ORGANISATION_KINDS),)),
    "body_nouns": WordFile(("noun", "kind"), 2, ((1, ORGANISATION_KINDS),)),
    "news_agencies": WordFile(("name",)),
    "titles": WordFile(("title",)),
    "not_names": WordFile(("word",)),
    "not_person_words": WordFile(("word",)),
    "calendar": WordFile(("name",)),
    "particles": WordFile(("particle",)),
    "given_names": WordFile(("name", "pronoun"), 2, ((1, ("she", "he")),)),
    "name_modifiers": WordFile(("participle",)),
    "diplomatic_markers": WordFile(("group", "words"), 2),
    "refusals": WordFile(("words", "part"), 2, ((1, ("before", "adverb", "verb")),)),
    "sourcing": WordFile(("word", "kind"), 2, ((1, SOURCING_KINDS),)),
}


@dataclass(frozen=True)
class CueVerb:
    """One cue verb: its base form, every inflected form, and how the lessons rate it ('' when not listed)."""

    base: str
    forms: tuple[str, ...]
    past: str
    framing: str
    takes_object: bool = False  # a name right after it is its object ("told Reuters"), never its subject


def word_file(name: str) -> Path:
    """Return the path of the packaged word list ``name`` (``cue_verbs`` -> ``.../data/words/cue_verbs.txt``)."""
    return Path(str(resources.files("medialit").joinpath(f"{WORDS_FOLDER}/{name}.txt")))


def parse_rows(text: str, source: str, shape: WordFile) -> tuple[tuple[str, ...], ...]:
    """Return the entries of a word list's ``text`` (one tuple of trimmed columns per line, comments skipped).

    Raises:
        MediaLitError: one line naming ``source``, the line number and the fix, for the first broken line.
    """
    rows: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = tuple(cell.strip() for cell in line.split(SEPARATOR))
        where = f"{source}, line {number}"
        problem = _row_problem(cells, shape)
        if problem:
            raise MediaLitError(f"{where}: {problem}")
        if cells[0] in seen:
            raise MediaLitError(f"{where}: {cells[0]!r} is already on line {seen[cells[0]]}; remove one of them")
        seen[cells[0]] = number
        rows.append(cells + ("",) * (len(shape.columns) - len(cells)))
    return tuple(rows)


def _row_problem(cells: tuple[str, ...], shape: WordFile) -> str:
    """Return what is wrong with one line's cells ('' when nothing), with the fix."""
    columns = " | ".join(shape.columns)
    if len(cells) > len(shape.columns):
        return f"has {len(cells)} columns, expected at most {len(shape.columns)} ({columns}); remove the extra ' | '"
    if len(cells) < shape.required or any(not cell for cell in cells[: shape.required]):
        return f"needs {shape.required} filled column(s) ({columns}); fill them in"
    for index, allowed in shape.choices:
        if index < len(cells) and cells[index] and cells[index] not in allowed:
            return f"{shape.columns[index]} {cells[index]!r} is not one of: {', '.join(allowed)}; use one of them"
    return ""


@functools.lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the checked entries of the packaged word list ``name`` (read once per process).

    Raises:
        MediaLitError: the file is missing or a line is broken (one line naming the file, line and fix).
    """
    if name not in WORD_FILES:
        raise MediaLitError(f"no word list {name!r}; choose one of: {', '.join(WORD_FILES)}")
    path = word_file(name)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise MediaLitError(f"{path}: cannot be read ({error}); reinstall the kit or restore the file") from None
    return parse_rows(text, str(path), WORD_FILES[name])


def words(name: str) -> tuple[str, ...]:
    """Return the first column of the word list ``name``, in file order."""
    return tuple(row[0] for row in rows(name))


def table(name: str) -> dict[str, str]:
    """Return the word list ``name`` as a mapping from its first column to its second, in file order."""
    return {row[0]: row[1] for row in rows(name)}


def third_person(verb: str) -> str:
    """Return the present third-person form of ``verb`` ("say" -> "says", "deny" -> "denies")."""
    if re.search(r"(?:s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def regular_past(verb: str) -> str:
    """Return the regular past form of ``verb`` ("note" -> "noted", "deny" -> "denied", "warn" -> "warned")."""
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    return verb + "ed"


def present_participle(verb: str) -> str:
    """Return the ``-ing`` form of ``verb`` ("say" -> "saying", "note" -> "noting", "see" -> "seeing")."""
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


def inflect(base: str, irregular: Iterable[str] = ()) -> tuple[str, tuple[str, ...]]:
    """Return ``(past form, every form)`` of a cue verb; a particle stays after each form ("point out").

    ``irregular`` replaces the regular past ("tell", ["told"]).
    """
    head, _, particle = base.partition(" ")
    tail = f" {particle}" if particle else ""
    pasts = [form.strip() for form in irregular if form.strip()] or [regular_past(head)]
    forms = [head, third_person(head), present_participle(head), *pasts]
    return pasts[0] + tail, tuple(dict.fromkeys(form + tail for form in forms))


@functools.lru_cache(maxsize=None)
def cue_verbs() -> tuple[CueVerb, ...]:
    """Return the cue verbs of ``cue_verbs.txt`` with their generated forms, in file order."""
    verbs = []
    for base, irregular, framing, takes_object in rows("cue_verbs"):
        past, forms = inflect(base, irregular.split(","))
        verbs.append(CueVerb(base, forms, past, framing, takes_object == "object"))
    return tuple(verbs)


@functools.lru_cache(maxsize=None)
def role_nouns() -> dict[str, str]:
    """Return each role noun (lower case) with its role: ``official``, ``expert`` or ``unknown``."""
    return table("role_nouns")


@functools.lru_cache(maxsize=None)
def organisation_heads() -> dict[str, str]:
    """Return each organisation head noun (as capitalised in names) with its kind (``ORGANISATION_KINDS``)."""
    return table("organisation_heads")


@functools.lru_cache(maxsize=None)
def organisation_references() -> dict[str, str]:
    """Return each organisation head noun with the lower-case noun that refers back to it ("Industries" -> "company")."""
    return {head: (refer or head.lower()) for head, _, refer in rows("organisation_heads")}


@functools.lru_cache(maxsize=None)
def sourcing_words(kind: str) -> tuple[str, ...]:
    """Return the words of ``sourcing.txt`` of one kind (``SOURCING_KINDS``), in file order."""
    return tuple(word for word, word_kind in rows("sourcing") if word_kind == kind)


@functools.lru_cache(maxsize=None)
def diplomatic_markers() -> dict[str, tuple[str, ...]]:
    """Return lesson 03's marker groups: group name -> its words, in file order."""
    return {group: tuple(value.split()) for group, value in table("diplomatic_markers").items()}
