"""Round 28: one text.encode("ascii", "replace") of the report shared within a parse.

shared_reads.ascii_replaced keeps a non-ASCII text's encoding for the rest of one parse
(shared_reads.one_parse, which api.parse opens), keyed on the str object, and three passes
(dates.vocab.ascii_lower, ioc.scan.hex_runs, extract.document._id_matches) take it from there;
nothing is kept once the parse ends (checked here by counting the encodings of two parses).
Checked here against the plain encoding (the reference, as each site called it
before) on our texts (fixtures, docs, corpus when present, generated date text) and on
generated mixes of ASCII, '?', dashes, quotes and other characters, asked for in the orders a
parse asks (the report, short zone lines, the report again, an equal copy of the report); the
three passes' answers are compared with their plain definitions in those orders; and whole
parses of our reports are the same with the plain encoding put back at the three sites.
No timings.
"""

from __future__ import annotations

import importlib
import random

import pytest

import incidentparse
from incidentparse import shared_reads, source
from incidentparse.dates import vocab
from incidentparse.extract import document
from incidentparse.ioc.patterns import HEX_RUN

from .test_dates_perf import TEXTS
from .test_dates_perf27_ref_value import _reports

scan = importlib.import_module("incidentparse.ioc.scan")


def _plain(text: str) -> bytes:
    """The encoding each of the three sites made for itself before round 28."""
    return text.encode("ascii", "replace")


_PIECES = (
    "a", "B", "z", "0", "7", "?", " ", "\n", "-", "’", "—", "–", "é", "İ", "ı", "\u212a",
    "😀", "deadbeef", "EX1268771", "MO123456", "time", "2019", "ABCDEF0123456789" * 2,
)  # fmt: skip


def _generated(count: int, seed: int = 2801) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_PIECES, k=rng.randint(0, 40))) for _ in range(count)]


def _fresh_copy(text: str) -> str:
    """An equal str that is another object (slicing a whole str may hand back the same one)."""
    copy = "".join([text[:1], text[1:]])
    return copy if copy is not text or not text else "".join(list(text))


def _orders(texts: list[str]) -> list[str]:
    """The texts asked for as a parse asks: each one, short lines in between, it again, an
    equal copy of it, and the next one (so a kept encoding is asked for by another text)."""
    asked: list[str] = []
    for index, text in enumerate(texts):
        other = texts[(index * 7 + 3) % len(texts)]
        asked += [text, other[:14], "Time zone: UTC", text, _fresh_copy(text), text, other]
    return asked


def test_ascii_replaced_is_the_plain_encoding() -> None:
    texts = [*TEXTS, *_generated(20_000)]
    kept = 0
    with shared_reads.one_parse():
        memo = shared_reads._SCOPE.get()
        assert memo is not None
        for text in _orders(texts):
            was_kept = ("ascii", id(text)) in memo and memo[("ascii", id(text))][0] is text
            encoded = shared_reads.ascii_replaced(text)
            assert encoded == _plain(text), text
            kept += was_kept
    assert kept > 5000  # the kept encoding was handed out, not only new ones
    assert shared_reads._SCOPE.get() is None  # dropped at the scope's end
    for text in _orders(texts[:2000]):  # outside a parse: computed every time, nothing kept
        assert shared_reads.ascii_replaced(text) == _plain(text), text
    assert shared_reads._SCOPE.get() is None


def test_nothing_is_kept_between_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    """A report's encoding is made once in a parse, and again in the next parse of the same
    str object: a benchmark that parses a text twice measures the same work twice."""
    made: list[str] = []

    def counted(text: str) -> bytes:
        made.append(text)
        return _plain(text)

    monkeypatch.setattr(shared_reads, "_encoded", counted)
    report = next(text for text in _reports() if not text.isascii())
    loaded = source.load(report, None).text  # the text the passes are handed
    incidentparse.parse(report)
    assert made.count(loaded) == 1  # asked for by the three passes, made once
    incidentparse.parse(report)
    assert made.count(loaded) == 2
    assert shared_reads._SCOPE.get() is None


def test_the_three_passes_are_their_plain_definitions() -> None:
    for text in _orders([*TEXTS, *_generated(5000, seed=2802)]):
        assert vocab.ascii_lower(text) == _plain(text).lower(), text
        assert list(scan.hex_runs(text)) == [(m.start(), m.end()) for m in HEX_RUN.finditer(text)]
        for (_, pattern), matches in zip(
            document.IDENTIFIER_PATTERNS, document._id_matches(text), strict=True
        ):
            fast = [(m.start(), m.group(0)) for m in matches]
            assert fast == [(m.start(), m.group(0)) for m in pattern.finditer(text)], text


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _reports()
    assert any(not text.isascii() for text in texts)
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    for module in (vocab, scan, document):
        monkeypatch.setattr(module, "ascii_replaced", _plain)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
