"""Timeline extractor: a timeline View (its phase or timestamp sub-headings included) to
TimelineEvents in document order.

Entries are read in order with a little state: a bold label with no value (`**Response:**`)
opens a group that the following sibling bullets belong to (the seed's implied grouping); a
label that reads as a date or time dates its event; a phase label starts its own event; a
phase sub-heading whose entries are plain fields (Date/Time, Vector, Details) is one event.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..answers import classify
from ..models import Field, TimelineEvent, TimeSpan
from ..sections import Part, View
from ..tokens import Node
from .context import Context
from .fields import label_key
from .readers import Entry, entries, table_rows

# Phase names (label_key form) -> canonical phase. One row per spelling.
PHASES: dict[str, str] = {
    "reconnaissance": "reconnaissance",
    "initial access": "initial_access",
    "execution": "execution",
    "persistence": "persistence",
    "privilege escalation": "privilege_escalation",
    "defense evasion": "defense_evasion",
    "credential access": "credential_access",
    "discovery": "discovery",
    "lateral movement": "lateral_movement",
    "collection": "collection",
    "command and control": "command_and_control",
    "exfiltration": "exfiltration",
    "data exfiltration": "exfiltration",
    "data exfiltration and impact": "impact",
    "impact": "impact",
    "detection": "detection",
    "detection and response": "detection",
    "detection and analysis": "detection",
    "identification": "detection",
    "response": "response",
    "containment": "containment",
    "eradication": "eradication",
    "recovery": "recovery",
    "resolution": "recovery",
    "mitigation": "response",
    "post incident": "post_incident",
    "post incident activity": "post_incident",
}
# Labels inside a phase block that describe the event rather than start a new one.
EVENT_FIELD_LABELS: frozenset[str] = frozenset(
    {"date and time", "date", "time", "when", "timestamp", "vector", "details", "description",
     "source", "actor", "who", "evidence", "tools", "method", "technique", "notes", "note"}
)
_WHEN_LABELS = frozenset({"date and time", "date", "time", "when", "timestamp"})


def phase_of(label: str | None) -> str | None:
    return PHASES.get(label_key(label)) if label else None


@dataclass
class _Group:
    """The label and phase a run of sibling entries belongs to."""

    label: str | None
    phase: str | None


def extract_timeline(view: View, ctx: Context) -> None:
    for part in view.parts:
        heading = part.section.heading if part is not view.root else None
        group = _Group(heading, phase_of(heading))
        found = [e for n in part.nodes if n.kind != "table" for e in entries([n])]
        if heading and found and all(_is_event_field(e) for e in found):
            ctx.draft.timeline.append(_phase_block(part, found, group, ctx))
        else:
            for entry in found:
                group = _read_entry(entry, group, heading, ctx)
        for node in part.nodes:
            if node.kind == "table":
                ctx.draft.timeline.extend(_table_events(node, group, ctx))


def _is_event_field(entry: Entry) -> bool:
    return entry.label is not None and label_key(entry.label) in EVENT_FIELD_LABELS


def _phase_block(part: Part, found: list[Entry], group: _Group, ctx: Context) -> TimelineEvent:
    """A phase heading whose entries are all fields: one event carrying them."""
    items = [entry.field() for entry in found]
    when: TimeSpan | None = None
    for item in items:
        ctx.note_answer(item)
        if label_key(item.label) in _WHEN_LABELS and when is None:
            when = ctx.timespan(item.value, item.line)
    details = next((f.value for f in items if label_key(f.label) in ("details", "description")), "")
    return TimelineEvent(
        when=when,
        phase=group.phase,
        label=group.label,
        text=details or "; ".join(f"{f.label}: {f.value}" for f in items),
        fields=tuple(items),
        line=found[0].line,
    )


def _read_entry(entry: Entry, group: _Group, heading: str | None, ctx: Context) -> _Group:
    """Turn one entry into an event (or a group header); return the group for what follows."""
    if entry.label and entry.bold and not entry.value:
        return _Group(entry.label, phase_of(entry.label) or group.phase)
    if entry.label and entry.bold and phase_of(entry.label):
        ctx.draft.timeline.append(_event(entry, entry.value, None, entry.label, ctx))
        return _Group(heading, phase_of(heading))
    when = ctx.timespan(entry.label, entry.line, report=False) if entry.label else None
    text = entry.value if when is not None else entry.text
    event = _event(entry, text, when, group.label, ctx, phase=group.phase)
    ctx.draft.timeline.append(event)
    return group


def _event(
    entry: Entry,
    text: str,
    when: TimeSpan | None,
    label: str | None,
    ctx: Context,
    *,
    phase: str | None = None,
) -> TimelineEvent:
    answer = classify(entry.text if entry.label and not entry.bold else text)
    if not answer.applicable and not entry.value and entry.label:
        answer = classify(entry.text)
    keep_field = entry.label is not None and when is None and not entry.bold and answer.applicable
    fields = (entry.field(),) if keep_field else ()
    return TimelineEvent(
        when=when,
        phase=phase_of(label) if phase is None and label else phase,
        label=label,
        text=text,
        applicable=answer.applicable,
        reason=answer.reason,
        fields=fields,
        line=entry.line,
    )


def _table_events(node: Node, group: _Group, ctx: Context) -> list[TimelineEvent]:
    events = []
    for row in table_rows(node):
        stamp = row.roles.get("time") or row.roles.get("date") or row.cells[0]
        body = row.roles.get("event") or (row.cells[1] if len(row.cells) > 1 else stamp)
        when = ctx.timespan(stamp.text, row.line, report=False) if stamp.text else None
        label = None if when is not None else stamp.text or None
        events.append(
            TimelineEvent(
                when=when,
                phase=phase_of(label) or group.phase,
                label=label or group.label,
                text=body.text,
                fields=tuple(
                    Field(label=f"column {n + 1}", value=c.text, line=row.line)
                    for n, c in enumerate(row.cells)
                    if c is not stamp and c is not body and c.text
                ),
                line=row.line,
            )
        )
    return events
