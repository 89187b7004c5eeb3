"""Rules over what the parser noticed: its diagnostics, N/A answers and live indicators.

Input: a Context. Output: Hits; parse-time diagnostics keep their IP1xx-IP3xx codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..ioc import defang
from ..models import IncidentReport
from .base import Context, Hit
from .evidence import all_fields

RuleFn = Callable[[Context], Iterator[Hit]]


def diagnostics_of(code: str) -> RuleFn:
    """A rule that reports the parser's diagnostics with this code, as they are."""

    def rule(ctx: Context) -> Iterator[Hit]:
        for d in ctx.report.diagnostics:
            if d.code == code:
                yield Hit(d.message, d.line, d.column, hint=d.hint)

    rule.__name__ = f"diagnostics_{code}"
    rule.__doc__ = f"The parser's {code} diagnostics."
    return rule


def _bare_na(report: IncidentReport) -> Iterator[tuple[int, str]]:
    """(line, label) of every N/A answer that gives no reason."""
    for f in all_fields(report):
        if (not f.applicable or not f.known) and not f.reason:
            yield f.line, f.label
    for row in report.methodology:
        if not row.applicable and not row.reason:
            yield row.line, row.tactic
    for event in report.timeline:
        if not event.applicable and not event.reason:
            yield event.line, event.label or "timeline event"
    statements = list(report.lessons_learned) + list(report.root_cause)
    if report.impact:
        i = report.impact
        statements += [s for s in (i.financial, i.data_breach, i.operational, i.reputational) if s]
    for s in statements:
        if not s.applicable and not s.reason:
            yield s.line, s.label or "statement"


def na_without_reason(ctx: Context) -> Iterator[Hit]:
    seen: set[int] = set()
    for line, label in sorted(set(_bare_na(ctx.report))):
        if line not in seen:
            seen.add(line)
            yield Hit(f"'{label}' is N/A with no reason", line, 1, hint="say why, e.g. 'N/A (…)'")
    for d in ctx.report.diagnostics:
        if d.code == "IP103" and d.line not in seen:
            seen.add(d.line or 0)
            yield Hit(d.message, d.line, d.column, hint=d.hint)


# Marks of a defanged network indicator, for occurrences other than the first.
DEFANG_MARKS: tuple[str, ...] = (
    "[",
    "(.)",
    "{.}",
    "(dot)",
    "(at)",
    "hxxp",
    "hxxps",
    "fxp:",
    "meow:",
    "\\.",
)
# Sections where a live link is a citation, not an indicator.
CITATION_SECTIONS: frozenset[str] = frozenset({"references"})


def _live(raw: str) -> bool:
    lowered = raw.lower()
    return not any(mark in lowered for mark in DEFANG_MARKS)


def live_indicator(ctx: Context) -> Iterator[Hit]:
    for ioc in ctx.report.indicators:
        if ioc.category != "network" or ioc.in_code or ioc.section in CITATION_SECTIONS:
            continue  # a code span or block is not rendered as a link
        places = [(o.raw, o.line, o.column) for o in ioc.occurrences] or [
            (ioc.raw, ioc.line, ioc.column)
        ]
        for index, (raw, line, col) in enumerate(places):
            live = not ioc.defanged if index == 0 and raw == ioc.raw else _live(raw)
            if live:
                yield Hit(
                    f"{ioc.type} '{raw}' is written live; defang it",
                    line,
                    col,
                    col + len(raw),
                    hint=f"write it as {defang(ioc.value, ioc.type)}",
                )
