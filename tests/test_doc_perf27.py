"""Round 27: Context._century_starts finds the '19'/'20' offsets by two literal regexes.

The offsets are those of the plain str.find loop round 26 used (kept here as the reference),
in the same order, on our texts (fixtures, docs, corpus when present, date tables, generated
date text) and on generated runs of digits, look-alike Unicode digits and other characters;
and whole parses of our reports are the same with the plain loop put back. No timings.
"""

from __future__ import annotations

import random

import pytest

import incidentparse
from incidentparse import source
from incidentparse.extract import Context, context

from .test_dates_perf import TEXTS
from .test_dates_perf27_ref_value import _reports


def _plain_century_starts(text: str) -> list[int]:
    """_century_starts as round 26 left it."""
    starts: list[int] = []
    for century in ("19", "20"):
        found = text.find(century)
        while found >= 0:
            starts.append(found)
            found = text.find(century, found + 1)
    starts.sort()
    return starts


_PIECES = (
    "1", "2", "9", "0", "19", "20", "2019", "1920", "2020", "191919", "202020", "12019", "٢٠",
    "１９", "x", " ", "-", "/", "\n", "é", "0", "200", "119", "220",
)  # fmt: skip


def _generated(count: int, seed: int = 2702) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_PIECES, k=rng.randint(0, 30))) for _ in range(count)]


def _starts(text: str) -> list[int]:
    ctx = Context(source.load(text, None), None, None, None)  # type: ignore[arg-type]
    return ctx._century_starts


def test_century_starts_are_the_plain_offsets() -> None:
    found = 0
    for text in [*TEXTS, *_generated(30_000)]:
        starts = _starts(text)
        assert starts == _plain_century_starts(source.load(text, None).text), text
        found += len(starts)
    assert found > 50_000


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _reports()
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    monkeypatch.setattr(
        Context,
        "_century_starts",
        context.per_parse(lambda self: _plain_century_starts(self.doc.text)),
    )
    Context._century_starts.__set_name__(Context, "_century_starts")
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
