"""The attribution patterns: a small ordered set of declarative patterns, tried in order on a sentence's frame.

The frame is the sentence with each quotation replaced by ``QUOTE_SLOT``. The first pattern that finds a
speaker decides; its name goes into the row's DRAFT explanation ("pattern: passive relay"). In order:

* **passive relay** — "Ivanov was quoted by Interfax as saying", "..., she was cited by TASS as saying";
* **relay as saying** — "TASS quoted Ivanov as saying", "the agency cited him as saying";
* **agency learned** — "Xinhua learned from a source at the ministry that" (the agency speaks, relayed);
* **polled by** — "Analysts polled by Reuters had expected" (the outlet speaks for the people it polled);
* **relay citing** — "TASS reported, citing Petrenko" (Petrenko the speaker, relayed by TASS);
* **closing cue** — a cue clause after the sentence's last comma ("..., the ministry said on Tuesday") decides
  over cue verbs inside the reported words before it ("The ministry expects prices to fall, Tanaka said");
* **cue verb** — a cue verb (any inflection of ``cue_verbs.txt``) with its subject before it ("Kowal said",
  "the ministry said in a statement", "Ana Ruiz, 61, said", "Ruiz also said", coordinated: "Kowal arrived
  and said") or after it ("said Kowal"); "told X" and "according to X" name the relay;
* **participle cue** — "The agency kept the alert in place, warning that ...": the name the sentence opens with;
* **according to** — "according to the ministry", "according to a statement from ...";
* **in X's words** — "in his words", "in Kowal's words", "in her view", "in his opinion".

``medialit.draft.sources`` adds **own claim** (first), **study authors** and **data over unnamed** (before the
closing cue), **document cue**, **outlet's own work** and **seen by** (after the cue verb)
and **per X** (after "according to"), and the makers of documents inside a cue's subject.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from medialit.draft.cues import (
    strip_appositives,
    AGENCY_NOUN,
    OBJECT_PRONOUN,
    PASSIVE_BEFORE,
    cue_start,
    cue_text,
    interview_words,
    other_agencies,
)
from medialit.draft.model import Attribution, outlet_name
from medialit.draft.quotations import QUOTE_SLOT
from medialit.draft.sources import document_author, document_cue, clause_subject, data_over_unnamed, learned_pattern, mentions_learning, outlet_staff, outlet_work, own_claim, per_source, seen_by, study_authors
from medialit.text.mentions import organisation_kind
from medialit.text.words import cue_verbs

if TYPE_CHECKING:
    from medialit.draft.drafter import Drafter

_AS_SAYING = re.compile(r"\b(?:cited|quoted)\s+(?P<object>.+?)\s+as\s+(?:saying|telling|stating|writing)\b")
_PASSIVE_RELAY = re.compile(
    r"\b(?:was|were|is|are|has been|had been|being)\s+(?:(?:also|later|earlier|widely)\s+)?(?:quoted|cited)\s+(?:(?:by|in)\s+(?P<agency>.+?)\s+as\s+"
    r"(?:saying|telling|stating|writing)\b|as\s+(?:saying|telling|stating|writing)(?:\s+(?:by|in)\s+(?P<after>[^,.;:!?]+))?)"
)
# A capitalised name after "the" (never a person's): "the Financial Courier", "the newspaper Volna".
_NAMED_BY = re.compile(r"(?:the|The)\s+(?:[a-z]+\s+){0,2}(?P<name>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3})")
# Words that name the outlet that carried someone's words: "citing Petrenko", "in comments carried by TASS".
# A clause opened by a participle ("Asked about the payments X described, ...") holds no cue of the sentence.
_PARTICIPLE_CLAUSE = re.compile(r"(?:^|[.;]\s)(?:Asked|Questioned|Pressed)\b[^,]*$")
# A possessive or determiner right before the word makes it a noun: "Bianchi's remarks", "the report", "his call".
_NOUN_BEFORE = re.compile(r"(?:[’']s|\b(?:the|a|an|his|her|its|their|our|this|that|these|those))\s+$", re.IGNORECASE)
# A closing clause that is a relative or adverbial clause, not a cue clause: "..., which he said was fair".
# A verb inside a relative clause still open before it: "Two drivers, who feared losing their jobs, told CBC".
_IN_RELATIVE = re.compile(r",\s*(?:who|which|whom|whose)\b[^,]*$")
_RELATIVE_START = re.compile(r"^(?:which|who|whom|whose|that|as|while|when|where|after|before|because|although|though|if|but|and|adding|saying)\b", re.IGNORECASE)
# Verbs whose subject must be a document: "A 2023 report by the state department found", "data from X showed".
_DOCUMENT_VERBS = ("find", "show")
_DOCUMENT_END = re.compile(r"\b(?i:report|reports|study|studies|survey|data|figures|analysis|audit|review|poll|assessment|"
                           r"investigation|inquiry|records|documents|statistics|census|estimates|file|ruling|judgment|"
                           r"research|paper)\b(?:\s+(?:by|from|of|published by|compiled by|released by)\s+[^,;:]+)?$")
# The name after "told": "told ABC Radio", "told NewsChannel 9", "told the Post that" (not "told the Senate", not "told Ukraine's president").
_OUTLET_WORD = re.compile(r"\b(?:News|Radio|TV|Television|Broadcasting|Broadcaster|Press|Channel|NewsChannel|Online|FM)\b")
_TOLD_NAME = re.compile(r"(?:the\s+)?(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})(?![\w’'\-])(?!\s*[’']s)")
# A cue participle after the main clause, and the name the sentence opens with (its subject).
_PARTICIPLE_CUE = re.compile(r",\s+(?P<verb>warning|saying|adding|noting|arguing|insisting|stressing|claiming|urging|explaining|"
                             r"blaming|citing|calling for)\b")
_OPENING_NAME = re.compile(r"(?:The\s+)?(?P<name>[A-Z][\w’'.&\-]*(?:\s+(?:of|for|and|the|&|[A-Z][\w’'.&\-]*))*?)"
                           r"(?:\s+\([A-Z][A-Z0-9&\-]{1,11}\))?(?=\s+(?!(?:of|for|and|the)\b)[a-z])")
_IN_A_REPORT = re.compile(r"\b[Ii]n\s+(?:a|an|its|the)\s+(?:[\w\-]+\s+)?(?:report|study|survey|analysis|audit|review)\b")
_AUXILIARY_END = re.compile(r"\b(?:does|do|did|will|would|can|could|may|might|should|must)(?:\s+not|n[’']t)?\s*$")
_OWNER_DOCUMENT = re.compile(r"^(?P<owner>[A-Z][A-Z0-9&\-]{1,11}|[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3})\s+"
                             r"(?:figures|data|estimates|statistics|report|survey|records|calculations)$")
_BARE_DOCUMENT = re.compile(r"^(?:a|an|the)\s+(?:\w+\s+)?(?:statement|report|communiqu[eé]|press release|note)$", re.IGNORECASE)
_CITING = re.compile(r",?\s*citing\s+(?P<who>[^,.;:!?]+)")
_CARRIED_BY = re.compile(r"\b(?:carried|published|broadcast|aired|reported|interviewed|contacted|reached|questioned)\s+by\s+"
                         r"(?P<outlet>[^,.;:!?]+)")
# People an outlet polled: the outlet speaks for them ("Analysts polled by Reuters had expected a cut").
_POLLED_BY = re.compile(r"^(?:(?:[A-Z]?[a-z\-]+|\d+)\s+){0,3}?(?:analysts|economists|experts|traders|investors|strategists|"
                        r"respondents|people|voters|executives|officials)\s+(?:polled|surveyed|consulted|interviewed|contacted)\s+(?:by|for)\s+"
                        r"(?P<outlet>[^,.;:!?]+?)(?=\s+(?:last|this|earlier|in|on|had|have|has|were|are|expect|forecast|predict|see|said|say)\b|[,.;:]|$)",
                        re.IGNORECASE)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<source>[^,.;:!?]+)")
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

_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "it": "it"}
Pattern = Callable[["Drafter", str, bool], "Attribution | None"]


# The last letters PASSIVE_BEFORE's words may end with, in any case ("ſ", the long s, matches "s" ignoring case).
_PASSIVE_LAST = frozenset("sSſeEnNgG")


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


def as_saying(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of "AGENCY quoted X as saying" (X the speaker, relayed by the agency), or None."""
    if " as " not in frame or (match := _AS_SAYING.search(frame)) is None:
        return None
    agent_text = frame[: match.start()]
    agency = drafter.agency_in(agent_text) or (drafter.last_agency if AGENCY_NOUN.search(agent_text.strip()) else None)
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
    named = drafter.speaker_before(source) if source else None
    if named is not None and named[0] in ("person", "institution"):  # "BelTA learned from the press service of X"
        return drafter.attribution(named, cue, subject[1], f"cue '{cue}': the agency relays a named source", "agency learned")
    if source:
        drafter.last_unnamed, drafter.anonymous_agency = source, subject[1]  # type: ignore[assignment]
    return drafter.attribution(subject, cue, subject[1], f"cue '{cue}': the agency's own sourcing", "agency learned")


def polled_by(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of people an outlet polled ("Analysts polled by Reuters expected ..."): the outlet
    speaks, relayed; None when the frame opens with no such subject or names no known outlet."""
    if " by " not in frame and " for " not in frame or (match := _POLLED_BY.match(frame)) is None:
        return None
    agency = drafter.agency_in(match.group("outlet"))
    if agency is None:
        return None
    cue = match.group(0).strip()
    return drafter.attribution(("outlet", agency), cue, agency, f"cue '{cue}': the outlet's own poll", "polled by")


def according_to(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of "according to SOURCE" (an agency, an unnamed source, an organisation, a person)."""
    if "ccording to" not in frame or (match := _ACCORDING.search(frame)) is None:
        return None
    source = _TRAILING_WHEN.sub("", match.group("source").strip())
    cue = match.group(0)[: len("according to")]
    how = f"cue 'according to {source}'"
    named = _NAMED_APPOSITION.match(frame, match.end())
    if named is not None and drafter.lex.role_noun.search(source.split()[-1]):  # "according to its spokesperson, Elena Koleva"
        person = drafter.mentions.person_named(named.group("name").rstrip("."))
        if person is not None:
            return drafter.attribution(("person", person), cue, None, how, "according to")
    agency = drafter.agency_in(source)
    if agency is not None and (staff := outlet_staff(drafter, source)) is not None:
        return drafter.attribution(("person", staff), cue, None, f"{how}: the outlet's own staff", "according to")
    if agency is not None:
        return drafter.attribution(("outlet", agency), cue, agency, how, "according to")
    pronoun = _OBJECT_PRONOUNS.get(source)
    owned = _OWNER_DOCUMENT.match(source)  # "According to IOM figures", "according to Fed data"
    own = clause_subject(drafter, frame[: match.start()]) if source.startswith("its ") else None
    if own is not None:  # "Founded in 1957, the observatory employs 64 researchers, according to its website"
        return drafter.attribution(own, cue, None, f"{how}: 'its' is the body the sentence is about", "according to")
    subject = ("pronoun", pronoun) if pronoun else drafter.speaker_before(owned.group("owner") if owned else _REPORT_PREFIX.sub("", source))
    if subject is None and _BARE_DOCUMENT.match(source) and (opening := _OPENING_NAME.match(frame)) is not None:
        subject = drafter.speaker_before(opening.group("name"))  # "X has allocated 35 million yuan, according to a statement"
    if subject is None and AGENCY_NOUN.search(source) and drafter.last_agency is not None:
        subject = ("outlet", drafter.last_agency)
    return drafter.attribution(subject or ("anonymous", source), cue, None, how, "according to")


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
    clause ("Asked about ..."), a noun ("Bianchi's remarks") or an open relative clause. Each pattern is searched only
    when a quick test says it can match (the last character or a literal word it needs), with the same result."""
    last = before.rstrip()[-1:]
    if last and last in _PASSIVE_LAST and PASSIVE_BEFORE.search(before) and not form.endswith("ing"):
        return True
    if ("Asked" in before or "Questioned" in before or "Pressed" in before) and _PARTICIPLE_CLAUSE.search(before):
        return True
    if before[-1:].isspace() and _NOUN_BEFORE.search(before):
        return True
    return "wh" in before and _IN_RELATIVE.search(before) is not None


def cue_verb(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of the first cue verb whose subject is found (before or after it), or None.

    A bare base form ("say", "report") counts only after a plural or a pronoun ("Some economists say", "they
    say", "Analysts at Berger Lindahl estimate"), so "the IMF report" is no cue; a name after a verb that takes an object ("told Reuters") is never
    its subject.
    """
    lex = drafter.lex
    for verb in lex.cue_verb.finditer(frame):
        before = frame[: verb.start()]
        if _excluded_before(before, verb.group(0)):
            continue  # "was said"; "Asked about the payments Vogel described, ..."; "Bianchi's remarks": not the cue
        after = frame[verb.end() :]
        form = verb.group(0)
        document = _DOCUMENT_END.search(strip_appositives(before).rstrip(" ,")) is not None or _IN_A_REPORT.search(before) is not None
        authored = document_author(drafter, before) if document or form in _document_forms() else None
        document = document or authored is not None  # "A survey of 1,140 members, conducted by the academy, found"
        if form in _document_forms() and not document:
            continue  # "found", "showed" attribute only a document's findings ("a 2023 report by X found")
        subject = authored or drafter.speaker_before(before)
        if form in lex.base_forms and (subject is None or subject[0] not in ("pronoun", "anonymous", "analysts")) \
                and not document and not _AUXILIARY_END.search(before):
            continue  # "the IMF report" is no cue; "figures from X show", "The institute does not expect" are
        inverted = False
        if subject is None and form not in lex.object_verbs:
            inverted = (subject := drafter.speaker_after(after)) is not None
        if subject is None and for_quote and before.strip(f" ,{QUOTE_SLOT}") == "" and drafter.last_person is not None:
            subject = ("unwritten", "")
        if subject is None:
            continue
        if subject[0] == "outlet" and (citing := _CITING.match(after)) is not None:
            cited = drafter.speaker_before(citing.group("who"))
            if cited is not None and cited[0] in ("person", "institution"):
                relayed_by, subject = subject[1], cited  # "TASS reported, citing Petrenko": Petrenko's words, relayed
                cue = f"{form}, citing {citing.group('who').strip()}"
                return drafter.attribution(subject, cue, relayed_by, f"cue '{cue}'", "relay citing")
        relayed_by = _relay_named(drafter, frame, subject[0], form, after)
        cue = cue_text(before, form, after, for_quote, inverted)
        how = f"cue '{cue}'" + (f", words given to {outlet_name(relayed_by)}" if relayed_by is not None else "")
        attribution = drafter.attribution(subject, cue, relayed_by, how, "cue verb")
        if attribution is not None:
            return attribution
    return None


def closing_cue(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of a cue clause that closes the sentence ("..., Agriculture Minister Tanaka said on
    Tuesday."), which decides over cue verbs inside the reported words before it ("The ministry expects ..."), or None.
    """
    if for_quote or "," not in frame:
        return None
    for start, end in _cue_clauses(frame):
        found = _closing_clause(drafter, frame, start, end)
        if found is not None:
            return found
    return None


def _cue_clauses(frame: str) -> list[tuple[int, int]]:
    """Return the (start, end) of the clauses that may close or interrupt a sentence as its cue: the one after the
    last comma, then short ones between two commas (", Barrowfield said in a statement,"), last first."""
    cuts = [index for index, char in enumerate(frame) if char == "," and not (0 < index < len(frame) - 1
            and frame[index - 1].isdigit() and frame[index + 1].isdigit())]
    clauses = [(cuts[-1], len(frame))] if cuts else []
    clauses += [(a, b) for a, b in reversed(list(zip(cuts, cuts[1:]))) if len(frame[a + 1 : b].split()) <= 9]
    return clauses


def _closing_clause(drafter: Drafter, frame: str, cut: int, end: int) -> Attribution | None:
    """Return the attribution of the cue clause ``frame[cut + 1 : end]`` (see ``closing_cue``), or None."""
    if QUOTE_SLOT in frame[cut:end]:
        return None
    clause = frame[cut + 1 : end].strip()
    if end < len(frame) and " that " in f" {clause} ":
        return None  # ", Kowal said that ...," opens reported words, it does not interrupt them
    first = drafter.lex.cue_verb.search(clause) if clause and not _RELATIVE_START.match(clause) else None
    if first is None or drafter.lex.cue_verb.search(frame, 0, cut) is None:
        return None  # no cue clause, or no other cue verb (the ordinary cue-verb pattern finds the same)
    if not clause[: first.start()].strip() and drafter.speaker_after(clause[first.end() :]) is None:
        return None  # "..., said it had asked the company": the verb of the sentence's subject, not a closing cue
    found = cue_verb(drafter, clause, False)
    if found is None or found.pattern != "cue verb" or first.group(0) not in found.cue:
        return None
    how = found.how.replace("pattern 'cue verb'", "pattern 'closing cue'")
    relay = found.relayed_by or (_relay_named(drafter, frame[:cut], found.kind, "", "") if found.kind in ("person", "institution") else None)
    if relay is not None and found.relayed_by is None:  # "In comments carried by TASS, Petrenko said ..."
        how = f"{how}; words given to {outlet_name(relay)}"
    return replace(found, pattern="closing cue", how=how, relayed_by=relay)


def participle_cue(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of a cue participle after the main clause ("The agency kept the alert in place, warning
    that ...", "X shares fell after it cut its forecast, blaming ..."): the body or person the sentence opens with."""
    if for_quote or ", " not in frame or (match := _PARTICIPLE_CUE.search(frame)) is None:
        return None
    opening = _OPENING_NAME.match(frame)
    if opening is None:
        return None
    subject = drafter.speaker_before(opening.group("name"))
    if subject is None or subject[0] not in ("person", "institution"):
        return None
    cue = match.group("verb")
    return drafter.attribution(subject, cue, None, f"cue '{cue}' after the clause that {opening.group('name')} opens",
                               "participle cue")


def _relay_named(drafter: Drafter, frame: str, kind: str, verb: str, after: str) -> object:
    """Return the agency a cue names as the relay ("told TASS", "in an interview with RIA", "according to AFP")."""
    interview = interview_words(frame)
    if interview is not None:
        relay = drafter.agency_in(interview.group("target"))
        if relay is None and "agency" in interview.group("target"):
            relay = drafter.last_agency
        relay = relay or _unlisted_outlet(drafter, interview.group("target"))
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


# The patterns in the order they are tried (their names appear in the DRAFT explanations).
PATTERNS: tuple[Pattern, ...] = (own_claim, passive_relay, as_saying, agency_learned, polled_by, study_authors, data_over_unnamed, closing_cue, cue_verb,
                                 document_cue, outlet_work, seen_by, according_to, per_source, participle_cue, in_words)


def attribute(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of the first pattern that finds a speaker in ``frame``, or None."""
    for pattern in PATTERNS:
        found = pattern(drafter, frame, for_quote)
        if found is not None:
            return found
    return None


__all__ = ["PATTERNS", "attribute", "other_agencies"]
