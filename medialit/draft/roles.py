"""Roles and categories: what a speaker's title makes them, and what category their words then fall in.

A role follows from the words that describe a person (``role_nouns.txt``): an office makes an official,
"former" a former official, knowledge an expert; the director or head of an academic organisation is an
expert. Words that say nothing of the role ("director", "resident") and no title at all leave the role for the
teacher ("role unknown", the role cell empty). An organisation of government speaks an official statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from medialit.text.mentions import ACRONYM, STATE_RUN, lexicon, organisation_kind, runs, spells_acronym
from medialit.text.outlets import Outlet

if TYPE_CHECKING:
    from medialit.draft.model import Attribution

ROLE_UNKNOWN = ""
# Nouns for whoever leads a body: what the body is decides the role ("president" of a union is no official).
_LEADERSHIP = frozenset("president chairman chairwoman chair director head chief leader executive officer general "
                        "director-general".split()) | {"chief executive", "chief executive officer", "general director",
                                                       "director general"}
# Nouns for whoever speaks for a body: the body decides too ("a spokesman for the ministry" and "a spokeswoman for the
# WTO" are officials, "a spokeswoman for the company" and "the party's spokesperson" are not); with no body seen, an official.
_SPEAKS_FOR = frozenset("spokesman spokeswoman spokesperson commissioner".split())  # "the league's commissioner" too
# The body that owns a title: "the Association of Independent Producers’s " in "...’s president".
_POSSESSOR = re.compile(r"^.*[’']s?\s+")
# A spokesperson "for" a body named with capitals but no head noun: "a spokesman for Harbourlink".
_FOR_NAMED_BODY = re.compile(r"\b(?i:spokes(?:man|woman|person))\s+for\s+(?:the\s+)?(?:[a-z][\w\-]*\s+)?[A-Z]")
# A public body among several nations' or an acronym's: its spokesperson is an official ("UNHCR's spokeswoman").
_PUBLIC_BODY = re.compile(r"\b(?:International|World|United Nations|UN|European)\b|\b[A-Z]{2,}\b")
_GENERIC_BODIES = frozenset("organisation organization institution body group".split())
# Words that show a person leads a body even without a leadership noun: "who heads the service", "who runs the agency".
# A seat on a body says the same of its members: "a nurse who sits on the Lennox Falls city council".
_LEADS = re.compile(r"\b(?:heads|headed|leads|led|runs|ran|chairs|chaired|directs|directed|oversees|manages|"
                    r"(?:sits|sat|serves|served)\s+on)\b")
# A lawyer who speaks for a party ("His lawyer", "a lawyer for the family", "defence attorney") is no independent expert.
# A possessive owner says the same: "The tenants' attorney", "the family's lawyer".
_ADVOCATE = re.compile(r"\b(?:his|her|their|its|His|Her|Their|Its|defen[cs]e|[Dd]efen[cs]e|for|representing)\b"
                       r"|\w[’']s?\s+(?:lawyers?|attorneys?)\b")
# An owner that is a government: "the county's elections director", "the city's housing chief", "provincial"; elections
# are the state's to run ("Elections director X", "the electoral chief").
_GOVERNMENT_OWNER = re.compile(r"\b(?:county|city|state|province|provincial|municipal|municipality|federal|national|regional|"
                               r"district|prefectural|ministry|government|council|legislature|elections|electoral)(?:[’']s)?\s"
                               rf"|{STATE_RUN.pattern}", re.IGNORECASE)  # "Director of the state-owned X"
# A government owner in the possessive before the unit of it a person leads: "Calder council's housing committee" (not
# "the council's tenants' association", no unit of the council).
# Lower case only: "Its tenants' association" made "<the body named last>’s tenants' association" is no such owner.
_GOVERNMENT_POSSESSOR = re.compile(r"\b(?:county|city|state|municipality|council|ministry|government)[’']s\s+(?:[\w\-]+\s+){0,2}?"
                                   r"(?:committee|department|office|board|panel|division|unit|service|agency)\b")
# A union's or party's secretary general leads it as its president does: the body decides (a union: role unknown).
_SECRETARIES_GENERAL = frozenset({"secretary general", "secretary-general", "general secretary", "secretary"})
# A leader of a body's research is an analyst whatever the body: "head of commodities research at Halden Bank".
_RESEARCH_UNIT = re.compile(r"\b(?:head|director|chief)\s+of\s+(?:[\w\-]+\s+){0,3}?(?:research|analysis)\b", re.IGNORECASE)
# The capitalised words around a role noun inside a body's name: "Harwick General Hospital".
_CAPITALISED_BEFORE = re.compile(r"(?<![\w\-])[A-Z][\w\-]*\s+$")
_CAPITALISED_AFTER = re.compile(r"(?:\s+[A-Z][\w\-]*(?![\w\-]))+")
# A tier of government before a capitalised expert's noun makes it an office: "the District Engineer", "County Attorney".
_TIER_OFFICE = re.compile(r"\b(?:County|District|City|Municipal|Provincial|Regional|State)\s+(?:[A-Z][\w\-]*\s+)?[A-Z][\w\-]*$")
# Working at a firm that sells advice or research makes a person an expert: "a partner at consulting firm X".
_AT_ADVISORY_FIRM = re.compile(r"\bat\s+(?:the\s+|an?\s+)?(?:consulting|consultancy|research|market-research|polling)\s+firm\b",
                               re.IGNORECASE)
_FORMER = re.compile(r"\b(?:former|ex-|one-time|retired)", re.IGNORECASE)
# The nouns of an office a person may have held: "former PMO director", "former deputy commissioner".
_OFFICE_NOUN = re.compile(r"\b(?:director|chief|head|adviser|advisor|commissioner|administrator|manager|superintendent|secretary|"
                          r"minister|governor|mayor|ambassador|chairman|chairwoman|chair)\b", re.IGNORECASE)
# A past public office named by its field: "former parks director", "Former utility director", "former chief science adviser".
_FORMER_PUBLIC_OFFICE = re.compile(r"\b(?:former|ex-|one-time|retired)\s+(?:(?:chief|deputy|assistant|senior)\s+)?(?:parks?|utility|"
                                   r"utilities|water|police|fire|health|education|schools?|transport|transit|science|planning|"
                                   r"elections?|housing|environment|ports?|customs|tax|budget|treasury|emergency)\s+"
                                   r"(?:director|chief|head|adviser|advisor|commissioner|administrator|manager|superintendent|"
                                   r"secretary)\b", re.IGNORECASE)
_HEAD_OF = re.compile(r"\b(?:director|head|chair|chairman|chairwoman|president|dean|fellow)\s+(?:of|at)\s+(?P<org>.+)",
                      re.IGNORECASE)
_WHY = {
    "official": "an official's words are an official statement",
    "former official": "a former official speaks for no government, so expert opinion",
    "expert": "an expert's words are expert opinion",
    ROLE_UNKNOWN: "a person with no official or expert role the rules can see is reported, so reporting (check the role)",
}


def role_of(title: str) -> tuple[str, str]:
    """Return ``(speaker_role, what the rules saw)`` for the words that describe a person ('; '-separated parts).

    The first part that names a role decides: a role noun (``role_nouns.txt``), else working at an academic
    body (expert) or a body of government (official). ``ROLE_UNKNOWN`` ('') when no part does.
    """
    parts = title.split("; ")
    for index, part in enumerate(parts):
        found = _former_office_before_now(part) or _part_role(part) or _former_public_office(part)
        if found is not None:
            return (_former_office_among(parts[index + 1 :]) if found[0] == "expert" else None) or found
    why = f"'{title}' names no role" if title else "no title found"
    return ROLE_UNKNOWN, f"{why}, so the role is left for you (role unknown)"


def _former_office_before_now(part: str) -> tuple[str, str] | None:
    """Return the former official's role of a title that names a past office before what the person does now ("a
    former sanitation commissioner who now teaches at X University": a former official speaking as an analyst), or
    None when ``part`` has no such "who now" or the office before it is no former official's."""
    office, now, _ = part.partition(" who now ")
    found = _part_role(office) if now and _FORMER.search(office) else None
    if found is not None and found[0] == "former official":
        return found
    if now and _FORMER.search(office) and _OFFICE_NOUN.search(office):
        return "former official", f"'{office}' names a past office, and the person now speaks as an analyst, so a former official"
    return None


def _former_public_office(part: str) -> tuple[str, str] | None:
    """Return the former official's role of a title that names a past public office by its field and an office noun
    ("a former parks director for the town", "Former utility director", "Former chief science adviser"), or None."""
    if _FORMER_PUBLIC_OFFICE.search(part) is None:
        return None
    return "former official", f"'{part}' names a past public office, so a former official"


def _former_office_among(parts: list[str]) -> tuple[str, str] | None:
    """Return the former official's role that one of ``parts`` (the parts of a title after an expert's) names, or
    None: "Legal analyst; a former judge of the court" is a former official speaking as an analyst."""
    for part in parts:
        found = _part_role(part) if _FORMER.search(part) else None
        if found is not None and found[0] == "former official":
            return found
    return None


# An analyst's work written as a clause: "who follows the machinery sector for the private bank X", "who covers
# European banks at Y".
_ANALYST_CLAUSE = re.compile(r"\bwho\s+(?:follows|covers|tracks|analy[sz]es)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?(?:sector|industry|"
                             r"market|markets|stocks|shares|banks|companies|carmakers|airlines|insurers)\b")


def _part_role(part: str) -> tuple[str, str] | None:
    """Return ``(speaker_role, what the rules saw)`` for one part of a title, or None when it names no role."""
    if "who " in part and _ANALYST_CLAUSE.search(part):
        return "expert", f"'{part}' follows a sector as an analyst does, so an expert"
    lex = lexicon()
    head = _HEAD_OF.search(part)
    kinds = {organisation_kind(run.group(0), lex) for run in runs(part, lex) if not _abbreviates_title(part, run)} - {""}
    if head and "academic" in kinds:
        return "expert", f"'{part}' heads or works at an academic body, so an expert"
    found = list(lex.role_noun.finditer(part))  # the title's role nouns, searched for once (what the three uses below read)
    nouns = _role_nouns_of(part, found)
    leads = _leads(part, nouns, found)
    if leads and not kinds:  # "head of the office", "who heads the service", "the county's elections director"
        kinds = _led_body_kinds(part)
    if leads and nouns and nouns[-1].removesuffix("s") in _SPEAKS_FOR and (spokesperson := _spokesperson_role(part, kinds)) is not None:
        return spokesperson
    if kinds and leads:  # the head of a body: the body's kind decides
        return _former(part, _body_role(part, kinds))
    if leads and _RESEARCH_UNIT.search(part):  # "head of soft commodities research at Calverley Securities"
        return "expert", f"'{part}' leads research, so an expert"
    roles = [(role, match) for match in found
             if (role := _noun_role(match.group(0))) in ("official", "expert") and not _inside_body_name(part, match)]
    if roles and _ADVOCATE.search(part) and roles[0][1].group(0).lower().rstrip("s") in ("lawyer", "attorney"):
        return ROLE_UNKNOWN, f"'{part}' speaks for a party to the case, so the role is left for you (role unknown)"
    if roles:
        role = roles[0][0]
        if role == "expert" and _TIER_OFFICE.search(part, 0, roles[0][1].end()):
            return "official", f"'{part}' is an office of a county, city or district, so an official"
        return _former(part, (role, f"'{part}' makes the speaker an {role}"))
    return _workplace_role(part, kinds)


def _workplace_role(part: str, kinds: set[str]) -> tuple[str, str] | None:
    """Return ``(speaker_role, what the rules saw)`` for a title that names no role noun, from where the person works
    (``kinds``, the kinds of the bodies it names): an academic body or a consulting or research firm makes an expert,
    a body of government an official; None when the workplace says nothing of the role."""
    if "academic" in kinds:
        return "expert", f"'{part}' works at an academic body, so an expert"
    if kinds & {"government", "agency"}:
        return "official", f"'{part}' works for a body of government, so an official"
    if _AT_ADVISORY_FIRM.search(part):
        return "expert", f"'{part}' works at a consulting or research firm, so an expert"
    return None


# Where a led body stands, after its noun: "runs a souvenir shop on the street leading to the museum" leads the shop.
_LED_BODY_PLACE = re.compile(r"\s(?:on|near|along|opposite|beside|off|next to)\s")


def _led_body(part: str) -> str:
    """Return ``part`` without the place after the body a verb of leading names ("who runs a souvenir shop on the
    street leading to the museum" -> "who runs a souvenir shop"); a part with no verb of leading is kept whole."""
    leads = _LEADS.search(part)
    if leads is None:
        return part
    place = _LED_BODY_PLACE.search(part, leads.end())
    return part[: place.start()] if place is not None else part


def _led_body_kinds(part: str) -> set[str]:
    """Return the kind of the body a leader's title ``part`` with no capitalised body names: a government's when a
    government owns the unit led ("chairs Calder council's housing committee") or the state runs it ("the director
    of the state-run hospital"), else the kind of its head noun, else a government's for a government owner ("the
    county's elections director"); an empty set when none is seen."""
    part = _led_body(part)
    if _GOVERNMENT_POSSESSOR.search(part) is not None or STATE_RUN.search(part) is not None:
        return {"government"}
    return {organisation_kind(part, lexicon())} - {""} or ({"government"} if _GOVERNMENT_OWNER.search(part) else set())


def _inside_body_name(part: str, noun: re.Match[str]) -> bool:
    """Return True when the role noun ``noun`` of ``part`` is a word inside a body's name, between capitalised words
    and before the body's head noun ("a radiologist at Harwick General Hospital"): it names no one's role."""
    if not noun.group(0)[:1].isupper() or not _CAPITALISED_BEFORE.search(part, 0, noun.start()):
        return False
    after = _CAPITALISED_AFTER.match(part, noun.end())
    return after is not None and any(lexicon().organisation_head.fullmatch(word) for word in after.group(0).split())


def _abbreviates_title(part: str, run: re.Match[str]) -> bool:
    """Return True when the run ``run`` of ``part`` is an acronym in brackets that spells the capitalised words just
    before it ("District Chief Executive (DCE)"): the title's own short form, not a body the person works for."""
    if not part.startswith(")", run.end()) or not part.endswith("(", 0, run.start()) or not ACRONYM.match(run.group(0)):
        return False
    return spells_acronym(part[: run.start() - 1], run.group(0))


def _role_nouns_of(part: str, found: list[re.Match[str]]) -> list[str]:
    """Return the role nouns (lower case) of a title: after the body that owns it when the title ends in the owner's
    role noun ("the Farmers' Cooperative Federation’s president" -> president), else before its "of"/"at" ("head of
    the regency's environment agency" -> head). ``found`` is ``lex.role_noun.finditer(part)`` (read, not searched again)."""
    lex = lexicon()
    own = _POSSESSOR.sub("", part) if "’" in part or "'" in part else part  # the same: every possessor has an apostrophe
    if own != part and own.split() and lex.role_noun.fullmatch(own.split()[-1]):
        return [match.group(0).lower() for match in lex.role_noun.finditer(own)]
    return [match.group(0).lower() for match in _matches_before(part, found, len(part.split(" at ")[0].split(" of ")[0]))]


def _matches_before(part: str, found: list[re.Match[str]], cut: int) -> list[re.Match[str]] | Iterator[re.Match[str]]:
    """Return the matches of ``lex.role_noun`` in ``part[:cut]`` (``cut`` where " at " or " of " starts, or the end),
    from ``found`` (its matches in the whole ``part``): the same ones, as a space follows the cut (each noun ends there
    as at the end of the text), unless a match in ``part`` runs across the cut ("secretary of state"): then searched."""
    if any(match.start() < cut < match.end() for match in found):
        return lexicon().role_noun.finditer(part[:cut])
    return [match for match in found if match.end() <= cut]


def _role_nouns_across(part: str, found: list[re.Match[str]]) -> list[str]:
    """Return the role nouns (lower case) of the whole title ``part``, an "of" inside one kept ("secretary of state");
    ``found`` is ``lex.role_noun.finditer(part)``."""
    return [match.group(0).lower() for match in found] if " of " in part else []


def _leads(part: str, nouns: list[str], found: list[re.Match[str]]) -> bool:
    """Return True when the title ``part`` (its role nouns ``nouns``) makes a person the head of a body or its voice,
    so that the body's kind decides the role: a leadership or spokesperson noun and no more specific one ("Teachers
    Alliance president", "a spokeswoman for the company"), or a verb of leading; not "Spokesman for the organisation"
    (a noun any body goes by: the spokesman's own role). ``found`` is ``lex.role_noun.finditer(part)``."""
    heads = _LEADERSHIP | _SPEAKS_FOR | _SECRETARIES_GENERAL
    if any(noun.removesuffix("s") not in heads and _noun_role(noun) in ("official", "expert") for noun in nouns):
        return False  # "chief economist", "Finance Minister"
    if any(" of " in noun and _noun_role(noun) == "official" for noun in _role_nouns_across(part, found)):
        return False  # "The secretary of state for water resources": an office in its own right, whatever follows
    if nouns and nouns[-1].removesuffix("s") in _SPEAKS_FOR and part.lower().split()[-1] in _GENERIC_BODIES:
        return False
    return any(noun.removesuffix("s") in heads for noun in nouns) or _LEADS.search(part) is not None


def _spokesperson_role(part: str, kinds: set[str]) -> tuple[str, str] | None:
    """Return the role of a spokesperson from the body they speak for: an official for a public body of several
    nations or one known by its acronym ("UNHCR's spokeswoman") and for a body of government, else unknown ("a
    spokeswoman for the company"); None when no body's kind can be seen (the noun's own role, an official, decides)."""
    kinds = kinds or _body_noun_kinds(part)
    if not kinds and _FOR_NAMED_BODY.search(part) and not _PUBLIC_BODY.search(part):
        return ROLE_UNKNOWN, f"'{part}' speaks for a body the rules cannot place, so the role is left for you (role unknown)"
    if not kinds:
        return None
    if _PUBLIC_BODY.search(part):
        return "official", f"'{part}' speaks for a public body, so an official"
    return _body_role(part, kinds)


def _body_noun_kinds(part: str) -> set[str]:
    """Return the kind of the body a lower-case noun at the end of ``part`` names ("a spokeswoman for the company" ->
    other), or an empty set (also for a noun any body goes by: "the organisation")."""
    words = part.lower().split()
    noun = words[-1].strip(".,’'") if words else ""
    kind = lexicon().body_nouns.get(noun) if noun not in _GENERIC_BODIES else None
    return {kind} if kind else set()


def _body_role(part: str, kinds: set[str]) -> tuple[str, str]:
    """Return the role of the head of a body from the body's kind (government, academic, or other: unknown), or of
    the head of its research (an expert)."""
    if _RESEARCH_UNIT.search(part):
        return "expert", f"'{part}' leads research, so an expert"
    if kinds & {"government", "agency"}:
        return "official", f"'{part}' leads a body of government, so an official"
    if "academic" in kinds:
        return "expert", f"'{part}' leads an academic body, so an expert"
    if _leads_international_body(part):
        return "official", f"'{part}' leads an international public body, so an official"
    return ROLE_UNKNOWN, f"'{part}' leads a body that is neither government nor academic, so the role is left for you (role unknown)"


def _former(part: str, found: tuple[str, str]) -> tuple[str, str]:
    """Return ``found`` (a role and what the rules saw) made a former official's when it is an official's and the
    title ``part`` says the office is past ("Its former head", "the agency's one-time director")."""
    if found[0] == "official" and _FORMER.search(part):
        return "former official", f"'{part}' names a former office, so a former official"
    return found


def _leads_international_body(part: str) -> bool:
    """Return True when the body a leader heads ("the president of the World Bank") is an international public body
    by its name (an acronym alone, "the president of OSA", may be a club's: the role is left for the teacher)."""
    from medialit.draft.people import is_international  # people imports the model, which imports this module

    head = _HEAD_OF.search(part)
    body = re.sub(r"^(?:the|The)\s+", "", head.group("org").strip(" ,.")) if head else ""
    return bool(body) and not ACRONYM.match(body) and is_international(body)


def _noun_role(noun: str) -> str:
    """Return the role a role noun as written gives ("Analysts" -> expert; '' when not a role noun)."""
    nouns = lexicon().role_nouns
    word = " ".join(noun.lower().split())
    return nouns.get(word) or nouns.get(word.removesuffix("s"), "")


def category(attribution: Attribution, channel: str, state: Outlet | None) -> tuple[str, list[str], str]:
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
        if attribution.government:
            return "official statement", ["reporting"], "Category: an organisation of government speaks an official statement (reporting also fits)."
        return "reporting", ["official statement"], "Category: the outlet reports what an organisation said, reporting (official statement also fits)."
    also: list[str] = []
    if role == ROLE_UNKNOWN:
        return "reporting", [], f"Category: {_WHY[role]}."
    if role == "official":
        label = "official statement"
        if channel == "paraphrase":
            also.append("reporting")
    else:
        label = "expert opinion"
        if role == "former official":
            also.append("official statement")
    if state is not None and channel == "relayed":
        also.append("state-media framing")
    return label, also, f"Category: {_WHY[role]}."


def rule(attribution: Attribution, channel: str, state: Outlet | None) -> str:
    """Return the id of the labelling rule (``medialit.vocabulary.RULES``) that ``category`` applied."""
    kind, role = attribution.kind, attribution.role
    if kind == "narration":
        return "R1"
    if kind in ("outlet", "anonymous"):
        return "R6" if state is not None else "R1"
    if kind == "institution":
        return "R3" if attribution.government else "R8"
    if state is not None and channel == "relayed":
        return "R4"
    if role == "official":
        return "R3" if channel == "paraphrase" else "R2"
    return "R1" if role == ROLE_UNKNOWN else "R5"
