"""Round 28: one pass for the report's '19'/'20' offsets, shared by infer_reference_date's
worth-lines filter and extract.Context's year index (shared_reads.century_starts, kept by the
str object within one parse); the filter tells its years from those offsets when they are few.

Checked against the plain computations (kept here as the reference: round 27's two literal
passes, and _worth_offsets' year finders) on our texts (fixtures, docs, corpus when present,
generated date text) and on generated runs of digits, years, look-alike Unicode digits and
other characters, both with few '19'/'20' and with many, asked for as a parse asks (the
report, another text, the report again, an equal copy of it); whole parses of our reports are
the same with the plain computations put back. No timings.
"""

from __future__ import annotations

import random

import pytest

import incidentparse
from incidentparse import shared_reads, source
from incidentparse.dates import document
from incidentparse.extract import Context, context

from .test_dates_perf import TEXTS
from .test_dates_perf27_ref_value import _reports
from .test_doc_perf27 import _plain_century_starts  # the find loop of round 26


def _plain_years(text: str) -> dict[bytes, list[int]]:
    """The year offsets as _worth_offsets found them before round 28: each finder's matches."""
    return {
        stem: [match.start() for match in finder.finditer(text)]
        for stem, finder in document._YEAR_FINDERS.items()
    }


_PIECES = (
    "1", "2", "9", "0", "19", "20", "2019", "1920", "2020", "191919", "202020", "12019", "٢٠",
    "１９", "x", " ", "-", "/", "\n", "é", "’", "200", "119", "220", "report", "as of",
    "Updated 2024-03-05", "posted", "date:", "a" * 40, "lorem ipsum dolor sit amet " * 3,
)  # fmt: skip


def _generated(count: int, seed: int = 2803) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_PIECES, k=rng.randint(0, 40))) for _ in range(count)]


def _copy(text: str) -> str:
    return "".join(list(text))


def _asked(texts: list[str]) -> list[str]:
    asked: list[str] = []
    for index, text in enumerate(texts):
        other = texts[(index * 7 + 3) % len(texts)]
        asked += [text, other, text, _copy(text), text]
    return asked


def test_century_starts_are_the_plain_offsets() -> None:
    texts = _asked([*TEXTS, *_generated(10_000)])
    for text in texts:  # outside a parse, each computed
        assert shared_reads.century_starts(text) == _plain_century_starts(text), text
    with shared_reads.one_parse():  # within one, kept by the str object
        for text in texts:
            assert shared_reads.century_starts(text) == _plain_century_starts(text), text


def test_few_years_are_the_finders_offsets() -> None:
    few = many = 0
    for text in _asked([*TEXTS, *_generated(10_000, seed=2804)]):
        years = document._few_years(text)
        if years is None:
            many += 1
        else:
            few += 1
            assert years == _plain_years(text), text
    assert few > 10_000 and many > 10_000  # both ways taken


def test_worth_offsets_are_the_plain_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _asked([*TEXTS, *_generated(5000, seed=2805)])
    fast = [document._worth_offsets(text) for text in texts]
    monkeypatch.setattr(document, "_few_years", lambda text: None)
    assert [document._worth_offsets(text) for text in texts] == fast


def test_context_reads_the_shared_offsets() -> None:
    for text in [*TEXTS[:300], *_generated(2000, seed=2806)]:
        doc = source.load(text, None)
        with shared_reads.one_parse():
            document._worth_scanning(doc.text)  # as infer_reference_date asks before it
            ctx = Context(doc, None, None, None)  # type: ignore[arg-type]
            assert ctx._century_starts == _plain_century_starts(doc.text)


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _reports()
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    monkeypatch.setattr(document, "_few_years", lambda text: None)
    monkeypatch.setattr(context, "century_starts", _plain_century_starts)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
