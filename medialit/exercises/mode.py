"""The mode a student release runs in, read from its marker file.

A student release (see ``medialit.teacher.release``) holds a marker file,
``.medialit-release.json``, whose ``mode`` the kit reads with ``release_mode``: in
``assessment`` mode there are no answer keys, and exercises record answers and
check only their format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit.errors import MediaLitError
from medialit.vocabulary import CATEGORIES, CLAIM_TYPES, LIST_SEPARATOR, MARKS, NO_TECHNIQUE, STATUS_WORDS, TECHNIQUES

RELEASE_MARKER = ".medialit-release.json"
MODES = ("practice", "assessment")
ASSESSMENT_NOTICE = "Assessment mode: your answers are recorded; your teacher will give feedback."


def find_release_marker(start: Path | str | None = None) -> Path | None:
    """Return the release marker file in ``start`` (default: the working folder) or up to three parents, or None."""
    here = Path(start) if start is not None else Path.cwd()
    here = here.resolve()
    if here.is_file():
        here = here.parent
    for folder in [here, *list(here.parents)[:3]]:
        candidate = folder / RELEASE_MARKER
        if candidate.is_file():
            return candidate
    return None


def release_manifest(start: Path | str | None = None) -> dict[str, Any] | None:
    """Return the release marker's contents found from ``start`` (see ``find_release_marker``), or None outside a release.

    Raises:
        MediaLitError: the marker file exists but is not valid JSON with a known ``mode``.
    """
    marker = find_release_marker(start)
    if marker is None:
        return None
    try:
        manifest = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MediaLitError(
            f"{marker}: unreadable release marker ({error}); ask your teacher for a fresh copy of the release"
        ) from None
    if not isinstance(manifest, dict) or manifest.get("mode") not in MODES:
        raise MediaLitError(
            f"{marker}: 'mode' must be one of {', '.join(MODES)}; ask your teacher for a fresh copy of the release"
        )
    return manifest


def release_mode(start: Path | str | None = None) -> str:
    """Return ``"assessment"`` or ``"practice"``: the mode of the release that ``start`` lies in.

    ``start`` is a file or folder (an article's path is a good choice; default: the
    working folder). Outside a release (the teacher's repository) the mode is ``practice``.
    """
    manifest = release_manifest(start)
    return manifest["mode"] if manifest else "practice"


def is_assessment(start: Path | str | None = None) -> bool:
    """Return True when ``start`` lies in a release made with ``--mode assessment``."""
    return release_mode(start) == "assessment"


def release_article(article_name: str, start: Path | str | None = None) -> dict[str, Any]:
    """Return what the release marker records about ``article_name`` (``key_sha256``, ``choices``), or ``{}``."""
    manifest = release_manifest(start) or {}
    articles = manifest.get("articles", {})
    entry = articles.get(article_name, {}) if isinstance(articles, dict) else {}
    return entry if isinstance(entry, dict) else {}


def assessment_choices(article_name: str, field: str, start: Path | str | None = None) -> list[str]:
    """Return the labels learners choose from for ``field`` of ``article_name`` when the key is left out.

    ``category``, ``claim_type`` and ``techniques`` come from the vocabulary; ``speaker``
    from the release marker (the key's speakers, recorded by ``release``). An empty
    list when nothing is known.
    """
    fixed = {"category": list(CATEGORIES), "claim_type": list(CLAIM_TYPES), "techniques": [NO_TECHNIQUE, *TECHNIQUES]}
    if field in fixed:
        return fixed[field]
    choices = release_article(article_name, start).get("choices", {})
    return list(choices.get(field, [])) if isinstance(choices, dict) else []


@dataclass(frozen=True)
class AssessmentSetup:
    """What an exercise needs to run without the answer key, in an assessment release.

    Attributes:
        choices: the labels to choose from for the exercise's field.
        key_sha256: the SHA-256 of the teacher's key (a submission records it; it reveals no answer).
        notice: the sentence to show wherever feedback would be ("Assessment mode: ...").
    """

    choices: list[str]
    key_sha256: str
    notice: str = ASSESSMENT_NOTICE


def assessment_setup(article: Any, field: str) -> AssessmentSetup | None:
    """Return how to run an exercise on ``article`` (an ``Article``) for ``field`` without a key, or None.

    None outside an assessment release: use the key as usual. In an assessment
    release: the choices (``assessment_choices``), the key's SHA-256 from the release
    marker, and the notice to show instead of feedback.
    """
    if release_mode(article.path) != "assessment":
        return None
    entry = release_article(article.name, article.path)
    return AssessmentSetup(
        choices=assessment_choices(article.name, field, article.path), key_sha256=str(entry.get("key_sha256", ""))
    )


def recorded_feedback(answer: str | None, choices: list[str]) -> tuple[str, str]:
    """Return ``(status, text)`` for one item in assessment mode: only the answer's format is checked.

    ``status`` is ``recorded``, ``format-problem`` or ``unanswered``; the text has a mark (✔ ✘ ○) and words.
    """
    if answer is None or not str(answer).strip():
        return "unanswered", f"{MARKS['unanswered']} {STATUS_WORDS['unanswered']}."
    labels = [part.strip() for part in str(answer).split(LIST_SEPARATOR) if part.strip()]
    unknown = [label for label in labels if choices and label not in choices]
    if unknown:
        listed = (LIST_SEPARATOR + " ").join(unknown)
        return "format-problem", f"{MARKS['format-problem']} “{listed}” is not one of the labels to choose from."
    return (
        "recorded",
        f"{MARKS['recorded']} {STATUS_WORDS['recorded']}: “{answer}”. Checked the format only; your teacher will give feedback.",
    )
