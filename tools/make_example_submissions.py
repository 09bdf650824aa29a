"""Generate plausible, fictional class submissions for the teacher dashboard and for tests (deterministic, seeded).

    python tools/make_example_submissions.py                       # teacher/example_submissions/, 25 students
    python tools/make_example_submissions.py --students 300 --out /tmp/class   # a bigger class (benchmarks)

Every student is invented. Each has an ability (the chance of a right answer) and
makes the mistakes learners really make: an official's paraphrase taken for reporting,
an expert's loaded claim taken for state-media framing, a continued quotation given
to the wrong speaker, words counted as sentences, a strip coloured inconsistently,
answers too short. Submissions are built with the kit's own functions, so they are
exactly what the exercises write. The same seed always gives the same files.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from medialit import __version__
from medialit.exercises.registry import SEED_ARTICLE, exercise
from medialit.keys.key import Key, load_article_key
from medialit.keys.table import voice_table
from medialit.lessons.plots import CATEGORY_STYLES, OKABE_ITO
from medialit.exercises.scoring import choices, expected
from medialit.exercises.submission import build_submission, write_submission
from medialit.vocabulary import CATEGORIES

ARTICLE = SEED_ARTICLE
# The exercises each invented student hands in, as the registry declares them.
LABELS = exercise("01_label_voices")
CAPSTONE = exercise("07_classify_the_article")
TABLES = exercise("02_count_the_words")
FIGURE = exercise("03_draw_the_voice_map")
WRITTEN = exercise("04_framing_and_evidence")
START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
FIRST = [
    "Amara",
    "Ben",
    "Chloé",
    "Dmitri",
    "Esra",
    "Farah",
    "Gabriel",
    "Hana",
    "Ivan",
    "Jun",
    "Kofi",
    "Lena",
    "Mateo",
    "Nadia",
    "Oskar",
    "Priya",
    "Quinn",
    "Rosa",
    "Samir",
    "Tomasz",
    "Uma",
    "Viktor",
    "Wen",
    "Yusuf",
    "Zoe",
]
LAST = [
    "Okafor",
    "Schulz",
    "Martin",
    "Petrov",
    "Yilmaz",
    "Haddad",
    "Silva",
    "Sato",
    "Kowalski",
    "Li",
    "Mensah",
    "Berg",
    "García",
    "Novak",
    "Lund",
    "Iyer",
    "Byrne",
    "Costa",
    "Khan",
    "Nowak",
    "Rao",
    "Horvat",
    "Zhang",
    "Aziz",
    "Evans",
]
# The mistakes learners make most, per expected category: (wrong label, weight).
CATEGORY_CONFUSIONS: dict[str, list[tuple[str, float]]] = {
    "official statement": [("reporting", 3), ("state-media framing", 2), ("expert opinion", 1)],
    "expert opinion": [("state-media framing", 3), ("official statement", 2), ("reporting", 1)],
    "reporting": [("official statement", 2), ("state-media framing", 2), ("expert opinion", 1)],
    "state-media framing": [("official statement", 2), ("expert opinion", 2), ("reporting", 1)],
}
# Sentences that are harder than the rest (a continued quotation, a relay, an allegation read as framing).
HARD = {
    "P02.S2": 0.25,
    "P05.S3": 0.2,
    "P06.S2": 0.2,
    "P09.S2": 0.25,
    "P10.S1": 0.2,
    "P11.S3": 0.25,
    "P11.S5": 0.3,
    "P12.S1": 0.3,
    "P13.S1": 0.1,
    "P14.S2": 0.2,
    "P14.S5": 0.15,
}
WRITTEN_BANK: dict[str, list[str]] = {
    "answer_1": [
        (
            "Markov gets the most words, 224, more than Lavrov or Pompeo. The two Russian experts together have more than half "
            "of the article, and there is no American or independent expert, so readers mostly hear one side."
        ),
        (
            "The experts talk the most, especially Markov. Nobody from the U.S. side except Pompeo is quoted and the people he "
            "accuses do not answer, which makes his version of events look like the only one."
        ),
        (
            "Lavrov and Pompeo both speak and the experts speak too. I think the article is mostly balanced between the two "
            "countries because both ministers are quoted at the start of the article."
        ),
        "Markov talks a lot.",
    ],
    "answer_2": [
        (
            "The article says Markov 'noted' the 'deep state'. 'Noted' makes it sound like he pointed out a fact, while 'said' "
            "would only report his words, so a contested claim looks like an observation."
        ),
        (
            "Pompeo 'pointed out' that they will meet again. This verb makes the remark sound true and important rather than "
            "just something he said, even though it is only a forecast about the G20."
        ),
        (
            "The article uses 'stressed' for Lavrov. It means he said it strongly. It is a different word from said but it "
            "means more or less the same thing in the article."
        ),
        "Noted is a verb.",
    ],
    "answer_3": [
        (
            "The article gives no documents, sources or responses from Volker, Biden or Yovanovitch; it only repeats Markov. "
            "These are allegations. I would look for independent reporting and fact-checks before believing any of them."
        ),
        (
            "There is no evidence in the article, only what Markov says. I would search other news sites and fact-checkers "
            "to see whether anyone confirmed the four accusations, and what the accused people said."
        ),
        (
            "Markov is an expert so he probably knows about these scandals. The article lists four of them and they sound "
            "serious, so I think they are mostly true but I would like more details."
        ),
        "No evidence.",
    ],
}


def student_names(count: int) -> list[str]:
    """Return ``count`` distinct invented names (first and last names combined in a fixed order)."""
    names = []
    for index in range(count):
        first = FIRST[index % len(FIRST)]
        last = LAST[(index * 7 + index // len(FIRST)) % len(LAST)]
        suffix = f" {index // (len(FIRST) * len(LAST)) + 1}" if index >= len(FIRST) * len(LAST) else ""
        names.append(f"{first} {last}{suffix}")
    return names


def _category_answer(rng: random.Random, key: Key, sentence_id: str, ability: float) -> str | None:
    preferred, acceptable = expected(key, "category", sentence_id)
    if rng.random() < 0.03:
        return None
    chance = ability - HARD.get(sentence_id, 0.0)
    if rng.random() < chance:
        return preferred
    if acceptable and rng.random() < 0.5:
        return acceptable[0]  # the defensible alternative is what a hesitating learner picks most
    wrong = [(label, weight) for label, weight in CATEGORY_CONFUSIONS[preferred] if label not in acceptable]
    return rng.choices([label for label, _ in wrong], [weight for _, weight in wrong])[0]


def _after_feedback(
    rng: random.Random, key: Key, first: dict[str, str | None], ability: float
) -> dict[str, str | None]:
    """Return the final answers of a practice-mode learner whose answers were ``first``; ``first`` is not changed.

    Check shows the key's label after a wrong answer, so most wrong first answers are
    changed to it (an able learner more often); a few stay wrong, and a right or
    accepted first answer is kept. An unanswered item stays unanswered.
    """
    final = dict(first)
    for sentence_id, label in first.items():
        preferred, acceptable = expected(key, "category", sentence_id)
        if label is None or label == preferred or label in acceptable:
            continue
        if rng.random() < 0.45 + ability / 2:
            final[sentence_id] = preferred
    return final


def _speaker_answer(rng: random.Random, key: Key, sentence_id: str, ability: float, speakers: list[str]) -> str | None:
    preferred, _ = expected(key, "speaker", sentence_id)
    if rng.random() < 0.03:
        return None
    if rng.random() < ability - HARD.get(sentence_id, 0.0) / 2:
        return preferred
    position = key.sentence_ids.index(sentence_id)
    previous = [expected(key, "speaker", sid)[0] for sid in key.sentence_ids[max(0, position - 4) : position]]
    nearby = [speaker for speaker in previous if speaker != preferred]
    return nearby[-1] if nearby and rng.random() < 0.6 else rng.choice([s for s in speakers if s != preferred])


def _words(key: Key, by: str) -> dict[str, int]:
    table = voice_table(key.article, key)
    return {str(label): int(value) for label, value in table.groupby(by, sort=False)["words"].sum().items() if value}


def _sentences(key: Key, by: str) -> dict[str, int]:
    table = voice_table(key.article, key)
    return {str(label): int(value) for label, value in table.groupby(by, sort=False).size().items()}


def _figure(rng: random.Random, key: Key, ability: float) -> dict[str, Any]:
    words = _words(key, "speaker") if rng.random() < ability + 0.1 else _sentences(key, "speaker")
    speaker_bars = [
        {
            "label": label,
            "value": float(value),
            "x": 0.0,
            "y": index - 0.4,
            "width": float(value),
            "height": 0.8,
            "color": OKABE_ITO[0],
            "hatch": "",
        }
        for index, (label, value) in enumerate(sorted(words.items(), key=lambda item: item[1]))
    ]
    categories = [key.value(sid, "category") for sid in key.sentence_ids]
    consistent = rng.random() < ability + 0.1
    strip = []
    for index, category in enumerate(categories):
        colour, hatch, _ = CATEGORY_STYLES[category]
        if not consistent and index % 7 == 3:
            colour, hatch = OKABE_ITO[4], ""
        strip.append(
            {
                "label": "",
                "value": 1.0,
                "x": index - 0.5,
                "y": 0.0,
                "width": 1.0,
                "height": 1.0,
                "color": colour,
                "hatch": hatch,
            }
        )
    return {
        "axes": [
            {"title": "Words by speaker", "xlabel": "Words", "ylabel": "", "legend": [], "bars": speaker_bars},
            {
                "title": "Sentences by category",
                "xlabel": "Sentence",
                "ylabel": "",
                "legend": list(CATEGORIES),
                "bars": strip,
            },
        ]
    }


def _written(rng: random.Random, ability: float) -> dict[str, str | None]:
    answers: dict[str, str | None] = {}
    for question in WRITTEN.questions:
        if rng.random() < 0.05:
            answers[question] = None
            continue
        quality = 0 if rng.random() < ability - 0.1 else rng.choice([1, 2, 2, 3])
        answers[question] = WRITTEN_BANK[question][min(quality, 3)]
    return answers


def class_submissions(students: int = 25, seed: int = 2026, key: Key | None = None) -> list[dict[str, Any]]:
    """Return the submissions of an invented class of ``students`` (same ``seed``, same submissions).

    Each student hands in exercises 01-04 and lesson 07's capstone (category of all
    35 sentences), except a few who skip one; every tenth student hands in exercise 01
    twice (the later copy improved), and one uses an older kit version. The capstone is
    a practice-mode widget, so its submission carries ``first_answers`` (what the widget
    records): the answers given before Check showed the key, most wrong ones corrected
    in the final ``answers``. Exercise 01's hand-in writes no first answers, so neither
    do its copies here.
    """
    key = key or load_article_key(ARTICLE)
    rng = random.Random(seed)
    speakers = choices(key, "speaker")
    submissions = []
    for number, name in enumerate(student_names(students)):
        ability = rng.uniform(0.55, 0.97)
        moment = START + timedelta(minutes=7 * number)
        version = "0.0.9" if number == 3 else __version__

        def make(
            exercise: str,
            answers: dict[str, Any],
            field: str,
            extra: dict[str, Any] | None,
            minutes: int,
            name: str = name,
            moment: datetime = moment,
            version: str = version,
            first_answers: dict[str, Any] | None = None,
        ) -> dict[str, Any]:
            submission = build_submission(
                student=name,
                exercise_id=exercise,
                key_sha256=key.sha256,
                answers=answers,
                field=field,
                article=ARTICLE,
                extra=extra,
                created=moment + timedelta(minutes=minutes),
                reflection="",
                first_answers=first_answers,
            )
            submission["kit_version"] = version
            return submission

        skip = rng.randrange(12) if rng.random() < 0.3 else -1
        speaker = {sid: _speaker_answer(rng, key, sid, ability, speakers) for sid in LABELS.items}
        category = {sid: _category_answer(rng, key, sid, ability) for sid in LABELS.items}
        labels = {
            "speaker": {k: v for k, v in speaker.items() if v},
            "category": {k: v for k, v in category.items() if v},
        }
        if skip != 0:
            submissions.append(
                make(
                    LABELS.answers_file_id(ARTICLE),
                    labels["category"],
                    "category",
                    {"mode": "practice", "labels": labels, "items": list(LABELS.items)},
                    0,
                )
            )
        if number % 10 == 0:
            better = {sid: expected(key, "category", sid)[0] for sid in LABELS.items}
            improved = {
                "speaker": labels["speaker"],
                "category": {**labels["category"], **dict(list(better.items())[:5])},
            }
            submissions.append(
                make(
                    LABELS.answers_file_id(ARTICLE),
                    improved["category"],
                    "category",
                    {"mode": "practice", "labels": improved, "items": list(LABELS.items)},
                    30,
                )
            )
        if skip != 1:
            first = {sid: _category_answer(rng, key, sid, ability) for sid in key.sentence_ids}
            capstone = _after_feedback(random.Random(f"{seed}-{number}"), key, first, ability)
            submissions.append(make(CAPSTONE.answers_file_id(ARTICLE), capstone, CAPSTONE.field, None, 60, first_answers=first))
        if skip != 2:
            right = rng.random() < ability + 0.1
            by_speaker = _words(key, "speaker") if right else _sentences(key, "speaker")
            by_category = _words(key, "category") if rng.random() < ability + 0.15 else _sentences(key, "category")
            tables = dict(zip(TABLES.table_fields(), (by_speaker, by_category), strict=True))
            submissions.append(
                make(TABLES.answers_file_id(ARTICLE), {}, "", {"mode": "practice", "tables": tables, "labels_source": "key"}, 90)
            )
        if skip != 3:
            submissions.append(
                make(
                    FIGURE.answers_file_id(ARTICLE),
                    {},
                    "",
                    {"mode": "practice", "figure": _figure(rng, key, ability), "labels_source": "key"},
                    120,
                )
            )
        if skip != 4:
            submissions.append(
                make(WRITTEN.answers_file_id(ARTICLE), {}, "", {"mode": "practice", "written": _written(rng, ability)}, 150)
            )
    return submissions


def main(argv: list[str] | None = None) -> int:
    """Write the example class into ``--out`` (its old ``*.submission.json`` files removed first); return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=25)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=REPO / "teacher" / "example_submissions")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.submission.json"):
        old.unlink()
    submissions = class_submissions(args.students, args.seed)
    for submission in submissions:
        write_submission(submission, args.out)
    print(f"wrote {len(submissions)} submission files for {args.students} invented students")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
