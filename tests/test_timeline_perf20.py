"""Round 20: extract.Context's anchors are computed by per_parse (cached_property without its
lock): the same values, kept for the parse. _plain_report_fields is the Draft's report values
(a getattr per Draft field, lists frozen to tuples), the reference test_doc_perf31 builds the
old report values from. No timings.
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
