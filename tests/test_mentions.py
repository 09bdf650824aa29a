"""Does the one mention layer split names and titles, know organisations, and serve the lessons' name table?"""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.text.article import read_article
from medialit.text.mentions import head_noun, organisation_kind, short_forms, spells_acronym, split_title, trie_pattern
from medialit.text.names import find_names


@pytest.mark.parametrize(
    ("run", "title", "name"),
    [
        ("U.S. Secretary of State Jane Doe", "U.S. Secretary of State", "Jane Doe"),
        ("Governor Maria van Dijk", "Governor", "Maria van Dijk"),
        ("Luis de la Cruz", "", "Luis de la Cruz"),
        ("Faisal bin Rashid al-Mutairi", "", "Faisal bin Rashid al-Mutairi"),
        ("Director of the Institute for Sea Studies Karl Brenner", "Director of the Institute for Sea Studies", "Karl Brenner"),
        ("The World Bank", "The World Bank", ""),
        ("Finance Ministry", "Finance Ministry", ""),
        ("Prof Tomas Varga", "Prof", "Tomas Varga"),
        ("Cllr Jean Ashby", "Cllr", "Jean Ashby"),
    ],
)
def test_does_split_title_find_the_persons_name_after_the_title(run: str, title: str, name: str) -> None:
    found_title, found_name, offset = split_title(run)
    assert (found_title, found_name) == (title, name)
    if name:
        assert run[offset:].startswith(name)


def test_are_later_short_forms_made_for_particles_and_either_name_order() -> None:
    assert short_forms("Luis de la Cruz")[:2] == ["de la Cruz", "Cruz"]
    assert "De la Cruz" in short_forms("Luis de la Cruz")
    assert "Al-Mutairi" in short_forms("Faisal bin Rashid al-Mutairi")
    assert "Tanaka" in short_forms("Tanaka Hiroshi")


def test_are_short_forms_made_for_capitalised_particles_and_double_surnames() -> None:
    assert short_forms("Karim El Fassi")[0] == "El Fassi"
    assert "Al Nuaimi" in short_forms("Noura bint Khalid Al Nuaimi")
    assert "Ortega de la Fuente" in short_forms("Ana Lucía Ortega de la Fuente")
    assert short_forms("Juan Carlos Méndez Ruiz")[0] == "Méndez Ruiz"


@pytest.mark.parametrize(
    ("name", "kind", "head"),
    [
        ("the Finance Ministry", "government", "ministry"),
        ("National Forestry Agency", "agency", "agency"),
        ("World Bank", "other", "bank"),
        ("Lusenia's central bank", "government", "bank"),
        ("Haeul Heavy Industries", "other", "company"),
        ("Institute of Political Studies", "academic", "institute"),
        ("IMF", "other", ""),
        ("Jane Doe", "", ""),
    ],
)
def test_is_an_organisation_known_by_its_head_noun_or_acronym(name: str, kind: str, head: str) -> None:
    assert organisation_kind(name) == kind
    assert head_noun(name) == head


def test_does_a_prefix_tree_pattern_match_exactly_its_words() -> None:
    import re

    pattern = re.compile(rf"\b(?:{trie_pattern(['said', 'says', 'say', 'pointed out'])})\b")
    assert [m.group(0) for m in pattern.finditer("he said, she says, they say; sai, sayings, pointed out")] == [
        "said", "says", "say", "pointed out"]


def test_does_the_name_table_use_the_mention_layer(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Governor Maria van Dijk met the Velm Finance Ministry. According to Van Dijk, rates stay.\n", encoding="utf-8")
    names = find_names(read_article(path)).set_index("name")
    assert names.loc["Maria van Dijk", "title"] == "Governor"
    assert names.loc["Velm Finance Ministry", "kind"] == "organisation"
    assert "According" not in names.index


def test_does_the_run_patterns_look_ahead_change_no_match() -> None:
    """The look-ahead before each word of ``lexicon().run`` (a speed-up) finds the same runs as the pattern without it."""
    import random
    import re

    from medialit.text.mentions import lexicon

    lex = lexicon()
    look_ahead = re.compile(r"\(\?=\[[^\]]*\]\)")
    assert look_ahead.search(lex.run.pattern)
    plain = re.compile(look_ahead.sub("", lex.run.pattern))
    repository = Path(__file__).resolve().parent.parent
    folders = ("seeds", "tests/data/articles", "tests/data/tuning")
    texts = [path.read_text(encoding="utf-8") for folder in folders for path in sorted((repository / folder).glob("*.txt"))]
    pieces = ["Gen. ", "Prof.", "al-", "d’", "l'", "Ó ", "É", "J.", "U.S.", "de la ", "and ", "of the ", "Mr ", "x", " ", "-", "Kowal", "’s "]
    rng = random.Random(2028)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(2000)]
    for text in texts:
        assert [m.span() for m in lex.run.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_are_news_agencies_found_as_the_look_behind_pattern_finds_them() -> None:
    """``news_agency_matches`` (no look-behind in its search, a speed-up) finds what ``lexicon().news_agency`` finds."""
    import random

    from medialit.text.mentions import lexicon, news_agency_matches

    lex = lexicon()
    repository = Path(__file__).resolve().parent.parent
    folders = ("seeds", "tests/data/articles", "tests/data/tuning")
    texts = [path.read_text(encoding="utf-8") for folder in folders for path in sorted((repository / folder).glob("*.txt"))]
    pieces = [*lex.news_agencies, " ", "-", "x", "_", "’s ", ", ", "Xx"]
    rng = random.Random(2030)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 20))) for _ in range(3000)]
    for text in texts:
        assert [m.span() for m in news_agency_matches(text)] == [m.span() for m in lex.news_agency.finditer(text)]


def test_does_an_acronym_spell_only_the_words_just_before_it() -> None:
    assert spells_acronym("the District Chief Executive", "DCE")
    assert not spells_acronym("the District Executive", "DCE")  # too few words
    assert not spells_acronym("the Chief District Executive", "DCE")  # the letters out of order
