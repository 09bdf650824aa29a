"""Shared fixtures. Tests never write into the repository: answers go to a temporary folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from medialit.keys.key import Key, load_article_key
from medialit.lessons.voices import voice_table

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_ARTICLE = SEEDS / "lavrov-pompeo-sochi-2019.txt"
SEED_SHA256 = "62a13b44c5321d55ddd62228d03bb4d75d5385b2a54075f7fe8b26d3d9e8d898"

# Every kernel that nbval or a test starts inherits this, so no answers file lands in the repo.
_ANSWERS_DIR = Path(tempfile.mkdtemp(prefix="medialit-test-answers-"))
os.environ.setdefault("MEDIALIT_ANSWERS_DIR", str(_ANSWERS_DIR))
# Submissions never follow MEDIALIT_ANSWERS_DIR (the README's rule), so they get a temporary folder of their own.
os.environ.setdefault("MEDIALIT_SUBMISSIONS_DIR", str(_ANSWERS_DIR / "submissions"))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove the temporary answers folder when the session ends."""
    shutil.rmtree(_ANSWERS_DIR, ignore_errors=True)


@pytest.fixture
def seed_article() -> Path:
    """Return the path of the seed article inside the repository (read only)."""
    return SEED_ARTICLE


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """Return a temporary copy of ``seeds/`` and chdir into its parent, so tests may write freely."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def seed_key() -> Key:
    """Return the seed article's answer key (read only, shared by the tests of one session)."""
    return load_article_key(SEED_ARTICLE)


@pytest.fixture(scope="session")
def table(seed_key: Key) -> pd.DataFrame:
    """Return the seed's voice table (sentences joined with their key labels)."""
    return voice_table(seed_key.article, seed_key)
