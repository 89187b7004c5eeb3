"""Round 29's block pass: the same tokens and nodes as before, read with fewer calls.

- tokens.paragraph_rule reads a paragraph of several lines outside lists (state.blkIndent 0)
  as one slice of the text when its lines adjoin (tokens._adjoining: no blockquote has moved
  a line's start past its '>'): getLines at indent 0 skips nothing and joins each line with
  its newline but the last. The block pass must give markdown-it's own tokens (its paragraph
  rule calls getLines) on wrapped paragraphs at the top, in blockquotes (quoted and lazy
  lines), in list items (blkIndent above 0: getLines), with indents, tabs, trailing blanks
  and the Unicode spaces mdTrim strips; both ways must be taken.
- tokens.heading_rule reads state.is_code_block and mdTrim in place, and tokens.table_rule
  mdTrim: the block pass is compared with markdown-it's on headings and tables at every
  indent, with tabs and Unicode spaces at the edges.
- tokens.absent_block_rules tests each rule's marks in place of a _holds_any call: compared
  with round 26's reference (test_tokens_perf26) on the same texts.
- tokens._Tree.build and tokens._container build a Node without its __init__, setting each of
  tokens.NODE_FIELDS: every tree is compared with one built by the constructor (round 28's
  build, kept below) on the same texts, footnotes among them, and NODE_FIELDS with Node's.
- tokens._lazy_inline_of reads may_hold_markup in place and calls lead_strong_inline only on a
  content opening with '**' (it gives None at once otherwise): parse_blocks is compared with
  round 26's reference reading, and lazy_inline with round 26's plain reading
  (test_tokens_perf26._reference_lazy_inline, which round 28's equalled).

Every input here is generated or a file of the repository, so the fast paths are taken
without ../shared/corpus; the corpus's reports are compared too when present.
"""

from __future__ import annotations

import random
from dataclasses import fields
from functools import partial

import pytest
from markdown_it.token import Token
from markdown_it.utils import EnvType

from incidentparse import tokens

from .test_tokens_perf11 import TEXTS, _same_tokens
from .test_tokens_perf18 import PARAGRAPHS
from .test_tokens_perf26 import (
    ALL_TEXTS,
    _reference_absent_block_rules,
    _reference_container,
    _reference_lazy_inline,
    _reference_parse_blocks,
)

WORDS = ("word", "two words", "é", "’quoted’", "x#", "1.", "a | b", "**b**", "`c`", "[l](u)", "_")
LINE_OPENINGS = ("", "", "", " ", "  ", "   ", "    ", "\t", " \t", "\u00a0", "\u2003")
LINE_ENDS = ("", "", "", " ", "  ", "\t", "\u00a0", "\u2003")
# What a paragraph sits in: nothing (blkIndent 0), a blockquote, a list item (blkIndent > 0).
CONTAINERS = ("", "", "", "> ", ">", "> > ", "- ", "1. ", "> - ", "- > ")
# What follows a paragraph's last line: nothing, an empty line, a block that interrupts it.
AFTER = ("", "\n", "\n\n", "\n# h", "\n- item", "\n> quote", "\n---", "\n```\ncode\n```", "\nx")


def _wrapped(rng: random.Random) -> str:
    container = rng.choice(CONTAINERS)
    lines = []
    for number in range(rng.randint(2, 6)):
        # later lines of a blockquote's paragraph are quoted or lazy (no '>')
        prefix = container if number == 0 or rng.random() < 0.5 else ""
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
        lines.append(prefix + rng.choice(LINE_OPENINGS) + text + rng.choice(LINE_ENDS))
    return rng.choice(("", "para\n\n", "# h\n")) + "\n".join(lines) + rng.choice(AFTER)


def _generated(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "\n\n".join(_wrapped(rng) for _ in range(rng.randint(1, 3))) + rng.choice(("", "\n"))
        for _ in range(count)
    ]


WRAPPED = _generated(20261129, 4000)


def test_paragraph_rule_slices_adjoining_lines_as_markdown_it_reads_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    taken = {True: 0, False: 0}
    adjoining = tokens._adjoining

    def counted(b_marks: list[int], e_marks: list[int], first: int, stop: int) -> bool:
        found = adjoining(b_marks, e_marks, first, stop)
        taken[found] += 1
        return found

    monkeypatch.setattr(tokens, "_adjoining", counted)
    assert [text for text in WRAPPED if not _same_tokens(text)] == []
    assert [text for text in PARAGRAPHS if not _same_tokens(text)] == []
    assert [text for text in TEXTS if not _same_tokens(text)] == []
    # both ways: sliced (top level, lazy lines after a quoted first line) and getLines
    # (a quoted line below the first, its start moved past '>')
    assert taken[True] > 3000
    assert taken[False] > 1000


def test_paragraph_slice_is_get_lines() -> None:
    # Straight from the state: every paragraph of several lines the block pass reads at
    # blkIndent 0 with adjoining lines, its slice against getLines at indent 0.
    compared = 0
    for text in [*WRAPPED, *PARAGRAPHS, *TEXTS]:
        parser = tokens._block_parser()
        state = tokens._StateBlock(text, parser, {}, [])
        parser.block.tokenize(state, 0, state.lineMax)
        for token in state.tokens:
            if token.type != "paragraph_open" or token.map is None:
                continue
            start, stop = token.map
            if stop - start < 2:
                continue
            if not tokens._adjoining(state.bMarks, state.eMarks, start + 1, stop):
                continue
            sliced = text[state.bMarks[start] : state.eMarks[stop - 1]]
            assert sliced == state.getLines(start, stop, 0, False), text
            compared += 1
    assert compared > 3000


HEADING_LINES = ("# h", "## h ##", "###### x", "#", "#\tt", "### a #b", "# \u2003t\u2003", "#x")
TABLE_ROWS = ("| a | b |", "a|b", "|\u2003a\u2003|b\t|", "| `c` | \u00a0 |", "|x|", "a | b | c")
DELIMITERS = ("|---|---|", "-|-", "| :-: | --: |", "|-|", ":--|--:")


def _headings_and_tables(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        indent = rng.choice(("", " ", "   ", "    ", "\t", "  \t"))
        container = rng.choice(("", "", "- ", "> ", "1. "))
        if rng.random() < 0.5:
            text = container + indent + rng.choice(HEADING_LINES) + rng.choice(LINE_ENDS)
        else:
            rows = [rng.choice(TABLE_ROWS), rng.choice(DELIMITERS)]
            rows += [rng.choice(TABLE_ROWS) for _ in range(rng.randint(0, 3))]
            text = "\n".join(container + indent + row for row in rows)
        texts.append(rng.choice(("", "para\n", "# t\n\n")) + text + rng.choice(AFTER))
    return texts


HEADINGS_AND_TABLES = _headings_and_tables(20261129, 4000)


def test_headings_and_tables_match_markdown_it() -> None:
    assert [text for text in HEADINGS_AND_TABLES if not _same_tokens(text)] == []
    kinds = {
        token.type
        for text in HEADINGS_AND_TABLES
        for token in tokens._block_parser().parse(text, {})
    }
    assert {"heading_open", "th_open", "td_open", "code_block"} <= kinds


def test_absent_block_rules_match_reference() -> None:
    texts = [*ALL_TEXTS, *WRAPPED, *HEADINGS_AND_TABLES]
    wrong = [t for t in texts if tokens.absent_block_rules(t) != _reference_absent_block_rules(t)]
    assert wrong == []
    split = [
        t
        for t in texts
        if tokens.absent_block_rules(t, t.split("\n")) != _reference_absent_block_rules(t)
    ]
    assert split == []
    # each rule found absent and present
    for rule in tokens._BLOCK_RULE_MARKS:
        found = [rule in tokens.absent_block_rules(t) for t in texts]
        assert any(found) and not all(found), rule


INLINE_PIECES = (
    "word",
    " ",
    "**",
    "**Label:**",
    "*",
    "_",
    "`",
    "`code`",
    "[a](https://e.x)",
    "<https://e.x>",
    "&amp;",
    "&",
    "\\",
    "\n",
    "’",
    "a_b",
)


def _contents(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(INLINE_PIECES) for _ in range(rng.randint(1, 8))) for _ in range(count)
    ]


CONTENTS = _contents(20261129, 8000)


def test_lazy_inline_matches_reference() -> None:
    parser = tokens._block_parser()
    envs: list[EnvType] = [{}, {"references": {"A": {"href": "u", "title": ""}}}]
    read = 0
    for env in envs:
        lazy = tokens._lazy_inline_of(parser, env)
        for content in CONTENTS:
            token = Token("inline", "", 0)
            token.content = content
            assert lazy(token) == _reference_lazy_inline(parser, env, token), content
            read += content.startswith("**")
    assert read > 1000


def test_parse_blocks_matches_reference() -> None:
    texts = [*ALL_TEXTS, *WRAPPED, *HEADINGS_AND_TABLES]
    assert [t for t in texts if tokens.parse_blocks(t) != _reference_parse_blocks(t)] == []
    shared = [
        t for t in texts if tokens.parse_blocks(t, t.split("\n")) != _reference_parse_blocks(t)
    ]
    assert shared == []


class _ReferenceTree(tokens._Tree):
    """tokens._Tree with round 28's build: every Node by its constructor."""

    def build(
        self, start: int, stop: int, parent: tokens.Node, depth: int, inside: bool = False
    ) -> int:
        tokens_ = self.tokens
        children = parent.children
        index = start
        while index < stop:
            token = tokens_[index]
            nesting = token.nesting
            if nesting == 1:
                kind = tokens._TEXT_BLOCKS.get(token.type)
                if kind is None:
                    index = self._opening(index, token, stop, parent, depth)
                else:
                    inline = self.inline_of(tokens_[index + 1])
                    if lines := token.map:
                        line = lines[0] + 1
                        end = lines[1] if lines[1] > line else line
                    else:
                        line = end = parent.line
                    level = tokens._HEADING_LEVELS.get(token.tag, 0)
                    children.append(tokens.Node(kind, line, end, level, inline.text, inline))
                    index += 2
                    while tokens_[index].nesting != -1:
                        index += 1
            elif nesting == -1:
                if inside:
                    return index
            elif token.type in tokens._LEAVES:
                line, end = tokens._lines(token, parent.line)
                info = token.info.strip()
                kind = tokens._LEAVES[token.type]
                children.append(tokens.Node(kind, line, end, text=token.content, info=info))
            index += 1
        return stop

    def _opening(self, index: int, token: Token, stop: int, parent: tokens.Node, depth: int) -> int:
        base = tokens._CONTAINER_OPENINGS.get(token.type)
        if base is not None:
            first = parent.line if token.map else self._first_line(index, parent.line)
            node = _reference_container(token, base, first, depth)
            close = self.build(index + 1, stop, node, node.level, True)
            if node.children and not token.map:
                node.line, node.end_line = node.children[0].line, node.children[-1].end_line
            parent.children.append(node)
            return close
        if token.type == "table_open":
            node, close = self._table(index)
            parent.children.append(node)
            return close
        return self.build(index + 1, stop, parent, depth, True)


def _constructed_blocks(text: str) -> list[tokens.Node]:
    """tokens.parse_blocks with every Node built by its constructor."""
    if tokens.may_hold_footnote(text):
        tree = _ReferenceTree(tokens._parser().parse(text), tokens._parsed_inline)
    else:
        parser = tokens._block_parser(tokens.absent_block_rules(text), tokens.is_normalized(text))
        env: EnvType = {}
        tree = _ReferenceTree(parser.parse(text, env), partial(tokens._lazy_inline, parser, env))
    root = tokens.Node("root", 1, max(1, text.count("\n") + 1))
    tree.build(0, len(tree.tokens), root, depth=0)
    return root.children


FOOTNOTES = ("Text[^1] here.\n\n[^1]: The note.\n\n- item^[inline]\n", "# T\n\n[^a]: x\n> q[^a]\n")


def test_nodes_built_in_place_match_the_constructor() -> None:
    assert tuple(item.name for item in fields(tokens.Node)) == tokens.NODE_FIELDS
    texts = [*ALL_TEXTS, *WRAPPED, *HEADINGS_AND_TABLES, *FOOTNOTES]
    assert [t for t in texts if tokens.parse_blocks(t) != _constructed_blocks(t)] == []
    # every kind of node the two builds make is among them
    kinds = {node.kind for t in texts for top in tokens.parse_blocks(t) for node in top.walk()}
    assert {"heading", "paragraph", "list", "list_item", "blockquote", "table", "code"} <= kinds
    assert any(tokens.may_hold_footnote(t) for t in texts)
