"""A draft answer key for any article, proposed by rules over the text alone.

``draft_key(article)`` returns one row per sentence in the answer-key schema
(``medialit.keys.key.KEY_COLUMNS``) with ``reviewed = no``, the labelling ``rule`` its
category follows, and explanations (the summary and one per question: speaker,
category, claim type, techniques) that start with ``DRAFT:`` and say what the rules
saw, so a teacher can check each row, write the real explanations and save the key
as reviewed (``medialit.ui.review``).

The rules know no names of people. They find:

* quotations in straight, curly, single and guillemet quotation marks, over several
  sentences, and over paragraphs (a paragraph that opens a quotation without closing
  it continues into the next paragraph when that one opens with a quotation mark);
* attribution cues ("said", "told", "noted", "according to", "cited ... as saying",
  "in an interview with", ...) and the speaker written before or after the cue;
* carry-over: "he said", "she added" and a quotation with no cue of its own go to the
  last person the article attributed words to;
* roles from titles (minister, spokesman, ambassador, president -> official;
  "former" -> former official; analyst, professor, fellow, editor, director of an
  institute -> expert);
* relays: a named person relayed by a news agency stays the speaker with channel
  ``relayed``; an anonymous source or the agency's own account makes the agency the
  speaker (``state-media framing`` when it is on the list of state outlets,
  ``medialit.text.outlets``);
* claim types from cue words (questions and greetings -> other; accusation words
  from a non-official -> allegation; "will", "likely", "expect" -> prediction;
  "I think", "should" -> opinion; dates, numbers and places in narration -> fact).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import io
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from medialit.text.article import Article, Sentence, read_article
from medialit.atomic import replace_atomically
from medialit.errors import MediaLitError
from medialit.keys.key import KEY_COLUMNS, Key
from medialit.text.outlets import Outlet, OutletList, load_outlets
from medialit.vocabulary import RULES

DRAFT_PREFIX = "DRAFT:"
DRAFT_TECHNIQUES = f"{DRAFT_PREFIX} The rules tag no techniques; name the words of any technique you find, or say why there is none."
DRAFT_SOURCE = "the article"

# --- quotation marks --------------------------------------------------------------------------------------
_MARKS = re.compile("[\"“”«»„‘’']")
_OPEN_BEFORE = frozenset("([{—–-:/“‘«\"'„")
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-”’»\"'")
# The mark that re-opens a quotation continued from the previous paragraph, per kind of quotation.
_REOPENERS = {"d": '"', "D": "“„", "G": "«", "s": "'", "S": "‘"}
# What stands in for a quotation when the rules read the words around it (no letters, so never part of a name).
QUOTE_SLOT = "⟪…⟫"

# --- words ------------------------------------------------------------------------------------------------
_CAP_WORD = r"(?:[A-Z][a-z]?\.(?:[A-Z]\.)*|[A-Z][\w’'\-]*)"
_JOINERS = ("of", "for", "the", "de", "von", "van", "al", "bin", "da", "di", "du", "le", "la", "del")
_RUN = re.compile(rf"{_CAP_WORD}(?:\s+(?:(?:{'|'.join(_JOINERS)})\s+)*{_CAP_WORD})*")
_POSSESSIVE = re.compile(r"[’']s?$")
_TITLE_IN_RUN = re.compile(
    r"\b(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Sen|Rep|Gov)\.(?=\s)|"
    r"\b(?:Secretary of State|Secretary|Minister|President|Vice President|Ambassador|Spokes(?:man|woman|person)|"
    r"Director|Professor|Analyst|Editor|Chairman|Chairwoman|Chair|Senator|Governor|Mayor|Commissioner|Envoy|"
    r"Representative|Deputy|Chancellor|Premier|Prosecutor General|General|Colonel|Admiral|King|Queen|Prince|"
    r"Dr|Mr|Mrs|Ms|Head|Fellow|Researcher|"
    r"Institute|Studies|University|Center|Centre|Council|Ministry|Agency|Academy|Department|Committee|"
    r"Commission|Foundation|Office|Sciences|Party|Parliament|Congress|Senate|Court|Bank|Union|Company)\b"
)
_NOT_PERSON_WORDS = frozenset(
    "Institute Studies University Center Centre Council Ministry Agency Academy Department Committee Commission "
    "Foundation Office Sciences Party Parliament Congress Senate Court Bank Union Company Bay Sea River Island "
    "Islands Mountains City Street Square Palace Hall States Republic Kingdom Ocean Gulf Strait Lake Port Airport "
    "Times News Post Daily Observer Courier Herald Gazette Journal Tribune Telegraph Radio TV Television Group "
    "Organization Organisation Forum Summit Conference Fund Corporation".split()
)
_NOT_NAME_STARTS = frozenset(
    "The A An In On At As After Before Opening Responding Her His Their Our Its It This That These Those But And Or "
    "If Now Then First Second Third Fourth Fifth According Unfortunately We I He She They There Any Should Will "
    "Both Some Many Every Each Nothing Nobody Neither Only Talking Numbers Meanwhile However Still Speaking "
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Dr Mr. Mrs. Ms. Dr.".split()
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-z]?\.|[A-Z][\w’'\-]*[a-z][\w’'\-]*)$")

# --- roles ------------------------------------------------------------------------------------------------
_EXPERT_ROLE = re.compile(
    r"\b(?:analysts?|professor|fellow|researcher|scholar|expert|economist|political scientist|historian|lecturer|"
    r"editor|columnist|commentator|journalist|(?:director|head|chair|president)\s+of\s+(?:the\s+|an?\s+)?"
    r"(?:[\w’'\-]+\s+){0,6}?(?:institute|cent(?:er|re)|university|academy|think[ -]tank|foundation|school))\b",
    re.IGNORECASE,
)
_OFFICIAL_ROLE = re.compile(
    r"\b(?:minister|spokes(?:man|woman|person)|secretary of state|secretary|ambassador|president|premier|"
    r"chancellor|governor|mayor|senator|envoy|diplomat|commissioner|official|deputy|representative|king|queen|"
    r"prosecutor|lawmaker|congressman|congresswoman|mp)\b",
    re.IGNORECASE,
)
_FORMER = re.compile(r"\b(?:former|ex-|one-time|retired)", re.IGNORECASE)

# --- cues -------------------------------------------------------------------------------------------------
_VERBS = (
    "said", "says", "told", "tells", "added", "adds", "noted", "notes", "stressed", "stresses", "pointed out",
    "points out", "listed", "concluded", "wrote", "writes", "reported", "reports", "explained", "emphasised",
    "emphasized", "underlined", "underscored", "argued", "claimed", "insisted", "warned", "announced", "stated",
    "declared", "remarked", "observed", "recalled", "continued", "replied", "responded", "identified", "named",
    "described", "urged", "suggested", "admitted", "acknowledged", "accused", "alleged", "asked", "called",
    "confirmed", "denied", "criticised", "criticized", "praised",
)
_VERB = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _VERBS), key=len, reverse=True)) + r")\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|it)\s*$", re.IGNORECASE)
_AS_SAYING = re.compile(r"\b(?:cited|quoted)\s+(?P<object>.+?)\s+as\s+(?:saying|telling|stating)\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<source>[^,.;:!?]+)")
_IN_WORDS = re.compile(r"\b[Ii]n\s+(?P<who>his|her|their|(?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*[’']s?)\s+(?:own\s+)?words\b")
_INTERVIEW = re.compile(
    r"\b(?:(?i:in an interview with|in an interview to|speaking to|talking to|in comments to|in remarks to|"
    r"in a statement to)|told)\s+(?P<target>(?:the\s+)?(?:[A-Z][\w’'\-]*|news agency|agency)(?:\s+[A-Z][\w’'\-]*)*)"
)
_PRONOUN_END = re.compile(r"\b(?P<pronoun>he|she|they|we|I|He|She|They|We)\s*$")
_ANONYMOUS = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome|[Tt]he)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:source|sources|insider|insiders|person|people|official|officials|diplomat|diplomats)\b(?:\s+(?:in|at|close to|from|with|familiar with|inside)\b[^,]*)?$"
)
_ANONYMOUS_PLURAL_OFFICIALS = re.compile(
    r"^(?:(?:[Ss]ome|[Ss]everal|[Tt]wo|[Tt]hree|[Ss]enior|[Ww]estern|[Ee]uropean|U\.S\.|[A-Z][a-z]+)\s+){0,3}"
    r"(?:officials|diplomats|sources)(?:\s+(?:in|at|from|close to)\b[^,]*)?$"
)
_INSTITUTION = re.compile(
    r"(?:(?:[Tt]he|[Aa])\s+(?:statement|communiqu[eé]|press release|report)\s+(?:from|by|of)\s+)?(?:[Tt]he\s+)?"
    r"(?P<institution>(?:(?:[A-Z][\w’'.\-]*|[a-z]+)\s+){0,3}(?:[Mm]inistry|[Gg]overnment|[Ee]mbassy|[Dd]epartment|"
    r"[Cc]abinet|[Pp]residency|[Kk]remlin|White House|[Mm]inistry of(?:\s+[A-Z][\w\-]*)+(?:\s+and(?:\s+[A-Z][\w\-]*)+)?))$"
)
_INTERVIEW_WORDS = ("nterview", "speaking to", "talking to", "told", "comments to", "remarks to", "statement to")
_ANONYMOUS_WORDS = ("source", "insider", "person", "people", "official", "diplomat")
_INSTITUTION_WORDS = ("ministry", "government", "embassy", "department", "cabinet", "presidency", "kremlin", "white house")
# Quick pre-checks: does any of these words occur anywhere in the text (as a substring)? One search, not a loop.
_HAS_INTERVIEW_WORD = re.compile("|".join(map(re.escape, _INTERVIEW_WORDS)))
_HAS_ANONYMOUS_WORD = re.compile("|".join(map(re.escape, _ANONYMOUS_WORDS)))
_HAS_INSTITUTION_WORD = re.compile("|".join(map(re.escape, _INSTITUTION_WORDS)))
_AGENCY_NOUN = re.compile(
    r"\b(?:the|The)\s+(?:(?:state|news|state news|official)\s+)?(?:agency|news agency|broadcaster|newspaper|channel|outlet|wire)$"
)
_DESCRIPTION = re.compile(r"\b(?:the|The)\s+(?P<words>(?:[\w’'.\-]+\s+){0,8}?[\w’'.\-]+)$")
# News agencies that are not on the state list still relay words: the wire services, and any "... Agency".
_WIRE_AGENCIES = ("Reuters", "Associated Press", "AFP", "Agence France-Presse", "Bloomberg", "Kyodo", "dpa", "ANSA")
_WIRE_AGENCY = re.compile(rf"(?:{'|'.join(map(re.escape, _WIRE_AGENCIES))})\b")
# What a text that names such an agency last ends with (a quick test before the search).
_AGENCY_ENDINGS = (*_WIRE_AGENCIES, "Agency")
_AGENCY_NAME_BEFORE = re.compile(r"(?:[A-Z][\w\-]*\s+){1,4}$")
_ASIDE_START = re.compile(
    r"^(?:a|an|the|who|which|whose|speaking|addressing|responding|talking|writing|in turn|however|meanwhile|also|too|"
    r"for (?:his|her|their|its) part|[a-z]+(?:\s+[a-z]+)?\s+(?:of|at|for|with)\b)\b"
)
_PREPOSITION_END = re.compile(r"\b(?:in|at|of|for|from|to|with|by|on)\s*$")
_DESCRIPTION_STOP = frozenset({"the", "of", "a", "an", "for", "in", "and"})
_ROLE_NOUNS = re.compile(
    r"\b(?:minister|diplomat|spokes(?:man|woman|person)|secretary|ambassador|president|premier|chancellor|governor|"
    r"mayor|senator|envoy|commissioner|official|analyst|professor|fellow|researcher|scholar|expert|economist|editor|"
    r"director|head|chair|chairman|leader|counterpart|deputy|representative|prosecutor|journalist|historian)\b",
    re.IGNORECASE,
)

# --- patterns used inside the rules (compiled once per process, not once per call) ---------------------------
# A clause ends at a comma or at a quotation's slot: the subject of a cue is in the last clause.
_CLAUSE_BREAK = re.compile(rf",|{re.escape(QUOTE_SLOT)}")
_DESCRIBED_AFTER = re.compile(r"(?:the|The)\s+((?:[\w’'.\-]+\s+){0,6}?[\w’'.\-]+)(?=[,.;]|$)")
_OBJECT_PRONOUN = re.compile(r"(?:him|her)")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE_IN_RUN = re.compile(r"[’']s?(?=\s)")
_CONTEXT_WORD = re.compile(r"[\w’'\-]+|[,;:.()\"“”«»]")
_APPOSITIVE = re.compile(r",\s*([^,;:.“”\"«»]{3,120}?)(?:,|;|\.|$|\s+(?:said|told|noted|wrote|added))")
_CLAUSE_BEFORE_NAME = re.compile(r"[,;:]|\.\s")
_INVERTED_SUBJECT = re.compile(r"\s*((?:the\s+)?[^,.;:!?]{1,60}?)(?=[,.;:!?]|$)")
_TOLD_TARGET = re.compile(r"\s*((?:the\s+)?(?:[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*|reporters|journalists))")

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
_QUESTION = re.compile(r"\?(?:[\"”»’'\s]|$)")
_MAY = re.compile(r"\bmay\b")
_HOPE = re.compile(r"\b(?:i|we)\s+(?:still\s+)?hope\b|\bhopes?\s+that\b|\bi wish\b")
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
_CALENDAR = frozenset(
    "January February March April May June July August September October November December Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday".split()
)
# A month or weekday name written anywhere in a text (a quick test before the text is split into words).
_HAS_CALENDAR_WORD = re.compile("|".join(sorted(_CALENDAR)))
_DIGIT = re.compile(r"\d")
_TITLE_WORD = re.compile(r"[\w’'\-]+")
# A number word that counts ("two villages"), not one that refers back ("the two countries", "our two nations").
_REFERRING = frozenset("the our their both these those its his her my your".split())


@dataclass
class _Person:
    """A person the article names: the full name as first written, and the words that describe them."""

    name: str
    title: str = ""
    _role: tuple[str, str] | None = None

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
            self._role = _role_of(self.title)
        return self._role


@dataclass(frozen=True)
class _Attribution:
    """Who a sentence's words belong to, by which channel, and the words that show it."""

    speaker: str
    role: str
    kind: str  # person, outlet, institution, anonymous, narration
    cue: str
    relayed_by: Outlet | str | None = None
    how: str = ""  # what the rules saw, for the explanation


@dataclass
class _Unit:
    """One quotation: its text ranges (several when it runs over paragraphs) and where its marks are."""

    open_at: int
    close_at: int | None = None  # index just after the closing mark; None when it ends unclosed
    segments: list[tuple[int, int]] = field(default_factory=list)
    attribution: _Attribution | None = None


NARRATION = _Attribution("", "outlet", "narration", "", how="no quotation and no attribution cue")


# ============================================================================================================
# Quotations
# ============================================================================================================


def _paragraph_bounds(sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph, from its first sentence's start to its last sentence's end."""
    bounds: dict[int, list[int]] = {}
    for sentence in sentences:
        span = bounds.setdefault(sentence.paragraph, [sentence.char_start, sentence.char_end])
        span[1] = sentence.char_end
    return [(start, end) for start, end in bounds.values()]


def _mark_role(mark: str, before: str, after: str, stack: list[tuple[str, int]]) -> tuple[str, str] | None:
    """Return ``("open"|"close", kind)`` for a quotation mark in its context, or None for an apostrophe."""
    open_context = (before == "" or before.isspace() or before in _OPEN_BEFORE) and after != "" and not after.isspace()
    close_context = before != "" and not before.isspace() and (after == "" or after.isspace() or after in _CLOSE_AFTER)
    kinds = [kind for kind, _ in stack]
    if mark in "“„":
        return ("open", "D")
    if mark == "”":
        return ("close", "D") if "D" in kinds else None
    if mark == "«":
        return ("open", "G")
    if mark == "»":
        return ("close", "G") if "G" in kinds else None
    if mark == "‘":
        return ("open", "S") if after and not after.isspace() else None
    if mark == '"':
        if open_context and not close_context:
            return ("open", "d")
        if close_context and not open_context:
            return ("close", "d") if "d" in kinds else None
        return ("close", "d") if kinds and kinds[-1] == "d" else ("open", "d")
    # ' and ’: an apostrophe between letters, otherwise a single quotation mark.
    if before.isalnum() and after.isalnum():
        return None
    kind = "S" if mark == "’" else "s"
    if close_context and (kind in kinds or (kind == "S" and "s" in kinds)):
        return ("close", kind if kind in kinds else "s")
    if mark == "'" and open_context and after.isalnum():
        return ("open", "s")
    return None


def _scan_quotations(content: str, paragraphs: Sequence[tuple[int, int]]) -> list[_Unit]:
    """Return the top-level quotations of the article, in order (nested quotations are part of their outer one)."""
    units: list[_Unit] = []
    carried: _Unit | None = None
    carried_kind = ""
    for para_start, para_end in paragraphs:
        stack: list[tuple[str, int]] = []
        scan_from = para_start
        if carried is not None:
            if content[para_start] in _REOPENERS[carried_kind]:
                stack.append((carried_kind, para_start))
                scan_from = para_start + 1
                current: _Unit | None = carried
                segment_start = scan_from
            else:
                current = None
            carried = None
        else:
            current = None
        if current is None:
            segment_start = para_start
        for match in _MARKS.finditer(content, scan_from, para_end):
            index = match.start()
            before = content[index - 1] if index > para_start else ""
            after = content[index + 1] if index + 1 < para_end else ""
            role = _mark_role(match.group(0), before, after, stack)
            if role is None:
                continue
            action, kind = role
            if action == "open":
                if not stack:
                    current = _Unit(open_at=index)
                    segment_start = index + 1
                stack.append((kind, index))
                continue
            while stack:
                top, _ = stack.pop()
                if top == kind:
                    break
            if not stack and current is not None:
                current.segments.append((segment_start, index))
                current.close_at = index + 1
                if not units or units[-1] is not current:  # a carried quotation is already the last unit
                    units.append(current)
                current = None
        if stack and current is not None:
            current.segments.append((segment_start, para_end))
            carried, carried_kind = current, stack[0][0]
            if not units or units[-1] is not current:
                units.append(current)
    return units


# ============================================================================================================
# The drafter: reads the sentences in order, remembering who spoke last
# ============================================================================================================


class _Drafter:
    """Proposes the key rows of one article. One instance per article; nothing is kept between articles."""

    def __init__(self, content: str, sentences: Sequence[Sentence], outlets: OutletList) -> None:
        """Read the article once: its quotations, the agencies and the people it names (nothing is written)."""
        self.content = content
        self.sentences = sentences
        self.outlets = outlets
        self.people: dict[str, _Person] = {}
        self.by_surname: dict[str, _Person] = {}
        self.last_person: _Person | None = None
        self.last_agency: Outlet | str | None = None
        self.anonymous_agency: Outlet | str | None = None
        self.interview: tuple[str, Outlet | str, int] | None = None  # (speaker, agency, paragraph)
        self._starts = [sentence.char_start for sentence in sentences]
        self._split_names: dict[str, tuple[str, str, int]] = {}
        self.units = _scan_quotations(content, _paragraph_bounds(sentences))
        self._overlap_table = self._overlaps()
        self._agency_mentions = self._find_agencies()
        self._agency_starts = [start for start, _ in self._agency_mentions]
        self._index = {sentence.sentence_id: index for index, sentence in enumerate(sentences)}
        self._collect_people()

    # --- people -------------------------------------------------------------------------------------------

    def _collect_people(self) -> None:
        """Find every person named in the article, with the words around the name that give a title."""
        for sentence in self.sentences:
            text = sentence.text
            for match in _RUN.finditer(text):
                run = match.group(0)
                if " " not in run and run not in self.by_surname:
                    continue  # a lone capitalised word names no one new
                pieces = _run_pieces(run, match.start()) if ("’" in run or "'" in run) else [(match.start(), run)]
                for piece_start, piece in pieces:
                    title, name, name_offset = self._split(piece)
                    if not name:
                        continue
                    known = self.people.get(name) if " " in name else self.by_surname.get(name)
                    if known is not None and known.title:
                        continue
                    start = piece_start + name_offset
                    context = _title_context(text, piece_start, start, start + len(name), title)
                    if known is not None:
                        known.title, known._role = context, None
                    elif " " in name:
                        person = _Person(name, context)
                        self.people[name] = person
                        self.by_surname.setdefault(person.surname, person)

    def _split(self, run: str) -> tuple[str, str, int]:
        """Return ``_split_name(run)``, worked out once per distinct run in this article."""
        found = self._split_names.get(run)
        if found is None:
            found = self._split_names[run] = _split_name(run)
        return found

    def _person_named(self, words: str) -> _Person | None:
        """Return the person a name refers to (a full name, or a surname resolved to the full name)."""
        _, name, _ = self._split(words.strip())
        name = _POSSESSIVE.sub("", name) if name else name
        if not name:
            return None
        if name in self.people:
            return self.people[name]
        last = name.split()[-1]
        if last in self.by_surname:
            return self.by_surname[last]
        if len(name.split()) >= 2 and not set(name.split()) & _NOT_PERSON_WORDS:
            person = _Person(name)
            self.people[name] = person
            self.by_surname.setdefault(person.surname, person)
            return person
        return None

    def _person_described(self, description: str) -> _Person | None:
        """Return the person a description such as "the Russian foreign minister" refers to."""
        words = {w.lower().strip(".,") for w in description.split()} - _DESCRIPTION_STOP
        matches = [p for p in self.people.values() if p.title and words <= p.title_words]
        if len(matches) == 1:
            return matches[0]
        if self.last_person is not None and (not matches or self.last_person in matches):
            return self.last_person
        return matches[-1] if matches else None

    # --- outlets ------------------------------------------------------------------------------------------

    def _agency_in(self, text: str) -> Outlet | str | None:
        """Return the last news agency named in ``text``: a listed state outlet, or another agency's name."""
        found = self.outlets.find(text)
        if found:
            return found[-1][2]
        generic = _other_agencies(text)
        return generic[-1][2] if generic else None

    def _note_agencies(self, sentence: Sentence) -> None:
        """Remember the last agency named in ``sentence`` outside quotation marks (for "the agency said")."""
        index = bisect.bisect_left(self._agency_starts, sentence.char_end) - 1
        if index >= 0 and self._agency_mentions[index][0] >= sentence.char_start:
            self.last_agency = self._agency_mentions[index][1]

    def _find_agencies(self) -> list[tuple[int, Outlet | str]]:
        """Return ``(position, agency)`` for every agency named outside quotation marks, in order."""
        mentions = [(start, outlet) for start, _, outlet in self.outlets.find(self.content)]
        mentions += [(start, name) for start, _, name in _other_agencies(self.content)]
        quoted = [segment for unit in self.units for segment in unit.segments]
        return sorted(
            ((start, agency) for start, agency in mentions if not any(a <= start < b for a, b in quoted)),
            key=lambda pair: pair[0],
        )

    # --- attribution --------------------------------------------------------------------------------------

    def _speaker_before(self, before: str) -> tuple[str, object] | None:
        """Return ``(kind, referent)`` for the subject written just before a cue verb, or None."""
        clause = _strip_appositives(before)
        tail = _CLAUSE_BREAK.split(clause)[-1].strip() if clause else ""
        if not tail:
            return None
        if (match := _PRONOUN_END.search(tail)) is not None:
            return ("pronoun", match.group("pronoun"))
        lower = tail.lower()
        if _HAS_ANONYMOUS_WORD.search(lower) and (_ANONYMOUS.search(tail) or _ANONYMOUS_PLURAL_OFFICIALS.search(tail)):
            return ("anonymous", tail)
        outlet = self.outlets.ends_with_mention(tail)
        if outlet is not None:
            return ("outlet", outlet)
        if tail.endswith(_AGENCY_ENDINGS) and (generic := _other_agencies(tail)) and generic[-1][1] == len(tail):
            return ("outlet", generic[-1][2])
        if _AGENCY_NOUN.search(tail):
            return ("outlet", self.last_agency) if self.last_agency is not None else None
        if _HAS_INSTITUTION_WORD.search(lower) and (match := _INSTITUTION.search(tail)) is not None:
            return ("institution", match.group("institution"))
        runs = list(_RUN.finditer(tail))
        if runs and runs[-1].end() == len(tail.rstrip(" ,")):
            person = self._person_named(runs[-1].group(0))
            if person is not None:
                return ("person", person)
        if (match := _DESCRIPTION.search(tail)) is not None and _ROLE_NOUNS.search(match.group("words")):
            person = self._person_described(match.group("words"))
            if person is not None:
                return ("person", person)
        return None

    def _speaker_after(self, after: str) -> tuple[str, object] | None:
        """Return the subject of an inverted cue ("said Grey", "said the minister"), or None."""
        after = after.lstrip()
        run = _RUN.match(after)
        if run is not None:
            outlet = self.outlets.lookup(run.group(0))
            if outlet is not None:
                return ("outlet", outlet)
            person = self._person_named(run.group(0))
            if person is not None:
                return ("person", person)
        match = _DESCRIBED_AFTER.match(after)
        if match and _ROLE_NOUNS.search(match.group(1)):
            person = self._person_described(match.group(1))
            if person is not None:
                return ("person", person)
        return None

    def _attribution(self, subject: tuple[str, object] | None, cue: str, relayed_by: Outlet | str | None, how: str) -> _Attribution | None:
        """Return the attribution for a resolved subject, remembering the speaker for carry-over."""
        if subject is None:
            return None
        kind, referent = subject
        if kind in ("pronoun", "unwritten"):
            if referent in ("we", "We"):
                return None
            if self.last_person is None:
                return None
            person = self.last_person
            if kind == "pronoun":
                how = f"{how}; '{referent}' goes to the last person quoted, {person.name}"
            else:
                how = f"{how}; no speaker written, so the last person quoted, {person.name}"
            kind = "person"
            referent = person
        if kind == "person":
            self.last_person = referent  # type: ignore[assignment]
            role, role_how = referent.role  # type: ignore[attr-defined]
            return _Attribution(referent.name, role, "person", cue, relayed_by, f"{how}; {role_how}")
        if kind == "outlet":
            self.last_agency = referent  # type: ignore[assignment]
            return _Attribution(_outlet_name(referent), "outlet", "outlet", cue, referent, f"{how}; the agency's own account")  # type: ignore[arg-type]
        if kind == "anonymous":
            agency = relayed_by or (self.anonymous_agency if str(referent).lower().startswith("the ") else None)
            if agency is None:
                return _Attribution("", "outlet", "anonymous", cue, None, f"{how}; an unnamed source, carried by the outlet itself")
            self.anonymous_agency = agency
            return _Attribution(_outlet_name(agency), "outlet", "anonymous", cue, agency, f"{how}; an unnamed source, so the agency that carries it is the speaker")
        if kind == "institution":
            name = str(referent)
            return _Attribution(name, "official", "institution", cue, relayed_by, f"{how}; an institution, not a person")
        return None

    def _attribute_frame(self, frame: str, for_quote: bool) -> _Attribution | None:
        """Return the attribution that the words outside quotation marks (``frame``) give, or None without a cue."""
        if " as " in frame and (match := _AS_SAYING.search(frame)) is not None:
            agent_text = frame[: match.start()]
            agency = self._agency_in(agent_text) or (self.last_agency if _AGENCY_NOUN.search(agent_text.strip()) else None)
            cue = frame[_cue_start(agent_text) : match.end()].strip()
            obj = match.group("object")
            subject = self._speaker_after(obj) or (self._speaker_before(obj) if obj else None)
            if subject is None and _OBJECT_PRONOUN.fullmatch(obj.strip()):
                subject = ("pronoun", obj.strip())
            if agency is not None:
                self.last_agency = agency
            how = f"cue '{cue}': {_outlet_name(agency) if agency else 'an outlet'} relays the words"
            return self._attribution(subject, cue, agency, how)
        if "ccording to" in frame and (match := _ACCORDING.search(frame)) is not None:
            source = match.group("source").strip()
            cue = match.group(0)[: len("according to")]
            outlets = self.outlets.find(source)
            generic = _other_agencies(source)
            if outlets or generic:
                agency = outlets[-1][2] if outlets else generic[-1][2]
                return self._attribution(("outlet", agency), cue, agency, f"cue 'according to {source}'")
            subject = self._speaker_before(source)
            if subject is not None and subject[0] == "anonymous":
                return self._attribution(subject, cue, None, f"cue 'according to {source}'")
            if subject is None and _AGENCY_NOUN.search(source) and self.last_agency is not None:
                subject = ("outlet", self.last_agency)
            return self._attribution(subject, cue, None, f"cue 'according to {source}'")
        if " words" in frame and (match := _IN_WORDS.search(frame)) is not None:
            who = match.group("who")
            subject = ("pronoun", who) if who in ("his", "her", "their") else self._speaker_before(_POSSESSIVE.sub("", who))
            if subject is not None and subject[0] == "pronoun":
                subject = ("pronoun", "he" if who == "his" else "she")
            return self._attribution(subject, match.group(0), None, f"cue '{match.group(0)}'")
        for verb in _VERB.finditer(frame):
            before = frame[: verb.start()]
            if _PASSIVE_BEFORE.search(before):
                continue
            after = frame[verb.end() :]
            verb_text = verb.group(0)
            subject = self._speaker_before(before)
            inverted = subject is None and (subject := self._speaker_after(after)) is not None
            if subject is None and for_quote and self.last_person is not None and before.strip(f" ,{QUOTE_SLOT}") == "":
                subject = ("unwritten", "")
            if subject is None:
                continue
            relayed_by = None
            interview = _interview(frame)
            if interview is not None:
                relayed_by = self._agency_in(interview.group("target"))
                if relayed_by is None and "agency" in interview.group("target"):
                    relayed_by = self.last_agency
            if subject[0] == "anonymous" and relayed_by is None:
                target = after.lstrip()
                relayed_by = self._agency_in(target[:60]) if verb_text.startswith("told") else None
            cue = _cue_text(before, verb_text, after, for_quote, inverted)
            how = f"cue '{cue}'"
            if relayed_by is not None:
                how += f", words given to {_outlet_name(relayed_by)}"
            attribution = self._attribution(subject, cue, relayed_by, how)
            if attribution is not None:
                return attribution
        return None

    # --- sentences ----------------------------------------------------------------------------------------

    def draft(self) -> list[list[str]]:
        """Return the key rows, one list of strings per sentence, in article order."""
        rows = []
        previous_unit: _Unit | None = None
        for index, sentence in enumerate(self.sentences):
            overlapping = self._overlap_table[index]
            main = None
            quoted = False
            if overlapping:  # most sentences hold no quotation: nothing to weigh
                coverage = sum(size for _, size in overlapping) / max(1, len(sentence.text))
                main = max(overlapping, key=lambda pair: pair[1])[0]
                opening = next((unit for unit, _ in overlapping if _starts_inside(unit, sentence)), None)
                main = opening or main
                quoted = opening is not None or coverage >= 0.5 or self._introduced(main, sentence)
            if quoted and main is not None:
                if main.attribution is None:
                    main.attribution = self._attribute_unit(main, previous_unit)
                attribution = main.attribution
                previous_unit = main
                channel = "relayed" if attribution.relayed_by is not None else "direct quote"
                channel = self._interview_channel(attribution, main, channel)
                self._note_agencies(sentence)
            else:
                frame = self._frame(sentence)
                attribution = self._attribute_frame(frame, for_quote=False) or NARRATION
                self._note_agencies(sentence)
                if attribution.kind == "narration":
                    channel = "narration"
                elif attribution.relayed_by is not None:
                    channel = "relayed"
                else:
                    channel = "paraphrase"
                self._remember_interview(attribution, frame, sentence.paragraph)
            rows.append(self._row(sentence, attribution, channel))
        return rows

    def _overlaps(self) -> list[list[tuple[_Unit, int]]]:
        """Return, for each sentence, the quotations that overlap it and by how many characters."""
        found: list[list[tuple[_Unit, int]]] = [[] for _ in self.sentences]
        for unit in self.units:
            sizes: dict[int, int] = {}
            for start, end in unit.segments:
                index = max(0, bisect.bisect_right(self._starts, start) - 1)
                while index < len(self.sentences) and self.sentences[index].char_start < end:
                    sentence = self.sentences[index]
                    size = min(end, sentence.char_end) - max(start, sentence.char_start)
                    if size > 0:
                        sizes[index] = sizes.get(index, 0) + size
                    index += 1
            for index, size in sizes.items():
                found[index].append((unit, size))
        return found

    def _introduced(self, unit: _Unit, sentence: Sentence) -> bool:
        """Return True when the quotation opens in this sentence right after a cue and a colon ("said: ")."""
        if not sentence.char_start <= unit.open_at < sentence.char_end:
            return False
        lead = self.content[sentence.char_start : unit.open_at].rstrip()
        return lead.endswith(":") and _VERB.search(lead) is not None

    def _frame(self, sentence: Sentence) -> str:
        """Return the sentence with every quotation (marks included) replaced by ``QUOTE_SLOT``."""
        overlapping = self._overlap_table[self._index[sentence.sentence_id]]
        if not overlapping:
            return " ".join(sentence.text.split())
        pieces = []
        cursor = sentence.char_start
        segments = sorted(segment for unit, _ in overlapping for segment in unit.segments)
        for start, end in segments:
            start, end = max(start - 1, sentence.char_start), min(end + 1, sentence.char_end)
            if start >= end or end <= cursor:
                continue
            pieces.append(self.content[cursor:start])
            pieces.append(f" {QUOTE_SLOT} ")
            cursor = end
        pieces.append(self.content[cursor : sentence.char_end])
        return " ".join("".join(pieces).split())

    def _attribute_unit(self, unit: _Unit, previous: _Unit | None) -> _Attribution:
        """Return the attribution of a quotation: its cue after the closing mark, or before the opening one."""
        after = self._after_frame(unit)
        if after:
            attribution = self._attribute_frame(f"{QUOTE_SLOT} {after}", for_quote=True)
            if attribution is not None:
                self._remember_interview(attribution, after, self._paragraph_at(unit.open_at))
                return attribution
        before = self._before_frame(unit)
        if before and before.rstrip().endswith((":", ",")):
            attribution = self._attribute_frame(f"{before.rstrip(' :,')} {QUOTE_SLOT}", for_quote=True)
            if attribution is not None:
                return attribution
        if previous is not None and previous.attribution is not None and previous.attribution.kind != "narration":
            if self._paragraph_at(unit.open_at) - self._paragraph_at(previous.open_at) <= 1:
                inherited = previous.attribution
                return replace(inherited, how=f"a quotation with no cue of its own, continuing {inherited.speaker}'s words ({inherited.how})")
        if self.last_person is not None:
            role, role_how = self.last_person.role
            return _Attribution(self.last_person.name, role, "person", "", None, f"a quotation with no cue; it goes to the last person quoted, {self.last_person.name}; {role_how}")
        return _Attribution("", "outlet", "narration", "", None, "a quotation with no cue and no one quoted before it")

    def _after_frame(self, unit: _Unit) -> str:
        """Return the words after the quotation's closing mark, up to the next quotation or the sentence end.

        When the quotation ends its sentence ('"Why now?" she asked.' is split after the
        question mark), a short sentence that follows at once and holds a cue verb is used.
        """
        if unit.close_at is None:
            return ""
        sentence = self._sentence_at(unit.close_at - 1)
        after = self._words_until_quotation(unit.close_at, sentence.char_end)
        if after:
            return after
        index = self._index[sentence.sentence_id] + 1
        if index < len(self.sentences):
            following = self.sentences[index]
            if following.paragraph == sentence.paragraph and not self.content[unit.close_at : following.char_start].strip():
                words = self._words_until_quotation(following.char_start, following.char_end)
                if words and len(words.split()) <= 12 and _VERB.search(words):
                    return words
        return ""

    def _words_until_quotation(self, start: int, end: int) -> str:
        """Return ``content[start:end]`` up to the next quotation's opening mark, stripped."""
        for other in self.units:
            if start <= other.open_at < end:
                end = other.open_at
                break
        return self.content[start:end].strip()

    def _before_frame(self, unit: _Unit) -> str:
        """Return the words before the quotation's opening mark in its sentence (after any earlier quotation)."""
        sentence = self._sentence_at(unit.open_at)
        start = sentence.char_start
        for other in self.units:
            if other.close_at is not None and start <= other.close_at <= unit.open_at and other is not unit:
                start = other.close_at
        return self.content[start : unit.open_at].strip()

    def _sentence_at(self, index: int) -> Sentence:
        """Return the sentence that holds character ``index`` (or the one before it, between sentences)."""
        return self.sentences[max(0, bisect.bisect_right(self._starts, index) - 1)]

    def _paragraph_at(self, index: int) -> int:
        """Return the number of the paragraph that holds character ``index``."""
        return self._sentence_at(index).paragraph

    def _remember_interview(self, attribution: _Attribution, frame: str, paragraph: int) -> None:
        """Remember a person who spoke to an agency (later quotations of theirs in that paragraph are relayed)."""
        if attribution.kind == "person" and attribution.relayed_by is not None and _interview(frame):
            self.interview = (attribution.speaker, attribution.relayed_by, paragraph)
        elif attribution.kind != "narration":
            if self.interview is not None and self.interview[0] != attribution.speaker:
                self.interview = None

    def _interview_channel(self, attribution: _Attribution, unit: _Unit, channel: str) -> str:
        """Return ``relayed`` for a quotation that continues, in the same paragraph, what its speaker told an agency."""
        if channel == "relayed" or self.interview is None or attribution.kind != "person":
            return channel
        speaker, _, paragraph = self.interview
        if speaker == attribution.speaker and self._paragraph_at(unit.open_at) == paragraph:
            return "relayed"
        return channel

    # --- one row ------------------------------------------------------------------------------------------

    def _row(self, sentence: Sentence, attribution: _Attribution, channel: str) -> list[str]:
        """Return the key row of one sentence (values in ``KEY_COLUMNS`` order) with its ``DRAFT:`` explanation."""
        relay = attribution.relayed_by
        how = attribution.how
        if channel == "relayed" and relay is None and self.interview is not None:
            relay = self.interview[1]
            how += f"; the quotation continues what the speaker told {_outlet_name(relay)}, so relayed"
        state = relay if isinstance(relay, Outlet) else None
        category, also, category_how = _category(attribution, channel, state)
        rule = _rule(attribution, channel, state)
        claim, claim_how = _claim_type(sentence.text, attribution, channel)
        sources = [DRAFT_SOURCE] + ([state.source] if state is not None and state.source else [])
        explanation = f"{DRAFT_PREFIX} {_sentence_case(how)}. {category_how} {claim_how}"
        return [
            sentence.sentence_id,
            sentence.text,
            attribution.speaker,
            attribution.role,
            channel,
            attribution.cue,
            category,
            ";".join(also),
            rule,
            claim,
            "",
            "",
            "",
            explanation,
            f"{DRAFT_PREFIX} {_sentence_case(how)}. Say where the speaker's name was first given and how the words reach this sentence.",
            f"{DRAFT_PREFIX} Rule {rule}: {RULES[rule]}. {category_how}",
            f"{DRAFT_PREFIX} {claim_how}",
            DRAFT_TECHNIQUES,
            ";".join(sources),
            "no",
        ]


# ============================================================================================================
# Small pure helpers
# ============================================================================================================


def _interview(frame: str) -> re.Match[str] | None:
    """Return the match of words that say the speaker talked to someone ("told X", "in an interview with X")."""
    if not _HAS_INTERVIEW_WORD.search(frame):
        return None
    return _INTERVIEW.search(frame)


def _starts_inside(unit: _Unit, sentence: Sentence) -> bool:
    """Return True when ``sentence`` begins with the quotation's opening mark or inside the quotation."""
    return unit.open_at == sentence.char_start or any(start <= sentence.char_start < end for start, end in unit.segments)


def _other_agencies(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, name)`` of news agencies named in ``text`` that are not on the state list, in order."""
    found = [
        (m.start(), m.end(), m.group(0))
        for m in _WIRE_AGENCY.finditer(text)
        if m.start() == 0 or not text[m.start() - 1].isalnum()
    ]
    position = text.find("Agency")
    while position >= 0:
        end = position + len("Agency")
        name = _AGENCY_NAME_BEFORE.search(text, max(0, position - 80), position)
        if name is not None and (end == len(text) or not text[end].isalnum()):
            found.append((name.start(), end, text[name.start() : end]))
        position = text.find("Agency", end)
    return sorted(found)


def _outlet_name(agency: Outlet | str | None) -> str:
    """Return how an agency is named in a key: a listed outlet's name, or another agency's name without "the"."""
    if isinstance(agency, Outlet):
        return agency.name
    return _LEADING_THE.sub("", agency or "")


def _sentence_case(text: str) -> str:
    """Return ``text`` with its first letter in upper case."""
    return text[:1].upper() + text[1:] if text else text


def _run_pieces(run: str, offset: int) -> list[tuple[int, str]]:
    """Split a run of capitalised words after a possessive ("Russia's Sochi" -> "Russia's", "Sochi")."""
    pieces = []
    start = 0
    for match in _POSSESSIVE_IN_RUN.finditer(run):
        if run[match.start() - 1].isalpha():
            pieces.append((offset + start, run[start : match.start()]))
            start = match.end() + 1
    pieces.append((offset + start, run[start:]))
    return [(position, _POSSESSIVE.sub("", piece) if piece.endswith(("’s", "'s")) else piece) for position, piece in pieces if piece]


def _split_name(run: str) -> tuple[str, str, int]:
    """Return ``(title, name, offset of the name in run)`` for a run such as "U.S. Secretary of State Jane Doe".

    The name is what follows the last title or organisation word; after "of"/"for" the
    organisation's name runs on, so the person is the last two words. A name is kept only
    when it looks like a person's (each word capitalised, no organisation or place word).
    """
    titles = list(_TITLE_IN_RUN.finditer(run))
    title = ""
    rest_start = 0
    if titles:
        last = titles[-1]
        title = run[: last.end()]
        rest_start = last.end()
    rest = run[rest_start:].split()
    if titles and rest and rest[0] in _JOINERS:
        rest = rest[-2:] if len(rest) >= 4 else []
        if rest:
            title = run[: run.rindex(rest[0])].strip()
    else:
        for index, word in enumerate(rest):
            if word in _JOINERS:
                rest = rest[:index]
                break
    while rest and rest[0] in _NOT_NAME_STARTS:
        rest = rest[1:]
    if not rest or len(rest) > 4 or any(not _NAME_TOKEN.match(w) or w in _NOT_PERSON_WORDS for w in rest):
        return title, "", 0
    name = " ".join(rest)
    if name.replace(".", "").isupper():
        return title, "", 0
    return title.strip(), name, run.index(rest[0], rest_start)


def _title_context(text: str, run_start: int, name_start: int, name_end: int, title_in_run: str) -> str:
    """Return the words that describe the person at ``text[name_start:name_end]``, nearest first."""
    parts = [title_in_run] if title_in_run else []
    before = text[max(0, run_start - 50) : run_start]
    words = _CONTEXT_WORD.findall(before)
    lead: list[str] = []
    for word in reversed(words):
        if not word[0].isalnum() or word.lower() in ("and", "with", "by", "to", "between", "from", "said", "told"):
            break
        lead.insert(0, word)
        if len(lead) == 3:
            break
    if lead:
        parts.append(" ".join(lead))
    after = text[name_end:]
    if after.startswith(","):
        appositive = _APPOSITIVE.match(after)
        if appositive and _ASIDE_START.match(appositive.group(1)):
            parts.append(appositive.group(1))
    head = text[:run_start].rstrip()
    if head.endswith(","):
        clause = _CLAUSE_BEFORE_NAME.split(head[:-1])[-1].strip()
        if clause and _ROLE_NOUNS.search(clause):
            parts.append(clause)
    return "; ".join(part for part in parts if part)


def _role_of(title: str) -> tuple[str, str]:
    """Return ``(speaker_role, what the rules saw)`` for the words that describe a person."""
    for part in title.split("; "):
        official = _OFFICIAL_ROLE.search(part)
        expert = _EXPERT_ROLE.search(part)
        if official and _FORMER.search(part):
            return "former official", f"'{part}' names a former office, so a former official"
        if expert and (not official or expert.start() < official.start()):
            return "expert", f"'{part}' makes the speaker an expert"
        if official:
            return "official", f"'{part}' makes the speaker an official"
    return "expert", "no title found, so the rules guessed expert (check who this is)"


def _category(attribution: _Attribution, channel: str, state: Outlet | None) -> tuple[str, list[str], str]:
    """Return ``(category, also acceptable, what the rules saw)`` for one sentence."""
    kind, role = attribution.kind, attribution.role
    if kind == "narration":
        return "reporting", [], "Category: the outlet's own narration is reporting."
    if kind in ("outlet", "anonymous"):
        if state is not None:
            also = ["official statement"] if kind == "anonymous" else ["reporting"]
            return "state-media framing", also, f"Category: {state.name} is a {state.kind} ({state.country}), so state-media framing."
        return "reporting", [], "Category: the outlet's own account, reporting."
    if kind == "institution":
        return "reporting", ["official statement"], "Category: the outlet reports what an institution said, reporting (official statement also fits)."
    also: list[str] = []
    if role == "official":
        category = "official statement"
        if channel == "paraphrase":
            also.append("reporting")
    else:
        category = "expert opinion"
        if role == "former official":
            also.append("official statement")
    if state is not None and channel == "relayed":
        also.append("state-media framing")
    why = {"official": "an official's words are an official statement", "former official": "a former official speaks for no government, so expert opinion", "expert": "an expert's words are expert opinion"}[role]
    return category, also, f"Category: {why}."


def _rule(attribution: _Attribution, channel: str, state: Outlet | None) -> str:
    """Return the id of the labelling rule (``medialit.vocabulary.RULES``) that ``_category`` applied."""
    kind, role = attribution.kind, attribution.role
    if kind == "narration":
        return "R1"
    if kind in ("outlet", "anonymous"):
        return "R6" if state is not None else "R1"
    if kind == "institution":
        return "R8"
    if state is not None and channel == "relayed":
        return "R4"
    if role == "official":
        return "R3" if channel == "paraphrase" else "R2"
    return "R5"


def _first(tokens: list[str], hits: set[str]) -> str:
    """Return the first of ``tokens`` that is in ``hits`` (so the explanation quotes the word seen first)."""
    return next(token for token in tokens if token in hits)


def _claim_type(text: str, attribution: _Attribution, channel: str) -> tuple[str, str]:
    """Return ``(claim_type, what the rules saw)`` from the words of the sentence."""
    if "?" in text and _QUESTION.search(text):
        return "other", "Claim type: a question makes no claim."
    lower = text.lower()
    tokens = _TOKEN.findall(lower)
    words = set(tokens)
    if words & _GREETING_WORDS and (match := _GREETING.search(lower)) is not None:
        return "other", f"Claim type: '{match.group(0)}' is a greeting or courtesy."
    if attribution.kind != "narration" and attribution.role != "official":
        if (accusation := _ACCUSATION.search(lower)) is not None:
            return "allegation", f"Claim type: '{accusation.group(0)}' accuses someone, so an allegation."
    if attribution.cue.startswith(("accused", "alleged")):
        return "allegation", "Claim type: the cue says it is an accusation."
    if ("hope" in words or "hopes" in words or "wish" in words) and (match := _HOPE.search(lower)) is not None:
        return "opinion", f"Claim type: '{match.group(0)}' is a wish, an opinion."
    hits = words & _PREDICTION_WORDS
    if hits:
        return "prediction", f"Claim type: '{_first(tokens, hits)}' looks ahead, a prediction."
    if "’ll" in lower or "'ll" in lower:
        return "prediction", "Claim type: a contracted 'will' ('ll) looks ahead, a prediction."
    if "may" in words and _MAY.search(text):
        return "prediction", "Claim type: 'may' looks ahead, a prediction."
    phrase = next((phrase for phrase in _PREDICTION_PHRASES if phrase in lower), None)
    if phrase is not None:
        return "prediction", f"Claim type: '{phrase}' looks ahead, a prediction."
    if channel in ("paraphrase", "relayed") and "would" in words:
        return "prediction", "Claim type: 'would' in reported speech looks ahead, a prediction."
    hits = words & _OPINION_WORDS
    opinion = _first(tokens, hits) if hits else next((phrase for phrase in _OPINION_PHRASES if phrase in lower), None)
    if opinion is not None:
        return "opinion", f"Claim type: '{opinion}' marks a view, an opinion."
    fact = _DIGIT.search(text)
    hits = words & _FACT_WORDS
    detail = fact.group(0) if fact else (_first(tokens, hits) if hits else None)
    if detail is None:
        calendar = _CALENDAR.intersection(_TOKEN.findall(text)) if _HAS_CALENDAR_WORD.search(text) else set()
        detail = min(calendar) if calendar else None
    if detail is None and ("one" in words or "two" in words):
        detail = next((w for i, w in enumerate(tokens) if w in ("one", "two") and (i == 0 or tokens[i - 1] not in _REFERRING)), None)
    if detail is not None:
        return "verifiable fact", f"Claim type: '{detail}' gives a checkable detail, a verifiable fact."
    if attribution.kind == "narration":
        return "verifiable fact", "Claim type: plain narration, a verifiable fact."
    return "opinion", "Claim type: no checkable detail, so the rules guessed opinion."


def _is_aside(segment: str) -> bool:
    """Return True for words between commas that describe the subject rather than name it.

    ", a senior fellow at the Centre ... in Port Town," and ", director of ...," are
    asides; ", former ambassador Jane Doe," names the speaker (a name that does not
    follow a preposition ends it).
    """
    if not segment or not segment[0].islower() and not _ASIDE_START.match(segment):
        return False
    runs = list(_RUN.finditer(segment))
    if runs and runs[-1].end() == len(segment) and not _PREPOSITION_END.search(segment[: runs[-1].start()]):
        _, name, _ = _split_name(runs[-1].group(0))
        if name and not _ASIDE_START.match(segment):
            return False
    return True


def _strip_appositives(before: str) -> str:
    """Return the words before a cue without trailing asides (", a senior fellow at ...,", ", in turn,")."""
    clause = before.rstrip()
    while clause.endswith(","):
        body = clause[:-1].rstrip()
        cut = body.rfind(",")
        segment = body[cut + 1 :].strip()
        if cut < 0 or not _is_aside(segment):
            return body
        clause = body[: cut + 1]
    return clause


def _cue_start(agent_text: str) -> int:
    """Return where the agent of "X cited ... as saying" starts in ``agent_text`` (after the last comma or Q)."""
    comma, slot = agent_text.rfind(","), agent_text.rfind(QUOTE_SLOT)
    start = max(comma + 1 if comma >= 0 else 0, slot + len(QUOTE_SLOT) if slot >= 0 else 0)
    return start + len(agent_text[start:]) - len(agent_text[start:].lstrip())


def _cue_text(before: str, verb: str, after: str, for_quote: bool, inverted: bool = False) -> str:
    """Return the cue words as written: the verb for a paraphrase, subject and verb for a quotation."""
    if inverted:
        subject = _INVERTED_SUBJECT.match(after)
        return f"{verb} {subject.group(1).strip()}" if subject else verb
    if verb.startswith("told"):
        target = _TOLD_TARGET.match(after)
        if target:
            verb = f"{verb} {target.group(1)}"
    if not for_quote:
        return verb
    clause = _CLAUSE_BREAK.split(_strip_appositives(before))[-1].strip()
    words = clause.split()
    subject = " ".join(words[-8:]) if words else ""
    return f"{subject} {verb}".strip()


# ============================================================================================================
# Public functions
# ============================================================================================================


def draft_rows(article: str | Path | Article, outlets: OutletList | None = None) -> list[list[str]]:
    """Return the draft key of ``article`` as plain rows: one list of strings per sentence, in ``KEY_COLUMNS`` order.

    What ``draft_key`` returns, without the DataFrame (the ``draft`` command writes these
    rows straight to CSV). ``outlets`` defaults as in ``draft_key``. Nothing is written.

    Raises:
        MediaLitError: the article cannot be read, or an extra outlets file is broken.
    """
    loaded = article if isinstance(article, Article) else read_article(article)
    outlet_list = outlets if outlets is not None else load_outlets(loaded.path)
    return _Drafter(loaded.content, loaded.records, outlet_list).draft()


def draft_key(article: str | Path | Article, outlets: OutletList | None = None) -> pd.DataFrame:
    """Return a draft answer key for ``article`` (a path, a ``seeds/`` name or an ``Article``).

    One row per sentence, columns ``KEY_COLUMNS``, every value a string, ``reviewed`` =
    ``no`` and each ``explanation`` starting with ``DRAFT:`` (what the rules saw).
    ``outlets`` defaults to the packaged state outlets plus any teacher's
    ``state_outlets.csv`` (see ``medialit.text.outlets``). Nothing is written.

    Raises:
        MediaLitError: the article cannot be read, or an extra outlets file is broken.
    """
    return pd.DataFrame(draft_rows(article, outlets), columns=KEY_COLUMNS, dtype=object)


def is_draft_explanation(explanation: str) -> bool:
    """Return True when an explanation is still empty or the draft's placeholder."""
    return not explanation.strip() or explanation.lstrip().startswith(DRAFT_PREFIX)


def unreviewed_warning(key: Key) -> str:
    """Return the warning to show above an exercise whose key is an unreviewed draft ('' when reviewed)."""
    return "" if key.reviewed else key.review_status()


def rows_csv(rows: Sequence[Sequence[str]]) -> str:
    """Return key rows (strings in ``KEY_COLUMNS`` order) as the text of a key file: UTF-8 CSV, ``\\n`` line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(KEY_COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


def key_csv(table: pd.DataFrame) -> str:
    """Return ``table`` (columns ``KEY_COLUMNS``, or ``sentence_id`` as its index) as the text of a key file."""
    columns = table.reset_index() if "sentence_id" not in table.columns else table
    return rows_csv(list(zip(*(map(str, columns[name].tolist()) for name in KEY_COLUMNS))))


def write_key(table: pd.DataFrame, path: Path | str) -> Path:
    """Write ``table`` as a key file at ``path`` atomically (a temporary file, then ``os.replace``); return the path.

    Raises:
        MediaLitError: the folder does not exist or cannot be written.
    """
    return _write_key_text(key_csv(table), Path(path))


def _write_key_text(text: str, path: Path) -> Path:
    """Write the key file text ``text`` at ``path`` atomically; return the path.

    Raises:
        MediaLitError: the folder does not exist or cannot be written.
    """
    if not path.parent.is_dir():
        raise MediaLitError(f"{path}: the folder {path.parent} does not exist; create it or choose another --out")
    try:
        replace_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise MediaLitError(f"{path}: cannot be written ({error.strerror}); check the folder's permissions") from None
    return path


def draft_command(args: argparse.Namespace) -> int:
    """Handle ``draft ARTICLE [--out KEY] [--force]``: print the draft key as CSV, or write it to ``--out``; return 0.

    Raises:
        MediaLitError: the article cannot be read, or ``--out`` exists and ``--force`` was not given.
    """
    rows = draft_rows(args.article)
    if args.out is None:
        sys.stdout.write(rows_csv(rows))
        return 0
    out = Path(args.out)
    if out.exists() and not args.force:
        raise MediaLitError(f"{out}: already exists; choose another --out, or add --force to replace it (a reviewed key would be lost)")
    _write_key_text(rows_csv(rows), out)
    print(f"{out}: draft key with {len(rows)} sentences written, all marked reviewed = no; review it before use")
    return 0
