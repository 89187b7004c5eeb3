"""Indicator (IOC) engine: Markdown or plain text to refanged, validated, deduplicated indicators.

Use ``extract_indicators`` for the indicators of a report (one per distinct value, with every
place it was written) and ``find_indicators`` to stream every occurrence in text order (for
highlighting, redaction or counting). ``refang`` and ``defang`` convert single values or spans.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Final

from ..models import Indicator, Occurrence, assembled
from .classify import Env, Hit
from .context import context_on
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
    layout, labels = env.layout, env.labels
    for hit in hits:
        line = layout.line(hit.start)
        context = context_on(layout, labels, hit.start, hit.end, line)
        occurrence = _place(env, hit, line)
        yield _indicator(env, hit, (occurrence,), context, hit.defanged, line)


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
    layout, labels = env.layout, env.labels
    out: list[Indicator] = []
    for group in groups.values():
        first = group[0]
        if len(group) == 1:
            # Most indicators are written once: the steps below for one hit, without the
            # lists, zips and generator they take for many (the same calls, in the same order).
            line = layout.line(first.start)
            occurrences: tuple[Occurrence, ...] = (_place(env, first, line),)
            context = context_on(layout, labels, first.start, first.end, line)
            defanged = first.defanged
        else:
            # Each hit's line is looked up once, for its occurrence, its context and (the first
            # hit's) in_code, where each of the three looked it up again (a bisect and calls).
            lines = [layout.line(hit.start) for hit in group]
            pairs = zip(group, lines, strict=True)
            occurrences = tuple([_place(env, hit, line) for hit, line in pairs])
            context = None
            for hit, line in zip(group, lines, strict=True):
                context = context_on(layout, labels, hit.start, hit.end, line)
                if context is not None:
                    break
            defanged = any(hit.defanged for hit in group)
            line = lines[0]
        placement: dict[str, str | None] = {}
        if place is not None:  # set (even to None) as model_copy(update=...) would set them
            placement["section"], placement["label"] = place(occurrences[0].line)
        out.append(_indicator(env, first, occurrences, context, defanged, line, placement))
    return out


# The names of the fields given (the values' dicts hold every field in the models' own order,
# which ``assembled`` stores as validation would). Frozensets: ``assembled`` copies them into
# the model's fields set, faster from a frozenset than from a tuple (the same set either way).
_OCCURRENCE_FIELDS: Final = frozenset(("raw", "line", "column", "start", "end"))
_GIVEN: Final = frozenset((
    "type", "value", "raw", "defanged", "category", "context", "scope", "in_code", "line",
    "column", "start", "end", "occurrences",
))  # fmt: skip
_GIVEN_PLACED: Final = _GIVEN | {"section", "label"}


def _place(env: Env, hit: Hit, line: tuple[int, int, int]) -> Occurrence:
    """The Occurrence of hit, on ``line``: what ``env.layout.line(hit.start)`` gives (its
    index and start give Layout.position's line and column)."""
    start = hit.start
    values = {
        "raw": env.text[start : hit.end],
        "line": line[0] + 1,
        "column": start - line[1] + 1,
        "start": start,
        "end": hit.end,
    }
    return assembled(Occurrence, values, _OCCURRENCE_FIELDS)


def _indicator(
    env: Env,
    hit: Hit,
    occurrences: tuple[Occurrence, ...],
    context: str | None,
    defanged: bool,
    line: tuple[int, int, int],
    placement: Mapping[str, str | None] | None = None,
) -> Indicator:
    """The Indicator and its Occurrences as validation builds them, not validated: every
    value is of its field's type already (strings, ints, bools, the scope and category
    literals the vocabulary holds), which validation hands on unchanged, and validating the
    model cost more than finding most indicators (tests/test_ioc_perf17.py compares both on
    every indicator of the fixtures, the corpus and generated text). ``line`` is the line of
    hit (``env.layout.line(hit.start)``)."""
    first = occurrences[0]
    placed = placement or {}
    values = {
        "type": hit.type,
        "value": hit.value,
        "raw": first.raw,
        "defanged": defanged,
        "category": CATEGORY[hit.type],
        "context": context,
        "label": placed.get("label"),
        "section": placed.get("section"),
        "scope": hit.scope,
        "in_code": env.layout.in_code_on(hit.start, line[1], line[2]),
        "line": first.line,
        "column": first.column,
        "start": first.start,
        "end": first.end,
        "occurrences": occurrences,
    }
    return assembled(Indicator, values, _GIVEN_PLACED if placement else _GIVEN)
