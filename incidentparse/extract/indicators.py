"""Indicators: the IOC engine's findings over the whole document, placed in their sections,
plus the indicators section's labelled rows (behavioural text, N/A answers kept as fields).

The engine runs once over the document body (one linear pass); each indicator is then given
the kind of the section it sits in and, inside an indicators section, the label of its row.
"""

from __future__ import annotations

from collections.abc import Callable

from ..ioc import placed_indicators
from ..models import Indicator, Reference
from ..sections import Part, View
from .context import Context
from .fields import label_key
from .readers import Entry

# Row labels whose value is free-text behaviour, not a machine indicator.
BEHAVIOR_LABELS: tuple[str, ...] = ("behavio", "ttp", "pattern", "observed behav")


def _is_behavior(label: str) -> bool:
    return label_key(label).startswith(BEHAVIOR_LABELS)


def extract_indicator_rows(view: View, ctx: Context) -> None:
    """Keep every labelled row; turn behavioural rows into `behavior` indicators."""
    for entry in ctx.view_entries(view):
        if not entry.label:
            continue
        item = entry.field()
        ctx.draft.indicator_fields.append(item)
        ctx.note_answer(item)
        if item.applicable and item.known and item.value and _is_behavior(entry.label):
            ctx.draft.indicators.append(_behavior(entry, ctx))


def _behavior(entry: Entry, ctx: Context) -> Indicator:
    line_text = ctx.doc.lines[entry.line - 1]
    column = line_text.find(entry.value[:20]) + 1 or 1
    return Indicator(
        type="behavior",
        value=entry.value,
        raw=entry.value,
        category="behavioral",
        label=entry.label,
        section="indicators",
        line=entry.line,
        column=column,
    )


# Section kinds whose (live) links are citations, not indicators.
CITATION_KINDS: frozenset[str] = frozenset({"references"})


def extract_document_indicators(ctx: Context) -> None:
    """Every IOC in the body, with its section kind and (in indicator rows) its label."""
    labels = _row_labels(ctx)
    kind_at = _kind_walk(ctx.outline.parts)

    def place(line: int) -> tuple[str | None, str | None]:
        kind = kind_at(line)
        return kind, labels.get(line) if kind == "indicators" else None

    # Each indicator is built with its section and label (not built, then copied with them).
    body, starts = ctx.doc.body, ctx.doc.body_line_starts
    for found in placed_indicators(body, line_starts=starts, place=place):
        if found.section in CITATION_KINDS and not found.defanged:  # defanged: meant as an IOC
            _cite(found, ctx)
            continue
        ctx.draft.indicators.append(found)


def _kind_walk(parts: list[Part]) -> Callable[[int], str]:
    """Outline.kind_at for lines asked in rising order, as placed_indicators asks them (each
    group's first line, groups in order of first appearance).

    kind_at reads every part from the first until one holds the line (~2.5 us an indicator on
    a report of twenty sections, a fifth of what placing it costs); here the parts that end
    before a line asked, at the head of the list, are passed once for all: they end before
    every later line as well, so the first part holding a line is still the first of the rest
    that holds it. A line below the one before starts the walk again from the first part (any
    order of asking gives kind_at's answer; tests/test_ioc_perf29.py compares both)."""
    skip = 0  # parts[:skip] end before ``last`` (and so before any line not below it)
    last = 0
    count = len(parts)

    def kind_at(line: int) -> str:
        nonlocal skip, last
        if line < last:
            skip = 0
        last = line
        at = skip
        while at < count:  # each part read once: passed for good, skipped, or the answer
            section = parts[at].section
            end = section.line_end
            if end < line:
                if at == skip:
                    skip += 1
            elif section.line_start <= line:
                return section.kind
            at += 1
        return "unknown"

    return kind_at


def _cite(found: Indicator, ctx: Context) -> None:
    """A bare URL in a references section is a reference (CommonMark does not link it)."""
    if found.type == "url" and all(ref.url != found.raw for ref in ctx.draft.references):
        ctx.draft.references.append(Reference(url=found.raw, line=found.line))


def _row_labels(ctx: Context) -> dict[int, str]:
    """Line -> label of the indicators-section row that covers it."""
    labels: dict[int, str] = {}
    for view in ctx.outline.views:
        if view.kind != "indicators":
            continue
        for entry in ctx.view_entries(view):
            if entry.label:
                for line in range(entry.line, entry.end_line + 1):
                    labels[line] = entry.label
    return labels
