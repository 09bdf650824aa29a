"""The teacher's review of a draft key: sentence by sentence, accept or change each label, write the explanations.

``review_draft(article, draft_key_path)`` returns a ``KeyReview`` (an ipywidgets
``VBox``). Every change is saved at once into the draft file (still marked
``reviewed = no``), so nothing is lost on a restart. **Save as reviewed** writes the
key beside the article with ``reviewed = yes`` on every row, atomically, and only when
no explanation (the row's summary and the one per question: speaker, category, claim
type, techniques) is still a ``DRAFT:`` placeholder or empty; ``validate`` then passes.

User interface only: the labels come from ``medialit.vocabulary``, the checks from
``medialit.keys.key.validate_key``; messages go into ``HTML`` widgets, never ``print``.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets
import pandas as pd

from medialit.text.article import Article, read_article
from medialit.keys.write import DRAFT_PREFIX, is_draft_explanation, write_key
from medialit.ui import keyboard
from medialit.errors import MediaLitError
from medialit.keys.key import KEY_COLUMNS, fitting_rule, list_field, load_key, rule_fits, rule_labels, validate_key
from medialit.locations import key_path_for
from medialit.vocabulary import (
    CATEGORIES,
    CHANNELS,
    CLAIM_TYPES,
    COLOURS,
    EXPLANATION_COLUMNS,
    LIST_SEPARATOR,
    MARK_DRAFT,
    MARK_OPEN,
    MARK_RIGHT,
    MARK_WRONG,
    NARRATION_SPEAKER,
    RULES,
    SPEAKER_ROLES,
    TECHNIQUES,
)
from medialit.ui.widgets import sentence_html

LABEL_FIELDS = ("speaker_role", "channel", "category", "rule", "claim_type")
TEXT_FIELDS = ("speaker", "cue", "sources")
LIST_FIELDS = ("also_acceptable", "claim_type_also", "techniques", "techniques_also")
# The explanation fields: the row's summary, then one per question a learner is asked.
EXPLAIN_FIELDS = ("explanation", *EXPLANATION_COLUMNS.values())
FIELD_NAMES = {
    "speaker": "Speaker",
    "speaker_role": "Speaker's role",
    "channel": "Channel",
    "cue": "Cue (words as written)",
    "category": "Category",
    "also_acceptable": "Also acceptable",
    "rule": "Labelling rule",
    "claim_type": "Claim type",
    "claim_type_also": "Claim types also accepted",
    "techniques": "Techniques",
    "techniques_also": "Extra techniques accepted",
    "explanation": "Summary",
    "explain_speaker": "Why this speaker",
    "explain_category": "Why this category",
    "explain_claim_type": "Why this claim type",
    "explain_techniques": "Why these techniques",
    "sources": "Sources (; between them)",
}
# What each explanation box asks the teacher to write (its placeholder).
EXPLAIN_PROMPTS = {
    "explanation": "Two or three sentences summing up this row.",
    "explain_speaker": "Who speaks and how to find it: where the name was first given, which cue or quotation carries it here.",
    "explain_category": "Which labelling rule decides the category, and why any alternative is accepted.",
    "explain_claim_type": "What kind of claim this is (fact, opinion, prediction, allegation, other) and which words show it.",
    "explain_techniques": "The words of each technique, or why the sentence uses none.",
}
_VOCABULARIES = {
    "speaker_role": SPEAKER_ROLES,
    "channel": CHANNELS,
    "category": CATEGORIES,
    "rule": tuple(RULES),
    "claim_type": CLAIM_TYPES,
}
_LIST_OPTIONS = {
    "also_acceptable": CATEGORIES,
    "claim_type_also": CLAIM_TYPES,
    "techniques": TECHNIQUES,
    "techniques_also": TECHNIQUES,
}
_STYLE = {"description_width": "14em"}


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _message(text: str, kind: str = "info") -> str:
    """Return a message as HTML with a mark and words, so it never relies on colour alone."""
    mark, border = {
        "ok": (MARK_RIGHT, COLOURS["right"]),
        "error": (MARK_WRONG, COLOURS["alert"]),
        "info": (MARK_OPEN, COLOURS["note"]),
    }[kind]
    return f"<p role='status' style='border-left:4px solid {border};padding-left:0.6em'>{mark} {text}</p>"


def _text_input(field: str, placeholder: str, tooltip: str) -> ipywidgets.Text:
    """Return the one-line text box of ``field`` (its value changes when the teacher leaves the box)."""
    return ipywidgets.Text(
        description=FIELD_NAMES[field],
        placeholder=placeholder,
        tooltip=tooltip,
        continuous_update=False,
        style=_STYLE,
        layout=ipywidgets.Layout(width="40em"),
    )


class KeyReview(ipywidgets.VBox):
    """A teacher's walk through a draft key, one sentence at a time (display it in a notebook).

    Attributes (the widgets, for tests and for authors):
        inputs: per key field, the widget that edits it for the current sentence.
        previous_button, next_button, next_draft_button, save_button: the buttons.
        jump: a ``Dropdown`` of every sentence (✔ explained, ✎ still a draft).
        position, sentence, proposal, status: ``HTML`` widgets.
        rows: the key being edited, one dict of strings per sentence id.
        index: the position of the sentence shown (0-based).
    """

    def __init__(self, article: Article, draft_path: Path, out: Path) -> None:
        """Load the draft at ``draft_path`` (checked against ``article``) and show its first sentence; nothing is written."""
        self.article = article
        self.draft_path = draft_path
        self.out = out
        draft = load_key(draft_path, article)
        table = draft.table.reset_index()
        self.rows: dict[str, dict[str, str]] = {row["sentence_id"]: dict(row) for row in table.to_dict("records")}
        self.ids = list(self.rows)
        # What the rules proposed, kept to show beside the teacher's choices.
        self.proposed = {sid: dict(row) for sid, row in self.rows.items()}
        self.index = 0
        self._quiet = False
        self._build()
        super().__init__(children=self._layout(), layout=ipywidgets.Layout(max_width="62em"))
        keyboard.protect(self)  # no key pressed in the review widget reaches JupyterLab's shortcuts
        self.show(0)

    # ----- building ---------------------------------------------------------------------------------------------

    def _build(self) -> None:
        """Create the widgets and connect their callbacks (sets the attributes listed in the class docstring)."""
        self.header = ipywidgets.HTML(
            value=(
                f"<h3 style='margin-bottom:0.2em'>Review the draft key of “{_escape(self.article.name)}”</h3>"
                "<p style='margin:0'>For each sentence, keep or change the labels the rules proposed, write two or three "
                "sentences of explanation for learners, then go to the next one. Every change is saved at once in the "
                "draft. When every sentence is explained, press <strong>Save as reviewed</strong>.</p>"
            )
        )
        self.position = ipywidgets.HTML(value="")
        self.sentence = ipywidgets.HTML(value="")
        self.proposal = ipywidgets.HTML(value="")
        self.inputs = self._build_inputs()
        for field, widget in self.inputs.items():
            widget.observe(self._on_change(field), names="value")
        self._build_navigation()

    def _build_inputs(self) -> dict[str, ipywidgets.ValueWidget]:
        """Return the widget of every field the review edits (field -> widget), in the order they are built."""
        inputs: dict[str, ipywidgets.ValueWidget] = {}
        inputs["speaker"] = _text_input(
            "speaker",
            placeholder="empty = no one quoted (the outlet's own narration)",
            tooltip="Who speaks in this sentence, full name as the article first gives it; empty for narration",
        )
        for field, options in _VOCABULARIES.items():
            inputs[field] = ipywidgets.Dropdown(
                options=[(f"{rule}: {RULES[rule]}", rule) for rule in options] if field == "rule" else list(options),
                description=FIELD_NAMES[field],
                tooltip=f"{FIELD_NAMES[field]} of this sentence",
                style=_STYLE,
                layout=ipywidgets.Layout(width="40em"),
            )
        inputs["cue"] = _text_input(
            "cue",
            placeholder="e.g. he noted, TASS cited ... as saying",
            tooltip="The attribution words exactly as they appear in the text; empty for narration",
        )
        tooltips = {
            "also_acceptable": "Other categories that also earn credit (Ctrl or ⌘ + click, or Shift + arrow keys); none is fine",
            "claim_type_also": "Other claim types a learner may defensibly choose (full credit); none is fine",
            "techniques": "Persuasion techniques the sentence uses (Ctrl or ⌘ + click); none selected = no technique",
            "techniques_also": "Defensible extra techniques: adding them costs a learner nothing; none is fine",
        }
        for field, options in _LIST_OPTIONS.items():
            inputs[field] = ipywidgets.SelectMultiple(
                options=list(options),
                rows=6 if options is TECHNIQUES else 4,
                description=FIELD_NAMES[field],
                tooltip=tooltips[field],
                style=_STYLE,
                layout=ipywidgets.Layout(width="40em"),
            )
        for field in EXPLAIN_FIELDS:
            inputs[field] = ipywidgets.Textarea(
                description=FIELD_NAMES[field],
                placeholder=EXPLAIN_PROMPTS[field],
                tooltip=f"{FIELD_NAMES[field]}: what learners read as feedback for this question",
                continuous_update=False,
                rows=3,
                style=_STYLE,
                layout=ipywidgets.Layout(width="100%"),
            )
        inputs["sources"] = _text_input(
            "sources",
            placeholder="the article; en.wikipedia.org/wiki/...",
            tooltip=f"Where the facts in the explanation come from, separated by {LIST_SEPARATOR}",
        )
        return inputs

    def _build_navigation(self) -> None:
        """Make the navigation buttons, the jump list, the save button and the status line; connect them."""
        self.previous_button = ipywidgets.Button(description="Previous", icon="arrow-left", tooltip="Go to the previous sentence")
        self.next_button = ipywidgets.Button(description="Next", icon="arrow-right", tooltip="Go to the next sentence")
        self.next_draft_button = ipywidgets.Button(
            description="Next still to explain", icon="forward", tooltip="Go to the next sentence whose explanation is still a draft"
        )
        self.jump = ipywidgets.Dropdown(
            options=[],
            description="Go to",
            tooltip=f"Jump to a sentence: {MARK_RIGHT} explained, {MARK_DRAFT} still a draft",
            style={"description_width": "initial"},
            layout=ipywidgets.Layout(width="22em"),
        )
        self.save_button = ipywidgets.Button(
            description="Save as reviewed",
            icon="save",
            button_style="primary",
            tooltip="Write the key with reviewed = yes (only when every sentence has an explanation)",
        )
        self.status = ipywidgets.HTML(value=_message(f"Changes are saved in the draft ({_escape(self.draft_path.name)}) as you go."))
        self.previous_button.on_click(lambda _button: self.previous())
        self.next_button.on_click(lambda _button: self.next())
        self.next_draft_button.on_click(lambda _button: self.next_draft())
        self.save_button.on_click(lambda _button: self.save_reviewed())
        self.jump.observe(self._on_jump, names="value")

    def _layout(self) -> list[ipywidgets.Widget]:
        navigation = ipywidgets.HBox([self.previous_button, self.next_button, self.next_draft_button, self.jump])
        order = (
            "speaker", "explain_speaker", "speaker_role", "channel", "cue",
            "category", "also_acceptable", "rule", "explain_category",
            "claim_type", "claim_type_also", "explain_claim_type",
            "techniques", "techniques_also", "explain_techniques",
            "explanation", "sources",
        )
        fields = [self.inputs[name] for name in order]
        return [
            self.header,
            self.position,
            navigation,
            self.sentence,
            self.proposal,
            *fields,
            ipywidgets.HBox([self.save_button]),
            self.status,
        ]

    def __repr__(self) -> str:
        """Return a short, stable description (what a notebook shows as plain text)."""
        return f"KeyReview({self.article.name!r}, {len(self.ids)} sentences, {len(self.pending())} still to explain)"

    # ----- navigation -------------------------------------------------------------------------------------------

    @property
    def sentence_id(self) -> str:
        """Return the id of the sentence shown."""
        return self.ids[self.index]

    def show(self, where: int | str) -> None:
        """Show the sentence at position ``where`` (0-based) or with id ``where``; fill the inputs with its labels."""
        index = self.ids.index(where) if isinstance(where, str) else where
        if not 0 <= index < len(self.ids):
            raise MediaLitError(f"{self.draft_path}: has no sentence number {index + 1}; it has {len(self.ids)}")
        self.index = index
        row = self.rows[self.sentence_id]
        self._quiet = True
        try:
            for field, widget in self.inputs.items():
                value = row[field]
                if field in LIST_FIELDS:
                    widget.value = tuple(item for item in list_field(value) if item in widget.options)
                elif field in EXPLAIN_FIELDS:
                    widget.value = "" if is_draft_explanation(value) else value
                elif field in _VOCABULARIES:
                    widget.value = value if value in _VOCABULARIES[field] else _VOCABULARIES[field][0]
                else:
                    widget.value = value
            self._refresh_jump()
        finally:
            self._quiet = False
        total = len(self.ids)
        self.position.value = (
            f"<p style='margin:0'><strong>Sentence {index + 1} of {total}</strong> · "
            f"{total - len(self.pending())} explained, {len(self.pending())} still to explain</p>"
        )
        self.sentence.value = sentence_html(self.article, self.sentence_id, index + 1, total)
        self.proposal.value = self._proposal_html()
        self.previous_button.disabled = index == 0
        self.next_button.disabled = index == total - 1

    def next(self) -> None:
        """Show the next sentence (stays on the last one)."""
        self.show(min(self.index + 1, len(self.ids) - 1))

    def previous(self) -> None:
        """Show the previous sentence (stays on the first one)."""
        self.show(max(self.index - 1, 0))

    def next_draft(self) -> None:
        """Show the next sentence whose explanation is still a draft (searching from the current one, wrapping round)."""
        pending = self.pending()
        if not pending:
            self.status.value = _message("Every sentence is explained. Press <strong>Save as reviewed</strong>.", "ok")
            return
        order = self.ids[self.index + 1 :] + self.ids[: self.index + 1]
        self.show(next(sid for sid in order if sid in pending))

    def _refresh_jump(self) -> None:
        pending = set(self.pending())
        options = [(f"{MARK_DRAFT if sid in pending else MARK_RIGHT} {sid}", sid) for sid in self.ids]
        if list(self.jump.options) != options:
            self.jump.options = options
        self.jump.value = self.sentence_id

    def _proposal_html(self) -> str:
        """Return the box that shows what the rules proposed for the sentence shown, and what they saw."""
        proposed = self.proposed[self.sentence_id]
        labels = ", ".join(
            f"{FIELD_NAMES[field].lower()} “{_escape((proposed[field] or NARRATION_SPEAKER) if field == 'speaker' else proposed[field])}”"
            for field in ("speaker", "speaker_role", "channel", "category", "rule", "claim_type")
        )
        note = proposed["explanation"]
        note = note[len(DRAFT_PREFIX) :].strip() if note.lstrip().startswith(DRAFT_PREFIX) else ""
        seen = f"<br><small>What the rules saw: {_escape(note)}</small>" if note else ""
        return (
            f"<div style='border:1px dashed {COLOURS['neutral']};padding:0.3em 0.6em;margin:0.3em 0'>"
            f"<small><strong>The rules proposed:</strong> {labels}.</small>{seen}</div>"
        )

    # ----- editing ----------------------------------------------------------------------------------------------

    def set(self, field: str, value: str | tuple[str, ...]) -> None:
        """Change ``field`` of the sentence shown to ``value`` (as if typed or chosen) and save the draft."""
        if field not in self.inputs:
            raise MediaLitError(f"{field!r} is not a field the review edits; use one of: {', '.join(self.inputs)}")
        widget = self.inputs[field]
        widget.value = tuple(value) if field in LIST_FIELDS and not isinstance(value, str) else value

    def _on_change(self, field: str):  # noqa: ANN202 - returns a traitlets observer
        def observe(change: dict) -> None:
            if self._quiet:
                return
            self._store(field, change["new"])
        return observe

    def _on_jump(self, change: dict) -> None:
        if self._quiet or change["new"] is None or change["new"] == self.sentence_id:
            return
        self.show(change["new"])

    def _store(self, field: str, value: object) -> None:
        """Put ``value`` into the current row and save the draft (still unreviewed)."""
        row = self.rows[self.sentence_id]
        if field in LIST_FIELDS:
            row[field] = LIST_SEPARATOR.join(value)  # type: ignore[arg-type]
        elif field in EXPLAIN_FIELDS:
            text = " ".join(str(value).split())
            row[field] = text if text else self.proposed[self.sentence_id][field]
        elif field == "speaker":
            text = str(value).strip()
            row[field] = "" if text == NARRATION_SPEAKER else text
        else:
            row[field] = str(value).strip()
        if field == "category" and row["category"] in list_field(row["also_acceptable"]):
            row["also_acceptable"] = LIST_SEPARATOR.join(item for item in list_field(row["also_acceptable"]) if item != row["category"])
        if field in ("category", "also_acceptable", "rule", "speaker_role"):
            self._keep_rule_consistent(row, rule_chosen=field == "rule")
        self._save_progress()
        if field in EXPLAIN_FIELDS:
            self._refresh_position()

    def _keep_rule_consistent(self, row: dict[str, str], rule_chosen: bool) -> None:
        """Make the row's labels and its rule agree (the draft stays valid); update the widgets.

        A chosen rule sets the labels it gives (the category kept when the rule allows
        it, the required alternatives added, the others it forbids removed); changed
        labels pick the first rule that gives them (``X``, a teacher's exception, if none).
        """
        if rule_chosen:
            preferred, required, allowed = rule_labels(row["rule"], row["speaker_role"])
            if row["category"] not in preferred:
                row["category"] = preferred[0]
            kept = [item for item in list_field(row["also_acceptable"]) if item in allowed and item != row["category"]]
            row["also_acceptable"] = LIST_SEPARATOR.join([*kept, *sorted(required - set(kept))])
        elif not rule_fits(row["rule"], row["category"], row["also_acceptable"], row["speaker_role"]):
            row["rule"] = fitting_rule(row["category"], row["also_acceptable"], row["speaker_role"])
        self._quiet = True
        try:
            self.inputs["category"].value = row["category"]
            self.inputs["also_acceptable"].value = tuple(list_field(row["also_acceptable"]))
            self.inputs["rule"].value = row["rule"]
        finally:
            self._quiet = False

    def _refresh_position(self) -> None:
        self._quiet = True
        try:
            self._refresh_jump()
        finally:
            self._quiet = False
        pending = len(self.pending())
        self.position.value = (
            f"<p style='margin:0'><strong>Sentence {self.index + 1} of {len(self.ids)}</strong> · "
            f"{len(self.ids) - pending} explained, {pending} still to explain</p>"
        )

    def table(self, reviewed: bool) -> pd.DataFrame:
        """Return the key as edited so far (columns ``KEY_COLUMNS``), ``reviewed`` = yes or no on every row."""
        table = pd.DataFrame([self.rows[sid] for sid in self.ids]).reindex(columns=KEY_COLUMNS).fillna("")
        table["reviewed"] = "yes" if reviewed else "no"
        return table

    def _save_progress(self) -> None:
        """Write the key as edited so far into the draft file, still ``reviewed = no`` (a message if it fails)."""
        try:
            write_key(self.table(reviewed=False), self.draft_path)
        except MediaLitError as error:
            self.status.value = _message(f"Could not save the draft: {_escape(str(error))}", "error")

    # ----- saving -----------------------------------------------------------------------------------------------

    def pending(self) -> list[str]:
        """Return the ids of the sentences with any explanation (summary or per question) still empty or a ``DRAFT:``."""
        return [sid for sid in self.ids if any(is_draft_explanation(self.rows[sid][field]) for field in EXPLAIN_FIELDS)]

    def pending_fields(self, sentence_id: str) -> list[str]:
        """Return the explanation fields of ``sentence_id`` still empty or a ``DRAFT:`` placeholder."""
        return [field for field in EXPLAIN_FIELDS if is_draft_explanation(self.rows[sentence_id][field])]

    def save_reviewed(self) -> Path | None:
        """Write the key to ``out`` with ``reviewed = yes`` and return its path; refuse (None) while any row is a draft.

        The refusal, and any problem ``validate`` finds, is shown in ``status``; nothing is written then.
        """
        pending = self.pending()
        if pending:
            shown = ", ".join(pending[:12]) + (f" and {len(pending) - 12} more" if len(pending) > 12 else "")
            self.status.value = _message(
                f"Not saved: {len(pending)} sentence(s) still have a draft or empty explanation: {shown} "
                f"(first: {pending[0]}, {', '.join(FIELD_NAMES[f].lower() for f in self.pending_fields(pending[0]))}). "
                "Write each explanation (use <strong>Next still to explain</strong>), then save again.",
                "error",
            )
            return None
        table = self.table(reviewed=True)
        staging = self.out.with_name(f".{self.out.name}.checking")
        try:
            write_key(table, staging)
            problems = [p.replace(str(staging), str(self.out)) for p in validate_key(staging, self.article)]
        finally:
            staging.unlink(missing_ok=True)
        if problems:
            listed = "<br>".join(_escape(problem) for problem in problems[:10])
            self.status.value = _message(f"Not saved: the key has {len(problems)} problem(s):<br>{listed}", "error")
            return None
        write_key(table, self.out)
        self.status.value = _message(
            f"Saved as reviewed: <code>{_escape(self.out.name)}</code>, {len(self.ids)} sentences, every row "
            "reviewed = yes. The exercises now use it without the draft warning.",
            "ok",
        )
        return self.out


def review_draft(article: str | Path | Article, draft_key_path: str | Path | None = None, out: str | Path | None = None) -> KeyReview:
    """Return a ``KeyReview`` of the draft key ``draft_key_path`` of ``article`` (display it in a notebook).

    ``article`` is a path, a ``seeds/`` name or an ``Article``; ``draft_key_path``
    defaults to ``NAME.key.csv`` beside the article; ``out`` (where **Save as
    reviewed** writes) defaults to that same key path, so ``validate`` finds it.
    Nothing is written until a label or explanation is changed.

    Raises:
        MediaLitError: the article or the draft cannot be read, or the draft does not match the article.
    """
    loaded = article if isinstance(article, Article) else read_article(article)
    beside = key_path_for(loaded.path)
    draft_path = Path(draft_key_path) if draft_key_path is not None else beside
    if not draft_path.exists():
        raise MediaLitError(
            f"{draft_path}: no draft key; make one with 'python -m medialit draft {loaded.path} --out {draft_path}'"
        )
    return KeyReview(loaded, draft_path, Path(out) if out is not None else beside)
