"""Claim types from the words of a sentence: questions and greetings, accusations, predictions, opinions, facts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from medialit.text.mentions import lexicon

if TYPE_CHECKING:
    from medialit.draft.model import Attribution

# --- claim types ------------------------------------------------------------------------------------------
# Word sets are checked against the sentence's lower-case words (one pass per sentence, fast);
# the few phrases are checked as substrings of the lower-case text.
_TOKEN = re.compile(r"[\w’']+")
_GREETING = re.compile(
    r"\b(?:(?:great|good|nice|glad|pleased|delighted|happy)\s+to\s+(?:see|meet|be back|welcome|have you|talk)|"
    r"welcome\b|thank(?:s| you)\b|congratulat)"
)
_GREETING_WORDS = frozenset("great good nice glad pleased delighted happy welcome thank thanks congratulate congratulations".split())
_ACCUSATION = re.compile(
    r"(?:bribe|illegal|unlawful|falsifi|forged|embezzl|corrupt|fraud|rigged|stole|theft|launder|extort|kickback|"
    r"smuggl)\w*"
)
# What every match of ``_ACCUSATION`` has: one of its stems (a substring test finds them sooner than its search).
_ACCUSATION_STEMS = ("bribe", "illegal", "unlawful", "falsifi", "forged", "embezzl", "corrupt", "fraud", "rigged", "stole",
                     "theft", "launder", "extort", "kickback", "smuggl")
_QUESTION = re.compile(r"\?(?:[\"”»’'\s]|$)")
_MAY = re.compile(r"\bmay\b")
_HOPE = re.compile(r"\b(?:i|we)\s+(?:still\s+)?hope\b|\bhopes?\s+that\b|\bi wish\b")
_HOPE_WORDS = frozenset({"hope", "hopes", "wish"})
_PREDICTION_WORDS = frozenset(
    "will won’t won't shall likely unlikely expect expects expected expecting forecast forecasts predict predicts "
    "might probably possible".split()
)
_PREDICTION_PHRASES = ("going to", "next year", "next week", "next month")
_OPINION_WORDS = frozenset(
    "should must good better best bad worse worst great important useful frank positive negative sad symbolic "
    "objectively always never ready regret regrets responsibility hope".split()
)
_OPINION_PHRASES = ("i think", "i believe", "i feel", "i suppose", "i doubt", "in my view", "in my opinion", "ought to", "need to", "needs to")
_FACT_WORDS = frozenset(
    "three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred thousand "
    "million billion dozen dozens half twice ago yesterday".split()
)
_DIGIT = re.compile(r"\d")
# A number word that counts ("two villages"), not one that refers back ("the two countries", "our two nations").
_REFERRING = frozenset("the our their both these those its his her my your".split())


def _first(tokens: list[str], hits: set[str]) -> str:
    """Return the first of ``tokens`` that is in ``hits`` (so the explanation quotes the word seen first)."""
    return next(token for token in tokens if token in hits)


class _Words(NamedTuple):
    """A sentence's text, its lower-case text, its lower-case words in order and as a set (a tuple: made once per row)."""

    text: str
    lower: str
    tokens: list[str]
    words: frozenset[str]


def claim_type(text: str, attribution: Attribution, channel: str) -> tuple[str, str]:
    """Return ``(claim_type, what the rules saw)`` from the words of the sentence (the first check that fits)."""
    if "?" in text and _QUESTION.search(text):
        return "other", "Claim type: a question makes no claim."
    lower = text.lower()
    tokens = _TOKEN.findall(lower)
    seen = _Words(text, lower, tokens, frozenset(tokens))
    for check in (_greeting, _allegation, _hope, _prediction, _opinion, _fact):
        found = check(seen, attribution, channel)
        if found is not None:
            return found
    if attribution.kind == "narration":
        return "verifiable fact", "Claim type: plain narration, a verifiable fact."
    return "opinion", "Claim type: no checkable detail, so the rules guessed opinion."


def _greeting(seen: _Words, attribution: Attribution, channel: str) -> tuple[str, str] | None:
    """Return ``other`` for a greeting or courtesy ("glad to see you", "thank you"), else None."""
    if not seen.words.isdisjoint(_GREETING_WORDS) and (match := _GREETING.search(seen.lower)) is not None:
        return "other", f"Claim type: '{match.group(0)}' is a greeting or courtesy."
    return None


def _allegation(seen: _Words, attribution: Attribution, channel: str) -> tuple[str, str] | None:
    """Return ``allegation`` for accusation words from a non-official, or an accusing cue, else None."""
    if attribution.kind != "narration" and attribution.role != "official":
        # The same result, sooner: every match has one of the stems, and most sentences have none.
        if any(map(seen.lower.__contains__, _ACCUSATION_STEMS)) and (accusation := _ACCUSATION.search(seen.lower)) is not None:
            return "allegation", f"Claim type: '{accusation.group(0)}' accuses someone, so an allegation."
    if attribution.cue.startswith(("accused", "alleged")):
        return "allegation", "Claim type: the cue says it is an accusation."
    return None


def _hope(seen: _Words, attribution: Attribution, channel: str) -> tuple[str, str] | None:
    """Return ``opinion`` for a wish ("we hope", "I wish"), else None."""
    if not seen.words.isdisjoint(_HOPE_WORDS) and (match := _HOPE.search(seen.lower)) is not None:
        return "opinion", f"Claim type: '{match.group(0)}' is a wish, an opinion."
    return None


def _prediction(seen: _Words, attribution: Attribution, channel: str) -> tuple[str, str] | None:
    """Return ``prediction`` for words that look ahead ("will", "'ll", "may", "next year"), else None."""
    hits = seen.words & _PREDICTION_WORDS
    if hits:
        return "prediction", f"Claim type: '{_first(seen.tokens, hits)}' looks ahead, a prediction."
    if "’ll" in seen.lower or "'ll" in seen.lower:
        return "prediction", "Claim type: a contracted 'will' ('ll) looks ahead, a prediction."
    if "may" in seen.words and _MAY.search(seen.text):
        return "prediction", "Claim type: 'may' looks ahead, a prediction."
    phrase = next((phrase for phrase in _PREDICTION_PHRASES if phrase in seen.lower), None)
    if phrase is not None:
        return "prediction", f"Claim type: '{phrase}' looks ahead, a prediction."
    if channel in ("paraphrase", "relayed") and "would" in seen.words:
        return "prediction", "Claim type: 'would' in reported speech looks ahead, a prediction."
    return None


def _opinion(seen: _Words, attribution: Attribution, channel: str) -> tuple[str, str] | None:
    """Return ``opinion`` for words that mark a view ("should", "important", "I think"), else None."""
    hits = seen.words & _OPINION_WORDS
    opinion = _first(seen.tokens, hits) if hits else next((p for p in _OPINION_PHRASES if p in seen.lower), None)
    if opinion is not None:
        return "opinion", f"Claim type: '{opinion}' marks a view, an opinion."
    return None


def _fact(seen: _Words, attribution: Attribution, channel: str) -> tuple[str, str] | None:
    """Return ``verifiable fact`` for a checkable detail (a digit, a number word, a date), else None."""
    fact = _DIGIT.search(seen.text)
    hits = seen.words & _FACT_WORDS
    detail = fact.group(0) if fact else (_first(seen.tokens, hits) if hits else None)
    if detail is None:
        lex = lexicon()
        calendar = lex.calendar.intersection(_TOKEN.findall(seen.text)) if lex.calendar_word.search(seen.text) else set()
        detail = min(calendar) if calendar else None
    if detail is None and ("one" in seen.words or "two" in seen.words):
        detail = next((w for i, w in enumerate(seen.tokens)
                       if w in ("one", "two") and (i == 0 or seen.tokens[i - 1] not in _REFERRING)), None)
    if detail is not None:
        return "verifiable fact", f"Claim type: '{detail}' gives a checkable detail, a verifiable fact."
    return None
