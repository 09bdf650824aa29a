"""Speed pre-checks give the same results as the plain searches they stand in for (issue 15, speed pass 4).

A pre-check that starts a search later, or skips it, is only right when no match can start before that point; these
tests compare each one with the plain search over crafted texts and many random ones built from the words the
pattern reads. All sentences are made up.
"""

from __future__ import annotations

import random
import re

import pytest

from medialit.draft import drafter

# Pieces of the texts that ``_DESCRIBED_STATE_OUTLET`` reads: names, commas, a country's possessive, the state words
# and the outlets' nouns, and characters that stop a name (a full stop, a bracket).
_STATE_PIECES = ("ORB", "Radio Velm", "KNA", "X-Y", ", ", ",", " the ", "the ", "Ostrania's ", "Ostrania’s ", "state ",
                 "state-owned ", "state-run ", "government-run ", "government-owned ", "broadcaster", "news agency",
                 "newspaper", " television", "radio", " ", "\n", ". ", "(", "said ", "interstate ", "Velm" * 60)


def _spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    """Return each match's span and named groups, to compare two lists of matches."""
    return [(match.span(), match.groupdict()) for match in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    "Deputy Minister Piet Marlow told ORB, Ostrania's state-owned broadcaster, that his government would not sign.",
    "The state news agency KNA said the talks were over. Radio Velm, the state radio, agreed.",
    "ORB, state broadcaster ORB, said so.",  # two ways of describing the same outlet, next to each other
    "A statement from the interstate commission, not a state newspaper.",
    "Velm " * 90 + "Radio, the state radio, said so.",  # a long run of words before the state words
])
def test_are_the_described_state_outlets_those_of_the_plain_search(text: str) -> None:
    assert _spans(drafter._described_state_outlets(text)) == _spans(drafter._DESCRIBED_STATE_OUTLET.finditer(text))


def _described_outlet(rng: random.Random) -> str:
    """Return a random description of an outlet, mostly well formed ("ORB, Ostrania's state radio Velm")."""
    name, noun = rng.choice(("ORB", "Radio Velm", "KNA Daily Star", "X-Y")), rng.choice(("broadcaster", "news agency", "radio"))
    return (name + rng.choice((", ", ",", " ", ",\n")) + rng.choice(("", "the ", "Ostrania's ")) + rng.choice(("state", "state-run", "government-owned"))
            + rng.choice((" ", "  ", "\n")) + noun + rng.choice(("", " ", " KNA", " Radio Velm", ".")))


def test_are_the_described_state_outlets_those_of_the_plain_search_on_random_texts() -> None:
    rng = random.Random(15)
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(_STATE_PIECES) if rng.random() < 0.8 else _described_outlet(rng) for _ in range(rng.randint(1, 30)))
        plain = _spans(drafter._DESCRIBED_STATE_OUTLET.finditer(text))
        assert _spans(drafter._described_state_outlets(text)) == plain, text
        matched += bool(plain)
    assert matched > 1500  # most random texts describe an outlet, often several, near other state words


def test_does_every_described_state_outlet_hold_the_state_words() -> None:
    """The window rests on this: each alternative of the pattern needs ``_STATE_CORE``'s words."""
    for text in ("ORB, Ostrania's state-owned broadcaster", "state news agency KNA", "ORB, the government-run radio"):
        match = drafter._DESCRIBED_STATE_OUTLET.search(text)
        assert match is not None and drafter._STATE_CORE.search(match.group(0)) is not None
    assert re.search(drafter._BEFORE_STATE_CORE, "ORB, the Ostrania’s -") is None
