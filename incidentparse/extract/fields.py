"""Extractors for the labelled-field kinds: details, impact, methodology.

Each keeps every `Label: value` pair as a Field and maps the known labels (read through the
label tables below, so drifting templates still land) onto typed attributes.
"""

from __future__ import annotations

import re

from ..models import Details, Field, Impact, Statement, TacticEntry, assembled
from ..sections import View
from ..tokens import Node
from .context import Context
from .readers import answered_field, entries, entries_text, fields, plain_text, table_rows

_NOT_LABEL_CHARS = re.compile(r"[^a-z0-9 ]+")


def label_key(label: str) -> str:
    """Comparable form of a label: lower case, '&' and '/' spelled out, single spaces."""
    text = label.lower().replace("&", " and ").replace("/", " and ")
    return _NOT_LABEL_CHARS.sub(" ", text).split(" (")[0].strip().replace("  ", " ")


def _table(rows: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {alias: target for target, aliases in rows.items() for alias in aliases}


# Details labels -> Details attribute. One row per attribute.
DETAIL_LABELS = _table(
    {
        "discovered": (
            "discovery date",
            "date discovered",
            "discovered",
            "detection date",
            "date detected",
            "detected",
            "discovery",
            "first detected",
            "detection time",
            "time of detection",
        ),
        "occurred": (
            "incident date",
            "date of incident",
            "date",
            "occurred",
            "start date",
            "incident start",
            "date occurred",
            "start time",
            "incident time",
            "date and time",
            "when",
        ),
        "organization": (
            "affected organization",
            "affected organisation",
            "organization",
            "organisation",
            "victim",
            "company",
            "affected company",
            "customer",
            "affected entity",
            "affected party",
        ),
        "sector": ("sector", "industry", "vertical"),
        "geography": (
            "geography",
            "region",
            "regions",
            "location",
            "country",
            "affected regions",
            "geographic scope",
            "geographies",
        ),
        "severity": ("severity", "priority", "criticality", "sev", "severity level"),
    }
)
_DETAIL_DATES = ("discovered", "occurred")

# Impact labels -> Impact statement attribute.
IMPACT_LABELS = _table(
    {
        "financial": ("financial", "financial impact", "cost", "costs", "monetary"),
        "data_breach": (
            "data breach",
            "data",
            "confidentiality",
            "data loss",
            "customer data loss",
            "data exposure",
            "data impact",
        ),
        "operational": (
            "operational",
            "operational impact",
            "availability",
            "service impact",
            "business",
            "business impact",
            "productivity",
        ),
        "reputational": ("reputational", "reputation", "reputational impact", "brand"),
    }
)

# ATT&CK Enterprise tactics: (name, id, extra spellings). One row per tactic.
TACTICS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Reconnaissance", "TA0043", ("recon",)),
    ("Resource Development", "TA0042", ()),
    ("Initial Access", "TA0001", ()),
    ("Execution", "TA0002", ()),
    ("Persistence", "TA0003", ()),
    ("Privilege Escalation", "TA0004", ("privesc",)),
    ("Defense Evasion", "TA0005", ("defence evasion",)),
    ("Credential Access", "TA0006", ()),
    ("Discovery", "TA0007", ()),
    ("Lateral Movement", "TA0008", ()),
    ("Collection", "TA0009", ()),
    ("Command and Control", "TA0011", ("c2", "command control", "c and c")),
    ("Exfiltration", "TA0010", ("data exfiltration",)),
    ("Impact", "TA0040", ()),
)
_TACTIC_BY_KEY = {
    key: (name, ident)
    for name, ident, extra in TACTICS
    for key in (label_key(name), ident.lower(), *extra)
}
_TECHNIQUE = re.compile(r"\bT\d{4}(?:\.\d{3})?\b(?!\.\d)")


def extract_details(view: View, ctx: Context) -> None:
    found = fields(entries(view.nodes()))
    values: dict[str, object] = {}
    for item in found:
        ctx.note_answer(item)
        target = DETAIL_LABELS.get(label_key(item.label))
        if target is None or target in values:
            continue
        if target in _DETAIL_DATES:
            values[target] = ctx.timespan(item.value, item.line)
        elif item.applicable and item.known:
            values[target] = item.value
    previous = ctx.draft.details
    merged = previous.model_dump(exclude={"fields"}) if previous else {}
    merged.update({k: v for k, v in values.items() if merged.get(k) is None})
    old_fields = previous.fields if previous else ()
    ctx.draft.details = Details(**merged, fields=old_fields + tuple(found))


def extract_impact(view: View, ctx: Context) -> None:
    statements: dict[str, Statement] = {}
    others: list[Field] = []
    read = ctx.view_entries(view)
    for item in fields(read):
        ctx.note_answer(item)
        target = IMPACT_LABELS.get(label_key(item.label))
        if target is None or target in statements:
            others.append(item)
            continue
        values = {
            "text": item.value,
            "label": item.label,
            "applicable": item.applicable,
            "reason": item.reason,
            "line": item.line,
        }
        statements[target] = assembled(Statement, values, _STATEMENT_GIVEN)
    if ctx.draft.impact is None:
        impact: dict[str, object] = {name: statements.get(name) for name in _IMPACT_STATEMENTS}
        impact["fields"] = tuple(others)
        impact["text"] = entries_text(read)
        ctx.draft.impact = assembled(Impact, impact, {*statements, "fields", "text"})


# An impact's Statements and the Impact are built unvalidated (models.assembled), as
# Statement(text=…, label=…, applicable=…, reason=…, line=…) and Impact(**statements,
# fields=…, text=…) set them: their values are of the field types already (a Field's str, str,
# bool, str or None and int; the Statements, a tuple of Fields, a str), which the validator
# hands on (the very objects, a tuple of the same Fields), so the models are the ones it builds
# (~2-4 us an impact section; tests/test_doc_perf39_impact.py compares both). The Impact's
# values go in its field order, the absent statements None (their default), unset.
_STATEMENT_GIVEN = frozenset(Statement.model_fields)
_IMPACT_STATEMENTS = tuple(name for name in Impact.model_fields if name not in ("fields", "text"))
assert tuple(Impact.model_fields)[len(_IMPACT_STATEMENTS) :] == ("fields", "text")


def tactic_of(label: str) -> tuple[str, str] | None:
    """(canonical tactic name, TA id) for a label, or None."""
    return _TACTIC_BY_KEY.get(label_key(label))


def extract_methodology(view: View, ctx: Context) -> None:
    for node in view.nodes():
        if node.kind == "table":
            ctx.draft.methodology.extend(_tactic_rows(node))
    heading_tactic = tactic_of(view.root.section.heading)
    if heading_tactic is not None:  # a per-tactic section ('## Execution'): one row for it
        ctx.draft.methodology.append(_tactic_section(view, heading_tactic))
        return
    for entry in entries(view.nodes()):
        tactic = tactic_of(entry.label) if entry.label else None
        techniques = tuple(dict.fromkeys(_TECHNIQUE.findall(entry.text)))
        if tactic is None and not techniques:
            continue  # a note or prose, not a row
        item = entry.field() if entry.label else None
        row = TacticEntry(
            tactic=tactic[0] if tactic else (entry.label or ""),
            tactic_id=tactic[1] if tactic else None,
            text=entry.value if entry.label else entry.text,
            applicable=item.applicable if item else True,
            reason=item.reason if item else None,
            techniques=techniques,
            line=entry.line,
        )
        if item is not None:
            ctx.note_answer(item)
        ctx.draft.methodology.append(row)


def _tactic_section(view: View, tactic: tuple[str, str]) -> TacticEntry:
    text = plain_text(view.nodes())
    return TacticEntry(
        tactic=tactic[0],
        tactic_id=tactic[1],
        text=text,
        techniques=tuple(dict.fromkeys(_TECHNIQUE.findall(text))),
        line=view.root.section.line_start,
    )


def _tactic_rows(node: Node) -> list[TacticEntry]:
    """An ATT&CK table: `| Tactic | Technique Title | ID | Use |`, columns in any order."""
    rows = []
    for row in table_rows(node):
        cells = " ".join(cell.text for cell in row.cells)
        techniques = tuple(dict.fromkeys(_TECHNIQUE.findall(cells)))
        tactic_cell = row.roles.get("tactic")
        tactic = tactic_of(tactic_cell.text) if tactic_cell else None
        if tactic is None and not techniques:
            continue
        text_cell = row.roles.get("event") or row.roles.get("technique")
        rows.append(
            TacticEntry(
                tactic=tactic[0] if tactic else (tactic_cell.text if tactic_cell else ""),
                tactic_id=tactic[1] if tactic else None,
                text=text_cell.text if text_cell else cells,
                techniques=techniques,
                line=row.line,
            )
        )
    return rows


def extract_meta(view: View, ctx: Context) -> None:
    """Header facts: `## Date: …` headings, `## Status` sections and labelled title bullets."""
    for part in view.parts:
        found = list(entries(part.nodes))
        for item in fields(found):
            ctx.draft.metadata.append(item)
        if part.heading is None or part.index == ctx.outline.title_index:
            continue
        label, _, value = part.section.heading.partition(":")
        if not value.strip():
            value = "; ".join(e.text for e in found if not e.label)
        if value.strip():
            # built as Field(...) with the answer's values builds it (readers.answered_field)
            field = answered_field(label.strip(), value.strip(), part.section.line_start)
            ctx.draft.metadata.append(field)


def extract_metric_fields(view: View, ctx: Context) -> None:
    """Labelled pairs of a metrics section ('Time to detection: 5m'), two-column table rows
    included; Metrics reads the durations out of them."""
    ctx.draft.metric_fields.extend(fields(entries(view.nodes())))
    for node in view.nodes():
        if node.kind != "table":
            continue
        for row in table_rows(node):
            if len(row.cells) >= 2 and row.cells[0].text:
                label, value = row.cells[0].text, row.cells[1].text
                ctx.draft.metric_fields.append(Field(label=label, value=value, line=row.line))
