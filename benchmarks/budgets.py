"""The performance budgets, read from ``benchmarks/budgets.json`` and validated.

The file is a JSON list with one budget per line::

    {"name": "draft_per_s", "limit": 200, "compare": ">=", "unit": "texts per CPU-second", "measures": "..."}

``name`` is the key the sections judge by, ``limit`` a positive number, ``compare`` how a measured value must
relate to it (``<``, ``<=``, ``>=`` or ``>``), ``unit`` and ``measures`` say what is measured, in words. Every
budget the benchmark judges must be there, and no other. A bad file raises ``BudgetError`` with one line naming
the file, the line and the fix.
"""

from __future__ import annotations

import functools
import json
import math
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BUDGETS_FILE = Path(__file__).resolve().parent / "budgets.json"
FIELDS = ("name", "limit", "compare", "unit", "measures")
COMPARISONS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">=": operator.ge, ">": operator.gt,
}
# The budgets the sections judge (the file must hold exactly these), and where each is judged.
JUDGED_BY = {
    "notebook_time_ratio": "notebooks",
    "notebook_memory_mb": "notebooks",
    "import_ratio": "imports",
    "check_p95_ms": "check",
    "install_ratio": "install",
    "tests_no_browser_s": "tests",
    "tests_full_s": "tests",
    "draft_per_s": "throughput",
    "grade_memory_mb": "throughput (grade memory)",
}
_NAME = re.compile(r"[a-z][a-z0-9_]*")


class BudgetError(ValueError):
    """A budgets file that cannot be used; the message is one line naming the file, the line and the fix."""


@dataclass(frozen=True)
class Budget:
    """One performance budget: a measured value must ``compare`` to ``limit`` (in ``unit``)."""

    name: str
    limit: float
    compare: str
    unit: str
    measures: str

    def met_by(self, value: float) -> bool:
        """Return True when ``value`` is within this budget."""
        return COMPARISONS[self.compare](value, self.limit)


def _entry_lines(text: str) -> list[int]:
    """Return the line number of every line of ``text`` that opens a budget object (one budget per line)."""
    return [number for number, line in enumerate(text.splitlines(), start=1) if line.lstrip().startswith("{")]


def _problem(entry: Any, seen: set[str]) -> str | None:
    """Return what is wrong with one budget ``entry`` and how to fix it, or None when it is valid."""
    if not isinstance(entry, dict):
        return "is not an object; write {\"name\": ..., \"limit\": ..., \"compare\": ..., \"unit\": ..., \"measures\": ...}"
    missing, unknown = [f for f in FIELDS if f not in entry], sorted(set(entry) - set(FIELDS))
    if missing:
        return f"has no {', '.join(missing)}; give exactly {', '.join(FIELDS)}"
    if unknown:
        return f"has the unknown field(s) {', '.join(unknown)}; give exactly {', '.join(FIELDS)}"
    name, limit = entry["name"], entry["limit"]
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        return f"has the name {name!r}; use lower-case letters, digits and _"
    if name in seen:
        return f"repeats the budget {name!r}; give each budget once"
    if isinstance(limit, bool) or not isinstance(limit, (int, float)) or not math.isfinite(limit) or limit <= 0:
        return f"{name}: limit {limit!r} is not a positive number; write e.g. 1.5 or 200"
    if entry["compare"] not in COMPARISONS:
        return f"{name}: compare {entry['compare']!r} is not one of {', '.join(COMPARISONS)}"
    for field in ("unit", "measures"):
        if not isinstance(entry[field], str) or not entry[field].strip():
            return f"{name}: {field} is empty; say in words what is measured and in which unit"
    return None


def parse_budgets(text: str, path: Path | str = BUDGETS_FILE) -> dict[str, Budget]:
    """Return the budgets in ``text`` (the contents of ``path``) by name, in file order.

    Raises:
        BudgetError: not JSON, not a list, a bad entry, or a budget missing or unknown to the benchmark.
    """
    try:
        entries = json.loads(text)
    except json.JSONDecodeError as error:
        raise BudgetError(f"{path}:{error.lineno}: is not valid JSON ({error.msg}); write one budget object per line inside [ ]") from None
    if not isinstance(entries, list):
        raise BudgetError(f"{path}:1: is not a JSON list; write [ then one budget object per line, then ]")
    lines = _entry_lines(text)
    budgets: dict[str, Budget] = {}
    for index, entry in enumerate(entries):
        where = f"{path}:{lines[index]}" if len(lines) == len(entries) else f"{path}: budget {index + 1}"
        problem = _problem(entry, set(budgets))
        if problem:
            raise BudgetError(f"{where}: {problem}")
        budgets[entry["name"]] = Budget(entry["name"], float(entry["limit"]), entry["compare"], entry["unit"], entry["measures"])
    missing, unknown = sorted(set(JUDGED_BY) - set(budgets)), sorted(set(budgets) - set(JUDGED_BY))
    if missing:
        raise BudgetError(f"{path}: has no budget {', '.join(missing)}; add one line for each (the {JUDGED_BY[missing[0]]} section judges it)")
    if unknown:
        raise BudgetError(f"{path}: no section judges the budget {', '.join(unknown)}; remove it or measure it in a section")
    return budgets


def load_budgets(path: Path | str | None = None) -> dict[str, Budget]:
    """Return the budgets of the file at ``path`` (default ``BUDGETS_FILE``) by name (see ``parse_budgets``).

    Raises:
        BudgetError: the file cannot be read or is not a valid budgets file.
    """
    path = BUDGETS_FILE if path is None else path
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BudgetError(f"{path}: cannot be read ({error}); restore it from git") from None
    return parse_budgets(text, path)


@functools.cache
def budgets() -> dict[str, Budget]:
    """Return the benchmark's budgets (``benchmarks/budgets.json``, read once per process)."""
    return load_budgets()


def limit(name: str) -> float:
    """Return the limit of the budget ``name``."""
    return budgets()[name].limit


def met(name: str, value: float) -> bool:
    """Return True when ``value`` is within the budget ``name``."""
    return budgets()[name].met_by(value)


def limits() -> dict[str, float]:
    """Return every budget's limit by name (what the JSON results record)."""
    return {name: budget.limit for name, budget in budgets().items()}
