"""Find the people and organisations an article names, from the text alone: the lessons' table of names.

No list of names and no language model. The runs of capitalised words, the titles, the organisation head
nouns and the words that are never names all come from the one mention layer (``medialit.text.mentions``)
and its word lists (``medialit/data/words/``), shared with the draft key's rules.
"""

from __future__ import annotations

import re

import pandas as pd

from medialit.text.article import Article
from medialit.text.mentions import Lexicon, lexicon, split_title

NAME_COLUMNS = ["name", "kind", "mentions", "first_sentence", "title"]
_POSSESSIVE = re.compile(r"[’']s$")
_JOINERS = {"of", "for", "the", "and"}


def _pieces(candidate: str) -> list[str]:
    """Split a run of capitalised words where one name ends and another begins.

    A possessive ends a name ("Russia's Sochi"); "and" joins two names unless the
    run is an organisation's name; an organisation word followed directly by
    another capitalised word starts a new name ("Institute of Political Studies
    Sergei Markov").
    """
    heads = lexicon().organisation_heads
    pieces: list[list[str]] = [[]]
    words = candidate.split()
    is_organisation = bool(set(words) & set(heads))
    for index, word in enumerate(words):
        previous = pieces[-1][-1] if pieces[-1] else ""
        if word == "and" and not is_organisation:
            pieces.append([])
            continue
        if previous in heads and word[0].isupper() and word not in heads:
            pieces.append([])
        pieces[-1].append(word)
        if _POSSESSIVE.search(word) and index + 1 < len(words):
            pieces.append([])
    return [" ".join(piece) for piece in pieces if piece]


def _clean(candidate: str) -> str:
    """Return a run without the words that open no name ("The", "According") and joiners at its ends."""
    lex = lexicon()
    words = candidate.split()
    while words and (words[0] in lex.not_names or words[0].lower() in _JOINERS or _title_of(words, lex)):
        words = words[1:]
    while words and words[-1].lower() in _JOINERS:
        words = words[:-1]
    return _POSSESSIVE.sub("", " ".join(words)).strip()


def _title_of(words: list[str], lex: Lexicon) -> bool:
    """Return True when ``words`` open with a title followed by "of" ("Director of the Institute ...")."""
    return len(words) > 1 and words[1] == "of" and words[0] in lex.title_words


def _title_before(text: str, start: int) -> str:
    """Return the position word written just before ``start`` ("campaign chairman Paul ..." -> "Chairman"), or ''."""
    before = text[max(0, start - 40) : start].rstrip().lower()
    for title in lexicon().title_words:
        if before.endswith(title.lower()):
            return title
    return ""


def _split_title(name: str, lex: Lexicon) -> tuple[str, str]:
    """Return ``(title, name)`` for a run such as "U.S. Secretary of State Mike Pompeo" (the mention layer's split).

    A run that is no person's name (an organisation, a place) keeps its whole text as the name.
    """
    title, person, _ = split_title(name, lex)
    if title and person:
        return title, person
    return "", name


def find_names(article: Article) -> pd.DataFrame:
    """Return the names found in ``article``, one row per distinct name, in order of first mention.

    Columns: ``name``; ``kind`` (``organisation`` when the name contains a word
    such as Institute or Council or is an acronym, otherwise ``person or place``);
    ``mentions`` (how often it appears, counting a surname alone as a mention of
    the full name); ``first_sentence`` (the id where it first appears);
    ``title`` (a position word written just before it, if any).
    """
    found: dict[str, dict[str, object]] = {}
    run = lexicon().run_with_and
    for row in article.sentences.itertuples():
        for match in run.finditer(row.text):
            for piece in _pieces(match.group(0)):
                _record(found, piece, row.text, match.start(), row.sentence_id)
    _merge_surnames(found)
    return pd.DataFrame(list(found.values()), columns=NAME_COLUMNS)


def _record(found: dict[str, dict[str, object]], piece: str, text: str, start: int, sentence_id: str) -> None:
    """Add one mention of the name in ``piece`` to ``found`` (changes ``found``)."""
    lex = lexicon()
    title, name = _split_title(_clean(piece), lex)
    if not name or name in lex.not_names or len(name) < 2:
        return
    title = title or _title_before(text, start)
    if name not in found:
        words = set(name.split())
        kind = "organisation" if words & set(lex.organisation_heads) or name.replace(".", "").isupper() else "person or place"
        found[name] = {"name": name, "kind": kind, "mentions": 0, "first_sentence": sentence_id, "title": title}
    elif title and not found[name]["title"]:
        found[name]["title"] = title
    found[name]["mentions"] = int(found[name]["mentions"]) + 1


def _merge_surnames(found: dict[str, dict[str, object]]) -> None:
    """Count a lone surname ("Lavrov") as a mention of the full name ("Sergey Lavrov"); changes ``found``."""
    full_names = [name for name in found if len(name.split()) >= 2 and found[name]["kind"] == "person or place"]
    for name in list(found):
        if len(name.split()) != 1:
            continue
        owners = [full for full in full_names if full.split()[-1] == name]
        if len(owners) == 1:
            owner = found[owners[0]]
            owner["mentions"] = int(owner["mentions"]) + int(found[name]["mentions"])
            if found[name]["first_sentence"] < owner["first_sentence"]:
                owner["first_sentence"] = found[name]["first_sentence"]
            del found[name]
