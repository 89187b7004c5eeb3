"""Extractors for the prose kinds: summary, root cause, lessons learned, response.

Each reads a section View into Statements; labels come from bold leads or sub-headings.
"""

from __future__ import annotations

from ..answers import classify
from ..models import Response, Statement, assembled
from ..sections import View
from .context import Context
from .readers import Entry, entries

# Response phase by the first word of a label or sub-heading. One row per phase.
RESPONSE_PHASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("containment", ("contain", "isolat", "block")),
    ("eradication", ("eradicat", "remov", "clean")),
    ("recovery", ("recover", "restor", "resolution", "resolv")),
)


# The names given: every field of Statement (models.assembled; a frozenset is copied fastest).
_STATEMENT_FIELDS = frozenset(Statement.model_fields)


def statement(entry: Entry, label: str | None = None) -> Statement:
    """An entry as a Statement: the value under its label, or the whole text. Built unvalidated
    (models.assembled), one per prose entry: the values are of the field types already (str, str
    or None, the answer's bool, int), which the validator hands on unchanged, so the model is
    the one Statement(...) builds (tests/test_doc_perf18.py compares both on our reports)."""
    text = entry.value if entry.label and entry.bold else entry.text
    answer = classify(text)
    values = {
        "text": text,
        "label": (entry.label if entry.bold else None) or label,
        "applicable": answer.applicable,
        "reason": answer.reason,
        "line": entry.line,
    }
    return assembled(Statement, values, _STATEMENT_FIELDS)


def view_statements(view: View, ctx: Context, *, label_root: bool = False) -> list[Statement]:
    """Every entry of a view as a Statement labelled by its sub-heading when it has one (and by
    the view's own heading with label_root, e.g. 'Trigger' under root causes)."""
    found: list[Statement] = []
    for part in view.parts:
        heading = part.section.heading if part is not view.root or label_root else None
        for entry in entries(part.nodes):
            if entry.label and entry.bold and not entry.value:
                continue  # a group header; its items follow
            item = statement(entry, heading)
            ctx.note_answer(item)
            found.append(item)
    return found


def extract_summary(view: View, ctx: Context) -> None:
    text = "\n\n".join(entry.text for entry in ctx.view_entries(view))
    if text and ctx.draft.summary is None:
        ctx.draft.summary = text


def extract_root_cause(view: View, ctx: Context) -> None:
    ctx.draft.root_cause.extend(view_statements(view, ctx, label_root=True))


def extract_detection(view: View, ctx: Context) -> None:
    ctx.draft.detection.extend(view_statements(view, ctx, label_root=True))


def extract_people(view: View, ctx: Context) -> None:
    ctx.draft.people.extend(view_statements(view, ctx, label_root=True))


def extract_attribution(view: View, ctx: Context) -> None:
    ctx.draft.attribution.extend(view_statements(view, ctx))


def extract_communications(view: View, ctx: Context) -> None:
    ctx.draft.communications.extend(view_statements(view, ctx))


def extract_lessons(view: View, ctx: Context) -> None:
    ctx.draft.lessons_learned.extend(view_statements(view, ctx))


def response_phase(label: str | None) -> str:
    """containment / eradication / recovery / other, from a label's leading word."""
    word = (label or "").strip().lower()
    for phase, stems in RESPONSE_PHASES:
        if word.startswith(stems):
            return phase
    return "other"


def extract_response(view: View, ctx: Context) -> None:
    groups: dict[str, list[Statement]] = {"containment": [], "eradication": [], "recovery": []}
    groups["other"] = []
    for item in view_statements(view, ctx):
        groups[response_phase(item.label)].append(item)
    previous = ctx.draft.response
    values = {
        phase: (getattr(previous, phase) if previous is not None else ()) + tuple(groups[phase])
        for phase in _RESPONSE_FIELDS
    }
    ctx.draft.response = assembled(Response, values, _RESPONSE_GIVEN)


# The Response is built unvalidated (models.assembled), its four phases given in field order as
# Response(containment=…, eradication=…, recovery=…, other=…) sets them: each a tuple of the
# Statements statement() built, which the validator hands on (a tuple of the same objects), so
# the model is the one it builds; nor is an empty Response() built (validated) for a first
# response section, whose empty tuples were all that was read of it (~5 us a response
# section; tests/test_doc_perf29.py compares both).
_RESPONSE_FIELDS = tuple(Response.model_fields)
_RESPONSE_GIVEN = frozenset(_RESPONSE_FIELDS)
