"""Round 40 of the block pass: under parse_blocks' block state (tokens._NodeState) table_rule
appends one tokens._TableBlock per table, holding its Node (all but rows) and each row's cell
contents (tokens._Cell), where markdown-it's table rule appends eight tokens or more a row
(tr, th/td, inline, each opened and closed); _Tree.build reads each cell's inline off it. And
list_rule appends a tokens._ItemBlock (the item's Node but its level and children) and
tokens._ITEM_CLOSE in the place of list_item_open and list_item_close: _Tree.build reads the
Node off it, where _container made it of the opening token.

The table and item Nodes must be the ones the tokens give. parse_blocks is compared, every Node
field of every node, with the tree _Tree builds from block_tokens' token stream (the general
path, tests/test_tokens_perf39.py's _three_token_parse_blocks), and each table and list item
Node with one built here by Node(...) from markdown-it's own parse of the text
(MarkdownIt("commonmark") with tables: its table rule, its maps, its cells' inline tokens), on
the repository's Markdown, the corpus when present and seeded random mixes of table lines and
what ends or breaks a table: short and long rows, empty and escaped cells, alignments, indents,
lists, quotes, fences, lazy lines, blank lines, link reference definitions, and of list items
(nested, ordered, empty, interrupted).
"""

from __future__ import annotations

import random

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType

from incidentparse import tokens
from incidentparse.tokens import Node

from .test_tokens_fastpath import EDGE_DOCUMENTS, GENERATED
from .test_tokens_perf11 import TEXTS
from .test_tokens_perf39 import MIXES as LINE_MIXES
from .test_tokens_perf39 import _text_blocks, _three_token_parse_blocks, _unlike_the_token_tree

_MARKDOWN_IT = MarkdownIt("commonmark").enable("table")


def _reference_tables(text: str) -> list[Node]:
    """The table Nodes of the text, in document order, built by Node(...) from markdown-it's
    own tokens: lines from the table_open's and each tr_open's map, a row's cells from its
    inline tokens (an th/td without one: the empty inline), read by parse_blocks' inline
    reader over the same link reference definitions."""
    env: EnvType = {}
    stream = _MARKDOWN_IT.parse(text, env)
    spaces_only = not tokens._holds_any(text, tokens._OTHER_LINE_BREAKS) and not tokens._holds_any(
        text, tokens._OTHER_ASCII_BLANKS
    )
    inline_of = tokens._lazy_inline_of(tokens._block_parser(), env, spaces_only)
    found: list[Node] = []
    for index, token in enumerate(stream):
        if token.type != "table_open":
            continue
        assert token.map is not None
        rows: list[tuple[tokens.Inline, ...]] = []
        row_lines: list[int] = []
        cells: list[tokens.Inline] = []
        at = index
        while (kind := stream[at].type) != "table_close":
            if kind == "tr_open":
                cells = []
                row_map = stream[at].map
                assert row_map is not None
                row_lines.append(row_map[0] + 1)
            elif kind == "inline":
                cells.append(inline_of(_content_token(stream[at].content)))
            elif kind in ("th_open", "td_open") and stream[at + 1].type != "inline":
                cells.append(tokens.EMPTY_INLINE)
            elif kind == "tr_close":
                rows.append(tuple(cells))
            at += 1
        first = token.map[0] + 1
        found.append(
            Node(
                "table",
                first,
                max(first, token.map[1]),
                rows=tuple(rows),
                row_lines=tuple(row_lines),
            )
        )
    return found


def _content_token(content: str) -> Token:
    # An inline token of the content (markdown-it's full parse has its children read: the
    # reader is handed a fresh one, as the block pass gives it).
    return Token("inline", "", 0, content=content, children=[])


def _reference_items(text: str) -> list[Node]:
    """The list item Nodes of the text, in document order, built by Node(...) from markdown-it's
    own tokens, their children left out: lines from the list_item_open's map, its level the
    items it stands in (itself among them), its info its number or else its marker."""
    found: list[Node] = []
    depth = 0
    for token in _MARKDOWN_IT.parse(text, {}):
        if token.type == "list_item_close":
            depth -= 1
        if token.type != "list_item_open":
            continue
        depth += 1
        assert token.map is not None
        first = token.map[0] + 1
        found.append(
            Node(
                "list_item",
                first,
                max(first, token.map[1]),
                level=depth,
                info=token.info or token.markup,
                ordered=False,
            )
        )
    return found


def _items(nodes: list[Node]) -> list[Node]:
    """The list item Nodes of a tree, in document order, their children left out."""
    found = []
    for top in nodes:
        for node in top.walk():
            if node.kind == "list_item":
                copy = Node("list_item", node.line, node.end_line)
                for name in tokens.NODE_FIELDS:
                    setattr(copy, name, [] if name == "children" else getattr(node, name))
                found.append(copy)
    return found


def _item_blocks(text: str) -> int:
    return _text_blocks(text, tokens._ItemBlock)


def _tables(nodes: list[Node]) -> list[Node]:
    return [node for top in nodes for node in top.walk() if node.kind == "table"]


def _table_blocks(text: str) -> int:
    return _text_blocks(text, tokens._TableBlock)


# Table lines among what ends a table, breaks its rows or makes a line no row.
PIECES = (
    "| a | b |\n", "| Time | Event |\n", "a | b\n", "| a |\n", "| a | b | c |\n", "|a|b|\n",
    "| |  |\n", "||\n", "| a \\| b | c |\n", "| `x|y` | *e* |\n", "| [r] | <b> |\n",
    "| 08:37 | Emil notified |\n", "| é | — |\n", "|\ta\t|\tb\t|\n", "a\n", "| a | b |  \n",
    "|---|---|\n", "| :-- | --: |\n", "|:-:|---|\n", "--- | ---\n", "|---|\n", "-|-\n",
    "|---|---|---|\n", "| - | - |\n", "|--|x|\n",
    "\n", "  \n", "   | indented | row |\n", "    | code | row |\n", "\t| tab |\n",
    "- item\n", "- | a | b |\n", "  |---|---|\n", "  | c | d |\n", "1. one\n",
    "> | q | r |\n", "> |---|---|\n", "> | s |\n", ">\n", "# Heading\n", "***\n",
    "```\n", "~~~\n", "<div>\n", "lazy words\n", "[r]: http://r.example\n", "\r\n",
    "* star\n", "  * nested star\n", "    - deeper\n", "10. ten\n", "3) three\n", "-\n",
    "- \n", "  continued\n", "> - quoted item\n", "- # item heading\n", "-\tx\n",
)  # fmt: skip


def _mixes(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    header_and_delimiter = ("| a | b |\n|---|---|\n", "a | b\n-|-\n", "| a |\n|:-:|\n")
    texts = []
    for _ in range(count):
        pieces = rng.choices(PIECES, k=rng.randint(0, 20))
        # most mixes hold at least one table's opening: a header and its delimiter row
        for _ in range(rng.randint(0, 2)):
            pieces.insert(rng.randint(0, len(pieces)), rng.choice(header_and_delimiter))
        texts.append("".join(pieces))
    return texts


MIXES = _mixes(20261129, 4000)
MIXES += [text.replace("\r", "") for text in MIXES[:2000]]
ALL_TEXTS = [*TEXTS, *MIXES, *LINE_MIXES, *GENERATED, *EDGE_DOCUMENTS]


def test_the_texts_take_the_table_block_path() -> None:
    # The generated mixes (no corpus needed) reach it, tables inside lists and quotes too.
    assert sum(_table_blocks(text) > 0 for text in MIXES) > 2500
    assert sum(_table_blocks(text) > 1 for text in MIXES) > 300
    nested = [text for text in MIXES if "- | a" in text or "> |" in text]
    assert sum(_table_blocks(text) > 0 for text in nested) > 200
    # The repository's Markdown holds tables of its own (fixtures/reports).
    assert sum(_table_blocks(text) for text in TEXTS) > 5


def test_the_texts_take_the_item_block_path() -> None:
    assert sum(_item_blocks(text) > 0 for text in MIXES) > 2500
    assert sum(_item_blocks(text) for text in TEXTS) > 100
    nested = [text for text in MIXES if "  * nested" in text or "    - deeper" in text]
    assert sum(any(node.level > 1 for node in _items(tokens.parse_blocks(t))) for t in nested) > 50


def _same_items(text: str) -> bool:
    # As _same_tables: a footnote mark's text is read by markdown-it with its plugin.
    return tokens.may_hold_footnote(text) or _items(tokens.parse_blocks(text)) == _reference_items(
        text
    )


def test_item_nodes_match_markdown_its_items() -> None:
    wrong = [text for text in ALL_TEXTS if not _same_items(text)]
    assert wrong == []


def test_parse_blocks_matches_the_token_tree() -> None:
    assert _unlike_the_token_tree(ALL_TEXTS) == []


def _same_tables(text: str) -> bool:
    # A text with a footnote mark is read by markdown-it with its footnote plugin (no
    # _TableBlock): the plugin's notes would hold tables the reference parser reads as text.
    if tokens.may_hold_footnote(text):
        return True
    return _tables(tokens.parse_blocks(text)) == _reference_tables(text)


def test_table_nodes_match_markdown_its_tables() -> None:
    wrong = [text for text in ALL_TEXTS if "|" in text and not _same_tables(text)]
    assert wrong == []


def test_autocompleted_cells_end_a_table_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    # markdown-it ends a table once its rows have left out more cells than its limit (65536):
    # the table rules read the limit from its module, as markdown-it's own rule does.
    monkeypatch.setattr(tokens.table_module, "MAX_AUTOCOMPLETED_CELLS", 3)
    short_rows = [
        "| a | b | c |\n|---|---|---|\n" + "| x |\n" * rows + "| y | z |\n" * more + "tail\n"
        for rows in range(4)
        for more in range(3)
    ]
    for text in short_rows + MIXES[:500]:
        assert tokens.parse_blocks(text) == _three_token_parse_blocks(text)
        assert _same_tables(text)
    assert _tables(tokens.parse_blocks(short_rows[-1]))[0].row_lines == (1, 3)
