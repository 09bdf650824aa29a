"""A draft answer key for any article, proposed by rules over the text alone.

``draft_key(article)`` returns one row per sentence in the answer-key schema (``medialit.keys.key.KEY_COLUMNS``)
with ``reviewed = no``, the labelling ``rule`` its category follows, and explanations (the summary and one per
question: speaker, category, claim type, techniques) that start with ``DRAFT:`` and say what the rules saw, so a
teacher can check each row, write the real explanations and save the key as reviewed (``medialit.ui.review``).

The rules know no names of people. The modules, one job each:

* ``quotations`` — where each quotation opens and closes (any marks, over sentences and paragraphs);
* ``people`` — the mention layer's use: people (particles, ages, either name order, later short forms) and
  organisations (head nouns, acronyms, "the ministry" referring back);
* ``cues`` and ``patterns`` — cue verbs by base form and the ordered attribution patterns (passive relay,
  relay as saying, cue verb, according to, in X's words) whose names appear in the explanations;
* ``subjects`` — who a cue's subject is (a pronoun, an unnamed source, an agency, a person, an organisation);
* ``roles`` — roles and categories from the mention; ``claims`` — claim types; ``rows`` — one key row;
* this module — reads the sentences in order, remembering who was mentioned and who spoke last.

Pronouns go to the last person mentioned outside quotation marks ("it" to the last organisation); a
quotation with no cue of its own continues the previous speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

from medialit.draft.cues import find_other_agencies, is_aside, other_agencies, strip_appositives
from medialit.draft.model import NARRATION, Attribution, Person, outlet_name
from medialit.draft.sources import is_research_body
from medialit.draft.patterns import attribute
from medialit.draft.people import Mentions, Organisation, forget_cached_names, is_international
from medialit.draft.subjects import Subject, Subjects
from medialit.draft.roles import ROLE_UNKNOWN
from medialit.draft.quotations import QUOTE_SLOT, Unit, paragraph_bounds, scan_quotations, starts_inside
from medialit.draft.rows import key_row
from medialit.keys.key import KEY_COLUMNS
from medialit.text.article import Article, Sentence, read_article
from medialit.text.mentions import forget_cached_heads, lexicon
from medialit.text.outlets import Outlet, OutletList, extended_outlet_list, load_outlets

__all__ = ["Drafter", "draft_key", "draft_rows"]
CONTINUED = "continued quotation"
# A state outlet the article itself describes: "ORB, Ostrania's state-owned broadcaster", "state broadcaster ORB".
_DESCRIBED_STATE_OUTLET = re.compile(
    r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}),\s+(?:the\s+)?(?:(?P<country>[A-Z][\w\-]*)[’']s\s+)?"
    r"(?:state-owned|state-run|state|government-run|government-owned)\s+(?P<kind>broadcaster|news agency|newspaper|television|radio)"
    r"|\b(?:state-owned|state-run|state)\s+(?P<kind2>broadcaster|news agency|newspaper|television|radio)\s+"
    r"(?P<after>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})"
)
_STATE_NOUNS = ("broadcaster", "news agency", "newspaper", "television", "radio")
_STATE_WORD = re.compile(rf"\b(?:state-owned|state-run|state|government-run|government-owned) (?:{'|'.join(_STATE_NOUNS)})")
# The words every match of ``_DESCRIBED_STATE_OUTLET`` holds ("state-owned broadcaster"), with any space between.
_STATE_CORE = re.compile(rf"(?:state-owned|state-run|state|government-run|government-owned)\s+(?:{'|'.join(_STATE_NOUNS)})")
# A character that no ``_DESCRIBED_STATE_OUTLET`` match has before its ``_STATE_CORE``: the name, the comma, "the" and
# a country's possessive before it are only word characters, hyphens, spaces, commas and apostrophes.
_BEFORE_STATE_CORE = re.compile(r"[^\w\-\s,’']")
_STATE_KINDS = {"broadcaster": "state-run broadcaster", "television": "state-run broadcaster", "radio": "state-run broadcaster",
                "news agency": "state news agency", "newspaper": "state-run newspaper"}
# An acronym's gloss inside its brackets, whose comma would split the clause: "(CHO, for its Spanish acronym)".
_ACRONYM_GLOSS = re.compile(r"\((?P<acronym>[A-Z][A-Za-z0-9&\-]{1,11}),\s+(?:for|by|after|from|as)\s+(?:its|their)\s+"
                            r"(?:[A-Z]\w+\s+)?(?:acronym|initials|abbreviation|name)\)")
# Only a title before a name at a sentence's start ("", "Parent ", "Environment Minister "): capitalised words.
_TITLE_ONLY = re.compile(r"(?:[A-Z][\w.\-’']*\s+)*$")
_HE = re.compile(r"\b(?:he|his|him|He|His)\b")
_SHE = re.compile(r"\b(?:she|her|She|Her)\b")
_ADDED = re.compile(r"\badd(?:ed|s)\b")
# A subject or possessive pronoun opening the words a cue verb reports ("X said he would", "conceded that his party")
# is the speaker's own: it shows the speaker's gender, so a later "she" can skip him.
_OWN_PRONOUN = r"\s+(?:that\s+)?(?P<pronoun>he|she|his|her)\b"
# A company's legal ending that a full stop or a comma may cut from its name: "Co., Ltd.", "Inc.", "Corp.".
_ABBREVIATED_ENDINGS = (" Co", " Co.", " Inc", " Ltd", " Corp")
_LEGAL_ENDING = re.compile(r"(?<!\.)\.(?:,\s+Ltd\.)?|(?<=\.),\s+Ltd\.")


class Drafter(Subjects):
    """Proposes the key rows of one article. One instance per article; nothing is kept between articles."""

    def __init__(self, content: str, sentences: Sequence[Sentence], outlets: OutletList) -> None:
        """Read the article once: its quotations, the agencies, people and organisations it names."""
        self.content = content
        self.sentences = sentences
        self.outlets = with_outlets_described(content, outlets)
        self.lex = lexicon()
        self.mentions = Mentions(self.lex)
        self.last_person: Person | None = None
        self.last_quote: tuple[str, str] | None = None  # (speaker, channel) of the last quotation
        self.last_unnamed = ""  # the words of the last unnamed source ("A senior defense official")
        self.last_kind = ""  # the kind of the last attribution (person, institution, anonymous, outlet)
        self.unnamed_mark: Person | None = None  # the last person mentioned when the last unnamed source spoke
        self.unnamed_gender = ""  # "he"/"she" when that source's sentence shows it ("because he was not authorised")
        self.mentioned_history: list[Person] = []  # people mentioned outside quotation marks, the last one last
        self.last_organisation: Organisation | None = None
        self.spoke_before: Organisation | None = None  # the body whose words the sentence before carried, if any
        self.body_speaking: Organisation | None = None  # the body the last attribution gave the words to
        self.last_agency: Outlet | str | None = None
        self.anonymous_agency: Outlet | str | None = None
        self.interview: tuple[str, Outlet | str, int] | None = None  # (speaker, agency, paragraph)
        self.position = 0  # where in the article the words being attributed start
        self.sentence_end = len(content)  # where the sentence being drafted ends
        self.sentence_start = 0  # where it starts
        self._starts = [sentence.char_start for sentence in sentences]
        self.units = scan_quotations(content, paragraph_bounds(sentences))
        self._overlap_table = self._overlaps()
        self._agency_mentions = self._find_agencies()
        self._agency_starts = [start for start, _ in self._agency_mentions]
        self._index = {sentence.sentence_id: index for index, sentence in enumerate(sentences)}
        self._outlets_named = {outlet_name(agency) for _, agency in self._agency_mentions}
        self.mentions.collect(list(sentences))
        self.mentions.organisations = [org for org in self.mentions.organisations if not self._is_outlet(org.name)]
        self._drop_outlet_people()
        self._organisation_positions = [org.position for org in self.mentions.organisations]

    # --- outlets ------------------------------------------------------------------------------------------

    def _is_outlet(self, name: str) -> bool:
        """Return True when ``name`` is a state outlet or a news agency, or an outlet the article calls one ("the
        local daily Ulbek Vestnik"): not an organisation or a person that speaks."""
        return (name in self._outlets_named or self.outlets.lookup(name) is not None or bool(self.outlets.find(name))
                or bool(other_agencies(name)))

    def _drop_outlet_people(self) -> None:
        """Forget the "people" that are outlets ("the local daily Ulbek Vestnik" read as a title and a name), so
        no later short form ("Traders in Ulbek") goes to them. Changes ``self.mentions``."""
        mentions = self.mentions
        mistaken = [person for name, person in mentions.people.items() if name in self._outlets_named]
        if not mistaken:
            return
        mentions.people = {name: person for name, person in mentions.people.items() if person not in mistaken}
        mentions.short = {form: person for form, person in mentions.short.items() if person not in mistaken}
        kept = [(at, person) for at, person in zip(mentions.person_positions, mentions.person_at) if person not in mistaken]
        mentions.person_positions = [at for at, _ in kept]
        mentions.person_at = [person for _, person in kept]

    def _note_agencies(self, sentence: Sentence) -> None:
        """Remember the last agency named in ``sentence`` outside quotation marks (for "the agency said")."""
        index = bisect.bisect_left(self._agency_starts, sentence.char_end) - 1
        if index >= 0 and self._agency_mentions[index][0] >= sentence.char_start:
            self.last_agency = self._agency_mentions[index][1]

    def _find_agencies(self) -> list[tuple[int, Outlet | str]]:
        """Return ``(position, agency)`` for every agency named outside quotation marks, in order."""
        mentions = [(start, outlet) for start, _, outlet in self.outlets.find(self.content)]
        mentions += [(start, name) for start, _, name in find_other_agencies(self.content)]
        quoted = [segment for unit in self.units for segment in unit.segments]
        return sorted(
            ((start, agency) for start, agency in mentions if not any(a <= start < b for a, b in quoted)),
            key=lambda pair: pair[0],
        )

    # --- attributions -------------------------------------------------------------------------------------

    def attribution(self, subject: Subject | None, cue: str, relayed_by: object, how: str, pattern: str) -> Attribution | None:
        """Return the attribution for a resolved subject, remembering the speaker for carry-over."""
        if subject is None:
            return None
        kind, referent = subject
        how = f"pattern '{pattern}', {how}"
        if kind in ("pronoun", "unwritten"):
            return self._pronoun(kind, str(referent), cue, relayed_by, how, pattern)
        if kind == "person":
            assert isinstance(referent, Person)
            self.last_person = referent
            role, role_how = referent.role
            return Attribution(referent.name, role, "person", cue, relayed_by, f"{how}; {role_how}", pattern)  # type: ignore[arg-type]
        if kind == "outlet":
            self.last_agency = referent  # type: ignore[assignment]
            return Attribution(outlet_name(referent), "outlet", "outlet", cue, referent, f"{how}; the agency's own account", pattern)  # type: ignore[arg-type]
        if kind == "anonymous":
            return self._anonymous(str(referent), cue, relayed_by, how, pattern)
        if kind == "analysts":
            assert isinstance(referent, Organisation)
            self.last_organisation = referent
            return Attribution(referent.name, "expert", "person", cue, relayed_by, f"{how}; the analysts of {referent.name}, "  # type: ignore[arg-type]
                               "experts", pattern)
        if not isinstance(referent, Organisation):
            return None  # no organisation could be named: no attribution rather than a wrong one
        self.last_organisation = self.body_speaking = referent
        self._register_body(referent)
        government = referent.kind in ("government", "agency")
        public = government or is_international(referent.name)
        what = ("an organisation of government" if government else "an international public body" if public
                else "an organisation, not a person, with no official role")
        research = not public and is_research_body(self, referent)
        what = "a research body, so an expert" if research else what
        role = "official" if public else "expert" if research else ROLE_UNKNOWN
        return Attribution(self._with_legal_ending(referent.name), role, "institution", cue, relayed_by,  # type: ignore[arg-type]
                           f"{how}; {what}", pattern, government)

    def _with_legal_ending(self, name: str) -> str:
        """Return a company's ``name`` with the legal ending the article writes after it and a full stop or comma cut
        off ("China Railway Kunming Group Co" -> "China Railway Kunming Group Co., Ltd."); any other name unchanged."""
        if not name.endswith(_ABBREVIATED_ENDINGS) or (at := self.content.find(name)) < 0:
            return name
        ending = _LEGAL_ENDING.match(self.content, at + len(name))
        return name + ending.group(0) if ending is not None else name

    def _pronoun(self, kind: str, pronoun: str, cue: str, relayed_by: object, how: str, pattern: str) -> Attribution | None:
        """Return the attribution of a pronoun or an unwritten subject: the last person (or organisation) mentioned."""
        if pronoun in ("we", "We"):
            return None
        if pronoun in ("they", "They") and self.last_kind == "anonymous" and self.last_unnamed:
            how = f"{how.removeprefix(f'pattern {pattern!r}, ')}; 'they' are the unnamed sources before ({self.last_unnamed})"
            return self._anonymous(self.last_unnamed, cue, relayed_by, how, pattern)
        if pronoun.lower() in ("he", "she") and self._unnamed_goes_on(pronoun.lower()):
            how = f"{how.removeprefix(f'pattern {pattern!r}, ')}; '{pronoun}' is the unnamed source before ({self.last_unnamed})"
            return self._anonymous(self.last_unnamed, cue, relayed_by, how, pattern, continued=True)
        if pronoun in ("it", "It", "they", "They") and self.last_organisation is not None:
            organisation = self.last_organisation
            if pronoun in ("it", "It") or self.last_person is None:
                how = f"{how.removeprefix(f'pattern {pattern!r}, ')}; '{pronoun}' is {organisation.name}"
                return self.attribution(("institution", organisation), cue, relayed_by, how, pattern)
        if pronoun in ("it", "It"):
            return None
        opener = self._sentence_opener(pronoun.lower()) if kind == "pronoun" and pronoun.lower() in ("he", "she") else None
        person = opener or (self._last_mentioned(pronoun.lower()) if kind == "pronoun" else self.last_person)
        if person is None:
            return None
        if pronoun.lower() in ("he", "she") and not person.gender:
            person.gender = pronoun.lower()  # later pronouns of the other kind go to someone else
        if kind == "pronoun":
            how = f"{how}; '{pronoun}' goes to the last person mentioned, {person.name}"
        else:
            how = f"{how}; no speaker written, so the last person quoted, {person.name}"
        return self.attribution(("person", person), cue, relayed_by, how.removeprefix(f"pattern '{pattern}', "), pattern)

    def _sentence_opener(self, pronoun: str) -> Person | None:
        """Return the person whose name (after a title at most) opens the sentence being drafted when ``pronoun``
        ("he"/"she") fits them: "Rosa Ruiz, who owns a bakery, sees it differently: she says ..." is Rosa Ruiz, not
        the last person of the sentences before; None when no person opens it."""
        positions = self.mentions.person_positions
        index = bisect.bisect_left(positions, self.sentence_start)
        if index >= len(positions) or positions[index] >= self.sentence_end:
            return None
        if not _TITLE_ONLY.match(self.content, self.sentence_start, positions[index]):
            return None
        person = self.mentions.person_at[index]
        return person if person.gender in ("", pronoun) else None

    def _unnamed_goes_on(self, pronoun: str) -> bool:
        """Return True when "she"/"he" (``pronoun``) can only be the one unnamed source that spoke last ("A nurse, who
        asked not to be named, told X that ... '...,' she said"): the last words were theirs, no one has been named
        since, and the source's own pronouns are not of the other kind ("because he was not authorised": not "she")."""
        last = self.mentioned_history[-1] if self.mentioned_history else None
        return (self.last_kind == "anonymous" and self.last_unnamed.split()[:1] in (["A"], ["An"], ["a"], ["an"], ["One"])
                and last is self.unnamed_mark and self.unnamed_gender in ("", pronoun))

    def _last_mentioned(self, pronoun: str) -> Person | None:
        """Return the last person mentioned whom ``pronoun`` fits ("she" skips a man), else the last speaker."""
        for person in reversed(self.mentioned_history):
            if pronoun not in ("he", "she") or person.gender in ("", pronoun):
                return person
        return self.last_person

    def _anonymous(self, source: str, cue: str, relayed_by: object, how: str, pattern: str,
                   continued: bool = False) -> Attribution:
        """Return the attribution of an unnamed source: the agency that carries it, or the outlet itself.

        ``continued``: ``source`` is the unnamed source before, by a pronoun ("He added that ...").
        """
        carried = (pattern == "according to" or _ADDED.search(cue) is not None) and (continued or self._repeats_unnamed(source))
        # "According to the source, ...", "The source added that ..." and "He added that ..." go on with what it told the agency
        self.last_unnamed = source
        agency = relayed_by or (self.anonymous_agency if carried else None)
        if agency is None:
            return Attribution("", "outlet", "anonymous", cue, None, f"{how}; an unnamed source, carried by the outlet itself", pattern)
        self.anonymous_agency = agency  # type: ignore[assignment]
        return Attribution(outlet_name(agency), "outlet", "anonymous", cue, agency,  # type: ignore[arg-type]
                           f"{how}; an unnamed source, so the agency that carries it is the speaker", pattern)

    def _repeats_unnamed(self, source: str) -> bool:
        """Return True when ``source`` ("the source", "the official") names again the last unnamed source's noun."""
        words = source.split()
        return len(words) >= 2 and words[0].lower() == "the" and words[-1].lower() in self.last_unnamed.lower().split()

    def attribute_frame(self, frame: str, for_quote: bool) -> Attribution | None:
        """Return the attribution that the words outside quotation marks (``frame``) give, or None without a cue."""
        return attribute(self, _inverted_opening(frame), for_quote)

    # --- sentences ----------------------------------------------------------------------------------------

    def draft(self) -> list[list[str]]:
        """Return the key rows, one list of strings per sentence, in article order."""
        rows = []
        previous_unit: Unit | None = None
        for index, sentence in enumerate(self.sentences):
            self.position, self.sentence_end = sentence.char_start, sentence.char_end
            self.sentence_start = sentence.char_start
            self.body_speaking = None
            main = self._main_quotation(index, sentence)
            if main is not None:
                if main.attribution is None:
                    main.attribution = self._attribute_unit(main, previous_unit)
                attribution = main.attribution
                previous_unit = main
                channel = "relayed" if attribution.relayed_by is not None else "direct quote"
                channel = self._interview_channel(attribution, main, channel)
                channel = self._continued_channel(attribution, channel)
                self.last_quote = (attribution.speaker, channel)
            else:
                frame = self._frame(sentence)
                attribution = self.attribute_frame(frame, for_quote=False) or NARRATION
                channel = self._interview_channel(attribution, None, _paraphrase_channel(attribution))
                self._remember_interview(attribution, frame, sentence.paragraph)
            self._note_agencies(sentence)
            self._note_mentions(sentence, attribution)
            self.last_kind = attribution.kind if attribution.kind != "narration" else self.last_kind
            if attribution.kind == "anonymous":
                self.unnamed_mark = self.mentioned_history[-1] if self.mentioned_history else None
                self.unnamed_gender = _pronoun_gender(sentence.text)
            rows.append(self._row(sentence, attribution, channel))
            self.spoke_before = self.body_speaking if attribution.kind == "institution" else None
        return rows

    def _main_quotation(self, index: int, sentence: Sentence) -> Unit | None:
        """Return the quotation whose words the sentence mostly is (or opens, or introduces with a colon), or None."""
        overlapping = self._overlap_table[index]
        if not overlapping:  # most sentences hold no quotation: nothing to weigh
            return None
        coverage = sum(size for _, size in overlapping) / max(1, len(sentence.text))
        main = max(overlapping, key=lambda pair: pair[1])[0]
        opening = next((unit for unit, _ in overlapping if starts_inside(unit, sentence)), None)
        main = opening or main
        if opening is not None or self._introduced(main, sentence) or self._that_quotation(main, sentence):
            return main
        return main if coverage >= 0.5 and not self._cue_before(main, sentence) else None

    def _note_mentions(self, sentence: Sentence, attribution: Attribution) -> None:
        """Remember the people (in order) and the last organisation the sentence mentions outside quotation marks.

        In a sentence whose words are attributed to a person, that person is the one mentioned last, after
        the others it names ("Ms MacAllister recalled that her husband, Tom MacAllister, ...": a later "he" is
        Tom MacAllister, a later "she" Ms MacAllister). Changes ``self.mentioned_history`` and
        ``self.last_organisation``.
        """
        if attribution.kind == "person":
            person = self.mentions.people.get(attribution.speaker)
            self._mention_named(sentence)  # "her husband, Tom MacAllister": a later "he" may be him, not her
            self._mention(person)
            self._note_own_pronoun(sentence, attribution, person)
            self._note_organisation(sentence)
            return
        self._mention_named(sentence)
        if attribution.kind != "institution":
            self._note_organisation(sentence)

    def _mention_named(self, sentence: Sentence) -> None:
        """Mention everyone ``sentence`` names outside quotation marks, in order, so the last one named is the last
        mentioned (changes ``self.mentioned_history``)."""
        positions = self.mentions.person_positions
        first, last = bisect.bisect_left(positions, sentence.char_start), bisect.bisect_left(positions, sentence.char_end)
        quoted = [segment for unit, _ in self._overlap_table[self._index[sentence.sentence_id]] for segment in unit.segments] \
            if last > first else []
        for index in range(first, last):
            if not any(start <= positions[index] < end for start, end in quoted):
                self._mention(self.mentions.person_at[index])

    @staticmethod
    def _note_own_pronoun(sentence: Sentence, attribution: Attribution, person: Person | None) -> None:
        """Give a speaker of unknown gender the gender of the pronoun that opens their reported words ("Kühn said he
        had offered talks": he), when the cue verb is followed by one (changes ``person.gender``)."""
        verb = attribution.cue.split(" ", 1)[0]
        if person is None or person.gender or not verb.isalpha():
            return
        found = re.search(rf"\b{verb}{_OWN_PRONOUN}", sentence.text)
        if found is not None:
            person.gender = "she" if found.group("pronoun") in ("she", "her") else "he"

    def _register_body(self, body: Organisation) -> None:
        """Remember a body first known as a speaker by its name alone ("EastNet, which runs the grid, says") or by a
        lower-case description ("the municipal transport secretariat announced"), so that a later "the company" or
        "the secretariat" can refer back to it (changes ``self.mentions``; a body already known changes nothing)."""
        if (body.head or body.kind != "other") and not _described_in_lower_case(body) or \
                any(org.name == body.name for org in self.mentions.organisations):
            return
        index = bisect.bisect_right(self._organisation_positions, body.position)
        self.mentions.organisations.insert(index, body)
        self._organisation_positions.insert(index, body.position)

    def _note_organisation(self, sentence: Sentence) -> None:
        """Make the last organisation the sentence names the last one mentioned (changes ``self.last_organisation``)."""
        if self.mentions.organisations:
            positions = self._organisation_positions
            index = bisect.bisect_left(positions, sentence.char_end) - 1
            if index >= 0 and positions[index] >= sentence.char_start:
                self.last_organisation = self.mentions.organisations[index]

    def _mention(self, person: Person | None) -> None:
        """Make ``person`` the last one mentioned (changes ``self.mentioned_history``; None changes nothing)."""
        if person is not None:
            if person in self.mentioned_history:
                self.mentioned_history.remove(person)
            self.mentioned_history.append(person)

    def _overlaps(self) -> list[list[tuple[Unit, int]]]:
        """Return, for each sentence, the quotations that overlap it and by how many characters."""
        found: list[list[tuple[Unit, int]]] = [[] for _ in self.sentences]
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

    def _that_quotation(self, unit: Unit, sentence: Sentence) -> bool:
        """Return True when the quotation opens right after "that" or after a cue and a comma, and closes the sentence
        ('... posted on X that "every vote must be counted."', 'She said, "We will win."'): the words are quoted whole,
        so the sentence is a direct quote."""
        if not sentence.char_start <= unit.open_at < sentence.char_end or unit.close_at is None:
            return False
        lead = self.content[sentence.char_start : unit.open_at].rstrip()
        if self.content[unit.close_at : sentence.char_end].strip().strip(".,;!?\"”’'"):
            return False  # the sentence goes on after the quotation: a fragment
        if lead.endswith(" that"):
            return True
        # 'She said, "We will win."': a cue verb in the last clause before the comma introduces the whole quotation
        return lead.endswith(",") and self.lex.cue_verb.search(lead[lead.rfind(",", 0, len(lead) - 1) + 1 :]) is not None

    def _cue_before(self, unit: Unit, sentence: Sentence) -> bool:
        """Return True when a cue verb stands before the quotation's opening mark in the sentence ('It said policy
        would stay "restrictive ..."'): the quoted words are a fragment of a paraphrase."""
        return self.lex.cue_verb.search(self.content, sentence.char_start, max(sentence.char_start, unit.open_at)) is not None

    def _introduced(self, unit: Unit, sentence: Sentence) -> bool:
        """Return True when the quotation opens in this sentence right after a cue and a colon ("said: ")."""
        if not sentence.char_start <= unit.open_at < sentence.char_end:
            return False
        lead = self.content[sentence.char_start : unit.open_at].rstrip()
        return lead.endswith(":") and self.lex.cue_verb.search(_inverted_opening(lead)) is not None

    def _frame(self, sentence: Sentence) -> str:
        """Return the sentence with every quotation (marks included) replaced by ``QUOTE_SLOT`` (an acronym's gloss,
        "(NWA, for its initials)", is cut to the acronym in a sentence without quotations; only a bracket can open one)."""
        overlapping = self._overlap_table[self._index[sentence.sentence_id]]
        if not overlapping:
            text = sentence.text
            return " ".join((_ACRONYM_GLOSS.sub(r"(\g<acronym>)", text) if "(" in text else text).split())
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

    def _attribute_unit(self, unit: Unit, previous: Unit | None) -> Attribution:
        """Return the attribution of a quotation: its cue after the closing mark, or before the opening one (first,
        for a quotation after "that": 'X was quoted by Y as saying that "..."')."""
        before = self._before_frame(unit)
        if before.endswith(" that") and (attribution := self.attribute_frame(f"{before} {QUOTE_SLOT}", for_quote=True)):
            self._remember_interview(attribution, before, self._paragraph_at(unit.open_at))
            return attribution
        after = self._after_frame(unit)
        if after:
            attribution = self.attribute_frame(f"{QUOTE_SLOT} {after}", for_quote=True)
            if attribution is not None:
                self._remember_interview(attribution, after, self._paragraph_at(unit.open_at))
                return attribution
        if before and before.rstrip().endswith((":", ",")):
            attribution = self.attribute_frame(f"{before.rstrip(' :,')} {QUOTE_SLOT}", for_quote=True)
            if attribution is not None:
                return attribution
        elif before and self.lex.cue_verb.search(before):  # 'Raman told the Guardian the ruling was "a reminder ..."'
            attribution = self.attribute_frame(f"{before} {QUOTE_SLOT}", for_quote=True)
            if attribution is not None:
                return attribution
        if previous is not None and previous.attribution is not None and previous.attribution.kind != "narration":
            if self._paragraph_at(unit.open_at) - self._paragraph_at(previous.open_at) <= 1:
                inherited = previous.attribution
                return replace(inherited, pattern=CONTINUED,
                               how=f"a quotation with no cue of its own, continuing {inherited.speaker}'s words ({inherited.how})")
        if self.last_person is not None:
            role, role_how = self.last_person.role
            return Attribution(self.last_person.name, role, "person", "", None, f"a quotation with no cue; it goes to "
                               f"the last person quoted, {self.last_person.name}; {role_how}", CONTINUED)
        return Attribution("", "outlet", "narration", "", None, "a quotation with no cue and no one quoted before it")

    def _after_frame(self, unit: Unit) -> str:
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
                if words and len(words.split()) <= 12 and self.lex.cue_verb.search(words):
                    return words
        return ""

    def _words_until_quotation(self, start: int, end: int) -> str:
        """Return ``content[start:end]`` up to the next quotation's opening mark, stripped."""
        for other in self.units:
            if start <= other.open_at < end:
                end = other.open_at
                break
        return self.content[start:end].strip()

    def _before_frame(self, unit: Unit) -> str:
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

    def _remember_interview(self, attribution: Attribution, frame: str, paragraph: int) -> None:
        """Remember a person whose words an agency relayed (their cue-less quotations and "he added" stay relayed)."""
        if attribution.kind == "person" and attribution.relayed_by is not None:
            self.interview = (attribution.speaker, attribution.relayed_by, paragraph)
        elif attribution.kind != "narration" and self.interview is not None and self.interview[0] != attribution.speaker \
                and paragraph != self.interview[2]:
            self.interview = None  # another speaker in the same paragraph leaves the relay open ("She added", skipping him)

    def _continued_channel(self, attribution: Attribution, channel: str) -> str:
        """Return the channel of the quotation a cue-less quotation continues (same speaker), else ``channel``."""
        if attribution.pattern == CONTINUED and self.last_quote is not None and self.last_quote[0] == attribution.speaker:
            return self.last_quote[1]
        return channel

    def _interview_channel(self, attribution: Attribution, unit: Unit | None, channel: str) -> str:
        """Return ``relayed`` for words that continue, in the same paragraph, what their speaker gave an agency.

        Words continue a relay with "added" ("He added that ...", '"...," he added', also at the start of the next
        paragraph, as wire copy runs one sentence a paragraph), as a quotation with no cue
        of its own, or as a quotation over several sentences; a new one-sentence quotation with its own cue
        ('"...," Demirtas said') starts afresh.
        """
        if channel == "relayed" or self.interview is None or attribution.kind != "person":
            return channel
        speaker, _, paragraph = self.interview
        added = _ADDED.search(attribution.cue) is not None
        continues = attribution.pattern == CONTINUED or added
        if unit is not None and (unit.close_at is None or self._sentence_at(unit.open_at) is not self._sentence_at(unit.close_at - 1)):
            continues = True  # a quotation over several sentences, its cue not where it opens, goes on with the relay
        where = self._paragraph_at(unit.open_at) if unit is not None else self._paragraph_at(self.position)
        if continues and speaker == attribution.speaker and (where == paragraph or added and where == paragraph + 1):
            return "relayed"
        return channel

    # --- one row ------------------------------------------------------------------------------------------

    def _row(self, sentence: Sentence, attribution: Attribution, channel: str) -> list[str]:
        """Return the key row of one sentence, with the relay of a quotation that continues an interview."""
        relay = attribution.relayed_by
        if channel == "relayed" and relay is None and self.interview is not None:
            relay = self.interview[1]
            attribution = replace(attribution, relayed_by=relay, how=f"{attribution.how}; the quotation continues what "
                                  f"the speaker told {outlet_name(relay)}, so relayed")
        return key_row(sentence, attribution, channel)


def _described_in_lower_case(body: Organisation) -> bool:
    """Return True when ``body`` is named with its head noun in lower case ("the municipal transport secretariat",
    "the county's agriculture and rural affairs bureau", "the regional department of emergency management", "the
    Sainte-Lorette commercial court"): a description that a later "the secretariat" or "the judges" refers back to,
    and that no name in capitals put in the article's list of bodies."""
    words = body.name.split()
    return len(words) >= 2 and bool(body.head) and body.head in words  # the head noun written in lower case


def _pronoun_gender(text: str) -> str:
    """Return "he" or "she" when the sentence's pronouns are of one kind only ("because he was not authorised"), else ''."""
    male, female = _HE.search(text) is not None, _SHE.search(text) is not None
    return "he" if male and not female else "she" if female and not male else ""


def _inverted_opening(frame: str) -> str:
    """Return ``frame`` with an opening "Said"/"Says" in lower case, so that the cue verb of a sentence that opens with
    it ('Said Whitney Osei-Park, a media analyst: "..."', trade-press inversion) is read as any inverted cue."""
    return f"s{frame[1:]}" if frame.startswith(("Said ", "Says ")) else frame


def _paraphrase_channel(attribution: Attribution) -> str:
    """Return the channel of a sentence without a quotation: narration, relayed or paraphrase."""
    if attribution.kind == "narration":
        return "narration"
    return "relayed" if attribution.relayed_by is not None else "paraphrase"


# ============================================================================================================
# Public functions
# ============================================================================================================


def with_outlets_described(content: str, outlets: OutletList) -> OutletList:
    """Return ``outlets`` with the state outlets the article itself describes ("ORB, Ostrania's state-owned
    broadcaster", "the state news agency KNA"); ``outlets`` unchanged when it describes none. The words that
    ``_STATE_WORD`` needs are tested first ("state " or "state-" or "government-", and an outlet's noun): the pattern
    is tried at every position of the article, and most articles ("a statement") have none of them."""
    if not ("state " in content or "state-" in content or "government-" in content) \
            or not any(noun in content for noun in _STATE_NOUNS) or _STATE_WORD.search(content) is None:
        return outlets
    found = []
    for match in _described_state_outlets(content):
        name = match.group("name") or match.group("after")
        if name and outlets.lookup(name) is None and name not in {outlet.name for outlet in found}:
            kind = _STATE_KINDS.get(match.group("kind") or match.group("kind2"), "state-run broadcaster")
            found.append(Outlet(name, (), match.group("country") or "named in the article", kind, ""))
    return extended_outlet_list(outlets, found) if found else outlets


def _described_state_outlets(content: str) -> list[re.Match[str]]:
    """Return ``_DESCRIBED_STATE_OUTLET.finditer(content)`` as a list, searching only near the words every match
    holds (``_STATE_CORE``): a match starts after the last character before those words that no match has there
    (``_BEFORE_STATE_CORE``), so each search starts at the first place a match can, with the same matches as
    searching the whole article (the pattern's names of up to four words were tried at every capital)."""
    floors = []  # (end of a core, the first place a match holding it can start), in order
    for core in _STATE_CORE.finditer(content):
        barrier = None
        for barrier in _BEFORE_STATE_CORE.finditer(content, max(0, core.start() - 200), core.start()):
            pass  # the last one before the core (a sentence's words before it are rarely more than 200 characters)
        floors.append((core.end(), barrier.end() if barrier is not None else 0))  # none near: the article's start
    matches: list[re.Match[str]] = []
    position = 0
    while True:
        later = [floor for end, floor in floors if end > position]  # the cores a match from ``position`` can hold
        if not later:
            return matches
        match = _DESCRIBED_STATE_OUTLET.search(content, max(position, min(later)))
        if match is None:
            return matches
        matches.append(match)
        position = match.end()


def draft_rows(article: str | Path | Article, outlets: OutletList | None = None) -> list[list[str]]:
    """Return the draft key of ``article`` as plain rows: one list of strings per sentence, in ``KEY_COLUMNS`` order.

    What ``draft_key`` returns, without the DataFrame (the ``draft`` command writes these
    rows straight to CSV). ``outlets`` defaults as in ``draft_key``. Nothing is written.

    Raises:
        MediaLitError: the article cannot be read, or an extra outlets file is broken.
    """
    loaded = article if isinstance(article, Article) else read_article(article)
    outlet_list = outlets if outlets is not None else load_outlets(loaded.path)
    forget_previous_article()
    return Drafter(loaded.content, loaded.records, outlet_list).draft()


def forget_previous_article() -> None:
    """Empty the caches keyed on an article's own words (its clauses' agency matches, the words before its cues
    without their asides and which of them are asides, its split name runs, the head nouns in its names): they
    save work within one article, and emptying them makes every article cost its full work, as a new article
    would (the speed benchmark's distinct texts share many clauses). Returns nothing; word lists and compiled
    patterns stay cached."""
    other_agencies.cache_clear()
    strip_appositives.cache_clear()
    is_aside.cache_clear()
    forget_cached_names()
    forget_cached_heads()


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
