"""Indicator (IOC) engine: Markdown or plain text to refanged, validated, deduplicated indicators.

Use ``extract_indicators`` for the indicators of a report (one per distinct value, with every
place it was written) and ``find_indicators`` to stream every occurrence in text order (for
highlighting, redaction or counting). ``refang`` and ``defang`` convert single values or spans.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TypedDict

from ..models import Indicator
from .classify import Env, Hit
from .context import context_of
from .fang import defang, refang
from .scan import scan
from .vocab import CATEGORY

__all__ = ["CATEGORY", "TYPES", "defang", "extract_indicators", "find_indicators", "refang"]

TYPES: tuple[str, ...] = tuple(CATEGORY)


def find_indicators(text: str, *, markdown: bool = True) -> Iterator[Indicator]:
    """Every indicator occurrence in text order, one ``Indicator`` each (not deduplicated).

    Use this to walk the text (highlight, redact, count); use ``extract_indicators`` for the
    list of distinct indicators. ``markdown=False`` ignores code spans, fences and tables.
    """
    hits, env = scan(text, markdown)
    for hit in hits:
        context = context_of(env.layout, env.labels, hit.start, hit.end)
        yield _indicator(env, hit, (_place(env, hit),), context, hit.defanged)


def extract_indicators(
    text: str, *, markdown: bool = True, line_starts: list[int] | None = None
) -> list[Indicator]:
    """Distinct indicators by (type, value) in order of first appearance, with every occurrence.

    The first occurrence gives ``raw``, ``line``, ``column``, ``start``, ``end`` and ``in_code``;
    ``context`` is the first non-empty note among the occurrences; ``defanged`` is True when any
    occurrence was written defanged. ``line_starts``, the offset where each line of text starts
    (0 first), spares the engine finding them when the caller has them already.
    """
    return placed_indicators(text, markdown=markdown, line_starts=line_starts)


def placed_indicators(
    text: str,
    *,
    markdown: bool = True,
    line_starts: list[int] | None = None,
    place: Callable[[int], tuple[str | None, str | None]] | None = None,
) -> list[Indicator]:
    """extract_indicators, each indicator built with the (section, label) that ``place`` gives
    for its first line: a caller that files indicators by section builds each model once
    instead of building it and then copying it with those two fields set."""
    hits, env = scan(text, markdown, line_starts)
    groups: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.type, hit.value), []).append(hit)
    out: list[Indicator] = []
    for group in groups.values():
        occurrences = tuple(_place(env, hit) for hit in group)
        context = None
        for hit in group:
            context = context_of(env.layout, env.labels, hit.start, hit.end)
            if context is not None:
                break
        defanged = any(hit.defanged for hit in group)
        placement: dict[str, str | None] = {}
        if place is not None:  # set (even to None) as model_copy(update=...) would set them
            placement["section"], placement["label"] = place(occurrences[0]["line"])
        out.append(_indicator(env, group[0], occurrences, context, defanged, placement))
    return out


class _Place(TypedDict):
    """An ``Occurrence``'s fields: the Indicator's validation builds the model from them."""

    raw: str
    line: int
    column: int
    start: int
    end: int


def _place(env: Env, hit: Hit) -> _Place:
    line, column = env.layout.position(hit.start)
    raw = env.text[hit.start : hit.end]
    return {"raw": raw, "line": line, "column": column, "start": hit.start, "end": hit.end}


def _indicator(
    env: Env,
    hit: Hit,
    occurrences: tuple[_Place, ...],
    context: str | None,
    defanged: bool,
    placement: Mapping[str, str | None] | None = None,
) -> Indicator:
    """The Indicator, its occurrences built by its own validation: pydantic makes each
    Occurrence from its fields inside one call, where constructing them one by one first cost
    a validator call apiece (the same models, fields set the same way)."""
    first = occurrences[0]
    return Indicator(
        type=hit.type,
        value=hit.value,
        raw=first["raw"],
        defanged=defanged,
        category=CATEGORY[hit.type],
        context=context,
        scope=hit.scope,
        in_code=env.layout.in_code(hit.start),
        line=first["line"],
        column=first["column"],
        start=first["start"],
        end=first["end"],
        occurrences=occurrences,
        **(placement or {}),
    )
