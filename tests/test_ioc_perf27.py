"""Round-27: absent_literals gathers what follows each place of a rare opener ('[', '(', '{',
'\\', '~') by str.find (scan._tails) instead of a regex search of the whole text.

_tails is compared with the regex search it stands in for (rare.tails.findall), and
absent_literals with the round-26 code kept here as the reference, on every report we have,
the IOC case tables and generated texts: short and long ones (past _SPACING characters a place
is taken by str.find), openers few and many (past len(text) // _SPACING places the search takes
the rest), line breaks right after an opener and inside a tail.
"""

from __future__ import annotations

import importlib
import random

from .test_ioc_perf import TEXTS

# The module (incidentparse.ioc.scan, as an attribute, is the scan function it exports).
scan = importlib.import_module("incidentparse.ioc.scan")

# Every rare literal, its halves, line breaks, prose and non-ASCII characters.
_PIECES: tuple[str, ...] = (
    *sorted({lit for rare in scan._RARE for lit in rare.literals}),
    "[", "(", "{", "\\", "~", "[\n", "(\n.", "{\n:", "\\\nREG", "~\n/", "[d\not", "(a\nt)",
    "[DO", "(at", "{at", " ", "  ", "\n", "\n\n", "evil", "com", "x", "1", ".", ":", "/",
    "é", "’", "🔥", "ツ", "the incident started at ", "lorem ipsum dolor sit amet, ",
)  # fmt: skip


def _generated(count: int, seed: int, pieces: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, pieces))) for _ in range(count)
    ]


def _sparse(count: int, seed: int) -> list[str]:
    """Long prose with a few openers: the str.find loop covers every place, or all but some."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = [rng.choice(_PIECES[-2:]) for _ in range(rng.randint(10, 400))]
        for _ in range(rng.randint(1, 40)):
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(_PIECES))
        texts.append("".join(parts))
    return texts


GENERATED = [*_generated(4000, 27, 40), *_generated(300, 127, 600), *_sparse(600, 227)]
ALL = [*TEXTS, *GENERATED]


def _reference_absent(text: str, *, common: bool = False) -> frozenset[str]:
    """absent_literals as round 26 wrote it: the tails by one regex search of the whole text."""
    absent = scan._absent_common(text) if common else []
    for rare in scan._RARE:
        if rare.opener not in text:
            absent.extend(rare.literals)
            continue
        if len(text) > scan._DENSE_TEXT and text.count(rare.opener) > scan._DENSE:
            absent.extend(lit for lit in rare.literals if lit not in text)
            continue
        tails = "".join(["\n" + tail for tail in rare.tails.findall(text)])
        absent.extend(lit for lit in rare.literals if "\n" + lit[1:] not in tails)
    return frozenset(absent)


def test_generated_texts_take_both_ways() -> None:
    # Texts whose places the str.find loop takes all of, and texts where the search takes some.
    looped = searched = 0
    for text in GENERATED:
        for rare in scan._RARE:
            places = text.count(rare.opener)
            if places:
                if places <= len(text) // scan._SPACING:
                    looped += 1
                else:
                    searched += len(text) >= scan._SPACING
    assert looped > 300 and searched > 300, (looped, searched)


def test_tails_are_the_regex_search() -> None:
    for text in ALL:
        for rare in scan._RARE:
            if rare.opener in text:
                assert scan._tails(text, rare) == rare.tails.findall(text), (rare.opener, text)


def test_absent_literals_are_the_reference() -> None:
    for text in ALL:
        assert scan.absent_literals(text) == _reference_absent(text), text
        assert scan.absent_literals(text, common=True) == _reference_absent(text, common=True)


def test_widths_are_the_longest_literals() -> None:
    for rare in scan._RARE:
        assert rare.width == max(len(lit) for lit in rare.literals) - 1
        assert rare.tails.pattern.endswith(f"(?=(.{{0,{rare.width}}}))")
