"""The draft's small types: a person the article names, an attribution (who a sentence's words belong to)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from medialit.draft.roles import role_of
from medialit.text import words
from medialit.text.outlets import Outlet

_TITLE_WORD = re.compile(r"[\w’'\-]+")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")


@dataclass
class Person:
    """A person the article names: the full name as first written, and the words that describe them."""

    name: str
    title: str = ""
    _role: tuple[str, str] | None = None
    gender: str = ""  # "he" or "she" once the title or a resolved pronoun shows it; '' while unknown

    def __post_init__(self) -> None:
        """Set ``gender`` from a title that shows it ("spokeswoman", "Mr"), when there is one."""
        self.gender = self.gender or gender_of(self.title) or gender_of_name(self.name)

    @property
    def surname(self) -> str:
        """Return the last word of the name."""
        return self.name.split()[-1]

    @property
    def title_words(self) -> set[str]:
        """Return the lower-case words of the title (what a description such as "the foreign minister" is matched on)."""
        return set(_TITLE_WORD.findall(self.title.lower()))

    @property
    def role(self) -> tuple[str, str]:
        """Return ``(speaker_role, what the rules saw)`` from the title (worked out once per person)."""
        if self._role is None:
            self._role = role_of(self.title)
        return self._role


# Only searched for: a word of the list, or a word that ends in "woman" (in "man", not "woman"). Such a word is found by
# its ending alone (the same result as "\b\w*woman\b", without trying \w* from every word's start).
_FEMALE = re.compile(r"\b(?:Mrs|Ms|Madam|Madame|Dame|Lady|Queen|Princess|queen|princess|mother|wife|daughter|abbess|nun)\b|woman\b")
_MALE = re.compile(r"\b(?:Mr|Sir|Lord|King|Prince|king|prince|father|husband|son|monk)\b|(?<!wo)man\b")
_NOT_GENDERED = re.compile(r"\b(?:human|German|Oman|Roman)\b")
# A relative owned by someone ("who drives her husband", "whose son", "with his wife"): another person, no sign of the
# gender of the one described.
_RELATIVE_OWNED = re.compile(r"\b(?:his|her|their|whose|its|my|our)\s+(?:[\w\-]+\s+)?(?:husband|wife|son|daughter|mother|father|"
                             r"brother|sister|sons|daughters|grandson|granddaughter|grandmother|grandfather)\b", re.IGNORECASE)


# A name's own signs of gender: a patronymic ("Viktorovna", "Olegovich"), "bint"/"bin", a Slavic surname's ending.
# Only searched for: an ending after one word character at least ("\w" for "\b\w+", the same result, without trying
# \w+ from every position of a word).
_FEMALE_NAME = re.compile(r"\w(?:ovna|evna|ichna|kyzy|qizi)\b|\b(?:bint|binti)\b|\w(?:ova|eva|yova|skaya|tskaya)$")
_MALE_NAME = re.compile(r"\w(?:ovich|evich|yevich|ogly|oglu)\b|\b(?:bin|ibn)\b|\w(?:ov|ev|yov|sky|skiy|tsky)$")


def gender_of_name(name: str) -> str:
    """Return "she" or "he" when the name itself shows it ("Yelena Viktorovna Sorokina", "Saud bin Nasser") or
    begins with a given name borne by one sex ("Lotte van Aken", "Mehmet Arslan"), else ''."""
    shown = _one_gender(_FEMALE_NAME.search(name) is not None, _MALE_NAME.search(name) is not None)
    first = name.split(maxsplit=1)
    return shown or (_given_names().get(first[0], "") if len(first) == 2 else "")


@functools.lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Return the given names that show a gender (``given_names.txt``: name -> "she" or "he"), read once."""
    return words.table("given_names")


def gender_of(title: str) -> str:
    """Return "she" or "he" when the words describing a person show it ("spokeswoman", "Mr"), else ''."""
    if "man" in title:  # the same result: "human", "German", "Oman" and "Roman" all have it
        title = _NOT_GENDERED.sub(" ", title)
    title = _RELATIVE_OWNED.sub(" ", title)
    return _one_gender(_FEMALE.search(title) is not None, _MALE.search(title) is not None)


def _one_gender(female: bool, male: bool) -> str:
    """Return "she" or "he" when exactly one of the two kinds of sign was seen, else ''."""
    return "she" if female and not male else "he" if male and not female else ""


@dataclass(frozen=True)
class Attribution:
    """Who a sentence's words belong to, by which channel, and the words that show it.

    ``kind`` is person, outlet, institution, anonymous or narration; ``pattern`` names the attribution pattern
    that matched (``medialit.draft.patterns``); ``government`` is True for an organisation of a state.
    """

    speaker: str
    role: str
    kind: str
    cue: str
    relayed_by: Outlet | str | None = None
    how: str = ""  # what the rules saw, for the explanation
    pattern: str = ""
    government: bool = False


NARRATION = Attribution("", "outlet", "narration", "", how="no quotation and no attribution cue")


def outlet_name(agency: Outlet | str | None) -> str:
    """Return how an agency is named in a key: a listed outlet's name, or another agency's name without "the"."""
    if isinstance(agency, Outlet):
        return agency.name
    return _LEADING_THE.sub("", agency or "")


def sentence_case(text: str) -> str:
    """Return ``text`` with its first letter in upper case."""
    return text[:1].upper() + text[1:] if text else text
