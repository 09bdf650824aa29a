"""Subjects: who the words before or after a cue verb name — a person, an organisation, an agency, an unnamed source.

``Subjects`` is the part of the drafter (``medialit.draft.drafter.Drafter``) that reads a cue's subject: a pronoun,
an unnamed or plural source ("Some economists say", "an official who spoke on condition of anonymity"), a state
outlet or news agency, a person by name or short form, an organisation by head noun, acronym or reference back
("the ministry", "his office", "a ministry spokesman", "the statement"), or a description ("the foreign
minister"). It reads the drafter's state (who was mentioned and who spoke last) and changes nothing.
"""

from __future__ import annotations

import bisect
import re

from medialit.draft.cues import (
    ANONYMOUS,
    ANONYMOUS_PLURAL_OFFICIALS,
    DATELINE_OPEN,
    DESCRIBED_AFTER,
    DESCRIPTION,
    HAS_ANONYMOUS_WORD,
    PRONOUN_END,
    after_non_word,
    cue_start,
    ends_with_agency_noun,
    may_hold_ignoring_case,
    strip_appositives,
    institution_pattern,
    may_end_with_institution,
    is_aside,
    other_agencies,
)
from medialit.draft.model import Person
from medialit.draft.quotations import QUOTE_SLOT
from medialit.draft.people import FORMAL_NAME, Mentions, Organisation
from medialit.draft.sources import is_document_back
from medialit.text.mentions import ACRONYM, Lexicon, organisation_kind, role_of_noun
from medialit.text.outlets import Outlet, OutletList

Subject = tuple[str, object]
_STATEMENT = re.compile(r"^the\s+(?:\w+\s+)?(?:statement|communiqu[eé]|press release|report|notice|letter|announcement)$",
                        re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s?$")
_AFTER_PREPOSITION = re.compile(r"\b(?:in|of|at|from|for|with|near|by|to|on|outside|across)\s+(?:the\s+)?(?:[a-z]+\s+)?$")
# A body's office or service after its name: "the WHO (WHO) country office", "the court's press service".
_SUB_UNIT = re.compile(r"(?<=[A-Z)a-z])(?:\s+\([A-Z][A-Z0-9&\-]{1,11}\))?(?:[’']s)?\s+(?:country|regional|local|national|press|media)\s+"
                       r"(?:office|service|bureau|team|department|mission)$"
                       r"|(?<=[A-Z)a-z])(?:\s+\([A-Z][A-Z0-9&\-]{1,11}\))?\s+(?:office|bureau|mission|delegation)\s+in\s+[A-Z][\w\-]*$")
# A subject that ends with where the body is: "The Kestrian Embassy in Velm", "a court in Velm".
_BODY_IN_PLACE = re.compile(r"^(?P<body>.*[\w)])\s+in\s+(?P<place>(?:the\s+)?[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*){0,2})$")
_DASH = re.compile(r"\s[-—–]{1,2}\s")
_LEADING_ARTICLE = re.compile(r"^(?:[Aa]n?|[Tt]he)\s+(?=[a-z])")  # "A court" -> "court" (a capitalised name keeps "The")
_COURT_DOCUMENTS = frozenset({"ruling", "judgment", "judgement", "verdict"})  # what only a court issues
# Bodies named by the place they are in ("the Polish embassy in Hanoi").
_PLACED_HEADS = frozenset({"embassy", "consulate", "consulate general", "high commission"})
_SUB_UNIT_NOUNS = ("office", "service", "bureau", "team", "department", "mission", "delegation")  # one of them ends a ``_SUB_UNIT``
# When a document came out, after its author: "A report by the Standards Committee released Wednesday found".
_RELEASED_WHEN = re.compile(r",?\s+(?:published|released|issued|made\s+public)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
                            r"Friday|Saturday|Sunday|today|yesterday)|\s+(?:last|this)\s+\w+|\s+(?:in|on)\s+[A-Z][a-z]+(?:\s+\d{1,2})?)?,?\s*$")
_DOCUMENT_BY = re.compile(r"^(?:(?:[Aa]n?|[Tt]he)\s+)?(?:\d{4}\s+)?(?:[\w\-]+\s+){0,2}?(?i:report|study|survey|data|figures|analysis|"
                          r"audit|review|poll|assessment|statistics|estimates|research)\s+(?:(?:published|compiled|released|issued|"
                          r"conducted|commissioned|carried out)(?:\s+[\w\-]+){0,3}?\s+)?(?:by|from|of)\s+"
                          r"(?P<author>(?:the\s+)?(?:[a-z]+\s+){0,2}[A-Z].*)$")
# A lower-case description with the body's name in apposition: "The employers' federation, the Association of X".
_DESCRIBED_THEN_NAMED = re.compile(r"(?:^|[.;]\s|,\s)(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w’'\-]*\s+){0,3}[a-z][\w\-]*,\s+(?:the\s+)?"
                                   r"(?P<name>[A-Z][\w’'\-]*(?:\s+(?:of|for|the|and|[A-Z][\w’'\-]*))*)$")
_LOWER_FIRM_OPENING = re.compile(r"^(?:the\s+)?(?:[a-z][\w\-]*\s+){0,3}")
_BASED = re.compile(r"(?<=\b[Tt]he )[A-Z][\w\-]*-based\s+")  # "The Paris-based agency" -> "The agency"
# Words that may open a body's name in a subject: an article, or the tier of government ("the provincial X Organisation").
_OPENING_WORDS = frozenset("the The a A provincial regional municipal prefectural district county federal".split())
_BODY_OF_OTHERS = frozenset("of at for from with by".split())  # "Eklund of the group X", "Analysts at the firm X"
# A body after an inverted cue: "..., said the ministry.", "..., said the headquarters in a statement".
_INVERTED_BODY = re.compile(r"^(?P<body>the\s+(?:[\w’'\-]+\s+){0,5}?[\w’'\-]+)(?=\s*(?:[,.;:]|$)|\s+(?:in|on|at|last|this|"
                            r"late|earlier|which|told)\b)", re.IGNORECASE)
_PRESS_SERVICE = re.compile(r"^(?:[Tt]he|[Ii]ts)\s+(?:press|media)\s+(?:service|office)$")
_PRESS_SERVICE_OF = re.compile(r"^(?:[Tt]he\s+)?(?:press|media)\s+(?:service|office)\s+of\s+(?:the\s+)?(?P<body>[A-Z][^,;:]*)$")
# A press service and the body it serves, named in lower-case words: "the press service of the Orbita state space corporation".
# A press service owned by a body named before, by its name or the first words of it: "Severteplo's press service".
_PRESS_SERVICE_OWNED = re.compile(r"^(?P<owner>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4})[’']s?\s+(?:press|media)\s+(?:service|office)$")
_PRESS_SERVICE_OF_LOWER = re.compile(r"^(?:[Tt]he|[Ii]ts)\s+(?:press|media)\s+(?:service|office)\s+of\s+the\s+"
                                     r"(?P<body>[A-Z][\w\-]*(?:\s+[a-z][\w\-]*){1,4})$")
# A body named by lower-case words: its head noun (a government one in organisation_heads.txt), then "of" or "for"
# what it is for.
_OFFICE_DESCRIBED = re.compile(r"^(?![Tt]he\s+(?:press|media)\s|(?:press|media)\s)(?:[Tt]he\s+)?(?P<name>(?:[a-z][\w\-]*[’']s\s+)?(?:[a-z][\w\-]*\s+){0,2}?"
                               r"(?P<noun>[a-z]+)\s+(?:of|for)\s+"
                               r"(?:the\s+)?(?:[a-z][\w\-]*|and|[A-Z][\w\-]*)(?:\s+(?:[a-z][\w\-]*|[A-Z][\w\-]*)){0,5})$")
# When a body's document came out, after the document: "survey published last year", "report released in May".
_PUBLISHED_AFTER = re.compile(r"\b(?P<document>report|survey|study|data|figures|results|estimates)\s+(?:published|released|issued)"
                              r"(?:\s+(?:last|this|earlier\s+this)\s+[a-z]+|\s+(?:in|on)\s+[A-Z0-9][\w]*(?:\s+\d{1,2})?)?$")
_PUBLISHED_ENDS = ("published", "released", "issued", "year", "month", "week") + tuple(
    "January February March April May June July August September October November December".split())
_STATE_WORDS = frozenset("state state-owned state-run government government-owned government-run".split())
# "(INGD)", "(Kuwasa)"; a party in brackets after a name: "(D-Texas)", "(independent)".
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\((?:[A-Z][A-Za-z0-9&\-]{1,11}|independent|non-?partisan)\)$")
# Words that say a source is unnamed: "who spoke on condition of anonymity", "who asked not to be named".
_UNNAMED = re.compile(r"\b(?:anonymity|anonymously|(?:not|declined|refused) (?:to )?be (?:named|identified)|"
                     r"not (?:wish|want)(?:ing|ed)? to be (?:named|identified|quoted)|"
                     r"not authori[sz]ed to|on background|without being named|"
                     r"(?:not|declined to|refused to) (?:give|giving|gave|give out) (?:his|her|their) (?:full )?names?)\b")
# Searched in the words after one space (``cues.after_non_word``): the same result, faster.
_UNNAMED_AFTER = after_non_word(_UNNAMED)
_UNNAMED_WORDS = ("anonym", "name", "identified", "quoted", "authori", "background")  # one is in every _UNNAMED match
_DESCRIPTION_AFTER = after_non_word(DESCRIPTION)
_OWNED = re.compile(r"(?:^|\s)(?:an?\s+|the\s+|An?\s+|The\s+)?(?P<owner>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*?|his|her|its|their|His|Her|Its|Their|"
                    r"[a-z]+)"
                    r"(?:[’']s?)?\s+(?:(?:latest|new|annual|monthly|quarterly|written|joint|own|preliminary|final|official|"
                    r"provisional|full|first)\s+)?"
                    r"(?P<noun>office|party|ministry|government|company|correspondents?|reporters?|spokes(?:man|woman|person)|"
                    r"report|statement|communiqu[eé]|resolution|decision|ruling|decree|order|data|figures|website|"
                    r"filing|letter|notice|announcement|survey|study|results|estimates|figures|records)$")
# The nouns one of which ends every match of ``_OWNED`` (before a newline that ends the text, as ``$`` allows).
_OWNED_NOUNS = ("office", "party", "ministry", "government", "company", "correspondent", "correspondents", "reporter",
                "reporters", "spokesman", "spokeswoman", "spokesperson", "report", "statement", "communique",
                "communiqué", "resolution", "decision", "ruling", "decree", "order", "data", "figures", "website",
                "filing", "letter", "notice", "announcement", "survey", "study", "results", "estimates", "records")
# Words that open a plural source ("Some economists", "Environmental groups", "Officials at the ministry").
_STATEMENT_FROM = re.compile(r"(?:an?|the)\s+(?:joint\s+|written\s+)?(?:statement|communiqu[eé]|report)\s+(?:from|by|of)\s+"
                             r"(?P<body>[^,.;:!?]+)")
# A spokesperson with no body named ("A spokeswoman said"): the body that spoke in the sentence before speaks again.
_BARE_SPOKESPERSON = re.compile(r"^(?:[Aa]n?|[Tt]he)\s+spokes(?:man|woman|person)$")
_SPOKESPERSON_FOR = re.compile(r"^(?:an?|the|An?|The)\s+(?:\w+\s+)?spokes(?:man|woman|person)\s+(?:for|of)\s+(?P<owner>.+)$")
_ANALYSTS_AT = re.compile(r"^(?:\w+\s+)?(?i:analysts|economists|researchers|experts|strategists)\s+at\s+(?P<body>(?:the\s+[a-z]+\s+)?[A-Z].*)$")
# An organisation's staff as a source: "Agency officials", "ministry officials", "the company's executives".
_STAFF_NOUNS = ("officials", "staff", "spokespeople", "representatives", "executives")  # one ends a _BODY_STAFF match
_BODY_STAFF = re.compile(r"^(?:[Tt]he\s+)?(?P<head>[A-Za-z]+)(?:[’']s)?\s+(?:officials|staff|spokespeople|representatives|executives)$")
# Officials of a named body: "officials of the State Department of Archaeology", "Officials at the Interior Ministry".
# What every ``_STAFF_OF`` match holds (a substring test first, the same result).
_STAFF_OF_WORDS = ("fficials", "epresentatives", "bservers", "ampaigners", "ctivists", "onitors", "nspectors")
_STAFF_OF = re.compile(r"^(?:[Ss]enior\s+)?(?:officials|[Oo]fficials|representatives|[Rr]epresentatives|[Oo]bservers|[Cc]ampaigners|"
                       r"[Aa]ctivists|[Mm]onitors|[Ii]nspectors)\s+(?:of|at|from)\s+(?P<body>(?:the\s+)?[A-Z].*)$")
# A coordinator that ends the words before a cue verb: "Kowal arrived and said", "Kowal stayed home but posted".
_COORDINATOR_END = re.compile(r"(?:^|\s)(?:and|but)$")
_SUBJECT_PRONOUNS = frozenset("He She It They".split())
_AGE_ASIDE = re.compile(r",\s*\d{1,3},")
_PASSIVE_VERB = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:\w+\s+)?\w+(?:ed|en|wn)\b")
_UNTIL_BREAK = re.compile(r"[^,.;:!?]{1,80}")
# Words after a plural source's noun that place or describe it ("Villagers in Camlica", "Farmers along the route",
# "Experts who follow the courts").
_PLACING_WORDS = frozenset("in at on from of close along near across around outside inside who".split())
# Someone's source is unnamed whoever owns it: "The agency's source", "the ministry's informed sources".
_OWNED_SOURCE = re.compile(r"^(?:[Tt]he\s+)?[\w\-]+[’']s\s+(?:[a-z][\w\-]*\s+)?sources?$")
# A document and who issued it: "X today issued a royal decree", "a development plan issued by the government".
_ISSUED_DOCUMENT = (r"\b(?:issued|signed|adopted|approved|published|enacted|handed down)\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,2}}?"
                    r"{noun}\b|\b{noun}\s+(?:issued|signed|adopted|approved|published|drawn up|handed down)\s+by\s+"
                    r"(?P<by>(?:the\s+)?[^,.;:!?]+?)(?=\s+(?:in|on|last|this)\s|[,.;:!?]|$)")
_DATELINE_DASH = re.compile(r"^.{0,80}?\s(?:--|[—–])\s")  # "Al-Ruqayyah, Shaaban 20, 1447, ..., SPA -- "
_WHEN_END = re.compile(r"(?:\s+(?:today|yesterday|tonight|(?:on|last|this)\s+[A-Z]?[a-z]+))+\s*$")
_ONE_OF_THEM = frozenset({"One", "Another", "One of them", "Another one", "A third", "One of the two"})
# A document whose author an aside names: "A survey of 1,140 grantees, conducted by the academy in October,".
_DOCUMENT_ASIDE = re.compile(r"^(?:(?:[Aa]n?|[Tt]he)\s+)?(?:[\w,\-]+\s+){0,2}?(?i:report|study|survey|poll|analysis|audit|review|index)\b"
                             r"[^,]*(?:,\d[^,]*)*,\s+(?:conducted|published|released|compiled|commissioned|carried\s+out|issued)\s+"
                             r"(?:(?:on|last|this)\s+\w+\s+)?by\s+(?P<author>[^,]+?)(?:\s+(?:in|on|last|this)\s+[\w\s]+?)?,\s*$")
_AGED = re.compile(r"^[Tt]he\s+(?P<age>\d{1,3})-year-old$")
# An inverted cue's subject described, then named: "said the radiographer, Aleksandra Poll, 44", "said its spokesman, Li Wei".
_NAMED_AFTER_DESCRIPTION = re.compile(r"(?:the|a|an|its|his|her|their)\s+(?:[\w’'\-]+\s+){0,4}?[\w\-]+,\s+(?P<name>[A-Z][\w’'.\-]*(?:\s+[\w’'.\-]+){1,4}?)(?=,|\.|$)")
# Unnamed sources known by what they know: "People familiar with the talks", "a person close to the board".
_FAMILIAR = re.compile(r"^(?:[\w\-]+\s+){0,2}?(?:people|persons|person|sources|source|officials|official|insiders|someone)\s+"
                       r"(?:familiar with|close to|with (?:direct\s+)?knowledge of|briefed on|involved in|aware of)\b", re.IGNORECASE)
# One of these is in every match of _FAMILIAR, in some case.
_FAMILIAR_PHRASES = ("familiar with", "close to", "knowledge of", "briefed on", "involved in", "aware of")
_LOWER_DESCRIPTION = re.compile(r"(?:(?!the\b|that\b|a\b|an\b|it\b|he\b|she\b|they\b)[a-z][\w\-]*\s+){1,3}(?=[A-Z])")
# A body's name, then the lower-case role noun its person holds there, then the name: "said Brackwater analyst Siobhan
# Ruane-Okoro", "said Halden Bank economist Ana Ruiz" (the owner's words and the role noun end before the name).
_OWNER_ROLE_BEFORE_NAME = re.compile(r"(?:[A-Z][\w’'&.\-]*\s+){1,4}?(?P<role>(?:[a-z][\w\-]*\s+){1,2})(?=[A-Z])")
# Judges of the court named before: "the three-judge bench ruled", "the judges said".
_BENCH = re.compile(r"^[Tt]he\s+(?:[\w\-]+\s+)?(?:bench|judges|justices|panel)$")
# What may follow a body's name after a person "of" it: "'s school of public health", " department".
_LOWER_REST = re.compile(r"(?:[’']s)?(?:\s+(?:[a-z][\w\-]*|of|[A-Z][\w\-]*)){0,6}\s*$")
_DOCUMENT_NOUNS = frozenset("report statement communiqué communique resolution decision ruling decree order data figures results estimates records "
                            "website filing letter notice announcement survey study".split())
_PLURAL_OPENING = frozenset("some many several most few other two three four experts officials".split())
_QUANTIFIERS = frozenset("some many several multiple two three four".split())
_ROLE_OF = re.compile(r"^(?:the\s+)?(?:[\w’'.\-]+\s+){0,3}?(?P<noun>[\w\-]+)\s+(?:of|at|for)\s", re.IGNORECASE)
# Words between a speaker's name and the cue verb that do not change who speaks ("Ruiz also said", "Ruiz and Vogel both said").
# A time written between a subject and its verb: "on Tuesday", "late on Sunday", "on Monday night", "last week",
# "today", "on Dec. 1" (``_drop_adverbs`` leaves it out).
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_TIME_WORDS = frozenset([*_WEEKDAYS, "today", "yesterday", "tonight", "night", "morning", "afternoon", "evening",
                         "week", "weekend", "month", "year"])
_TIME_BEFORE_VERB = re.compile(
    r"(?:\s+(?:(?:late|early|earlier)\s+)?(?:on\s+)?(?:" + "|".join(_WEEKDAYS) + r")(?:\s+(?:night|morning|afternoon|evening))?"
    r"|\s+(?:today|yesterday|tonight)|\s+(?:last|this|earlier\s+this)\s+(?:week|weekend|month|year)"
    r"|\s+on\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})+$")
_ADVERBS = frozenset("also later again then further separately previously earlier too however meanwhile "
                     "repeatedly publicly privately recently reportedly allegedly has have had will would could did does do "
                     "has also had also both all jointly is are was were been being am now still already currently "
                     "not does do did can cannot may might should must".split())


class Subjects:
    """Finds the subject of a cue in the drafter's article (mixed into ``Drafter``, which sets these attributes)."""

    lex: Lexicon
    mentions: Mentions
    outlets: OutletList
    last_person: Person | None
    last_organisation: Organisation | None
    last_agency: Outlet | str | None
    last_unnamed: str
    spoke_before: Organisation | None
    position: int
    sentence_end: int
    content: str
    _agency_mentions: list[tuple[int, Outlet | str]]
    _agency_starts: list[int]

    def agency_in(self, text: str) -> Outlet | str | None:
        """Return the last news agency named in ``text``: a listed state outlet, or a listed news agency."""
        found = self.outlets.find(text)
        if found:
            return found[-1][2]
        generic = other_agencies(text)
        if generic:
            return generic[-1][2]
        if not ends_with_agency_noun(text.strip()) or self._body_called_agency(text.strip()) is not None:
            return None  # "According to the agency" after a body of government spoke: that body, not the wire
        return self.last_agency

    def _body_called_agency(self, tail: str) -> Organisation | None:
        """Return the body of government that spoke in the sentence before when ``tail`` ends with "agency" and no
        news agency was named after that body ("..., the General Secretariat for Civil Protection said." then
        "According to the agency, ..."): "the agency" refers back to it, not to the wire credited in the dateline;
        else None."""
        spoke = self.spoke_before if tail.lower().endswith("agency") else None
        if spoke is None or spoke.kind not in ("government", "agency") or spoke.position <= self._last_agency_named_at():
            return None
        return spoke

    def speaker_before(self, before: str) -> Subject | None:
        """Return ``(kind, referent)`` for the subject written just before a cue verb, or None.

        References back ("the court's press service") may go to a body named earlier in the same sentence: while
        the subject is read, ``self.position`` is where the subject's words are (restored afterwards).
        """
        if before[:1].isupper() and _familiar(before) and QUOTE_SLOT not in before and before.count(",") <= 2 \
                and not self.lex.cue_verb.search(before):
            return ("anonymous", before.strip(" ,"))  # "People close to the premier, Ana Ruiz, said": not Ruiz
        if "by " in before and (document := _DOCUMENT_ASIDE.match(before)) is not None:
            return self.speaker_before(document.group("author"))  # "A survey of 1,140 grantees, conducted by the academy,"
        clause = strip_appositives(_drop_adverbs(before))
        named = self._organisation_ending(clause, before)
        if named is not None:
            return named
        tail = clause[cue_start(clause) :].strip()  # after the last comma or quotation (``cues.CLAUSE_BREAK``)
        tail = _without_acronym_in_brackets(self._without_sub_unit(_drop_adverbs(tail)))
        tail = _BASED.sub("", tail) if "-based" in tail else tail  # the same result: every match holds "-based"
        if not tail:
            return None
        start = self.position
        found = self.content.find(tail, start, self.sentence_end) if tail else -1
        self.position = found if found > start else start
        try:
            found = self._subject_of(tail, before)
            if found is None and " in " in tail and (placed := _BODY_IN_PLACE.match(tail)) is not None:
                found = self._body_in_place(placed.group("body"), placed.group("place"), before)
            return found
        finally:
            self.position = start

    def _named_body_ending(self, words: str) -> Organisation | None:
        """Return the organisation of two words or more named before whose name ends ``words`` (with or without a
        place after it: "the Kestrian Embassy in Velm"), the last one named first; None when none does."""
        words = words.rstrip(" ,")
        placed = _BODY_IN_PLACE.match(words)
        for text in (words, placed.group("body")) if placed is not None else (words,):
            found = next((org for org in reversed(self.mentions.organisations) if " " in org.name and text.endswith(org.name)), None)
            if found is not None:
                return found
        return None

    def _body_in_place(self, words: str, place: str, before: str) -> Subject | None:
        """Return the body ``words`` names when a subject no rule read ends with where it is ("The Kestrian Embassy in
        Velm", "a court in Velm", "The Finance Ministry in Berlin"): an embassy, a consulate or a body named in lower
        case keeps the place in its name ("Kestrian Embassy in Velm", "court in Velm"), any other body is named
        without it; None when ``words`` names no body (a person or residents "in Velm" are read as before)."""
        words = _DASH.split(words)[-1]  # "Lorvaine (AFP) - A court": the dateline is no part of the subject
        found = self._subject_of(_LEADING_ARTICLE.sub("", words), before)
        if found is None or found[0] not in ("institution", "person", "anonymous"):
            return None
        body = found[1]
        if isinstance(body, Organisation) and " in " in body.name and not body.name.endswith(f" in {place}"):
            words = _LEADING_ARTICLE.sub("", words)  # "A court in Velm" after "a court in Maubressac": another court
            return ("institution", Organisation(f"{words} in {place}", body.kind, body.head, self.position)) \
                if words[:1].islower() else found
        if isinstance(body, Organisation) and " in " not in body.name and \
                (body.name[:1].islower() or body.head.lower() in _PLACED_HEADS):
            placed = Organisation(f"{body.name} in {place}", body.kind, body.head, body.position)
            organisations = self.mentions.organisations
            organisations[:] = [placed if org == body else org for org in organisations]  # "the embassy" later: the same
            return ("institution", placed)
        return found

    def _organisation_ending(self, clause: str, before: str) -> Subject | None:
        """Return an organisation the article named (two words or more) that is the subject at the end of ``clause``
        ("the Estavia Department of Forestry and Fire Protection", "the Ministry of Agriculture, Forestry and
        Fisheries"), or the one an apposition names after a description in ``before`` ("The employers' federation,
        the Association of X (VNH),"), or None."""
        if not self.mentions.organisations or not clause:
            return None
        words = _without_acronym_in_brackets(clause.rstrip(" ,"))
        for org in reversed(self.mentions.organisations) if words.endswith(self._multiword_names()) else ():
            if " " in org.name and words.endswith(org.name) and org.position < max(self.sentence_end, self.position + len(before) + 1):
                opening = words[: len(words) - len(org.name)].split(",")[-1].split()
                described = bool(opening) and opening[-1] in self.lex.body_nouns and \
                    not _BODY_OF_OTHERS.intersection(opening)  # "the shipbuilders' union X and Y"; not "Analysts at the firm X"
                if described or all(word in _OPENING_WORDS or word[:1].isupper() for word in opening[-3:]) and \
                        not (opening and opening[-1].endswith(("’s", "'s")) and not self._place_owns(opening[-1], org.name)):
                    return ("institution", org)
        for segment in reversed(before.rstrip(" ,").split(",")[1:]):  # "In a report, the X Network, a coalition of 14,"
            name = _without_acronym_in_brackets(segment.strip()).removeprefix("the ").removeprefix("The ")
            known = next((org for org in self.mentions.organisations if org.name == name and " " in name), None) \
                or self.mentions.acronyms.get(name)  # "Beltaria's railway authority, the BRA, said": the acronym's body
            if known is not None:
                return ("institution", known)
            if not is_aside(segment.strip()):
                break
        described = _DESCRIBED_THEN_NAMED.search(_without_acronym_in_brackets(_drop_adverbs(before).rstrip(" ,"))) \
            if "," in before else None  # the same result: every match holds a comma
        if described is not None and not self._person_of_body(described.group("name")):
            body = self.mentions.organisation(described.group("name"), self.position + len(before))
            if body is not None and body.kind:
                return ("institution", body)
        return None

    def _person_of_body(self, name: str) -> bool:
        """Return True when ``name`` is a known person "of" a body ("Janelle Brooks of the Tenant Justice Law Center"):
        the person speaks, not the body."""
        person, of, _ = name.partition(" of ")
        return bool(of) and self.mentions.known(person) is not None

    def _place_owns(self, owner: str, name: str) -> bool:
        """Return True when ``owner`` ("Seoul's") is a place's possessive before a body's formal name ("Ministry of Trade,
        Industry and Energy"): the body speaks; a person's or a body's possessive ("Kowal's", "University's") or a short
        name is no such owner."""
        owner = _POSSESSIVE.sub("", owner)
        return FORMAL_NAME.search(name) is not None and self.mentions.known(owner) is None and not organisation_kind(owner, self.lex)

    def _multiword_names(self) -> tuple[str, ...]:
        """Return the names of two words or more of ``mentions.organisations`` (worked out again only when that list
        is replaced or grows; a quick ``str.endswith`` test before the loop over the organisations)."""
        organisations = self.mentions.organisations
        cached = self.__dict__.get("_multiword_cache")
        if cached is None or cached[0] is not organisations or cached[1] != len(organisations):
            cached = (organisations, len(organisations), tuple(org.name for org in organisations if " " in org.name))
            self.__dict__["_multiword_cache"] = cached
        return cached[2]

    def _without_sub_unit(self, tail: str) -> str:
        """Return ``tail`` without a named body's office after it ("the WHO country office" -> "the WHO"; "the court's
        press service" -> "the court"); a service with no body's name before it is kept. The pattern is searched only
        when one of the nouns it ends with is in ``tail`` (the same result: it is tried at every position)."""
        unit = _SUB_UNIT.search(tail) if any(noun in tail for noun in _SUB_UNIT_NOUNS) else None
        if unit is None:
            return tail
        rest = tail[: unit.start()]
        if rest.split() and (organisation_kind(rest, self.lex) or rest.split()[-1] in self.lex.body_nouns):
            return rest
        return tail

    def _subject_of(self, tail: str, before: str) -> Subject | None:
        """Return ``(kind, referent)`` for the subject ``tail`` (the last clause of ``before``, asides dropped), or None."""
        # Searched from four characters before the last word's end, with the same result: a match is that word ("They").
        if (match := PRONOUN_END.search(tail, max(0, len(tail.rstrip()) - 4))) is not None:
            return ("pronoun", match.group("pronoun"))
        if tail in _ONE_OF_THEM or "source" in tail and _OWNED_SOURCE.match(tail):  # (every match holds "source")
            return ("anonymous", tail)  # "One said ...", "The agency's source said": an unnamed source
        referring = self._office_described(tail) or self._referring_subject(tail)
        if referring is not None:
            return referring
        recent = before[-160:]
        unnamed = any(map(recent.__contains__, _UNNAMED_WORDS)) and _UNNAMED_AFTER.search(f" {recent}") is not None
        if unnamed or _familiar(tail) or _plural_source(tail, self.lex):
            return ("anonymous", tail)
        # Searched from five characters before the end, with the same result: a match is " and" or " but" at the end.
        if (coordinator := _COORDINATOR_END.search(tail, max(0, len(tail) - 5))) is not None:  # "Kowal came and said"
            found = self._coordinated_subject(tail[: coordinator.start()]) if coordinator.start() else None
            continued = not coordinator.start() or tail.endswith("but") or tail[:1].islower()  # "..., to six provinces and"
            if found is None and continued and not _PASSIVE_VERB.search(opening := _opening_clause(before)):
                found = self._coordinated_subject(opening) or _pronoun_opening(opening)  # "Kowal did not appear but posted"
            return found
        if tail not in self.mentions.people and (shortened := self.mentions.body_opened_by(tail, self.position)) is not None:
            return ("institution", shortened)  # "Ellison Parke said" for "Ellison Parke Homes"
        if _heads_a_description(tail, self.lex):  # "the director of the Institute ..." is a person
            return (self._agency_subject(tail) or self._person_named_at_end(tail) or self._owned_subject(tail)
                    or self._person_described(tail))
        return (self._agency_subject(tail) or self._person_named_at_end(tail) or self._owned_subject(tail)
                or self._organisation_subject(tail) or self._person_described(tail) or self._body_named_at_end(tail))

    def _referring_subject(self, tail: str) -> Subject | None:
        """Return the subject a reference back names ("the press service", "the 58-year-old", "the regulator",
        "Agency officials", "the diplomat"), or None when ``tail`` is no such reference."""
        # Each pattern below is tried only when ``tail`` holds a word every match of it holds: the same result.
        document = _document_by(tail)
        if document is not None:  # "A 2023 report by the state Department of X", "data from the Statistics Office"
            return self.speaker_before(_RELEASED_WHEN.sub("", document.group("author")))  # "... released Wednesday"
        if ("press " in tail or "media " in tail) and (service := self._press_service_body(tail)) is not None:
            return service  # "the press service said": the body it speaks for; "the press service of Roscosmos said"
        if "-year-old" in tail and (aged := _AGED.match(tail)) is not None \
                and (self.last_person is not None or aged.group("age") in self.mentions.ages):
            person = self.mentions.ages.get(aged.group("age"))
            return ("person", person) if person is not None else ("pronoun", tail)  # "The 58-year-old"
        analysts = _ANALYSTS_AT.match(tail)
        if analysts is not None:
            body = self.mentions.organisation(analysts.group("body"), self.position) or _firm(analysts.group("body"))
            if body is not None:
                return ("analysts", body)  # "Analysts at Berger Lindahl": the firm speaks, as experts
        if tail[:4].lower() == "the " and (_STATEMENT.search(tail) or is_document_back(tail)) and \
                (issuer := self._document_body(tail)) is not None:
            return issuer  # "The statement said": the body that issued it; "The decree stipulates": the King who did
        if tail[:4].lower() == "the " and (body := self.mentions.described(tail[4:], self.position)) is not None:
            return ("institution", body)  # "the regulator" after "the Financial Supervisory Commission, the regulator"
        if _BENCH.match(tail) and (court := self.mentions.organisation("court", self.position)) is not None and court.kind:
            return ("institution", court)  # "the three-judge bench ruled": the court named before
        if tail[:4].lower() == "the " and self.lex.role_noun.fullmatch(tail.split()[-1].rstrip(",")) \
                and not self._repeats_unnamed(tail) and (known := self._described_known(tail)) is not None:
            return known  # "the diplomat told TASS" after a deputy foreign minister spoke: no unnamed source
        return self._staff_subject(tail)

    def _staff_subject(self, tail: str) -> Subject | None:
        """Return the body whose staff ``tail`` names ("Agency officials", "officials of the State Department of X",
        "Observers from the Organization for ..."), or None when it names none."""
        if (tail.endswith(_STAFF_NOUNS) or tail.endswith("\n")) and (staff := _BODY_STAFF.match(tail)) is not None \
                and (body := self._staff_of(staff.group("head"))) is not None:
            return ("institution", body)  # "Agency officials are calling on": the agency named before
        staff = _STAFF_OF.match(tail) if any(map(tail.__contains__, _STAFF_OF_WORDS)) else None
        if staff is None:
            return None
        if (body := self._organisation_subject(staff.group("body"))) is not None:
            return body  # "officials of the State Department of Archaeology said": the department
        if (named := self._named_body_ending(staff.group("body"))) is not None:
            return ("institution", named)  # "Observers from the Organization for Security and Co-operation in Europe"
        return None

    def _press_service_body(self, tail: str) -> Subject | None:
        """Return the body a press service speaks for: the one named last ("the press service said"), the one named
        after it in lower-case words ("the press service of the Orbita state space corporation": a state corporation,
        so a body of government), or the one named after it ("the press service of Roscosmos"); None when ``tail``
        is no press service or names no body."""
        if _PRESS_SERVICE.match(tail):
            return ("institution", self.last_organisation) if self.last_organisation is not None else None
        lower = _PRESS_SERVICE_OF_LOWER.match(tail)
        if lower is not None and (noun := lower.group("body").split()[-1]) in self.lex.body_nouns:
            return ("institution", self._lower_case_body(lower.group("body"), noun))
        if (press := _PRESS_SERVICE_OF.match(tail)) is not None:  # "the press service of Roscosmos said": Roscosmos
            return self._organisation_subject(press.group("body")) or self._body_named_at_end(press.group("body"))
        if (owned := _PRESS_SERVICE_OWNED.match(tail)) is not None and (body := self.body_by_first_words(owned.group("owner"))):
            return ("institution", body)  # "Severteplo's press service told TASS" after "Severteplo JSC"
        return None

    def body_by_first_words(self, words: str) -> Organisation | None:
        """Return the body named before this sentence as ``words`` or with ``words`` opening its name ("Severteplo" for
        "Severteplo JSC"), the latest such, or None; changes nothing."""
        return next((org for org in reversed(self.mentions.organisations) if org.position < self.position
                     and (org.name == words or org.name.startswith(f"{words} "))), None)

    def _office_described(self, tail: str) -> Subject | None:
        """Return a government office named by lower-case words, its noun and what it is for ("The county's bureau of
        agriculture and rural affairs", "the investigative department for the Novozlatogorsk Region", "The office of
        the Zarvan governor general"): the words without "the" name it; None for any other words."""
        match = _OFFICE_DESCRIBED.match(tail) if "of" in tail or "for" in tail else None  # (every match holds one)
        if match is None or self.lex.organisation_heads.get(match.group("noun").title()) != "government":
            return None
        name = match.group("name")
        known = self.mentions.organisation(name, self.position) if name[:1].isupper() else None
        return ("institution", known or Organisation(name, "government", match.group("noun"), self.position))

    def _lower_case_body(self, name: str, noun: str) -> Organisation:
        """Return the body ``name`` ("Orbita state space corporation", head noun ``noun``) names: the one known by it,
        or a new one of its noun's kind; a state's or government's body is of government. Nothing is changed."""
        known = self.mentions.organisation(name, self.position)
        kind = known.kind if known is not None else self.lex.body_nouns[noun]
        if _STATE_WORDS.intersection(name.lower().split()):
            kind = "government"  # "the Orbita state space corporation"
        return Organisation(known.name if known is not None else name, kind, noun, self.position)

    def _document_body(self, tail: str) -> Subject | None:
        """Return who speaks through the document ``tail`` refers back to: the one an earlier sentence says issued it,
        else the organisation named last; None when neither is known."""
        issuer = self._document_issuer(tail) if is_document_back(tail) else None
        if issuer is not None:
            return issuer
        if tail.split()[-1].lower() in _COURT_DOCUMENTS and (court := self._last_court()) is not None:
            return ("institution", court)  # "The ruling said": the court named last, not the body it ruled on
        return ("institution", self.last_organisation) if self.last_organisation is not None else None

    def _last_court(self) -> Organisation | None:
        """Return the last court or tribunal named before the words being attributed, or None."""
        return next((org for org in reversed(self.mentions.organisations)
                     if org.head in ("court", "tribunal") and org.position < self.position), None)

    def _document_issuer(self, tail: str) -> Subject | None:
        """Return the person or body an earlier sentence says issued the document ``tail`` names ("the decree" after
        "King X today issued a royal decree", "a development plan issued by the provincial government"), or None.
        Only the words before ``self.position`` are read; nothing is changed."""
        noun = tail.split()[-1].lower()
        if not noun.isalpha():
            return None
        text = self.content[: self.position]
        found = None
        for match in re.finditer(_ISSUED_DOCUMENT.format(noun=re.escape(noun)), text, re.IGNORECASE):
            found = match
        if found is None:
            return None
        if found.group("by"):
            return self._subject_of_issuer(found.group("by"), found.start("by"))
        opening = text.rfind(". ", 0, found.start()) + 2 if text.rfind(". ", 0, found.start()) >= 0 else 0
        return self._subject_of_issuer(text[opening : found.start()], opening)

    def _subject_of_issuer(self, words: str, at: int) -> Subject | None:
        """Return the person or body ``words`` (written at ``at``) name as a document's issuer, or None; the subject is
        read as if it stood at ``at`` (``self.position`` is restored)."""
        dateline = _DATELINE_DASH.search(words)
        if dateline is not None:
            words, at = words[dateline.end() :], at + dateline.end()
        words = _WHEN_END.sub("", words)  # "King X today": the subject without the time
        start, end = self.position, self.sentence_end
        self.position, self.sentence_end = at, at + len(words)
        try:
            found = self.speaker_before(words)
        finally:
            self.position, self.sentence_end = start, end
        return found if found is not None and found[0] in ("person", "institution") else None

    def _staff_of(self, head: str) -> Organisation | None:
        """Return the organisation named before whose head noun is ``head`` ("Agency" in "Agency officials"), or None."""
        noun = head.lower()
        earlier = [org for org in self.mentions.organisations if org.head == noun and org.position < self.position]
        return earlier[-1] if earlier else None

    def _repeats_unnamed(self, tail: str) -> bool:
        """Return True when "the official" repeats the noun of the last unnamed source ("A senior official ... said")."""
        noun = tail.split()[-1].lower()
        return bool(self.last_unnamed) and noun in self.last_unnamed.lower().split()

    def _described_known(self, tail: str) -> Subject | None:
        """Return the person "the minister" / "the diplomat" refers to: one with that title, else the last speaker
        when the noun gives the same role; None when the description fits no one named (an unnamed source)."""
        match = _DESCRIPTION_AFTER.search(f" {tail}")
        if match is None or not (nouns := [role_of_noun(m.group(0), self.lex) for m in self.lex.role_noun.finditer(match.group("words"))]):
            return None
        words = {w.lower().strip(".,") for w in match.group("words").split()} - {"the", "of", "a", "an", "for", "in", "and"}
        titled = [person for person in self.mentions.people.values() if person.title and words <= person.title_words]
        if titled:
            return ("person", titled[-1] if self.last_person not in titled else self.last_person)
        last = self.last_person
        return ("person", last) if last is not None and last.role[0] in nouns and last.role[0] else None

    def _coordinated_subject(self, clause: str) -> Subject | None:
        """Return the subject of coordinated verbs ("Lusenia's central bank kept its rate ... and said"), or None.

        The longest opening of the clause (up to eight words) that names a speaker is the subject.
        """
        words = clause.split()
        for size in range(min(len(words) - 1, 8), 0, -1):
            if words[size][:1].islower():
                opening = " ".join(words[:size])
                found = self._agency_subject(opening) or self._person_named_at_end(opening) or self._organisation_subject(opening)
                if found is not None:
                    return found
        return None

    def _owned_subject(self, tail: str) -> Subject | None:
        """Return the speaker of "IRNA's correspondent", "his office", "a Haeul spokesman", or None."""
        if tail.endswith("person") or tail.endswith("man"):
            if _BARE_SPOKESPERSON.match(tail) and self.spoke_before is not None:
                return ("institution", self.spoke_before)  # "X denied it. A spokesperson said ...": X again
        spokesperson = _SPOKESPERSON_FOR.match(tail)
        if spokesperson is not None:  # "a spokesperson for the Health Ministry": the ministry (or the person)
            return self._spokesperson_for(spokesperson.group("owner"))
        if " " in tail and tail.endswith(_PUBLISHED_ENDS):
            tail = _PUBLISHED_AFTER.sub(r"\g<document>", tail)  # "An OECD survey published last year found": the survey
        match = _OWNED.search(tail) if tail.endswith(_OWNED_NOUNS) or tail.endswith("\n") else None  # the same result
        if match is None or not self._can_own(match.group("owner")):
            return None  # "a league spokesman", "the ministry's statement"; not "the new statement"
        owner, noun = match.group("owner"), match.group("noun").lower()
        if owner.lower() in ("his", "her", "its", "their"):
            return self._pronoun_owned(owner.lower(), noun)
        outlet = self.agency_in(owner)
        if outlet is not None and noun in ("correspondent", "reporter", "reporters", "correspondents"):
            return ("outlet", outlet)
        if noun == "office" and (office := self._person_office(owner)) is not None:
            return office  # "Environment Minister Priya Laurent's office": her office, named without the title
        if noun in _DOCUMENT_NOUNS:  # "The World Bank's latest report said", "according to the CEC's resolution"
            organisation = self.mentions.organisation(owner, self.position)
            return ("institution", organisation) if organisation is not None else None
        return self._spokesman_of(owner) if noun.startswith("spokes") else None

    def _spokesperson_for(self, owner: str) -> Subject | None:
        """Return whom "a spokesperson for ``owner``" speaks for: a known person, else the organisation named (found
        before or named here), else None."""
        person = self.mentions.known(owner)
        if person:
            return ("person", person)
        organisation = self.mentions.organisation(owner, self.position) or self._named_body(owner)
        return ("institution", organisation) if organisation else None

    def _person_office(self, owner: str) -> Subject | None:
        """Return the office of the known person whose name ends ``owner`` ("Environment Minister Priya Laurent"), named
        "<name>’s office" (of government when the person is an official), or the body named before as the office of
        the person's title ("the Fenwick County Sheriff's Office" for "Sheriff Tom Akers' office"); None when
        ``owner`` ends with no known person's name."""
        found = self._person_named_at_end(owner)
        if found is None or not isinstance(found[1], Person):
            return None
        person = found[1]
        office = f"{person.title.split()[-1]}'s office".lower() if person.title.split() else ""
        named = next((org for org in reversed(self.mentions.organisations) if office and office in org.name.lower().replace("’", "'")), None)
        if named is not None:
            return ("institution", named)  # "Sheriff Tom Akers' office" after "the Fenwick County Sheriff's Office": that body
        kind = "government" if person.role[0] in ("official", "former official") else "other"
        return ("institution", Organisation(f"{person.name}’s office", kind, "office", self.position))

    def _named_body(self, owner: str) -> Organisation | None:
        """Return the body "a spokeswoman for Tarrow" speaks for when ``owner`` is a capitalised name of no known person:
        the body named before whose name has it ("Tarrow Resources Ltd."), else a body by that name; None for other words."""
        name = owner.strip().removeprefix("the ")
        if not self.lex.run.fullmatch(name) or name.split()[0] in self.lex.not_names:
            return None
        named = [org for org in self.mentions.organisations if org.position < self.position
                 and f" {name} " in f" {org.name.replace('-', ' ')} "]
        return named[-1] if named else Organisation(name, "other", "", self.position)

    def _can_own(self, owner: str) -> bool:
        """Return True when ``owner`` can own a spokesman or a document: a name, a possessive pronoun, or a lower-case
        noun for a body ("league", "ministry", "court"), not another word ("the new statement")."""
        return not owner.islower() or owner in ("his", "her", "its", "their") or owner in self.lex.body_nouns \
            or owner.title() in self.lex.organisation_heads

    def _spokesman_of(self, owner: str) -> Subject | None:
        """Return the organisation "a ministry spokesman" or "a Haeul spokesman" speaks for, or None."""
        if owner.islower():  # "a ministry spokesman": the last organisation with that head noun
            organisation = self.mentions.organisation(owner, self.position)
            return ("institution", organisation) if organisation is not None and organisation.position < self.position else None
        if self.last_organisation is not None and f" {owner} " in f" {self.last_organisation.name} ":
            return ("institution", self.last_organisation)  # a word of its name, or all of it ("A Varga Kessler spokesperson")
        named = [org for org in self.mentions.organisations if f" {owner} " in f" {org.name} " and org.position < self.position]
        return ("institution", named[-1]) if named else None

    def _pronoun_owned(self, owner: str, noun: str) -> Subject | None:
        """Return the body "his office", "her ministry", "its statement" names: the body in the last person's title,
        her own office when it names none, else the last organisation mentioned (None when there is none)."""
        organisation = self._organisation_of(self.last_person, noun) if owner in ("his", "her") else None
        if organisation is None and noun == "office" and owner in ("his", "her"):
            return self._persons_office(owner)
        organisation = organisation or self.last_organisation
        return ("institution", organisation) if organisation is not None else None

    def _persons_office(self, possessive: str) -> Subject | None:
        """Return the office of the last person "his"/"her" fits ("Her office said" after the minister Katrin Vogelsang:
        "Katrin Vogelsang's office", of government when she is an official), or None when no one is known."""
        person = self._last_mentioned("he" if possessive == "his" else "she")  # type: ignore[attr-defined]
        if person is None:
            return None
        kind = "government" if person.role[0] == "official" else "other"
        return ("institution", Organisation(f"{person.name}'s office", kind, "office", self.position))

    def _organisation_of(self, person: Person | None, noun: str) -> Organisation | None:
        """Return the organisation in ``person``'s title ("head of the Federal Office for Grid Security"), or None."""
        if person is None or not person.title:
            return None
        found = [org for run in self.lex.run.finditer(person.title)
                 if (org := self.mentions.organisation(run.group(0), self.position)) is not None and org.kind]
        return next((org for org in found if org.head == noun), found[0] if found else None)

    def _agency_subject(self, tail: str) -> Subject | None:
        """Return an unnamed source, a state outlet or a news agency that ends ``tail``, or None."""
        if HAS_ANONYMOUS_WORD.search(tail.lower()) and (ANONYMOUS.search(tail) or ANONYMOUS_PLURAL_OFFICIALS.search(tail)):
            return ("anonymous", tail)
        outlet = self.outlets.ends_with_mention(tail)
        if outlet is not None:
            return ("outlet", outlet)
        generic = other_agencies(tail)
        if generic and generic[-1][1] == len(tail):
            return ("outlet", generic[-1][2])
        if ends_with_agency_noun(tail):
            body = self._agency_of_state() if tail.lower().endswith("agency") else None
            if body is not None and (self.last_agency is None or body.position > self._last_agency_named_at()):
                return ("institution", body)  # "The agency warned" after "Spain's weather agency AEMET", named later
            spoke = self._body_called_agency(tail)
            if spoke is not None:
                return ("institution", spoke)  # "..., Greece's civil protection secretariat said. According to the agency, ..."
            return ("outlet", self.last_agency) if self.last_agency is not None else None
        return None

    def _agency_of_state(self) -> Organisation | None:
        """Return the last government agency named (or described as an agency) before the words being attributed."""
        earlier = self._agencies_of_state()
        described = self.mentions.described("agency", self.position)
        candidates = [org for org in (earlier[-1] if earlier else None, described) if org is not None]
        return max(candidates, key=lambda org: org.position) if candidates else None

    def _last_agency_named_at(self) -> int:
        """Return where the last news agency named outside quotation marks before the words being attributed is (-1: none)."""
        index = bisect.bisect_left(self._agency_starts, self.position) - 1
        return self._agency_mentions[index][0] if index >= 0 else -1

    def _agencies_of_state(self) -> list[Organisation]:
        """Return the government agencies named before the words being attributed ("the National Aviation Agency")."""
        return [org for org in self.mentions.organisations if org.kind == "agency" and org.position < self.position]

    def _organisation_subject(self, tail: str) -> Subject | None:
        """Return the organisation that ends ``tail`` ("the Finance Ministry", "the IMF", "the ministry"), or None."""
        body = next((name for name in self.mentions.bodies if tail.endswith(name)), None)
        if body is not None and (named := self.mentions.organisation(body, self.position)) is not None:
            return ("institution", named)  # "Harlow Brothers", named as a body before
        match = institution_pattern().search(tail) if may_end_with_institution(tail) else None  # the same result
        words = match.group("institution") if match else tail.split()[-1] if tail.split() else ""
        if match is None and words not in self.mentions.acronyms and not _is_acronym(words, self.outlets):
            return None
        organisation = self.mentions.organisation(words, self.position)
        return ("institution", organisation) if organisation is not None else None

    def _person_named_at_end(self, tail: str) -> Subject | None:
        """Return the person whose name ends ``tail`` ("Foreign Minister Jan Kowal", "Kowal"), or None."""
        runs = list(self.lex.run.finditer(tail))
        if runs and runs[-1].end() != len(tail.rstrip(" ,")) and runs[0].start() == 0 and " of " in runs[0].group(0):
            known = self.mentions.known(runs[0].group(0).partition(" of ")[0])  # "Professor Lim of the X's school of health"
            return ("person", known) if known is not None and _LOWER_REST.match(tail, runs[0].end()) else None
        if not runs or runs[-1].end() != len(tail.rstrip(" ,")):
            return None
        head, _, _ = runs[-1].group(0).partition(" of ")
        if head != runs[-1].group(0) and (known := self.mentions.known(head)) is not None:
            return ("person", known)  # "Professor Omar Lind of Velm University": the person before "of"
        for run in reversed(runs[:-1]):  # "Tomas Eklund of the group Safe Medicines Now", "Dr Ana Ruiz from/at X University"
            if tail.startswith((" of ", " from ", " at "), run.end()) and (known := self.mentions.known(run.group(0))) is not None:
                return ("person", known)
        if len(runs) > 1 and (known := self._person_before_joined_body(tail, runs[-2], runs[-1])
                              or self._person_after_joined_title(tail, runs[-2], runs[-1])) is not None:
            return ("person", known)
        person = self.mentions.person_named(runs[-1].group(0))
        return ("person", person) if person is not None else None

    def _person_before_joined_body(self, tail: str, before: re.Match[str], last: re.Match[str]) -> Person | None:
        """Return the person named before " of " in the run ``before`` when the body after " of " runs on with "and"
        into the run ``last`` ("Dr Ana Ruiz of the Institute for Soil and Water Studies": the person is Ana Ruiz, not
        "Water Studies"), or None."""
        head, of, _ = before.group(0).partition(" of ")
        if not of or tail[before.end() : last.start()] != " and ":
            return None
        return self.mentions.known(head)

    def _person_after_joined_title(self, tail: str, before: re.Match[str], last: re.Match[str]) -> Person | None:
        """Return the known person named at the end of a title that "and" splits into the runs ``before`` and ``last``
        ("Deputy Minister of Science" and "Higher Education of the X Region Ana Ruiz": the person is Ana Ruiz, not
        "Higher Education"), or None."""
        if tail[before.end() : last.start()] != " and " or " of " not in before.group(0) and " for " not in before.group(0):
            return None
        return self.mentions.known(tail[before.start() : last.end()])

    def _body_named_at_end(self, tail: str) -> Subject | None:
        """Return an organisation named without a head noun at its end ("Network Coastline", "Northwind"), or None.

        The last resort for a capitalised subject that names no known person: a name that starts with a head
        noun ("Network Coastline", "Banco Austral"), one that holds a word no person's name holds ("Castellan
        Television", "the Church of St Aldric", ``not_person_words.txt``) or one unknown word ("Northwind said") is
        taken as written, an organisation of unknown kind, so the speaker's name is right and the teacher chooses
        the role. A run that opens with a preposition ("In Longbian County, ...") is a place, never the subject.
        """
        runs = list(self.lex.run.finditer(tail))
        if not runs or runs[-1].end() != len(tail.rstrip(" ,")) or _AFTER_PREPOSITION.search(tail, 0, runs[-1].start()):
            return None  # "Fishermen in the port of Kasumi": a place, not the subject
        words = _POSSESSIVE.sub("", runs[-1].group(0)).split()
        if _AFTER_PREPOSITION.match(f"{words[0].lower()} "):
            return None  # "In Longbian County, rescuers ...": a place the sentence opens with, not the subject
        while words and (words[0] in self.lex.not_names or self.lex.name_modifier.match(words[0])):
            words = words[1:]
        if not words or any(word in self.lex.calendar or word in self.lex.titles for word in words):
            return None
        if len(words) == 1:
            word = words[0]
            if not self.lex.name_token.match(word) or self.lex.role_noun.fullmatch(word) or word in self.lex.not_person:
                return None
        elif "&" not in words and (words[0] not in self.lex.organisation_heads or self.mentions.known(" ".join(words)) is not None) \
                and not self.lex.not_person.intersection(words):
            return None
        name = " ".join(words)
        named = [org for org in self.mentions.organisations if org.position < self.position and name != org.name
                 and f" {name} " in f" {org.name} " and org.name.split()[-1] not in words]
        if named:
            return ("institution", named[-1])  # "Brenner now expects" after "Aldous Brenner Group": its short name
        return ("institution", self.mentions.organisation(name, self.position) or Organisation(name, "other", "", self.position))

    def _person_described(self, tail: str) -> Subject | None:
        """Return the person a description at the end of ``tail`` refers to ("the foreign minister"), or None."""
        match = _DESCRIPTION_AFTER.search(f" {tail}")
        if match is not None and self.lex.role_noun.search(match.group("words")):
            person = self.mentions.person_described(match.group("words"), self.last_person)
            if person is not None:
                return ("person", person)
        return None

    def _without_lower_description(self, after: str) -> str:
        """Return ``after`` without the lower-case words that describe the name after them: a role noun ("said
        passenger Fiona Mac", "said managing director Hendrik van Walt") or words before a title ("said state Sen.
        Luis Ortiz"); ``after`` unchanged otherwise."""
        described = _LOWER_DESCRIPTION.match(after)
        run = self.lex.run.match(after, described.end()) if described is not None else None
        if run is None or described is None:
            return after
        if self.lex.role_noun.search(described.group(0)) or self.lex.title_in_run.match(run.group(0)) is not None:
            return after[described.end() :]
        return after

    def _person_after_owner_role(self, after: str) -> Person | None:
        """Return the person an inverted cue names after a body's name and their role noun there ("said Brackwater
        analyst Siobhan Ruane-Okoro" -> Siobhan Ruane-Okoro), or None when ``after`` opens otherwise or names no one."""
        owned = _OWNER_ROLE_BEFORE_NAME.match(after)
        if owned is None or not self.lex.role_noun.fullmatch(owned.group("role").split()[-1]):
            return None
        run = self.lex.run.match(after, owned.end())
        return self.mentions.person_named(run.group(0)) if run is not None else None

    def speaker_after(self, after: str) -> Subject | None:
        """Return the subject of an inverted cue ("said Grey", "said the minister"), or None."""
        after = after.lstrip()
        if after.startswith(("that ", "the newspaper", "reporters")):
            return None
        after = self._without_lower_description(after)
        run = self.lex.run.match(after)
        if run is not None and after.startswith(" and ", run.end()):  # "said Minister of Trade and Industry Jo Kim"
            run = self.lex.run_with_and.match(after)
        if run is not None:
            outlet = self.outlets.lookup(run.group(0))
            if outlet is not None:
                return ("outlet", outlet)
            # "said Hockey Maritima executive director Colette Arsenault": the person after the body and the role,
            # before a body's name that reads like a person's
            person = self._person_after_owner_role(after) or self.mentions.person_named(run.group(0))
            if person is not None:
                return ("person", person)
        statement = _STATEMENT_FROM.match(after)
        if statement is not None:  # "..., said a statement from the ministry."
            return self._organisation_subject(statement.group("body").strip())
        named = _NAMED_AFTER_DESCRIPTION.match(after)
        if named is not None and (person := self.mentions.person_named(named.group("name"))) is not None:
            return ("person", person)  # "said the radiographer, Aleksandra Poll, 44."
        match = DESCRIBED_AFTER.match(after)
        if match and self.lex.role_noun.search(match.group(1)):
            person = self.mentions.person_described(match.group(1), self.last_person)
            if person is not None:
                return ("person", person)
        body = _INVERTED_BODY.match(after) if after[:4].lower() == "the " else None
        if body is not None and (organisation := self._organisation_subject(body.group("body"))) is not None:
            return organisation  # "..., said the ministry."
        return _unnamed_after(after)


def _document_by(tail: str) -> re.Match[str] | None:
    """Return the match of ``_DOCUMENT_BY`` ("A 2023 report by the state Department of X") at the start of ``tail``, or
    None; the pattern is tried only when ``tail`` holds "by", "from" or "of", as every match does (the same result)."""
    return _DOCUMENT_BY.match(tail) if "by" in tail or "from" in tail or "of" in tail else None


def _familiar(text: str) -> bool:
    """Return True when ``text`` opens with unnamed sources known by what they know ("People familiar with the talks",
    ``_FAMILIAR``); the pattern is tried only when one of its phrases is in ``text`` in any case (the same result)."""
    return may_hold_ignoring_case(text, _FAMILIAR_PHRASES) and _FAMILIAR.match(text) is not None


def _firm(words: str) -> Organisation | None:
    """Return the firm "Analysts at Garrow Whitfield" names (capitalised words, a description before it dropped)."""
    name = _LOWER_FIRM_OPENING.sub("", words.strip())
    return Organisation(name, "other", "", 0) if name[:1].isupper() else None


def _plural_source(tail: str, lex: Lexicon) -> bool:
    """Return True for an unnamed plural source: "Some economists", "Experts", "Villagers in nearby Camlica",
    "Farmers along the route", "Insurers", "Press freedom groups", "Logistics firms", and one that opens a reduced
    relative clause ("a move several rival executives [said] had ...")."""
    words = tail.split()
    if words[:1] in (["a"], ["an"]) and (quantifier := next((i for i, w in enumerate(words[2:4], 2) if w in _QUANTIFIERS), 0)):
        words = words[quantifier:]  # "a move several rival executives told ESPN had pushed up the market"
    # The first placing word's index; the words' count when there is none (found at once by ``isdisjoint``).
    head = len(words) if _PLACING_WORDS.isdisjoint(words) else \
        next(index for index, word in enumerate(words) if word in _PLACING_WORDS)
    noun = words[head - 1] if head else ""
    irregular = noun.lower().endswith(("men", "people")) and noun.lower() not in ("amen",)
    if not (noun.endswith("s") or irregular) or noun.lower().endswith("ss") or words[0].lower() == "the":
        return False
    placed = head == 1 < len(words) and noun[1:].islower()  # "Traders in Ulbek": a plural placed by a preposition
    known_noun = _known_plural(noun.lower(), lex)  # "Air safety experts", "Western analysts", "Insurers"
    if head < len(words) and words[head] == "on" and not known_noun:
        return False  # "Tenants on the estate" are people; "figures on the office's website" are no source
    if not noun.islower() and (head != 1 or not (placed or known_noun)):
        return False
    if any(word[:1].isupper() for word in words[1 : head - 1] if word not in lex.not_names and not word.endswith("ern")):
        return False
    opening = words[0].lower()
    described = noun.islower() and known_noun and head <= 3  # "Logistics firms": a capital only where the sentence opens
    return head <= 4 and (opening in _PLURAL_OPENING or head <= 2 or known_noun) and \
        (described or not lex.organisation_head.search(" ".join(words[:head])))


def _known_plural(noun: str, lex: Lexicon) -> bool:
    """Return True when the plural ``noun`` (lower case) names people by role ("experts", "residents") or unnamed
    bodies ("groups", "firms", "insurers": a body noun's plural)."""
    return role_of_noun(noun, lex) != "" or (noun.endswith("s") and noun[:-1] in lex.body_nouns)


def _unnamed_after(after: str) -> Subject | None:
    """Return the unnamed source an inverted cue names ("said the person, who asked not to be identified", "said
    people familiar with the matter"), or None."""
    head = _UNTIL_BREAK.match(after)
    words = head.group(0).strip() if head is not None else ""
    if not words or not HAS_ANONYMOUS_WORD.search(words.lower()):
        return None
    return ("anonymous", words) if ANONYMOUS.search(words) or _familiar(words) else None


def _heads_a_description(tail: str, lex: Lexicon) -> bool:
    """Return True when ``tail`` is a role noun with an "of" phrase ("the Director of the Institute of ...")."""
    match = _ROLE_OF.match(tail) if may_hold_ignoring_case(tail, ("of", "at", "for")) else None  # one is in each match
    return match is not None and role_of_noun(match.group("noun"), lex) != ""


def _opening_clause(before: str) -> str:
    """Return the sentence's first clause, an age aside and a dateline dropped ("Van Leeuwen, 58, stayed home but" ->
    "Van Leeuwen stayed home but"; "LORVAN, Nov 26 (Reuters) - Estravia's central bank raised ..." -> "Estravia's
    central bank raised ..."): where the subject of a verb coordinated after a comma or "but" is written."""
    dateline = DATELINE_OPEN.match(before) if "(" in before[:80] else None
    return _AGE_ASIDE.sub("", before[dateline.end() if dateline else 0 :]).split(",")[0].strip()


def _pronoun_opening(opening: str) -> Subject | None:
    """Return the pronoun that opens a clause before its verb ("It extended its red alert" -> It), or None."""
    words = opening.split(maxsplit=2)
    if len(words) > 1 and words[0] in _SUBJECT_PRONOUNS and words[1][:1].islower():
        return ("pronoun", words[0])
    return None


def _drop_coordinated(tail: str) -> str:
    """Return the subject of coordinated verbs: "Kowal arrived on Monday and" -> "Kowal" (a name, then a verb)."""
    if not tail.endswith(" and"):
        return tail
    words = tail[:-4].split()
    for index in range(len(words), 0, -1):
        if words[index - 1][:1].isupper():
            return " ".join(words[:index]) if index < len(words) else tail
    return tail


def _drop_adverbs(tail: str) -> str:
    """Return ``tail`` without adverbs and a time between the subject and the verb ("Ruiz also" -> "Ruiz", "The
    Madhyanchal government on Tuesday" -> "The Madhyanchal government", "Kowal late on Sunday" -> "Kowal")."""
    words = tail.split()
    while len(words) > 1 and words[-1].lower() in _ADVERBS:
        words.pop()
    if len(words) > 1 and (words[-1] in _TIME_WORDS or words[-1].isdigit()) and \
            (time := _TIME_BEFORE_VERB.search(" ".join(words))) is not None and time.start() > 0:
        words = time.string[: time.start()].split()  # the subject before the time, never the time alone
        while len(words) > 1 and words[-1].lower() in _ADVERBS:
            words.pop()
    return " ".join(words)


def _without_acronym_in_brackets(text: str) -> str:
    """Return ``text`` without an acronym or a party in brackets at its end ("the Institute of Nuclear Medicine (INM)"
    -> "the Institute of Nuclear Medicine", "Mayor Petr Novotny (independent)" -> "Mayor Petr Novotny"); a text without ")" is returned as it is, without searching the pattern (which
    is tried at every position)."""
    return _ACRONYM_IN_BRACKETS.sub("", text) if ")" in text else text


def _is_acronym(word: str, outlets: OutletList) -> bool:
    """Return True for an organisation's acronym ("IMF", "NATO") that is no listed outlet."""
    return bool(ACRONYM.match(word)) and outlets.lookup(word) is None
