"""Are the kit's word lists data files that the package checks, with inflections made from base forms?"""

from __future__ import annotations

import pytest

from medialit.errors import MediaLitError
from medialit.text import words
from medialit.text.words import WORD_FILES, inflect, parse_rows


@pytest.mark.parametrize("name", sorted(WORD_FILES))
def test_does_every_packaged_word_list_load_and_pass_its_checks(name: str) -> None:
    rows = words.rows(name)
    assert rows, f"{name} is empty"
    assert all(len(row) == len(WORD_FILES[name].columns) for row in rows)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("say | said | neutral | object | extra\n", "line 1: has 5 columns"),
        ("# comment\n\nsay | said | cheerful\n", "line 3: lesson framing 'cheerful' is not one of"),
        ("say\nsay\n", "line 2: 'say' is already on line 1"),
        (" | said\n", "line 1: needs 1 filled column"),
    ],
    ids=["columns", "choice", "duplicate", "empty"],
)
def test_does_a_broken_word_list_give_one_line_naming_file_line_and_fix(text: str, problem: str) -> None:
    with pytest.raises(MediaLitError) as raised:
        parse_rows(text, "cue_verbs.txt", WORD_FILES["cue_verbs"])
    message = str(raised.value)
    assert message.startswith("cue_verbs.txt, line ")
    assert problem in message
    assert "\n" not in message and ";" in message  # one line, with the fix after the semicolon


@pytest.mark.parametrize(
    ("base", "irregular", "expected"),
    [
        ("say", ["said"], {"say", "says", "saying", "said"}),
        ("note", [], {"note", "notes", "noting", "noted"}),
        ("deny", [], {"deny", "denies", "denying", "denied"}),
        ("stress", [], {"stress", "stresses", "stressing", "stressed"}),
        ("point out", [], {"point out", "points out", "pointing out", "pointed out"}),
        ("write", ["wrote", "written"], {"write", "writes", "writing", "wrote", "written"}),
    ],
)
def test_are_a_cue_verbs_inflections_made_from_its_base_form(base: str, irregular: list[str], expected: set[str]) -> None:
    past, forms = inflect(base, irregular)
    assert set(forms) == expected
    assert past == (irregular[0] if irregular else forms[-1])


def test_are_the_cue_verbs_the_issue_lists_known() -> None:
    forms = {form for verb in words.cue_verbs() for form in verb.forms}
    assert {"say", "expect", "believes", "conceded", "reiterated", "tweeted", "said", "told"} <= forms


def test_is_agency_a_government_head_noun_and_never_a_news_agency() -> None:
    assert words.organisation_heads()["Agency"] == "agency"
    assert not any(name.endswith("Agency") and " " not in name for name in words.words("news_agencies"))


def test_are_the_lessons_cue_verbs_and_markers_read_from_the_word_lists() -> None:
    from medialit.lessons import voices

    assert [name for _, name in voices.CUE_PATTERNS][4:] == [verb.past for verb in words.cue_verbs() if verb.framing]
    assert voices.DIPLOMATIC_MARKERS == words.diplomatic_markers()
    assert voices.cue_framing("noted") == "true or important"
