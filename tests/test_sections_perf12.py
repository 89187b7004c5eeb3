"""Round-12 fast paths of heading classification give exactly what the plain way gives.

normalise skips the ASCII symbol translate and the numbering substitution when the text holds
none of the characters they need; classify skips building the extra-alias table when there are
no aliases. Compared on every line of every report we have (fixtures, docs, the shared corpus
when present), the heading case table and generated headings.
"""

from __future__ import annotations

import bisect
import random
import re
import unicodedata

from incidentparse import headings, sections, source, tokens, wrappers
from incidentparse.diagnostics import Sink
from incidentparse.headings import (
    _DROP_ASCII_SYMBOLS,
    _NUMBERING,
    _PARENS,
    _SYMBOL_CATEGORIES,
    _strip_trailing,
    classify,
    normalise,
)
from incidentparse.tokens import Node

from .conftest import FIXTURES, ROOT, SHARED
from .test_tree_perf9 import _is_run_in

REPORTS = sorted(
    [*FIXTURES.glob("**/*.md"), *(ROOT / "docs").glob("*.md"), *(SHARED / "corpus").glob("*.md")]
)
CASES = [
    line.split("\t")[0]
    for line in (FIXTURES / "headings.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
PIECES: tuple[str, ...] = (
    "1.", "2)", "a)", "iv.", "3.1", "§", "§ 2", " ", "  ", "^", "`", "*", "_", "(", ")", "(x)",
    "&", "/", ".", ":", "?", "-", "—", "Summary", "timeline", "Root", "cause", "🔥", "é", "\u2019",
    "What", "went", "well", "7", "of",
)  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12))) for _ in range(count)]


LINES: list[str] = sorted(
    {
        line.lstrip("#").strip()
        for report in REPORTS
        for line in report.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
)
TEXTS: list[str] = LINES + CASES + _generated(4000, 12)


def _plain_strip_symbols(text: str) -> str:
    if text.isascii():
        return text.translate(_DROP_ASCII_SYMBOLS)
    return "".join(ch for ch in text if unicodedata.category(ch) not in _SYMBOL_CATEGORIES)


def _plain_normalise(heading: str) -> tuple[str, tuple[str, ...]]:
    """normalise as it was before round 12: every step on every heading."""
    text = _plain_strip_symbols(heading).replace("*", "").replace("_", " ").strip()
    text = _NUMBERING.sub("", text)
    qualifiers: tuple[str, ...] = ()
    if "(" in text:
        qualifiers = tuple(q.strip() for q in _PARENS.findall(text) if q.strip())
        text = _PARENS.sub("", text)
    text = text.replace("&", " and ").replace("/", " and ").replace("’", "'")
    text = _strip_trailing(text)
    return " ".join(text.split()).lower(), qualifiers


def test_texts_are_there() -> None:
    assert len(LINES) > 1000 and len(CASES) > 50
    # the generated headings do reach both skipped steps
    assert sum(_NUMBERING.match(text) is not None for text in TEXTS) > 50
    assert sum("^" in text or "`" in text for text in TEXTS) > 50


def test_normalise_is_the_plain_one() -> None:
    for text in TEXTS:
        assert normalise(text) == _plain_normalise(text), text


def test_classify_without_aliases_is_with_an_empty_table() -> None:
    # None, {} and a table of no aliases are one and the same (an empty extra table)
    for text in CASES + LINES[::7]:
        for fuzzy in (True, False):
            expected = headings._classify(text, (), fuzzy)
            assert classify(text, None, fuzzy=fuzzy) == expected
            assert classify(text, {}, fuzzy=fuzzy) == expected


def test_classify_with_aliases_still_reads_them() -> None:
    aliases = {"1. Our Odd Heading:": "timeline"}
    assert classify("Our odd heading", aliases).kind == "timeline"
    assert classify("Our odd heading").kind == "unknown"


def _blocks(text: str) -> tuple[list[Node], int]:
    """The blocks api.parse hands to sections.build, and the line count."""
    doc = source.load(text, None)
    blocks = wrappers.unwrap_fenced_report(tokens.parse_blocks(doc.body))
    return wrappers.drop_trailing_chatter(blocks, Sink()), len(doc.lines)


def _plain_owners(parts: list[sections.Part], blocks: list[Node]) -> list[list[int]]:
    """Each part's blocks as before round 12: the last part starting at or before the block's
    line (a bisect of the part starts), else the first part."""
    starts = [part.section.line_start for part in parts]
    owned: list[list[int]] = [[] for _ in parts]
    for node in blocks:
        if node.kind != "heading":
            position = bisect.bisect_right(starts, node.line)
            owned[position - 1 if position else 0].append(id(node))
    return owned


BLOCK_PIECES: tuple[str, ...] = (
    "# Title", "## Timeline", "### 5:02 PM", "Some text.", "- item", "**Action Items**",
    "Summary:", "| a | b |\n|---|---|\n| 1 | 2 |", "```\ncode\n```", "> quote", "", "Text",
    "## Details", "#### Deep", "1. one\n2. two",
)  # fmt: skip


def _generated_reports(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "\n\n".join(rng.choice(BLOCK_PIECES) for _ in range(rng.randint(0, 14)))
        for _ in range(count)
    ]


def test_partition_walk_gives_the_bisect_owners() -> None:
    texts = [report.read_text(encoding="utf-8") for report in REPORTS] + _generated_reports(400, 12)
    for text in texts:
        blocks, line_count = _blocks(text)
        outline = sections.build(blocks, line_count, Sink())
        promoted = sections.promote_run_in(blocks)
        assert [[id(node) for node in part.nodes] for part in outline.parts] == _plain_owners(
            outline.parts, promoted
        )


_PLAIN_RUN_IN_END = re.compile(r"[.!;,]$")


def _plain_is_run_in(node: Node) -> bool:
    """sections._is_run_in as it was before round 12 (no aliases): the end pattern searched."""
    inline = node.inline
    text = inline.text.rstrip(":").strip()
    if (
        inline.breaks
        or not text
        or len(text.split(maxsplit=sections.RUN_IN_MAX_WORDS)) > sections.RUN_IN_MAX_WORDS
        or _PLAIN_RUN_IN_END.search(text, len(text) - 2)
    ):
        return False
    bold = inline.all_emphasis and inline.lead_strong
    match = classify(text, None, fuzzy=bold)
    if match.kind == "unknown":
        return False
    return bold or match.score == 100.0


RUN_IN_PIECES: tuple[str, ...] = (
    "**", "Action Items", "Summary", ":", ".", "!", ";", ",", " ", "\n", "word", "Timeline",
    "?", "*", "_", "Root cause", "x",
)  # fmt: skip


def test_run_in_is_the_plain_one() -> None:
    rng = random.Random(12)
    generated = [
        "".join(rng.choice(RUN_IN_PIECES) for _ in range(rng.randint(1, 8))) for _ in range(3000)
    ]
    texts = [report.read_text(encoding="utf-8") for report in REPORTS] + generated
    seen = 0
    for text in texts:
        for node in tokens.parse_blocks(text):
            if node.kind == "paragraph":
                seen += 1
                assert _is_run_in(node, None) == _plain_is_run_in(node), node.text
    assert seen > 2000
