"""Counted kinds for custom profiles' minimum counts, and the rule that checks them.

Input: a Context whose profile may set ``minimum`` counts. Output: one Hit per shortfall.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..models import IncidentReport
from .base import Context, Hit
from .evidence import dated

# Countable kinds for custom profiles' minimum counts: kind -> counter over the report.
COUNTERS: dict[str, Callable[[IncidentReport], int]] = {
    "timeline": lambda r: sum(e.applicable for e in r.timeline),
    "dated_timeline": lambda r: sum(dated(e.when) for e in r.timeline),
    "action_items": lambda r: len(r.recommendations),
    "owned_action_items": lambda r: sum(bool(i.owner) for i in r.recommendations),
    "lessons_learned": lambda r: sum(s.applicable for s in r.lessons_learned),
    "root_cause": lambda r: sum(s.applicable for s in r.root_cause),
    "indicators": lambda r: sum(i.type != "behavior" for i in r.indicators),
    "references": lambda r: len(r.references),
    "response": lambda r: (
        0
        if r.response is None
        else sum(
            s.applicable
            for s in r.response.containment
            + r.response.eradication
            + r.response.recovery
            + r.response.other
        )
    ),
}


def count(report: IncidentReport, kind: str) -> int:
    """Items of a countable kind, or sections of a section kind."""
    if kind in COUNTERS:
        return COUNTERS[kind](report)
    return sum(s.kind == kind for s in report.sections)


def too_few_items(ctx: Context) -> Iterator[Hit]:
    """IP425: each shortfall against the custom profile's minimum counts."""
    for kind, minimum in ctx.choice.profile.minimum.items():
        have = count(ctx.report, kind)
        if have < minimum:
            what = kind.replace("_", " ")
            yield Hit(f"profile '{ctx.choice.profile.name}' needs {minimum} {what}; found {have}")
