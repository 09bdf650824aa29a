"""The name finder's speed-pass rewrites find the same matches as the plain forms they replaced (issue 15, perfA).

The speed pass merged from perfA (commits 87c4d8e to fae543b) rewrote patterns of ``medialit.text.mentions``,
``medialit.draft.people`` and ``medialit.draft.model`` so that the regex engine skips to where a match may start
(prefix trees, look-behinds tested after a first character, matches found by their endings), and put quick
substring tests before searches that most sentences fail. Each was claimed to give the same matches, and was
checked by hand once; nothing in the repository kept it so. A later edit to a word list or a pattern could break
an equivalence silently, and the drafts would change with no test failing.

Each test here compares the form in the code with the **old form**: the pattern string or function body of
commit 2361986 (before the speed pass), copied below and kept as the reference. They are compared on every
distinct sentence of the kit's articles (``seeds``, ``tests/data/articles``, ``tests/data/tuning``) and on a few
thousand random texts built from the words and characters each pattern reads (seeded, so a failure repeats).
Spans and groups are compared where the rules use them, the boolean where the rules only search.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from medialit.draft import claims, model, people, roles
from medialit.text import mentions, words
from medialit.text.article import split_sentences

REPO = Path(__file__).resolve().parent.parent
_SPACES = (" ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\x1c")  # \s and str.rstrip() both strip these


# --- shared helpers ---------------------------------------------------------------------------------------------------

def _article_paths() -> list[Path]:
    """Return the kit's articles: the seeds, the test articles and the tuning articles."""
    return [*sorted((REPO / "seeds").glob("*.txt")), *sorted((REPO / "tests/data/articles").glob("*.txt")),
            *sorted((REPO / "tests/data/tuning").glob("*.txt"))]


@functools.lru_cache(maxsize=1)
def _sentences() -> tuple[str, ...]:
    """Return every distinct sentence of the kit's articles (seeds, test and tuning articles), in a stable order."""
    texts = dict.fromkeys(sentence.text for path in _article_paths()
                          for sentence in split_sentences(path.read_text(encoding="utf-8")))
    return tuple(texts)


def _random_texts(seed: int, pieces: Sequence[str], count: int = 3000, most: int = 14) -> list[str]:
    """Return ``count`` texts, each up to ``most`` pieces chosen from ``pieces`` with a seeded ``random.Random``."""
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, most))) for _ in range(count)]


def _texts(seed: int, pieces: Sequence[str], count: int = 3000, most: int = 14) -> list[str]:
    """Return the articles' sentences, then random texts of ``pieces``."""
    return [*_sentences(), *_random_texts(seed, pieces, count, most)]


def _found(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...], dict[str, str | None]]]:
    """Return each match's span, groups and named groups, to compare two searches."""
    return [(match.span(), match.groups(), match.groupdict()) for match in matches]


def _one(match: re.Match[str] | None) -> tuple[tuple[int, int], tuple[str | None, ...]] | None:
    """Return a match's span and groups (None for no match)."""
    return None if match is None else (match.span(), match.groups())


def _differences(texts: Iterable[str], old: Callable[[str], object], new: Callable[[str], object]) -> list[str]:
    """Return the texts where ``old`` and ``new`` give different results (the first five)."""
    return [text for text in texts if old(text) != new(text)][:5]


def _word_starts(text: str) -> list[int]:
    """Return every position of ``text`` and its end (a name may start at any of them)."""
    return list(range(len(text) + 1))


# --- medialit.draft.model: gender_of and gender_of_name (commit d99d8a8) ---------------------------------------------

# The pre-speed-pass forms (commit 2361986), kept as the reference.
_OLD_FEMALE = re.compile(r"\b(?:Mrs|Ms|Madam|Madame|Dame|Lady|Queen|Princess|\w*woman|queen|princess|mother|wife|daughter|abbess|nun)\b")
_OLD_MALE = re.compile(r"\b(?:Mr|Sir|Lord|King|Prince|\w*(?<!wo)man|king|prince|father|husband|son|monk)\b")
_OLD_FEMALE_NAME = re.compile(r"\b(?:\w+(?:ovna|evna|ichna|kyzy|qizi)|bint|binti)\b|\w+(?:ova|eva|yova|skaya|tskaya)$")
_OLD_MALE_NAME = re.compile(r"\b(?:\w+(?:ovich|evich|yevich|ogly|oglu)|bin|ibn)\b|\w+(?:ov|ev|yov|sky|skiy|tsky)$")


def _old_gender_of(title: str) -> str:
    """``model.gender_of`` as it was before the speed pass (commit 2361986), kept as the reference."""
    title = model._RELATIVE_OWNED.sub(" ", model._NOT_GENDERED.sub(" ", title))
    return model._one_gender(_OLD_FEMALE.search(title) is not None, _OLD_MALE.search(title) is not None)


_GENDER_PIECES = ("Mrs", "Ms", "Mr", "Madam", "Madame", "Dame", "Lady", "Queen", "Princess", "queen", "princess", "mother",
                  "wife", "daughter", "abbess", "nun", "Sir", "Lord", "King", "Prince", "king", "prince", "father",
                  "husband", "son", "monk", "man", "woman", "wo", "spokes", "chair", "human", "German", "Oman", "Roman",
                  "Germans", "his ", "her ", "their ", "whose ", "its ", "my ", "our ", "new ", "x", "o", "w", "_", "1",
                  "é", "-", "'", ".", ",", " ", " ", " ", "\n")
_NAME_PIECES = ("ovna", "evna", "ichna", "kyzy", "qizi", "bint", "binti", "ovich", "evich", "yevich", "ogly", "oglu", "bin",
                "ibn", "ova", "eva", "yova", "skaya", "tskaya", "ov", "ev", "yov", "sky", "skiy", "tsky", "Viktor",
                "Olga", "S", "a", "y", "1", "_", "é", "-", "'", "’", ".", " ", " ", " ", "\n")


def test_does_the_female_sign_give_the_same_result_as_the_pre_speed_pass_pattern() -> None:
    texts = _texts(1, _GENDER_PIECES)
    assert _differences(texts, lambda text: _OLD_FEMALE.search(text) is not None,
                        lambda text: model._FEMALE.search(text) is not None) == []


def test_does_the_male_sign_give_the_same_result_as_the_pre_speed_pass_pattern() -> None:
    texts = _texts(2, _GENDER_PIECES)
    assert _differences(texts, lambda text: _OLD_MALE.search(text) is not None,
                        lambda text: model._MALE.search(text) is not None) == []


def test_does_gender_of_give_the_same_result_as_the_pre_speed_pass_function() -> None:
    # The "man" test before _NOT_GENDERED, with the two sign patterns.
    texts = _texts(3, _GENDER_PIECES)
    assert _differences(texts, _old_gender_of, model.gender_of) == []


def test_do_the_name_signs_of_gender_give_the_same_result_as_the_pre_speed_pass_patterns() -> None:
    texts = _texts(4, _NAME_PIECES, most=8)
    for old, new in ((_OLD_FEMALE_NAME, model._FEMALE_NAME), (_OLD_MALE_NAME, model._MALE_NAME)):
        assert _differences(texts, lambda text: old.search(text) is not None, lambda text: new.search(text) is not None) == []


# --- medialit.draft.people: the lower-case body patterns and their pre-checks (2e3d06b, d99d8a8, e96a2de, b28f6c9) -----

# The pre-speed-pass forms (commit 2361986), kept as the reference.
_OLD_LOWER_BODY_WORDS = re.compile(rf"\b(?:{'|'.join(people._LOWER_BODY_NOUNS)})\b")
_OLD_PLACE_FIELD_BODY = re.compile(r"(?<![\w’'.\-])(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2}(?:[’']s)?\s+(?P<field>[a-z]+(?:\s+[a-z]+)?)\s+"
                                   r"(?P<head>department|ministry|directorate|bureau|(?<=central )bank))\b(?![’'\-])")
_OLD_TASK_BODY_OF = re.compile(r"\bthe\s+(?P<name>(?:[a-z]+\s+){1,6}?(?P<head>headquarters|command|committee)\s+of\s+"
                               r"(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})")
_OLD_PLACE_BOARD_OF = re.compile(r"(?<![\w’'.\-])(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2}\s+(?:county|city|town|district|regional|"
                                 r"provincial|state|municipal|prefectural)\s+(?P<head>board|commission)\s+of\s+[a-z]+)\b(?![’'\-])")
_OLD_PLACE_FIELD_GROUP = re.compile(r"(?<![\w’'.\-])(?P<owner>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})[’']s\s+(?P<field>[a-z]+)\s+"
                                    r"(?P<head>federation|association|union|league|confederation)\b(?![’'\-])")
_OLD_FIELD_BODY = re.compile(r"(?<![\w’'\-])(?:the|The)\s+(?P<name>(?:(?:regional|provincial|state|national|federal|municipal|"
                             r"county|city|district|prefectural)\s+)?(?P<field>[a-z]+)\s+(?P<head>ministry|department|authority))\b(?![’'\-])")
_OLD_GOVERNMENT_OF = re.compile(r"\b(?P<name>(?:(?:regional|provincial|state|federal|national|local|municipal|county|city)\s+)?"
                                r"(?P<head>government|council|parliament|municipality|cabinet|administration)\s+of\s+"
                                r"(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})")
_OLD_PLACE_BODY = re.compile(r"(?<![\w’'.\-])(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2}\s+(?:(?:county|city|town|district|regional|"
                             r"provincial|state|municipal|prefectural)\s+)?(?P<head>council|government|police))\b(?![’'])")
_OLD_ADDRESSED = re.compile(r"\b(?:Mr|Mrs|Ms|Madam|Mdm|Dr)\.?\s+(?P<surname>[A-Z][\w\-]*)")

# Each pattern of ``people`` with its pre-speed-pass form, in the order ``_collect_lower_bodies`` searched them.
_OLD_LOWER_BODY_PATTERNS = ((people._GOVERNMENT_OF, _OLD_GOVERNMENT_OF), (people._PLACE_BODY, _OLD_PLACE_BODY),
                            (people._PLACE_FIELD_BODY, _OLD_PLACE_FIELD_BODY), (people._TASK_BODY_OF, _OLD_TASK_BODY_OF),
                            (people._PLACE_BOARD_OF, _OLD_PLACE_BOARD_OF))
_OLD_FIELD_PATTERNS = ((people._PLACE_FIELD_GROUP, _OLD_PLACE_FIELD_GROUP), (people._FIELD_BODY, _OLD_FIELD_BODY))

_BODY_PIECES = ("the ", "The ", "t", "he ", "of ", "the", "xthe ", "_The ", "’the ", "-The ", "flood control ", "headquarters of ",
                "command of ", "committee of ", " board of ", " commission of ", "government of ", "council of ",
                "the health ministry", "The state transport department", "Kanvar’s transport ministry", "Costa Dorada ",
                "xKanvar ", ".Kanvar ", "'Kanvar ", ".Montevar's ", "athletics federation", "football union",
                "Costa", "Dorada", "Groot-Karee", "Kanvar", "China", "A", "B", "X",
                "’s ", "'s ", "s ", "education ", "finance ", "transport ", "flood ", "control ", "and ", "relief ",
                "central ", "bank", "department", "ministry", "directorate", "bureau", "authority", "headquarters",
                "command", "committee", "council", "government", "police", "parliament", "municipality", "cabinet",
                "administration", "board", "commission", "federation", "association", "union", "league",
                "confederation", "county ", "city ", "town ", "district ", "regional ", "provincial ", "state ",
                "municipal ", "prefectural ", "national ", "federal ", "local ", "x", "1", "_", "é", "-", "'", "’", ".",
                ",", " ", " ", " ", " ", "\n")
_ADDRESS_PIECES = ("Mr", "Mrs", "Ms", "Madam", "Mdm", "Dr", "M", "D", "r", "s", "adam", "dm", "xM", "1", "_", "é", ".", ". ",
                   "Chua", "Lim", "Al-Amin", "O'Neil", "lim", "É", "-", "'", ",", " ", " ", " ", "\n")


def test_do_the_lower_case_body_patterns_find_the_same_matches_as_the_pre_speed_pass_patterns() -> None:
    texts = _texts(5, _BODY_PIECES, most=18)
    for new, old in (*_OLD_LOWER_BODY_PATTERNS, *_OLD_FIELD_PATTERNS):
        assert _differences(texts, lambda text: _found(old.finditer(text)), lambda text: _found(new.finditer(text))) == [], \
            new.pattern


def test_does_the_body_noun_word_test_find_the_same_matches_as_the_pre_speed_pass_pattern() -> None:
    texts = _texts(6, _BODY_PIECES, most=18)
    assert _differences(texts, lambda text: _found(_OLD_LOWER_BODY_WORDS.finditer(text)),
                        lambda text: _found(people._LOWER_BODY_WORDS.finditer(text))) == []


def test_does_has_lower_body_noun_give_the_same_result_as_the_pre_speed_pass_test() -> None:
    def old(text: str) -> bool:  # _collect_lower_named's test before the speed pass (commit 2361986)
        return bool(any(noun in text for noun in people._LOWER_BODY_NOUNS) and _OLD_LOWER_BODY_WORDS.search(text))

    assert _differences(_texts(7, _BODY_PIECES, most=18), old, people._has_lower_body_noun) == []


def test_do_the_lower_body_patterns_head_noun_pre_checks_find_the_same_matches_as_the_pre_speed_pass_searches() -> None:
    assert [pattern for pattern, _ in people._LOWER_BODY_PATTERNS] == [new for new, _ in _OLD_LOWER_BODY_PATTERNS]
    board = {people._PLACE_BOARD_OF, _OLD_PLACE_BOARD_OF}

    def searched(pattern: re.Pattern[str], text: str) -> list[object]:
        if pattern in board and " board of " not in text and " commission of " not in text:
            return []  # the quick case both forms have
        return _found(pattern.finditer(text))

    texts = _texts(8, _BODY_PIECES, most=18)
    for (new, heads), (_, old) in zip(people._LOWER_BODY_PATTERNS, _OLD_LOWER_BODY_PATTERNS):
        def checked(text: str, new: re.Pattern[str] = new, heads: tuple[str, ...] = heads) -> list[object]:
            return searched(new, text) if any(head in text for head in heads) else []

        assert _differences(texts, lambda text: searched(old, text), checked) == [], new.pattern


def test_does_the_form_of_address_find_the_same_surnames_as_the_pre_speed_pass_pattern() -> None:
    def new(text: str) -> list[object]:  # collect's "M"/"Dr" test, then the pattern
        return _found(people._ADDRESSED.finditer(text)) if "M" in text or "Dr" in text else []

    texts = _texts(9, _ADDRESS_PIECES)
    assert _differences(texts, lambda text: _found(_OLD_ADDRESSED.finditer(text)), new) == []


def test_does_collect_find_the_same_addressed_surnames_as_the_pre_speed_pass_search() -> None:
    # Mentions.collect itself (its "M"/"Dr" test, then _ADDRESSED) on each article; random texts are compared in the
    # test above (collect is not run on them: it can raise on some random strings, before the speed pass as after).
    lex = mentions.lexicon()
    for sentences in (split_sentences(path.read_text(encoding="utf-8")) for path in _article_paths()):
        registry = people.Mentions(lex)
        registry.collect(list(sentences))
        old = frozenset(match.group("surname") for sentence in sentences for match in _OLD_ADDRESSED.finditer(sentence.text))
        assert registry.addressed == old, sentences[0].text


def test_does_the_quoted_word_pre_check_find_the_same_nicknames_as_the_pre_speed_pass_test() -> None:
    pieces = ('"', "“", "”", "Dash", "Dashawn", "Whitlock", "O'Neil", "d’Or", "J", "x", "-", "1", "é", " ", " ", " ", "\n",
              'Dashawn "', "Dashawn “", '" Whitlock', "” Whitlock", "O'Neil", "Mc-Kay", "D’Or", "Al_1")

    def old(text: str) -> list[object]:  # collect's test before the speed pass (commit 2361986)
        return _found(people._NICKNAMED.finditer(text)) if '"' in text or "“" in text else []

    def new(text: str) -> list[object]:
        return _found(people._NICKNAMED.finditer(text)) if ('"' in text or "“" in text) and people._QUOTED_WORD.search(text) else []

    assert _differences(_texts(10, pieces, most=10), old, new) == []


def test_does_the_and_before_pre_check_find_the_same_matches_as_the_pre_speed_pass_search() -> None:
    pieces = ("and", "and ", " and ", "And ", "band ", "an ", "& ", "Kowal ", "Ruiz ", "Harlow", "A-B ", "x ", "-", "’", "1", ",", ".",
              *_SPACES)

    def at_every_position(text: str, checked: bool) -> list[object]:
        found = []
        for start in _word_starts(text):
            lead = max(0, start - 60)
            if checked and not text[lead:start].rstrip().endswith("and"):  # _organisation_from_run's test
                found.append(None)
                continue
            found.append(_one(people._AND_BEFORE.search(text, lead, start)))
        return found

    texts = _texts(11, pieces, count=1500, most=12)
    assert _differences(texts, lambda text: at_every_position(text, False), lambda text: at_every_position(text, True)) == []


def test_does_place_before_give_the_same_result_as_the_pre_speed_pass_search() -> None:
    pieces = ("in", "near", "at", "outside", "across", "into", "around", "toward", "towards", "via", "from", "the", "of",
              "city", "town", "village", "province", "region", "district", "county", "municipality", "prefecture",
              "Umm", "Sidra", "main", "thin", "x", "-", "1", ".", ",", *_SPACES, " ", " ")

    def old(text: str) -> list[bool]:  # _collect_piece's test before the speed pass (commit 2361986)
        return [people._PLACE_BEFORE.search(text, 0, start) is not None for start in _word_starts(text)]

    def new(text: str) -> list[bool]:
        return [people._place_before(text, start) for start in _word_starts(text)]

    texts = [*_sentences(), *_random_texts(12, pieces, count=2500, most=10)]
    assert _differences(texts, old, new) == []


# --- medialit.text.mentions: the lexicon's run and title_in_run (commits 87c4d8e, 83c1fd9) ---------------------------

# The pre-speed-pass forms (commit 2361986), kept as the reference.
_OLD_ELIDED = r"(?:d|dell|dall|degli|l)[’']"
# The reference form, with the name written against its initial ("D.Ganbold", round 10) added after the initials.
_OLD_CAP_WORD = (rf"(?:[A-Z][a-z]?\.(?:[A-Z]\.)*(?:[A-Z][a-z][\w’'\-]*)?|(?<![\w\-])(?:(?:al|el|ad|ash|as|az)-|{_OLD_ELIDED})[{mentions.UPPER}][\w’'\-]*"
                 rf"|[{mentions.UPPER}][\w’'\-]*(?:\.[A-Z]\.?)?)")


def _old_alternation(phrases: Iterable[str]) -> str:
    """``mentions._alternation`` of commit 2361986 (before the speed pass), kept as the reference."""
    return "|".join(sorted(map(re.escape, phrases), key=len, reverse=True))


def _old_run_word(abbreviations: list[str]) -> str:
    """``mentions._run_word`` of commit 2361986 (before the speed pass), kept as the reference."""
    word = rf"(?:(?:{_old_alternation(abbreviations)})(?=\s)|{_OLD_CAP_WORD})"
    if not abbreviations:
        return word
    first = "".join(sorted({re.escape(title[0]) for title in abbreviations}))
    return rf"(?=[{mentions.CAP_WORD_FIRST}{first}]){word}"


@functools.lru_cache(maxsize=1)
def _old_lexicon_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Return ``run``, ``run_with_and`` and ``title_in_run`` as ``mentions.lexicon`` built them in commit 2361986
    (before the speed pass), from today's word lists: kept as the reference."""
    particles = frozenset(words.words("particles"))
    heads = words.organisation_heads()
    roles = words.role_nouns()
    titles = frozenset(words.words("titles"))
    joiners = _old_alternation((*mentions.ORGANISATION_JOINERS[:3], "&", "for a", "for an", *particles))
    capitalised_roles = {" ".join(part[:1].upper() + part[1:] for part in noun.split()) for noun in roles}
    capitalised_roles |= {noun.replace(" Of ", " of ") for noun in capitalised_roles}
    title_words = _old_alternation(titles | capitalised_roles | set(heads))
    word = _old_run_word([title for title in titles if title.endswith(".") and len(title) > 3])
    return (re.compile(rf"{word}(?:\s+(?:(?:{joiners})\s+)*{word})*"),
            re.compile(rf"{word}(?:\s+(?:(?:{joiners}|and)\s+)*{word})*"),
            re.compile(rf"(?<![\w.])(?:{title_words})(?![\w’'\-])"))


@functools.lru_cache(maxsize=1)
def _run_pieces() -> tuple[str, ...]:
    """Return the pieces of random texts for a run: name pieces, particles, joiners, abbreviated titles, initials."""
    titles = sorted(title for title in words.words("titles") if title.endswith("."))
    particles = sorted(words.words("particles"))
    return ("Anna", "Kowal", "al-Mutairi", "el-Sisi", "ad-Dawla", "ash-", "az-Zahra", "d’Alema", "dell'Orto", "dall'Ara",
            "degli'Esposti", "l'Aquila", "d'", "al-", "Étienne", "Łukasz", "Ó", "J.", "J.R.", "U.S.", "A.B", "Mc", "St", "Ts.", "D.Ganbold", "Ts.Oyun",
            "and", "of", "for", "the", "&", "for a", "for an", "a", "an", "e", "l", "d", "x", "’", "'", "-", ".", ",", "1",
            *titles[:: max(1, len(titles) // 12)], *particles[:: max(1, len(particles) // 8)],
            " ", " ", " ", " ", "  ", "\n")


def test_is_cap_word_the_pre_speed_pass_pattern() -> None:
    assert mentions.CAP_WORD == _OLD_CAP_WORD
    assert mentions._ELIDED == _OLD_ELIDED


def test_do_run_and_run_with_and_find_the_same_matches_as_the_pre_speed_pass_patterns() -> None:
    old_run, old_run_with_and, _ = _old_lexicon_patterns()
    lex = mentions.lexicon()
    texts = _texts(13, _run_pieces(), count=2500, most=12)
    for old, new in ((old_run, lex.run), (old_run_with_and, lex.run_with_and)):
        # finditer (people, roles, cues), match at each position (subjects) and fullmatch (subjects).
        assert _differences(texts, lambda text: _found(old.finditer(text)), lambda text: _found(new.finditer(text))) == []
        assert _differences(texts, lambda text: [_one(old.match(text, pos)) for pos in range(len(text))],
                            lambda text: [_one(new.match(text, pos)) for pos in range(len(text))]) == []
        assert _differences(texts, lambda text: _one(old.fullmatch(text)), lambda text: _one(new.fullmatch(text))) == []


def test_does_title_in_run_find_the_same_matches_as_the_pre_speed_pass_pattern() -> None:
    _, _, old = _old_lexicon_patterns()
    new = mentions.lexicon().title_in_run
    titles = sorted(words.words("titles"))
    pieces = (*titles[:: max(1, len(titles) // 40)], *(noun.title() for noun in sorted(words.role_nouns())[::30]),
              *sorted(words.organisation_heads())[::20], "Secretary", "of", "State", "General", "Deputy", "Minister",
              "Dr", "Dr.", "Prof.", "x", "X", ".", "-", "’", "'", "1", "_", " ", " ", " ", "\n")
    texts = _texts(14, pieces, count=2500, most=10)
    runs = [run.group(0) for text in _sentences() for run in mentions.lexicon().run.finditer(text)]
    assert _differences(texts, lambda text: _found(old.finditer(text)), lambda text: _found(new.finditer(text))) == []
    assert _differences([*texts, *runs], lambda text: (_one(old.match(text)), _one(old.fullmatch(text))),
                        lambda text: (_one(new.match(text)), _one(new.fullmatch(text)))) == []


# --- medialit.text.mentions: the generic helpers trie_pattern, trie_not_after, _run_first_word -----------------------

_PHRASE_CHARS = "abAB.-&’' "


def _random_phrases(rng: random.Random) -> list[str]:
    """Return a few random phrases of ``_PHRASE_CHARS`` (sharing prefixes often), sometimes with the empty phrase."""
    phrases = {"".join(rng.choice(_PHRASE_CHARS[:6] if i == 0 else _PHRASE_CHARS) for i in range(rng.randint(1, 5)))
               for _ in range(rng.randint(1, 7))}
    if rng.random() < 0.1:
        phrases.add("")
    return sorted(phrases)


def test_does_trie_not_after_find_the_same_matches_as_a_look_behind_and_the_alternation_longest_first() -> None:
    rng = random.Random(15)
    for _ in range(300):
        phrases = _random_phrases(rng)
        not_after = rng.choice((r"\w", r"\w.", r"\w’'.\-", "a"))
        old = re.compile(rf"(?<![{not_after}])(?:{_old_alternation(phrases)})(?:x|(?![\w’'\-]))")
        new = re.compile(mentions.trie_not_after(phrases, not_after) + r"(?:x|(?![\w’'\-]))")
        tree = re.compile(rf"(?<![{not_after}])(?:{mentions.trie_pattern(phrases)})(?:x|(?![\w’'\-]))")
        texts = ["".join(rng.choice(_PHRASE_CHARS + "x") for _ in range(rng.randint(0, 14))) for _ in range(30)]
        for text in texts:
            assert _found(new.finditer(text)) == _found(old.finditer(text)) == _found(tree.finditer(text)), (phrases, text)


# Abbreviations a lexicon may list (and look-alikes that are none), for the run-word tests below.
_ABBREVIATION_CHOICES = ("Prof.", "Gen.", "Supt.", "Lt.", "Lt.Col.", "Brig.", "Mgr.", "Hon.", "Rev.", "Sgt.", "Ét.", "xyz.",
                         "Abp.", "adm.", "dott.", "el.", "l.", "Mr.")


def test_does_run_first_word_find_the_same_matches_as_the_run_word() -> None:
    rng = random.Random(16)
    choices = _ABBREVIATION_CHOICES
    pieces = (*choices, *_run_pieces())
    for _ in range(60):
        abbreviations = rng.sample(choices, rng.randint(0, 5))
        old = re.compile(_old_run_word(abbreviations))
        new = re.compile(mentions._run_first_word(abbreviations))
        for text in _random_texts(rng.randrange(1 << 30), pieces, count=40, most=8):
            assert [_one(new.match(text, pos)) for pos in range(len(text))] == \
                   [_one(old.match(text, pos)) for pos in range(len(text))], (abbreviations, text)


# --- the perfD pass (issue 15, round 5): each rewrite against its form at commit 305c333 ---------------------------


def _without_prefixed_sign(texts: Iterable[str]) -> list[str]:
    """Return ``texts`` each with every hyphen or apostrophe before a capital made a space (no ``PREFIXED_SIGN``)."""
    return [mentions.PREFIXED_SIGN.sub(lambda match: f" {match.group(0)[1]}", text) for text in texts]


def test_does_runs_find_the_same_matches_as_the_run_pattern() -> None:
    # ``mentions.runs`` (people.collect, roles._part_role) against ``lex.run.finditer`` (commit 305c333).
    lex = mentions.lexicon()
    texts = _texts(17, _run_pieces(), count=2500, most=12)
    texts += _without_prefixed_sign(texts)
    assert _differences(texts, lambda text: _found(lex.run.finditer(text)), lambda text: _found(mentions.runs(text))) == []
    signless = [text for text in texts if not mentions.PREFIXED_SIGN.search(text)]
    assert len(signless) > 2000  # the capitalised run is tested on its own, not only where the sign sends to ``run``
    assert _differences(signless, lambda text: _found(lex.run.finditer(text)),
                        lambda text: _found(lex.run_capitalised.finditer(text))) == []


def test_does_run_first_capitalised_find_the_same_matches_as_the_run_first_word_without_a_prefixed_sign() -> None:
    rng = random.Random(18)
    choices = _ABBREVIATION_CHOICES
    pieces = (*choices, *_run_pieces())
    for _ in range(60):
        abbreviations = rng.sample(choices, rng.randint(0, 5))
        old = re.compile(mentions._run_first_word(abbreviations))
        new = re.compile(mentions._run_first_capitalised(abbreviations))
        for text in _without_prefixed_sign(_random_texts(rng.randrange(1 << 30), pieces, count=40, most=8)):
            assert [_one(new.match(text, pos)) for pos in range(len(text))] == \
                   [_one(old.match(text, pos)) for pos in range(len(text))], (abbreviations, text)


# The claim-type checks of commit 305c333 that the perfD pass rewrote (the word set a dataclass, ``_ACCUSATION`` searched
# for in every sentence, the word tests by set intersection), kept as the reference.
@dataclass(frozen=True)
class _OldWords:
    text: str
    lower: str
    tokens: list[str]
    words: frozenset[str]


def _old_greeting(seen: _OldWords, attribution: model.Attribution, channel: str) -> tuple[str, str] | None:
    if seen.words & claims._GREETING_WORDS and (match := claims._GREETING.search(seen.lower)) is not None:
        return "other", f"Claim type: '{match.group(0)}' is a greeting or courtesy."
    return None


def _old_allegation(seen: _OldWords, attribution: model.Attribution, channel: str) -> tuple[str, str] | None:
    if attribution.kind != "narration" and attribution.role != "official":
        if (accusation := claims._ACCUSATION.search(seen.lower)) is not None:
            return "allegation", f"Claim type: '{accusation.group(0)}' accuses someone, so an allegation."
    if attribution.cue.startswith(("accused", "alleged")):
        return "allegation", "Claim type: the cue says it is an accusation."
    return None


def _old_hope(seen: _OldWords, attribution: model.Attribution, channel: str) -> tuple[str, str] | None:
    if seen.words & {"hope", "hopes", "wish"} and (match := claims._HOPE.search(seen.lower)) is not None:
        return "opinion", f"Claim type: '{match.group(0)}' is a wish, an opinion."
    return None


def _old_claim_type(text: str, attribution: model.Attribution, channel: str) -> tuple[str, str]:
    if "?" in text and claims._QUESTION.search(text):
        return "other", "Claim type: a question makes no claim."
    lower = text.lower()
    tokens = claims._TOKEN.findall(lower)
    seen = _OldWords(text, lower, tokens, frozenset(tokens))
    for check in (_old_greeting, _old_allegation, _old_hope, claims._prediction, claims._opinion, claims._fact):
        found = check(seen, attribution, channel)  # type: ignore[operator]
        if found is not None:
            return found
    if attribution.kind == "narration":
        return "verifiable fact", "Claim type: plain narration, a verifiable fact."
    return "opinion", "Claim type: no checkable detail, so the rules guessed opinion."


_CLAIM_PIECES = (*claims._ACCUSATION_STEMS, "ed", "s", "ing", "brib", "illega", "pistoles", "thefts", "Fraud", "CORRUPT",
                 *sorted(claims._GREETING_WORDS), "to see", "to meet", "thank you", "you", "i", "we", "still", "hope", "hopes",
                 "wish", "that", "will", "may", "should", "two", "the", "2", "?", "’", "'", "-", ".", ",", " ", " ", " ", "\n")


def test_does_claim_type_give_the_same_result_as_its_form_before_the_perfd_pass() -> None:
    texts = _texts(19, _CLAIM_PIECES, count=3000, most=12)
    attributions = [model.Attribution("X", role, kind, cue) for kind in ("person", "narration", "institution")
                    for role in ("official", "expert", "") for cue in ("said", "accused")]
    for attribution in attributions:
        for channel in ("quote", "paraphrase"):
            assert _differences(texts, lambda text: _old_claim_type(text, attribution, channel),
                                lambda text: claims.claim_type(text, attribution, channel)) == []


def test_is_every_accusation_found_by_a_stem() -> None:
    # The pre-check's stems are the pattern's alternatives, so a stem added to one and not the other fails here.
    assert claims._ACCUSATION.pattern == "(?:" + "|".join(claims._ACCUSATION_STEMS) + r")\w*"
    texts = _texts(20, _CLAIM_PIECES, count=3000, most=12)
    assert _differences(texts, lambda text: claims._ACCUSATION.search(text) is not None,
                        lambda text: claims._ACCUSATION.search(text) is not None
                        and any(map(text.__contains__, claims._ACCUSATION_STEMS))) == []


# The role-noun reads of ``roles._part_role`` at commit 305c333 (``lex.role_noun.finditer`` on one title up to three
# times, ``_POSSESSOR`` tried on every title), kept as the reference.
def _old_role_nouns_of(part: str) -> list[str]:
    lex = mentions.lexicon()
    own = roles._POSSESSOR.sub("", part)
    if own != part and own.split() and lex.role_noun.fullmatch(own.split()[-1]):
        return [match.group(0).lower() for match in lex.role_noun.finditer(own)]
    return [match.group(0).lower() for match in lex.role_noun.finditer(part.split(" at ")[0].split(" of ")[0])]


def _old_role_nouns_across(part: str) -> list[str]:
    return [match.group(0).lower() for match in mentions.lexicon().role_noun.finditer(part)] if " of " in part else []


def _old_leads(part: str, nouns: list[str]) -> bool:
    heads = roles._LEADERSHIP | roles._SPEAKS_FOR | roles._SECRETARIES_GENERAL
    if any(noun.removesuffix("s") not in heads and roles._noun_role(noun) in ("official", "expert") for noun in nouns):
        return False
    if any(" of " in noun and roles._noun_role(noun) == "official" for noun in _old_role_nouns_across(part)):
        return False
    if nouns and nouns[-1].removesuffix("s") in roles._SPEAKS_FOR and part.lower().split()[-1] in roles._GENERIC_BODIES:
        return False
    return any(noun.removesuffix("s") in heads for noun in nouns) or roles._LEADS.search(part) is not None


def _old_part_role(part: str) -> tuple[str, str] | None:
    if roles._ANALYST_CLAUSE.search(part):  # round 11: an analyst's work written as a clause
        return "expert", f"'{part}' follows a sector as an analyst does, so an expert"
    lex = mentions.lexicon()
    head = roles._HEAD_OF.search(part)
    kinds = {mentions.organisation_kind(run.group(0), lex) for run in lex.run.finditer(part)
             if not roles._abbreviates_title(part, run)} - {""}
    if head and "academic" in kinds:
        return "expert", f"'{part}' heads or works at an academic body, so an expert"
    nouns = _old_role_nouns_of(part)
    leads = _old_leads(part, nouns)
    if leads and not kinds:
        kinds = roles._led_body_kinds(part)
    if leads and nouns and nouns[-1].removesuffix("s") in roles._SPEAKS_FOR and \
            (spokesperson := roles._spokesperson_role(part, kinds)) is not None:
        return spokesperson
    if kinds and leads:
        return roles._former(part, roles._body_role(part, kinds))
    if leads and roles._RESEARCH_UNIT.search(part):  # round 11: a head of research at a body of no known kind
        return "expert", f"'{part}' leads research, so an expert"
    found = [(role, match) for match in lex.role_noun.finditer(part)
             if (role := roles._noun_role(match.group(0))) in ("official", "expert") and not roles._inside_body_name(part, match)]
    if found and roles._ADVOCATE.search(part) and found[0][1].group(0).lower().rstrip("s") in ("lawyer", "attorney"):
        return roles.ROLE_UNKNOWN, f"'{part}' speaks for a party to the case, so the role is left for you (role unknown)"
    if found:
        role = found[0][0]
        if role == "expert" and roles._TIER_OFFICE.search(part, 0, found[0][1].end()):
            return "official", f"'{part}' is an office of a county, city or district, so an official"
        return roles._former(part, (role, f"'{part}' makes the speaker an {role}"))
    return roles._workplace_role(part, kinds)


@functools.lru_cache(maxsize=1)
def _title_pieces() -> tuple[str, ...]:
    """Return the pieces of random titles: role nouns (those with " of " or " at " inside all of them), their
    capitalised and plural forms, the words around them and bodies' names."""
    nouns = sorted(words.role_nouns())
    inside = [noun for noun in nouns if " of " in noun or " at " in noun or noun.endswith((" of", " at"))]
    chosen = [*nouns[::25], *inside, "secretary", "state", "general", "head", "chief", "spokesman", "spokeswoman", "lawyer",
              "director", "president", "analyst", "economist", "minister", "professor"]
    return (*chosen, *(noun.title() for noun in chosen[::3]), *(f"{noun}s" for noun in chosen[::4]), " of ", " at ", " of the ",
            " for ", "the ", "a ", "former ", "who heads ", "who now ", "’s ", "'s ", "s ", "Harwick General Hospital",
            "Finance Ministry", "Velm University", "the county", "County ", "WTO", "(DCE)", "District Chief Executive",
            "company", "at consulting firm X", "research", "his ", "for the family", ",", ".", "-", " ", " ", " ")


def test_do_the_role_noun_reads_give_the_same_results_as_their_forms_before_the_perfd_pass() -> None:
    lex = mentions.lexicon()
    texts = _texts(21, _title_pieces(), count=4000, most=10)
    crossing = 0
    for text in texts:
        found = list(lex.role_noun.finditer(text))
        cut = len(text.split(" at ")[0].split(" of ")[0])
        crossing += any(match.start() < cut < match.end() for match in found)
        assert roles._role_nouns_of(text, found) == _old_role_nouns_of(text), text
        assert roles._role_nouns_across(text, found) == _old_role_nouns_across(text), text
        nouns = _old_role_nouns_of(text)
        assert roles._leads(text, nouns, found) == _old_leads(text, nouns), text
    assert crossing > 50  # the searched case (a noun across " of ") is tested too, not only the matches reused


def test_does_part_role_give_the_same_result_as_its_form_before_the_perfd_pass() -> None:
    texts = _texts(22, _title_pieces(), count=4000, most=10)
    assert _differences(texts, _old_part_role, roles._part_role) == []
