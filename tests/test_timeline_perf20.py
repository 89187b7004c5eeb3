"""Round 20: extract.Context's anchors are computed by per_parse (cached_property without its
lock): the same values, kept for the parse. Draft.report_fields reads the values with one
attrgetter call: the same keys, in the same order, with the same values (lists frozen to
tuples) as a getattr per Draft field, on drafts the extractors filled from the fixtures, docs,
corpus (when present) and generated texts, and on drafts holding every kind of value. No
timings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import fields

from incidentparse import extract, sections, source, tokens
from incidentparse.dates import detect_dayfirst
from incidentparse.diagnostics import Sink
from incidentparse.extract.context import WORKING, declared_zone, letter_runs, per_parse

from .test_dates_perf import TEXTS

_REFERENCE = dt.date(2024, 5, 1)


def _plain_report_fields(draft: extract.Draft) -> list[tuple[str, object]]:
    values = {f.name: getattr(draft, f.name) for f in fields(draft) if f.name not in WORKING}
    return [(k, tuple(v) if isinstance(v, list) else v) for k, v in values.items()]


def test_report_fields_are_a_getattr_per_field_in_order() -> None:
    filled = 0
    for text in TEXTS[:300]:
        doc = source.load(text)
        sink = Sink()
        outline = sections.build(tokens.parse_blocks(doc.body), len(doc.lines), sink)
        draft = extract.run(extract.Context(doc, outline, sink, _REFERENCE))
        got = draft.report_fields()
        assert list(got.items()) == _plain_report_fields(draft)
        filled += any(value for value in got.values())
    assert filled >= 30


def test_report_fields_of_odd_values() -> None:
    draft = extract.Draft(summary="s", timeline=[], metadata=[])
    draft.people = ()  # type: ignore[assignment]  # not a list: kept as it is
    draft.references = [1, 2]  # type: ignore[list-item]
    assert list(draft.report_fields().items()) == _plain_report_fields(draft)


# --- extract.context.per_parse: cached_property without the lock ------------------------------


def test_per_parse_computes_once_and_keeps_the_value() -> None:
    calls: list[int] = []

    class Holder:
        @per_parse
        def value(self) -> list[int]:
            """Its doc."""
            calls.append(1)
            return [len(calls)]

    assert isinstance(Holder.__dict__["value"], per_parse)
    assert Holder.value.__doc__ == "Its doc."
    one, other = Holder(), Holder()
    first = one.value
    assert one.value is first and one.__dict__["value"] is first
    assert other.value == [2] and one.value == [1] and len(calls) == 2


def test_context_anchors_are_their_definitions() -> None:
    for text in TEXTS[:300]:
        doc = source.load(text)
        sink = Sink()
        outline = sections.build(tokens.parse_blocks(doc.body), len(doc.lines), sink)
        ctx = extract.Context(doc, outline, sink, _REFERENCE)
        assert ctx.lowered == doc.text.lower()
        assert ctx.lowered_runs == letter_runs(doc.text.lower())
        assert ctx.default_zone == (declared_zone(doc.text) or "UTC")
        numeric = re.search(r"\d[/-](?:19|20)\d\d", doc.text) is not None
        plain_dayfirst = detect_dayfirst(doc.text, _REFERENCE) if numeric else None
        assert ctx.dayfirst == plain_dayfirst
        assert ctx._century_starts == sorted(m.start() for m in re.finditer(r"(?=19|20)", doc.text))
        for name in ("lowered", "lowered_runs", "default_zone", "dayfirst", "_century_starts"):
            assert name in vars(ctx)  # kept for the rest of the parse
