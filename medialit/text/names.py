"""Find the people and organisations an article names, from the text alone.

No list of names and no language model: a name is a run of capitalised words
(allowing small joining words such as "of" or "for" inside it), and a title is
one of a short list of words for positions that comes just before the name.
"""

from __future__ import annotations

import re

import pandas as pd

from medialit.text.article import Article

NAME_COLUMNS = ["name", "kind", "mentions", "first_sentence", "title"]
_CAPITALISED = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w’'\-]*(?:\.[A-Z]\.?)?)"
_JOINER = r"(?:of|for|the|and|de|von|al)"
_NAME = re.compile(rf"{_CAPITALISED}(?:\s+(?:{_JOINER}\s+)*{_CAPITALISED})*")
_POSSESSIVE = re.compile(r"[’']s$")
ORGANISATION_WORDS = {
    "Academy", "Agency", "Association", "Bank", "Center", "Centre", "Commission", "Committee", "Company",
    "Congress", "Council", "Court", "Department", "Foundation", "Institute", "Ministry", "Office", "Parliament",
    "Party", "Senate", "Union", "University", "Studies",
}
TITLE_WORDS = [
    "Foreign Minister", "Minister", "Secretary of State", "Secretary", "President", "Prime Minister", "Ambassador",
    "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Special Representative", "Senator", "Chairman",
    "Professor", "Analyst", "Editor", "Head", "Campaign Chairman",
]
# Capitalised words that start sentences or name days and months, not people or organisations.
_NOT_NAMES = {
    "The", "A", "An", "It", "Its", "It’s", "I", "I’m", "I'm", "We", "We’ll", "Our", "He", "She", "They", "This", "That",
    "These", "Those", "There", "But", "And", "Or", "If", "In", "On", "At", "As", "After", "Before", "Now", "Then",
    "First", "Second", "Third", "Fourth", "Fifth", "Unfortunately", "Should", "Any", "Opening", "Responding",
    "Mutual", "Their", "Director", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Russian", "American", "Russian-American", "Russian-U.S.",
}


def _pieces(candidate: str) -> list[str]:
    """Split a run of capitalised words where one name ends and another begins.

    A possessive ends a name ("Russia's Sochi"); "and" joins two names unless the
    run is an organisation's name; an organisation word followed directly by
    another capitalised word starts a new name ("Institute of Political Studies
    Sergei Markov").
    """
    pieces: list[list[str]] = [[]]
    words = candidate.split()
    is_organisation = bool(set(words) & ORGANISATION_WORDS)
    for index, word in enumerate(words):
        previous = pieces[-1][-1] if pieces[-1] else ""
        if word == "and" and not is_organisation:
            pieces.append([])
            continue
        if previous in ORGANISATION_WORDS and word[0].isupper() and word not in ORGANISATION_WORDS:
            pieces.append([])
        pieces[-1].append(word)
        if _POSSESSIVE.search(word) and index + 1 < len(words):
            pieces.append([])
    return [" ".join(piece) for piece in pieces if piece]


def _clean(candidate: str) -> str:
    words = candidate.split()
    while words and (words[0] in _NOT_NAMES or words[0].lower() in {"of", "for", "the", "and"}):
        words = words[1:]
    while words and words[-1].lower() in {"of", "for", "the", "and"}:
        words = words[:-1]
    return _POSSESSIVE.sub("", " ".join(words)).strip()


def _title_before(text: str, start: int) -> str:
    before = text[max(0, start - 40) : start].rstrip()
    for title in TITLE_WORDS:
        if before.endswith(title) or before.lower().endswith(title.lower()):
            return title
    return ""


def _split_title(name: str) -> tuple[str, str]:
    """Return ``(title, name)`` when ``name`` contains a position word followed by a name.

    "U.S. Secretary of State Mike Pompeo" gives ("U.S. Secretary of State", "Mike Pompeo");
    "Special Representative for Ukraine Kurt Volker" gives
    ("Special Representative for Ukraine", "Kurt Volker").
    """
    words = name.split()
    for title in sorted(TITLE_WORDS, key=len, reverse=True):
        size = len(title.split())
        for index in range(len(words) - size):
            if " ".join(words[index : index + size]) != title:
                continue
            rest = index + size
            if rest + 2 < len(words) and words[rest] in {"for", "of"}:
                rest += 2
            if rest < len(words):
                return " ".join(words[:rest]), " ".join(words[rest:])
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
    for row in article.sentences.itertuples():
        for match in _NAME.finditer(row.text):
            for piece in _pieces(match.group(0)):
                _record(found, piece, row.text, match.start(), row.sentence_id)
    _merge_surnames(found)
    return pd.DataFrame(list(found.values()), columns=NAME_COLUMNS)


def _record(found: dict[str, dict[str, object]], piece: str, text: str, start: int, sentence_id: str) -> None:
    """Add one mention of the name in ``piece`` to ``found`` (changes ``found``)."""
    title, name = _split_title(_clean(piece))
    if not name or name in _NOT_NAMES or len(name) < 2:
        return
    title = title or _title_before(text, start)
    if name not in found:
        words = set(name.split())
        kind = "organisation" if words & ORGANISATION_WORDS or name.replace(".", "").isupper() else "person or place"
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
