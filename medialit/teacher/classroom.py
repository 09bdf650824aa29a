"""What a class's answers say: item difficulty, common mistakes, confusion, agreement and discussion prompts.

For the teacher dashboard. Everything works on ``items.csv`` of ``medialit.teacher.grading``
(one row per submission and item), read as a DataFrame; pandas and the kit's own modules at import,
``krippendorff`` (heavy, and only for ``agreement``) inside the function that uses it. Nothing is written.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from medialit.errors import MediaLitError
from medialit.exercises.scoring import Status
from medialit.exercises.submission import read_submission
from medialit.keys.table import confusion_counts
from medialit.vocabulary import CATEGORIES, LIST_SEPARATOR

# The item statuses (``exercises.scoring.Status``, ``vocabulary.SCORE_STATUSES``) that earn credit.
CREDITED: tuple[Status, ...] = ("correct", "acceptable")


def label_items(items: pd.DataFrame, exercise_id: str, field: str) -> pd.DataFrame:
    """Return the rows of ``items`` for one labelling exercise and field, with a ``credited`` column (True/False)."""
    rows = items[(items["exercise_id"] == exercise_id) & (items["field"] == field)].copy()
    for column in ("answer", "expected", "also_accepted"):
        rows[column] = rows[column].fillna("").astype(str)
    rows["credited"] = rows["status"].isin(CREDITED)
    return rows


def answer_matrix(rows: pd.DataFrame) -> pd.DataFrame:
    """Return the answers as a table: one row per student, one column per item (in article order), "" when unanswered."""
    order = list(dict.fromkeys(rows["item"]))
    matrix = rows.pivot_table(index="student", columns="item", values="answer", aggfunc="first").fillna("")
    return matrix.reindex(columns=order)


@dataclass
class _Tally:
    """One item's answers: the key's label and alternatives (from its first row), the answers counted, the credited."""

    expected: str
    also_accepted: str
    answers: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)
    credited: int = 0


def _tallies(rows: pd.DataFrame) -> dict[str, _Tally]:
    """Return a ``_Tally`` per item, in order of first appearance (one pass over plain columns: fast)."""
    tallies: dict[str, _Tally] = {}
    columns = (rows[name].tolist() for name in ("item", "answer", "credited", "expected", "also_accepted"))
    for item, answer, credited, expected, also_accepted in zip(*columns):
        tally = tallies.get(item)
        if tally is None:
            tally = tallies[item] = _Tally(expected, also_accepted)
        if answer == "":
            continue
        tally.answers[answer] += 1
        if credited:
            tally.credited += 1
        else:
            tally.wrong[answer] += 1
    return tallies


def _most_common(counts: Counter) -> list[tuple[str, int]]:
    """Return ``counts`` as (label, count) pairs, most common first, ties in alphabetical order."""
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


def item_difficulty(rows: pd.DataFrame) -> pd.DataFrame:
    """Return, per item, how many answered, the share right (correct or accepted), the key's label and the top mistake.

    Columns: ``answered``, ``right`` (percent of answers, one decimal), ``key says``,
    ``most common wrong label``, ``chosen by`` (how many students); items in article order.
    """
    table = []
    for item, tally in _tallies(rows).items():
        answered = sum(tally.answers.values())
        top = _most_common(tally.wrong)[:1]
        table.append(
            {
                "item": item,
                "answered": answered,
                "right": round(100 * (tally.credited / answered), 1) if answered else 0.0,
                "key says": tally.expected,
                "most common wrong label": top[0][0] if top else "",
                "chosen by": int(top[0][1]) if top else 0,
            }
        )
    columns = ["item", "answered", "right", "key says", "most common wrong label", "chosen by"]
    return pd.DataFrame(table, columns=columns).set_index("item")  # no answers yet: an empty table, same columns


def hardest_items(difficulty: pd.DataFrame, top: int = 10) -> pd.Series:
    """Return the percent right of the ``top`` items of ``item_difficulty`` with the fewest right, hardest first.

    Ties keep article order.
    """
    return difficulty["right"].sort_values(kind="stable").head(top)


def describe_hardest(difficulty: pd.DataFrame, top: int = 10) -> str:
    """Return a text description of a chart of ``hardest_items``: every bar with its percent, then the whole class."""
    hardest = hardest_items(difficulty, top)
    if hardest.empty:
        return "Text description: the chart is empty; there are no answers yet."
    bars = "; ".join(f"{item} {value:.0f}%" for item, value in hardest.items())
    return (
        f"Text description: a bar chart of the {len(hardest)} sentences the class found hardest, hardest at the top, "
        f"each bar as long as the percent of the class that labelled it right: {bars}. Of all {len(difficulty)} "
        f"sentences, {int((difficulty['right'] >= 80).sum())} have 80% or more right."
    )


def class_confusion(rows: pd.DataFrame, labels: list[str] | None = None) -> pd.DataFrame:
    """Return the class's answers against the key: the key's PREFERRED label as rows, the answers as columns (counts).

    The same matrix as a learner's own (``keys.table.confusion_counts``): an answer the key
    also accepts counts as a match on the key's row (the diagonal), so a row counts
    exactly the answers to sentences whose preferred label it is. Unanswered items
    are left out. Changes nothing it is given.
    """
    answered = rows[rows["answer"] != ""]
    if labels is None and set(answered["expected"]) <= set(CATEGORIES):
        labels = list(CATEGORIES)
    return confusion_counts(
        answered["expected"].tolist(),
        answered["answer"].tolist(),
        (answered["status"] == "acceptable").tolist(),
        labels,
        answer_name="students said",
    )


def describe_class_confusion(confusion: pd.DataFrame) -> str:
    """Return a text description of the class's confusion matrix: matches, and the three biggest mix-ups."""
    total = int(confusion.to_numpy().sum())
    if total == 0:
        return "Text description: the matrix is empty; no answers yet."
    agree = sum(int(confusion.iat[index, index]) for index in range(min(confusion.shape)))
    mixups = sorted(
        (
            (int(confusion.loc[key_label, answer]), key_label, answer)
            for key_label in confusion.index
            for answer in confusion.columns
            if key_label != answer and int(confusion.loc[key_label, answer])
        ),
        key=lambda mixup: (-mixup[0], mixup[1], mixup[2]),
    )
    described = "; ".join(
        f"{count} where the key says {key_label} and students said {answer}" for count, key_label, answer in mixups[:3]
    )
    return (
        f"Text description: a table of the class's {total} answers, the key's labels as rows and the students' as "
        f"columns, each cell a count. {agree} of {total} match the key (the diagonal; an accepted alternative counts "
        f"as a match). " + (f"The most common mix-ups: {described}." if mixups else "There are no mix-ups.")
    )


def agreement(rows: pd.DataFrame) -> dict[str, float]:
    """Return Krippendorff's alpha (nominal) among the students, and of each student with the key (mean, min, max).

    Unanswered items are missing values. An accepted alternative counts as the key's
    label when comparing with the key. With fewer than two students or two labels the alphas are NaN. Keys: ``among students``, ``students with key: mean``,
    ``students with key: lowest``, ``students with key: highest``, ``students``, ``items``.
    """
    import krippendorff
    import numpy

    matrix = answer_matrix(rows)
    labels = sorted({value for value in matrix.to_numpy().ravel() if value})
    if len(matrix.index) < 2 or len(labels) < 2:  # alpha needs two students and two labels
        nan = float("nan")
        return {
            "among students": nan,
            "students with key: mean": nan,
            "students with key: lowest": nan,
            "students with key: highest": nan,
            "students": float(len(matrix.index)),
            "items": float(len(matrix.columns)),
        }
    codes = {label: number for number, label in enumerate(labels)}
    data = numpy.array([[codes.get(value, numpy.nan) for value in row] for row in matrix.to_numpy()], dtype=float)
    among = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    key_labels = rows.groupby("item", sort=False)["expected"].first().reindex(matrix.columns)
    with_key = []
    credited = rows.pivot_table(index="student", columns="item", values="credited", aggfunc="first").reindex(
        index=matrix.index, columns=matrix.columns
    )
    keys = key_labels.tolist()
    key_codes = [codes.get(label, numpy.nan) for label in keys]
    for answers, rights in zip(matrix.to_numpy().tolist(), credited.to_numpy().tolist()):  # one student per row
        own = [
            numpy.nan if not value else codes[key] if right and key in codes else codes[value]
            for value, right, key in zip(answers, rights, keys)
        ]
        pair = numpy.array([own, key_codes], dtype=float)
        if numpy.count_nonzero(~numpy.isnan(pair).any(axis=0)) > 1:
            with_key.append(float(krippendorff.alpha(reliability_data=pair, level_of_measurement="nominal")))
    with_key = [value for value in with_key if not math.isnan(value)]
    return {
        "among students": round(among, 3),
        "students with key: mean": round(sum(with_key) / len(with_key), 3) if with_key else float("nan"),
        "students with key: lowest": round(min(with_key), 3) if with_key else float("nan"),
        "students with key: highest": round(max(with_key), 3) if with_key else float("nan"),
        "students": float(len(matrix.index)),
        "items": float(len(matrix.columns)),
    }


def disputed_items(rows: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    """Return the ``top`` items the class disagreed on most (the smallest share choosing the most common answer).

    Columns: ``split`` (the answers with their shares, most common first), ``top share``
    (percent), ``key says``, ``also accepted``. Ties keep article order.
    """
    table = []
    for item, tally in _tallies(rows).items():
        total = sum(tally.answers.values())
        if not total:
            continue
        ordered = [(label, count / total) for label, count in _most_common(tally.answers)]
        table.append(
            {
                "item": item,
                "split": "; ".join(f"{label} {share:.0%}" for label, share in ordered),
                "top share": round(100 * ordered[0][1], 1),
                "key says": tally.expected,
                "also accepted": tally.also_accepted.replace(LIST_SEPARATOR, ", "),
            }
        )
    frame = pd.DataFrame(table)
    if frame.empty:
        return frame
    return frame.sort_values("top share", kind="stable").head(top).set_index("item")


def discussion_prompt(item: str, row: pd.Series, text: str) -> str:
    """Return a discussion prompt for a disputed item: the sentence, how the class split, and questions to discuss."""
    labels = [part.rsplit(" ", 1)[0] for part in row["split"].split("; ")]
    pair = " or ".join(f"“{label}”" for label in labels[:2])
    accepted = f" The key also accepts {row['also accepted']}." if row["also accepted"] else ""
    return (
        f"{item}: “{text}”\n"
        f"  The class split: {row['split']}. The key prefers “{row['key says']}”.{accepted}\n"
        f"  Discuss: what in this sentence makes {pair} seem right? Who chose these words, who passed them on, "
        f"and what would you need to know to decide?"
    )


# A final score this many points above the first-answer score: the final answers owe much to the key Check showed.
LEANED_ON_KEY = 25.0


def first_answer_table(grades: pd.DataFrame, exercise_id: str) -> pd.DataFrame:
    """Return each student's first-answer and final score in one practice-mode exercise, biggest gain first.

    ``grades`` is ``grades.csv`` of ``medialit.teacher.grading`` read as a DataFrame. The result
    has one row per student whose submission of ``exercise_id`` carries first answers
    (index ``student``), with the columns ``first answers`` and ``final answers`` (the
    balanced scores in percent) and ``gain`` (final minus first, in points); empty when
    no submission has first answers. ``grades`` is not changed.
    """
    rows = grades[grades["exercise_id"] == exercise_id]
    first = pd.to_numeric(rows["first_answer_score"], errors="coerce")
    final = pd.to_numeric(rows["score"], errors="coerce")
    table = pd.DataFrame({"student": rows["student"].astype(str), "first answers": first, "final answers": final})
    table = table.dropna()
    table = table.drop_duplicates("student", keep="last").set_index("student")
    table["gain"] = table["final answers"] - table["first answers"]
    return table.sort_values(["gain", "first answers"], ascending=[False, True], kind="stable")


def first_answer_class(table: pd.DataFrame) -> pd.Series:
    """Return the class's means of a ``first_answer_table`` (first answers, final answers, gain) and its counts.

    The counts are ``students`` and ``leaned on the key`` (students whose final score is
    ``LEANED_ON_KEY`` points or more above their first); the means, rounded to 0.1, are NaN for an empty table.
    """
    return pd.Series(
        {
            "students": len(table),
            "first answers": round(table["first answers"].mean(), 1),
            "final answers": round(table["final answers"].mean(), 1),
            "gain": round(table["gain"].mean(), 1),
            "leaned on the key": int((table["gain"] >= LEANED_ON_KEY).sum()),
        },
        name="class",
        dtype=object,
    )


def describe_first_answers(table: pd.DataFrame, named: int = 5) -> str:
    """Return a text description of a ``first_answer_table``: the class's means, then (at most ``named``) the students
    whose final score is ``LEANED_ON_KEY`` points or more above their first."""
    if table.empty:
        return "Text description: no submission of this exercise has first answers (only practice mode records them)."
    whole = first_answer_class(table)
    leaned = table[table["gain"] >= LEANED_ON_KEY].sort_values("gain", ascending=False, kind="stable").head(named)
    names = "; ".join(f"{student} {row['first answers']:.0f}% first, {row['final answers']:.0f}% final"
                      for student, row in leaned.iterrows())
    which = "Those students" if len(leaned) == whole["leaned on the key"] else f"The {len(leaned)} biggest gains"
    who = f" {which}: {names}." if names else ""
    return (
        f"Text description: a table of {whole['students']} students' first-answer and final scores (balanced, in "
        f"percent). The class's mean is {whole['first answers']:.0f}% for first answers and "
        f"{whole['final answers']:.0f}% for final answers, a mean gain of {whole['gain']:.0f} points. "
        f"{whole['leaned on the key']} of {whole['students']} students scored {LEANED_ON_KEY:.0f} points or more "
        f"higher with their final answers than with their first.{who}"
    )


def _first_status(answer: str, expected: str, also_accepted: str) -> Status:
    """Return the status of a single-label answer against the key's label and its ``;``-joined alternatives."""
    if not answer:
        return "unanswered"
    if answer == expected:
        return "correct"
    return "acceptable" if answer in also_accepted.split(LIST_SEPARATOR) else "wrong"


def use_first_answers(rows: pd.DataFrame, folder: str | Path) -> pd.DataFrame:
    """Return ``rows`` (of ``label_items``) with each practice-mode item's FIRST answer in place of the final one.

    Check shows the key after an answer, so the final answers of practice mode say
    more about the key than about the class; item difficulty, mistakes, confusion
    and agreement are truer on first answers. The ``first_answers`` are read from the
    submission files in ``folder`` (the folder that was graded; ``file`` names them);
    a row whose submission has none (assessment mode, or a file no longer readable)
    keeps its answer. The status is worked out again from ``expected`` and
    ``also_accepted``, so this is for the single-label fields (speaker, category,
    claim type); ``techniques`` rows are returned unchanged. The column
    ``first_answer`` says which rows now hold a first answer. Nothing is written.
    """
    rows = rows.copy()
    firsts: dict[str, dict | None] = {}
    for file in rows["file"].unique():
        try:
            found = read_submission(Path(folder) / str(file)).get("first_answers")
        except MediaLitError:
            found = None
        firsts[file] = found if isinstance(found, dict) else None
    columns = zip(rows["file"], rows["field"], rows["item"], rows["answer"], rows["expected"], rows["also_accepted"],
                  rows["status"], strict=True)
    replaced = []
    for file, field_name, item, answer, expected, also_accepted, status in columns:  # plain columns: fast
        first = firsts[file]
        if first is None or field_name == "techniques":
            replaced.append((answer, status, False))
            continue
        given = first.get(item) if isinstance(first.get(item), str) else ""
        replaced.append((given, _first_status(given, expected, also_accepted), True))
    rows["answer"] = [answer for answer, _, _ in replaced]
    rows["status"] = [status for _, status, _ in replaced]
    rows["first_answer"] = [used for _, _, used in replaced]
    rows["credited"] = rows["status"].isin(CREDITED)
    return rows
