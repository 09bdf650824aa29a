"""The attribution patterns: a small ordered set of declarative patterns, tried in order on a sentence's frame.

The frame is the sentence with each quotation replaced by ``QUOTE_SLOT``. The first pattern that finds a
speaker decides; its name goes into the row's DRAFT explanation ("pattern: passive relay"). In order:

* **passive relay** — "Ivanov was quoted by Interfax as saying", "..., she was cited by TASS as saying";
* **relay as saying** — "TASS quoted Ivanov as saying", "the agency cited him as saying";
* **agency learned** — "Xinhua learned from a source at the ministry that" (the agency speaks, relayed);
* **own claim** — "It is understood that", "ITV News understands that" (the outlet's unnamed sources), "..., The
  Telegraph can reveal" (the outlet's own finding: narration);
* **polled by** — "Analysts polled by Reuters had expected" (the outlet speaks for the people it polled);
* **relay citing** — "TASS reported, citing Petrenko" (Petrenko the speaker, relayed by TASS);
* **closing cue** — a cue clause after the sentence's last comma ("..., the ministry said on Tuesday") decides
  over cue verbs inside the reported words before it ("The ministry expects prices to fall, Tanaka said");
* **cue verb** — a cue verb (any inflection of ``cue_verbs.txt``) with its subject before it ("Kowal said",
  "the ministry said in a statement", "Ana Ruiz, 61, said", "Ruiz also said", coordinated: "Kowal arrived
  and said") or after it ("said Kowal"); "told X" and "according to X" name the relay;
* **relative cue** — "Among them was Ruth Ogundipe-Larsen, 29, a nurse, who said she had worked ...": a cue verb
  whose subject is "who", in a sentence with no other cue, goes to the person the relative clause hangs on;
* **participle cue** — "The agency kept the alert in place, warning that ...": the name the sentence opens with;
* **according to** — "according to the ministry", "according to a statement from ...";
* **in X's words** — "in his words", "in Kowal's words", "in her view", "in his opinion";
* **for person** — "For Dr. Ana Ruiz, a researcher at X, the sector must ...": the person's view, paraphrased;
* **view sees** — "Marten Vogel, a shipping consultant, sees bad faith on both sides", "Some scholars see it as ...";
* **cue noun** — an act done "in a letter" or "in a statement" by the name the sentence opens with ("Archbishop X
  gave his consent in a letter to the foundation");
* **estimate put** — "Analysts at X put the cost at about $1,050", "A survey by X had put the mayor eight points ahead";
* **refusal** — no pattern found a speaker, and a speech verb is refused ("The ministry did not respond to a request
  for comment", "She did not say how much", "declined to comment"): the outlet's narration, with the reason.

``medialit.draft.sources`` adds **study authors** and **data over unnamed** (before the closing cue), **document cue**
and **outlet's own work** (after the cue verb), and the makers of documents inside a cue's subject.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from medialit.draft.cues import (
    strip_appositives,
    DATELINE_OPEN,
    OBJECT_PRONOUN,
    PASSIVE_BEFORE,
    after_non_word,
    may_hold_ignoring_case,
    cue_start,
    cue_text,
    ends_with_agency_noun,
    interview_words,
    in_refusal,
    is_refused,
    other_agencies,
)
from medialit.draft.model import NARRATION, Attribution, outlet_name
from medialit.draft.quotations import QUOTE_SLOT
from medialit.draft.sources import document_author, document_cue, document_relative, clause_subject, data_over_unnamed, learned_pattern, mentions_learning, outlet_data_subject, outlet_staff, outlet_work, per_source, study_authors
from medialit.text.mentions import lexicon, organisation_kind, trie_pattern
from medialit.text.words import cue_verbs

if TYPE_CHECKING:
    from medialit.draft.drafter import Drafter
    from medialit.draft.subjects import Subject

_AS_SAYING = re.compile(r"\b(?:cited|quoted)\s+(?P<object>.+?)\s+as\s+(?:saying|telling|stating|writing)\b")
_PASSIVE_RELAY = re.compile(
    r"\b(?:was|were|is|are|has been|had been|being)\s+(?:(?:also|later|earlier|widely)\s+)?(?:quoted|cited)\s+(?:(?:by|in)\s+(?P<agency>.+?)\s+as\s+"
    r"(?:saying|telling|stating|writing)\b|as\s+(?:saying|telling|stating|writing)(?:\s+(?:by|in)\s+(?P<after>[^,.;:!?]+))?)"
)
# A capitalised name after "the" (never a person's): "the Financial Courier", "the newspaper Volna", "the Ostburger
# Bote newspaper" (the kind of outlet after the name).
_NAMED_BY = re.compile(r"(?:the|The)\s+(?:[a-z]+\s+){0,2}(?P<name>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3})"
                       r"(?:\s+(?:newspaper|daily|weekly|paper|magazine|website|news portal|broadcaster))?")
# Words that name the outlet that carried someone's words: "citing Petrenko", "in comments carried by TASS".
# A clause opened by a participle ("Asked about the payments X described, ...") holds no cue of the sentence.
_PARTICIPLE_CLAUSE = re.compile(r"(?:^|[.;]\s)(?:Asked|Questioned|Pressed)\b[^,]*$")
# A possessive or determiner right before the word makes it a noun: "Bianchi's remarks", "the report", "his call".
_NOUN_BEFORE = re.compile(r"(?:[’']s|\b(?:the|a|an|his|her|its|their|our|this|that|these|those))\s+$", re.IGNORECASE)
# A closing clause that is a relative or adverbial clause, not a cue clause: "..., which he said was fair".
# A verb inside a relative clause still open before it: "Two drivers, who feared losing their jobs, told CBC".
# A relative word may follow its preposition: "..., after which Mayor X dismissed him", "..., under which the fund said".
_IN_RELATIVE = re.compile(r",\s*(?:(?:after|before|during|under|by|in|on|at|with|from|through|since|of)\s+)?"
                          r"(?:who|which|whom|whose)\b[^,]*$")
# A verb giving the reason a source asked for anonymity, inside a relative clause with no comma: "A mechanic who asked
# not to be identified because he feared losing his job said ...": "feared" is no cue, "said" is.
_ANONYMITY_REASON = re.compile(r"\bwho\s+[^,]*\bbecause\s+(?:he|she|they)\s+$")
# A cue verb whose subject is "who" after a comma: "..., an intensive care nurse, who said she had worked".
_WHO_CUE = re.compile(r",\s+who\s+(?:also\s+|later\s+)?(?P<verb>[a-z]+)\b")
# Words that open a clause after a comma that is no closing cue clause: a relative or adverbial clause, and a
# contrast ("..., not the 1.2% the ministry forecasts", "..., rather than the rise the bank expects").
_RELATIVE_START = re.compile(r"^(?:which|who|whom|whose|that|as|while|when|where|after|before|because|although|though|if|but|and|adding|saying|"
                             r"not|rather\s+than|instead\s+of)\b", re.IGNORECASE)
# Verbs whose subject must be a document or a court: "A 2023 report by the state department found", "data from X
# showed", "The court found that", "the statement read" (only a document's words).
_DOCUMENT_VERBS = ("find", "show", "read")
_DOCUMENT_WORDS = ("report", "reports", "study", "studies", "survey", "data", "figures", "analysis", "audit", "review", "poll",
                   "assessment", "investigation", "inquiry", "records", "documents", "statistics", "census", "estimates",
                   "file", "ruling", "judgment", "research", "paper", "statement", "communique", "communiqué", "notice",
                   "letter", "memo", "court", "tribunal", "judge", "judges", "jury", "bench", "panel")
# The words as a prefix tree (``trie_pattern``), which the engine reads letter by letter instead of word by word at
# each place a word starts: the same texts match (only whether one does is read), in about half the time.
_DOCUMENT_END = re.compile(rf"\b(?i:{trie_pattern(_DOCUMENT_WORDS)})\b"
                           r"(?:\s+(?:published|released|issued)(?:\s+(?:last|this|earlier\s+this)\s+[a-z]+|\s+(?:in|on)\s+[A-Z0-9]\w*"
                           r"(?:\s+\d{1,2})?)?)?"  # "An OECD survey published last year found"
                           r"(?:\s+(?:(?:published|compiled|released|issued|conducted|commissioned|carried out)(?:\s+[\w\-]+){0,3}?\s+)?"
                           r"(?:by|from|of)\s+(?:[^,;:]|,(?=\d))+)?$")
# The name after "told": "told ABC Radio", "told NewsChannel 9", "told the Post that" (not "told the Senate", not "told Ukraine's president").
_OUTLET_WORD = re.compile(r"\b(?:News|Radio|TV|Television|Broadcasting|Broadcaster|Press|Channel|NewsChannel|Online|FM)\b")
_TOLD_NAME = re.compile(r"(?:the\s+)?(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})(?![\w’'\-])(?!\s*[’']s)")
# A cue participle after the main clause, and the name the sentence opens with (its subject).
_PARTICIPLE_CUE = re.compile(r",\s+(?P<verb>warning|saying|adding|noting|arguing|insisting|stressing|claiming|urging|explaining|"
                             r"blaming|citing|calling for)\b")
_OPENING_NAME = re.compile(r"(?:The\s+)?(?P<name>[A-Z][\w’'.&\-]*(?:\s+(?:of|for|and|the|&|[A-Z][\w’'.&\-]*))*?)"
                           r"(?:\s+\([A-Z][A-Z0-9&\-]{1,11}\))?(?=\s+(?!(?:of|for|and|the)\b)[a-z])")
_NOUN_AFTER = re.compile(r"(?:\s+[a-z]+\b){1,3}")
# The word boundary before "in" is a look-behind after its first letter (no word character before it), so the engine
# skips to an "I" or "i" instead of trying the boundary at every position: the same matches.
_IN_A_REPORT = re.compile(r"[Ii](?<!\w[Ii])n\s+(?:a|an|its|the)\s+(?:[\w\-]+\s+)?"
                          r"(?:report|study|survey|analysis|audit|review)\b")
_DOCUMENT_END_AFTER = after_non_word(_DOCUMENT_END)  # searched in the words after one space (the same result, faster)
_COMMA = re.compile(",")
_AUXILIARY_END = re.compile(r"\b(?:does|do|did|will|would|can|could|may|might|should|must)(?:\s+not|n[’']t)?\s*$")
# A future act before a cue verb's base form, not negated: "will announce", "will also report" ("will not say" is a
# refusal, ``refusals.txt``).
_FUTURE_END = re.compile(r"(?:(?<![\w’'])(?:will|shall)|[’']ll)\s+(?:also\s+|soon\s+|later\s+)?$")
# No answer, so no words: "did not respond to a request for comment", "has not replied to Al Jazeera's questions".
_NO_ANSWER = re.compile(r"^\s+to\s+(?:[\w’'\-]+\s+){0,4}?(?:requests?|calls?|messages?|e-?mails?|questions|inquiries|enquiries|"
                        r"queries)\b(?:\s+(?:for|seeking)\s+comment)?")
_WITHHELD = frozenset("say disclose reveal specify elaborate explain identify name detail give".split())
_NEGATED_END = re.compile(r"(?:\bnot|\bnever|n[’']t)\s*$")
_OWNER_DOCUMENT = re.compile(r"^(?P<owner>[A-Z][A-Z0-9&\-]{1,11}|[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3})\s+"
                             r"(?:figures|data|estimates|statistics|report|survey|records|calculations)$")
_BARE_DOCUMENT = re.compile(r"^(?:a|an|the)\s+(?:\w+\s+)?(?:statement|report|communiqu[eé]|press release|note|notice|filing)"
                            r"(?:\s+(?:posted|published|issued|released|put out)\s+(?:on|to|via)\s+(?:its|their)\s+[\w\- ]{1,30})?$",
                            re.IGNORECASE)  # "according to a statement posted on its website": the body the sentence opens with
_CITING = re.compile(r",?\s*citing\s+(?P<who>[^,.;:!?]+)")
_CARRIED_BY = re.compile(r"\b(?:carried|published|broadcast|aired|reported|interviewed|contacted|reached|questioned|[Aa]sked|[Qq]uestioned)\s+by\s+"
                         r"(?P<outlet>[^,.;:!?]+)")
# People an outlet polled: the outlet speaks for them ("Analysts polled by Reuters had expected a cut").
_POLLED_BY = re.compile(r"^(?:(?:[A-Z]?[a-z\-]+|\d+)\s+){0,3}?(?:analysts|economists|experts|traders|investors|strategists|"
                        r"respondents|people|voters|executives|officials)\s+(?:polled|surveyed|consulted|interviewed|contacted)\s+(?:by|for)\s+"
                        r"(?P<outlet>[^,.;:!?]+?)(?=\s+(?:last|this|earlier|in|on|had|have|has|were|are|expect|forecast|predict|see|said|say)\b|[,.;:]|$)",
                        re.IGNORECASE)
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|(?<=, )per(?=\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){0,2}[A-Z])|^Under(?=\s+(?:the|this|that)\s+"
                        r"(?:[\w\-]+\s+)?(?:document|decree|resolution|order|agreement|plan|programme|program|law|contract)\s*,))"
                        r"\s+(?P<source>[^,.;:!?]+)")  # also "Under the document, the mill must ...": the document's words
_IN_WORDS = re.compile(r"\b[Ii]n\s+(?P<who>his|her|their|(?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*[’']s?)\s+(?:own\s+)?"
                       r"(?:words|opinion|view|assessment|estimation|judgement|judgment)\b")
_IN_WORDS_NOUNS = (" words", " opinion", " view", " assessment", " estimation", " judg")
_REPORT_PREFIX = re.compile(r"^(?:(?:a|an|the)\s+)?(?:written\s+|new\s+|official\s+|latest\s+|preliminary\s+)?"
                            r"(?:statement|communiqu[eé]|press release|report|figures|data|estimates|survey|statistics)\s+"
                            r"(?:(?:released|published|compiled|issued|provided|posted)\s+)?(?:from|by|of)\s+",
                            re.IGNORECASE)
# A date after the source: "according to figures released by the Ministry of Health on March 9".
_TRAILING_WHEN = re.compile(r"\s+(?:on|last|this|late on|early on|in)\s+(?:[A-Z][a-z]+|\d{4})(?:\s+\d{1,2})?$")
# A name in apposition after a described source: "according to its spokesperson, Elena Koleva".
_NAMED_APPOSITION = re.compile(r",\s+(?P<name>[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|de|van|von|bin|bint|al-\w+)){1,4})(?=\s*[,.;]|$)")

# An agency's own sourcing: "Xinhua learned from a source at the ministry that", "WAM has learnt that".
_LEARNED = re.compile(r"\b(?P<verb>(?:has\s+|have\s+|had\s+)?(?:learned|learnt|learns))\b"
                      r"(?:\s+from\s+(?P<source>[^,;:]+?))?(?=\s+that\b|\s*,|\s+(?:on|in)\b|\s*\.?$)")
# The outlet's own knowledge: "It is understood that", "ITV News understands that", "..., The Telegraph can reveal."
_OUTLET_NAME = r"(?:The\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}"
_OWN_CLAIM = re.compile(rf"^(?:It\s+is|It’s|It's|It\s+was)\s+understood\b|(?:^|,\s+)(?P<outlet>{_OUTLET_NAME})\s+"
                        r"(?P<verb>understands|has\s+been\s+told|can\s+reveal|can\s+disclose|can\s+confirm|informs(?=\.?$))\b")
# A quick test before _OWN_CLAIM: one of its verbs, the two-word ones with one space (as the test always read them).
_OWN_WORDS = ("understands", "understood", "been told", "can reveal", "can disclose", "can confirm", "informs")
_PRESS_SERVICE_OF = re.compile(r"^(?:the|its)\s+(?:press|media)\s+(?:service|office)\s+of\s+(?P<body>.+)$", re.IGNORECASE)
_PARTY_BRACKETS = re.compile(r"\s*\((?:[DRI]|Dem|Rep|Ind)-[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}\)")
# An estimate: "Analysts at X put the cost at about $1,050 an ounce", "A survey by X had put the mayor eight points ahead".
_PUT = re.compile(r"\b(?:had\s+|has\s+|have\s+)?puts?\s+(?P<what>[^,;:]{1,60}?)\s+(?:at\s+(?:about|around|roughly|some|nearly|"
                  r"almost|more\s+than|less\s+than|up\s+to|least|between|just|over|under|[$€£¥]|\d)|(?:level|ahead|behind)\b)")
# The outlet's own evidence in a source: "documents seen by the M&G", "data compiled by Bloomberg", "a Reuters review".
_OWN_EVIDENCE = re.compile(r"\b(?:seen|obtained|compiled|reviewed|examined|analy[sz]ed)\s+by\s+(?P<outlet>.+)$|"
                           r"^(?:a|an)\s+(?P<outlet2>[A-Z].*?)\s+(?:review|analysis|tally|count|investigation)\b")
_SEEN_BY = re.compile(r"\b(?:seen|obtained|reviewed|examined)\s+by\s+(?:the\s+)?(?P<outlet>.+)$")
_DOCUMENT_OWNER = re.compile(r"^(?:a|an|the)\s+(?P<owner>[a-z]+(?:\s+own)?)\s+(?:document|documents|memo|letter|report|email|"
                             r"e-mail|briefing|draft|note|presentation|plan|proposal|contract)\s+(?:seen|obtained|reviewed|examined)\s+by\b")
_LEADING_THE_WORD = re.compile(r"^(?:the|The)\s+")
# A cue noun that makes an act the words of its doer: "X gave his consent in a letter to the foundation".
_CUE_NOUN = re.compile(r"\bin\s+(?:a|an|its|his|her|their)\s+(?:[\w\-]+\s+){0,2}?(?:statement|letter|post|memo|message|e-?mail|"
                       r"press\s+release|communiqu[eé]|blog\s+post|video|speech|address|interview)\b")
# Words that embed a clause inside the reported words ("roughly twice what they had expected", "more than they said").
_EMBEDDED_BEFORE = re.compile(r"\b(?:what|which|whom|whose|than)\b")
# A view in the present: "Marten Vogel sees bad faith on both sides", "Some legal scholars see the judgment as ...".
_SEES = re.compile(r"\b(?P<verb>sees|see)\s+(?!(?:to|it|that|if|whether|what|how|no\s+reason)\b)")
_SEES_AFTER = after_non_word(_SEES)
# A noun with a relative clause after a comma: "..., an accusation the PRC denied", "..., a claim the ministry rejects".
_REDUCED_RELATIVE = re.compile(r"^(?:an?|the)\s+(?:[\w\-]+\s+)?(?:accusation|allegation|claim|charge|figure|estimate|view|"
                               r"description|characteri[sz]ation|account|version|assessment|position|suggestion|assertion)s?\s+"
                               r"(?!that\b|of\b|by\b)", re.IGNORECASE)
# A resumptive noun phrase after a comma sums up the sentence with a relative clause of its own ("..., a rebound that
# scientists link to farmers"): its cue verb attributes only the noun, so it closes no sentence as its cue.
_RESUMPTIVE = re.compile(r"^an?\s+(?:[\w\-]+\s+){0,2}?[\w\-]+\s+(?:that|which)\s", re.IGNORECASE)
# The same with the relative's subject a pronoun and no "that": "..., a process he expects to take four days".
_PRONOUN_RELATIVE = re.compile(r"^an?\s+(?:[\w\-]+\s+){0,2}?[a-z][\w\-]*\s+(?:he|she|they|we)\s", re.IGNORECASE)
# "report" with a company's accounts as its object: "reports results next week", "reported quarterly earnings".
_ACCOUNTS_OBJECT = re.compile(r"\s+(?:its\s+|their\s+)?(?:(?:first|second|third|fourth)-quarter\s+|quarterly\s+|annual\s+|"
                              r"half-year\s+|full-year\s+|interim\s+|first-half\s+)?(?:results|earnings)\b(?!\s+(?:that|of)\b)")
# "listed" as a company's going public, not a list of points: "since the company listed in 2021", "listed on the Nasdaq".
_MARKET_LISTING = re.compile(r"\s+(?:in\s+\d{4}\b|on\s+(?:the\s+)?(?:[A-Z][\w\-]*\s+){0,3}(?:Stock\s+Exchange|Exchange|Nasdaq|bourse)\b)")
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "it": "it"}
# "according to the same source": the source of the sentence before speaks again.
_SAME_SOURCE = re.compile(r"^the same (?:source|sources|statement|press release|communiqu[eé]|report)$", re.IGNORECASE)
# A body's own document named with a possessive: "the ministry's annual coastal wetlands report", "the agency's
# Coastal Habitat Report 2025", "the council's latest figures": the body speaks.
_POSSESSIVE_DOCUMENT = re.compile(
    r"^(?P<owner>(?:the\s+)?(?:[A-Z][\w\-]*\s+){0,5}[\w\-]+)[’']s?\s+(?:[\w\-]+\s+){0,4}?"
    r"(?i:report|plan|survey|study|data|figures|statistics|estimates|records|statement|communiqu[eé]|press release|"
    r"assessment|review|website|bulletin|count|tally|forecast|projections)(?:\s+(?:for\s+)?\d{4})?$")
Pattern = Callable[["Drafter", str, bool], "Attribution | None"]


# The last letters PASSIVE_BEFORE's words may end with, in any case ("ſ", the long s, matches "s" ignoring case).
_PASSIVE_LAST = frozenset("sSſeEnNgGoOyYlLwWtT")


@functools.lru_cache(maxsize=1)
def _document_forms() -> frozenset[str]:
    """Return the forms of the cue verbs that only a document takes as subject ("found", "shows"), read once."""
    return frozenset(form for verb in cue_verbs() if verb.base in _DOCUMENT_VERBS for form in verb.forms)


def passive_relay(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of "X was quoted by AGENCY as saying" (X stays the speaker, relayed), or None."""
    if " as " not in frame or (match := _PASSIVE_RELAY.search(frame)) is None:
        return None
    by = match.group("agency") or match.group("after")
    if by is None:  # "He was quoted as saying": the agency named last quoted him
        by = ""
    by = by.split(",")[0] if "," in by else by  # "by the Beiling Daily, a newspaper run by ..., as saying": the name
    agency = drafter.agency_in(by) if by else drafter.last_agency
    named = _NAMED_BY.fullmatch(by.strip()) if agency is None and by else None
    if named is not None and not drafter.lex.organisation_head.search(named.group(0)) \
            and not drafter.lex.role_noun.search(named.group("name")):
        agency = named.group("name")  # "quoted by the Financial Courier as saying": the construction names an outlet
    subject = drafter.speaker_before(frame[: match.start()])
    if agency is not None:
        drafter.last_agency = agency
    cue = frame[cue_start(frame[: match.start()]) : match.end()].strip()
    how = f"cue '{cue}': {outlet_name(agency) if agency else 'an outlet'} relays the words"
    return drafter.attribution(subject, cue, agency, how, "passive relay")


# An agency told by its source, passive: "..., RIA Novosti was told by the committee's press service on Wednesday."
_TOLD_BY = re.compile(r"(?P<agency>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})\s+was\s+(?:also\s+)?told\s+(?:by|in|at)\s+"
                      r"(?P<source>[^,;:.]+?)(?:\s+(?:on|late|earlier)\s+[A-Za-z]+)?(?=\s*(?:[,;:.]|$)|\s+that\b)")


def told_by(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of "AGENCY was told by X" or, as BelTA writes, "was told in the district department"
    (X's words, relayed by the agency), or None when the one told is no news agency or X is no one the rules can name."""
    if for_quote or " was told " not in frame and " was also told " not in frame or (match := _TOLD_BY.search(frame)) is None:
        return None
    agency = drafter.agency_in(match.group("agency"))
    if agency is None:
        return None
    subject = drafter.speaker_before(match.group("source"))
    if subject is None or subject[0] in ("outlet", "pronoun"):
        return None
    drafter.last_agency = agency
    cue = match.group(0).strip()
    return drafter.attribution(subject, cue, agency, f"cue '{cue}': {outlet_name(agency)} relays the words", "told by")


# A report named by who made it, passive, as Ukrinform writes: "This was reported on Telegram by Head of the X Oleh
# Savchuk." (the words of the sentence before are that person's).
_REPORTED_BY = re.compile(r"^(?:This|It|That)\s+was\s+(?:also\s+)?(?P<verb>reported|announced|stated|said|posted)\s+"
                          r"(?:(?:on|in|via)\s+(?:[A-Z][\w\-]*|the\s+[\w\-]+)(?:\s+[a-z]+)?\s+)?by\s+(?P<source>[^,.;:!?]+?)"
                          r"(?:,\s+(?P<agency>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})\s+(?:reports|reported|writes))?\s*\.?$")


def reported_by(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of "This was reported on Telegram by X" (X's words), or None when X is no one the rules
    can name."""
    if for_quote or " by " not in frame or (match := _REPORTED_BY.match(frame)) is None:
        return None
    subject = drafter.speaker_before(match.group("source"))
    if subject is None or subject[0] == "pronoun":
        return None
    agency = drafter.agency_in(match.group("agency")) if match.group("agency") else None  # "..., Ukrinform reports."
    cue = frame[: match.start("source")].strip()
    how = f"cue '{cue}': the report is named by who made it" + (f", and {outlet_name(agency)} relays it" if agency else "")
    return drafter.attribution(subject, cue, agency, how, "reported by")


def as_saying(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of "AGENCY quoted X as saying" (X the speaker, relayed by the agency), or None."""
    if " as " not in frame or (match := _AS_SAYING.search(frame)) is None or match.group("object").startswith(("by ", "in ")):
        return None  # "X was quoted by the Interfax news agency as saying": the passive relay, X the speaker
    agent_text = frame[: match.start()]
    named = drafter.agency_in(agent_text)
    agency = named or (drafter.last_agency if ends_with_agency_noun(agent_text.strip()) else None)
    cue = frame[cue_start(agent_text) : match.end()].strip()
    obj = match.group("object")
    subject = drafter.speaker_after(obj) or (drafter.speaker_before(obj) if obj else None)
    if subject is None and OBJECT_PRONOUN.fullmatch(obj.strip()):
        subject = ("pronoun", obj.strip())
    if agency is not None:
        drafter.last_agency = agency
    how = f"cue '{cue}': {outlet_name(agency) if agency else 'an outlet'} relays the words"
    return drafter.attribution(subject, cue, agency, how, "relay as saying")


def agency_learned(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of an agency's own sourcing ("Xinhua learned from a source at X that ...": the agency
    speaks, relayed), or None. The source becomes the unnamed source that "According to the source" continues."""
    if not mentions_learning(frame) or (match := learned_pattern().search(frame)) is None:
        return None
    subject = drafter.speaker_before(frame[: match.start()])
    if subject is None or subject[0] != "outlet":
        return None
    source = (match.group("source") or "").strip()
    cue = frame[cue_start(frame[: match.start()]) : match.end()].strip()
    named = _named_source(drafter, source) if source else None
    if named is not None:  # "BelTA learned from the press service of the X Committee": the committee speaks, relayed
        return drafter.attribution(named, cue, subject[1], f"cue '{cue}': a named source's words, relayed by the agency",
                                   "agency learned")
    if source:
        drafter.last_unnamed, drafter.anonymous_agency = source, subject[1]  # type: ignore[assignment]
    return drafter.attribution(subject, cue, subject[1], f"cue '{cue}': the agency's own sourcing", "agency learned")


def _own_evidence(drafter: Drafter, source: str) -> bool:
    """Return True when an "according to" source is the outlet's own evidence: documents an outlet saw, obtained or
    compiled ("documents seen by the M&G", "data compiled by Bloomberg"), or its own review ("a Reuters review of
    ..."). The outlet is a listed one, or (after "seen by") a capitalised name that is no organisation and no person
    (a name written with "the" is none)."""
    own = _OWN_EVIDENCE.search(source)
    if own is None:
        return False
    name = (own.group("outlet") or own.group("outlet2")).strip()
    if drafter.agency_in(name) is not None:
        return True
    bare = _LEADING_THE_WORD.sub("", name)
    return own.group("outlet") is not None and bare[:1].isupper() and drafter.lex.organisation_head.search(bare) is None \
        and (bare != name or drafter.mentions.known(bare) is None)  # "seen by the Oster Ledger": no person has "the"


def _document_owner(drafter: Drafter, source: str) -> object:
    """Return the organisation whose document an outlet saw ("a ministry document seen by Reuters" -> the ministry;
    "an internal memo seen by Science" -> the body the article spoke of last), or None ("documents seen by the M&G")."""
    owner = _DOCUMENT_OWNER.match(source)
    if owner is None:
        return None
    word = owner.group("owner")
    if word.lower() in ("internal", "its own", "own"):
        return drafter.last_organisation
    return drafter.mentions.organisation(word, drafter.position) if word.islower() else None


def _named_source(drafter: Drafter, source: str) -> tuple[str, object] | None:
    """Return the body or person an agency "learned from" when the words name one ("the press service of the X
    Committee", "the Health Ministry"), or None for an unnamed source ("a source at the ministry")."""
    press = _PRESS_SERVICE_OF.match(source)
    found = drafter.speaker_before(press.group("body") if press else source)
    return found if found is not None and found[0] in ("institution", "person") else None


def view_sees(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of a view in the present tense ("Marten Vogel, a shipping consultant, sees bad faith on
    both sides", "Some legal scholars see the judgment as ..."): a person, unnamed people or analysts; "see" only
    after a plural source. The past ("saw") is what someone witnessed, not a view, and is left alone."""
    if for_quote or " see" not in frame or (match := _SEES_AFTER.search(f" {frame}")) is None:
        return None  # (searched after one space: the match starts where its verb does, one character longer)
    subject = drafter.speaker_before(frame[: match.start()])
    kinds = ("anonymous", "analysts") if match.group("verb") == "see" else ("person", "anonymous", "analysts")
    if subject is None or subject[0] not in kinds:
        return None
    cue = match.group("verb")
    return drafter.attribution(subject, cue, None, f"cue '{cue}': a view in the present tense", "view sees")


def cue_noun(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of an act done "in a letter" or "in a statement" by the person or body the sentence
    opens with ("Archbishop X gave his consent in a letter to the foundation"), when no cue verb decided; or None."""
    if for_quote or " in " not in frame or (match := _CUE_NOUN.search(frame)) is None:
        return None
    dateline = DATELINE_OPEN.match(frame) if "(" in frame[:80] else None  # "VARNHOLM, June 3 (Reuters) - X agreed ..."
    start = dateline.end() if dateline is not None else 0
    opening = _OPENING_NAME.match(frame, start)
    if opening is None or opening.end() > match.start():
        return None
    subject = drafter.speaker_before(frame[start : opening.end()])
    if subject is None or subject[0] not in ("person", "institution"):
        return None
    cue = match.group(0)
    return drafter.attribution(subject, cue, None, f"cue '{cue}': what {opening.group('name')} did in it", "cue noun")


def estimate_put(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of an estimate with "put" ("Analysts at X put the cost at about $1,050", "A survey by X
    had put the mayor eight points ahead", "Officials put the damage at 2 million euros"), or None."""
    if for_quote or " put" not in frame or (match := _PUT.search(frame)) is None:
        return None
    before = frame[: match.start()]
    if PASSIVE_BEFORE.search(before):
        return None  # "The cost was put at ...": no one named
    subject = drafter.speaker_before(before)
    cue = frame[cue_start(before) : match.end()].strip()
    return drafter.attribution(subject, cue, None, f"cue '{cue}': an estimate", "estimate put") if subject else None


def own_claim(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of the outlet's own knowledge: "It is understood that" and "ITV News understands that"
    (unnamed sources only the outlet stands behind), "..., AGERPRES informs." (an agency's credit line), "The Telegraph can reveal" (the outlet's own finding: narration); None otherwise."""
    if for_quote or not any(map(frame.__contains__, _OWN_WORDS)) or (match := _OWN_CLAIM.search(frame)) is None:
        return None
    cue = " ".join(match.group(0).strip(" ,").split())
    verb = match.group("verb") or "understood"
    if verb == "informs" and (match.group("outlet") is None or drafter.agency_in(match.group("outlet")) is None):
        return None  # "..., the ministry informs.": not an agency's credit line
    if "reveal" in verb or "disclose" in verb or "confirm" in verb or verb == "informs":  # "..., AGERPRES informs.": a credit
        return replace(NARRATION, how=f"pattern 'own claim', cue '{cue}': the outlet's own finding, so its narration",
                       pattern="own claim")
    outlet = match.group("outlet")
    if outlet and drafter.agency_in(outlet) is None and not _OUTLET_WORD.search(outlet):
        return None  # "Kowal understands that ...": a person's understanding, not the outlet's sourcing
    return drafter.attribution(("anonymous", cue), cue, None, f"cue '{cue}': the outlet's unnamed sources", "own claim")


_POLLED_VERBS = ("polled", "surveyed", "consulted", "interviewed", "contacted")  # one is in every match of _POLLED_BY


def polled_by(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of people an outlet polled ("Analysts polled by Reuters expected ..."): the outlet
    speaks, relayed; None when the frame opens with no such subject or names no known outlet."""
    if " by " not in frame and " for " not in frame or not may_hold_ignoring_case(frame, _POLLED_VERBS) \
            or (match := _POLLED_BY.match(frame)) is None:
        return None
    agency = drafter.agency_in(match.group("outlet"))
    if agency is None:
        return None
    cue = match.group(0).strip()
    return drafter.attribution(("outlet", agency), cue, agency, f"cue '{cue}': the outlet's own poll", "polled by")


def _according_to_evidence(drafter: Drafter, source: str, cue: str, how: str) -> Attribution | None:
    """Return the attribution of "according to" a document an outlet saw or compiled: the owner's words relayed by the
    outlet ("a ministry document seen by Reuters"), or the outlet's narration ("documents seen by the M&G", "data
    compiled by Bloomberg"); None for any other source."""
    if not ("by " in source or "review" in source or "analys" in source or "tally" in source) or not _own_evidence(drafter, source):
        return None
    owned = _document_owner(drafter, source)
    if owned is not None:
        relay = drafter.agency_in(source) or _SEEN_BY.search(source).group("outlet").strip()  # type: ignore[union-attr]
        return drafter.attribution(("institution", owned), cue, relay, f"{how}: the body's own document, seen by "
                                   f"{outlet_name(relay)}", "according to")
    return replace(NARRATION, how=f"pattern 'own claim', {how}: documents the outlet itself saw or compiled, so its narration",
                   pattern="own claim")


def _according_to_outlet(drafter: Drafter, source: str, cue: str, how: str) -> Attribution | None:
    """Return the attribution of "according to" a news outlet: its own staff member when one is named ("according to
    ESPN analyst X"), else the outlet; None when ``source`` names no outlet."""
    agency = drafter.agency_in(source) or _report_in_outlet(drafter, source)
    if agency is None:
        return None
    if (staff := outlet_staff(drafter, source)) is not None:
        return drafter.attribution(("person", staff), cue, None, f"{how}: the outlet's own staff", "according to")
    return drafter.attribution(("outlet", agency), cue, agency, how, "according to")


# The maker of a document named after it: "according to the plan, which was drawn up by the Research Agency (RA),".
_AUTHOR_AFTER = re.compile(r",\s+which\s+(?:was|were|had\s+been|has\s+been)\s+(?:drawn\s+up|prepared|written|issued|published|"
                           r"compiled|commissioned|released|drafted|produced)\s+by\s+(?P<author>[^,;:]+?)(?=,|\.?$)")
# "a report in the Hsinlan Daily News", "an article on Radio Orvel": a piece in an outlet no list knows.
_REPORT_IN = re.compile(r"^(?:a|an|the)\s+(?:[\w\-]+\s+)?(?:report|article|story|interview|piece)\s+(?:in|on|by)\s+(?P<outlet>.+)$")


def _report_in_outlet(drafter: Drafter, source: str) -> str | None:
    """Return the outlet no list knows that "a report in X" names (a name with a broadcaster's or news word,
    ``_unlisted_outlet``), or None."""
    match = _REPORT_IN.match(source) if " in " in source or " on " in source or " by " in source else None
    return _unlisted_outlet(drafter, match.group("outlet")) if match is not None else None


def _according_how(cue: str, source: str) -> str:
    """Return how the rules name an "according to" cue in the explanation: "cue 'according to X'", or "cue 'under the
    decree'" for "Under the decree, ..."."""
    return f"cue 'under {source}'" if cue == "Under" else f"cue 'according to {source}'"


def according_to(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of "according to SOURCE" (an agency, an unnamed source, an organisation, a person)."""
    if "ccording to" not in frame and ", per " not in frame and not frame.startswith("Under ") \
            or (match := _ACCORDING.search(frame)) is None:
        return None  # "according to X"; ", per the Department of Planning" (Axios style)
    source = _TRAILING_WHEN.sub("", match.group("source").strip())
    cue = match.group(0)[: len(match.group(0)) - len(match.group("source"))].strip()
    how = _according_how(cue, source)
    named = _NAMED_APPOSITION.match(frame, match.end())
    if named is not None and drafter.lex.role_noun.search(source.split()[-1]):  # "according to its spokesperson, Elena Koleva"
        person = drafter.mentions.person_named(named.group("name").rstrip("."))
        if person is not None:
            return drafter.attribution(("person", person), cue, None, how, "according to")
    body = _named_body_apposition(drafter, source, named)
    if body is not None:  # "according to the city-owned utility, Quenby Water Works."
        return drafter.attribution(body, cue, None, f"{how}, '{named.group('name')}': the body named after it", "according to")  # type: ignore[union-attr]
    outlet = _according_to_evidence(drafter, source, cue, how) or _according_to_outlet(drafter, source, cue, how)
    if outlet is not None:
        return outlet
    own = clause_subject(drafter, frame[: match.start()]) if source.startswith("its ") else None
    if own is not None:  # "Founded in 1957, the observatory employs 64 researchers, according to its website"
        return drafter.attribution(own, cue, None, f"{how}: 'its' is the body the sentence is about", "according to")
    again = _same_source(drafter) if _SAME_SOURCE.match(source) else None
    if again is not None:
        return drafter.attribution(again, cue, None, f"{how}: the source of the sentence before", "according to")
    author = _AUTHOR_AFTER.match(frame, match.end()) if frame.startswith(", which", match.end()) else None
    made = drafter.speaker_before(author.group("author")) if author is not None else None
    if made is not None and made[0] in ("person", "institution"):  # "according to the plan, which was drawn up by X,"
        return drafter.attribution(made, cue, None, f"{how}, '{author.group(0).strip(' ,')}': the document's maker speaks", "according to")
    return drafter.attribution(_according_subject(drafter, frame, source) or ("anonymous", source), cue, None, how, "according to")


def _named_body_apposition(drafter: Drafter, source: str, named: re.Match[str] | None) -> Subject | None:
    """Return the organisation an apposition names after an "according to" source that is a body's noun ("the
    city-owned utility, Quenby Water Works"), or None (no apposition, a source that is no body's noun, or a name the
    rules do not read as an organisation)."""
    if named is None or source.split()[-1].lower() not in drafter.lex.body_nouns:
        return None
    subject = drafter.speaker_before(named.group("name").rstrip("."))
    return subject if subject is not None and subject[0] == "institution" else None


# A document with no owner written: "an official statement", "a notice posted on its website", "a ministry decree
# published on the same day" (a lower-case word before the noun may name the body: "ministry").
_LOOSE_DOCUMENT = re.compile(r"^(?:a|an|the)\s+(?:(?P<modifier>[a-z]+)\s+)?(?:statement|report|communiqu[eé]|press\s+release|note|"
                             r"notice|filing|decree|resolution|order|bulletin)\b")


def _document_issuer_in_sentence(drafter: Drafter, frame: str, modifier: str | None) -> Subject | None:
    """Return the body that issued a document "according to" names without an owner: the one a lower-case word
    before the noun refers back to ("a ministry decree"), else the last body the same sentence names before "according
    to" ("The checks were ordered by the Merrin Rail Safety Board, according to a notice ..."); None when neither is."""
    if modifier and (body := drafter.mentions.described(modifier, drafter.sentence_start + 1)) is not None:
        return ("institution", body)
    cut = drafter.sentence_start + frame.find("ccording to")
    named = [org for org in drafter.mentions.organisations if drafter.sentence_start <= org.position < cut and org.kind]
    return ("institution", named[-1]) if named else None


def _according_subject(drafter: Drafter, frame: str, source: str) -> Subject | None:
    """Return the subject "according to ``source``" names in ``frame``: a pronoun ("according to her"), the body a
    bare document goes back to (the name the sentence opens with), a document's owner ("IOM figures", "the
    ministry's annual report"), the source itself, or the agency named before; None when none is found."""
    pronoun = _OBJECT_PRONOUNS.get(source)
    if pronoun:
        return ("pronoun", pronoun)
    owned = _OWNER_DOCUMENT.match(source) or _POSSESSIVE_DOCUMENT.match(source)  # "According to IOM figures"
    subject = None
    if _BARE_DOCUMENT.match(source) and (opening := _OPENING_NAME.match(frame)) is not None:
        subject = drafter.speaker_before(opening.group("name"))  # "X has allocated 35 million yuan, according to a statement"
    if subject is None:
        subject = drafter.speaker_before(owned.group("owner") if owned else _REPORT_PREFIX.sub("", source))
    if subject is None and (loose := _LOOSE_DOCUMENT.match(source)) is not None:
        subject = _document_issuer_in_sentence(drafter, frame, loose.group("modifier"))
    if subject is None and ends_with_agency_noun(source) and drafter.last_agency is not None:
        subject = ("outlet", drafter.last_agency)
    return subject


def _same_source(drafter: Drafter) -> Subject | None:
    """Return the subject "the same source" goes back to: the person, body or agency of the last attribution (by its
    kind, ``drafter.last_kind``), or None when the last one was unnamed or there was none."""
    if drafter.last_kind == "person" and drafter.last_person is not None:
        return ("person", drafter.last_person)
    if drafter.last_kind == "institution" and drafter.last_organisation is not None:
        return ("institution", drafter.last_organisation)
    if drafter.last_kind == "outlet" and drafter.last_agency is not None:
        return ("outlet", drafter.last_agency)
    return None


# "For Dr. Ana Ruiz, a researcher at X, the sector must ...": a named person's view opening the sentence.
_FOR_PERSON = re.compile(r"For\s+(?P<who>[A-Z][^,;:]{2,60}),\s")


def for_person(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of a sentence that opens with "For <person>," ("For Dr. Ana Ruiz, a researcher at X,
    the sector must focus on quality"; "For Jan Kowal, 41, who ..., the audit is beside the point"): that person's
    view, paraphrased; None when the words after "For" name no person ("For his part", "For the first time")."""
    if for_quote or not frame.startswith("For ") or (match := _FOR_PERSON.match(frame)) is None:
        return None
    subject = drafter.speaker_before(match.group("who"))
    if subject is None or subject[0] != "person":
        return None
    return drafter.attribution(subject, f"For {match.group('who')}", None, f"cue 'For {match.group('who')},': the person's view", "for person")


def in_words(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of "in his words" / "in Kowal's words" / "in her view" / "in their assessment", or None."""
    if not any(noun in frame for noun in _IN_WORDS_NOUNS) or (match := _IN_WORDS.search(frame)) is None:
        return None
    who = match.group("who")
    subject = ("pronoun", {"his": "he", "her": "she"}.get(who, "they")) if who in ("his", "her", "their") else \
        drafter.speaker_before(re.sub(r"[’']s?$", "", who))
    return drafter.attribution(subject, match.group(0), None, f"cue '{match.group(0)}'", "in X's words")


def _excluded_before(before: str, form: str) -> bool:
    """Return True when the words ``before`` a cue verb ``form`` make it no cue: a passive ("was said"), a participle
    clause ("Asked about ..."), a noun ("Bianchi's remarks"), an open relative clause, a refusal ("did not say",
    "declined to comment": no words carried, ``refusals.txt``) or an act still to come ("will announce"). Each
    pattern is searched only when a quick test says it can match (the last character or a literal word it needs),
    with the same result."""
    if is_refused(before, form) or before.endswith("-"):  # "did not say"; "Hong Kong-listed shares" is no cue
        return True
    if in_refusal(before):  # "Skyreach did not say when it expected ...": what was not said
        return True
    if "ll " in before[-12:] and _FUTURE_END.search(before, max(0, len(before) - 12)) and form in lexicon().base_forms:
        return True  # "the committee will announce a grant competition": an act still to come carries no words yet
    last = before.rstrip()[-1:]
    if not form.endswith("ing") and last and last in _PASSIVE_LAST \
            and PASSIVE_BEFORE.search(before, _last_words_start(before, 3)):  # every match is in the last three words
        return True  # "was said", "is also expected", "were not yet known"
    if ("Asked" in before or "Questioned" in before or "Pressed" in before) and _PARTICIPLE_CLAUSE.search(before):
        return True
    # The same result searched from five characters before the last word's end: every match ends with that word
    # (its longest is "these"), and the whitespace after it.
    if before[-1:].isspace() and _NOUN_BEFORE.search(before, max(0, len(before.rstrip()) - 5)):
        return True
    return "wh" in before and (_IN_RELATIVE.search(before) is not None or _ANONYMITY_REASON.search(before) is not None)


def _last_words_start(text: str, count: int) -> int:
    """Return an index of ``text`` at or before the start of its last ``count`` words (split at whitespace, the same
    characters as a pattern's whitespace class): the end of the words before them, or 0 when there are no more."""
    head = text.rsplit(None, count)
    return len(head[0]) if len(head) > count else 0


def _no_answer(before: str, form: str, after: str) -> bool:
    """Return True when a negated verb turns down a request ("did not respond to a request for comment", "has not
    replied to questions"), says nothing ("has not commented publicly on") or withholds something ("did not say when",
    "did not disclose the price"), or reports a company's accounts ("reports results next week"): no words are carried,
    whoever was asked; "did not say that ..." still reports."""
    if form.startswith("report") and _ACCOUNTS_OBJECT.match(after):
        return True  # "Orrin Metals reports results next week": a company publishing its accounts, no words carried
    if _NEGATED_END.search(before[-12:]) is None:
        return False  # a short tail is enough: "did not ", "doesn't ", "has never "
    if form.split()[0] in _WITHHELD and not after.lstrip().startswith(("that", QUOTE_SLOT, ",")):
        return True  # "She did not say how much it would cost", "The council did not disclose the partner's name"
    return form.startswith("comment") or "to " in after[:6] and _NO_ANSWER.match(after) is not None


def _document_before(drafter: Drafter, before: str, form: str) -> tuple[bool, Subject | None]:
    """Return ``(whether the subject before a cue verb is a document, the document's maker if it names one)``:
    "a 2023 report by X", "A survey of 1,140 members, conducted by the academy in October," (nothing is changed)."""
    subject = strip_appositives(before).rstrip(" ,")
    document = _DOCUMENT_END_AFTER.search(f" {subject}") is not None or _IN_A_REPORT.search(before) is not None
    authored = document_author(drafter, before) if document or form in _document_forms() else None
    return document or authored is not None, authored


def _citing_relay(drafter: Drafter, subject: Subject, form: str, after: str) -> Attribution | None:
    """Return the attribution of an outlet's report "citing" a named source ("TASS reported, citing Petrenko": the
    source's words, relayed by the outlet), or None."""
    citing = _CITING.match(after)
    if citing is None:
        return None
    cited = drafter.speaker_before(citing.group("who"))
    if cited is None or cited[0] not in ("person", "institution"):
        return None
    cue = f"{form}, citing {citing.group('who').strip()}"
    return drafter.attribution(cited, cue, subject[1], f"cue '{cue}'", "relay citing")


# A body's people as a plural subject ("Campaigners at Fair Parking for Patients estimate"): a bare base form is a cue.
_STAFF_AT_BODY = re.compile(r"\b(?:[Oo]fficials|[Rr]epresentatives|[Oo]bservers|[Cc]ampaigners|[Aa]ctivists|[Mm]onitors|[Ii]nspectors)"
                            r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z]")


# What follows "named" or "called" when the verb carries no words: a name's origin or an appointment ("named after the
# river", "named as chief executive"), an event convened or cancelled ("called a further protest", "called off").
_NAMED_FOR = re.compile(r"\s+for\s+(?:the|a|an|his|her|its|their)\b")  # "named for the river" (not "called for a review")
_NO_WORDS_AFTER = re.compile(r"\s+(?:after|as\b|off\b|(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}?"
                             r"(?:protest|strike|rally|meeting|election|vote|referendum|halt|boycott|march|sit-in|walkout|"
                             r"press\s+conference|news\s+conference|ceasefire|truce|session|summit|inquiry)s?\b)")
# An inverted cue's unnamed subject, right after the verb: "said the people, who asked not to be identified", "said
# people familiar with the matter", "said two sources."
_UNNAMED_INVERTED = re.compile(r"\s*(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,2}?(?:people|person|sources?|officials?|insiders?)"
                               r"(?=[,.]|\s+(?:familiar|close|with|briefed|who)\b)")


def _carries_no_words(form: str, after: str) -> bool:
    """Return True when the cue verb ``form`` carries no one's words, from what follows it (``after``): shares going
    public ("the company listed in 2021"), a name's origin or an appointment ("named after the river"), an event
    convened or cancelled ("called a further protest", "called off")."""
    if form.startswith("list"):
        return _MARKET_LISTING.match(after) is not None
    if form[:3] in ("nam", "cal"):
        return _NO_WORDS_AFTER.match(after) is not None or form[:3] == "nam" and _NAMED_FOR.match(after) is not None
    return False


def _inverted_subject(drafter: Drafter, subject: Subject | None, before: str, form: str, after: str) -> tuple[Subject | None, bool]:
    """Return the cue's subject and whether it is written after the verb: the one after it when none stands before
    ("..., warned Celeste Harrow"), or an unnamed source after it over a body that only ends the words before ("...
    and a large card network, said the people, who ..."); else ``subject`` as found. Changes nothing."""
    object_verb = form in drafter.lex.object_verbs
    if subject is None and (not object_verb or before.endswith(", ")):
        found = drafter.speaker_after(after)
        return found, found is not None
    if before.endswith(", ") and not object_verb and _UNNAMED_INVERTED.match(after) \
            and (named := drafter.speaker_after(after)) is not None and named[0] == "anonymous":
        return named, True
    return subject, False


def cue_verb(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of the first cue verb whose subject is found (before or after it), or None.

    A bare base form ("say", "report") counts only after a plural or a pronoun ("Some economists say", "they
    say", "Analysts at Berger Lindahl estimate"), so "the IMF report" is no cue; a name after a verb that takes an object ("told Reuters") is never
    its subject.
    """
    lex = drafter.lex
    for verb in after_non_word(lex.cue_verb).finditer(f" {frame}"):
        start, end = verb.start(), verb.end() - 1  # the verb's place in ``frame`` (the match has a character before it)
        before, form = frame[:start], frame[start:end]
        if _excluded_before(before, form):
            continue  # "was said"; "Asked about the payments Vogel described, ..."; "Bianchi's remarks": not the cue
        after = frame[end:]
        document, authored = _document_before(drafter, before, form)
        if _carries_no_words(form, after):
            continue  # "since the company listed in 2021", "a group named after the river", "called a further protest"
        if form in _document_forms() and not document:
            continue  # "found", "showed" attribute only a document's findings ("a 2023 report by X found")
        if document and (own := outlet_data_subject(drafter, before)) is not None:
            return own  # "..., data compiled by Bloomberg show.": the outlet's own data
        subject = authored or drafter.speaker_before(before)
        if form in lex.base_forms and (subject is None or subject[0] not in ("pronoun", "anonymous", "analysts")) \
                and not document and not _AUXILIARY_END.search(before) \
                and not (subject is not None and subject[0] == "institution" and _STAFF_AT_BODY.search(before)):
            continue  # "the IMF report" is no cue; "figures from X show", "The institute does not expect" are
        if _no_answer(before, form, after):
            return None  # "The ministry did not respond to a request for comment", "X did not say when it expected ...": no words
        subject, inverted = _inverted_subject(drafter, subject, before, form, after)
        if subject is None and for_quote and before.strip(f" ,{QUOTE_SLOT}") == "" and drafter.last_person is not None:
            subject = ("unwritten", "")
        if subject is None:
            continue
        if subject[0] == "outlet" and (cited := _citing_relay(drafter, subject, form, after)) is not None:
            return cited  # "TASS reported, citing Petrenko": Petrenko's words, relayed
        relayed_by = _relay_named(drafter, frame, subject[0], form, after)
        cue = cue_text(before, form, after, for_quote, inverted)
        how = f"cue '{cue}'" + (f", words given to {outlet_name(relayed_by)}" if relayed_by is not None else "")
        attribution = drafter.attribution(subject, cue, relayed_by, how, "cue verb")
        if attribution is not None:
            return attribution
    return None


# A closing clause that is only its verb (", conceded.", ", said on Monday."): its subject is the apposition before it
# (", the park's deputy director, X, conceded."), two clauses back.
_BARE_CLOSING_VERB = re.compile(r"\s*(?:also\s+)?[a-z]+(?:\s+(?:on\s+)?[A-Z][a-z]+day)?[.!]?\s*$")


def closing_cue(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of a cue clause that closes the sentence ("..., Agriculture Minister Tanaka said on
    Tuesday."), which decides over cue verbs inside the reported words before it ("The ministry expects ..."), or None.
    """
    if for_quote or "," not in frame:
        return None
    clauses = _cue_clauses(frame, _commas_in_names(drafter, frame))
    for start, end in clauses:
        found = _closing_clause(drafter, frame, start, end)
        if found is not None:
            return found
    if len(clauses) > 2 and clauses[2][1] == clauses[1][0] and clauses[1][1] == clauses[0][0] \
            and _BARE_CLOSING_VERB.match(frame, clauses[0][0] + 1):
        return _closing_clause(drafter, frame, clauses[2][0], len(frame))  # "..., the park's deputy director, X, conceded."
    return None


def _commas_in_names(drafter: Drafter, frame: str) -> set[int]:
    """Return where in ``frame`` the commas inside an organisation's name stand ("the Ministry of Trade, Industry and
    Energy said"): they end no clause."""
    inside: set[int] = set()
    for name in {org.name for org in drafter.mentions.organisations if "," in org.name}:
        at = frame.find(name)
        while at >= 0:
            inside.update(at + index for index, char in enumerate(name) if char == ",")
            at = frame.find(name, at + 1)
    return inside


def _cue_clauses(frame: str, inside_names: set[int] = frozenset()) -> list[tuple[int, int]]:  # type: ignore[assignment]
    """Return the (start, end) of the clauses that may close or interrupt a sentence as its cue: the one after the
    last comma, then short ones between two commas (", Barrowfield said in a statement,"), last first; a comma inside
    an organisation's name (``inside_names``) is no cut. The commas are found by the regex engine, not by a Python
    loop over every character."""
    cuts = [index for index in (comma.start() for comma in _COMMA.finditer(frame)) if index not in inside_names
            and not (0 < index < len(frame) - 1 and frame[index - 1].isdigit() and frame[index + 1].isdigit())]
    clauses = [(cuts[-1], len(frame))] if cuts else []
    clauses += [(a, b) for a, b in reversed(list(zip(cuts, cuts[1:])))
                if len(frame[a + 1 : b].split()) <= 9 + (2 * sum(a < index < b for index in inside_names)
                                                         if inside_names else 0)]
    return clauses


def _closing_clause(drafter: Drafter, frame: str, cut: int, end: int) -> Attribution | None:
    """Return the attribution of the cue clause ``frame[cut + 1 : end]`` (see ``closing_cue``), or None."""
    if QUOTE_SLOT in frame[cut:end]:
        return None
    clause = frame[cut + 1 : end].strip()
    if end < len(frame) and " that " in f" {clause} ":
        return None  # ", Kowal said that ...," opens reported words, it does not interrupt them
    verbs = after_non_word(drafter.lex.cue_verb)  # searched after one space: a match starts where its verb does
    first = verbs.search(f" {clause}") if clause and not _RELATIVE_START.match(clause) else None
    if first is None or verbs.search(f" {frame}", 0, cut + 1) is None:
        return None  # no cue clause, or no other cue verb (the ordinary cue-verb pattern finds the same)
    start, end = first.start(), first.end() - 1  # the first verb's place in ``clause``
    if not clause[:start].strip() and drafter.speaker_after(clause[end:]) is None:
        return None  # "..., said it had asked the company": the verb of the sentence's subject, not a closing cue
    if ("wh" in clause or "than" in clause) and _EMBEDDED_BEFORE.search(clause, 0, start) \
            or _REDUCED_RELATIVE.match(clause) or _RESUMPTIVE.match(clause) or _PRONOUN_RELATIVE.match(clause):
        return None  # "..., roughly twice what they had expected, ...", "..., an accusation the PRC denied": not a cue clause
    found = cue_verb(drafter, clause, False)
    if found is None or found.pattern != "cue verb" or clause[start:end] not in found.cue:
        return None
    how = found.how.replace("pattern 'cue verb'", "pattern 'closing cue'")
    relay = found.relayed_by or (_relay_named(drafter, frame[:cut], found.kind, "", "") if found.kind in ("person", "institution") else None)
    if relay is not None and found.relayed_by is None:  # "In comments carried by TASS, Petrenko said ..."
        how = f"{how}; words given to {outlet_name(relay)}"
    return replace(found, pattern="closing cue", how=how, relayed_by=relay)


# The main verb after a relative clause closes: "X, who announced the levy, was abroad", "..., has since resigned".
_MAIN_VERB_AFTER = re.compile(r",\s+(?:(?:also|later|since|then|now)\s+)?(?:was|is|were|are|has|had|have|did|does|will|would|"
                              r"could|can|remains|remained|faces|faced|lives|lived|died|resigned|left|won|lost)\b")


# A cue verb whose subject is "which" after a body's name: "... developed by Soltera Minerals, which says the project ...".
_WHICH_CUE = re.compile(r",\s+which\s+(?:also\s+)?(?P<verb>says|said|argues|argued|insists|insisted|maintains|maintained|denies|"
                        r"denied|claims|claimed|estimates|estimated|expects|predicts|warns|warned)\b")


def _which_cue(drafter: Drafter, frame: str, which: re.Match[str]) -> Attribution | None:
    """Return the attribution of "<body>, which says ..." to the body named just before "which", or None when the
    words before it end with no body (or the sentence has a cue verb before it)."""
    if drafter.lex.cue_verb.search(frame, 0, which.start()):
        return None
    subject = drafter.speaker_before(frame[: which.start()] + ",")
    if subject is None or subject[0] != "institution":
        return None
    form = which.group("verb")
    return drafter.attribution(subject, f"which {form}", None, f"cue 'which {form}'; 'which' is the body named before it",
                               "relative cue")


def relative_cue(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of a cue verb in a relative clause on a named person ("Among them was Li Meifeng, a
    retired teacher, who said she had waited ...") or body ("..., which says the project ..."), when no cue verb
    comes before it; None otherwise."""
    if for_quote:
        return None
    if ", which " in frame and (which := _WHICH_CUE.search(frame)) is not None:
        return _which_cue(drafter, frame, which)
    if ", who " not in frame or (relative := _WHO_CUE.search(frame)) is None:
        return None
    form = relative.group("verb")
    if not drafter.lex.cue_verb.fullmatch(form) or drafter.lex.cue_verb.search(frame, 0, relative.start()):
        return None
    after = frame[relative.end() :]
    if ", " in after and _MAIN_VERB_AFTER.search(after):
        return None  # "X, who announced the levy in August, was abroad": the clause closes, the sentence goes on about X
    subject = drafter.speaker_before(frame[: relative.start()] + ",")
    if subject is None or subject[0] != "person":
        return None
    relayed_by = _relay_named(drafter, frame, "person", form, after)
    how = f"cue 'who {form}'" + (f", words given to {outlet_name(relayed_by)}" if relayed_by is not None else "")
    return drafter.attribution(subject, f"who {form}", relayed_by, f"{how}; 'who' is the person named before it", "relative cue")


def participle_cue(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of a cue participle after the main clause ("The agency kept the alert in place, warning
    that ...", "X shares fell after it cut its forecast, blaming ..."): the body or person the sentence opens with."""
    if for_quote or ", " not in frame or (match := _PARTICIPLE_CUE.search(frame)) is None:
        return None
    dateline = DATELINE_OPEN.match(frame) if "(" in frame[:80] else None
    start = dateline.end() if dateline is not None else 0  # "KOSTREL, May 7 (Reuters) - Lirovia's central bank held ..."
    opening = _OPENING_NAME.match(frame, start)
    if opening is None:
        return None
    name = opening.group("name")
    if name.endswith(("’s", "'s")) or drafter.lex.name_modifier.match(name):
        name = _described_opening(drafter, frame, start, opening.end()) or name  # "The Paris-based agency", "Lirovia's central bank"
    subject = drafter.speaker_before(name)
    if subject is None or subject[0] not in ("person", "institution"):
        return None
    cue = match.group("verb")
    return drafter.attribution(subject, cue, None, f"cue '{cue}' after the clause that {name} opens",
                               "participle cue")


def _described_opening(drafter: Drafter, frame: str, start: int, end: int) -> str:
    """Return the sentence's opening up to the body noun that ends its subject, when a capitalised word only describes
    the body ("The Paris-based agency also cut ...", "Lirovia's central bank held ..."), or ''."""
    words = _NOUN_AFTER.match(frame, end)
    if words is None:
        return ""
    nouns = words.group(0).split()
    for count in range(len(nouns), 0, -1):
        if nouns[count - 1] in drafter.lex.body_nouns:
            return f"{frame[start:end]} {' '.join(nouns[:count])}"
    return ""


def _relay_named(drafter: Drafter, frame: str, kind: str, verb: str, after: str) -> object:
    """Return the agency a cue names as the relay ("told TASS", "in an interview with RIA", "according to AFP")."""
    interview = interview_words(frame)
    if interview is not None:
        relay = drafter.agency_in(interview.group("target"))
        if relay is None and "agency" in interview.group("target"):
            relay = drafter.last_agency
        relay = relay or _unlisted_outlet(drafter, interview.group("target")) or _described_outlet_after(frame, interview)
        if relay is not None:
            return relay
    for pattern, group in ((_ACCORDING, "source"), (_CARRIED_BY, "outlet")):
        match = pattern.search(frame) if ("ccording" in frame or " by " in frame) else None
        relay = drafter.agency_in(match.group(group)) if match is not None else None
        if relay is not None:
            return relay
    if verb.startswith(("told", "tell")) and (kind == "anonymous" or not after.lstrip().startswith(("reporters", "journalists"))):
        return drafter.agency_in(after.lstrip()[:60]) or _unlisted_outlet(drafter, after)
    return None


def _described_outlet_after(frame: str, interview: re.Match[str]) -> str | None:
    """Return the outlet the words after "in an interview with" call one, up to the next comma ("the Tavessan
    broadcaster Radio Nour": the target the interview pattern reads stops at "the Tavessan"), or None."""
    words = frame[interview.start("target") :].split(",")[0]
    found = other_agencies(words) if words != interview.group("target") else ()
    return found[0][2] if found else None


def _unlisted_outlet(drafter: Drafter, words: str) -> str | None:
    """Return the name of an outlet no list knows that a person "told" ("told ABC Radio", "told the Post"), or None.

    A capitalised name right after the verb with a broadcaster's or agency's word in it ("News", "Radio", "TV",
    "Press") that is no person and no organisation named in the article is taken for the outlet the words were
    given to (the channel is relayed). A newspaper's name alone is not: it may be the article's own publisher,
    whose interview is no relay (``teacher/guide.md``, P10.S1).
    """
    target = _TOLD_NAME.match(words.lstrip())
    if target is None:
        return None
    name = target.group("name")
    if not _OUTLET_WORD.search(name):
        return None  # "told the Lind Bay Observer": a newspaper's name alone may be the article's own publisher
    if drafter.mentions.known(name) is not None or organisation_kind(name, drafter.lex) or name in drafter.mentions.bodies \
            or any(name in org.name for org in drafter.mentions.organisations) or name.split()[0] in drafter.lex.not_names:
        return None
    return name


# Every refusing phrase of ``refusals.txt`` ("before") holds one of these (a test checks it): a quick test first.
REFUSAL_MARKS = ("not", "n't", "n’t", "declin", "refus", "yet to")


def refusal(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the outlet's narration for a sentence whose only cue is a refused speech verb ("X did not respond to a
    request for comment", "declined to say"), saying so in the explanation; None when there is none (or a quotation)."""
    if for_quote or not any(map(frame.__contains__, REFUSAL_MARKS)):  # ``mark in frame`` for each, with no Python loop
        return None
    for verb in drafter.lex.cue_verb.finditer(frame):
        if is_refused(frame[: verb.start()], verb.group(0)):
            refused = frame[cue_start(frame[: verb.start()]) : verb.end()].strip()
            how = f"pattern 'refusal', cue '{refused}': a speech verb negated or refused carries no words, so the outlet's narration"
            return replace(NARRATION, how=how, pattern="refusal")
    return None


# The patterns in the order they are tried (their names appear in the DRAFT explanations).
PATTERNS: tuple[Pattern, ...] = (passive_relay, told_by, reported_by, as_saying, agency_learned, own_claim, polled_by, study_authors, data_over_unnamed,
                                 closing_cue, cue_verb, document_cue, document_relative, outlet_work, per_source, according_to, relative_cue, participle_cue, in_words, for_person, view_sees,
                                 cue_noun, estimate_put, refusal)


def attribute(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of the first pattern that finds a speaker in ``frame``, or None (a US politician's party
    tag in brackets, "Sen. Ron Beaulieu (D-Fenwick)", is dropped first: it stands between the name and the cue)."""
    if "(" in frame and "-" in frame:
        frame = _PARTY_BRACKETS.sub("", frame)
    for pattern in PATTERNS:
        found = pattern(drafter, frame, for_quote)
        if found is not None:
            return found
    return None


__all__ = ["PATTERNS", "attribute", "other_agencies"]
