"""Predicates over an IncidentReport that the rules share: is a value really there?

"Present" follows completeness.md: found, not empty, not a placeholder; an explicit N/A with a
reason answers a question that does not apply, a bare N/A does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..answers import classify
from ..models import Field, IncidentReport, Statement, TimelineEvent, TimeSpan

# Values that look like text but are template residue (completeness.md "Present").
_RESIDUE = re.compile(
    r"^\s*(?:\[\s*(?:\.\.\.|…)?\s*\]|x{3,}|yyyy-mm-dd|tbd|todo|tbc|tba|\?+|\[\?+\])\s*$",
    re.IGNORECASE,
)

TIME_GRAINS: frozenset[str] = frozenset({"hour", "minute", "second"})
DAY_OR_FINER: frozenset[str] = TIME_GRAINS | {"day"}
# Zone sources that tie a clock time to UTC; "assumed" means the parser had no evidence.
RESOLVED_ZONES: frozenset[str] = frozenset({"explicit", "abbreviation", "declared"})


def has_text(value: str | None) -> bool:
    """A real answer: not empty, not N/A / TBD / Unknown, not template residue."""
    if value is None or not value.strip() or _RESIDUE.match(value):
        return False
    return not classify(value).placeholder


def na_with_reason(applicable: bool, reason: str | None) -> bool:
    return not applicable and bool(reason and reason.strip())


def statement_answers(s: Statement) -> bool:
    """A statement with content, or an N/A that says why."""
    if s.applicable:
        return has_text(s.text)
    return na_with_reason(s.applicable, s.reason)


def any_answered(items: Iterable[Statement]) -> bool:
    return any(statement_answers(s) for s in items)


def field_answers(f: Field) -> bool:
    if f.applicable and f.known:
        return has_text(f.value)
    return bool(f.reason and f.reason.strip())


def event_answers(e: TimelineEvent) -> bool:
    if e.applicable:
        return has_text(e.text) or any(field_answers(f) for f in e.fields)
    return na_with_reason(e.applicable, e.reason)


def all_fields(report: IncidentReport) -> Iterator[Field]:
    """Every labelled pair of the report: details, impact, timeline events, indicators."""
    if report.details:
        yield from report.details.fields
    if report.impact:
        yield from report.impact.fields
    for event in report.timeline:
        yield from event.fields
    yield from report.indicator_fields


def labelled(report: IncidentReport, pattern: re.Pattern[str]) -> list[Field]:
    """Fields whose label matches pattern and that answer (value or N/A with a reason)."""
    return [f for f in all_fields(report) if pattern.search(f.label) and field_answers(f)]


def front_matter_value(report: IncidentReport, *keys: str) -> str | None:
    """The first front-matter value among keys (case-insensitive), as text."""
    lowered = {k.lower(): v for k, v in report.front_matter.items()}
    for key in keys:
        value = lowered.get(key)
        if value is not None and str(value).strip():
            return str(value)
    return None


def dated(span: TimeSpan | None) -> bool:
    """A span that resolved to a date (either end)."""
    return span is not None and (span.start is not None or span.end is not None)


def grain_in(span: TimeSpan | None, grains: frozenset[str]) -> bool:
    return dated(span) and span is not None and span.grain in grains


def section_line(report: IncidentReport, *kinds: str) -> int | None:
    """Heading line of the first section of one of kinds, to point a finding at."""
    for section in report.sections:
        if section.kind in kinds and section.level > 0:
            return section.line_start
    return None


def has_section(report: IncidentReport, *kinds: str) -> bool:
    return section_line(report, *kinds) is not None


def narrative(report: IncidentReport) -> Iterator[str]:
    """Free text where authors state causes and triggers outside their own sections."""
    if report.summary:
        yield report.summary
    for event in report.timeline:
        yield event.text
        yield from (f.value for f in event.fields)
    for statement in response_statements(report):
        yield statement.text
    yield from (s.text for s in report.root_cause)


def response_statements(report: IncidentReport) -> tuple[Statement, ...]:
    r = report.response
    if r is None:
        return ()
    return r.containment + r.eradication + r.recovery + r.other
