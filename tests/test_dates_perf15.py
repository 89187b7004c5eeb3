"""The grammar's gates change nothing: the time gate (grammar._may_start_time, used by
_attach_time) and the digit gate of the year and bare day ranges (_may_open_digit_range); and
document._worth_offsets' regex finders give the plain offsets.

_attach_time used to try every point rule after a date and its join, keeping the point only
when it is a "time" Point; the gate skips the rules where the character there offers no rule
that builds one. Checked three ways: the gate against rules_at at every character, the premise
(no rule but build_time's gives a "time" Point) at every word start, and match_expression with
and without the gate at every place the scanner could ask, on the inputs of test_dates_perf
(fixtures, docs, the shared corpus when present, generated text). No timings here.
"""

from __future__ import annotations

import random

import pytest

from incidentparse.dates import document, grammar, scan
from incidentparse.dates.points import build_time, rules_at
from incidentparse.dates.vocab import case_unsafe

from .test_dates_perf import _CONTEXTS, TEXTS
from .test_dates_perf8 import _plain_worth_offsets, _texts


def _offers_time(text: str, pos: int) -> bool:
    return any(rule.build is build_time for rule in rules_at(text, pos))


def test_gate_is_rules_at_away_from_digits() -> None:
    """At a non-digit character the gate says what rules_at offers; at a digit it lets through."""
    chars = {chr(code) for code in range(0x3400)} | {c for text in TEXTS for c in text}
    for char in chars:
        for text in (char, char + "oon", char + "idnight", char + ":00"):
            gate = grammar._may_start_time(text, 0)
            assert gate or not _offers_time(text, 0), repr(text)
            if not char.isdigit():
                assert gate == _offers_time(text, 0), repr(text)
    assert not grammar._may_start_time("x", 1)  # the end of the text
    assert set(grammar._TIME_LETTERS) == {"m", "n"}  # midnight, noon


def test_only_build_time_gives_a_time_point() -> None:
    """The gate's premise: every rule whose builder is not build_time gives no "time" Point."""
    built = 0
    for text in TEXTS:
        for pos in scan._token_candidates(text, 0, None):
            for rule in rules_at(text, pos):
                m = rule.pattern.match(text, pos)
                # match_point builds no point from a match with a CASE_UNSAFE character
                if m is None or rule.build is build_time or case_unsafe(m.group(0)):
                    continue
                for ctx in _CONTEXTS:
                    try:
                        point = rule.build(m, ctx)
                    except (OverflowError, ValueError):
                        continue
                    built += point is not None
                    assert point is None or point.kind != "time", (rule.name, text[pos:])
    assert built > 5_000


def test_match_expression_same_with_and_without_gates(monkeypatch: pytest.MonkeyPatch) -> None:
    """match_expression with and without the gates (the time gate, _may_open_digit_range), at
    every place the scanner could ask."""
    places = [(text, pos) for text in TEXTS for pos in scan._token_candidates(text, 0, None)]
    gated = [grammar.match_expression(t, p, ctx) for t, p in places for ctx in _CONTEXTS]
    monkeypatch.setattr(grammar, "_may_start_time", lambda text, pos: True)
    monkeypatch.setattr(grammar, "_may_open_digit_range", lambda text, pos: True)
    plain = [grammar.match_expression(t, p, ctx) for t, p in places for ctx in _CONTEXTS]
    assert sum(e is not None for e in plain) > 10_000  # the inputs do hold expressions
    # dates with a time attached after a join: the gate let those through
    timed = sum(
        e is not None and e.a is not None and e.a.kind != "time" and e.a.has_time for e in plain
    )
    assert timed > 1_000
    assert gated == plain


# --- infer_reference_date: the stems found by a bytes regex (document._WORTH_FINDERS) ---------

_WORTH_PIECES = (
    "as", "AS", "aS", "has", "was", "date", "DATE", "update", "dated", "of", "OF", "oF", ":",
    " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1f", "\x85", "\xa0",
    "\u2009", "\u3000", "?", "é", "’", "x", "_", "report", "2019", ".",
)  # fmt: skip


def test_worth_finders_miss_no_stem() -> None:
    """_worth_offsets (a regex pass for 'as' and 'date') gives the plain offsets, in order."""
    rng = random.Random(15)
    generated = ["".join(rng.choices(_WORTH_PIECES, k=rng.randint(0, 30))) for _ in range(20_000)]
    found = 0
    for text in [*_texts(), *generated]:
        expected = _plain_worth_offsets(text)
        assert document._worth_offsets(text) == expected, repr(text)
        lower = text.lower()
        found += sum(lower.startswith(("as", "date"), offset) for offset in expected)
    assert found > 5_000


def test_digit_ranges_open_where_the_gate_lets_through() -> None:
    """match_expression tries the year and bare day ranges only where _may_open_digit_range
    says so: neither regex matches anywhere else, at any place of the inputs (and of every
    character followed by a day range)."""
    tried = 0
    chars = [chr(code) + "–3 April 2026" for code in range(0x3400)]
    for text in [*TEXTS, *chars, "1999–2005 and 9–10 March"]:
        for pos in range(len(text)):
            if grammar._may_open_digit_range(text, pos):
                continue
            tried += 1
            assert grammar._YEAR_RANGE.match(text, pos) is None, repr(text[pos:])
            assert grammar._BARE_DAY.match(text, pos) is None, repr(text[pos:])
    assert tried > 100_000
