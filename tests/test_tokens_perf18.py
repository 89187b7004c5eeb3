"""tokens.paragraph_rule is markdown-it's paragraph rule reading the line marks in place and
slicing a one-line paragraph's content from the text when the characters before it (its
indent, or a list marker the list rule has put inside state.tShift) are spaces and tabs.

The block pass with it must give markdown-it's tokens on generated paragraphs: one line or
several, after indents with tabs, inside list items (the first line holds the marker) and
blockquotes, with lazy continuation lines, trailing spaces, tabs and the Unicode spaces
mdTrim strips, and ended by every block that can interrupt a paragraph. The repository's
files and the earlier generated texts go through it in tests/test_tokens_perf11.py.

tokens._container builds a list, item or blockquote Node with positional arguments: it must
be the keyword build's Node.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator

from markdown_it.token import Token

from incidentparse import tokens

from .test_tokens_perf11 import TEXTS, _same_tokens

INDENTS = ("", " ", "  ", "   ", "    ", "\t", " \t", "  \t")
MARKERS = (
    "",
    "",
    "",
    "- ",
    "-\t",
    "-   ",
    "1. ",
    "1.\t",
    "10) ",
    "> ",
    ">\t",
    "> > ",
    "> - ",
    "- > ",
)
WORDS = ("word", "two words", "é", "1", "a | b", "x#", "**b**", "-", "=", "\\", "&amp;", "|-|")
# What can close a line or follow its text: mdTrim strips all but the last three.
EDGES = (
    "",
    " ",
    "  ",
    "\t",
    " \t ",
    "\u00a0",
    "\u3000",
    "\u2009",
    "\x0b",
    "\x0c",
    "\x85",
    "\x1c",
    ".",
)
# Lines after the first: continuations, lazy lines, and blocks that end a paragraph.
NEXT_LINES = (
    "more",
    "  more",
    "    lazy",
    "\tlazy",
    "> quoted",
    "- item",
    "2. item",
    "1. item",
    "# heading",
    "---",
    "===",
    "```",
    "<div>",
    "| a | b |",
    "",
    "   ",
)


def _line(rng: random.Random) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
    return rng.choice(EDGES) + words + rng.choice(EDGES)


def _paragraphs(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        blocks = []
        for _ in range(rng.randint(1, 4)):
            first = rng.choice(INDENTS) + rng.choice(MARKERS) + _line(rng)
            lines = [first]
            for _ in range(rng.randint(0, 2)):
                lines.append(rng.choice(INDENTS) + rng.choice((*NEXT_LINES, _line(rng))))
            blocks.append("\n".join(lines))
        texts.append(rng.choice(("\n", "\n\n")).join(blocks) + rng.choice(("", "\n")))
    return texts


PARAGRAPHS = _paragraphs(20261128, 4000)


def test_paragraph_rule_is_in_place() -> None:
    ruler = tokens._block_parser().block.ruler
    rules = [rule.fn for rule in ruler.__rules__ if rule.name == "paragraph"]
    assert rules == [tokens.paragraph_rule]


def test_block_pass_with_paragraph_rule_matches_markdown_it_on_paragraphs() -> None:
    assert [text for text in PARAGRAPHS if not _same_tokens(text)] == []


def one_line_paragraph_lines(texts: Iterable[str]) -> Iterator[str]:
    """The line of every one-line paragraph the block pass reads in texts, its indent stripped
    (a list item's marker, or a blockquote's `>`, still before the paragraph's own text)."""
    for text in texts:
        state = tokens._StateBlock(text, tokens._block_parser(), {}, [])
        tokens._block_parser().block.tokenize(state, 0, state.lineMax)
        for token in state.tokens:
            if token.type == "paragraph_open" and token.map and token.map[1] == token.map[0] + 1:
                yield text.split("\n")[token.map[0]].lstrip(" \t")


def test_generated_paragraphs_take_both_ways_to_the_content() -> None:
    # One-line paragraphs on a list item's first line, whose marker sits inside state.tShift
    # (getLines reads them), and the others (sliced; blockquotes move bMarks past `>`).
    sliced = marked = 0
    for line in one_line_paragraph_lines(PARAGRAPHS):
        if line[:1] == "-" or line[:1].isdigit():
            marked += 1
        else:
            sliced += 1
    assert sliced > 1200
    assert marked > 1200


# tokens._container builds its Node with positional arguments: the same Node as the keyword
# build, for every container token of the repository's files and the generated paragraphs.
def _keyword_container(token: Token, base: str, fallback: int, depth: int) -> tokens.Node:
    line, end = tokens._lines(token, fallback)
    kind = tokens._CONTAINERS[base]
    return tokens.Node(
        kind,
        line,
        end,
        level=depth + 1 if kind == "list_item" else depth,
        info=token.info or token.markup,
        ordered=base == "ordered_list",
    )


def test_container_nodes_match_the_keyword_build() -> None:
    assert {f"{base}_open": base for base in tokens._CONTAINERS} == tokens._CONTAINER_OPENINGS
    seen: set[str] = set()
    notes = ["Text[^1] and ^[inline].\n\n[^1]: A note\n    with more.\n"]
    for text in TEXTS + PARAGRAPHS[:1000] + notes:
        for token in tokens._parser().parse(text):
            base = tokens._CONTAINER_OPENINGS.get(token.type)
            if base is None:
                continue
            seen.add(base)
            for depth in (0, 2):
                built = tokens._container(token, base, 7, depth)
                assert built == _keyword_container(token, base, 7, depth)
    assert {"bullet_list", "ordered_list", "list_item", "blockquote", "footnote"} <= seen
