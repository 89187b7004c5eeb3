"""Round 20: extract.Context's Draft.report_fields reads the values with one attrgetter call;
the same keys, in the same order, with the same values (lists frozen to tuples) as a getattr
per Draft field, on drafts the extractors filled from the fixtures, docs, corpus (when present)
and generated texts, and on drafts holding every kind of value. No timings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

from incidentparse import extract, sections, source, tokens
from incidentparse.diagnostics import Sink
from incidentparse.extract.context import WORKING

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
