"""The draft's use of the mention layer: the people and organisations one article names, and references back.

People are found with ``medialit.text.mentions`` (runs of capitalised words split into title and name), with
the words around the name that describe them (a title before it, an apposition after it, an age between
commas). Later mentions are resolved to the full name: a surname, a surname with its particles, a surname
written first. Organisations are found by head noun or acronym ("the Finance Ministry", "the IMF"), and
"the ministry" refers back to the last organisation with that head noun.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from medialit.draft.cues import APPOSITIVE, ASIDE_START
from medialit.draft.model import Person, gender_of
from medialit.text.article import Sentence
from medialit.text.mentions import (
    ACRONYM, STATE_RUN, Lexicon, head_noun, is_titled_apposition, lexicon, organisation_kind, runs, short_forms, spells_acronym,
    split_title, trie_not_after, without_modifiers,
)

_POSSESSIVE = re.compile(r"[’']s?$")
_POSSESSIVE_IN_RUN = re.compile(r"[’']s(?=\s)")  # "Russia's Sochi" splits; "Workers' Union" does not
_CONTEXT_WORD = re.compile(r"[\w’'\-]+|[,;:.()\"“”«»]")
# Head nouns that make "X's <head>" one organisation's name rather than a possessor and a name.
_OWNED_HEADS = frozenset("Office Association Union Federation Bureau Service Commission Council Fund Foundation Institute".split())
_CLAUSE_BEFORE_NAME = re.compile(r"[,;:]|\.\s")
_DESCRIPTION_STOP = frozenset({"the", "of", "a", "an", "for", "in", "and"})
_LEAD_STOP = frozenset({"and", "with", "by", "to", "between", "from", "said", "told", "met", "meets", "meet", "visited"})
_TITLE_ACRONYM = re.compile(r"\s\((?P<acronym>[A-Z]{2,6})\)")  # "District Chief Executive (DCE)": the title's own short form
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Z0-9&\-]{1,7}|[A-Z][a-z]{2,8})\)")  # "(IMF)", "(Kuwasa)"
# A person's title before the body's name in one run: "Chairman of the Sadeer Free Zone Authority".
_TITLE_OF = re.compile(r"^(?:(?:Deputy|Vice|Acting|Chief|Senior|Second|First|Executive)[\s\-])*(?:Chairman|Chairwoman|Chair|"
                       r"President|Director|Director-General|Head|Chief|Secretary|Secretary-General|Governor|Minister|"
                       r"Commissioner|Spokesman|Spokeswoman|Spokesperson|Vice-Chairman|Member|Rector|Dean)\s+of\s+(?:the\s+)?")
# Bodies of government with a lower-case head noun: "the government of Costa Dorada", "Harrowfield council".
_LOWER_BODY_NOUNS = ("government", "council", "parliament", "municipality", "cabinet", "administration", "police", "department",
                     "ministry", "directorate", "bureau", "headquarters", "command", "committee", "central bank")
# Whether a sentence has one of them as a word (only searched for): ``\b(?:government|council|...)\b``, with the look-behind
# after each noun's first letter, so that the engine skips to where a noun may start (``trie_not_after``).
_LOWER_BODY_WORDS = re.compile(trie_not_after(_LOWER_BODY_NOUNS, r"\w") + r"\b")
# The patterns of bodies named in lower case test what stands before a name after its first letter ("[A-Z](?<![\w.][A-Z])":
# no word character before the capital), so that the engine skips to a capital or a "the"; a pattern that opens
# with a look-behind or \b is tried at every position of a sentence.
# A place, a field in lower case and a body noun: "the Groot-Karee education department", "the Kanvar transport ministry".
# A place's possessive may stand before the field: "China's finance ministry", "Poland's central bank".
_PLACE_FIELD_BODY = re.compile(r"(?P<name>[A-Z](?<![\w’'.\-][A-Z])[\w\-]*(?:\s+[A-Z][\w\-]*){0,2}(?:[’']s)?\s+(?P<field>[a-z]+(?:\s+[a-z]+)?)\s+"
                               r"(?P<head>department|ministry|directorate|bureau|(?<=central )bank))\b(?![’'\-])")
# A body named in lower case by its task, "of" a place: "the flood control and drought relief headquarters of Lanzhen County".
_TASK_BODY_OF = re.compile(r"t(?<!\wt)he\s+(?P<name>(?:[a-z]+\s+){1,6}?(?P<head>headquarters|command|committee)\s+of\s+"
                           r"(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})")
# A place's body of government named by its level and its task: "the Hamazawa prefectural board of education".
_PLACE_BOARD_OF = re.compile(r"(?P<name>[A-Z](?<![\w’'.\-][A-Z])[\w\-]*(?:\s+[A-Z][\w\-]*){0,2}\s+(?:county|city|town|district|regional|"
                             r"provincial|state|municipal|prefectural)\s+(?P<head>board|commission)\s+of\s+[a-z]+)\b(?![’'\-])")
# A place's non-government body named in lower case by its field: "Montevar's athletics federation".
_PLACE_FIELD_GROUP = re.compile(r"(?P<owner>[A-Z](?<![\w’'.\-][A-Z])[\w\-]*(?:\s+[A-Z][\w\-]*){0,2})[’']s\s+(?P<field>[a-z]+)\s+"
                                r"(?P<head>federation|association|union|league|confederation)\b(?![’'\-])")
# A body of government named in lower case by its field alone, with no place: "the health ministry", "the regional
# health authority" (later "the ministry", "the authority", "its director" refer back to it).
_FIELD_BODY = re.compile(r"[tT](?<![\w’'\-][tT])he\s+(?P<name>(?:(?:regional|provincial|state|national|federal|municipal|"
                         r"county|city|district|prefectural)\s+)?(?P<field>[a-z]+)\s+(?P<head>ministry|department|authority))\b(?![’'\-])")
# Words before a body's noun that name no field: "the same ministry", "the new authority", and a level alone ("the
# regional authority" refers back to a body named before).
_NOT_FIELDS = frozenset("same said new old former other whole entire relevant responsible competent regional provincial state "
                        "national federal municipal county city district prefectural".split())
_FIELD_STOP = frozenset("the of and in a an to for with on at by from said says told has had have is was were will would "
                        "its his her their this that which who local".split())
_GOVERNMENT_OF = re.compile(r"\b(?P<name>(?:(?:regional|provincial|state|federal|national|local|municipal|county|city)\s+)?"
                            r"(?P<head>government|council|parliament|municipality|cabinet|administration)\s+of\s+"
                            r"(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})")
_PLACE_BODY = re.compile(r"(?P<name>[A-Z](?<![\w’'.\-][A-Z])[\w\-]*(?:\s+[A-Z][\w\-]*){0,2}\s+(?:(?:county|city|town|district|regional|"
                         r"provincial|state|municipal|prefectural)\s+)?(?P<head>council|government|police))\b(?![’'])")
# The head nouns every match of each pattern has, tested as substrings before the pattern is searched for.
_LOWER_BODY_PATTERNS = ((_GOVERNMENT_OF, ("government", "council", "parliament", "municipality", "cabinet", "administration")),
                        (_PLACE_BODY, ("council", "government", "police")),
                        (_PLACE_FIELD_BODY, ("department", "ministry", "directorate", "bureau", "bank")),
                        (_TASK_BODY_OF, ("headquarters", "command", "committee")), (_PLACE_BOARD_OF, ("board", "commission")))
_AND_BEFORE = re.compile(r"(?<![\w\-])(?:[A-Z][\w\-]*\s+)+and\s+$")
# A world region that ends an international body's name after "and" ("... Security and Co-operation in Europe").
_REGION_IN_NAME = re.compile(r"\s+in\s+(?:Europe|Asia|Africa|Latin\s+America|the\s+Americas|the\s+Pacific|the\s+Middle\s+East|"
                             r"the\s+Caribbean|the\s+Mediterranean|the\s+Arctic)\b(?![’'\-])")
_AND_NAME = re.compile(r"(?:,\s+[A-Z][\w\-]*(?=[^.;]*?\s+and\s+[A-Z]))*\s+and\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*")
# Lower-case words before a capitalised name describe it ("the opposition Labour Party" -> "Labour Party"), but not
# when they end in a head noun's "of"/"for" ("the diocese of Ambaro" is the body, not "Ambaro").
_LOWER_OPENING = re.compile(r"^(?:[a-z][\w\-]*\s+)+(?<!\bof )(?<!\bfor )(?=[A-Z])")
# What shows that a name names a body: ", which" (not "who"), or an apposition ending in a head noun.
_BODY_AFTER = re.compile(
    r",\s+(?:which\b|(?P<what>(?:an?|the)\s+(?:(?!(?:at|of|in|for|from|with|on|by|who)\s)[\w\-]+\s+){0,3}?"
    r"(?!(?:at|of|in|for|from|with|on|by|who)\b)[\w\-]+)(?=\s+(?:in|of|based|that|with)\b|,))"
)
# An apposition of up to eight words after a name, up to the next comma: ", the utility that owns the line,".
# Also a longer one whose noun a participle follows: ", an environmental group named after the river that runs ...".
_BODY_APPOSITION = re.compile(r",\s+(?P<what>(?:the|a|an)\s+(?:(?:[\w’'\-]+\s+){0,7}?[\w’'\-]+|(?:[\w’'\-]+\s+){1,3}"
                              r"(?:named|founded|formed|created|known|owned|backed|funded)\s+[^,.;]+))(?=\s*[,.;])")
_APPOSITION_STOP = frozenset("in of at for from with on by who which that whose where left based named founded formed created "
                             "known owned run backed led funded set".split())  # "an environmental group named after the river"
_MEMBER_OF = re.compile(r"\s+(of the (?:[a-z]+\s+){0,2}[A-Z][\w’'\-]*(?:\s+(?:of\s+)?[A-Z][\w’'\-]*){0,5})")
_ITS = re.compile(r"\b[Ii]ts\s+(?=\w)")
# A title before the body it belongs to, in one run: "Chairman of the Sadeer Port Authority" names the Authority.
_TITLE_OF_BODY = re.compile(r"^(?:[A-Z][\w’'\-]*\s+){0,3}?(?P<last>[A-Z][\w’'\-]*)\s+(?:of|for|at)\s+(?:the\s+)?(?=[A-Z])")
# A possessive reference back to a body before a title: "the office's director general", "the ministry’s spokesman".
_THE_BODYS = re.compile(r"\b[Tt]he (?P<noun>[a-z]+)[’']s(?=\s)")
# A lower-case body noun that opens a title before a leadership noun: "board chair", "agency director".
_BODY_NOUN_TITLE = re.compile(r"^(?P<noun>[a-z]+)\s+(?=(?:chair|chairman|chairwoman|chairperson|president|director|head|chief)\b)")
_ACRONYM_WORD = re.compile(r"\b[A-Z][A-Z0-9&]{1,7}\b(?![’'\-])")
_OF_THE_BODY = re.compile(r"\b(?P<preposition>of|at) the (?P<noun>[a-z]+)\b(?![’'\-])")  # "head of the office"
# Words before a name that make it a place: "near Umm Sidra", "based in the city of Harlow Ridge", "the province of X".
_PLACE_BEFORE = re.compile(r"\b(?:in|near|at|outside|across|into|around|towards?|via|from)\s+(?:the\s+)?$"
                           r"|\b(?:city|town|village|province|region|district|county|municipality|prefecture)\s+of\s+$")
_PLACE_BEFORE_ENDS = ("in", "near", "at", "outside", "across", "into", "around", "toward", "towards", "via", "from", "the", "of")
# A lower-case description just before an organisation's name ("the environmental group Green Danube", "The United
# Nations refugee agency, UNHCR", "the regulator, the Financial Supervisory Commission") or just after it (", the
# country's markets regulator,"): its last word, if a body noun, is how the article may refer back ("the group").
_DESCRIBED_BEFORE = re.compile(r"\b(?:the|a|an|The|A|An|[A-Z][\w\-]*[’']s)\s+(?:[\w’'$.\-]+\s+){0,5}?(?P<noun>[a-z][a-z\-]*)(?:\s*,\s*(?:the\s+)?|\s+)$")
_DESCRIBED_AFTER = re.compile(r",\s+(?:the|a|an)\s+(?:[\w’'$.\-]+\s+){0,7}?(?P<noun>[a-z][a-z\-]*)(?=\s*[,.;]|\s+(?:that|which|in|of|for|based|with|said|says|has|had|is|was)\b)")
# A possessor before an organisation's name: "the country's civil protection service", "Lusenia's Finance Ministry".
_POSSESSOR = re.compile(r"^(?P<owner>(?:[A-Z][\w\-]*\s+){0,3}[\w\-]+)[’']s\s+(?=\S)")
# Nouns that refer back to the same kind of body: "the company" after "Aldous Brenner Group, the elevator maker".
# Head nouns of bodies that are no company, whatever their kind: "the company" never refers back to a committee.
_NO_COMPANY_HEADS = frozenset("committee commission council court tribunal ministry department agency authority union "
                              "association federation confederation institute university party assembly parliament "
                              "government police".split())
_COMPANY_NOUNS = frozenset("company firm brokerage group maker producer manufacturer operator carrier airline developer retailer "
                           "lender insurer utility conglomerate consultancy carmaker automaker miner shipper shipbuilder "
                           "chipmaker drugmaker steelmaker giant distributor supplier exporter importer refiner startup".split())
# Nouns that refer back to any body named before: "a spokesman for the institution", "the organisation said".
_ANY_BODY = frozenset("institution organisation organization body".split())
# A lower-case body owning the body named next ("the league's Financial Control Commission"): the owner's kind decides.
_BODY_OWNER = re.compile(r"\b(?:the|its|their|The|Its|Their)\s+(?P<noun>[a-z]+)[’']s\s+$")
# Generic owners below the nation: "the city's finance department" is the city's, not the state's (the name keeps them).
_LOCAL_OWNERS = frozenset("city province county town village municipality district prefecture".split())
# Bodies that own a named body of their own: "parliament's Standards Committee" is the Standards Committee.
_ASSEMBLY_OWNERS = frozenset("parliament government assembly senate congress legislature cabinet".split())
_GENERIC_OWNERS = frozenset("country nation state city region province island kingdom republic territory county district "
                            "municipality prefecture town village capital".split())
_TITLE_PHRASE = re.compile(r"\b(?i:spokes(?:man|woman|person)|head|chief|director|chairman|chairwoman|chairperson|chair|president|secretary|"
                           r"minister|member|leader|official|officer|manager|expert|analyst)\s+(?:for|of|at|from)\s+$")
# The same inside a description: "The chairperson of the school governing body, X": X is the chairperson, not the body.
_TITLE_INSIDE = re.compile(_TITLE_PHRASE.pattern.removesuffix("$"))
# Honorifics that belong to a name written with one word ("Mrs Justice Okonkwo-Reid", "Sheikh Hamad", "Lord Patel").
# A form of address and the surname after it ("Ms Chua", "Madam Lim"): a word the article gives a person as a surname.
# The same as "\b(?:Mr|Mrs|Ms|Madam|Mdm|Dr)...", with the \b tested after the first letter (no word character before it),
# so that the engine skips to the letters M and D (a pattern that opens with \b is tried at every position of a sentence).
_ADDRESSED = re.compile(r"(?:M(?<!\wM)(?:r|rs|s|adam|dm)|D(?<!\wD)r)\.?\s+(?P<surname>[A-Z][\w\-]*)")
_HONORIFIC_END = re.compile(r"(?:(?:Mr|Mrs|Ms|Mr\.|Mrs\.|Ms\.)\s+)?(?:Justice|Sheikh|Sheikha|Lord|Lady|Dame|Sir|Baroness|Baron|"
                            r"Archbishop|Cardinal|Emir|Prince|Princess|King|Queen|Pope)$")
# A place's possessive written before a body's name is part of how the article names it: "Halvoria's Interior Ministry".
# A formal name that says what the body is for ("Department of Foreign Affairs and Trade", "General Secretariat for Civil
# Protection"): it is the body's whole name, unlike a short one ("Interior Ministry") that needs the place before it.
FORMAL_NAME = re.compile(r"\s(?:of|for)\s+(?:the\s+)?[A-Z]")
_PLACE_POSSESSIVE = re.compile(r"(?<![\w’'\-])(?P<owner>(?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*)[’']s\s+$")
# A company whose shares are traded: "Shares of Calloway Semiconductor fell", "Aldous Brenner Group shares rose".
_SHARES = re.compile(r"\b[Ss]hares\s+(?:of|in)\s+(?P<of>[A-Z][\w&.\-]*(?:\s+(?:&\s+)?[A-Z][\w&.\-]*){0,4})"
                     r"|(?P<before>(?<![\w’'\-])[A-Z][\w&.\-]*(?:\s+(?:&\s+)?[A-Z][\w&.\-]*){0,4})(?:[’']s)?\s+shares\b")
# A noun after a body's name that makes the name describe a thing: "a High Court decision", "a ministry document".
_THING_AFTER = re.compile(r"\s+(?:decision|ruling|judgment|judgement|order|verdict|judge|judges|case|hearing|proceedings|"
                          r"document|documents|filing|official|officials|building|headquarters|website)\b")
# A tier of government in lower case just before a body's name: "the provincial Crisis Management Organisation".
_LOCAL_GOVERNMENT = re.compile(r"\b(?:the|a|its)\s+(?:provincial|regional|municipal|prefectural|district|county|federal)\s+$")
_PRESS_OFFICE = re.compile(r"[’']s?\s+(?:press\s+)?(?:office|service|spokes(?:man|woman|person))$")


@dataclass(frozen=True)
class Organisation:
    """An organisation the article names: its name as written, its kind, its head noun, where it was named."""

    name: str
    kind: str
    head: str
    position: int


@dataclass
class Mentions:
    """Everyone and every organisation one article names, in order (built by ``collect``; one per article)."""

    lex: Lexicon = field(default_factory=lexicon)
    people: dict[str, Person] = field(default_factory=dict)
    short: dict[str, Person] = field(default_factory=dict)
    organisations: list[Organisation] = field(default_factory=list)
    acronyms: dict[str, Organisation] = field(default_factory=dict)
    bodies: set[str] = field(default_factory=set)  # names that look like people's but name organisations
    person_positions: list[int] = field(default_factory=list)
    person_at: list[Person] = field(default_factory=list)
    # (noun, position, organisation): "the fund" refers back to the body an apposition called a fund
    descriptions: list[tuple[str, int, Organisation]] = field(default_factory=list)
    ages: dict[str, Person] = field(default_factory=dict)  # "58" -> the person written "X, 58,"
    attributive: set[int] = field(default_factory=set)  # where a body is named before a noun ("a High Court decision")
    named_until: int = -1  # where the last organisation's name ends in the article ("Ministry of Trade, Industry and Energy")
    addressed: frozenset[str] = frozenset()  # the words after a form of address in the article ("Chua" in "Ms Chua")
    sentence_starts: tuple[int, int] = (0, 0)  # where the sentence being read and the one before it start (``collect``)

    def split(self, run: str) -> tuple[str, str, int]:
        """Return ``split_title(run)`` (a pure function of the run: worked out once per distinct run and process)."""
        return _split_cached(run)

    def collect(self, sentences: list[Sentence]) -> None:
        """Find every person and organisation named in ``sentences`` (changes this registry)."""
        skip = self.lex.not_names | self.lex.titles
        self.addressed = frozenset(match.group("surname") for sentence in sentences if "M" in sentence.text or "Dr" in sentence.text
                                   for match in _ADDRESSED.finditer(sentence.text))  # the same: every form of address has one
        for sentence in sentences:
            text = sentence.text
            self.sentence_starts = (sentence.char_start, self.sentence_starts[0])
            before: re.Match[str] | None = None
            joined_until = -1
            for match in runs(text, self.lex):  # ``lex.run.finditer``, faster
                run, start = match.group(0), match.start()
                if start < joined_until:
                    continue  # "Allied Workers" in "the union Marine and Allied Workers": collected with "Marine"
                if " " not in run and sentence.char_start + start < self.named_until:
                    continue  # "Energy" in "the Ministry of Trade, Industry and Energy": no second body
                if text.startswith(" and ", match.end()) and (joined := self._joined_after_noun(text, match)):
                    joined_until = start + len(joined)
                    self._collect_body_after_noun(text, start, joined, sentence.char_start)
                    continue  # "the shipbuilders' union Marine and Allied Workers": one body
                if before is not None and " and " in text[before.end() : start + 1] and self._title_goes_on(text, before, match):
                    run, start = text[before.start() : match.end()], before.start()  # "Minister of Trade and Industry Jan Kowal"
                before = match
                if run in skip and run not in self.short:
                    continue  # "The", "According", "Mr": one word that names no one (the common case, decided at once)
                pieces = _run_pieces(run, start) if ("’" in run or "'" in run) else [(start, run)]
                for piece_start, piece in pieces:
                    self._collect_piece(text, piece_start, piece.rstrip("’'"), sentence.char_start)
            self._collect_lower_named(text, sentence.char_start)
            if ('"' in text or "“" in text) and _QUOTED_WORD.search(text):  # the same result: every nickname is one quoted word
                self._collect_nicknamed(text, sentence.char_start)
            if "hares" in text:
                self._collect_listed_companies(text, sentence.char_start)
        self.organisations.sort(key=lambda org: org.position)
        self._name_described_bodies_in_titles()
        self._note_title_acronyms()

    def _note_title_acronyms(self) -> None:
        """Make the acronym a person's title gives itself in brackets ("the District Chief Executive (DCE) for X") a
        short form of that person, so that a later "The DCE explained" is that person; an acronym already taken by a
        body or another person keeps its first owner (changes ``short``)."""
        for person in list(self.people.values()):
            for match in _TITLE_ACRONYM.finditer(person.title) if "(" in person.title else ():
                acronym = match.group("acronym")
                if spells_acronym(person.title[: match.start()], acronym) and acronym not in self.acronyms:
                    self.short.setdefault(acronym, person)

    def _name_described_bodies_in_titles(self) -> None:
        """Give the head noun of a body known only from its description ("the Vindhara Ryot Sangham, a farmers'
        association") to the titles that name it ("president of the Vindhara Ryot Sangham" -> "... Sangham
        (Association)"), so that the body's kind decides the leader's role, as with a head noun in the name; a
        non-government body with no head noun at all ("X, which opposed the plan") is a group ("X (Group)’s
        spokeswoman": no official). Changes the titles (and forgets the roles worked out) of ``people``."""
        described = [(org, org.head.title() if org.head else "Group") for org in self.organisations
                     if " " in org.name and not organisation_kind(org.name, self.lex)
                     and (org.head and organisation_kind(org.head.title(), self.lex) or not org.head and org.kind == "other")]
        for person in self.people.values() if described else ():
            for org, head in described:
                if org.name in person.title and f"{org.name} (" not in person.title:
                    person.title, person._role = person.title.replace(org.name, f"{org.name} ({head})", 1), None

    def _collect_nicknamed(self, text: str, offset: int) -> None:
        """Record a person written with a nickname inside the name ('Dashawn "Dash" Whitlock') by the name without it,
        so that later short forms ("Whitlock") find them (changes ``people`` and ``short``)."""
        for match in _NICKNAMED.finditer(text):
            name = f"{match.group('given')} {match.group('surname')}"
            if name not in self.people and match.group("given") not in self.lex.not_names:
                self.add_person(Person(name), offset + match.start())

    def _joined_after_noun(self, text: str, run: re.Match[str]) -> str:
        """Return the name a body noun before ``run`` introduces when "and" joins two runs into it ("the shipbuilders'
        union Marine and Allied Workers", "the law firm Harlow and Pike"), or '' (a body noun is needed: "Kowal and
        Ruiz" are two people)."""
        joined = _AND_NAME.match(text, run.end())
        if joined is None or "," in joined.group(0) or not self._noun_before(text, run.start()):
            return ""
        return run.group(0) + joined.group(0)

    def _collect_lower_named(self, text: str, offset: int) -> None:
        """Record the bodies a sentence names with lower-case words (``_collect_lower_bodies``, then
        ``_collect_field_bodies``), each only when a substring test shows it may (changes ``organisations``)."""
        if _has_lower_body_noun(text) or " board of " in text or " commission of " in text:
            self._collect_lower_bodies(text, offset)
        if "ministry" in text or "department" in text or "authority" in text or "’s " in text or "'s " in text:
            self._collect_field_bodies(text, offset)

    def _collect_lower_bodies(self, text: str, offset: int) -> None:
        """Record bodies of government named with a lower-case head noun: "the government of Costa Dorada",
        "Harrowfield council", "the Qinghe county government" (changes ``organisations``)."""
        for pattern, heads in _LOWER_BODY_PATTERNS:
            if not any(head in text for head in heads):
                continue  # the same result, sooner: every match has one of the pattern's head nouns
            if pattern is _PLACE_BOARD_OF and " board of " not in text and " commission of " not in text:
                continue  # the quick, common case: no "board of"
            for match in pattern.finditer(text):
                if pattern is _TASK_BODY_OF and (_FIELD_STOP - {"and"}).intersection(match.group("name").split()[:-3]):
                    continue  # "the head of the committee of X": no task before the noun
                if pattern is _PLACE_FIELD_BODY and _FIELD_STOP.intersection(match.group("field").split()):
                    continue  # "Kowal said the department": no field of a body between the name and its noun
                words = match.group("name").split()
                while words and (words[0] in self.lex.not_names or self.lex.name_modifier.match(words[0])):
                    words = words[1:]  # "The Geneva-based council": a description, then a reference back
                if pattern is _PLACE_FIELD_BODY and not words[0][:1].isupper():
                    continue  # "The education department": no place named
                if len(words) >= 2 and words[0] not in self.people and words[0] not in self.short:
                    name = " ".join(words)
                    where = offset + match.end("name") - len(name)
                    self.organisations.append(Organisation(name, "government", match.group("head"), where))

    def _collect_field_bodies(self, text: str, offset: int) -> None:
        """Record the bodies named in lower case by their field ("the health ministry", "Montevar's athletics
        federation"), after the bodies ``_collect_lower_bodies`` found (changes ``organisations``)."""
        if "ministry" in text or "department" in text or "authority" in text:
            for match in _FIELD_BODY.finditer(text):
                self._collect_field_body(match, offset)
        if any(head in text for head in ("federation", "association", "union", "league")):
            for match in _PLACE_FIELD_GROUP.finditer(text):
                self._collect_field_group(match, offset)

    def _collect_field_body(self, match: re.Match[str], offset: int) -> None:
        """Record the body of government ``_FIELD_BODY`` matched ("the health ministry"), unless its field word is no
        field ("the same ministry", "the said department") or a body of that name is known (changes ``organisations``)."""
        name = match.group("name")
        if match.group("field") in _FIELD_STOP or match.group("field") in _NOT_FIELDS or \
                any(org.name.lower() == name for org in self.organisations):
            return
        self.organisations.append(Organisation(name, "government", match.group("head"), offset + match.start("name")))

    def _collect_field_group(self, match: re.Match[str], offset: int) -> None:
        """Record the non-government body ``_PLACE_FIELD_GROUP`` matched ("Montevar's athletics federation"), its name
        with the place's possessive; not when the owner is a person or a body ("Kowal's union") or the field word is
        no field (changes ``organisations``)."""
        words = match.group("owner").split()
        while words and words[0] in self.lex.not_names:
            words = words[1:]
        owner = " ".join(words)
        if not owner or self.known(owner) is not None or organisation_kind(owner, self.lex) or owner in self.lex.titles \
                or match.group("field") in _FIELD_STOP or match.group("field") in _NOT_FIELDS:
            return
        name = match.group(0)[match.group(0).index(owner):]
        where = offset + match.start("owner") + match.group("owner").index(owner)
        self.organisations.append(Organisation(name, self.lex.body_nouns[match.group("head")], match.group("head"), where))

    def _collect_listed_companies(self, text: str, offset: int) -> None:
        """Record the companies whose shares a sentence names ("Shares of Calloway Semiconductor fell", "Aldous Brenner
        Group shares rose"): a listed company, later "the company" or "the chipmaker" (changes this registry)."""
        for match in _SHARES.finditer(text):
            name = _POSSESSIVE.sub("", match.group("of") or match.group("before") or "").strip()
            words = name.split()
            while words and (words[0] in self.lex.not_names or self.lex.name_modifier.match(words[0])):
                words = words[1:]
            name = " ".join(words)
            if not name or name in self.bodies or name in self.acronyms or \
                    any(f" {name} " in f" {org.name} " for org in self.organisations):
                continue  # named before, or its short form ("Brenner shares" after "Aldous Brenner Group")
            where = offset + text.find(name, match.start())
            name, where = self._first_read_as_person(name, where)
            body = Organisation(name, "other", head_noun(name, self.lex) or "company", where)
            self.organisations.append(body)
            self.descriptions.append(("company", body.position, body))
            mistaken = self.people.pop(name, None)  # first taken for a person ("Calloway Semiconductor")
            if mistaken is not None:
                self.short = {form: person for form, person in self.short.items() if person is not mistaken}

    def _first_read_as_person(self, name: str, where: int) -> tuple[str, int]:
        """Return the name and first position of the company whose shares are named as ``name`` at ``where``: when it
        was named before and taken for a person ("Tswelo Platinum has signed ...", later "Tswelo's shares"), that
        person's full name and first mention, so "the miner" before the shares refers back to it."""
        person = self.people.get(name) or self.short.get(name)
        if person is None:
            return name, where
        first = next((at for at, named in zip(self.person_positions, self.person_at) if named is person), where)
        return person.name, min(first, where)

    def _title_goes_on(self, text: str, before: re.Match[str], run: re.Match[str]) -> bool:
        """Return True when ``run`` continues the title of the run ``before`` it across "and": "Minister of Trade" and
        "Industry Jan Kowal" (a title with "of"/"for" and no name, then an organisation's word and a name)."""
        if text[before.end() : run.start()] != " and " or run.group(0).count(" ") < 2:
            return False
        title, name, _ = self.split(before.group(0))
        return bool(title) and not name and (" of " in before.group(0) or " for " in before.group(0))

    def _collect_piece(self, text: str, piece_start: int, piece: str, offset: int) -> None:
        """Record the person or organisation one run of capitalised words names (changes this registry)."""
        if " " not in piece and piece not in self.short:
            self._collect_one_word(text, piece_start, piece, offset)
            return
        title, name, name_offset = self.split(piece)
        if name and not title and name.count(" ") >= 2 and self._title_to_before(text, piece_start):
            first = name.split()[0]  # "Ambassador to Serenia Faisal Al-Mansour": the place the title is "to" is no name
            name, name_offset = name[len(first) + 1 :], name_offset + len(first) + 1
            title = f"{text[max(0, piece_start - 40) : piece_start].split()[-2]} to {first}"
        if name.count(" ") == 1 and (" for " in title or " of " in title) and title.split()[-1] in self.addressed:
            surname = title.split()[-1]  # "Secretary for Sustainability Chua Li Ting", later "Ms Chua": surname first
            title, name, name_offset = title[: -len(surname)].strip(), f"{surname} {name}", name_offset - len(surname) - 1
        if not name and " of " in piece and self.split(piece.split(" of ")[0])[1]:
            head = piece.split(" of ")[0]  # "Omar Lind of the Brask Institute": a person, then a body
            self._collect_piece(text, piece_start, head, offset)
            rest = piece.index(" of ") + 4
            self._collect_organisation(text, piece_start + rest, piece[rest:], offset)
            return
        if not name:
            self._collect_body_of_title(text, piece_start, piece, offset)
            return
        if self._collected_as_body(text, piece_start, piece, offset):
            return
        known = self.people.get(name) or self.short.get(name)
        if known is None and " " not in name and (honoured := _HONORIFIC_END.search(title)) is not None:
            known = self._add_honoured(f"{honoured.group(0).strip()} {name}", name, title, offset + piece_start + name_offset)
        if known is None and (" " not in name and not _INITIALLED.match(name) or not title and (_place_before(text, piece_start)
                                                                 or text.endswith("the ", 0, piece_start))):
            return  # a lone word names no one new; "near Umm Sidra" names a place; "the Golden Heron" a thing
        start = piece_start + name_offset
        self._note_person_at(offset + start, known or name)
        if known is not None and known.title:
            return
        context = title_context(text, piece_start, start, start + len(name), title, self.lex)
        context = self._with_bodies_named(self._with_owner_before(text, piece_start, self._with_joined_portfolio(text, piece_start, context)))
        if known is not None:
            known.title, known._role = context, None
            known.gender = known.gender or gender_of(context)
        else:
            known = self.add_person(Person(name, context), offset + start)
        age = _AGE.match(text, start + len(name))
        if age is not None:
            self.ages[age.group("age")] = known  # "Ines Lindqvist, 58," is later "the 58-year-old"

    def _title_to_before(self, text: str, start: int) -> bool:
        """Return True when a title and "to" stand just before ``text[start:]`` ("Kuwait's Ambassador to ", "the UN envoy
        to "): the run's first word is the place the office is to, not the person's name."""
        words = text[max(0, start - 40) : start].split()
        return len(words) >= 2 and words[-1] == "to" and self.lex.role_noun.fullmatch(words[-2]) is not None

    def _collect_body_of_title(self, text: str, start: int, run: str, offset: int) -> None:
        """Record the organisation a run without a person names, leaving out a title before it ("Chairman of the Velm
        Port Authority" names the Velm Port Authority) (changes this registry)."""
        title_of = _TITLE_OF_BODY.match(run)
        if title_of and any(self.lex.role_noun.fullmatch(part) for part in title_of.group("last").split("-")):
            start, run = start + title_of.end(), run[title_of.end():]
        self._collect_organisation(text, start, run, offset)

    def _with_bodies_named(self, context: str) -> str:
        """Return the words describing a person with the bodies they refer back to named: "Its director" -> "<the body
        named last>'s director", "head of the office" -> "head of <the last body called an office>"."""
        if self.organisations and _ITS.search(context):  # "Its director, Hugo Lemaire": the body "its" refers to
            context = _ITS.sub(f"{self._its_body().name}’s ", context)
        if self.organisations and " the " in context:
            context = _OF_THE_BODY.sub(self._name_the_body, context)
        if self.organisations and ("’s " in context or "'s " in context):
            context = _THE_BODYS.sub(self._name_the_state_body, context)  # "the office's director general"
        if self.organisations and context[:1].islower():
            context = _BODY_NOUN_TITLE.sub(self._name_the_state_body_noun, context)  # "board chair"
        if self.organisations and context.split("; ")[0] == "Chief" and self.organisations[-1].kind in ("government", "agency"):
            context = f"{self.organisations[-1].name}’s chief{context[5:]}"  # "Chief Ana Ruiz" after "the Velm Fire Department"
        if self.acronyms:
            context = _ACRONYM_WORD.sub(self._name_the_acronym, context)  # "MSV director general"
        return context

    def _its_body(self) -> Organisation:
        """Return the body an "its" before a title refers to: the last one named in the same sentence, else the first
        one the sentence before named (its subject: "The union, the CFL, said it would go to the Constitutional Court.
        Its leader, ..." is the union's), else the last one named. Call only when a body is known; changes nothing."""
        current, previous = self.sentence_starts
        if self.organisations[-1].position >= current:
            return self.organisations[-1]
        return next((org for org in self.organisations if previous <= org.position < current), self.organisations[-1])

    def _name_the_state_body_noun(self, match: re.Match[str]) -> str:
        """Return the body noun that opens a title ("board" in "board chair") as the possessive of the last body named
        with that head noun when it is one of government ("Norland Regional Library Board’s "), else the noun unchanged."""
        body = next((org for org in reversed(self.organisations) if org.head == match.group("noun")), None)
        return f"{body.name}’s " if body is not None and body.kind in ("government", "agency") else match.group(0)

    def _with_joined_portfolio(self, text: str, start: int, context: str) -> str:
        """Return ``context`` (a title that starts a run at ``start``) with the first half of a portfolio joined by
        "and" put back ("Plantation and Commodities Minister ..."), so the ministry it leads is named whole; else
        ``context`` unchanged (also when the word before "and" names a person: "met Kowal and Finance Minister X")."""
        if not _ONE_WORD_PORTFOLIO.match(context):
            return context
        before = _PORTFOLIO_AND_BEFORE.search(text, max(0, start - 40), start)
        if before is None or before.group("first") in self.people or before.group("first") in self.short:
            return context
        return f"{before.group('first')} and {context}"

    def _with_owner_before(self, text: str, start: int, context: str) -> str:
        """Return ``context`` with the body named by one word before a role noun ("Aldous spokesman Piet Kramer-Lund"
        after "The Aldous Trust") written as its owner ("Aldous Trust’s spokesman"); else ``context`` unchanged."""
        owner = _OWNER_BEFORE_TITLE.search(text, max(0, start - 40), start)
        if owner is None or not context.startswith(owner.group("title").strip()):
            return context
        word = owner.group("owner")
        body = next((org for org in reversed(self.organisations) if word in org.name.split() and org.name != word), None)
        return f"{body.name}’s {context}" if body is not None else context

    def _name_the_state_body(self, match: re.Match[str]) -> str:
        """Return "the office's" with the office named ("Public Debt Management Office’s") when the last body named
        with that head noun is one of government (its head is then an official); else the words unchanged (what a
        foundation's or a confederation's president is, the teacher decides)."""
        body = next((org for org in reversed(self.organisations) if org.head == match.group("noun")), None)
        return f"{body.name}’s" if body is not None and body.kind in ("government", "agency") else match.group(0)

    def _name_the_acronym(self, match: re.Match[str]) -> str:
        """Return a defined acronym in a title with the body's name after it ("MSV" -> "MSV (Meteorological Service of
        Vindhara)"), so that the title's role follows from the body's kind; else the acronym unchanged."""
        body = self.acronyms.get(match.group(0))
        return f"{match.group(0)} ({body.name})" if body is not None and body.name != match.group(0) else match.group(0)

    def _name_the_body(self, match: re.Match[str]) -> str:
        """Return "of the office" with the office named ("of West Lintang Health Office") when an organisation with that
        head noun was named before, so that the title's role follows from the body's kind; else the words unchanged."""
        body = next((org for org in reversed(self.organisations) if org.head == match.group("noun")), None)
        return f"{match.group('preposition')} {body.name}" if body is not None else match.group(0)

    def _add_honoured(self, full: str, surname: str, title: str, position: int) -> Person:
        """Add a person named by an honorific and one word ("Mrs Justice Okonkwo-Reid", "Sheikh Hamad"), known later by
        that word alone; return them (changes ``people`` and ``short``)."""
        person = Person(full, title)
        self.people[full] = person
        self.short.setdefault(surname, person)
        self._note_person_at(position, person)
        return person

    def _collect_described_organisation(self, text: str, start: int, run: str, offset: int) -> bool:
        """Record a body that its apposition shows ("X, which ...", "X, an investment bank"); return whether one was."""
        after = _BODY_AFTER.match(text, start + len(run)) or _BODY_APPOSITION.match(text, start + len(run))
        described = self._described_head(after)
        if described is None:
            return False
        head, kind = described
        words = run.split()
        while len(words) > 1 and (words[0] in self.lex.not_names or self.lex.name_modifier.match(words[0])):
            start, words = start + len(words[0]) + 1, words[1:]  # "The Kourala Land Rights Collective, a ..."
        run = " ".join(words)
        self.organisations.append(Organisation(run, kind or "other", head, offset + start))
        self.bodies.add(run)
        if head:
            self.descriptions.append((head, offset + start, self.organisations[-1]))
        mistaken = self.people.pop(run, None)  # first taken for a person ("Harlow Brothers said ...")
        if mistaken is not None:
            self.short = {form: person for form, person in self.short.items() if person is not mistaken}
        return True

    def _described_head(self, after: re.Match[str] | None) -> tuple[str, str] | None:
        """Return ``(head noun, kind)`` of the body an apposition describes (", an investment firm", ", the last
        shipbuilder left on the isles", ", which ..." gives ('', 'other')), or None when it describes no body."""
        if after is None:
            return None
        what = after.group("what") or ""
        described_by = _apposition_nouns(what, self.lex)
        if what and not described_by and after.re is _BODY_APPOSITION:
            return None
        last = described_by[-1] if described_by else (what.split()[-1] if what else "")
        head = head_noun(last, self.lex) if last else ""
        kind = organisation_kind(last, self.lex) if last else "other"
        if what and not head and last in self.lex.body_nouns:
            head, kind = last, self.lex.body_nouns[last]  # "Berger Lindahl, an investment firm"
        if head and STATE_RUN.search(what):
            kind = "government"  # "Korea Power Exchange, the state-run grid operator"
        return (head, kind) if head or not what else None

    def _collect_body_after_noun(self, text: str, start: int, run: str, offset: int) -> bool:
        """Record a body that a noun before it describes ("the environmental group Green Danube"); return whether one was."""
        noun = self._noun_before(text, start)
        if not noun or noun in ("ministry", "department", "court", "council", "service", "commission", "authority"):
            return False  # "the ministry Jan Kowal runs" is rare; "the group Green Danube" is the case
        organisation = Organisation(run, self.lex.body_nouns[noun], noun, offset + start)
        self.organisations.append(organisation)
        self.bodies.add(run)
        self.descriptions.append((noun, offset + start, organisation))
        return True

    def _collect_one_word(self, text: str, piece_start: int, piece: str, offset: int) -> None:
        """Record what a one-word run no short form knows names: a body named before by it again, a person with a
        role after it, a body its describing noun names, or an organisation (changes this registry)."""
        if piece in self.bodies:
            self._note_body_again(piece, offset + piece_start)  # "Eskel, which ..., apologised. Its chief ..."
            return
        if not self._collect_described_surname(text, piece_start, piece, offset) and \
                not self._collect_lone_body_after_noun(text, piece_start, piece, offset):
            self._collect_organisation(text, piece_start, piece, offset)

    def _note_body_again(self, name: str, position: int) -> None:
        """Record a later mention by its one-word name of a body collected before, so that "Its director" after it
        names that body (changes ``organisations``)."""
        body = next(org for org in reversed(self.organisations) if org.name == name)
        self.organisations.append(Organisation(body.name, body.kind, body.head, position))

    def _collect_lone_body_after_noun(self, text: str, start: int, word: str, offset: int) -> bool:
        """Record a body named by one word right after the noun that describes it ("the state-owned operator Eskel"),
        not after a comma ("a filing with the exchange, Vantor said") nor when it opens a body named before
        ("Vantor" after "Vantor Energy"); return whether one was (changes this registry)."""
        if start < 2 or text[start - 2] == "," or not self._noun_before(text, start) or \
                any(org.name.startswith(f"{word} ") for org in self.organisations):
            return False  # the quick, common case first: no body noun right before the word
        return self._collect_body_after_noun(text, start, word, offset)

    def _noun_before(self, text: str, start: int) -> str:
        """Return the body noun of a description just before ``text[start:]`` ("the environmental group "), or ''."""
        words = text[max(0, start - 40) : start].rstrip(" ,").rsplit(None, 2)
        if not words or (words[-1] not in self.lex.body_nouns and " ".join(words[-2:]) not in self.lex.body_nouns
                         and not (words[-1] == "the" and len(words) > 1 and words[-2].rstrip(",") in self.lex.body_nouns)):
            return ""  # the quick, common case: no body noun right before the name
        match = _DESCRIBED_BEFORE.search(text, max(0, start - 90), start)
        if match is None or match.end() != start or _TITLE_PHRASE.search(text, max(0, match.start() - 30), match.start()) \
                or _TITLE_INSIDE.search(match.group(0)):
            return ""  # "Spokesman for the organisation Hamid Rezaei": the noun is part of a person's title
        noun = match.group("noun")
        return noun if noun in self.lex.body_nouns else ""

    def _note_descriptions(self, text: str, start: int, end: int, organisation: Organisation, offset: int) -> None:
        """Remember the body nouns that describe ``organisation`` just before or after its name (changes ``descriptions``)."""
        before = self._noun_before(text, start)
        after = _DESCRIBED_AFTER.match(text, end)
        for noun in (before, after.group("noun") if after is not None else ""):
            if noun in self.lex.body_nouns:
                self.descriptions.append((noun, offset + start, organisation))

    def _collect_described_surname(self, text: str, start: int, word: str, offset: int) -> bool:
        """Record a person named by one word with a role or an age after it ("Smith, the mayor, said", "Yusuf, a
        34-year-old,"); return whether one was."""
        if word in self.lex.not_names or word in self.lex.not_person or not self.lex.name_token.match(word):
            return False
        appositive = APPOSITIVE.match(text, start + len(word))
        if appositive is None or not ASIDE_START.match(appositive.group(1)) or \
                not (self.lex.role_noun.search(appositive.group(1)) or _YEAR_OLD.match(appositive.group(1))):
            title = self._title_before_lone_name(text, start, word)
            if not title:
                return False  # "Smith, the mayor,"; "Yusuf, a 34-year-old from the city of X,": a person known by one name
            self.add_person(Person(word, self._with_bodies_named(title)), offset + start)
            self.short[word] = self.people[word]
            return True
        self.add_person(Person(word, appositive.group(1)), offset + start)
        self.short[word] = self.people[word]
        return True

    def _title_before_lone_name(self, text: str, start: int, word: str) -> str:
        """Return the title that opens the sentence and names one word, set off by commas, as its holder ("Head of the
        Tanah Ruas District Disaster Mitigation Agency (BPBD), Sutrisno, told ANTARA": a mononym, as in Indonesian
        copy), or '' when the word has no such title before it."""
        if not text.startswith(",", start + len(word)) or not text.endswith(", ", 0, start):
            return ""
        segment = text[: start - 2]
        if "," in segment or not self.lex.role_noun.match(segment) or not is_titled_apposition(segment, self.lex):
            return ""
        return segment

    def _note_person_at(self, position: int, person: Person | str) -> None:
        """Remember that a person is named at ``position`` (for pronouns: the last person mentioned)."""
        if isinstance(person, Person):
            self.person_positions.append(position)
            self.person_at.append(person)

    def add_person(self, person: Person, position: int | None = None) -> Person:
        """Add ``person`` and their short forms (a form already taken keeps its first owner); return them."""
        self.people[person.name] = person
        for form in short_forms(person.name, self.lex):
            self.short.setdefault(form, person)
        if position is not None:
            self._note_person_at(position, person)
        return person

    def _collect_organisation(self, text: str, start: int, run: str, offset: int) -> None:
        """Record an organisation named by ``run`` (a head noun or an acronym; "(ABC)" after it gives its acronym)."""
        if " " not in run and run not in self.lex.organisation_heads and not ACRONYM.match(_POSSESSIVE.sub("", run)):
            return  # one capitalised word that is neither a head noun nor an acronym: the quick, common case
        run_end = start + len(run)
        name, start = self._organisation_name(text, start, run)
        kind = organisation_kind(name, self.lex) if name else ""
        if kind in ("government", "agency") and (owned := _BODY_OWNER.search(text, 0, start)) is not None:
            kind = self.lex.body_nouns.get(owned.group("noun"), kind)  # "the league's Financial Control Commission"
        if kind in ("other", "academic") and not ACRONYM.match(name) and _LOCAL_GOVERNMENT.search(text, max(0, start - 30), start):
            kind = "government"  # "the provincial Crisis Management Organisation": a province's body
        if not kind or name.lower() == head_noun(name, self.lex):
            return  # no organisation, or a head noun alone ("The Authority's"): a reference back
        if ACRONYM.match(name):
            if name not in self.acronyms:
                noun = self._noun_before(text, start)
                if not noun:
                    return  # an acronym names an organisation only once defined ("(IMF)"); a dateline's "SEOUL" does not
                self.acronyms[name] = Organisation(name, self.lex.body_nouns[noun], noun, offset + start)
            organisation = self.acronyms[name]  # "The United Nations refugee agency, UNHCR,": defined by its description
        else:
            organisation = self._named_in_full_before(name) or Organisation(name, kind, head_noun(name, self.lex), offset + start)
        self.organisations.append(Organisation(organisation.name, organisation.kind, organisation.head, offset + start))
        self.named_until = max(self.named_until, offset + start + len(name))  # "Industry and Energy" is no second body
        if text.startswith(" ", run_end) and _THING_AFTER.match(text, run_end):
            self.attributive.add(offset + start)  # "a High Court decision": the court named, not acting
        self._note_descriptions(text, start, run_end, organisation, offset)
        acronym = _ACRONYM_AFTER.match(text, run_end)
        if acronym is not None:
            self.acronyms[acronym.group("acronym")] = organisation

    def _named_in_full_before(self, name: str) -> Organisation | None:
        """Return the body named before in full that ``name`` (two words or more) shortens: the last one with the same
        head noun whose name has every word of ``name`` and more ("County Council" after "the Codrea County Council",
        "Environment Agency" after "the Environment Agency – Khor Sadaf"); None when none does."""
        words = name.split()
        if len(words) < 2 or not self.organisations:
            return None
        head = head_noun(name, self.lex)
        return next((org for org in reversed(self.organisations)
                     if org.head == head and set(words) < set(org.name.split())), None)

    def _organisation_name(self, text: str, start: int, run: str) -> tuple[str, int]:
        """Return an organisation's name as the article writes it, and where it starts: without a possessive, an
        opening word such as "The" or a title before "of" ("Chairman of the X Authority" -> "X Authority"), and with
        the words an "and" joins to it ("the Infrastructure and Transport Ministry", "the Ministry of Trade and Industry").
        """
        name = _POSSESSIVE.sub("", run)
        if "--" in name:  # a Dow Jones dateline runs on into the name: "PORT HALLAM, Tarsia--Tarrow Resources Ltd."
            cut = name.rindex("--") + 2
            name, start = name[cut:], start + cut
        while name.split() and name.split()[0] in self.lex.not_names:
            name = name.split(" ", 1)[1] if " " in name else ""
        bare = without_modifiers(name, self.lex)  # "Australian-listed Barrowfield Mining" -> "Barrowfield Mining"
        if bare != name:  # the words left are joined by single spaces: found by the first of them where the run had others
            at = run.find(bare) if bare else 0
            name, start = bare, start + (at if at >= 0 else run.find(bare.split()[0]))
        titled = _TITLE_OF.match(name)
        if titled is not None and organisation_kind(name[titled.end() :], self.lex):
            name, start = name[titled.end() :], start + run.index(name[titled.end() :])
        name += self._joined_after(text, start, run, name)
        name, start = self._joined_before(text, start, name)
        return self._with_place_owner(text, start, name)

    def _joined_after(self, text: str, start: int, run: str, name: str) -> str:
        """Return the words an "and" joins after the name that ``run`` (at ``start``) holds ("... and Industry", with a
        region such as " in Europe" after it), or "" when none; changes nothing."""
        continued = _AND_NAME.match(text, start + len(run))
        if continued is None or _POSSESSIVE.sub("", run) != run:
            return ""
        joined = self._without_person_after(run, continued.group(0))
        if (region := _REGION_IN_NAME.match(text, start + len(run) + len(continued.group(0)))) is not None \
                and f"{name}{joined}".endswith(continued.group(0)):
            joined += region.group(0)  # "Organization for Security and Co-operation in Europe": the region is named
        return joined

    def _joined_before(self, text: str, start: int, name: str) -> tuple[str, int]:
        """Return ``name`` with the words an "and" joins before it ("the Infrastructure and Transport Ministry"), and
        where it then starts; ``name`` and ``start`` unchanged when there are none."""
        lead = max(0, start - 60)
        ends_in_and = text[lead:start].rstrip().endswith("and")  # what every match of _AND_BEFORE does: searched for only then
        joined = _AND_BEFORE.search(text, lead, start) if ends_in_and else None
        if joined is None or ACRONYM.match(name):
            return name, start
        words = joined.group(0).split()
        while words and words[0] in self.lex.not_names:
            words = words[1:]
        if len(words) < 2:
            return name, start
        return f"{' '.join(words)} {name}", start - len(" ".join(words)) - 1

    def _without_person_after(self, run: str, continued: str) -> str:
        """Return the words an "and" joins to the body's name in the title ``run`` without the person's name the title
        runs on into ("Director of the X Ports" and " and Maritime Organization Hamid Rezvani" -> " and Maritime
        Organization"); ``continued`` is returned as it is when the title names no person at its end."""
        _, person, _ = self.split(f"{run}{continued}")
        rest = continued.removesuffix(f" {person}") if person else continued
        return rest if rest != continued and organisation_kind(rest, self.lex) else continued

    def _with_place_owner(self, text: str, start: int, name: str) -> tuple[str, int]:
        """Return ``(name, start)`` with a place's possessive before it joined to the name ("Halvoria's Interior
        Ministry", "South Sudan's Health Ministry"), as the article names the body; a person's possessive ("Kowal's
        party"), an acronym's and a lone head noun are left out."""
        if start < 3 or text[start - 2 : start - 1] not in "’'" and text[start - 3 : start - 1] not in ("’s", "'s"):
            return name, start  # the quick, common case: no possessive right before the name
        owned = _PLACE_POSSESSIVE.search(text, max(0, start - 60), start)
        if owned is None or ACRONYM.match(name) or " " not in name and name in self.lex.organisation_heads \
                or FORMAL_NAME.search(name):
            return name, start  # "Australia's Department of Foreign Affairs and Trade": a formal name needs no owner
        words = owned.group("owner").split()
        while words and words[0] in self.lex.not_names:
            words = words[1:]
        owner = " ".join(words)
        if not owner or self.known(owner) is not None or owner in self.lex.titles or organisation_kind(owner, self.lex):
            return name, start
        return f"{owner}’s {name}" if "’" in owned.group(0) else f"{owner}'s {name}", start - len(owner) - 3

    # --- resolving mentions -------------------------------------------------------------------------------

    def known(self, words: str) -> Person | None:
        """Return the person already known by the name ``words`` (a full name or a short form), or None."""
        _, name, _ = self.split(words.strip())
        return (self.people.get(name) or self.short.get(name)) if name else None

    def person_named(self, words: str) -> Person | None:
        """Return the person a name refers to (a full name, or a later short form resolved to the full name)."""
        if words.strip() in self.short and words.strip() in self.lex.not_names:
            return self.short[words.strip()]  # a given name that is also a common word: "Nguyễn Văn An" -> "An"
        titled = words.strip().removeprefix("The ").removeprefix("the ")
        if titled in self.short and ACRONYM.match(titled):
            return self.short[titled]  # "The DCE" after "X, the District Chief Executive (DCE)"
        _, name, _ = self.split(words.strip())
        if not name and " of " in words:  # "said Hanna Lind of the Polar Institute": the person before the body
            _, name, _ = self.split(words.split(" of ")[0].strip())
        name = _POSSESSIVE.sub("", name) if name else name
        if not name:
            return None
        if name in self.bodies or words.strip() in self.bodies:
            return None
        if name in self.people:
            return self.people[name]
        if name in self.short:
            return self.short[name]
        last = name.split()[-1]
        if last in self.short:
            return self.short[last]
        if len(name.split()) >= 2 and not set(name.split()) & self.lex.not_person:
            return self.add_person(Person(name))
        return None

    def person_described(self, description: str, last: Person | None) -> Person | None:
        """Return the person a description such as "the Russian foreign minister" refers to."""
        words = {w.lower().strip(".,") for w in description.split()} - _DESCRIPTION_STOP
        matches = [p for p in self.people.values() if p.title and words <= p.title_words]
        if len(matches) == 1:
            return matches[0]
        if last is not None and (not matches or last in matches):
            return last
        return matches[-1] if matches else None

    def _without_possessor(self, name: str) -> str:
        """Return an organisation's name without the place that owns it: "the country's civil protection service" ->
        "civil protection service", "Lusenia's Finance Ministry" -> "Finance Ministry"; a person's office ("Doherty's
        office", "the mayor's office") and a place before a lower-case name ("Lusenia's central bank") are kept."""
        match = _POSSESSOR.match(name)
        if match is None:
            return name
        rest, owner = name[match.end():], match.group("owner")
        if not organisation_kind(rest, self.lex):
            return name
        if owner in _LOCAL_OWNERS and rest.islower():
            return name  # "the city's finance department": which government's department the owner tells
        if owner in _GENERIC_OWNERS or (self.lex.body_nouns.get(owner) == "other" or owner in _ASSEMBLY_OWNERS) and rest[:1].isupper():
            return rest  # "the country's civil protection service", "the league's Financial Control Commission"
        if owner[:1].isupper() and self.known(owner) is None and any(word[:1].isupper() for word in rest.split()):
            return rest
        return name

    def described(self, words: str, position: int) -> Organisation | None:
        """Return the body that "the fund" / "the markets regulator" refers back to: the last one described by that
        noun (or having it as head noun) before ``position``; None when ``words`` is no lower-case reference."""
        noun = words.split()[-1] if words.split() else ""
        if noun not in self.lex.body_nouns or (not words.islower() and organisation_kind(words, self.lex) and
                                               head_noun(words, self.lex) != noun):
            return None  # "the fund", "the UN agency"; not "the World Bank" (a name with its own head noun)
        nouns = _COMPANY_NOUNS if noun in _COMPANY_NOUNS else {noun}
        candidates = [(where, org) for described_as, where, org in self.descriptions if described_as in nouns and where < position]
        candidates += [(org.position, org) for org in self.organisations if org.head in nouns and org.position < position]
        if not candidates and noun in _ANY_BODY:  # "a spokesman for the institution": the last body named
            candidates = [(org.position, org) for org in self.organisations if org.position < position]
        if not candidates and _describes_named_body(words, self.lex):
            found = self._last_of_kind(self.lex.body_nouns[noun], position)
            return None if found is not None and noun in _COMPANY_NOUNS and noun != "group" and found.head in _NO_COMPANY_HEADS else found
        names = {word.lower() for word in words.split()[:-1] if word[:1].isupper()}
        if names and not any(names <= {word.lower() for word in org.name.split()} for _, org in candidates):
            return None  # "the Velorian foreign ministry" after "the Ostranian foreign ministry": another body, named now
        return self._likeliest([org for _, org in sorted(candidates, key=lambda pair: pair[0])], words) if candidates else None

    def _likeliest(self, earlier: list[Organisation], words: str) -> Organisation:
        """Return the body among ``earlier`` (same head noun, in order) that "the regional authority" or "the court"
        refers back to: the last whose name has every word of the reference ("regional" -> "Podhori Regional
        Authority"), else the last not named only to describe a thing ("the Court of Appeal overturned a High Court
        decision": the Court of Appeal), else the last one."""
        qualifiers = {word.lower() for word in words.split()[:-1]} - _DESCRIPTION_STOP
        if qualifiers:
            named = [org for org in earlier if qualifiers <= {word.lower() for word in org.name.split()}]
            if named:
                return named[-1]
        acting = [org for org in earlier if org.position not in self.attributive]
        return acting[-1] if acting else earlier[-1]

    def _last_of_kind(self, kind: str, position: int) -> Organisation | None:
        """Return the body a description of ``kind`` with no body of its noun before it refers back to ("the UN agency"
        after "the World Health Organization", "the weather agency" after "the State Meteorological Service", "the
        company" after "EastNet, which runs ..."): the last one named before ``position`` of a kind that fits; a
        government noun ("the regulator") with none of its kind goes to the last company or bank; None when none."""
        fits = _FITTING_KINDS[kind]
        earlier = [org for org in self.organisations if org.position < position]
        fitting = [org for org in earlier if org.kind in fits or (kind in ("agency", "government") and is_international(org.name))]
        if not fitting and kind == "government":
            fitting = [org for org in earlier if org.kind == "other"]  # "the regulator's press service" after a central bank
        return fitting[-1] if fitting else None

    def _owned_body(self, name: str, position: int) -> tuple[Organisation | None, str]:
        """Return ``(the body collected by that name, the name without the place or body that owns it)``: the body
        "Halvoria's Interior Ministry" names if collected so, else the one the name without its owner names ("the
        league's Financial Control Commission": the commission), else None."""
        if "’s " not in name and "'s " not in name:
            return None, self._without_possessor(name)
        named = self._collected(name, position)
        if named is not None:
            return named, name
        bare = self._without_possessor(name)
        return self._collected(bare, position, anywhere=True), bare

    def _collected(self, name: str, position: int, anywhere: bool = False) -> Organisation | None:
        """Return the last body collected by exactly ``name`` before ``position`` (``anywhere``: else the first one
        collected by it, as a closing cue is read before the name it follows), or None."""
        named = [org for org in self.organisations if org.name == name]
        before = [org for org in named if org.position <= position]
        return before[-1] if before else named[0] if named and anywhere else None

    def last_person_before(self, position: int) -> Person | None:
        """Return the last person named before character ``position`` of the article (None when none)."""
        index = bisect.bisect_left(self.person_positions, position) - 1
        return self.person_at[index] if index >= 0 else None

    def organisation(self, words: str, position: int) -> Organisation | None:
        """Return the organisation ``words`` name: a name with a head noun, an acronym, or "the ministry" (back).

        A reference back (a head noun alone, lower case) goes to the last organisation with that head noun
        named before ``position``.
        """
        name = words.strip()
        press = _PRESS_OFFICE.search(name)
        if press is not None and organisation_kind(name[: press.start()], self.lex):
            name = name[: press.start()]
        bare = without_modifiers(_LOWER_OPENING.sub("", name.removeprefix("the ").removeprefix("The ")), self.lex)
        bare = _LOWER_OPENING.sub("", bare)  # "Geneva-based council" -> "council"
        named, bare = self._owned_body(bare, position)
        if named is not None:
            return named
        if self._another_lower_body(bare, position):
            return self._new_body(bare, bare.split()[-1], position)  # "the border police" after "Orvenian police"
        described = self.described(bare, position)
        if described is not None:
            return described
        if bare in self.acronyms:
            return self.acronyms[bare]
        if bare in self.bodies:
            return next(org for org in reversed(self.organisations) if org.name == bare)
        head = head_noun(bare, self.lex)
        if head and (bare.lower() == head or not any(word[:1].isupper() and "-" not in word for word in bare.split()[:-1])
                     or self._short_name_of_earlier(bare, head, position)) \
                and (referred := self._referred_back(head, bare, position)) is not None:
            return referred
        return self._new_body(bare, head, position)

    def _short_name_of_earlier(self, bare: str, head: str, position: int) -> bool:
        """Return True when ``bare`` ("Yunshui bureau", "County Council") is a short name of a body named before
        ``position`` with the same head noun: every capitalised word before its noun is in that body's name ("Yunshui
        County Bureau of Agriculture and Rural Affairs", "Codrea County Council")."""
        words = {word for word in bare.split()[:-1] if word[:1].isupper()}
        return bool(words) and any(org.head == head and org.position < position and words <= set(org.name.split())
                                   and org.name != bare for org in self.organisations)

    def _another_lower_body(self, bare: str, position: int) -> bool:
        """Return True when the lower-case reference ``bare`` ("border police") has a modifier that no earlier body
        with its head noun shares, and every such body was itself named in lower case with modifiers of its own
        ("Orvenian police"): two modifiers of one noun name two bodies. False when none was named before."""
        words = bare.split()
        if len(words) < 2 or not bare.islower():
            return False
        earlier = [org.name.split() for org in self.organisations if org.head == words[-1] and org.position < position]
        return bool(earlier) and all(len(name) > 1 and name[-1].islower() and
                                     not {word.lower() for word in name[:-1]} & set(words[:-1]) for name in earlier)

    def _new_body(self, bare: str, head: str, position: int) -> Organisation | None:
        """Return the body ``bare`` names when no earlier one fits (None when it names none); a bare "ministry" is the
        ministry of the last minister named (``_ministry_of_minister``) when there is one."""
        kind = organisation_kind(bare, self.lex)
        if kind and _BARE_MINISTRY.fullmatch(bare) and (ministry := self._ministry_of_minister(position)) is not None:
            return ministry
        if kind and bare.lower() == "municipality" and (town := self._municipality_of_mayor(position)) is not None:
            return town
        return Organisation(bare, kind, head, position) if kind else None

    def _municipality_of_mayor(self, position: int) -> Organisation | None:
        """Return the municipality a bare "the municipality" with none named before refers back to: the town of the
        last mayor named before ``position`` with the town in the title ("Ostrets Mayor Nikolay Radev" -> Ostrets
        Municipality), or None."""
        index = bisect.bisect_left(self.person_positions, position)
        for person in reversed(self.person_at[:index]):
            mayor = _MAYOR_OF.search(person.title)
            if mayor is not None:
                return Organisation(f"{mayor.group('town')} Municipality", "government", "Municipality", position)
        return None

    def _ministry_of_minister(self, position: int) -> Organisation | None:
        """Return the ministry a bare "the ministry" with none named before refers back to: the one the last minister
        named before ``position`` leads ("Sports Minister Ilse Brandvold" -> Sports Ministry), or None."""
        index = bisect.bisect_left(self.person_positions, position)
        for person in reversed(self.person_at[:index]):
            portfolio = _MINISTER_FOR.search(person.title)
            if portfolio is not None:  # "State Minister for Economic Affairs" -> State Ministry for Economic Affairs
                tier = f"{portfolio.group('tier')} " if portfolio.group("tier") else ""
                name = f"{tier}Ministry {portfolio.group('joiner')} {portfolio.group('portfolio')}"
                return Organisation(name, "government", "Ministry", position)
            minister = _MINISTER_OF.search(person.title)
            if minister is not None:
                return Organisation(f"{minister.group('portfolio')} Ministry", "government", "Ministry", position)
        return None

    def _collected_as_body(self, text: str, piece_start: int, piece: str, offset: int) -> bool:
        """Return True when a run that looks like a person's name names a body: one its apposition describes ("Harlow
        Brothers, which ...", recorded), one a noun before it describes ("the environmental group Green Danube",
        recorded), or the opening words of a body named before ("Ellison Parke" after "Ellison Parke Homes")."""
        if self._collect_described_organisation(text, piece_start, piece, offset):
            return True
        if self._collect_body_after_noun(text, piece_start, piece, offset):
            return True
        return piece not in self.people and self.body_opened_by(piece, offset + piece_start) is not None

    def body_opened_by(self, words: str, position: int) -> Organisation | None:
        """Return the body named before ``position`` whose name opens with ``words`` (two capitalised words or more:
        "Ellison Parke" for "Ellison Parke Homes", a company's usual short form), or None."""
        if words.count(" ") < 1 or not words[:1].isupper():
            return None
        return next((org for org in reversed(self.organisations) if org.position < position and org.name.startswith(f"{words} ")
                     and organisation_kind(words, self.lex) == ""), None)

    def _referred_back(self, head: str, description: str, position: int) -> Organisation | None:
        """Return the body a description with head noun ``head`` refers to: the likeliest named before ``position``
        with that head noun, else the one the lead describes before naming it (``_named_later``), else None."""
        earlier = [org for org in self.organisations if org.head == head and org.position < position]
        return self._likeliest(earlier, description) if earlier else self._named_later(description, position)

    def _named_later(self, description: str, position: int) -> Organisation | None:
        """Return the body a lead's description of two words or more names before the article gives its name ("the
        port administration said" -> the Setinha Port Administration of the next paragraph): the first named after
        ``position`` whose name ends with the description's words; None when none does (a head noun alone, "the
        museum", is too little to tell)."""
        words = description.lower()
        if " " not in words:
            return None
        return next((org for org in self.organisations if org.position >= position and org.name.lower().endswith(f" {words}")), None)


# A minister's title with the portfolio before it: "Sports Minister", "Foreign Affairs Minister" (not "Prime Minister").
_MAYOR_OF = re.compile(r"(?:^|\s)(?!Deputy\b|Former\b|Acting\b)(?P<town>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+Mayor\b")
_MINISTER_OF = re.compile(r"\b(?!Prime\b|Deputy\b|Chief\b|First\b)(?P<portfolio>[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)?)\s+Minister\b")
# "the ministry" with no name, or with only its tier of government: "the regional ministry" (the minister's).
_BARE_MINISTRY = re.compile(r"(?i:(?:regional|provincial|state|federal)\s+)?(?i:ministry)")
# A minister's portfolio written after the title, to the title's end: "First Deputy Minister of Agriculture and Food
# Security of the X Region", "State Minister for Economic Affairs" (a state's or federal tier stays in the name).
_MINISTER_FOR = re.compile(r"(?:\b(?P<tier>State|Federal)\s+)?\bMinister\s+(?P<joiner>of|for)\s+"
                           r"(?P<portfolio>[A-Z][\w\-]*(?:\s+(?:(?:and|of|for)\s+)?(?:the\s+)?[A-Z][\w\-]*)*)$")
# Bodies of governments named by what they are for and the world region or states they join: "Organization for Security
# and Co-operation in Europe", "Organization of American States", "Organisation for Economic Co-operation and Development".
_INTERGOVERNMENTAL = re.compile(r"(?:Organi[sz]ation|Conference|Council|Commission)\s+(?:for|on|of)\s+.+\s+in\s+(?:Europe|Asia|Africa|"
                                r"Latin\s+America|the\s+Americas|the\s+Pacific|the\s+Middle\s+East|the\s+Caribbean|the\s+Mediterranean|"
                                r"the\s+Arctic)$|Organi[sz]ation\s+(?:of\s+American\s+States|for\s+Economic\s+Co-?operation\s+and\s+Development)$")
_INTERNATIONAL = ("International", "World", "United Nations", "UN ", "European", "Asian Development", "African Union")
# The kinds of body a description of each kind may refer back to when no body has its noun ("the agency" -> a service).
_FITTING_KINDS = {"agency": ("agency", "government"), "government": ("government", "agency"), "other": ("other",),
                  "academic": ("academic",)}
# Words of a description that make "the ... agency" a news agency or an unqualified one, left to the outlet rules.
_NEWS_WORDS = frozenset("news wire press state official public local national".split())


def is_international(name: str) -> bool:
    """Return True for an international public body ("International Energy Agency", "World Bank", "the IMF", a
    development bank: "the Pacific Development Bank")."""
    return name.startswith(_INTERNATIONAL) or name.endswith(" Development Bank") or bool(ACRONYM.match(name)) \
        or (name.startswith(("Organi", "Conference ", "Council ", "Commission ")) and _INTERGOVERNMENTAL.match(name) is not None)


def _describes_named_body(words: str, lex: Lexicon) -> bool:
    """Return True when the reference ``words`` ("UN agency", "weather agency", "company", "regulator") refers back to
    a body named before, whatever its head noun: a company's noun, a noun that heads no name, or "agency" with one
    word before it; not a bare or news "agency" ("the agency", "the state news agency": it may be the outlet that
    carried the words), nor a noun that heads names, which is often a first mention in lower case ("the ministry"
    after "the health ministry said", "the state agriculture department")."""
    parts = words.split()
    if not parts or parts[-1] not in lex.body_nouns:
        return False
    if parts[-1] != "agency":  # "the company", "the regulator"; not "the state agriculture department" (a name in lower case)
        return parts[-1] in _COMPANY_NOUNS or parts[-1].title() not in lex.organisation_heads
    return len(parts) == 2 and parts[0].lower() not in _NEWS_WORDS  # "the UN agency", "the weather agency"


# The first half of a two-word portfolio cut off before a title's run by "and", after a lower-case word: "said
# Plantation and " before "Commodities Minister Datuk Seri Azlan Harun".
_PORTFOLIO_AND_BEFORE = re.compile(r"\b[a-z]+\s+(?P<first>[A-Z][a-z]+) and $")
_ONE_WORD_PORTFOLIO = re.compile(r"[A-Z][a-z]+\s+Minister\b")


@functools.lru_cache(maxsize=4096)
def _split_cached(run: str) -> tuple[str, str, int]:
    """Return ``split_title(run)`` with the kit's word lists (cached: a name recurs within an article; the drafter
    empties the cache before each article, see ``forget_cached_names``)."""
    return split_title(run, lexicon())


def forget_cached_names() -> None:
    """Empty the cache of split name runs, so the next article's names are split afresh. Returns nothing."""
    _split_cached.cache_clear()


def _place_before(text: str, start: int) -> bool:
    """Return True when the words before ``text[start:]`` make a name there a place (``_PLACE_BEFORE``: "near ", "in
    the ", "the province of "), searched for only when they end in a word each of its matches ends in."""
    return text[:start].rstrip().endswith(_PLACE_BEFORE_ENDS) and _PLACE_BEFORE.search(text, 0, start) is not None


def _has_lower_body_noun(text: str) -> bool:
    """Return True when one of ``_LOWER_BODY_NOUNS`` is a word of ``text``: searched for only after a substring test
    finds one of them (the substring tests cost less than one search over the sentence, and most sentences have none)."""
    for noun in _LOWER_BODY_NOUNS:
        if noun in text:
            return _LOWER_BODY_WORDS.search(text) is not None
    return False


def _apposition_nouns(what: str, lex: Lexicon) -> list[str]:
    """Return the words of an apposition, before its first preposition or relative word, that name a kind of body
    ("the utility that owns the line" -> utility; "a fund manager at X" and "a shipping consultant in the capital" ->
    none): the last word of that part, when it is a body noun."""
    words = []
    for word in what.split():
        if word in _APPOSITION_STOP:
            break
        words.append(word)
    return words[-1:] if words and words[-1] in lex.body_nouns else []  # the noun the phrase is about: its last


def title_context(text: str, run_start: int, name_start: int, name_end: int, title_in_run: str, lex: Lexicon) -> str:
    """Return the words that describe the person at ``text[name_start:name_end]``, nearest first ('; '-separated)."""
    parts = [title_in_run] if title_in_run else []
    lead = _lead_words(text[max(0, run_start - 50) : run_start], lex)
    if lead:
        parts.append(" ".join(lead))
    after = text[name_end:]
    member = _MEMBER_OF.match(after)
    if member is not None:
        parts.append(member.group(1))
    if after.startswith(","):
        appositive = APPOSITIVE.match(_skip_age(after))
        if appositive is not None and not appositive.group(0).endswith(",") and \
                _ACCORDING_BEFORE.search(text, max(0, run_start - 16), run_start):
            appositive = None  # "According to X, the line was assembled ...": the words reported, no apposition
        if appositive is not None and appositive.group(1).startswith(("according to ", "citing ", "per ")):
            appositive = None  # "... for Rui Meireles, according to the agency's count": the source, no description
        if appositive and (ASIDE_START.match(appositive.group(1)) or is_titled_apposition(appositive.group(1), lex)):
            parts.append(appositive.group(1))
    head = text[:run_start].rstrip()
    if head.endswith(","):
        clause = _CLAUSE_BEFORE_NAME.split(head[:-1])[-1].strip()
        if clause and lex.role_noun.search(clause):
            parts.append(clause)
    return "; ".join(part for part in parts if part)


_ACCORDING_BEFORE = re.compile(r"\bAccording\s+to\s+$")  # "According to <title> <name>, <the reported words>"
# One capitalised word, then the lower-case title right before a name: "Aldous spokesman ", "Union spokeswoman ".
_OWNER_BEFORE_TITLE = re.compile(r"\b(?P<owner>[A-Z][\w\-]+)\s+(?P<title>(?:[a-z][\w\-]*\s+){1,2})$")
_YEAR_OLD = re.compile(r"an?\s+\d{1,3}-year-old\b")


def _lead_words(before: str, lex: Lexicon) -> list[str]:
    """Return the words right before a name that describe the person (up to five, nearest last): "MSV director
    general" before "S K Menon"; they stop at a cue verb, a stop word or another name (nothing is changed)."""
    lead: list[str] = []
    for word in reversed(_CONTEXT_WORD.findall(before)):
        if not word[0].isalnum() or word.lower() in _LEAD_STOP or lex.cue_verb.fullmatch(word) and word not in _TITLE_VERBS:
            break
        if word[0].isupper() and lead and _OWNER_ACRONYM.fullmatch(word):
            lead.insert(0, word)  # the body whose title it is: "MSV director general S K Menon", "IMF chief economist"
            break
        if word[0].isupper() and lead and not (lex.title_in_run.fullmatch(word) or lex.role_noun.fullmatch(word)):
            break  # another name ("Jan Kowal met analyst Eva Stone"): its words describe someone else
        lead.insert(0, word)
        if len(lead) == 5:
            break
    return lead


# Cue verbs that are also words of a title in lower case: "Former state schools superintendent Gail Moore".
_TITLE_VERBS = frozenset({"state"})
_OWNER_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
_AGE = re.compile(r",\s*(?P<age>\d{1,3})(?=[,.;])")
# A name written against its initial, Mongolian style ("Ts.Oyunchimeg"): a whole name in one word.
_INITIALLED = re.compile(r"[A-Z][a-z]?\.[A-Z][a-z]")
# A nickname in quotation marks inside a name: 'Dashawn "Dash" Whitlock' is Dashawn Whitlock (issue 15, round 3).
_NICKNAMED = re.compile(r"(?P<given>[A-Z][\w’'\-]+)\s+[\"“](?P<nickname>[A-Z][\w’'\-]*)[\"”]\s+(?P<surname>[A-Z][\w’'\-]+)")
_QUOTED_WORD = re.compile(r"[\"“][A-Z][\w’'\-]*[\"”]")  # what every match of ``_NICKNAMED`` has: one capitalised word quoted


def _skip_age(after: str) -> str:
    """Return the words after a name without an age between commas (", 61, a retired teacher" -> ", a retired ...")."""
    age = _AGE.match(after)
    return after[age.end() :] if age and after[age.end() : age.end() + 1] == "," else after


def _run_pieces(run: str, offset: int) -> list[tuple[int, str]]:
    """Split a run of capitalised words after a possessive ("Russia's Sochi" -> "Russia's", "Sochi")."""
    pieces = []
    start = 0
    for match in _POSSESSIVE_IN_RUN.finditer(run):
        if run[match.end() + 1 :] in _OWNED_HEADS:
            continue  # "Prosecutor General's Office", "Fishermen's Association": one name
        if run[match.start() - 1].isalpha():
            pieces.append((offset + start, run[start : match.start()]))
            start = match.end() + 1
    pieces.append((offset + start, run[start:]))
    return [(position, _POSSESSIVE.sub("", piece) if piece.endswith(("’s", "'s")) else piece) for position, piece in pieces if piece]
