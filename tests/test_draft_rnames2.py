"""Do names with accented capitals, Celtic, Catalan and Italian particles and double surnames become the speaker?

Made-up sentences (issue 15, second names pass): capitals outside A-Z ("Étienne", "Ó"), particles such as "ap", "i",
"Ó" and elided "dell'", and a double surname written later as its first surname alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.text.mentions import short_forms
from tests.drafting import drafted



@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Mayor Étienne Le Gallais said the budget would be cut.", "Étienne Le Gallais"),
        ("Governor Órla Byrne says the road will reopen.", "Órla Byrne"),
        ("The historian, Dr Ciarán Ó Briain, said the letters were forged.", "Ciarán Ó Briain"),
        ("The clerk, Siân Nic Dafydd, announced the count.", "Siân Nic Dafydd"),
        ("The returning officer, Owain ap Gruffydd, announced the count.", "Owain ap Gruffydd"),
        ("Its spokesman, Jordi Puig i Serra, announced the fee.", "Jordi Puig i Serra"),
        ("Bishop Paolo dell'Acqua said the church would stay open.", "Paolo dell'Acqua"),
        ("The lawyer Marco d’Amato said the appeal would be filed.", "Marco d’Amato"),
        ("Łukasz Żmuda, a farmer, said the harvest was poor.", "Łukasz Żmuda"),
    ],
)
def test_is_a_name_with_accented_capitals_or_a_particle_kept_whole(tmp_path: Path, sentence: str, speaker: str) -> None:
    key = drafted(tmp_path, f"The vote was held on Sunday.\n{sentence}")
    assert key.loc["P02.S1", "speaker"] == speaker


@pytest.mark.parametrize(
    ("first", "later", "speaker"),
    [
        ("Its spokesman, Jordi Puig i Serra, announced the fee.", "Puig said it was fair.", "Jordi Puig i Serra"),
        ("Ana Ruiz Cabello, who leads the group, spoke first.", "Ruiz said the march would go ahead.", "Ana Ruiz Cabello"),
        ("Dr Ciarán Ó Briain spoke first.", "Ó Briain said the letters were forged.", "Ciarán Ó Briain"),
        ("Bishop Paolo dell'Acqua spoke first.", "Dell'Acqua said the church would stay open.", "Paolo dell'Acqua"),
    ],
)
def test_does_a_later_short_form_go_back_to_the_full_name(tmp_path: Path, first: str, later: str, speaker: str) -> None:
    key = drafted(tmp_path, f"{first}\n{later}")
    assert key.loc["P02.S1", "speaker"] == speaker


def test_are_no_short_forms_made_from_the_and_between_two_surnames() -> None:
    forms = short_forms("Jordi Puig i Serra")
    assert "Puig" in forms and "Puig i Serra" in forms
    assert not any(form.split()[0] in {"i", "I"} for form in forms)
