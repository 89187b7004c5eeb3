"""The verbs: text or a file to an IncidentReport. Orchestration only; each stage is a module.

source.load -> tokens.parse_blocks -> sections.build -> extract.run -> IncidentReport
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import Any

from . import extract, sections, source, tokens, wrappers
from .dates import infer_reference_date
from .diagnostics import Sink
from .extract import document, metrics
from .extract.readers import plain_text
from .inputs import read
from .models import SCHEMA_VERSION, IncidentReport, assembled
from .shared_reads import one_parse


def parse(
    text: str | bytes,
    *,
    path: str | None = None,
    reference_date: dt.date | None = None,
    heading_aliases: Mapping[str, str] | None = None,
) -> IncidentReport:
    """Parse one Markdown incident report.

    ``reference_date`` is R in docs/dates.md, the date relative expressions are read against.
    When not given it comes from the report (front matter, "as of …", "… report", the latest
    full date) and, failing that, from today's date. ``heading_aliases`` maps a team's own
    heading texts to section kinds.
    """
    # The whole text's encoding and '19'/'20' offsets, asked for by several stages, are read once
    # within this parse and dropped at its end (shared_reads).
    with one_parse():
        doc = source.load(text, path)
        sink = sink_for(doc)
        # The body's lines come from the source stage's own (body_lines), not a second split.
        blocks = wrappers.unwrap_fenced_report(tokens.parse_blocks(doc.body, doc.body_lines()))
        blocks = wrappers.drop_trailing_chatter(blocks, sink)
        outline = sections.build(blocks, len(doc.lines), sink, heading_aliases)
        anchor = reference_date or infer_reference_date(doc.text, front_matter=doc.front_matter)
        ctx = extract.Context(doc, outline, sink, anchor or dt.date.today())
        values = _assemble(ctx, extract.run(ctx))
        document.finish(values["report_type"], values["indicators"], ctx)
        # Built once, its diagnostics complete: a copy of a built report to add them cost as much.
        values["diagnostics"] = tuple(sink.items)
        return _report(values)


# The report is built unvalidated (models.assembled): validating it re-checked ~30 values the
# stages made of their field types already (models, tuples of models, str, the literals of the
# vocabulary tables), a fixed ~7-10 us per parse, as much as parsing an empty text's blocks.
# front_matter is the source stage's own dict, where validation made a copy: nothing else of
# the parse outlives it.
# Its values go in the model's field order; schema_version keeps its default, unset as in
# IncidentReport(**values). tests/test_fixed_perf20.py compares both on every report we have.
_REPORT_FIELDS = tuple(IncidentReport.model_fields)
_REPORT_GIVEN = frozenset(_REPORT_FIELDS) - {"schema_version"}


def _report(values: dict[str, Any]) -> IncidentReport:
    """The frozen report of the stages' values (every field but schema_version, in the model's
    order: _assemble's, then the diagnostics, the last field)."""
    if type(values["reference_date"]) is not dt.date:
        # A caller's reference date of another type (a datetime, a string) is validated:
        # converted or refused, as IncidentReport(...) does.
        return IncidentReport(**values)
    # One merge puts schema_version first, where a comprehension looked up all 29 fields by
    # name to order them (tests/test_doc_perf31.py holds values to the model's order).
    return assembled(IncidentReport, {"schema_version": SCHEMA_VERSION, **values}, _REPORT_GIVEN)


def _assemble(ctx: extract.Context, draft: extract.Draft) -> dict[str, Any]:
    """The frozen report's values: the Draft's sections (every Draft field but the WORKING
    ones) plus the document-level facts, in the model's field order (less schema_version first
    and the diagnostics last), the Draft's lists frozen to tuples (its list fields hold lists,
    the others a model, a str or None). Written out in that order, the dict is built once,
    where a dict of the Draft's fields, a dict(**...) of it and _report's reordering built
    three (tests/test_fixed_perf6.py holds every Draft field to be here, test_doc_perf31.py
    the order to the model's)."""
    title, title_id = document.title(ctx)
    status = document.status(ctx)
    preamble = ctx.outline.parts[0] if ctx.outline.parts[0].heading is None else None
    # Computed in the order the earlier dict(**the Draft's fields, ...) computed them.
    preamble_text = (plain_text(preamble.nodes) or None) if preamble else None
    report_type = document.report_type(ctx)
    identifiers = tuple(document.identifiers(ctx, title_id))
    derived = metrics.derive(draft, ctx, status)
    return {
        "source": ctx.doc.source,
        "front_matter": ctx.doc.front_matter,
        "title": title,
        "preamble": preamble_text,
        "summary": draft.summary,
        "report_type": report_type,
        "status": status,
        "reference_date": ctx.reference_date,
        "identifiers": identifiers,
        "details": draft.details,
        "timeline": tuple(draft.timeline),
        "methodology": tuple(draft.methodology),
        "impact": draft.impact,
        "root_cause": tuple(draft.root_cause),
        "indicators": tuple(draft.indicators),
        "indicator_fields": tuple(draft.indicator_fields),
        "response": draft.response,
        "lessons_learned": tuple(draft.lessons_learned),
        "recommendations": tuple(draft.recommendations),
        "references": tuple(draft.references),
        "metrics": derived,
        "metadata": tuple(draft.metadata),
        "detection": tuple(draft.detection),
        "people": tuple(draft.people),
        "attribution": tuple(draft.attribution),
        "communications": tuple(draft.communications),
        "sections": tuple(ctx.outline.sections),
    }


def sink_for(doc: source.SourceDocument) -> Sink:
    """A diagnostics sink, seeded with what the source stage noticed."""
    sink = Sink()
    if doc.front_matter_error:
        sink.add("unreadable-front-matter", doc.front_matter_error, line=1, column=1)
    return sink


def parse_file(
    path: str | os.PathLike[str],
    *,
    reference_date: dt.date | None = None,
    heading_aliases: Mapping[str, str] | None = None,
) -> IncidentReport:
    """Read and parse one report file; unreadable files raise InputError."""
    item = read(os.fspath(path))
    return parse(
        item.data,
        path=item.path,
        reference_date=reference_date,
        heading_aliases=heading_aliases,
    )
