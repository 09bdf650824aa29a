"""The quote check (lesson 05): the records of the Sochi opening remarks, and word-level differences between quotes.

The records are third-party words, shipped unchanged in ``medialit/data/sochi-2019-quote-records.md``;
this module reads them, never edits them. Nothing here imports ipywidgets or matplotlib.
"""

from __future__ import annotations

import difflib
import re
from importlib import resources

from medialit.errors import MediaLitError

RECORDS_FILE = "sochi-2019-quote-records.md"
_WORD = re.compile(r"\S+")


def quote_records() -> str:
    """Return the text of the shipped quote-records file, exactly as stored."""
    return resources.files("medialit").joinpath("data", RECORDS_FILE).read_text(encoding="utf-8")


def records_section(title: str) -> str:
    """Return the section of the records headed ``## <title>`` (heading included, verbatim, no trailing blank lines).

    Raises:
        MediaLitError: no section has that title; the message lists the titles there are.
    """
    text = quote_records()
    sections = re.split(r"(?m)^(?=## )", text)
    titles = []
    for section in sections:
        if section.startswith("## "):
            heading = section.splitlines()[0][3:].strip()
            titles.append(heading)
            if heading == title:
                return section.rstrip("\n")
    raise MediaLitError(f"{RECORDS_FILE}: no section “{title}”; the sections are: {'; '.join(titles)}")


def normalise_quote(text: str) -> str:
    """Return ``text`` with block-quote marks removed and every run of white space made one space.

    Used to find a quotation inside the hard-wrapped records file.
    """
    return re.sub(r"\s+", " ", re.sub(r"(?m)^>\s?", "", text)).strip()


def is_verbatim(quote: str, source: str) -> bool:
    """Return whether ``quote`` appears word for word in ``source`` (line breaks and block-quote marks ignored)."""
    return normalise_quote(quote) in normalise_quote(source)


def _plain(word: str) -> str:
    """Return a word without surrounding punctuation or quotation marks, in lower case, curly apostrophes straight."""
    return word.replace("’", "'").strip(".,;:!?\"“”‘'()-—").lower()


def word_differences(first: str, second: str) -> list[tuple[str, str]]:
    """Return the places where two versions of a quote differ, as ``(words in first, words in second)`` pairs.

    Words are compared without case, surrounding punctuation or the kind of apostrophe, so "It’s" and "it's" agree.
    A pair with an empty side is a word left out or added. Returns ``[]`` when the versions say the same words.
    """
    words_a, words_b = _WORD.findall(first), _WORD.findall(second)
    matcher = difflib.SequenceMatcher(a=[_plain(w) for w in words_a], b=[_plain(w) for w in words_b], autojunk=False)
    return [
        (" ".join(words_a[a0:a1]), " ".join(words_b[b0:b1]))
        for tag, a0, a1, b0, b1 in matcher.get_opcodes()
        if tag != "equal"
    ]


def describe_differences(first: str, second: str, first_name: str = "article", second_name: str = "record") -> str:
    """Return one line per difference between two versions of a quote, for a learner to read (no colour needed)."""
    differences = word_differences(first, second)
    if not differences:
        return f"The {first_name} and the {second_name} have the same words."
    lines = [f"{len(differences)} difference(s) between the {first_name} and the {second_name}:"]
    for ours, theirs in differences:
        lines.append(f"  {first_name}: “{ours or '(nothing)'}”  |  {second_name}: “{theirs or '(nothing)'}”")
    return "\n".join(lines)
