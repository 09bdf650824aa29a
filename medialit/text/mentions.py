"""The one name and title finder: runs of capitalised words, split into a title and a person's name.

No list of names and no language model. A name is a run of capitalised words, allowing the joining words of
organisations' names ("of", "for", "the") and the particles of people's names ("van", "de la", "ibn") inside
it; a title is a word of ``titles.txt`` or a capitalised role noun (``role_nouns.txt``) written before the name;
an organisation is a name with a head noun (``organisation_heads.txt``: "Ministry", "Bank", "Commission") or an
acronym. The word lists are data (``medialit.text.words``); the compiled patterns are built once per process,
on first use (``lexicon()``), and shared by ``medialit.text.names`` (the lessons' name table) and the draft
key's rules (``medialit.draft``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from medialit.text import words

ORGANISATION_JOINERS = ("of", "for", "the", "and")
# Capital letters a name can start with: A-Z and the accented Latin capitals ("Étienne", "Ó Súilleabháin", "Łukasz").
UPPER = "A-Z" + "".join(chr(code) for code in range(0xC0, 0x250) if chr(code).isupper())
# A particle elided onto the surname ("dell'Orto", "d’Alema", "dall'Ara"), like "al-" before an Arabic name.
_ELISIONS = ("d", "dell", "dall", "degli", "l")
_ELIDED = rf"(?:{'|'.join(_ELISIONS)})[’']"
_PREFIXES = ("al", "el", "ad", "ash", "as", "az")  # before a hyphen: "al-Mutairi", "el-Sisi"
# A name written against its initial, Mongolian style: "D.Ganbold", "Ts.Oyunchimeg" (one word with the initial).
_ATTACHED = r"(?:[A-Z][a-z][\w’'\-]*)?"
CAP_WORD = (rf"(?:[A-Z][a-z]?\.(?:[A-Z]\.)*{_ATTACHED}|(?<![\w\-])(?:(?:{'|'.join(_PREFIXES)})-|{_ELIDED})[{UPPER}][\w’'\-]*"
            rf"|[{UPPER}][\w’'\-]*(?:\.[A-Z]\.?)?)")
# Every character a ``CAP_WORD`` can start with: a capital, or the first letter of "al-", "el-", "ad-", "d'", "l'".
CAP_WORD_FIRST = f"{UPPER}adel"
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,7}$")
_POSSESSIVE = re.compile(r"[’']s?$")
# A father's name inside a person's name ("Marina Olegovna Stepashina", "Ali Hasan oglu Mammadov").
# An apposition that opens with a title in capitals: ", Chairman of the Port Authority,", ", Director-General of the
# authority,", ", Second Vice-Chairman of the chamber,", ", Asia-Pacific director of X," (its last word before "of").
_TITLED_APPOSITION = re.compile(r"^(?:[A-Z][\w’'\-]*\s+){0,3}?(?P<last>[\w’'\-]+)\s+(?:of|at|for|in)\s")
_SURNAME_AND = frozenset({"y", "i", "e"})  # the "and" between two surnames: "Ortega y Gasset", "Ferrer i Coll"
# Letters after a name that are no part of it: honours and ranks at the bar ("Rupert Hale KC"), regnal numbers of
# traditional rulers ("Nana Osei Bonsu II"). Issue 15, round 3.
POST_NOMINALS = frozenset({"KC", "QC", "SC", "SAN", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS", "II", "III", "IV"})
PATRONYMIC = re.compile(r"(?:ovna|evna|yevna|ovich|evich|yevich|ovych|ich|ichna|inichna|ogly|oglu|kyzy|qizi|gizi|uly)$")


def trie_pattern(phrases: object) -> str:
    """Return a regex that matches any of ``phrases``, as a prefix tree ("said|says" -> "sa(?:id|ys)").

    Python's regex engine tries an alternation's branches one by one; sharing prefixes makes a list of
    hundreds of words as fast to search as a few. It matches what the alternation longest first
    (``_alternation``) matches, with the same preference ("Secretary of State" wins over "Secretary"): the
    phrases that can match at one position all start the longest of them, and the tree tries longer ones first.
    """
    return _branch(_prefix_tree(phrases))


def _prefix_tree(phrases: object) -> dict[str, dict]:
    """Return ``phrases`` as a prefix tree: a dict from each first character to the tree of the rest ("" ends a phrase)."""
    tree: dict[str, dict] = {}
    for phrase in set(phrases):  # type: ignore[call-overload]
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return tree


def trie_not_after(phrases: object, not_after: str) -> str:
    """Return a regex with the same matches as ``(?<![not_after])(?:trie_pattern(phrases))``: any of ``phrases``, not
    right after a character of the class ``not_after`` (such as ``\\w.``).

    The look-behind is tested after each phrase's first character, on the character before it: the regex then
    opens with the phrases' first characters, so the engine skips at once to where a phrase may start (a regex
    that opens with a look-behind is entered at every position of the text).
    """
    tree = _prefix_tree(phrases)
    if "" in tree:
        return rf"(?<![{not_after}])(?:{_branch(tree)})"  # an empty phrase has no first character to test after
    return "(?:" + "|".join(f"{re.escape(char)}(?<![{not_after}]{re.escape(char)}){_branch(child)}"
                            for char, child in sorted(tree.items())) + ")"


def _branch(node: dict[str, dict]) -> str:
    """Return the regex of one prefix-tree node (its end marker "" makes the rest optional)."""
    ends = "" in node
    parts = [re.escape(char) + _branch(child) for char, child in sorted(node.items()) if char]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 and not ends else f"(?:{'|'.join(parts)})"
    return f"{body}?" if ends and len(parts) == 1 and len(parts[0]) == 1 else (f"(?:{body})?" if ends else body)


def _run_word(abbreviations: list[str]) -> str:
    """Return the regex of one word of a run: an abbreviated title of ``abbreviations`` before a space, or ``CAP_WORD``.

    A look-ahead for the characters such a word can start with (``CAP_WORD_FIRST`` and the titles' first letters)
    comes first: the same matches, but a position where no word starts is given up after one test instead of one
    per title (``lexicon().run`` is searched over every sentence).
    """
    word = rf"(?:(?:{trie_pattern(abbreviations)})(?=\s)|{CAP_WORD})"
    if not abbreviations:
        return word  # the empty alternative matches before any space: no look-ahead can be written for it
    first = "".join(sorted({re.escape(title[0]) for title in abbreviations}))
    return rf"(?=[{CAP_WORD_FIRST}{first}]){word}"


def _run_first_word(abbreviations: list[str]) -> str:
    """Return the regex of a run's first word: the same matches as ``_run_word(abbreviations)``, faster to search for.

    The word's first character is read first, then tested by look-behinds (which alternative it may start),
    so that the engine skips at once to a character a word can start with: ``_run_word`` opens with a
    look-ahead, and is entered at every position of a sentence. The alternatives are those of ``_run_word``, in
    its order: an abbreviated title before a space, an initial ("J."), a capitalised word; and a name after a
    prefix or an elided particle ("al-Mutairi", "d’Alema"), which starts with a small letter, as none of the others.
    """
    first = "".join(sorted({re.escape(title[0]) for title in abbreviations}))
    if not abbreviations or {title[0] for title in abbreviations} & {particle[0] for particle in (*_PREFIXES, *_ELISIONS)}:
        return _run_word(abbreviations)  # no titles, or one that starts as a prefix does: the word as it is
    titles = "|".join(f"(?<={re.escape(char)}){_branch(rest)}" for char, rest in sorted(_prefix_tree(abbreviations).items()))
    prefixed = rf"(?:(?:{_after_first(_PREFIXES)})-|(?:{_after_first(_ELISIONS)})[’'])[{UPPER}][\w’'\-]*"
    capitalised = rf"(?:{titles})(?=\s)|(?<=[A-Z])[a-z]?\.(?:[A-Z]\.)*{_ATTACHED}|(?<=[{UPPER}])[\w’'\-]*(?:\.[A-Z]\.?)?"
    return rf"[{CAP_WORD_FIRST}{first}](?:(?<=[{UPPER}{first}])(?:{capitalised})|(?<![\w\-].){prefixed})"


def _run_first_capitalised(abbreviations: list[str]) -> str:
    """Return the regex of a run's first word without the name after a prefix or an elided particle ("al-Mutairi",
    "d’Alema"): the same matches as ``_run_first_word(abbreviations)`` in a text where no hyphen or apostrophe stands
    before a capital (``PREFIXED_SIGN``: every such name has one), without stopping at each "a", "d", "e" and "l"."""
    first = "".join(sorted({re.escape(title[0]) for title in abbreviations}))
    if not abbreviations or {title[0] for title in abbreviations} & {particle[0] for particle in (*_PREFIXES, *_ELISIONS)}:
        return _run_first_word(abbreviations)  # the word as it is (see ``_run_first_word``)
    titles = "|".join(f"(?<={re.escape(char)}){_branch(rest)}" for char, rest in sorted(_prefix_tree(abbreviations).items()))
    return rf"[{UPPER}{first}](?:(?:{titles})(?=\s)|(?<=[A-Z])[a-z]?\.(?:[A-Z]\.)*{_ATTACHED}|(?<=[{UPPER}])[\w’'\-]*(?:\.[A-Z]\.?)?)"


def _after_first(phrases: tuple[str, ...]) -> str:
    """Return a regex alternation of ``phrases`` without their first characters, each tested by a look-behind: "al",
    "el" -> "(?<=a)l|(?<=e)l", to follow a character already read."""
    return "|".join(f"(?<={re.escape(phrase[0])}){re.escape(phrase[1:])}" for phrase in phrases)


def _alternation(phrases: object) -> str:
    """Return a regex alternation of ``phrases``, longest first (so "Secretary of State" wins over "Secretary")."""
    return "|".join(sorted(map(re.escape, phrases), key=len, reverse=True))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Lexicon:
    """The word lists and the patterns compiled from them (one per process: ``lexicon()``)."""

    particles: frozenset[str]
    titles: frozenset[str]
    not_names: frozenset[str]
    not_person: frozenset[str]
    calendar: frozenset[str]
    organisation_heads: dict[str, str]
    body_nouns: dict[str, str]
    references: dict[str, str]
    role_nouns: dict[str, str]
    title_words: tuple[str, ...]
    news_agencies: tuple[str, ...]
    run: re.Pattern[str]
    run_capitalised: re.Pattern[str]  # ``run`` for a text with no ``PREFIXED_SIGN``: see ``runs``
    run_with_and: re.Pattern[str]
    title_in_run: re.Pattern[str]
    role_noun: re.Pattern[str]
    cue_verb: re.Pattern[str]
    base_forms: frozenset[str]
    object_verbs: frozenset[str]
    news_agency: re.Pattern[str]
    news_agency_name: re.Pattern[str]  # ``news_agency`` without its look-behind: see ``news_agency_matches``
    organisation_head: re.Pattern[str]
    name_token: re.Pattern[str]
    calendar_word: re.Pattern[str]
    name_modifier: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Return the word lists and compiled patterns (read and compiled on the first call, then cached).

    Raises:
        MediaLitError: a word list is broken (one line naming the file, line and fix).
    """
    particles = frozenset(words.words("particles"))
    heads = words.organisation_heads()
    roles = words.role_nouns()
    titles = frozenset(words.words("titles"))
    joiners = trie_pattern((*ORGANISATION_JOINERS[:3], "&", "for a", "for an", *particles))  # "Sundaram Iyengar & Sons", "Observatory for a Free Press"
    capitalised_roles = {" ".join(part[:1].upper() + part[1:] for part in noun.split()) for noun in roles}
    capitalised_roles |= {noun.replace(" Of ", " of ") for noun in capitalised_roles}
    title_phrases = titles | capitalised_roles | set(heads)
    # Abbreviated titles longer than "Dr." ("Prof.", "Gen.", "Supt."): a word of the run, full stop included.
    abbreviated = [title for title in titles if title.endswith(".") and len(title) > 3]
    word, first_word = _run_word(abbreviated), _run_first_word(abbreviated)
    first_capitalised = _run_first_capitalised(abbreviated)
    dotted = [noun for noun in roles if noun.endswith(".")]  # "sen." -> official: no "s" for a plural, no \b after
    dotted_roles = rf"|(?:{_alternation(dotted)})(?!\w)" if dotted else ""
    forms = [form for verb in words.cue_verbs() for form in verb.forms]
    agencies = words.words("news_agencies")
    return Lexicon(
        particles=particles,
        titles=titles,
        not_names=frozenset(words.words("not_names")) | frozenset(words.words("calendar")),
        not_person=frozenset(words.words("not_person_words")) | frozenset(heads),
        calendar=frozenset(words.words("calendar")),
        organisation_heads=heads,
        body_nouns=words.table("body_nouns"),
        references=words.organisation_references(),
        role_nouns=roles,
        title_words=tuple(sorted(capitalised_roles - {noun for noun in capitalised_roles if " of " in noun})),
        news_agencies=agencies,
        run=re.compile(rf"{first_word}(?:\s+(?:(?:{joiners})\s+)*{word})*"),
        run_capitalised=re.compile(rf"{first_capitalised}(?:\s+(?:(?:{joiners})\s+)*{word})*"),
        run_with_and=re.compile(rf"{first_word}(?:\s+(?:(?:{joiners}|and)\s+)*{word})*"),
        # A prefix tree, not an alternation longest first: the same matches, far fewer branches tried (``trie_pattern``).
        title_in_run=re.compile(trie_not_after(title_phrases, r"\w.") + r"(?![\w’'\-])"),
        role_noun=re.compile(rf"\b(?:(?:{trie_pattern({noun.lower() for noun in set(roles) - set(dotted)})})s?\b{dotted_roles})",
                             re.IGNORECASE),
        cue_verb=re.compile(rf"\b(?:{trie_pattern(forms)})\b"),
        base_forms=frozenset(verb.base for verb in words.cue_verbs()),
        object_verbs=frozenset(form for verb in words.cue_verbs() if verb.takes_object for form in verb.forms),
        news_agency=re.compile(rf"(?<![\w\-])(?:{trie_pattern(agencies)})(?![\w\-])"),
        news_agency_name=re.compile(rf"(?:{trie_pattern(agencies)})(?![\w\-])"),
        organisation_head=re.compile(rf"(?<![\w\-])(?:{trie_pattern({head.lower() for head in heads})})(?![\w\-])",
                                     re.IGNORECASE),
        calendar_word=re.compile(trie_pattern(words.words("calendar"))),
        name_modifier=re.compile(rf"^[{UPPER}][\w’'.]*-(?:{trie_pattern(words.words('name_modifiers'))})$"),
        name_token=re.compile(rf"^(?:[A-Z][a-z]?\.(?:[A-Z]\.)*{_ATTACHED}|(?:(?:al|el|ad|ash|as|az)-|{_ELIDED})?[{UPPER}][\w’'\-]*[a-z][\w’'\-]*)$"),
    )


# What every name after a prefix or an elided particle ("al-Mutairi", "d’Alema") has: a hyphen or an apostrophe, then a capital.
PREFIXED_SIGN = re.compile(rf"[’'\-][{UPPER}]")


def runs(text: str, lex: Lexicon | None = None) -> Iterator[re.Match[str]]:
    """Return the matches of ``lex.run`` in ``text``, as its ``finditer`` finds them: by ``run_capitalised`` when the
    text has no ``PREFIXED_SIGN`` (the same matches: only a run that opens with a prefixed name needs one), which
    the engine skips through to the capitals instead of stopping at every "a", "d", "e" and "l"."""
    lex = lex or lexicon()
    return (lex.run if PREFIXED_SIGN.search(text) else lex.run_capitalised).finditer(text)


_AGENCY_WORD_BEFORE = re.compile(r"[\w\-]")  # what ``news_agency``'s look-behind refuses before a name


def news_agency_matches(text: str, lex: Lexicon | None = None) -> list[re.Match[str]]:
    """Return the matches of ``lex.news_agency`` in ``text``, as its ``finditer`` finds them, faster.

    A pattern that opens with a look-behind is tried at every position of the text; without it
    (``news_agency_name``) the engine skips to the names' first letters. A match after a word character is
    refused as the look-behind would, and the search goes on from the next position (not from its end, so a
    name that starts inside it is still found).
    """
    lex = lex or lexicon()
    if not lex.news_agencies:
        return list(lex.news_agency.finditer(text))  # an empty list's pattern matches the empty string
    found = []
    position = 0
    while (match := lex.news_agency_name.search(text, position)) is not None:
        start = match.start()
        if start and _AGENCY_WORD_BEFORE.match(text, start - 1):
            position = start + 1
            continue
        found.append(match)
        position = match.end()
    return found


def without_modifiers(name: str, lex: Lexicon | None = None) -> str:
    """Return ``name`` without the hyphenated descriptions written before it ("Australian-listed Barrowfield Mining"
    -> "Barrowfield Mining", "Paris-based" -> ''); the quick, common case (no hyphen) returns ``name`` unchanged."""
    if "-" not in name:
        return name
    lex = lex or lexicon()
    words = name.split()
    while words and lex.name_modifier.match(words[0]):
        words = words[1:]
    return " ".join(words)


# A body's acronym after "of" ends a title with no title word in it: "Member of the CEC Yelena Ivanova".
_OF_ACRONYM = re.compile(r"(?<=\s)of\s+(?:the\s+)?[A-Z]{2,6}(?=\s+[A-Z][a-z])")


def split_title(run: str, lex: Lexicon | None = None) -> tuple[str, str, int]:
    """Return ``(title, name, offset of the name in run)`` for a run such as "U.S. Secretary of State Jane Doe".

    The name is what follows the last title or organisation word; after "of"/"for" the organisation's name
    runs on, so the person is the last two words. Particles stay inside a name ("Maria van Dijk"). A name is
    kept only when it looks like a person's (capitalised words and particles, no organisation or place
    word, not all capitals); otherwise ``name`` is ''.
    """
    lex = lex or lexicon()
    titles = list(lex.title_in_run.finditer(run)) or list(_OF_ACRONYM.finditer(run) if " of " in run else ())
    title, rest_start = (run[: titles[-1].end()], titles[-1].end()) if titles else ("", 0)
    rest = run[rest_start:].split()
    if titles and rest and rest[0] in ORGANISATION_JOINERS:
        length = _person_length(rest, lex)
        rest = rest[-length:] if len(rest) >= 4 and length else []
        if rest:
            title = run[: run.rindex(rest[0])].strip()
    else:
        cut = next((index for index, word in enumerate(rest) if word in ORGANISATION_JOINERS), len(rest))
        rest = rest[:cut]
    while rest and (rest[0] in lex.not_names or rest[0] in lex.particles) and not _is_surname_he(rest) \
            and not _addressed_given_name(title, rest):
        rest = rest[1:]
    patronymic = next((index for index, word in enumerate(rest[1:-1], 1) if word[:1].isupper() and PATRONYMIC.search(word)), 0)
    if patronymic > 1:  # "... Institute of Power Systems Marina Sergeyevna Ostapchuk": given name, father's name, surname
        rest = rest[patronymic - 1 : patronymic + 2]
    while rest and (rest[-1] in lex.particles or rest[-1].rstrip(",") in POST_NOMINALS):
        rest = rest[:-1]
    if not _looks_like_person(rest, lex):
        return title.strip(), "", 0
    return title.strip(), " ".join(rest), run.index(rest[0], rest_start)


# A form of address that ends a title right before a name: the capitalised word after it is a given name, even one
# that is also a word ("Mr. Said Ait Lounis": "Said" is the given name, not the verb).
_ADDRESS_END = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Mme|Dr)\.?$")


def _addressed_given_name(title: str, words: list[str]) -> bool:
    """Return True when ``words`` (two or more, the first capitalised and no particle) follow a form of address that
    ends ``title`` ("Mr.", "Mrs"), so the first word is the given name and is kept."""
    return len(words) > 1 and words[0][:1].isupper() and bool(_ADDRESS_END.search(title))


def _is_surname_he(words: list[str]) -> bool:
    """Return True for a Chinese name whose surname is "He" ("He Wenjun"): "He" and one capitalised word, the whole run."""
    return len(words) == 2 and words[0] == "He" and words[1][:1].isupper()


def _person_length(words: list[str], lex: Lexicon) -> int:
    """Return how many of the last ``words`` (after a title's "of ..." organisation) name the person: two ("Minister
    of Energy Jan Kowal"), more for a father's name ("... for Transport Marina Olegovna Stepashina") or a chain of
    particles ("... Khalid bin Ahmed Al Thani"); never all of them (the organisation's word after "of" stays)."""
    start = len(words) - 2
    if words[start - 1] in ORGANISATION_JOINERS:
        return 0  # "Institute of the State of Tierra Alta": a joiner right before the last two words, so no person
    while start > 1 and (PATRONYMIC.search(words[start]) or words[start].lower() in lex.particles
                         or words[start - 1] in lex.particles):
        start -= 1
    if start > 1 and words[start - 1] in _given_names() and words[start - 2] not in ORGANISATION_JOINERS:
        start -= 1  # "... for Karaduman Mehmet Ali Kocabas": a given name before the two words is the person's, but
        # not right after "of" ("Premier of Victoria Daniel Andrews": Victoria is the state)
    return len(words) - start


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Return the given names of ``given_names.txt`` (read once)."""
    return frozenset(words.table("given_names"))


def _looks_like_person(names: list[str], lex: Lexicon) -> bool:
    """Return True when the words ``names`` can be a person's name (1-4 name words, particles between them)."""
    capitalised = [word for word in names if word.lower() not in lex.particles]  # "Ó" in "Rachel Ó Súilleabháin"
    if not capitalised or len(capitalised) > 4:
        return False
    if any(not (lex.name_token.match(word) or _is_bare_initial(word, index, capitalised)) or word in lex.not_person
           for index, word in enumerate(capitalised)):
        return False
    return not "".join(capitalised).replace(".", "").isupper()


def _is_bare_initial(word: str, index: int, capitalised: list[str]) -> bool:
    """Return True when ``word`` is an initial written without a full stop before the surname, as in Indian and
    Malaysian styles ("S K Menon", "P Ramaswamy"): one capital letter, never the last word, never "A", "I" or "O"
    (an article, a pronoun, an interjection)."""
    return len(word) == 1 and word.isupper() and word not in _NOT_INITIALS and index < len(capitalised) - 1


def is_titled_apposition(segment: str, lex: Lexicon | None = None) -> bool:
    """Return True when ``segment`` (the words after a name's comma) opens with a title and "of"/"at"/"for"/"in":
    "Chairman of the Port Authority", "Director-General of the authority", "Commissioner of Archaeology"."""
    match = _TITLED_APPOSITION.match(segment) if segment[:1].isupper() else None
    if match is None:
        return False
    lex = lex or lexicon()
    return any(lex.role_noun.fullmatch(part) for part in match.group("last").split("-"))


def name_words(name: str, lex: Lexicon | None = None) -> list[str]:
    """Return the capitalised words of a person's name, particles left out ("Luis de la Cruz" -> Luis, Cruz)."""
    lex = lex or lexicon()
    return [word for word in name.split() if word not in lex.particles]


_NOT_INITIALS = frozenset({"A", "I", "O"})
_PRONOUN_FORMS = frozenset({"He", "She", "It", "They", "We", "I", "he", "she"})


# Particles that open a Spanish or Portuguese surname, which may be the first of two ("de la Fuente Ramos").
_ROMANCE_PARTICLES = frozenset("de del da das do dos".split())


def _first_of_two_surnames(parts: list[str], is_particle: list[bool], starts: list[int]) -> list[str]:
    """Return the first of two surnames with the Spanish or Portuguese particles that open it, as a later short form
    ("Luis Alberto de la Fuente Ramos" -> ["de la Fuente"]), when the last particle run (``starts[-1]``) opens such a
    pair; else []."""
    if not starts or parts[starts[-1]].lower() not in _ROMANCE_PARTICLES:
        return []
    start = starts[-1]
    after = next((index for index in range(start, len(parts)) if not is_particle[index]), len(parts))
    return [" ".join(parts[start : after + 1])] if after == len(parts) - 2 else []


def _particle_starts(parts: list[str], is_particle: list[bool]) -> list[int]:
    """Return where each run of particles in a name's ``parts`` opens a surname (the surname before a lower-case
    run joins it: "Rodríguez de la Vega" starts at "Rodríguez")."""
    starts = [index for index in range(1, len(parts)) if is_particle[index] and not is_particle[index - 1]]
    if starts and starts[0] >= 2 and parts[starts[0]].islower():
        starts.insert(0, starts[0] - 1)  # two surnames before "de la": "Rodríguez de la Vega"
    return starts


def _particle_surnames(parts: list[str], is_particle: list[bool], starts: list[int]) -> list[str]:
    """Return the surnames with their particles, one from each of ``starts`` ("van Dijk", "bint Saeed Al Hashimi"),
    then a surname of two words after the last lower-case particle without it ("Costa Ribeiro"); [] without particles."""
    forms = [" ".join(parts[index:]) for index in starts if index < len(parts) - 1]
    if not starts:
        return forms
    after = next((index for index in range(starts[-1], len(parts)) if not is_particle[index]), len(parts))
    if len(parts) - after >= 2 and parts[starts[-1]].islower():
        forms.append(" ".join(parts[after:]))  # the surname after a particle, without it: "Costa Ribeiro"
    return forms


def short_forms(name: str, lex: Lexicon | None = None) -> list[str]:
    """Return the later, shorter ways an article writes a person's name, most likely first.

    The surname with its particles ("de la Cruz", "van Dijk"; also capitalised, as at a sentence's start:
    "De la Cruz"; every particle starts one: "Laila bint Saeed Al Hashimi" -> "bint Saeed Al Hashimi", "Al
    Hashimi"; the surname before "de la" joins it: "Rodríguez de la Vega"), the last two words of a longer name
    without particles (a double surname: "Pérez Ocampo"; also after a particle: "Joana da Costa Ribeiro" -> "Costa
    Ribeiro"), the last word ("Cruz", "al-Mutairi", "Al-Mutairi"),
    the first word (a surname written first: "Tanaka Hiroshi" -> "Tanaka"), the first of two surnames after a Spanish or
    Portuguese particle ("Luis Alberto de la Fuente Ramos" -> "de la Fuente"), and the first two words of a longer name
    (given names, where there is no surname: "Ahmad Faizal Rahman" -> "Ahmad Faizal").
    """
    lex = lex or lexicon()
    parts = name.split()
    if len(parts) < 2:
        return []
    is_particle = [word.lower() in lex.particles for word in parts]
    starts = _particle_starts(parts, is_particle)
    forms = [*_particle_surnames(parts, is_particle, starts), parts[-1]]
    if len(parts) >= 3 and not starts:
        forms.insert(0, " ".join(parts[-2:]))  # a double surname: "José Antonio Pérez Ocampo" -> "Pérez Ocampo"
    forms += _first_of_two_surnames(parts, is_particle, starts)
    first_surname = len(parts) - 2 if len(parts) >= 3 and not any(is_particle) else \
        next((index - 1 for index in range(2, len(parts)) if parts[index] in _SURNAME_AND), 0)
    if first_surname >= 1:
        forms.append(parts[first_surname])  # its first surname alone: "Aina Vidal Mascaró", "Joan Ferrer i Coll"
    forms.append(parts[0])
    given = next((index for index in range(1, len(parts)) if is_particle[index]), len(parts) - 1)
    if given >= 2 and len(parts) >= 3:
        forms.append(" ".join(parts[:2]))  # names without a surname: "Ahmad Faizal Rahman", "Nurul Ain binti ..." -> "Nurul Ain"
    forms = [form for form in forms if form.split()[0].lower() not in _SURNAME_AND and form not in _PRONOUN_FORMS
             and not all(len(word) == 1 for word in form.split())]  # never a bare initial "S" or "S K" alone
    # never "i Coll"; "He Wenjun" is never a later "He"
    forms += [form[:1].upper() + form[1:] for form in forms if form[:1].islower()]
    return list(dict.fromkeys(forms))


def spells_acronym(words_before: str, acronym: str) -> bool:
    """Return True when the last words of ``words_before``, one for each letter of ``acronym``, begin with its letters
    in order ("District Chief Executive", "DCE"): the acronym is their short form. Nothing is changed."""
    words = words_before.split()[-len(acronym) :]
    return len(words) == len(acronym) and "".join(word[0] for word in words) == acronym


# Words that say the state runs a body, whatever its noun: "the state-run hospital", "a government-owned operator".
STATE_RUN = re.compile(r"\b(?:state|government)-(?:owned|run|controlled)\b", re.IGNORECASE)
# A body's organ, whose kind is its owner's when its name says "of" whom: "the Board of the Water Resources Agency".
_PART_OF_BODY = frozenset({"Board", "Committee"})
# A council named for the trade of its members, a plural in "-ers": "Global Shippers Council", "Growers' Council".
_MEMBERS_COUNCIL = re.compile(r"\b[A-Z][a-z]+ers[’']?\s+Council\b")
# A bank named "of" one place and nothing after: "Bank of Ghana", "the People's Bank of Lirovia" (a central bank).
_BANK_OF_PLACE = re.compile(r"\bBank of [A-Z][\w\-]+(?:[’']s)?$")


def organisation_kind(name: str, lex: Lexicon | None = None) -> str:
    """Return the kind of the organisation ``name`` names (``government``, ``academic``, ``agency``, ``other``).

    The kind of its last head noun ("the Institute of World Economy" -> academic); ``other`` for an acronym;
    '' when ``name`` names no organisation.
    """
    lex = lex or lexicon()
    found = _heads_of(name, lex)
    if found:
        head = found[-1]
        if head == "Bank" and _BANK_OF_PLACE.search(name):
            return "government"  # "the Bank of Ghana": a country's central bank, as a "National Bank" is
        if head == "Council" and _MEMBERS_COUNCIL.search(name):
            return "other"  # "the Western Property Insurers Council": a council of a trade's firms, no government's
        if head in _PART_OF_BODY and f"{head} of " in name:
            owner = organisation_kind(name.split(f"{head} of ", 1)[1], lex)
            if owner in ("government", "agency", "academic"):
                return owner  # "the Board of the Water Resources Agency": the board of a government agency is the agency's
        return lex.organisation_heads.get(head) or lex.organisation_heads.get(head.title(), "other")
    return "other" if ACRONYM.match(_POSSESSIVE.sub("", name.strip())) else ""


def _heads_of(name: str, lex: Lexicon) -> tuple[str, ...]:
    """Return the head nouns in ``name``; in "X of Y" only the last one before "of" ("Bank Workers' Union of X" ->
    Union; "International Federation of Red Cross and Red Crescent Societies" -> Federation), else the first one after
    it ("Head of the Office of Energy" -> Office)."""
    found = _head_matches(name) if lex is lexicon() else _head_words(name, lex)
    cut = name.find(" of ")
    if cut > 0 and len(found) > 1:
        before = [head for head in found if name.find(head) < cut]
        return (before[-1],) if before else found[:1]
    return found


def _head_words(name: str, lex: Lexicon) -> tuple[str, ...]:
    """Return the words of ``name`` that ``lex.organisation_head`` finds, in order."""
    return tuple(match.group(0) for match in lex.organisation_head.finditer(name))


@functools.lru_cache(maxsize=4096)
def _head_matches(name: str) -> tuple[str, ...]:
    """Return ``_head_words(name)`` with the kit's word lists (cached on the name alone, as hashing the compiled
    pattern would cost more than the search: a name's kind and head noun are asked for several times within an
    article; the drafter empties the cache before each article, see ``forget_cached_heads``)."""
    return _head_words(name, lexicon())


def forget_cached_heads() -> None:
    """Empty the cache of the head nouns found in names, so the next article's names are read afresh. Returns nothing."""
    _head_matches.cache_clear()


def head_noun(name: str, lex: Lexicon | None = None) -> str:
    """Return the noun that refers back to the organisation ``name`` ("the Finance Ministry" -> "ministry",
    "Haeul Heavy Industries" -> "company"; '' when it has no head noun)."""
    lex = lex or lexicon()
    found = _heads_of(name, lex)
    if not found:
        return ""
    head = found[-1]
    spelled = head if head in lex.references else next((h for h in lex.references if h.lower() == head.lower()), "")
    return lex.references.get(spelled, head.lower())


def role_of_noun(noun: str, lex: Lexicon | None = None) -> str:
    """Return the role a role noun gives (``official``, ``expert``, ``unknown``; '' when it is not one)."""
    lex = lex or lexicon()
    word = noun.lower()
    return lex.role_nouns.get(word) or lex.role_nouns.get(word.removesuffix("s")) or \
        (lex.role_nouns.get(word[:-2], "") if word.endswith("sses") else "")  # "witnesses" -> "witness"
