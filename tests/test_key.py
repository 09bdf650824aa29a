"""Is the shipped answer key valid and sound, and does validation catch broken copies with a location?"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from medialit.errors import MediaLitError
from medialit.keys.key import KEY_COLUMNS, list_field, load_article_key, load_key, validate_key
from medialit.vocabulary import TECHNIQUES
from tests.conftest import REPO, SEEDS

SEED_KEY = SEEDS / "lavrov-pompeo-sochi-2019.key.csv"
ALL_KEYS = sorted(SEEDS.glob("*.key.csv")) + sorted((REPO / "tests/data/articles").glob("*.key.csv"))


def read_rows(path: Path) -> list[dict[str, str]]:
    """Return the key's rows as dicts, in file order."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]], columns: list[str] = KEY_COLUMNS) -> None:
    """Write ``rows`` as a key CSV at ``path``."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def broken_key(seed_copy: Path) -> Path:
    """Return the path of a writable copy of the seed key, beside a copy of its article."""
    return seed_copy / SEED_KEY.name


def run_validate(path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m medialit validate PATH``."""
    return subprocess.run([sys.executable, "-m", "medialit", "validate", str(path)], capture_output=True, text=True)


@pytest.mark.parametrize("path", ALL_KEYS, ids=lambda p: p.name)
def test_is_every_shipped_key_valid(path: Path) -> None:
    assert validate_key(path) == []
    assert load_key(path).reviewed


def test_does_validate_accept_the_seed_key_on_the_command_line() -> None:
    result = run_validate(SEED_KEY)
    assert result.returncode == 0, result.stderr
    assert "valid, 35 sentences, reviewed" in result.stdout


def test_does_the_key_follow_the_article_order() -> None:
    key = load_key(SEED_KEY)
    assert key.sentence_ids == key.article.sentences["sentence_id"].tolist()
    assert len(key.sha256) == 64


def test_are_the_four_accusations_of_paragraph_11_labelled_allegations() -> None:
    key = load_key(SEED_KEY)
    for sentence_id in ("P11.S2", "P11.S3", "P11.S4", "P11.S5"):
        assert key.value(sentence_id, "claim_type") == "allegation", sentence_id
        explanation = key.value(sentence_id, "explanation").lower()
        assert any(word in explanation for word in ("allegation", "accus", "claim")), sentence_id


def test_does_the_tass_relayed_quotation_accept_state_media_framing_with_a_reason() -> None:
    key = load_key(SEED_KEY)
    assert key.value("P02.S2", "speaker") == "Sergey Lavrov"
    assert key.value("P02.S2", "channel") == "relayed"
    assert "TASS" in key.value("P02.S2", "cue")
    assert "state-media framing" in list_field(key.value("P02.S2", "also_acceptable"))
    assert "TASS" in key.value("P02.S2", "explanation")


def test_does_the_key_never_call_vestnik_kavkaza_state_owned() -> None:
    text = SEED_KEY.read_text(encoding="utf-8").lower()
    for claim in ("vestnik kavkaza is state", "state-owned vestnik", "vestnik kavkaza, a state", "kremlin-owned"):
        assert claim not in text


def test_does_the_key_agree_with_the_independent_reading_on_clear_cut_sentences() -> None:
    """The independent reading (tests/data/independent_reading.csv) was made without seeing the key."""
    key = load_key(SEED_KEY)
    reading = [row for row in read_rows(REPO / "tests/data/independent_reading.csv") if row["clear_cut"] == "yes"]
    assert len(reading) >= 20
    disagreements = []
    for row in reading:
        sentence_id = row["sentence_id"]
        accepted = {key.value(sentence_id, "category"), *list_field(key.value(sentence_id, "also_acceptable"))}
        if row["category"] not in accepted or row["speaker"] != key.value(sentence_id, "speaker"):
            disagreements.append(sentence_id)
    assert disagreements == []


def test_does_every_row_explain_itself_in_two_or_three_sentences() -> None:
    for row in read_rows(SEED_KEY):
        sentences = [s for s in row["explanation"].replace("?", ".").split(". ") if s.strip()]
        assert 2 <= len(sentences) <= 4, row["sentence_id"]
        assert row["sources"].strip(), row["sentence_id"]


# A breakage: (row, column, value): rows[row][column] = value; row None: the row whose column is value is left out,
# or with value None too, the column itself.
BREAKAGES = {
    "missing row": ((None, "sentence_id", "P03.S2"), "P03.S2: no row for this sentence"),
    "unknown category": ((1, "category", "propaganda"), "row 3 (P02.S1): category 'propaganda' is not one of"),
    "duplicate id": ((2, "sentence_id", "P02.S1"), "row 4: sentence_id P02.S1 appears again (first at row 3)"),
    "unknown id": ((3, "sentence_id", "P99.S1"), "row 5: unknown sentence_id 'P99.S1'"),
    "changed text": ((0, "text", "The talks have started."), "row 2 (P01.S1): text does not match the article"),
    "empty explanation": ((4, "explanation", "  "), "row 6 (P03.S2): explanation is empty"),
    "unknown technique": ((0, "techniques", "lying"), "row 2 (P01.S1): techniques 'lying' is not one of"),
    "missing column": ((None, "claim_type", None), "row 1: missing column(s) claim_type"),
    "unknown rule": ((0, "rule", "R99"), "row 2 (P01.S1): rule 'R99' is not one of"),
    "rule against category": (
        (0, "rule", "R2"),
        "row 2 (P01.S1): rule R2 gives the category 'official statement', not 'reporting'; change the category or the rule",
    ),
    "rule against alternatives": (
        (1, "also_acceptable", ""),
        "row 3 (P02.S1): rule R3 gives also_acceptable 'reporting', not ''; change also_acceptable or the rule",
    ),
    "empty speaker explanation": (
        (2, "explain_speaker", ""), "row 4 (P02.S2): explain_speaker is empty; say who speaks and how to find it"
    ),
    "empty category explanation": ((2, "explain_category", ""), "row 4 (P02.S2): explain_category is empty; say which rule decides"),
    "empty claim-type explanation": ((2, "explain_claim_type", ""), "row 4 (P02.S2): explain_claim_type is empty"),
    "empty techniques explanation": ((2, "explain_techniques", ""), "row 4 (P02.S2): explain_techniques is empty"),
    "unknown claim-type alternative": ((0, "claim_type_also", "rumour"), "row 2 (P01.S1): claim_type_also 'rumour' is not one of"),
    "repeated claim type": (
        (0, "claim_type_also", "verifiable fact"), "row 2 (P01.S1): claim_type_also repeats the claim_type 'verifiable fact'"
    ),
    "repeated technique": (
        (19, "techniques_also", "name calling/labeling"),
        "row 21 (P10.S2): techniques_also repeats the techniques 'name calling/labeling'",
    ),
    "missing rule column": ((None, "rule", None), "row 1: missing column(s) rule"),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_does_validate_reject_a_broken_copy_with_its_location(broken_key: Path, breakage: str) -> None:
    (row, column, value), expected = BREAKAGES[breakage]
    rows, columns = read_rows(broken_key), list(KEY_COLUMNS)
    if row is not None:
        rows[row][column] = value
    elif value is not None:
        rows = [kept for kept in rows if kept[column] != value]
    else:
        columns.remove(column)
    write_rows(broken_key, rows, columns)
    problems = validate_key(broken_key)
    assert any(expected in problem for problem in problems), problems
    assert all(problem.startswith(str(broken_key)) for problem in problems)
    result = run_validate(broken_key)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert any(expected in line for line in result.stderr.splitlines())
    with pytest.raises(MediaLitError) as caught:
        load_key(broken_key)
    assert str(caught.value).startswith(problems[0])


def test_does_a_duplicate_row_also_leave_the_replaced_sentence_missing(broken_key: Path) -> None:
    rows = read_rows(broken_key)
    rows[2]["sentence_id"] = "P02.S1"
    write_rows(broken_key, rows)
    problems = validate_key(broken_key)
    assert any("P02.S2: no row for this sentence" in problem for problem in problems)


def test_is_a_key_with_a_byte_order_mark_accepted(broken_key: Path) -> None:
    broken_key.write_bytes(b"\xef\xbb\xbf" + SEED_KEY.read_bytes().replace(b"\n", b"\r\n"))
    assert validate_key(broken_key) == []


@pytest.mark.parametrize(
    ("saved_as", "expected"),
    [("cp1252", "Windows-1252"), ("semicolons", "semicolons")],
)
def test_is_a_spreadsheet_resaved_key_recognised_and_the_fix_named(broken_key: Path, saved_as: str, expected: str) -> None:
    rows = read_rows(broken_key)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=KEY_COLUMNS, delimiter=";" if saved_as == "semicolons" else ",")
    writer.writeheader()
    writer.writerows(rows)
    encoding = "cp1252" if saved_as == "cp1252" else "utf-8"
    broken_key.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    problems = validate_key(broken_key)
    assert len(problems) == 1
    assert expected in problems[0] and "CSV UTF-8" in problems[0]


def test_does_a_missing_article_or_key_give_one_clear_error(tmp_path: Path) -> None:
    lonely = tmp_path / "lonely.key.csv"
    shutil.copy(SEED_KEY, lonely)
    assert "lonely.txt: file not found" in validate_key(lonely)[0]
    article = tmp_path / "nokey.txt"
    article.write_text("The minister arrived. She said hello.", encoding="utf-8")
    with pytest.raises(MediaLitError, match="no answer key beside the article; make a draft"):
        load_article_key(article)


def test_does_a_garbled_row_get_a_clear_message(broken_key: Path) -> None:
    text = broken_key.read_text(encoding="utf-8").splitlines()
    text[3] = text[3] + ',extra,"cells"'
    broken_key.write_text("\n".join(text), encoding="utf-8")
    problems = validate_key(broken_key)
    assert any("more cells than the header" in problem for problem in problems)


def test_may_a_key_leave_out_the_optional_alternative_columns(broken_key: Path) -> None:
    rows = read_rows(broken_key)
    for row in rows:
        row["claim_type_also"] = row["techniques_also"] = ""
    write_rows(broken_key, rows, [c for c in KEY_COLUMNS if c not in ("claim_type_also", "techniques_also", "reviewed")])
    assert validate_key(broken_key) == []
    assert load_key(broken_key).value("P03.S3", "claim_type_also") == ""


@pytest.mark.parametrize("field", ["speaker", "category", "claim_type", "techniques"])
def test_does_key_explanation_return_each_fields_own_column(field: str) -> None:
    key = load_key(SEED_KEY)
    for sentence_id in key.sentence_ids:
        assert key.explanation(sentence_id, field) == key.value(sentence_id, f"explain_{field}")
        assert key.explanation(sentence_id, field).strip()
    assert key.explanation("P01.S1", "explanation") == key.value("P01.S1", "explanation")


def test_does_key_explanation_refuse_an_unknown_field_or_sentence() -> None:
    key = load_key(SEED_KEY)
    with pytest.raises(MediaLitError, match="no explanation for field 'channel'"):
        key.explanation("P01.S1", "channel")
    with pytest.raises(MediaLitError, match="has no sentence 'P99.S1'"):
        key.explanation("P99.S1", "speaker")


def test_does_every_speaker_explanation_say_where_to_find_the_speaker() -> None:
    """Speaker feedback tells how to find the speaker, never talks about categories or claim types."""
    key = load_key(SEED_KEY)
    for sentence_id in key.sentence_ids:
        text = key.explanation(sentence_id, "speaker")
        speaker = key.value(sentence_id, "speaker")
        if speaker:
            surname = speaker.split()[-1]
            assert surname in text, sentence_id
            assert re.search(r"first named in P\d\d\.S\d|where his name is first given", text), sentence_id
        else:
            assert "narration" in text, sentence_id
        for word in ("official statement", "expert opinion", "state-media framing", "prediction", "allegation", "Rule R"):
            assert word not in text, (sentence_id, word)
    assert "Lavrov -> TASS -> this article" in key.explanation("P02.S2", "speaker")


def test_do_techniques_and_claim_type_explanations_talk_about_their_own_question() -> None:
    key = load_key(SEED_KEY)
    for sentence_id in key.sentence_ids:
        techniques = key.explanation(sentence_id, "techniques")
        assert "technique" in techniques.lower() or techniques.split(":")[0].lower() in TECHNIQUES, sentence_id
        for word in ("official statement", "expert opinion", "Rule R"):
            assert word not in techniques, (sentence_id, word)
        claim = key.explanation(sentence_id, "claim_type").lower()
        assert any(word in claim for word in ("fact", "opinion", "prediction", "allegation", "other")), sentence_id
        assert "rule r" not in claim and "technique" not in claim, sentence_id
        category = key.explanation(sentence_id, "category")
        assert category.startswith(f"Rule {key.value(sentence_id, 'rule')}:"), sentence_id


def test_is_every_allegation_explained_with_the_fact_beside_it() -> None:
    """Debunking order: the fact, a warning before the myth, the myth once (issue 12, item 2)."""
    key = load_key(SEED_KEY)
    for sentence_id in ("P11.S3", "P11.S4", "P11.S5"):
        text = key.explanation(sentence_id, "claim_type")
        assert text.startswith("The fact first:"), sentence_id
        assert text.index("The fact first:") < text.index("Careful:"), sentence_id
    assert "no report that supports it" in key.explanation("P11.S2", "claim_type")


def test_does_an_old_key_without_the_new_columns_get_one_line_saying_what_to_add(tmp_path: Path) -> None:
    shutil.copy(SEEDS / "lavrov-pompeo-sochi-2019.txt", tmp_path / "old.txt")
    old_columns = [c for c in KEY_COLUMNS if c not in ("rule", "claim_type_also", "techniques_also") and not c.startswith("explain_")]
    write_rows(tmp_path / "old.key.csv", read_rows(SEED_KEY), old_columns)
    problems = validate_key(tmp_path / "old.key.csv")
    assert len(problems) == 1
    assert "row 1: missing column(s) rule, explain_speaker, explain_category, explain_claim_type, explain_techniques" in problems[0]
    assert "one explanation per question" in problems[0] and "The labelling rule" in problems[0]
