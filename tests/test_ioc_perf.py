"""The indicator engine's fast paths give exactly what the plain way gives.

Each test compares a fast path with the straightforward computation it stands in for, on every
report we have (fixtures, docs, the shared corpus), the IOC case tables and generated text.
"""

from __future__ import annotations

import heapq
import random
import re

import pytest

from incidentparse import source
from incidentparse.ioc.layout import Layout, _fences
from incidentparse.ioc.patterns import FENCES, HEADING
from incidentparse.ioc.scan import RARE_OPENERS, SCANNERS, Scanner, _candidates, absent_literals

from .conftest import FIXTURES, ROOT, SHARED

REPORTS = sorted(
    [*FIXTURES.glob("**/*.md"), *(ROOT / "docs").glob("*.md"), *(SHARED / "corpus").glob("*.md")]
)
CASE_TEXTS = [
    line.split("\t")[0].replace("⏎", "\n")
    for table in sorted((FIXTURES / "iocs").glob("*.tsv"))
    for line in table.read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]

# Pieces of generated text: every rare anchor literal, half of one, and what surrounds them.
PIECES: tuple[str, ...] = (
    "[", "(", "{", "\\", "~", "[.", "[.]", "(.)", "{.}", "[dot]", "(dot)", "[DOT]", "\\.", "[:",
    "[:]", "(:", "{:", "[at]", "(at)", "{at}", "[AT]", "(AT)", "\\REG", "\\Reg", "~/", "[[at]",
    "((.", "evil", "com", "example", "1", "192", "168", "0", "hxxp", "://", "/", "@", ".", ":",
    " ", "\n", "HKLM", "Software", "C:", "user", "a", "b", "c", "d", "e", "f", "\u00e9", "`",
)  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60))) for _ in range(count)]


TEXTS: list[str] = (
    [p.read_text(encoding="utf-8") for p in REPORTS] + CASE_TEXTS + _generated(3000, 11)
)


def test_texts_are_there() -> None:
    assert len(REPORTS) >= 13 and len(CASE_TEXTS) >= 300


@pytest.mark.parametrize("scanner", SCANNERS, ids=lambda s: s.name)
def test_every_anchor_opens_with_its_literal(scanner: Scanner) -> None:
    for anchor in scanner.anchors:
        assert anchor.pattern.pattern.startswith(re.escape(anchor.literal))
        for text in TEXTS[:200]:
            for match in anchor.pattern.finditer(text):
                assert text.startswith(anchor.literal, match.start())


def _plain_absent(text: str) -> frozenset[str]:
    literals = {a.literal for s in SCANNERS for a in s.anchors if a.literal[0] in RARE_OPENERS}
    return frozenset(literal for literal in literals if literal not in text)


def test_absent_literals_are_the_ones_not_in_the_text() -> None:
    for text in TEXTS:
        assert absent_literals(text) == _plain_absent(text), text


def test_absent_literals_on_dense_texts() -> None:
    # Past _DENSE places of one character the literals are looked up one by one.
    dense = [text * 80 for text in _generated(200, 12) if any(c in text for c in RARE_OPENERS)]
    assert any(text.count("[") > 256 for text in dense)
    for text in dense:
        assert absent_literals(text) == _plain_absent(text)


def test_gated_candidates_are_the_ungated_ones() -> None:
    for text in TEXTS:
        absent = absent_literals(text)
        for scanner in SCANNERS:
            gated = list(_candidates(text, scanner, absent))
            assert gated == list(_candidates(text, scanner)), (scanner.name, text)


def _plain_line_starts(text: str) -> list[int]:
    return [0, *(at + 1 for at, char in enumerate(text) if char == "\n")]


def test_shared_line_starts_are_the_layout_ones() -> None:
    for text in TEXTS:
        doc = source.load(text)
        assert doc.body_line_starts == _plain_line_starts(doc.body)
        assert doc.line_starts == _plain_line_starts(doc.text)
        assert Layout.build(doc.body).line_starts == doc.body_line_starts


def _plain_fences(text: str) -> list[tuple[int, int]]:
    """Fenced blocks as the layout found them before: both fence patterns always searched."""
    blocks: list[tuple[int, int]] = []
    opener: tuple[str, int] | None = None
    found = heapq.merge(*(f.finditer(text) for f in FENCES), key=lambda m: m.start())
    for match in found:
        begin = match.start()
        start = text.rfind("\n", max(0, begin - 4), begin) + 1
        if (start == 0 and begin > 3) or text[start:begin].strip(" "):
            continue
        marker = match.group(1)
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        if opener is None:
            opener = (marker, end)
        elif (
            marker[0] == opener[0][0]
            and len(marker) >= len(opener[0])
            and text[match.start() : end].strip() == marker
        ):
            blocks.append((opener[1], match.start()))
            opener = None
    if opener is not None:
        blocks.append((opener[1], len(text)))
    return blocks


FENCED = [
    "```\ncode\n```", "~~~\na\n~~~", " ```x\n~~~\n```", "a ```b```", "```\n", "````\n```\n````",
    "    ```\n```", "x\n   ~~~~\ny\n~~~~~\n", "```\n~~~\n```\n~~~\n",
]  # fmt: skip


def test_fences_and_headings_are_the_plain_ones() -> None:
    for text in [*TEXTS, *FENCED]:
        assert _fences(text) == _plain_fences(text), text
        layout = Layout.build(text)
        starts = [m.start() for m in HEADING.finditer(text)]
        plain = [
            at
            for at in starts
            if not (at > 3 and "\n" not in text[max(0, at - 4) : at])
            and not text[text.rfind("\n", max(0, at - 4), at) + 1 : at].strip(" ")
        ]
        assert layout.headings == plain, text
