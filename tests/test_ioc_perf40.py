"""Round-40: absent_literals asks of each rare opener in the text one search for any of its
literals (_Rare.held) before it gathers the tails after the opener's places: a text whose
search finds none lacks them all.

absent_literals is compared with the round-39 code kept here as the reference (every opener
present read by its tails) and with the plain definition (a literal is absent when it is not
in the text), on every report we have (fixtures, docs, the shared corpus when present), the
IOC case tables and generated texts: openers alone, beside each literal, each literal's halves
and look-alikes ('[d', '(a', '{.' across a line break). The texts take both ways: openers whose
search finds none (the fast path) and openers with a literal (the tails say which).
"""

from __future__ import annotations

import importlib
import random

from .test_ioc_perf import TEXTS
from .test_ioc_perf27 import _generated, _sparse
from .test_ioc_perf33 import _ref_absent_literals

# The module (incidentparse.ioc.scan, as an attribute, is the scan function it exports).
scan = importlib.import_module("incidentparse.ioc.scan")

_LITERALS: tuple[str, ...] = tuple(sorted({lit for rare in scan._RARE for lit in rare.literals}))
# Each literal cut short and run on, look-alikes in the other case, and prose around them.
_NEAR: tuple[str, ...] = (
    *(lit[:cut] for lit in _LITERALS for cut in range(1, len(lit))),
    *(lit + "x" for lit in _LITERALS),
    "[Dot", "(Dot", "{AT}", "{At}", "(aT)", "[aT]", "\\reg", "\\rEG", "~\\", "[ .", "( :",
    "[\n.", "(\n:", "{\n.", "~\n/", "[link](https://example.com/a)", "(see below)", " ", "\n",
    "the incident started ", "é", "’", "x", "1",
)  # fmt: skip


def _round39_absent(text: str, probes: tuple[object, ...]) -> frozenset[str]:
    """scan._absent as round 39 wrote it: the common probes' literals, then the tails of every
    opener in the text (tests/test_ioc_perf33.py keeps that part, round 32's, which reads
    them as round 39 did, slicing each needle where it tests it)."""
    common = scan._absent_common(text, probes) if probes else []
    return frozenset(common) | _ref_absent_literals(text, common=False)


def _plain_absent(text: str) -> frozenset[str]:
    return frozenset(lit for lit in _LITERALS if lit not in text)


def _mixed(count: int, seed: int) -> list[str]:
    """Prose and links with openers, a literal or a near miss dropped in now and then."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = [rng.choice(_NEAR[-9:]) for _ in range(rng.randint(1, 120))]
        for _ in range(rng.randint(0, 12)):
            piece = rng.choice(_LITERALS) if rng.random() < 0.2 else rng.choice(_NEAR)
            parts.insert(rng.randrange(len(parts) + 1), piece)
        texts.append("".join(parts))
    return texts


GENERATED = [*_mixed(3000, 40), *_generated(1500, 41, 40), *_sparse(300, 42)]
ALL = [*TEXTS, *GENERATED]


def test_absent_is_round_39s_and_the_plain_definition() -> None:
    for text in ALL:
        rare_only = scan._absent(text, ())
        assert rare_only == _round39_absent(text, ()), text
        assert rare_only == _plain_absent(text), text
        for probes in (scan._HIT_PROBES, scan._PROBES):
            assert scan._absent(text, probes) == _round39_absent(text, probes), text


def test_held_matches_where_a_literal_occurs() -> None:
    for text in ALL:
        for rare in scan._RARE:
            held = rare.held.search(text) is not None
            assert held == any(lit in text for lit in rare.literals), (rare.opener, text)


def test_texts_take_both_ways() -> None:
    # Openers whose search finds no literal (the fast path) and openers with one (the tails),
    # among the generated texts alone (no corpus needed).
    fast = tails = 0
    for text in GENERATED:
        for rare in scan._RARE:
            if rare.opener in text:
                if rare.held.search(text) is None:
                    fast += 1
                else:
                    tails += 1
    assert fast > 1000 and tails > 1000, (fast, tails)
