"""Round 39 of the block pass: parse_blocks' block state (tokens._NodeState) has heading_rule
and paragraph_rule append one tokens._TextBlock per heading or paragraph, holding its Node
(all but text and inline) and its inline content, where markdown-it's block pass appends three
tokens (opening, inline, closing); _Tree.build reads the Node off it and sets its inline.

The tree must be the one the three tokens give: parse_blocks is compared, every Node field
of every node, with the tree built from block_tokens' markdown-it token stream (the general
path, which tests/test_tokens_perf20.py compares with parser.parse) on the repository's
Markdown, the corpus when present and seeded random mixes of the shapes that make a line not a
plain heading or paragraph line: setext underlines, lists, quotes, tables, fences, html, lazy
continuation, indented code, link reference definitions, tabs, CRs.
"""

from __future__ import annotations

import random

from markdown_it.token import Token
from markdown_it.utils import EnvType

from incidentparse import tokens
from incidentparse.tokens import Node

from .test_tokens_fastpath import EDGE_DOCUMENTS, GENERATED
from .test_tokens_perf11 import LINE_STARTS, TEXTS
from .test_tokens_perf26_source import MIXED


def _three_token_parse_blocks(text: str) -> list[Node]:
    """parse_blocks with its block tokens as markdown-it gives them (three per heading or
    paragraph), the tree built from those."""
    if tokens.may_hold_footnote(text):
        return tokens.parse_blocks(text)  # markdown-it's own pass: no _TextBlock there
    lines = text.split("\n")
    line_count = len(lines)
    other_breaks = tokens._holds_any(text, tokens._OTHER_LINE_BREAKS)
    absent = tokens.absent_block_rules(text, lines, other_breaks)
    parser = tokens._block_parser(absent, tokens.is_normalized(text))
    env: EnvType = {}
    found = tokens.block_tokens(parser, text, env, lines)
    spaces_only = not other_breaks and not tokens._holds_any(text, tokens._OTHER_ASCII_BLANKS)
    tree = tokens._Tree(found, tokens._lazy_inline_of(parser, env, spaces_only))
    root = Node("root", 1, max(1, line_count))
    tree.build(0, len(found), root, depth=0)
    return root.children


def _text_blocks(text: str, kind: type = tokens._TextBlock) -> int:
    """How many records of kind (a _TextBlock; round 40's tests: a _TableBlock, an
    _ItemBlock) parse_blocks' block pass appends for the text."""
    if tokens.may_hold_footnote(text):
        return 0
    lines = text.split("\n")
    parser = tokens._block_parser(tokens.absent_block_rules(text), tokens.is_normalized(text))
    found: list[Token] = tokens.block_tokens(parser, text, {}, lines, nodes=True)
    return sum(type(token) is kind for token in found)


# Line pieces: plain headings and paragraph lines among everything that makes a line more.
PIECES = (
    "# Title\n", "## Sub title ##\n", "###### six\n", "####### seven\n", "#no space\n",
    "#\n", "   # indented\n", "    # code\n", "\t# tab code\n", "# *em* `code`\n",
    "A plain line.\n", "Another line with words\n", "   three spaces\n", "\ttab line\n",
    "trailing blanks  \n", "line with [ref] link\n", "**Lead:** text\n", "a_b & c\n",
    "\n", "\n\n", "  \n", "\t\n",
    "===\n", "---\n", "- - -\n", "***\n",
    "- item\n", "* star item\n", "+ plus\n", "1. one\n", "2) two\n", "  - nested\n",
    "    continued\n", "- \n", "-\ttab item\n",
    "> quote\n", "> # quoted heading\n", ">\n", "> - quoted item\n", "lazy\n",
    "| a | b |\n", "|---|---|\n", "| c | d |\n", "a | b\n", "-|-\n",
    "```\n", "```py\n", "~~~\n", "code()\n",
    "<div>\n", "</div>\n", "<!-- c -->\n",
    "[ref]: http://r.example\n", '[x]: <u> "t"\n',
    "\r\n", "\r",
)  # fmt: skip


def _mixes(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randint(0, 24))) for _ in range(count)]


# Half without a CR: a CR keeps markdown-it's normalize rule, and its own block pass, on.
MIXES = _mixes(20261129, 4000)
MIXES += [text.replace("\r", "") for text in MIXES[:2000]]
ALL_TEXTS = [*TEXTS, *MIXES, *GENERATED, *LINE_STARTS, *MIXED[:2000], *EDGE_DOCUMENTS]


def test_the_texts_take_the_text_block_path() -> None:
    # The repository's own Markdown and the generated mixes (no corpus needed) reach it.
    assert sum(_text_blocks(text) for text in TEXTS) > 500
    assert sum(_text_blocks(text) > 0 for text in MIXES) > 3500
    # Headings and paragraphs inside lists, quotes and tables' neighbours, at every level.
    assert sum(_text_blocks(text) > 0 and "> " in text and "- item" in text for text in MIXES) > 50


def _unlike_the_token_tree(texts: list[str]) -> list[str]:
    """The texts whose parse_blocks differs from the tree of the token path; every other text
    with its lines given, as api.parse calls it (body_lines)."""
    return [
        text
        for number, text in enumerate(texts)
        if tokens.parse_blocks(text, text.split("\n") if number % 2 else None)
        != _three_token_parse_blocks(text)
    ]


def test_parse_blocks_matches_the_three_token_tree() -> None:
    assert _unlike_the_token_tree(ALL_TEXTS) == []


def test_the_trees_are_compared_field_by_field() -> None:
    # Node's equality is the dataclass's: every field, children included.
    one, two = Node("paragraph", 1, 1), Node("paragraph", 1, 1)
    assert one == two
    for name in tokens.NODE_FIELDS:
        other = Node("paragraph", 1, 1)
        setattr(other, name, 7)
        assert other != one, name
