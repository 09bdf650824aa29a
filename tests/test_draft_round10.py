"""Round-10 draft rules (2026-12-04): a bare "A spokeswoman said" right after a sentence in which an organisation
spoke is that organisation's spokesperson.

Every sentence here is made up for the test; none is copied from the tuning or held-out articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.drafting import drafted


@pytest.mark.parametrize("noun", ["spokeswoman", "spokesman", "spokesperson"])
def test_is_a_bare_spokesperson_after_a_body_spoke_that_bodys_voice(tmp_path: Path, noun: str) -> None:
    key = drafted(tmp_path, f"Brannick Foods denied the report on Monday. A {noun} said the plant was safe.")
    assert key.loc["P01.S1", "speaker"] == "Brannick Foods"
    assert key.loc["P01.S2", "speaker"] == "Brannick Foods"


def test_is_a_quoted_bare_spokesperson_after_a_body_spoke_that_bodys_voice(tmp_path: Path) -> None:
    key = drafted(tmp_path, 'Brannick Foods denied the report on Monday. A spokesperson said: "The plant is safe."')
    assert key.loc["P01.S2", "speaker"] == "Brannick Foods"


def test_does_a_bare_spokesperson_after_a_sentence_of_narration_stay_unnamed(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Brannick Foods denied the report on Monday. The plant closed in May. "
                            "A spokeswoman said the plant was safe.")
    assert (key.loc["P01.S3", "speaker"], key.loc["P01.S3", "channel"]) == ("", "narration")


def test_does_a_bare_spokesperson_after_a_person_spoke_stay_unnamed(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The mayor, Ana Ruiz, spoke on Monday. A spokeswoman said the plant was safe.")
    assert (key.loc["P01.S2", "speaker"], key.loc["P01.S2", "channel"]) == ("", "narration")
