"""The list of state news agencies and state-run outlets that the draft rules recognise.

The kit ships ``medialit/data/state_outlets.csv`` (package data). A teacher can add
outlets without touching the package: a file ``state_outlets.csv`` with the same
columns in a ``seeds/`` folder (or beside the article) is read as well.

Columns: ``name``, ``aliases`` (``;``-separated), ``country``, ``kind`` (one of
``OUTLET_KINDS``) and ``source`` (where the ownership is documented).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from medialit.errors import MediaLitError
from medialit.locations import seeds_dirs
from medialit.text.textfile import decode_text, read_bytes
from medialit.vocabulary import LIST_SEPARATOR

OUTLET_FILE = "state_outlets.csv"
OUTLET_COLUMNS = ["name", "aliases", "country", "kind", "source"]
OUTLET_KINDS = ("state news agency", "state-run broadcaster", "state-run newspaper")
_WORD_CHAR = re.compile(r"[\w-]")


@dataclass(frozen=True)
class Outlet:
    """One state outlet: its name as the kit writes it, other spellings, country, kind and source."""

    name: str
    aliases: tuple[str, ...]
    country: str
    kind: str
    source: str

    @property
    def spellings(self) -> tuple[str, ...]:
        """Return every way the outlet may be written: its name first, then its aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class OutletList:
    """The outlets the draft rules know, with one compiled pattern that finds any of them in a text."""

    outlets: tuple[Outlet, ...]
    pattern: re.Pattern[str] = field(repr=False)
    by_spelling: dict[str, Outlet] = field(repr=False)
    endings: tuple[str, ...] = field(init=False, repr=False)  # every spelling: what a text naming one last ends with
    # The pattern of outlets added to a list whose ``pattern`` was compiled already (``extended_outlet_list``), or None.
    added: re.Pattern[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        """Set ``endings`` from ``by_spelling`` (a frozen dataclass: set once, here)."""
        object.__setattr__(self, "endings", tuple(self.by_spelling))

    def find(self, text: str) -> list[tuple[int, int, Outlet]]:
        """Return ``(start, end, outlet)`` for every mention (whole words) of a listed outlet in ``text``, in order."""
        matches = self.pattern.finditer(text) if self.added is None else _merged_matches(self.pattern, self.added, text)
        return [
            (m.start(), m.end(), self.by_spelling[m.group(0)])
            for m in matches
            if m.start() == 0 or not _WORD_CHAR.match(text, m.start() - 1)
        ]

    def ends_with_mention(self, text: str) -> Outlet | None:
        """Return the outlet whose mention ends ``text`` (the last of ``find(text)``, when it reaches the end), or None."""
        if not text.endswith(self.endings):  # one quick test: most texts end with no outlet's name
            return None
        found = self.find(text)
        return found[-1][2] if found and found[-1][1] == len(text) else None

    def lookup(self, spelling: str) -> Outlet | None:
        """Return the outlet written exactly ``spelling`` (name or alias), or None."""
        return self.by_spelling.get(spelling)


def build_outlet_list(outlets: Iterable[Outlet]) -> OutletList:
    """Return an ``OutletList`` over ``outlets`` (a later outlet with the same name replaces an earlier one)."""
    unique: dict[str, Outlet] = {}
    for outlet in outlets:
        unique[outlet.name] = outlet
    by_spelling = {spelling: outlet for outlet in unique.values() for spelling in outlet.spellings}
    return OutletList(tuple(unique.values()), _spellings_pattern(by_spelling), by_spelling)


def _spellings_pattern(spellings: Iterable[str]) -> re.Pattern[str]:
    """Return the pattern that finds any of ``spellings``, the longest one where several start at the same place."""
    alternatives = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    # No look-behind at the start: the regular expression engine can then skip quickly to the first letters of the
    # names; whether a match starts a word is checked in ``find``.
    return re.compile(rf"(?:{alternatives})(?![\w-])" if alternatives else r"(?!x)x")


def extended_outlet_list(base: OutletList, outlets: Iterable[Outlet]) -> OutletList:
    """Return what ``build_outlet_list((*base.outlets, *outlets))`` returns, finding the same mentions, without
    compiling ``base``'s pattern again (hundreds of spellings, milliseconds): only the new outlets' spellings are
    compiled, and ``find`` merges the two patterns' matches. Falls back to ``build_outlet_list`` when a new spelling
    is already one of ``base`` (or of another new outlet), where a later outlet would replace an earlier one."""
    added = list(outlets)
    spellings = [spelling for outlet in added for spelling in outlet.spellings]
    if not added or base.added is not None or len(set(spellings)) < len(spellings) or any(s in base.by_spelling for s in spellings):
        return build_outlet_list((*base.outlets, *added))
    by_spelling = {**base.by_spelling, **{spelling: outlet for outlet in added for spelling in outlet.spellings}}
    return OutletList((*base.outlets, *added), base.pattern, by_spelling, _spellings_pattern(spellings))


def _merged_matches(first: re.Pattern[str], second: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Yield the matches that one pattern over the spellings of both ``first`` and ``second`` (``_spellings_pattern``,
    no spelling in both) finds in ``text``: the leftmost match of either, the longer one where both start at the same
    place, then on from its end, as ``finditer`` does."""
    position = 0
    one, two = first.search(text), second.search(text)
    while one is not None or two is not None:
        if two is None or one is not None and (one.start(), -one.end()) <= (two.start(), -two.end()):
            match = one
        else:
            match = two
        assert match is not None
        yield match
        position = match.end()
        if one is not None and one.start() < position:
            one = first.search(text, position)
        if two is not None and two.start() < position:
            two = second.search(text, position)


def parse_outlets(text: str, where: str) -> list[Outlet]:
    """Return the outlets in the CSV ``text``; ``where`` names the file in messages.

    Raises:
        MediaLitError: a column is missing, or a row has no name or an unknown kind.
    """
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [name.strip() for name in reader.fieldnames or []]
    missing = [column for column in OUTLET_COLUMNS if column not in columns]
    if missing:
        raise MediaLitError(f"{where}: row 1: missing column(s) {', '.join(missing)}; the header must be: {','.join(OUTLET_COLUMNS)}")
    reader.fieldnames = columns
    outlets = []
    for number, row in enumerate(reader, start=2):
        values = {key: (row.get(key) or "").strip() for key in OUTLET_COLUMNS}
        if not any(values.values()):
            continue
        if not values["name"]:
            raise MediaLitError(f"{where}: row {number}: the name is empty; write the outlet's name or delete the row")
        if values["kind"] not in OUTLET_KINDS:
            raise MediaLitError(f"{where}: row {number}: kind {values['kind']!r} is not one of: {', '.join(OUTLET_KINDS)}")
        aliases = tuple(alias.strip() for alias in values["aliases"].split(LIST_SEPARATOR) if alias.strip())
        outlets.append(Outlet(values["name"], aliases, values["country"], values["kind"], values["source"]))
    return outlets


@functools.lru_cache(maxsize=1)
def packaged_outlets() -> tuple[Outlet, ...]:
    """Return the outlets shipped inside the package (read once per process; it is configuration, not a result)."""
    text = resources.files("medialit").joinpath("data", OUTLET_FILE).read_text(encoding="utf-8")
    return tuple(parse_outlets(text, f"medialit/data/{OUTLET_FILE}"))


@functools.lru_cache(maxsize=1)
def packaged_outlet_list() -> OutletList:
    """Return the ``OutletList`` of the packaged outlets, its pattern compiled once per process."""
    return build_outlet_list(packaged_outlets())


def extra_outlet_files(article_path: Path | None = None) -> list[Path]:
    """Return the teacher's extra ``state_outlets.csv`` files: beside the article, then in each ``seeds/`` folder."""
    folders = ([article_path.parent] if article_path is not None else []) + seeds_dirs()
    found: list[Path] = []
    for folder in folders:
        candidate = folder / OUTLET_FILE
        if candidate.is_file() and all(candidate.resolve() != seen.resolve() for seen in found):
            found.append(candidate)
    return found


def load_outlets(article_path: Path | None = None) -> OutletList:
    """Return the packaged outlets plus those in any extra ``state_outlets.csv`` (see ``extra_outlet_files``).

    Raises:
        MediaLitError: an extra file cannot be read or has a bad row (the message names the file and row).
    """
    extra_files = extra_outlet_files(article_path)
    if not extra_files:
        return packaged_outlet_list()
    outlets = list(packaged_outlets())
    for path in extra_files:
        outlets.extend(parse_outlets(decode_text(read_bytes(path), path), str(path)))
    return build_outlet_list(outlets)
