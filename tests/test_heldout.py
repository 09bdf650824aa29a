"""The held-out evaluation data is well formed, and the measuring script aligns and compares as documented.

These tests check the data's shape and the measure's logic on small made-up inputs; they never assert how well the
draft does (the figures are reported in tests/data/heldout/README.md, not tested).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from medialit.errors import MediaLitError
from medialit.vocabulary import CATEGORIES, CHANNELS, SPEAKER_ROLES
from tools import measure_draft as m

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"
PACKAGE = Path(__file__).resolve().parent.parent / "medialit"
GOLD_COLUMNS = ["sentence_id", "text", "speaker", "speaker_also", "speaker_role", "channel", "category",
                "also_acceptable", "note"]
PROBE_COLUMNS = ["probe_id", "base_id", "change", "context", "text", "speaker", "speaker_also", "category",
                 "also_acceptable"]
ARTICLES = sorted(HELDOUT.glob("*.txt"))


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _paragraphs(path: Path) -> list[str]:
    return [part for part in path.read_text(encoding="utf-8").split("\n\n") if part.strip()]


def test_does_the_heldout_set_have_at_least_twelve_articles_each_with_gold_and_meta() -> None:
    assert len(ARTICLES) >= 12
    for article in ARTICLES:
        stem = article.name.removesuffix(".txt")
        assert (HELDOUT / f"{stem}.gold.csv").is_file(), stem
        assert (HELDOUT / f"{stem}.meta.json").is_file(), stem


@pytest.mark.parametrize("article", ARTICLES, ids=lambda path: path.stem)
def test_is_each_article_marked_invented_and_wire_sized(article: Path) -> None:
    meta = json.loads(article.with_name(article.stem + ".meta.json").read_text(encoding="utf-8"))
    assert meta["invented"] is True
    assert all(meta.get(field) for field in ("title", "outlet", "date", "style"))
    assert 250 <= len(article.read_text(encoding="utf-8").split()) <= 600


@pytest.mark.parametrize("article", ARTICLES, ids=lambda path: path.stem)
def test_does_every_gold_row_quote_its_own_paragraph_of_the_article(article: Path) -> None:
    columns, rows = _rows(article.with_name(article.stem + ".gold.csv"))
    assert columns == GOLD_COLUMNS
    paragraphs = _paragraphs(article)
    ids = [row["sentence_id"] for row in rows]
    assert len(ids) == len(set(ids))
    for row in rows:
        found = re.fullmatch(r"P(\d{2})\.S(\d+)", row["sentence_id"])
        assert found, row["sentence_id"]
        assert row["text"] and row["text"] in paragraphs[int(found.group(1)) - 1], row["sentence_id"]
    assert len({row["sentence_id"][:3] for row in rows}) == len(paragraphs)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda path: path.stem)
def test_are_the_gold_labels_in_the_kits_vocabulary(article: Path) -> None:
    _, rows = _rows(article.with_name(article.stem + ".gold.csv"))
    for row in rows:
        where = f"{article.stem} {row['sentence_id']}"
        assert row["category"] in CATEGORIES, where
        assert set(m.split_list(row["also_acceptable"])) <= set(CATEGORIES) - {row["category"]}, where
        assert row["speaker_role"] in (*SPEAKER_ROLES, ""), where
        assert row["channel"] in CHANNELS, where
        if row["channel"] == "narration":  # the outlet's own words: no speaker
            assert row["speaker"] == "" and row["speaker_role"] == "outlet", where
        if row["speaker"]:
            assert row["channel"] != "narration", where
        else:  # narration, or an unnamed source only the outlet stands behind (the audit's convention, AUDIT.md)
            assert row["speaker_role"] == "outlet" and not row["speaker_also"], where


def test_does_the_probe_suite_have_150_probes_whose_bases_exist() -> None:
    columns, rows = _rows(HELDOUT / "probes.csv")
    assert columns == PROBE_COLUMNS
    assert len(rows) >= 150
    assert len({row["probe_id"] for row in rows}) == len(rows)
    bases = {row["base_id"] for row in rows if row["change"] == "base"}
    assert {row["base_id"] for row in rows} == bases
    for row in rows:
        assert row["category"] in CATEGORIES, row["probe_id"]
        assert set(m.split_list(row["also_acceptable"])) <= set(CATEGORIES), row["probe_id"]
        assert row["text"].strip() and "\n" not in row["text"] + row["context"], row["probe_id"]


def test_does_no_package_module_read_the_heldout_folder() -> None:
    for module in PACKAGE.rglob("*.py"):
        assert "heldout" not in module.read_text(encoding="utf-8"), module.name


def test_does_the_readme_say_no_rule_may_be_tuned_on_the_set() -> None:
    readme = (HELDOUT / "README.md").read_text(encoding="utf-8")
    assert "no rule may be tuned on these files" in readme.casefold()


# The measure, on made-up inputs.

def _gold(text: str = "He said so.", speaker: str = "Ana Ruiz", also: tuple[str, ...] = ("Ruiz",),
          role: str | None = "official", channel: str | None = "paraphrase", category: str = "official statement",
          alternatives: tuple[str, ...] = ("reporting",)) -> m.Gold:
    return m.Gold("made-up", "P01.S1", text, speaker, also, role, channel, category, alternatives)


def _draft(text: str = "He said so.", speaker: str = "Ana Ruiz", role: str = "official", channel: str = "paraphrase",
           category: str = "official statement") -> m.Drafted:
    return m.Drafted(text, speaker, role, channel, category)


def test_does_text_normalisation_straighten_quotes_and_collapse_space() -> None:
    assert m.normalise_text(" “It is  done,”\n she said. ") == '"It is done," she said.'
    assert m.normalise_text("«Oui»") == m.normalise_text('"Oui"')


def test_does_speaker_normalisation_fold_case_drop_the_and_straighten_apostrophes() -> None:
    assert m.normalise_speaker("The Finance Ministry’s  press office") == "finance ministry's press office"
    assert m.normalise_speaker("theodor Marx") == "theodor marx"


def test_does_a_speaker_agree_only_with_the_gold_spelling_or_a_listed_one() -> None:
    gold = _gold(speaker="Maria van Dijk", also=("Van Dijk",))
    assert m.speaker_agrees(gold, "maria van dijk")
    assert m.speaker_agrees(gold, "van Dijk")
    assert not m.speaker_agrees(gold, "Dijk")
    assert not m.speaker_agrees(gold, "")
    assert m.speaker_agrees(_gold(speaker="", also=()), "")


def test_does_a_category_agree_with_an_accepted_alternative_but_not_another_label() -> None:
    gold = _gold()
    assert m.category_agrees(gold, "reporting")
    assert not m.category_agrees(gold, "expert opinion")


def test_does_alignment_match_by_normalised_text_and_leave_a_split_sentence_unmatched() -> None:
    gold = [_gold(text="“Yes,” she said."), _gold(text="ROME (AP) — It rained."), _gold(text="“Yes,” she said.")]
    draft = [_draft(text='"Yes," she said.'), _draft(text="ROME (AP) —"), _draft(text="It rained."),
             _draft(text='"Yes,"  she said.', speaker="second")]
    aligned = m.align(gold, draft)
    assert aligned[0] is draft[0] and aligned[2] is draft[3]
    assert aligned[1] is None


def test_is_a_segmentation_error_wrong_for_every_field_and_counted() -> None:
    verdicts = [m.judge(_gold(), None), m.judge(_gold(), _draft(role="expert", category="reporting"))]
    assert verdicts[0].agrees == {"speaker": False, "speaker_named": False, "role": False, "channel": False,
                                  "category": False}
    figures = m.tally(verdicts)
    assert figures["segmentation_errors"] == 1
    assert figures["speaker"] == {"agree": 1, "total": 2, "percent": 50.0}
    assert figures["role"]["agree"] == 0 and figures["category"]["agree"] == 1


def test_are_narration_rows_left_out_of_the_named_speaker_figure() -> None:
    figures = m.tally([m.judge(_gold(speaker="", also=()), _draft(speaker="")), m.judge(_gold(), _draft())])
    assert figures["speaker"]["total"] == 2 and figures["speaker_named"]["total"] == 1


def test_does_a_probe_without_role_or_channel_report_only_speaker_and_category() -> None:
    verdict = m.judge(_gold(role=None, channel=None), _draft(role="expert", channel="narration"))
    figures = m.tally([verdict])
    assert "role" not in figures and "channel" not in figures
    assert figures["category"]["agree"] == 1
    assert m.misses([verdict]) == []


def test_does_a_miss_name_the_field_gold_and_draft_labels() -> None:
    found = m.misses([m.judge(_gold(), _draft(speaker="Kyodo"))])
    assert [(miss["field"], miss["gold"], miss["draft"]) for miss in found] == [("speaker", "Ana Ruiz", "Kyodo")]


def test_does_measuring_articles_read_gold_files_and_use_the_drafter(tmp_path: Path) -> None:
    article = tmp_path / "made-up.txt"
    article.write_text("Ana Ruiz said so. It rained.\n", encoding="utf-8")
    gold = tmp_path / "made-up.gold.csv"
    with gold.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(GOLD_COLUMNS)
        writer.writerow(["P01.S1", "Ana Ruiz said so.", "Ana Ruiz", "Ruiz", "official", "paraphrase",
                         "official statement", "reporting", ""])
        writer.writerow(["P01.S2", "It rained.", "", "", "outlet", "narration", "reporting", "", ""])
    pairs = m.article_items(tmp_path, ".gold.csv")
    assert pairs == [(article, gold)]
    verdicts = m.measure_articles(pairs, lambda path: [_draft(text="Ana Ruiz said so.", speaker="Ruiz")])
    assert [verdict.agrees["speaker"] for verdict in verdicts] == [True, False]
    assert verdicts[1].draft is None


def test_does_a_probe_score_the_last_sentence_of_context_plus_text() -> None:
    seen: list[str] = []

    def drafter(path: Path) -> list[m.Drafted]:
        content = path.read_text(encoding="utf-8").strip()
        seen.append(content)
        return [_draft(text="He said so.", speaker="Earlier"), _draft(text="He said so.", speaker="Ana Ruiz")]

    verdicts = m.measure_probes([("Ana Ruiz arrived. He said so.", _gold(role=None, channel=None))], drafter)
    assert seen == ["Ana Ruiz arrived. He said so. He said so."]
    assert verdicts[0].agrees["speaker"] is True


def test_are_the_misses_of_a_held_out_set_never_listed(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = m.judge(_gold(), _draft(speaker="Kyodo"))
    monkeypatch.setattr(m, "measure", lambda name: [wrong])
    assert m.main(["--set", "heldout2", "--misses", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert "misses" not in report["heldout2"]
    assert m.main(["--set", "tuning", "--misses", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["tuning"]["misses"]


def test_does_a_held_out_set_report_totals_only_and_the_tuning_set_its_articles(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(m, "measure", lambda name: [m.judge(_gold(), _draft(speaker="Kyodo"))])
    for held_out in ("heldout", "heldout2", "heldout3", "heldout4"):
        assert m.main(["--set", held_out, "--json"]) == 0
        assert "by_article" not in json.loads(capsys.readouterr().out)[held_out]
    assert m.main(["--set", "tuning", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["tuning"]["by_article"]


def test_does_a_broken_word_list_stop_the_measure_with_one_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(name: str) -> list[m.Verdict]:
        raise MediaLitError("medialit/data/words/role_nouns.txt, line 95: 'prefect' is already on line 24; remove one of them")

    monkeypatch.setattr(m, "measure", broken)
    assert m.main(["--set", "tuning"]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "role_nouns.txt, line 95" in error and "Traceback" not in error
