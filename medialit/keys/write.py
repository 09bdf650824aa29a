"""Writing answer keys: the key file's text from rows or a table, written atomically, and the draft markers.

A draft key (``medialit.draft``) and the teacher's review (``medialit.ui.review``) both write keys through
``write_key``; ``DRAFT_PREFIX`` marks an explanation the draft wrote and a teacher has not yet replaced.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
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


def rows_csv(rows: Sequence[Sequence[str]]) -> str:
    """Return key rows (strings in ``KEY_COLUMNS`` order) as the text of a key file: UTF-8 CSV, ``\\n`` line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(KEY_COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


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

