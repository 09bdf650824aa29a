"""Quotations: where each one opens and closes, over sentences and paragraphs, in any style of quotation mark.

Straight, curly, single and guillemet marks; a quotation left open at a paragraph's end continues into the next
paragraph when that one opens with a quotation mark; nested quotations are part of their outer one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from medialit.text.article import Sentence

if TYPE_CHECKING:
    from medialit.draft.model import Attribution

_MARKS = re.compile("[\"“”«»„‘’']")
_OPEN_BEFORE = frozenset("([{—–-:/“‘«\"'„")
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-”’»\"'")
# The mark that re-opens a quotation continued from the previous paragraph, per kind of quotation.
_REOPENERS = {"d": '"', "D": "“„", "G": "«", "s": "'", "S": "‘"}
# What stands in for a quotation when the rules read the words around it (no letters, so never part of a name).
QUOTE_SLOT = "⟪…⟫"


@dataclass
class Unit:
    """One quotation: its text ranges (several when it runs over paragraphs) and where its marks are."""

    open_at: int
    close_at: int | None = None  # index just after the closing mark; None when it ends unclosed
    segments: list[tuple[int, int]] = field(default_factory=list)
    attribution: Attribution | None = None


def paragraph_bounds(sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph, from its first sentence's start to its last sentence's end."""
    bounds: dict[int, list[int]] = {}
    for sentence in sentences:
        span = bounds.setdefault(sentence.paragraph, [sentence.char_start, sentence.char_end])
        span[1] = sentence.char_end
    return [(start, end) for start, end in bounds.values()]


def _mark_role(mark: str, before: str, after: str, stack: list[tuple[str, int]]) -> tuple[str, str] | None:
    """Return ``("open"|"close", kind)`` for a quotation mark in its context, or None for an apostrophe."""
    kinds = [kind for kind, _ in stack]
    if mark in "“„«‘”»":
        return _paired_mark(mark, after, kinds)
    open_context = (before == "" or before.isspace() or before in _OPEN_BEFORE) and after != "" and not after.isspace()
    close_context = before != "" and not before.isspace() and (after == "" or after.isspace() or after in _CLOSE_AFTER)
    if mark == '"':
        return _straight_mark(open_context, close_context, kinds)
    # ' and ’: an apostrophe between letters, otherwise a single quotation mark.
    if before.isalnum() and after.isalnum():
        return None
    kind = "S" if mark == "’" else "s"
    if close_context and (kind in kinds or (kind == "S" and "s" in kinds)):
        return ("close", kind if kind in kinds else "s")
    if mark == "'" and open_context and after.isalnum():
        return ("open", "s")
    return None


def _paired_mark(mark: str, after: str, kinds: list[str]) -> tuple[str, str] | None:
    """Return the role of a mark whose shape says whether it opens or closes (curly doubles, guillemets, ‘)."""
    if mark in "“„":
        return ("open", "D")
    if mark == "«":
        return ("open", "G")
    if mark == "‘":
        return ("open", "S") if after and not after.isspace() else None
    kind = "D" if mark == "”" else "G"
    return ("close", kind) if kind in kinds else None


def _straight_mark(open_context: bool, close_context: bool, kinds: list[str]) -> tuple[str, str] | None:
    """Return the role of a straight double mark, from the characters around it and the open quotations."""
    if open_context and not close_context:
        return ("open", "d")
    if close_context and not open_context:
        return ("close", "d") if "d" in kinds else None
    return ("close", "d") if kinds and kinds[-1] == "d" else ("open", "d")


@dataclass
class _Scan:
    """The state of the scan through one paragraph: the open marks and the quotation being read."""

    stack: list[tuple[str, int]] = field(default_factory=list)
    current: Unit | None = None
    segment_start: int = 0


def scan_quotations(content: str, paragraphs: Sequence[tuple[int, int]]) -> list[Unit]:
    """Return the top-level quotations of the article, in order (nested quotations are part of their outer one)."""
    units: list[Unit] = []
    carried: tuple[Unit, str] | None = None
    for para_start, para_end in paragraphs:
        scan, scan_from = _resume(content, para_start, carried)
        for match in _MARKS.finditer(content, scan_from, para_end):
            index = match.start()
            before = content[index - 1] if index > para_start else ""
            after = content[index + 1] if index + 1 < para_end else ""
            mark = match.group(0)
            if mark in "’'" and before.isalnum() and after.isalnum():
                continue  # an apostrophe between letters ("Russia’s"), most marks: ``_mark_role`` would return None
            role = _mark_role(mark, before, after, scan.stack)
            if role is not None:
                _apply_mark(scan, role, index, units)
        carried = None
        if scan.stack and scan.current is not None:
            scan.current.segments.append((scan.segment_start, para_end))
            carried = (scan.current, scan.stack[0][0])
            _add_unit(units, scan.current)
    return units


def _resume(content: str, para_start: int, carried: tuple[Unit, str] | None) -> tuple[_Scan, int]:
    """Return the scan state at a paragraph's start and where to scan from (after a mark that re-opens a quotation)."""
    if carried is not None and content[para_start] in _REOPENERS[carried[1]]:
        return _Scan([(carried[1], para_start)], carried[0], para_start + 1), para_start + 1
    return _Scan(segment_start=para_start), para_start


def _apply_mark(scan: _Scan, role: tuple[str, str], index: int, units: list[Unit]) -> None:
    """Open or close a quotation at ``index`` (changes ``scan`` and, when a top-level quotation closes, ``units``)."""
    action, kind = role
    if action == "open":
        if not scan.stack:
            scan.current = Unit(open_at=index)
            scan.segment_start = index + 1
        scan.stack.append((kind, index))
        return
    while scan.stack:
        top, _ = scan.stack.pop()
        if top == kind:
            break
    if not scan.stack and scan.current is not None:
        scan.current.segments.append((scan.segment_start, index))
        scan.current.close_at = index + 1
        _add_unit(units, scan.current)
        scan.current = None


def _add_unit(units: list[Unit], unit: Unit) -> None:
    """Append ``unit`` unless it is already the last one (a quotation carried over paragraphs); changes ``units``."""
    if not units or units[-1] is not unit:
        units.append(unit)


def starts_inside(unit: Unit, sentence: Sentence) -> bool:
    """Return True when ``sentence`` begins with the quotation's opening mark or inside the quotation."""
    return unit.open_at == sentence.char_start or any(start <= sentence.char_start < end for start, end in unit.segments)

