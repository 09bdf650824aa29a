"""Attribution cues: the words around a cue verb, asides between commas, the cue as written, news agencies named.

The cue verbs are data (``cue_verbs.txt``, by base form; every inflection is generated) and so are the news
agencies that are not state outlets (``news_agencies.txt``): a news agency is known from those lists and the
state outlet list, never from the word "Agency".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from medialit.draft.quotations import QUOTE_SLOT
from medialit.text.mentions import is_titled_apposition, lexicon, news_agency_matches, split_title, trie_pattern
from medialit.text.words import cue_verbs, rows

# A passive before a cue verb, with at most one adverb between: "was said", "is also expected to", "were widely seen".
PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)(?:\s+(?:also|widely|still|now|not|generally|largely|"
                            r"already|increasingly|often|thought|not\s+yet))?\s*$", re.IGNORECASE)
_AS_SAYING = re.compile(r"\b(?:cited|quoted)\s+(?P<object>.+?)\s+as\s+(?:saying|telling|stating)\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<source>[^,.;:!?]+)")
_IN_WORDS = re.compile(r"\b[Ii]n\s+(?P<who>his|her|their|(?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*[’']s?)\s+(?:own\s+)?words\b")
_INTERVIEW = re.compile(
    r"\b(?:(?i:in an interview with|in an interview to|in an interview on|speaking to|speaking with|speaking on|talking to|"
    r"in (?:comments|remarks|statements|declarations|an interview|a telephone interview|an e-mail|an email)(?: made| given)? to|in a statement to|in an? (?:press release|statement|communiqu[eé]|e-mail|email|letter) sent to|complained to|explained to|wrote to|confirmed to|said to|"
    r"in (?:response|reply|answer) to (?:queries|questions|inquiries|enquiries|a query|a question) from)|told|tells|telling)\s+"
    r"(?P<target>(?:the\s+)?(?:[a-z][\w\-]*\s+){0,3}?(?:[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*|news agency|agency|"
    r"newspaper|paper|daily|weekly|broadcaster|channel|station|magazine|website|outlet)(?!\s+[A-Z]))"
)
PRONOUN_END = re.compile(r"\b(?P<pronoun>he|she|they|we|it|I|He|She|They|We|It)\s*$")
ANONYMOUS = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome|[Tt]he)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:source|sources|insider|insiders|person|people|official|officials|diplomat|diplomats)\b(?:\s+(?:in|at|of|close to|from|with|familiar with|inside)\b[^,]*)?$"
)
ANONYMOUS_PLURAL_OFFICIALS = re.compile(
    r"^(?:(?:[Ss]ome|[Ss]everal|[Tt]wo|[Tt]hree|[Ss]enior|[Ww]estern|[Ee]uropean|U\.S\.|[A-Z][a-z]+)\s+){0,3}"
    r"(?:officials|diplomats|sources)(?:\s+(?:in|at|from|close to)\b[^,]*)?$"
)
_INSTITUTION_TEMPLATE = (
    r"(?:(?:[Tt]he|[Aa])\s+(?:written\s+)?(?:statement|communiqu[eé]|press release|report)\s+(?:from|by|of)\s+)?"
    r"(?:[Tt]he\s+)?(?<![\w’'\-])(?P<institution>(?:(?:[A-Z][\w’'.\-]*(?:\s+and(?=\s+[A-Z]))?|(?!(?:{stop})\s)[a-z]+(?:[’']s|\s+and(?=\s+[a-z]))?)\s+){{0,5}}(?:{heads})"
    r"(?:\s+(?:of|for)(?:\s+(?:the\s+)?[A-Z][\w\-]*)+(?:\s+and(?:\s+[A-Z][\w\-]*)+)?)*)"
    r"(?:[’']s?\s+(?:press\s+)?(?:office|service|spokes(?:man|woman|person)))?$"
)
_LOWER_HEADS = frozenset({"Government", "Embassy", "Kremlin", "White House", "Police", "Army", "Navy", "Directorate",
                          "Office", "Board", "Committee", "Secretariat", "Bureau", "Administration", "Parliament",
                          "Presidency", "Cabinet", "Prefecture", "Municipality", "Inspectorate", "Tribunal"})
_INTERVIEW_WORDS = ("nterview", "peaking to", "peaking with", "peaking on", "alking to", "told", "tells", "telling",
                    "comments to", "remarks to", "statement to", "statements to", "declarations to", "made to", "given to", "mail to", "sent to", "omplained to", "xplained to", "rote to", "onfirmed to", "said to",
                    "ueries from", "uestions from", "nquiries from", "uery from", "uestion from")
_ANONYMOUS_WORDS = ("source", "insider", "person", "people", "official", "diplomat")
_INSTITUTION_WORDS = ("government", "embassy", "kremlin", "white house")
# A quick pre-check: does any of these words occur anywhere in the text (as a substring)? One search, not a loop. (The
# interview words are looked for with ``in``, each: faster than a pattern that most lowercase letters start.)
HAS_ANONYMOUS_WORD = re.compile("|".join(map(re.escape, _ANONYMOUS_WORDS)))

# An outlet the text itself calls one: a noun of outlets before a name ("the daily Akhbar Sadeer", "member station
# KCDR", "the public broadcaster SRK", "the Polish weekly Polityka"), or a name ending in "News Agency". A name may end
# in a lower-case word before a cue ("the regional daily Podhorsky denik writes", "the daily Lidove noviny reported"), or at the end of a subject.
# Its two alternatives: an outlet described by its noun (after a word boundary), and a name ending in "News Agency".
_DESCRIBED_OUTLET = (
    r"(?:(?:the|The)\s+)?(?:(?:state|state-run|state-owned|private|privately\s+owned|local|regional|national|daily|weekly|"
    r"business|financial|independent|online|public|commercial|pro-government|opposition|[a-z]+-language|"
    r"[A-Z][a-z]+(?:an|ian|ese|ish|i|ic|ch))\s+){0,3}"
    r"(?:newspaper|paper|daily|weekly|broadcaster|magazine|news\s+website|website|news\s+site|news\s+portal|portal|"
    r"(?:member|radio|television|TV|local|public)\s+station|radio|television\s+channel|TV\s+channel|television|TV|channel|"
    r"news\s+agency)\s+"
    r"(?P<name>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}(?:\s+[a-z]+(?=\s+(?:writes|wrote|reports|reported|says|said)\b|$))?)"
)
_AGENCY_NAMED = r"(?P<name2>(?:[A-Z][\w\-]*\s+){1,3}(?:News|Press) Agency)\b"
_NAMED_OUTLET = re.compile(rf"\b{_DESCRIBED_OUTLET}|{_AGENCY_NAMED}")
# (The rules find its matches' names with ``named_outlets``, the same result faster; a test compares the two.)
# The first alternative found as the non-word character before it (a described outlet opens with a letter, so its
# word boundary is a non-word character before it, or the text's start): a pattern that opens with a set of
# characters lets the engine skip to them, where one that opens with a boundary or a look-ahead is tried at every
# position. ``named_outlets`` searches it in the text after one space (which stands for the start).
_DESCRIBED_OUTLET_AFTER = re.compile(rf"\W{_DESCRIBED_OUTLET}")
_AGENCY_NAMED_SEARCH = re.compile(_AGENCY_NAMED)
# The last word of each noun a described outlet is named after ("news website": "site"), which its capitalised name
# follows in every match: a quick test before the search (a pattern that opens with a word is found at once).
_OUTLET_NOUN_ENDS = ("paper", "daily", "weekly", "broadcaster", "magazine", "site", "portal", "station", "radio",
                     "channel", "television", "TV", "agency")
_NAME_AFTER_NOUN = {noun: re.compile(rf"{noun}\s+[A-Z]") for noun in _OUTLET_NOUN_ENDS}
# Words one of which a text that names an outlet by its noun holds ("newspaper" and "website" hold "paper" and "site"):
# looked for as substrings, each at the speed of ``in``, not by a pattern whose first letters are common ones.
_OUTLET_NOUN_WORDS = ("paper", "daily", "weekly", "broadcaster", "magazine", "site", "portal", "radio", "channel",
                      "station", "television", "TV ", "News Agency", "Press Agency", "news agency")
# A listed name written with "the" that runs on into a longer name ("the Guardian Council", "The Times Square").
_RUNS_ON = re.compile(r"\s+[A-Z]")
# Listed names that a capitalised word after them makes part of a longer name: one written with "the", or a single
# word that is no acronym ("Dawn Hartley" is a person, "the Post Office" no newspaper; "AFP Monday" stays AFP).
_MAY_RUN_ON = re.compile(r"^(?:[Tt]he\s.*|[A-Z][a-z][\w’'\-]*)$")
AGENCY_NOUN = re.compile(
    r"\b(?:the|The)\s+(?:(?:state|news|state news|official|public|local|daily|radio|television|TV|member)\s+)?"
    r"(?:agency|news agency|broadcaster|newspaper|paper|daily|weekly|magazine|station|channel|outlet|wire|website)$"
)
# One of these ends every match of AGENCY_NOUN ("newspaper": "paper").
_AGENCY_NOUN_ENDS = ("agency", "broadcaster", "paper", "daily", "weekly", "magazine", "station", "channel", "outlet",
                     "wire", "website")
DESCRIPTION = re.compile(r"\b(?:the|The)\s+(?P<words>(?:[\w’'.\-]+\s+){0,8}?[\w’'.\-]+)$")
ASIDE_START = re.compile(
    r"^(?:a|an|the|who|which|whose|speaking|addressing|responding|talking|writing|in turn|however|meanwhile|also|too|"
    r"for (?:his|her|their|its) part|[a-z]+(?:\s+[a-z]+)?\s+(?:of|at|for|with)\b|[A-Z][\w\-]*[’']s\s+(?=[a-z]))"
)
# A capitalised title with its "of" phrase: "Director-General of the authority", "Chairman of the Board".
_TITLE_OF = re.compile(r"^(?P<title>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})\s+(?:of|at|for)\s+(?:the|its|his|her)\b")
# A US politician's party and state or district after the name: "D-Harlan", "R-Texas", "I-Vt.".
_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?$")
# A place noun that a name in apposition follows: "a consultant in the Ostranian capital, Bremholt, said".
_PLACE_BEFORE = re.compile(r"\b(?:capital|city|town|village|province|region|district|port|county|island|country)\s*$")
# A participial phrase whose object an apposition names (", speaking alongside the head of the agency, Carla Ruiz,"):
# the name renames the phrase's last noun, not the subject; "including"/"according" lead no such phrase.
# The same for a document the subject put out through someone: "in a statement signed by the agency's spokesperson".
_PARTICIPLE_PHRASE = re.compile(r"^(?:(?!(?:including|according|during|excluding|regarding)\b)[a-z]+ing\b|in\s+an?\s+"
                                r"(?:statement|letter|release|press\s+release|communiqu[eé])\s+(?:signed|issued)\s+by\b)"
                                r".*\s[a-z][\w\-]*$")
_PREPOSITION_END = re.compile(r"\b(?:in|at|of|for|from|to|with|by|on|near)\s*$")
_DESCRIPTION_STOP = frozenset({"the", "of", "a", "an", "for", "in", "and"})
# --- patterns used inside the rules (compiled once per process, not once per call) ---------------------------
# A clause ends at a comma or at a quotation's slot: the subject of a cue is in the last clause.
# A dateline before the first sentence's subject: "KOSTREL, May 7 (Reuters) - ", "(Bloomberg) -- ".
DATELINE_OPEN = re.compile(r"^[^()]{0,60}\([^()]{1,30}\)\s*(?:--|[-—–])\s*")
CLAUSE_BREAK = re.compile(rf",|{re.escape(QUOTE_SLOT)}")
DESCRIBED_AFTER = re.compile(r"(?:the|The)\s+((?:[\w’'.\-]+\s+){0,6}?[\w’'.\-]+)(?=[,.;]|$)")
OBJECT_PRONOUN = re.compile(r"(?:him|her)")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE_IN_RUN = re.compile(r"[’']s?(?=\s)")
_CONTEXT_WORD = re.compile(r"[\w’'\-]+|[,;:.()\"“”«»]")
APPOSITIVE = re.compile(r",\s*([^,;:.“”\"«»]{3,120}?)(?:,|;|:|\.|$|\s+(?:said|told|noted|wrote|added))")
_CLAUSE_BEFORE_NAME = re.compile(r"[,;:]|\.\s")
_INVERTED_SUBJECT = re.compile(r"\s*((?:the\s+)?[^,.;:!?]{1,60}?)(?=[,.;:!?]|$)")
_TOLD_TARGET = re.compile(r"\s*((?:the\s+)?(?:[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*|reporters|journalists))")


# Letters that a pattern ignoring case matches to an ASCII letter that is not their lower case (the dotted capital and
# the dotless i, the long s): a text without them holds an ASCII word in any case exactly when its lower case holds it.
_ODD_CASE_LETTERS = ("İ", "ı", "ſ")
_AFTER_NON_WORD: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def after_non_word(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""Return ``pattern`` (r"\b(?:said|told)\b", every match of it starting with a word character and, for
    ``finditer``, ending with one, as a cue verb does) with its opening word boundary written as the non-word character
    before the match (r"\W(?:said|told)\b"), to be searched in the text after one space (``f" {text}"``, the space
    standing for the text's start): each match is one character longer, the non-word one before it, so it stands at the
    same index (its start) as in the text. The same matches, in the same order, found faster: the engine skips to
    non-word characters, where a pattern that opens with a boundary is tried at every position. Compiled once per
    pattern (kept by its identity: hashing a compiled pattern costs more than the search)."""
    cached = _AFTER_NON_WORD.get(id(pattern))
    if cached is None or cached[0] is not pattern:
        if not pattern.pattern.startswith(r"\b"):
            raise ValueError(f"the pattern opens with no word boundary: {pattern.pattern[:40]}")
        cached = (pattern, re.compile(r"\W" + pattern.pattern.removeprefix(r"\b"), pattern.flags))
        _AFTER_NON_WORD[id(pattern)] = cached
    return cached[1]


def may_hold_ignoring_case(text: str, words: tuple[str, ...]) -> bool:
    """Return False when ``text`` holds none of the lower-case ASCII ``words`` in any case, as a pattern ignoring case
    reads them, True when it may: a quick test before such a pattern."""
    if any(map(text.__contains__, _ODD_CASE_LETTERS)):
        return True
    lower = text.lower()
    return any(map(lower.__contains__, words))


def ends_with_agency_noun(text: str) -> bool:
    """Return True when ``text`` ends with an outlet's noun after "the" ("the agency", "the state news agency", "the
    newspaper": ``AGENCY_NOUN``). The pattern, tried at every position, is searched only when ``text`` ends with one
    of its nouns (or a newline, before which ``$`` also matches): the same result."""
    return (text.endswith(_AGENCY_NOUN_ENDS) or text.endswith("\n")) and AGENCY_NOUN.search(text) is not None


def interview_words(frame: str) -> re.Match[str] | None:
    """Return the match of words that say the speaker talked to someone ("told X", "in an interview with X")."""
    if not any(map(frame.__contains__, _INTERVIEW_WORDS)):  # ``word in frame`` for each word, with no Python loop
        return None
    return _INTERVIEW.search(frame)



@dataclass(frozen=True)
class _Refusals:
    """The refusals of ``refusals.txt``, compiled: what ends the words before a refused verb, the refused verbs'
    forms, the last letters the refusing words may end with (a quick test), and a refusal with its verb inside a text."""

    before: re.Pattern[str]
    forms: frozenset[str]
    endings: frozenset[str]
    inside: re.Pattern[str]


# Words that end a refused verb's clause, so a later cue verb is a cue of its own ("did not say when, but said").
_CLAUSE_CLOSED = re.compile(r"\bbut\b|;|,\s+and\b|[.!?]\s")
_REFUSAL_WORDS = ("not", "n't", "n’t", "declin", "refus", "yet to", "unavailable")  # a quick test before the pattern


@functools.lru_cache(maxsize=1)
def _refusals() -> _Refusals:
    """Return the refusals of ``refusals.txt`` compiled ("did not", "declined to", "did not immediately" before a
    speech verb), read once."""
    parts: dict[str, list[str]] = {"before": [], "adverb": [], "verb": []}
    for words, part in rows("refusals"):
        parts[part].append(words)
    before = "|".join(sorted((re.escape(words).replace(r"\ ", r"\s+").replace("'", "[’']") for words in parts["before"]),
                             key=len, reverse=True))
    adverbs = "|".join(map(re.escape, parts["adverb"]))
    bases = set(parts["verb"])
    forms = frozenset(form for verb in cue_verbs() if verb.base in bases for form in verb.forms)
    refusal = rf"(?<![\w’'])(?:{before})(?:\s+(?:{adverbs}))*"
    return _Refusals(re.compile(rf"{refusal}\s*$", re.IGNORECASE), forms,
                     frozenset(word[-1].lower() for word in parts["before"] + parts["adverb"]),
                     re.compile(rf"{refusal}\s+(?:{'|'.join(sorted(forms, key=len, reverse=True))})\b", re.IGNORECASE))


def is_refused(before: str, form: str) -> bool:
    """Return True when the speech verb ``form`` is negated or refused by the words ``before`` it ("did not say",
    "has not conceded", "declined to comment", "did not immediately respond"): it carries no words."""
    refusals = _refusals()
    if form not in refusals.forms:
        return False
    stripped = before.rstrip()
    return stripped[-1:].lower() in refusals.endings and refusals.before.search(stripped) is not None


def in_refusal(before: str) -> bool:
    """Return True when ``before`` holds a refused speech verb whose clause is still open, so a cue verb after it
    belongs to what was not said ("Skyreach did not say when it expected ..."); a clause closed by "but", ", and" or
    ";" ends it ("did not say when, but said ...")."""
    if not any(map(before.__contains__, _REFUSAL_WORDS)):  # ``word in before`` for each, with no Python loop
        return False
    found = None
    for found in _refusals().inside.finditer(before):
        pass
    return found is not None and _CLAUSE_CLOSED.search(before, found.end()) is None


@functools.lru_cache(maxsize=1)
def _institution_heads() -> tuple[str, ...]:
    """Return the organisation heads ``institution_pattern`` reads, as they may be spelled, longest first; read once."""
    heads = {head for head in lexicon().organisation_heads} | {"Government", "Embassy", "Kremlin", "White House"}
    body_nouns = lexicon().body_nouns  # only these are written in lower case as heads ("the regional health authority")
    return tuple(sorted({form for head in heads for form in (head, head[:1].lower() + head[1:])
                         if form[:1].isupper() or form.lower() in body_nouns or head in _LOWER_HEADS
                         or lexicon().organisation_heads.get(head, "other") != "other"}, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def institution_pattern() -> re.Pattern[str]:
    """Return the pattern of an organisation that ends a clause ("the Finance Ministry", "the regional health
    authority", "a statement from the World Bank", "the ministry's press office"), compiled once.

    The heads are a prefix tree (``trie_pattern``): the same matches, with the same preference, as their alternation
    longest first (the heads that match at one place all start the longest of them), which the engine tried head
    by head after each of up to five words at every position of the text."""
    stop = "after|before|the|a|an|of|in|on|at|by|with|for|to|from|and|but|that|which|when|while|as|its|his|her|their"
    return re.compile(_INSTITUTION_TEMPLATE.format(heads=trie_pattern(_institution_heads()), stop=stop))


@functools.lru_cache(maxsize=1)
def _institution_endings() -> frozenset[str]:
    """Return the last words of the heads ``institution_pattern`` reads and of the offices a possessive names after one
    ("the ministry's press office"), read once."""
    offices = {"office", "service", "spokesman", "spokeswoman", "spokesperson"}
    return frozenset(head.split()[-1] for head in _institution_heads()) | offices


def may_end_with_institution(text: str) -> bool:
    """Return False when no match of ``institution_pattern()`` can end ``text``, True when one may: a quick test before
    the search, which tries its heads at every position. A match ends with a head, an office after a possessive
    ("'s press office") or a capitalised word (of an "of" phrase: "the Ministry of Health"), so the last word of
    ``text`` (whitespace after it aside: ``$`` also matches before a last newline) ends with one of the heads' or
    offices' last words, or its last run of word characters and hyphens holds a capital."""
    words = text.rsplit(None, 1)
    if not words:
        return False
    last = words[-1]
    start = len(last)
    while start and (last[start - 1].isalnum() or last[start - 1] in "_-"):
        start -= 1
    if any("A" <= char <= "Z" for char in last[start:]):
        return True
    endings = _institution_endings()
    return any(last[index:] in endings for index in range(len(last)))


@functools.lru_cache(maxsize=8192)
def other_agencies(text: str) -> tuple[tuple[int, int, str], ...]:
    """Return ``find_other_agencies(text)`` for a short text (a clause; cached, as a clause is read several times
    within an article; the drafter empties the cache before each article), in order."""
    return find_other_agencies(text)


def find_other_agencies(text: str) -> tuple[tuple[int, int, str], ...]:
    """Return ``(start, end, name)`` of the outlets named in ``text`` that are not state outlets, in order.

    The news agencies of ``news_agencies.txt``; an outlet that the text itself calls one ("the newspaper Arnhal
    Post", "the broadcaster X"); a name that ends in "News Agency" or "Press Agency". Never a name that merely
    ends in "Agency" ("the National Forestry Agency" is a body of government).
    """
    found = [(match.start(), match.end(), match.group(0)) for match in news_agency_matches(text)
             if not (_RUNS_ON.match(text, match.end()) and _MAY_RUN_ON.match(match.group(0)))]
    if any(map(text.__contains__, _OUTLET_NOUN_WORDS)):  # ``word in text`` for each word, with no Python loop
        calendar = lexicon().calendar
        found += [(start, end, name) for start, end, name in named_outlets(text)
                  if name.split()[0] not in calendar]  # "told the paper Monday" names no paper
    return tuple(sorted(found))


def named_outlets(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, name)`` of the name each match of ``_NAMED_OUTLET.finditer(text)`` holds (its group
    "name" or "name2"), in order, found with the same result by searching its two alternatives apart.

    The match from a position is the one of the alternative that starts first (the first alternative's when both
    start at the same place); the next is searched from its end, as ``finditer`` does. An alternative's match that
    starts at or after that end is kept, as searching it again would find it again.
    """
    padded = f" {text}"  # a described outlet's match at ``index`` in ``padded`` is one at ``index`` in ``text``
    found: list[tuple[int, int, str]] = []
    # The same result: every match of the first alternative holds a noun's last word and the name after it.
    named = any(_NAME_AFTER_NOUN[noun].search(text) for noun in filter(text.__contains__, _OUTLET_NOUN_ENDS))
    described = _DESCRIBED_OUTLET_AFTER.search(padded) if named else None
    # The same result: every match of the second alternative ends in "News Agency" or "Press Agency".
    agency = _AGENCY_NAMED_SEARCH.search(text) if "s Agency" in text else None
    while described is not None or agency is not None:
        if agency is None or described is not None and described.start() <= agency.start():
            found.append((described.start("name") - 1, described.end("name") - 1, described.group("name")))
            end = described.end() - 1
        else:
            found.append((agency.start(), agency.end(), agency.group("name2")))
            end = agency.end()
        if described is not None and described.start() < end:
            described = _DESCRIBED_OUTLET_AFTER.search(padded, end)
        if agency is not None and agency.start() < end:
            agency = _AGENCY_NAMED_SEARCH.search(text, end)
    return found


# Letters after a person's name, between commas: a civil service, an honour, a degree ("Kavitha Ramasubramanian, IAS,").
_POST_NOMINALS = frozenset("IAS IPS IFS IRS QC KC SC MP MLA MPP MBE OBE CBE KBE PhD MD".split())


@functools.lru_cache(maxsize=8192)
def is_aside(segment: str) -> bool:
    """Return True for words between commas that describe the subject rather than name it.

    ", a senior fellow at the Centre ... in Port Town," and ", director of ...," are
    asides; ", former ambassador Jane Doe," names the speaker (a name that does not
    follow a preposition ends it). Cached, as each cue verb of a sentence reads the segments before it again; the
    drafter empties the cache before each article (``forget_previous_article``).
    """
    if segment.isdigit() or _PARTY_TAG.match(segment) or segment in _POST_NOMINALS:  # an age: "Ana Ruiz, 61, said";
        return True  # a party: ", D-Harlan,"; letters after a name: "District Collector X, IAS, said"
    if (title := _TITLE_OF.match(segment)) is not None and lexicon().role_noun.search(title.group("title")):
        return True  # ", Director-General of the authority,": the title, not the name
    last = segment.rsplit(None, 1)[-1] if segment else ""
    if last.islower() and (last in lexicon().body_nouns or lexicon().role_noun.fullmatch(last)) and " " in segment:
        return True  # ", European football's governing body,", ", Kowal's deputy,": a description, not a name
    if not segment or not segment[0].islower() and not ASIDE_START.match(segment) and not is_titled_apposition(segment):
        return False
    runs = list(lexicon().run.finditer(segment))
    if runs and runs[-1].end() == len(segment) and not _PREPOSITION_END.search(segment[: runs[-1].start()]):
        _, name, _ = split_title(runs[-1].group(0))
        if name and not ASIDE_START.match(segment) and not is_titled_apposition(segment):
            return False
    return True


def last_comma(text: str) -> int:
    """Return the index of the last comma of ``text`` that is not inside a number ("2,000"), or -1."""
    cut = text.rfind(",")
    while cut > 0 and cut + 1 < len(text) and text[cut - 1].isdigit() and text[cut + 1].isdigit():
        cut = text.rfind(",", 0, cut)
    return cut


@functools.lru_cache(maxsize=8192)
def strip_appositives(before: str) -> str:
    """Return the words before a cue without trailing asides (", a senior fellow at ...,", ", in turn,").

    Cached, as the same words before a cue are read for its document, its subject and its cue text; the drafter
    empties the cache before each article (``forget_previous_article``)."""
    clause = before.rstrip()
    while clause.endswith(","):
        body = clause[:-1].rstrip()
        cut = last_comma(body)
        segment = body[cut + 1 :].strip()
        if cut < 0 or not (is_aside(segment) or _PLACE_BEFORE.search(body, 0, cut) and segment[:1].isupper() and " " not in segment):
            outer = _participle_object_start(body, cut)
            if outer < 0:
                return body  # an aside is dropped, and a place named after its noun (", in the capital, Bremholt,")
            cut = outer  # ", speaking alongside the head of the agency, Carla Ruiz,": both go
        clause = body[: cut + 1]
    return clause


def _participle_object_start(body: str, cut: int) -> int:
    """Return where a participial phrase starts (its comma) when the name after ``cut`` renames that phrase's last
    noun ("Joaquin de Almeida, speaking alongside the head of the agency, Carla Ruiz"), else -1."""
    if cut < 0:
        return -1
    outer = last_comma(body[:cut])
    return outer if outer > 0 and _PARTICIPLE_PHRASE.match(body[outer + 1 : cut].strip()) else -1


def cue_start(agent_text: str) -> int:
    """Return where the agent of "X cited ... as saying" starts in ``agent_text`` (after the last comma or Q)."""
    comma, slot = agent_text.rfind(","), agent_text.rfind(QUOTE_SLOT)
    start = max(comma + 1 if comma >= 0 else 0, slot + len(QUOTE_SLOT) if slot >= 0 else 0)
    return start + len(agent_text[start:]) - len(agent_text[start:].lstrip())


def cue_text(before: str, verb: str, after: str, for_quote: bool, inverted: bool = False) -> str:
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
    words_before = strip_appositives(before)
    clause = words_before[cue_start(words_before) :].strip()  # after the last comma or quotation (CLAUSE_BREAK)
    words = clause.split()
    subject = " ".join(words[-8:]) if words else ""
    return f"{subject} {verb}".strip()

