"""The one helper the draft-rule tests share: draft a made-up text and index its key by sentence id."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from medialit.draft.drafter import draft_key


def drafted(tmp_path: Path, text: str, name: str = "article") -> pd.DataFrame:
    """Return the draft key of ``text`` (written to ``tmp_path/NAME.txt``), indexed by sentence id."""
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return draft_key(path).set_index("sentence_id")
