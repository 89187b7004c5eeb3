"""Round 31: a plain label that is one shape from its first character resolved directly.

`dates.sequence._shape_read` / `_shaped_value`: a plain str label (a table's Time cell,
'2022-03-18 08:37') whose shapes' reading starts at 0 of the stripped label and spans it is
resolved by to_span of that value, where resolve_sequence handed it to _known_value, which
stripped it again and asked is_template and reads_known. Compared with _known_value (the
general path) on every table cell and line of our reports and on generated labels dense in
stamp shapes, under many options and carried days; resolve_sequence gives what it gives with
the direct path refused, and every report parses the same.
"""

from __future__ import annotations

import random

import pytest

from incidentparse import parse
from incidentparse.dates import sequence

from .test_timeline_perf11 import DOCS, _doc_rows
from .test_timeline_perf26_stamp import STAMP_PIECES
from .test_timeline_perf27_seq import OPTIONS, contexts

_LEADS = ("", " ", "  ", "\t", "**", "[", "(", "`", "'", "_", "x", "~")
_TAILS = ("", " ", "\t", " |", "]", ": ", ":", " UTC", " BST", "-ish", " to 14:00", "\n")


def _cells() -> list[str]:
    """Every '|'-separated cell of every line of the reports, as written and stripped."""
    out: list[str] = []
    for doc in DOCS:
        for line in doc.splitlines():
            if "|" in line:
                for cell in line.split("|"):
                    out.extend((cell, cell.strip()))
    return [text for text in dict.fromkeys(out) if text]


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    digits = [p for p in STAMP_PIECES if p[:1].isdigit()]
    return [
        rng.choice(_LEADS)
        + rng.choice(digits)
        + rng.choice(("", " ", ", ", "  ")).join(
            rng.choice(digits) for _ in range(rng.randint(0, 2))
        )
        + rng.choice(_TAILS)
        for _ in range(count)
    ]


def _compare(labels: list[str]) -> int:
    """Labels the direct path takes, asserting each answer against _known_value."""
    taken = 0
    for n, label in enumerate(labels):
        options = OPTIONS[n % len(OPTIONS)]
        for ctx in contexts(options):
            read = sequence._shape_read(label, ctx)
            assert (read and read[0]) == sequence._shape_reading(label, ctx)
            if read is None or read[0].begin != 0:
                continue
            assert read[1] == label.strip()
            env = options.env()
            fast = sequence._shaped_value(read[1], read[0], env, ctx)
            assert fast == sequence._known_value(label, read[0], env, ctx), (label, ctx)
            taken += 1
    return taken


def test_report_labels_resolve_as_known_value() -> None:
    # table cells and lines of the repository's own Markdown alone: the fast path is taken
    assert _compare(_cells() + _doc_rows()) > 20


def test_generated_labels_resolve_as_known_value() -> None:
    assert _compare(_generated(6000, 311)) > 600  # 910


def test_sequences_resolve_as_with_known_value(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(312)
    labels = _generated(3000, 313) + _cells()
    runs = [[rng.choice(labels) for _ in range(rng.randint(1, 8))] for _ in range(400)]
    options = [OPTIONS[n % len(OPTIONS)] for n in range(len(runs))]
    fast = [sequence.resolve_sequence(run, o) for run, o in zip(runs, options, strict=True)]
    monkeypatch.setattr(sequence, "_shaped_value", sequence._known_value)
    plain = [sequence.resolve_sequence(run, o) for run, o in zip(runs, options, strict=True)]
    assert fast == plain


def test_reports_parse_as_with_known_value(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [parse(doc).model_dump_json() for doc in DOCS]
    monkeypatch.setattr(sequence, "_shaped_value", sequence._known_value)
    plain = [parse(doc).model_dump_json() for doc in DOCS]
    assert fast == plain
