"""Round 28: one text.encode("ascii", "replace") of the report shared per parse.

vocab.ascii_replaced keeps the last non-ASCII text's encoding, keyed on the str object, and
three passes (dates.vocab.ascii_lower, ioc.scan.hex_runs, extract.document._vendor_ids) take it
from there. Checked here against the plain encoding (the reference, as each site called it
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
    for text in _orders(texts):
        before = vocab._last_encoded
        encoded = vocab.ascii_replaced(text)
        assert encoded == _plain(text), text
        kept += before[0] is text and not text.isascii()
    assert kept > 5000  # the kept encoding was handed out, not only new ones


def test_the_three_passes_are_their_plain_definitions() -> None:
    vendor = dict(document.IDENTIFIER_PATTERNS)["vendor_incident"]
    for text in _orders([*TEXTS, *_generated(5000, seed=2802)]):
        assert vocab.ascii_lower(text) == _plain(text).lower(), text
        assert list(scan.hex_runs(text)) == [(m.start(), m.end()) for m in HEX_RUN.finditer(text)]
        fast = [(m.start(), m.group(0)) for m in document._vendor_ids(vendor, text)]
        assert fast == [(m.start(), m.group(0)) for m in vendor.finditer(text)], text


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _reports()
    assert any(not text.isascii() for text in texts)
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    for module in (vocab, scan, document):
        monkeypatch.setattr(module, "ascii_replaced", _plain)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
