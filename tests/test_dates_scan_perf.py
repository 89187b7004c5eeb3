"""The scanner's expression candidates (scan.expression_candidates, grammar.START_LOWER) give
exactly what the plain candidates give: they leave out only places where no expression starts,
and scan() and parse_value() find the same expressions, spans and sides with either.

Inputs: the fixtures, docs, shared corpus and generated texts of test_dates_perf, the same with
the characters that lower-case unlike re.IGNORECASE, and ranges that end inside a word. No
timings here: speed is measured by benchmarks/.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

import pytest

from incidentparse.dates import grammar, scan
from incidentparse.dates.scan import Options

from .test_dates_perf import _CONTEXTS, TEXTS

# Texts where the lower-cased text is not read: the plain candidates are used.
_UNSAFE = ["İn March 2024", "ſince 3 May", "ın 2019", "The K 2020-01-01 report"]
_OPTIONS = [
    Options(dt.date(2000, 1, 1)),
    Options(dt.date(2026, 4, 3), context_year=2025, default_zone="PDT", dayfirst=True),
]


def _ranges(text: str, rng: random.Random) -> Iterator[tuple[int, int | None]]:
    """The whole text, a tail, and a piece ending anywhere (inside a word too)."""
    yield 0, None
    begin = rng.randint(0, len(text))
    yield begin, None
    yield begin, rng.randint(begin, len(text))
    yield 0, rng.randint(0, len(text))


def test_left_out_candidates_start_no_expression() -> None:
    rng = random.Random(5)
    left_out = 0
    for text in TEXTS + _UNSAFE:
        for begin, end in _ranges(text, rng):
            plain = list(scan.candidates(text, begin, end))
            fast = list(scan.expression_candidates(text, begin, end))
            kept = set(fast)
            assert [pos for pos in plain if pos in kept] == fast, (text, begin, end)
            for pos in plain:
                if pos not in kept:
                    left_out += 1
                    for ctx in _CONTEXTS:
                        assert grammar.match_expression(text, pos, ctx) is None, (text, pos)
    assert left_out > 10_000  # the gate is in use (18K from the repository alone)


def _plain_candidates(text: str, begin: int, end: int | None) -> Iterator[int]:
    return scan.candidates(text, begin, end)


def _scans(texts: list[str]) -> list[object]:
    rng = random.Random(9)
    found: list[object] = []
    for text in texts:
        for options in _OPTIONS:
            found.append(list(scan.scan(text, options)))
        for begin, end in _ranges(text, rng):
            found.append(list(scan.extents(text, _OPTIONS[0], begin=begin, end=end)))
    return found


def _values(texts: list[str]) -> list[object]:
    lines = [line for text in texts for line in text.split("\n") if line.strip()]
    return [scan.parse_value(line, options) for line in lines for options in _OPTIONS]


def test_scan_and_parse_value_find_what_the_plain_candidates_find(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = TEXTS + _UNSAFE
    fast_scans, fast_values = _scans(texts), _values(texts)
    monkeypatch.setattr(scan, "expression_candidates", _plain_candidates)
    plain_scans, plain_values = _scans(texts), _values(texts)
    assert sum(len(found) for found in plain_scans if isinstance(found, list)) > 30_000
    assert sum(value is not None for value in plain_values) > 5_000
    assert fast_scans == plain_scans
    assert fast_values == plain_values
