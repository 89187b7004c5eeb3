"""Round 27: a stamp that is its own shapes' reading at 0 resolved without _known_value's tests.

`dates.sequence._whole_stamp` / `_whole_stamp_value`: a dates.leading.Stamp opening with a
digit whose reading (or shaped month and day) the sequence hands on is resolved directly
(to_span of its text), where _known_value stripped it, asked is_template and reads_known first.
Compared with _known_value (the general path) on every stamp the timeline finds in the lines
and paragraphs of our reports and in generated rows dense in stamp shapes, under many options
and carried days; resolve_sequence over the stamps gives what it gives over their plain text,
and every report parses the same with the direct path refused.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from incidentparse import parse
from incidentparse.dates import sequence
from incidentparse.dates.leading import Stamp
from incidentparse.dates.points import Ctx
from incidentparse.dates.scan import Options
from incidentparse.extract import timeline

from .test_timeline_perf9 import _doc_paragraphs
from .test_timeline_perf11 import DOCS, REFERENCES, _doc_rows
from .test_timeline_perf26_stamp import STAMP_PIECES

REFS = (*REFERENCES, dt.date(1901, 1, 2), dt.date(2099, 12, 31))


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(("", " ", "", ": ")).join(
            rng.choice(STAMP_PIECES) for _ in range(rng.randint(1, 5))
        )
        for _ in range(count)
    ]


def _stamps(texts: list[str]) -> list[Stamp]:
    out: list[Stamp] = []
    for n, text in enumerate(texts):
        found = timeline._stamp_of(text, REFS[n % len(REFS)])
        if found is not None:
            assert isinstance(found[0], Stamp)
            out.append(found[0])
    return out


OPTIONS: tuple[Options, ...] = tuple(
    Options(reference, context_year, zone, dayfirst)
    for reference in REFS
    for context_year, zone, dayfirst in (
        (None, "UTC", None),
        (2018, "BST", True),
        (2025, "America/New_York", False),
        (None, "UTC+00:00", None),
        (2019, "IST", None),
    )
)


def contexts(options: Options) -> tuple[Ctx, ...]:
    """The grammar contexts a value is read under: no anchor, two plain days, the extremes."""
    return (
        Ctx(options.reference, dayfirst=options.dayfirst),
        Ctx(options.reference, anchor=dt.date(2019, 3, 26), dayfirst=options.dayfirst),
        Ctx(options.reference, anchor=dt.date(2020, 2, 29), dayfirst=options.dayfirst),
        Ctx(options.reference, anchor=dt.date.max, dayfirst=options.dayfirst),
        Ctx(options.reference, anchor=dt.date.min, dayfirst=options.dayfirst),
    )


def _compare(stamps: list[Stamp]) -> int:
    """Stamps the direct path takes, asserting each answer against _known_value."""
    taken = 0
    for n, stamp in enumerate(stamps):
        options = OPTIONS[n % len(OPTIONS)]
        for ctx in contexts(options):
            known = sequence._reading(stamp, options, ctx)
            if known is None or not sequence._whole_stamp(stamp, known):
                continue
            env = options.env()
            fast = sequence._whole_stamp_value(stamp, known, env, ctx)
            plain = sequence._known_value(stamp, known, env, ctx)
            assert fast == plain, (stamp, options, ctx)
            assert fast is None or type(fast[0].text) is str
            taken += 1
    return taken


def test_report_stamps_resolve_as_known_value() -> None:
    # 45 on the repository's lines alone, 220 with the corpus and the paragraphs
    assert _compare(_stamps(_doc_rows() + _doc_paragraphs())) > 40


def test_generated_stamps_resolve_as_known_value() -> None:
    assert _compare(_stamps(_generated(6000, 271))) > 3000  # 4105


def test_sequences_resolve_as_their_plain_text() -> None:
    rng = random.Random(272)
    texts = _generated(3000, 273)
    for n in range(400):
        reference = REFS[n % len(REFS)]
        rows = [rng.choice(texts) for _ in range(rng.randint(1, 8))]
        stamps = [found[0] if (found := timeline._stamp_of(r, reference)) else "" for r in rows]
        for options in OPTIONS[(n % len(REFS)) * 5 : (n % len(REFS)) * 5 + 5]:
            fast = sequence.resolve_sequence(stamps, options)
            assert fast == sequence.resolve_sequence([str(s) for s in stamps], options), stamps


def test_reports_parse_as_with_known_value(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [parse(doc).model_dump_json() for doc in DOCS]
    monkeypatch.setattr(sequence, "_whole_stamp", lambda text, known: False)
    plain = [parse(doc).model_dump_json() for doc in DOCS]
    assert fast == plain
