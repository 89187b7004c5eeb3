"""Round 26 of source.py: split_lines skips its two replaces when the text holds no CR, and
load takes the text itself (less a final newline) for "\\n".join(lines) when it holds no CR or
leading BOM. Both are compared with the round-25 computation, kept here as the reference, on
the repository's Markdown, the corpus and seeded random mixes of BOMs, CRs, CRLFs, LFs, blank
lines, front matter fences and non-Latin-1 text; the SourceDocument must be equal field for
field.
"""

from __future__ import annotations

import dataclasses
import random

from incidentparse import source

from .test_tokens_perf11 import TEXTS


def _reference_split_lines(text: str) -> tuple[str, ...]:
    text = text.lstrip("\ufeff")
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = normalised.split("\n")
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return tuple(lines)


PIECES = (
    "\ufeff", "\r", "\n", "\r\n", "\n\n", "\r\r", "word", " ", "’", "é", "---", "+++",
    "title: x", "a = 1", "#", "",
)  # fmt: skip


def _mixed(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randint(0, 16))) for _ in range(count)]


MIXED = _mixed(20261128, 6000)
WITHOUT_CR = [text.replace("\r", "") for text in MIXED[:3000]]
ALL_TEXTS = [*TEXTS, *MIXED, *WITHOUT_CR, "", "\n", "\r", "\ufeff", "\ufeff\n", "x\n\n"]


def test_inputs_reach_every_branch() -> None:
    assert sum("\r" in t for t in ALL_TEXTS) > 1000
    assert sum(t.startswith("\ufeff") and "\r" not in t for t in ALL_TEXTS) > 100
    plain = [t for t in ALL_TEXTS if "\r" not in t and not t.startswith("\ufeff")]
    assert sum(t.endswith("\n") for t in plain) > 300
    assert sum(not t.endswith("\n") for t in plain) > 300


def test_split_lines_matches_reference() -> None:
    wrong = [t for t in ALL_TEXTS if source.split_lines(t) != _reference_split_lines(t)]
    assert wrong == []


def test_load_text_is_the_lines_joined() -> None:
    wrong = []
    for text in ALL_TEXTS:
        doc = source.load(text, "p.md")
        if doc.text != "\n".join(_reference_split_lines(text)) or type(doc.text) is not str:
            wrong.append(text)
        if dataclasses.astuple(doc) != dataclasses.astuple(source.load(text.encode(), "p.md")):
            wrong.append(text)
    assert wrong == []
