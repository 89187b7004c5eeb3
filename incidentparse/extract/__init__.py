"""Extract stage: section views to a Draft, one extractor per section kind (the table below).

Adding a kind is adding a row. Kinds without a row (meta, appendix, people, unknown…) are kept
as sections with their lines and contribute nothing else.
"""

from __future__ import annotations

from collections.abc import Callable

from ..sections import View
from .actions import advisory_actions, extract_actions, extract_references
from .context import Context, Draft
from .fields import (
    extract_details,
    extract_impact,
    extract_meta,
    extract_methodology,
    extract_metric_fields,
)
from .indicators import extract_document_indicators, extract_indicator_rows
from .statements import (
    extract_attribution,
    extract_communications,
    extract_detection,
    extract_lessons,
    extract_people,
    extract_response,
    extract_root_cause,
    extract_summary,
)
from .timeline import extract_narrative, extract_timeline

Extractor = Callable[[View, Context], None]

EXTRACTORS: dict[str, Extractor] = {
    "meta": extract_meta,
    "summary": extract_summary,
    "details": extract_details,
    "timeline": extract_timeline,
    "methodology": extract_methodology,
    "impact": extract_impact,
    "root_cause": extract_root_cause,
    "indicators": extract_indicator_rows,
    "response": extract_response,
    "lessons_learned": extract_lessons,
    "action_items": extract_actions,
    "references": extract_references,
    "detection": extract_detection,
    "people": extract_people,
    "attribution": extract_attribution,
    "communications": extract_communications,
    "metrics": extract_metric_fields,
}


def run(ctx: Context) -> Draft:
    """Run the extractor of every view's kind, in document order, then the document pass."""
    for view in ctx.outline.views:
        extractor = EXTRACTORS.get(view.kind)
        if extractor is not None:
            extractor(view, ctx)
    if not any(view.kind == "timeline" for view in ctx.outline.views):
        for view in ctx.outline.views:
            if view.kind == "summary":
                extract_narrative(view, ctx)
    advisory_actions(ctx)
    extract_document_indicators(ctx)
    ctx.draft.indicators.sort(key=lambda item: (item.line, item.column))
    ctx.draft.references.sort(key=lambda ref: ref.line)
    return ctx.draft


__all__ = ["EXTRACTORS", "Context", "Draft", "Extractor", "run"]
