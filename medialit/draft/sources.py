"""The outlet, its documents and studies as sources: the patterns that read them (words in ``sourcing.txt``).

* **per X** — "..., per the Department of Planning", "per streaming tracker ViewMetric", "per league sources": the
  news shorthand for "according to X" (never "as per the rules", "$5 per person");
* **study authors** — "the study found", "the authors write", "X and his co-authors write", "according to a paper
  published in Nature": a study's findings are its authors' words, so the lead author the article names ("led by
  X", "X, the study's lead author") speaks, else the named author of the construction;
* **document cue** — "the statement reads", "the notice reads": a body's document read out speaks for the body
  named before;
* document authors inside a cue's subject — "A survey of 1,140 members, conducted by the academy in October,
  found", "County records show": the body that made the document (see ``document_author``);
* **data over unnamed** — "Analysts had expected revenue of $4.6 billion, according to data from X": the source of
  the consensus figure, not the unnamed analysts, stands behind it;
* **outlet's own work** — "according to a USA TODAY review of district announcements", "according to data compiled
  by Bloomberg": the outlet cites its own work, so no one else speaks (narration);
* the outlet's own sourcing verbs ("has learned", "gathered that") for ``patterns.agency_learned``.

"seen by" and the outlet's own claim ("can reveal", "understands that") are read in ``patterns`` (``own claim``,
``according to``).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from dataclasses import replace

from medialit.draft.model import Attribution
from medialit.draft.people import Organisation
from medialit.text.mentions import ACRONYM, organisation_kind
from medialit.text.words import sourcing_words

if TYPE_CHECKING:
    from medialit.draft.drafter import Drafter
    from medialit.draft.people import Person
    from medialit.draft.subjects import Subject

_NAME = r"[A-Z][\w’'.\-]*(?:\s+(?:de|van|von|da|bin|[A-Z][\w’'.\-]*)){0,3}"
# "per X" after a comma (or opening the sentence), never "as per": the source runs to the next comma or the end.
_PER = re.compile(r"(?:^|,\s+)(?<!as )[Pp]er\s+(?P<source>[^,;:!?]+?)(?=\s*[,;:!?]|\s*\.?\s*$)")
_PER_SOURCE_END = re.compile(r"\b(?:sources|source|data|figures|records|estimates|reports|filings|people familiar with [\w\s]+)$")
# "according to DOCUMENT seen by OUTLET": the document and the outlet that saw it.
_OPENING_BODY = re.compile(r"^(?P<name>(?:[Tt]he|[Ii]ts)\s+[a-z][\w\-]*|(?:The\s+)?[A-Z][\w’'&\-]*(?:\s+(?:of|for|and|[A-Z][\w’'&\-]*))*)"
                           r"(?=\s+[a-z])")
# "Analysts had expected ..., according to data compiled by X": the figure's source closes the sentence.
_UNNAMED_FORECASTERS = re.compile(r"^(?:[A-Z][a-z]+\s+|[Mm]ost\s+|[Ss]ome\s+)?(?:[Aa]nalysts|[Ee]conomists|[Ff]orecasters|[Tt]raders|[Ii]nvestors|"
                                  r"[Ss]trategists|[Mm]arkets)\b")
_DATA_SOURCE_END = re.compile(r",\s+(?P<cue>according to\s+(?:(?:a|an|the)\s+)?(?:consensus\s+)?(?:data|estimates|figures|forecasts|"
                              r"poll|survey)\s+(?:compiled\s+by|from|by|of)\s+[^,;:]+?)\.?\s*$")
# The description after a body's name: ", a market-research firm," or ", which tracks building activity".
_DESCRIPTION_AFTER = re.compile(r"(?:\s+\([A-Z][A-Z0-9&\-]{1,11}\))?,\s+(?P<words>(?:a|an|the|which|that)\s+[^,.;:]{0,80})")
# "according to a USA TODAY review of ...", "according to data compiled by Bloomberg": an outlet's own work.
_OUTLET_WORK = re.compile(r"\b[Aa]ccording to\s+(?:(?:a|an|the)\s+)?(?:(?P<outlet>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})(?:[’']s)?\s+"
                          r"(?:review|analysis|tally|count|calculations?|investigation|estimates?)\b|(?:data|figures|estimates|"
                          r"calculations)\s+(?:compiled|gathered|collected|analy[sz]ed)\s+by\s+(?P<by>[^,.;:!?]+))")
_OPENERS = frozenset("In On At After Before Since With For By Last This From During Under Despite".split())
# The lead author named anywhere in the article.
_LED_BY = re.compile(r"\b(?:led|co-led|headed)\s+by\s+(?:(?:[a-z][\w\-]*|[A-Z][a-z]+\.)\s+){0,3}(?P<name>" + _NAME + ")")
_LEAD_AUTHOR = re.compile(r"\b(?:lead|senior|first|principal)\s+(?:author|investigator|researcher)\s+(?:(?:[a-z][\w\-]*|Dr\.?|Prof\.?)\s+){0,2}"
                          r"(?P<name>" + _NAME + ")")
_AUTHOR_AFTER = re.compile(r"(?P<name>" + _NAME + r"),\s+(?:the|its)\s+(?:study's|paper's|research's|report's)\s+"
                           r"(?:lead|senior|first|principal)\s+author")
# A document's maker inside a cue's subject: "A survey of members, conducted by the academy in October, found".
_MADE_BY = re.compile(r",\s+(?:conducted|carried out|commissioned|compiled|published|released|run|prepared)\s+by\s+"
                      r"(?P<author>[^,]+?)(?:\s+(?:in|on|last|this|earlier)\b[^,]*)?,?\s*$")
# A document and the named body or person who wrote it, right before the cue verb: "A report by the BPGV last year",
# "A study it commissioned from the Halden Institute", "A study by the Institute of X in Ellapur, published last month,".
_DOCUMENT_BY_NAME = re.compile(r"\b(?i:report|study|survey|analysis|audit|review|assessment|paper|poll|investigation)\s+"
                               r"(?:(?:it|they|he|she|we)\s+)?(?:(?:published|compiled|released|issued|conducted|commissioned|"
                               r"carried out|prepared|written)\s+)?(?:by|from)\s+(?P<author>(?:the\s+)?[A-Z][\w’'&.\-]*"
                               r"(?:\s+(?:of|for|and|on|the|&|[A-Z][\w’'&.\-]*))*)(?P<rest>[^,]*(?:,[^,]*){0,2})$")
_WHEN = (r"(?:(?:last|this|earlier\s+this|late\s+last|early\s+last)\s+(?:year|month|week|spring|summer|autumn|fall|winter|"
         r"[A-Z][a-z]+)|(?:in|on)\s+(?:\d{4}|[A-Z][a-z]+(?:\s+\d{1,2})?)|earlier|recently|"
         r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)")  # AP: "released Wednesday"
# What may stand between the author's name and the cue verb: an acronym, a place, when it was published.
_AUTHOR_TAIL = re.compile(rf"^(?:\s*\([A-Z][A-Z0-9&\-]*\))?(?:\s+in\s+[A-Z][\w\-]+)?(?:,?\s+(?:published|released|issued)"
                          rf"(?:\s+{_WHEN})?|\s+{_WHEN})?\s*,?\s*$")
# A name that says the body belongs to a state ("National Institute of X", "Electoral Institute of the State of Y"):
# a research word in it ("Institute") makes no independent research body.
_STATE_NAME = re.compile(r"\b(?:National|State|Central|Federal|Government|Public|Royal|Electoral)\b")
# "County records show": a document whose owner is one capitalised word naming a body's head noun.
# The relative clause of every "which found" match: a quick test (a pattern that opens with the comma is found at once).
_WHICH_AFTER_COMMA = re.compile(r",\s+(?:which|that)\s")
# ``study_authors`` reads only a sentence with one of these words in it (a quick test first).
_STUDY_WORDS = ("stud", "paper", "author", "research", "work", "team", "scientists", "colleagues")
_HEAD_DOCUMENT = re.compile(r"(?:^|[.;,]\s+|^\s*)(?P<owner>[A-Z][a-z]+)\s+(?P<noun>[a-z]+)\s*$")


@functools.lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern[str]]:
    """Return the regexes built from ``sourcing.txt`` (compiled once): learned, document, study cue, co-authors."""
    def either(kind: str) -> str:
        return "|".join(re.escape(word) for word in sorted(sourcing_words(kind), key=len, reverse=True))

    findings = [form for base in sourcing_words("finding") for form in _forms(base)]
    finding = "|".join(re.escape(form) for form in sorted(set(findings), key=len, reverse=True))
    return {
        "research": re.compile(rf"\b(?:research|{either('research')})\b"),  # "research" is also a study noun
        "learned": re.compile(rf"\b(?P<verb>(?:has\s+|have\s+|had\s+)?(?:{either('learned')}))\b"
                              r"(?:\s+from\s+(?P<source>[^,;:]+?))?(?=\s+that\b|\s*,|\s+(?:on|in)\b|\s*[.!?]?\s*$|(?<=understands)\s)"),
        "document": re.compile(rf"^(?:the|its|their)\s+(?:[\w\-]+\s+)?(?:{either('document')})$", re.IGNORECASE),
        "document cue": re.compile(rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w\-]+\s+)?(?P<noun>{either('document')})\s+(?:also\s+)?"
                                   r"(?P<verb>reads|read)\b"),
        "study cue": re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]heir|[Ii]ts)\s+(?:new\s+|study's\s+|paper's\s+)?"
                                rf"(?P<noun>{either('study')}|{either('authors')})\s+(?:also\s+)?(?P<verb>{finding})\b"),
        "co-authors": re.compile(rf"(?P<name>{_NAME})\s+and\s+(?:his|her|their)\s+(?:{either('authors')})\s+(?:also\s+)?"
                                 rf"(?P<verb>{finding})\b"),
        "study led": re.compile(rf"\b[Aa]n?\s+(?:new\s+|recent\s+)?(?P<noun>{either('study')})\s+(?:led|co-led|headed)\s+by\s+"
                                rf"(?P<name>{_NAME})[^;:]*?\s(?P<verb>{finding})\b"),
        "which found": re.compile(rf"(?P<document>\b(?i:report|study|survey|analysis|audit|review|assessment|paper|poll)\s+"
                                  r"(?:by|from)\s+[^,;:]+?)(?:,\s+(?:a|an|the)\s+[^,;:]+)?,\s+(?:which|that)\s+(?:also\s+)?"
                                  rf"(?P<verb>{finding})\b"),
        "according": re.compile(rf"\b[Aa]ccording to\s+(?:a|an|the|their|this)\s+(?:new\s+|recent\s+)?(?P<noun>{either('study')})"
                                r"(?P<rest>[^,;:]*)"),
    }


def _forms(base: str) -> tuple[str, ...]:
    """Return the forms of a finding verb: base, third person, past ("find" -> find, finds, found)."""
    irregular = {"find": ("found",), "write": ("wrote",), "read": ("read",), "say": ("said",), "show": ("showed", "shown")}
    past = irregular.get(base, (base + "d" if base.endswith("e") else base + "ed",))
    return (base, base + "s", *past)


def learned_pattern() -> re.Pattern[str]:
    """Return the regex of an outlet's own sourcing ("has learned", "gathered that"), with groups verb and source."""
    return _regexes()["learned"]


def mentions_learning(frame: str) -> bool:
    """Return True when ``frame`` may hold an outlet's sourcing verb (a cheap substring test before the regex)."""
    return "learn" in frame or "gathered" in frame or "understands" in frame


def is_document_back(tail: str) -> bool:
    """Return True when a subject is a document that refers back to the body named before ("the notice",
    "the data", "the written statement")."""
    return _regexes()["document"].match(tail) is not None


def lead_author(drafter: Drafter) -> Person | None:
    """Return the person the article names as a study's lead author ("led by X", "lead author X", "X, the
    study's lead author"), or None (the first found; looked up once per article)."""
    cached = getattr(drafter, "_lead_author", False)
    if cached is not False:
        return cached  # type: ignore[return-value]
    person = None
    content = drafter.content
    if "led by" in content or "author" in content or "headed by" in content:
        for pattern in (_LED_BY, _LEAD_AUTHOR, _AUTHOR_AFTER):
            match = pattern.search(content)
            person = drafter.mentions.person_named(match.group("name").rstrip(".")) if match is not None else None
            if person is not None:
                break
    drafter._lead_author = person  # type: ignore[attr-defined]
    return person


def per_source(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of "..., per X" (read as "according to X"), or None when ``frame`` has no such
    source ("as per the rules" and "$5 per person" are none)."""
    if "per " not in frame and "Per " not in frame or (match := _PER.search(frame)) is None:
        return None
    source = match.group("source").strip()
    if not (source.startswith("the ") or any(word[:1].isupper() for word in source.split()) or _PER_SOURCE_END.search(source)):
        return None
    from medialit.draft.patterns import according_to  # patterns imports this module
    rewritten = f"{frame[: match.start()]}, according to {source}{frame[match.end():]}"
    found = according_to(drafter, rewritten, for_quote)
    if found is None:
        return None
    cue = f"per {source}"
    how = found.how.replace("pattern 'according to'", "pattern 'per X'").replace(f"cue 'according to {source}'", f"cue '{cue}'")
    return Attribution(found.speaker, found.role, found.kind, cue, found.relayed_by, how, "per X", found.government)


def study_authors(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of a study's findings ("the study found", "the authors write", "X and his
    co-authors write", "according to a paper published in X"): the lead author, or None when the article names
    none (or another cue verb comes first: "Kowal said the study found ...")."""
    if not any(map(frame.__contains__, _STUDY_WORDS)):  # ``word in frame`` for each word, with no Python loop
        return None
    regexes = _regexes()
    co_authors = regexes["co-authors"].search(frame)
    if co_authors is not None:
        person = drafter.mentions.person_named(co_authors.group("name"))
        if person is not None:
            cue = co_authors.group(0)
            return drafter.attribution(("person", person), cue, None, f"cue '{cue}': the named author stands for the group",
                                       "study authors")
    led_study = regexes["study led"].search(frame)  # "A study led by X of the University of Y, published ..., found"
    if led_study is not None and drafter.lex.cue_verb.search(frame, 0, led_study.start()) is None \
            and (author := drafter.mentions.person_named(led_study.group("name").rstrip("."))) is not None:
        cue = f"{led_study.group('noun')} led by {author.name} {led_study.group('verb')}"
        return drafter.attribution(("person", author), cue, None, f"cue '{cue}': a study's findings are its lead author's",
                                   "study authors")
    match = regexes["study cue"].search(frame) or _according_to_study(frame)
    if match is None or drafter.lex.cue_verb.search(frame, 0, match.start()) is not None:
        return None
    led = _LED_BY.search(match.group(0)) if "according" in match.group(0) else None
    author = drafter.mentions.person_named(led.group("name").rstrip(".")) if led is not None else lead_author(drafter)
    if author is None:
        return None
    cue = match.group(0).strip()
    return drafter.attribution(("person", author), cue, None, f"cue '{cue}': a study's findings are its lead author's, "
                               f"{author.name}", "study authors")


def _according_to_study(frame: str) -> re.Match[str] | None:
    """Return the match of "according to a study/paper ..." that names no author or one who led it ("a study led
    by X"); one by a body ("a study by the institute") is left to the 'according to' pattern (None)."""
    if "ccording to" not in frame:
        return None
    match = _regexes()["according"].search(frame)
    if match is None or _LED_BY.search(match.group("rest")) is not None:
        return match
    return None if re.search(r"\b(?:by|from|of)\s+(?:the\s+)?[A-Z]", match.group("rest")) else match


def document_cue(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of "the statement reads" (a body's document read out: the body named last), or None."""
    if "read" not in frame or (match := _regexes()["document cue"].search(frame)) is None:
        return None
    if drafter.last_organisation is None:
        return None
    cue = match.group(0)
    return drafter.attribution(("institution", drafter.last_organisation), cue, None,
                               f"cue '{cue}': the document of {drafter.last_organisation.name}", "document cue")


def document_relative(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of a document's findings in a relative clause ("The plan leans on a study by the X
    Institute, a nonprofit research group, which found that ..."): the document's named writer, or None."""
    if for_quote or ("which" not in frame and "that" not in frame) or not _WHICH_AFTER_COMMA.search(frame) \
            or (match := _regexes()["which found"].search(frame)) is None:  # the same result: every match has the comma
        return None
    author = document_author(drafter, match.group("document"))
    if author is None:
        return None
    cue = match.group(0)
    return drafter.attribution(author, cue, None, f"cue '{cue}': a document's findings are its writer's", "document relative")


def document_author(drafter: Drafter, before: str) -> Subject | None:
    """Return the body that made the document a cue's subject names: "A survey of members, conducted by the
    academy in October," -> the academy; "County records" -> the county named before; None otherwise."""
    if " by " in before and (made := _MADE_BY.search(before)) is not None:
        found = drafter.speaker_before(made.group("author"))
        if found is not None and found[0] in ("institution", "person", "outlet"):
            return found
    written = _document_by_name(drafter, before) if " by " in before or " from " in before else None
    if written is not None:
        return written
    owned = _HEAD_DOCUMENT.search(before.rstrip()) if before.rstrip()[-1:].isalpha() else None
    if owned is None or owned.group("noun") not in sourcing_words("document"):
        return None
    body = drafter.mentions.organisation(owned.group("owner").lower(), drafter.position)
    if body is not None and body.kind:
        return ("institution", body)
    unit = _unit_named(drafter, owned.group("owner"))
    return ("institution", unit) if unit is not None else None


def _document_by_name(drafter: Drafter, before: str) -> Subject | None:
    """Return the writer a document's "by X" / "from X" names right before the cue verb ("A report by the BPGV last
    year found", "A study it commissioned from the Halden Institute for Energy Economics found"): the person or body
    the article knows by that name, else the body the construction itself shows (a capitalised name of two words or
    more, or an acronym, that names no person or outlet); None when other words stand between the name and the verb."""
    match = _DOCUMENT_BY_NAME.search(before)
    if match is None or not _AUTHOR_TAIL.match(match.group("rest")):
        return None
    author = match.group("author")
    found = drafter.speaker_before(author)
    if found is not None:
        return found if found[0] in ("institution", "person", "outlet") else None
    name = author.removeprefix("the ")
    if drafter.agency_in(name) is not None or (" " not in name and not ACRONYM.match(name)):
        return None
    if drafter.mentions.person_named(name) is not None:
        return None
    return ("institution", Organisation(name, organisation_kind(name, drafter.lex) or "other", name.split()[-1].lower(),
                                        drafter.position + match.start("author")))


def _unit_named(drafter: Drafter, unit: str) -> Organisation | None:
    """Return the public administration "County" refers to: the last "X County" (or "City of X") named before the
    sentence, as an organisation of government; None when ``unit`` is no such word or none is named."""
    if unit not in sourcing_words("unit"):
        return None
    before = drafter.content[: drafter.position]
    found = list(re.finditer(rf"\b(?:[A-Z][\w\-]+\s+){{1,2}}{unit}\b(?!\s+of\b)|\b{unit}\s+of\s+[A-Z][\w\-]+", before))
    if not found:
        return None
    return Organisation(found[-1].group(0), "government", unit.lower(), found[-1].start())




_NAME_AT_END = re.compile(r"(?<=\s)(?P<name>[A-Z][\w’'\-]+(?:\s+(?:de|van|von|da|[A-Z][\w’'.\-]*)){1,3})$")


def outlet_staff(drafter: Drafter, source: str) -> Person | None:
    """Return the person an outlet's own staff title names after the outlet ("according to ESPN front office analyst
    X": X speaks, no relay), or None when ``source`` ends with no person's name or the name is the outlet's."""
    match = _NAME_AT_END.search(source) if source[-1:].isalpha() else None
    if match is None or drafter.outlets.find(match.group("name")) or match.start() < 2:
        return None
    if not drafter.lex.role_noun.search(source[: match.start()]):
        return None  # a title must stand between the outlet and the name ("analyst", "correspondent")
    return drafter.mentions.person_named(match.group("name"))


def data_over_unnamed(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return the attribution of "Analysts had expected X, according to data from Y" (Y, the named source of the
    consensus figure, decides over the unnamed analysts), or None."""
    if for_quote or "ccording to" not in frame or not _UNNAMED_FORECASTERS.match(frame):
        return None
    match = _DATA_SOURCE_END.search(frame)
    if match is None:
        return None
    from medialit.draft.patterns import according_to  # patterns imports this module
    found = according_to(drafter, match.group("cue"), for_quote)
    if found is None or found.kind not in ("person", "institution", "outlet"):
        return None
    how = found.how.replace("pattern 'according to'", "pattern 'data over unnamed'")
    return replace(found, how=f"{how}: the named source of the figure decides over the unnamed forecasters",
                   pattern="data over unnamed")


def clause_subject(drafter: Drafter, clause: str) -> Subject | None:
    """Return the body that opens the main clause of ``clause`` ("Founded in 1957, the observatory employs ..."
    -> the observatory; a leading participle phrase is skipped; also by the first word of a body's name, "Halvorsen"
    for Halvorsen Pay), for "according to its website"; None when the clause opens with no body."""
    for segment in clause.split(", ")[:3]:
        first = segment.split()[0] if segment.split() else ""
        if first.endswith(("ed", "ing")) or first in _OPENERS:
            continue  # "Founded in 1957,", "In a statement,": no subject
        opening = _OPENING_BODY.match(segment)
        if opening is not None:
            found = drafter.speaker_before(opening.group("name"))
            if found is not None and found[0] == "institution":
                return found
            body = drafter.body_by_first_words(opening.group("name").strip())  # "Halvorsen" for Halvorsen Pay
            return ("institution", body) if body is not None else None
    return None



def is_research_body(drafter: Drafter, organisation: Organisation) -> bool:
    """Return True when the article makes a non-government body a research body (its role: expert): a research word
    in the description right after its first mention ("Trendline Data, a market-research firm"), or, with no
    description, before it ("the research consortium GLACIA") or in its name ("Meridian Climate Observatory").
    A description without one decides against ("the Observatory for a Free Press, a monitoring group")."""
    cache: dict[str, bool] = drafter.__dict__.setdefault("_research_bodies", {})
    if organisation.name not in cache:
        cache[organisation.name] = _described_as_research(drafter.content, organisation.name)
    return cache[organisation.name]


def _described_as_research(content: str, name: str) -> bool:
    """Return True when ``content`` describes the body ``name`` as a research body (see ``is_research_body``)."""
    at = content.find(name)
    if at < 0:
        return False
    words = _regexes()["research"]
    after = _DESCRIPTION_AFTER.match(content, at + len(name))
    if after is not None:
        return words.search(after.group("words")) is not None
    return words.search(content[max(0, at - 40) : at]) is not None or words.search(name) is not None and not _STATE_NAME.search(name)


# The outlet's own data as a cue's subject: "..., data compiled by Bloomberg show." (what ``_OUTLET_WORK`` reads
# after "according to").
_OUTLET_DATA = re.compile(r"(?:data|figures|estimates|calculations)\s+(?:compiled|gathered|collected|analy[sz]ed)\s+by\s+"
                          r"(?P<by>[^,.;:!?]+?)\s*$")


def outlet_data_subject(drafter: Drafter, before: str) -> Attribution | None:
    """Return narration when the words ``before`` a cue verb end with a known outlet's own data ("..., data compiled
    by Bloomberg" before "show": the outlet's work, so no one else speaks), else None; changes nothing."""
    match = _OUTLET_DATA.search(before) if "by " in before else None
    if match is None or drafter.agency_in(match.group("by")) is None:
        return None
    return Attribution("", "outlet", "narration", "", None, f"pattern 'outlet's own work', cue '{match.group(0).strip()}': "
                       "the outlet cites its own data, so no one else speaks", "outlet's own work")


def outlet_work(drafter: Drafter, frame: str, for_quote: bool) -> Attribution | None:
    """Return narration for "according to a USA TODAY review of ..." or "according to data compiled by Bloomberg"
    (an outlet's own work: no one else speaks), or None when the work is no known outlet's."""
    if for_quote or "ccording to" not in frame or (match := _OUTLET_WORK.search(frame)) is None:
        return None
    outlet_words = (match.group("outlet") or match.group("by") or "").strip()
    if drafter.agency_in(outlet_words) is None:
        return None
    return Attribution("", "outlet", "narration", "", None, f"pattern 'outlet's own work', cue '{match.group(0)}': the "
                       "outlet cites its own work, so no one else speaks", "outlet's own work")
