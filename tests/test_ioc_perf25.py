"""Round-25: two substring tests of the scanner and the layout ask a regex search instead
(patterns.occurs_finder: the literal's second character, the rest around it), which answers
the same: the asn family's "AS" (tested on every text) and the fence markers '```' / '~~~'
(tested when a hit asks whether it is in code and the text holds the marker's character).

Both are compared with the plain substring test on every report we have, the IOC case tables
and generated texts, and the scanner's hits and the layout's fences with the plain answers.
"""

from __future__ import annotations

import dataclasses
import importlib
import random

import pytest

from incidentparse.ioc.classify import Env
from incidentparse.ioc.context import Labels
from incidentparse.ioc.layout import Layout, _fences
from incidentparse.ioc.patterns import FENCE_FINDERS, FENCE_MARKERS, occurs_finder

from .test_ioc_perf import TEXTS, _plain_fences

# The module (incidentparse.ioc.scan, as an attribute, is the scan function it exports).
scan = importlib.import_module("incidentparse.ioc.scan")

# Pieces around the literals: each literal, its halves, its characters doubled and tripled,
# regex metacharacters, non-ASCII characters (two- and four-byte ones) and line breaks.
_PIECES: tuple[str, ...] = (
    "A", "S", "AS", "SA", "ASN", "AS13335", "as", "aS", "`", "``", "```", "````", "~", "~~",
    "~~~", "~~~~", " ", "\n", "a", "x", "1", ".", "*", "\\", "(", "[", "é", "’", "🔥", "ツ",
    " dot ", " at ", "dot", "S\n", "`\n`", "~ ~",
)  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(count)]


GENERATED = _generated(8000, 25)
ALL = [*TEXTS, *GENERATED]
# Every literal now tested with a finder, plus others of the shapes occurs_finder must take:
# a repeated character, regex metacharacters, two characters, a longer tail, non-ASCII.
LITERALS = (
    *FENCE_MARKERS,
    *(s.needs for s in scan.SCANNERS if s.needs),
    "AS", "SA", "``", "~~", "a.", ".*", "\\\\", "(?", " dot ", "é’", "🔥`", "ASN",
)  # fmt: skip


def test_occurs_finder_is_the_substring_test() -> None:
    found = 0
    for literal in LITERALS:
        finder = occurs_finder(literal)
        for text in ALL:
            assert (finder.search(text) is not None) == (literal in text), (literal, text)
            found += literal in text
    assert found > 5000  # both answers are common among the texts


def test_finders_in_use_are_their_literals() -> None:
    assert len(FENCE_FINDERS) == len(FENCE_MARKERS)
    for finder, marker in zip(FENCE_FINDERS, FENCE_MARKERS, strict=True):
        assert finder.pattern == occurs_finder(marker).pattern
    with_finder = [s for s in scan.SCANNERS if s.needs_finder is not None]
    assert [s.name for s in with_finder] == ["asn"]
    for scanner in with_finder:
        assert scanner.needs_finder.pattern == occurs_finder(scanner.needs).pattern
        for text in ALL:
            assert (scanner.needs_finder.search(text) is None) == (scanner.needs not in text)


def test_fences_are_the_plain_ones() -> None:
    for text in ALL:
        assert _fences(text) == _plain_fences(text), text


def test_hits_are_the_ones_of_the_plain_needs_test(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*TEXTS[:400], *GENERATED[:3000]]
    fast = []
    for text in texts:
        layout = Layout.build(text)
        fast.append(scan._hits(text, Env(text, layout, Labels(layout))))
    plain = tuple(dataclasses.replace(s, needs_finder=None) for s in scan.SCANNERS)
    monkeypatch.setattr(scan, "SCANNERS", plain)
    for text, hits in zip(texts, fast, strict=True):
        layout = Layout.build(text)
        assert scan._hits(text, Env(text, layout, Labels(layout))) == hits, text
    assert sum(1 for hits in fast if any(h.type == "asn" for h in hits)) > 20
