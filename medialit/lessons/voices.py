"""Who speaks in an article, how, and with how many words: the article's sentences joined with its key.

pandas only (no plotting, no widgets). Every function returns a new table and
changes nothing it is given, so the lessons can compute the same numbers on any
article that has a key.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

import pandas as pd

from medialit.text import words as word_lists
from medialit.keys.key import Key, list_field
from medialit.keys.table import VOICE_COLUMNS, confusion_counts, voice_table  # noqa: F401 - the lessons' names for them
from medialit.vocabulary import CATEGORIES, CHANNELS, CLAIM_TYPES, NARRATION_SPEAKER, NO_TECHNIQUE, SPEAKER_ROLES

# The order in which the values of a vocabulary column are listed (zeros included).
VOCABULARY_ORDER: dict[str, tuple[str, ...]] = {
    "category": CATEGORIES,
    "channel": CHANNELS,
    "claim_type": CLAIM_TYPES,
    "speaker_role": SPEAKER_ROLES,
}
# Channels whose words are the speaker's own, inside quotation marks.
QUOTED_CHANNELS = ("direct quote", "relayed")
# Cue phrases the lessons name, most specific first; the cue verbs follow them, read from the kit's word list
# (``medialit/data/words/cue_verbs.txt``: the verbs with a lesson framing, in the file's order).
CUE_PHRASES: tuple[tuple[str, str, str], ...] = (
    (r"\bcited\b.*\bas saying\b", "cited ... as saying", "names a relay"),
    (r"\bquoted\b.*\bas saying\b", "quoted ... as saying", "names a relay"),
    (r"\baccording to\b", "according to", "names a source"),
    (r"\bin \S+?[’']s? words\b", "in ...'s words", ""),
)
# What a cue verb does to the words it introduces (content brief: "said" is neutral; "noted", "pointed out" and
# "stressed" present the content as true or important; "listed" and "concluded" present it as settled).
FRAMING_ORDER = ("neutral", "true or important", "settled")


@functools.lru_cache(maxsize=1)
def cue_patterns() -> tuple[tuple[str, str], ...]:
    """Return the lessons' cue patterns, most specific first: (regex, the verb or phrase as the lessons name it)."""
    verbs = [(rf"\b{verb.past}\b", verb.past) for verb in word_lists.cue_verbs() if verb.framing]  # letters and spaces only
    return (*((pattern, name) for pattern, name, _ in CUE_PHRASES), *verbs)


@functools.lru_cache(maxsize=1)
def cue_framings() -> dict[str, str]:
    """Return how each rated cue presents the words it introduces (verb or phrase -> framing), neutral first."""
    rated = [verb for verb in word_lists.cue_verbs() if verb.framing in FRAMING_ORDER]
    framing = {verb.past: verb.framing for kind in FRAMING_ORDER for verb in rated if verb.framing == kind}
    framing.update({name: kind for _, name, kind in CUE_PHRASES if kind})
    return framing


def __getattr__(name: str) -> object:
    """Return the word-list constants on first use (``CUE_PATTERNS``, ``CUE_FRAMING``, ``DIPLOMATIC_MARKERS``).

    They are read from the kit's word lists, so nothing is read when the module is imported.
    """
    lists = {"CUE_PATTERNS": cue_patterns, "CUE_FRAMING": cue_framings, "DIPLOMATIC_MARKERS": word_lists.diplomatic_markers}
    if name in lists:
        return lists[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


NOT_RATED = "not rated"
PRONOUNS = ("he", "she", "they", "we")
PRONOUN_CUE = re.compile(rf"^(?:{'|'.join(PRONOUNS)})\b", re.IGNORECASE)
# Words that show how an official commits or hedges, and whose voice ("I" or "we") they use: DIPLOMATIC_MARKERS,
# read from ``medialit/data/words/diplomatic_markers.txt`` on first use.
_TOKEN = re.compile(r"[\w’']+")
# Not words a marker means: the month "May 3" and acronyms such as "US" (read as "us" otherwise).
_NOT_MARKERS = re.compile(r"\bMay(?=\s+\d)|\b[A-Z]{2,}\b")


def _order(table: pd.DataFrame, column: str, order: Iterable[str] | None) -> list[str]:
    if order is not None:
        return list(order)
    if column in VOCABULARY_ORDER:
        return list(VOCABULARY_ORDER[column])
    return list(dict.fromkeys(table[column]))


def words_by(table: pd.DataFrame, column: str, order: Iterable[str] | None = None) -> pd.DataFrame:
    """Return, for each value of ``column``, how many sentences and words it has and its share of the words.

    Columns ``sentences``, ``words``, ``share`` (percent of all words, one decimal).
    Rows follow ``order``; by default the kit's vocabulary order for ``category``,
    ``channel``, ``claim_type`` and ``speaker_role`` (values with no sentence
    included, as zeros), otherwise order of first appearance.
    """
    index = _order(table, column, order)
    grouped = table.groupby(column)
    result = pd.DataFrame(
        {
            "sentences": grouped.size().reindex(index, fill_value=0),
            "words": grouped["words"].sum().reindex(index, fill_value=0),
        }
    ).astype(int)
    total = int(table["words"].sum())
    result["share"] = (100 * result["words"] / total).round(1) if total else 0.0
    result.index.name = column
    return result


def words_by_side(table: pd.DataFrame, sides: Mapping[str, str], unassigned: str = "not assigned") -> pd.DataFrame:
    """Return ``words_by`` over groups of speakers: ``sides`` maps a speaker to a group name.

    The outlet's own narration keeps its own row; any other speaker missing from
    ``sides`` goes into ``unassigned``.
    """
    grouped = table.assign(side=table["speaker"].map(lambda speaker: sides.get(speaker, unassigned)))
    grouped.loc[grouped["speaker"] == NARRATION_SPEAKER, "side"] = NARRATION_SPEAKER
    order = list(dict.fromkeys([*sides.values(), unassigned, NARRATION_SPEAKER]))
    result = words_by(grouped, "side", order=[side for side in order if side in set(grouped["side"])])
    return result


def quoted_share(table: pd.DataFrame) -> float:
    """Return the share (0 to 1) of the article's words that stand inside a speaker's quotation marks."""
    total = int(table["words"].sum())
    quoted = int(table.loc[table["channel"].isin(QUOTED_CHANNELS), "words"].sum())
    return quoted / total if total else 0.0


def cue_verb(cue: str) -> str:
    """Return the cue verb inside an attribution phrase (``"he noted"`` -> ``"noted"``; ``""`` when none).

    A phrase with no known verb gives its last word.
    """
    for pattern, verb in cue_patterns():
        if re.search(pattern, cue, flags=re.IGNORECASE):
            return verb
    words = cue.split()
    return words[-1].strip(",.").lower() if words else ""


def cue_framing(verb: str) -> str:
    """Return how the cue ``verb`` presents the words it introduces (``CUE_FRAMING``; ``NOT_RATED`` for other verbs)."""
    return cue_framings().get(verb, NOT_RATED)


def _surname(speaker: str) -> str:
    return speaker.split()[-1] if speaker.split() else ""


def how_attributed(row: pd.Series) -> str:
    """Return how the sentence ``row`` (a row of ``voice_table``) tells you who is speaking.

    One of: ``no speaker`` (narration), ``by name``, ``by pronoun`` (a cue such as
    "he noted"), ``by description`` (e.g. "the Russian foreign minister added"),
    ``carried over`` (no cue in this sentence: a quotation continues, and its cue
    is in another sentence).
    """
    if row["speaker"] == NARRATION_SPEAKER:
        return "no speaker"
    cue, text = str(row["cue"]), str(row["text"])
    if not cue or cue not in text:
        return "carried over"
    surname = _surname(str(row["speaker"]))
    if surname and re.search(rf"\b{re.escape(surname)}", text):
        return "by name"
    if PRONOUN_CUE.match(cue):
        return "by pronoun"
    return "by description"


def attribution_table(table: pd.DataFrame) -> pd.DataFrame:
    """Return one row per sentence with a speaker: how it is attributed and its cue verb.

    Columns: ``sentence_id``, ``speaker``, ``channel``, ``cue``, ``cue_verb``,
    ``framing`` (``cue_framing``), ``how_attributed``, ``text``.
    """
    spoken = table[table["speaker"] != NARRATION_SPEAKER].copy()
    spoken["cue_verb"] = spoken["cue"].map(cue_verb)
    spoken["framing"] = spoken["cue_verb"].map(cue_framing)
    spoken["how_attributed"] = spoken.apply(how_attributed, axis=1)
    columns = ["sentence_id", "speaker", "channel", "cue", "cue_verb", "framing", "how_attributed", "text"]
    return spoken[columns].reset_index(drop=True)


def attributions(table: pd.DataFrame) -> pd.DataFrame:
    """Return one row per attribution: a run of consecutive sentences with the same speaker and cue.

    A quotation of three sentences closed by "he noted" is one attribution.
    Columns: ``first``, ``last`` (sentence ids), ``sentences``, ``words``,
    ``speaker``, ``channel``, ``cue``, ``cue_verb``, ``framing``.
    """
    rows: list[dict[str, object]] = []
    previous: tuple[str, str] | None = None
    for row in table.itertuples(index=False):
        current = (row.speaker, row.cue)
        if row.speaker == NARRATION_SPEAKER:
            previous = None
            continue
        if current == previous:
            rows[-1]["last"] = row.sentence_id
            rows[-1]["sentences"] = int(rows[-1]["sentences"]) + 1
            rows[-1]["words"] = int(rows[-1]["words"]) + int(row.words)
            continue
        verb = cue_verb(row.cue)
        rows.append(
            {
                "first": row.sentence_id, "last": row.sentence_id, "sentences": 1, "words": int(row.words),
                "speaker": row.speaker, "channel": row.channel, "cue": row.cue, "cue_verb": verb,
                "framing": cue_framing(verb),
            }
        )
        previous = current
    columns = ["first", "last", "sentences", "words", "speaker", "channel", "cue", "cue_verb", "framing"]
    return pd.DataFrame(rows, columns=columns)


def cue_verbs(table: pd.DataFrame) -> pd.DataFrame:
    """Return which cue verbs introduce which speaker: attributions counted, speakers as rows, verbs as columns.

    Each attribution (a run of sentences with one cue) counts once. Columns are
    ordered by how often the verb is used overall, then alphabetically.
    """
    runs = attributions(table)
    if runs.empty:
        return pd.DataFrame()
    counts = pd.crosstab(runs["speaker"], runs["cue_verb"])
    speakers = list(dict.fromkeys(runs["speaker"]))
    verbs = sorted(counts.columns, key=lambda verb: (-int(counts[verb].sum()), verb))
    result = counts.loc[speakers, verbs]
    result.index.name = "speaker"
    result.columns.name = "cue verb"
    return result


def relay_source(cue: str) -> str:
    """Return the outlet named in a relay cue (``"TASS cited ... as saying"`` -> ``"TASS"``; ``""`` when none).

    Understands "X cited/quoted ... as saying", "according to X" and "told X".
    """
    match = re.match(r"^(.*?)\s+(?:cited|quoted)\b", cue)
    if match:
        return match.group(1).strip()
    match = re.search(r"\b(?:according to|told)\s+(.+)$", cue)
    return match.group(1).strip() if match else ""


def relay_chains(table: pd.DataFrame) -> list[str]:
    """Return each relayed sentence as a chain, e.g. ``"P02.S2: Sergey Lavrov -> TASS -> this article"``.

    When the key makes the relaying outlet itself the speaker (its own account, or an
    unnamed source only it stands behind), the chain is ``"<outlet> (its own account
    or an unnamed source) -> this article"``.
    """
    relayed = table[table["channel"] == "relayed"]
    chains = []
    for row in relayed.itertuples(index=False):
        if row.speaker_role == "outlet":
            chains.append(f"{row.sentence_id}: {row.speaker} (its own account or an unnamed source) -> this article")
            continue
        outlet = relay_source(row.cue) or "another outlet"
        chains.append(f"{row.sentence_id}: {row.speaker} -> {outlet} -> this article")
    return chains


def highlight_cue(text: str, cue: str) -> str:
    """Return ``text`` with its cue wrapped in ``[[`` and ``]]`` (unchanged when the cue is elsewhere)."""
    if cue and cue in text:
        return text.replace(cue, f"[[{cue}]]", 1)
    return text


def find_markers(table: pd.DataFrame, markers: Mapping[str, Iterable[str]] | None = None) -> pd.DataFrame:
    """Return one row per sentence and marker group that matches: which of the group's words it uses.

    Words are matched whole and case-insensitively (curly and straight apostrophes
    both count); the month "May" before a number and all-capital acronyms ("US") never match.
    Columns: ``sentence_id``, ``speaker``, ``marker``, ``found`` (the words as
    written, comma-separated, in the order they appear).
    """
    markers = markers if markers is not None else word_lists.diplomatic_markers()
    rows = []
    for row in table.itertuples(index=False):
        tokens = _TOKEN.findall(_NOT_MARKERS.sub(" ", row.text))
        for marker, words in markers.items():
            wanted = {word.lower() for word in words}
            found = [token for token in tokens if token.lower() in wanted]
            if found:
                rows.append({"sentence_id": row.sentence_id, "speaker": row.speaker, "marker": marker,
                             "found": ", ".join(dict.fromkeys(found))})
    return pd.DataFrame(rows, columns=["sentence_id", "speaker", "marker", "found"])


def marker_counts(table: pd.DataFrame, markers: Mapping[str, Iterable[str]] | None = None) -> pd.DataFrame:
    """Return how many sentences of each speaker use each marker group (speakers as rows, markers as columns)."""
    markers = markers if markers is not None else word_lists.diplomatic_markers()
    found = find_markers(table, markers)
    speakers = [speaker for speaker in dict.fromkeys(table["speaker"]) if speaker in set(found["speaker"])]
    counts = pd.crosstab(found["speaker"], found["marker"]).reindex(index=speakers, columns=list(markers), fill_value=0)
    counts.index.name = "speaker"
    counts.columns.name = "sentences using"
    return counts


def find_phrases(table: pd.DataFrame, phrases: Iterable[str]) -> pd.DataFrame:
    """Return one row per sentence that contains one of ``phrases`` (case-insensitive).

    Columns: ``phrase``, ``sentence_id``, ``speaker``, ``cue``, ``category``.
    """
    rows = []
    for phrase in phrases:
        pattern = re.compile(re.escape(phrase), re.IGNORECASE)
        for row in table.itertuples(index=False):
            if pattern.search(row.text):
                rows.append({"phrase": phrase, "sentence_id": row.sentence_id, "speaker": row.speaker,
                             "cue": row.cue, "category": row.category})
    return pd.DataFrame(rows, columns=["phrase", "sentence_id", "speaker", "cue", "category"])


def techniques_table(table: pd.DataFrame) -> pd.DataFrame:
    """Return one row per (sentence, technique) the key tags; sentences with none get ``NO_TECHNIQUE``.

    Columns: ``sentence_id``, ``speaker``, ``technique``.
    """
    rows = []
    for row in table.itertuples(index=False):
        for technique in list_field(row.techniques) or [NO_TECHNIQUE]:
            rows.append({"sentence_id": row.sentence_id, "speaker": row.speaker, "technique": technique})
    return pd.DataFrame(rows, columns=["sentence_id", "speaker", "technique"])


def claim_types_by(table: pd.DataFrame, column: str = "speaker") -> pd.DataFrame:
    """Return how many sentences of each ``column`` value have each claim type (claim types in the kit's order)."""
    counts = pd.crosstab(table[column], table["claim_type"])
    present = [claim for claim in CLAIM_TYPES if claim in counts.columns]
    rows = list(dict.fromkeys(table[column]))
    result = counts.reindex(index=rows, columns=present, fill_value=0)
    result.columns.name = "claim type"
    return result


def names_in_sentences(table: pd.DataFrame, names: Iterable[str]) -> pd.DataFrame:
    """Return, for each name in ``names`` found in the sentences, where it appears and whether its bearer speaks.

    A name counts as present when the full name appears in a sentence, or, for a
    two-word name ("Kurt Volker"), its last word alone. Columns: ``name``,
    ``sentences`` (ids, comma-separated), ``quoted_in_article`` (``yes`` when the
    name is one of the table's speakers).
    """
    speakers = set(table["speaker"])
    rows = []
    for name in names:
        words = name.split()
        forms = [name, words[-1]] if len(words) == 2 else [name]
        pattern = re.compile(rf"\b(?:{'|'.join(re.escape(form) for form in forms)})\b")
        where = [row.sentence_id for row in table.itertuples(index=False) if pattern.search(row.text)]
        if where:
            rows.append({"name": name, "sentences": ", ".join(where),
                         "quoted_in_article": "yes" if name in speakers else "no"})
    return pd.DataFrame(rows, columns=["name", "sentences", "quoted_in_article"])


def confusion_table(
    key: Key,
    answers: Mapping[str, str],
    field: str = "category",
    labels: Iterable[str] | None = None,
    accepted_as_match: bool = True,
) -> pd.DataFrame:
    """Return a learner's answers against the key (``confusion_counts``): the key's preferred labels as rows.

    Only answered items count. With ``accepted_as_match`` an answer the key also
    accepts counts as correct, in the diagonal cell of the key's preferred row;
    without it, in the column of the answer as given. ``labels`` fixes the order of
    rows and columns (default: the kit's vocabulary for ``category`` and
    ``claim_type``, otherwise the labels that occur, sorted).
    """
    from medialit.exercises.scoring import expected, normalise_answer

    preferred, given, accepted = [], [], []
    for sentence_id, answer in answers.items():
        normalised = normalise_answer(field, answer)
        if normalised is None or sentence_id not in key.table.index:
            continue
        label, acceptable = expected(key, field, sentence_id)
        preferred.append(label)
        given.append(normalised)
        accepted.append(accepted_as_match and normalised in acceptable)
    if labels is None:
        labels = VOCABULARY_ORDER.get(field)
    return confusion_counts(preferred, given, accepted, labels)


def anatomy(table: pd.DataFrame, sentence_id: str) -> str:
    """Return one sentence taken apart into source, cue and content, as a few lines of text.

    The cue is shown ``[[marked]]`` inside the sentence when the sentence holds it;
    otherwise the text says that the cue is in another sentence.
    """
    row = table.set_index("sentence_id").loc[sentence_id]
    if row["speaker"] == NARRATION_SPEAKER:
        return f"{sentence_id} (narration)\n  source:  none: {NARRATION_SPEAKER}\n  text:    {row['text']}"
    cue = str(row["cue"])
    where = "" if cue and cue in str(row["text"]) else "   (in another sentence: the quotation continues)"
    return (
        f"{sentence_id} ({row['channel']})\n"
        f"  source:  {row['speaker']}\n"
        f"  cue:     {cue}{where}\n"
        f"  content: {highlight_cue(str(row['text']), cue)}"
    )


def framing_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Return how many attributions of each speaker use cues of each kind (``cue_framing``), speakers as rows."""
    runs = attributions(table)
    if runs.empty:
        return pd.DataFrame()
    counts = pd.crosstab(runs["speaker"], runs["framing"])
    order = [kind for kind in dict.fromkeys([*cue_framings().values(), NOT_RATED]) if kind in counts.columns]
    result = counts.loc[list(dict.fromkeys(runs["speaker"])), order]
    result.index.name = "speaker"
    result.columns.name = "the cue presents the words as"
    return result


def first_mentions(table: pd.DataFrame) -> pd.DataFrame:
    """Return each speaker's first sentence: how the article introduces them. Columns ``speaker``, ``sentence_id``, ``text``."""
    spoken = table[table["speaker"] != NARRATION_SPEAKER]
    first = spoken.drop_duplicates("speaker")[["speaker", "speaker_role", "sentence_id", "text"]]
    return first.reset_index(drop=True)
