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


def test_is_a_parish_named_in_lower_case_a_body_that_speaks(tmp_path: Path) -> None:
    key = drafted(tmp_path, "The parish of Saint-Aurel said on Sunday that its bells would ring at noon. "
                            "The parish said the repairs had cost 40,000 euros.")
    assert key.loc["P01.S1", "speaker"] == "parish of Saint-Aurel"
    assert key.loc["P01.S2", "speaker"] == "parish of Saint-Aurel"


def test_is_the_agency_after_a_body_of_government_spoke_that_body_not_the_wire(tmp_path: Path) -> None:
    key = drafted(tmp_path, "VELMORA, Kestria (AP) — Six villages were evacuated on Sunday, Kestria's General Secretariat "
                            "for Civil Protection said.\n\nAbout 900 people left their homes, according to the agency.")
    assert key.loc["P02.S1", "speaker"] == "General Secretariat for Civil Protection"


def test_is_the_agency_after_the_wire_spoke_last_still_the_wire(tmp_path: Path) -> None:
    key = drafted(tmp_path, "Kestria's General Secretariat for Civil Protection ordered the evacuation, TASS reported. "
                            "About 900 people left their homes, according to the agency.")
    assert key.loc["P01.S2", "speaker"] == "TASS"
