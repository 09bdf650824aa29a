"""Writing answer keys: the key file's text from rows or a table, written atomically, and the draft markers.

A draft key (``medialit.draft``) and the teacher's review (``medialit.ui.review``) both write keys through
``write_key``; ``DRAFT_PREFIX`` marks an explanation the draft wrote and a teacher has not yet replaced.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from medialit.atomic import replace_atomically
from medialit.errors import MediaLitError
from medialit.keys.key import KEY_COLUMNS, Key

DRAFT_PREFIX = "DRAFT:"


def is_draft_explanation(explanation: str) -> bool:
    """Return True when an explanation is still empty or the draft's placeholder."""
    return not explanation.strip() or explanation.lstrip().startswith(DRAFT_PREFIX)


def unreviewed_warning(key: Key) -> str:
    """Return the warning to show above an exercise whose key is an unreviewed draft ('' when reviewed)."""
    return "" if key.reviewed else key.review_status()


def rows_csv(rows: Iterable[Sequence[str]]) -> str:
    """Return key rows (strings in ``KEY_COLUMNS`` order) as the text of a key file: UTF-8 CSV, ``\\n`` line ends.

    The text is what ``csv.writer(lineterminator="\\n")`` writes, built by joining the fields (several times
    faster on a key's long explanations). Rows it could write otherwise (a value that is not a ``str`` or holds a
    ``\\r``, which newer Pythons quote, or a row of fewer than two fields) go to ``csv.writer`` itself.
    ``tests/test_key.py`` compares the two on every draft in the kit and on random rows.
    """
    rows = rows if isinstance(rows, (list, tuple)) else list(rows)
    lines = [_HEADER_LINE]
    for row in rows:
        if len(row) < 2 or not _ONLY_STR.issuperset(map(type, row)):  # every value's type is ``str`` (a test in C)
            return _csv_module_text(rows)
        # ``_csv_field`` of each value, written out here (a call per value costs more than the test itself)
        line = ",".join(['"' + value.replace('"', '""') + '"' if '"' in value or "," in value or "\n" in value else value
                         for value in row])
        if "\r" in line:  # a value holds a \r (quoting adds none)
            return _csv_module_text(rows)
        lines.append(line)
    lines.append("")
    return "\n".join(lines)


def _csv_field(value: str) -> str:
    """Return ``value`` as ``csv.writer`` writes it: in double quotes (inner ones doubled) if it holds ``"``, ``,`` or ``\\n``."""
    if '"' in value:
        return '"' + value.replace('"', '""') + '"'
    if "," in value or "\n" in value:
        return '"' + value + '"'
    return value


def _csv_module_text(rows: Sequence[Sequence[str]]) -> str:
    """Return ``rows`` under the ``KEY_COLUMNS`` header as ``csv.writer(lineterminator="\\n")`` writes them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(KEY_COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


_HEADER_LINE = ",".join(map(_csv_field, KEY_COLUMNS))
_ONLY_STR = frozenset({str})


def key_csv(table: pd.DataFrame) -> str:
    """Return ``table`` (columns ``KEY_COLUMNS``, or ``sentence_id`` as its index) as the text of a key file."""
    columns = table.reset_index() if "sentence_id" not in table.columns else table
    return rows_csv(list(zip(*(map(str, columns[name].tolist()) for name in KEY_COLUMNS))))


def write_key(table: pd.DataFrame, path: Path | str) -> Path:
    """Write ``table`` as a key file at ``path`` atomically (a temporary file, then ``os.replace``); return the path.

    Raises:
        MediaLitError: the folder does not exist or cannot be written.
    """
    return write_key_text(key_csv(table), Path(path))


def write_key_text(text: str, path: Path) -> Path:
    """Write the key file text ``text`` at ``path`` atomically; return the path.

    Raises:
        MediaLitError: the folder does not exist or cannot be written.
    """
    if not path.parent.is_dir():
        raise MediaLitError(f"{path}: the folder {path.parent} does not exist; create it or choose another --out")
    try:
        replace_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise MediaLitError(f"{path}: cannot be written ({error.strerror}); check the folder's permissions") from None
    return path

