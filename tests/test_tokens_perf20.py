"""Round 20 of tokens.py: block_tokens (the block parser called straight) gives what
parser.parse gives, tokens and env, on the repository's Markdown, the corpus when present,
generated texts and the block rules' edge documents; _holds_any answers as any() does;
headings' levels come from their tags; the table dispatch's two-character test of the
delimiter row leaves the tokens as markdown-it's rule chains give them."""

from __future__ import annotations

import pytest
from markdown_it.utils import EnvType

from incidentparse import tokens

from .test_tokens_fastpath import EDGE_DOCUMENTS, GENERATED
from .test_tokens_perf11 import LINE_STARTS, TEXTS, _same_tokens

ALL_TEXTS = [*TEXTS, *GENERATED, *LINE_STARTS, *EDGE_DOCUMENTS, "", "\n", " \t\n", "\r\nx\r"]


def _same_block_tokens(text: str) -> bool:
    parser = tokens._block_parser(tokens.absent_block_rules(text), tokens.is_normalized(text))
    fast_env: EnvType = {}
    slow_env: EnvType = {}
    fast = tokens.block_tokens(parser, text, fast_env)
    slow = parser.parse(text, slow_env)
    return bool(fast == slow and fast_env == slow_env)


def test_block_tokens_match_parser_parse() -> None:
    assert [t for t in ALL_TEXTS if not _same_block_tokens(t)] == []


def test_block_tokens_take_both_ways() -> None:
    # The repository's own texts hold no CR: the straight call is taken; a CR keeps the
    # normalize rule in the core chain, and MarkdownIt.parse runs it.
    assert len(TEXTS) >= 20
    assert sum(tokens.is_normalized(t) for t in ALL_TEXTS) > 1000
    assert sum(not tokens.is_normalized(t) for t in ALL_TEXTS) >= 10


@pytest.mark.parametrize("text", ["", "a", "x [^y", "^[", "[", "|", "> <", "~~~", "```"])
def test_holds_any_is_any(text: str) -> None:
    for marks in (
        tokens._FOOTNOTE_MARKS,
        tokens._NORMALIZED_CHARACTERS,
        *tokens._BLOCK_RULE_MARKS.values(),
    ):
        assert tokens._holds_any(text, marks) == any(mark in text for mark in marks)


def test_heading_levels_read_from_the_tag() -> None:
    # _Tree.build reads a heading's level from _HEADING_LEVELS, a paragraph's as 0
    levels = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
    assert levels == tokens._HEADING_LEVELS
    assert tokens._HEADING_LEVELS.get("p", 0) == 0
    seen: set[int] = set()
    extra = [f"{'#' * n} Title {n} {'#' * n}\n\ntext\n" for n in range(1, 8)]
    for text in [*TEXTS, *GENERATED, *extra, "T\n===\n", "T\n---\n", "> # q\n- ## i\n"]:
        stream = tokens._parser().parse(text)
        headings = [t for t in stream if t.type == "heading_open" and t.level == 0]
        nodes = [n for n in tokens.parse_blocks(text) if n.kind == "heading"]
        assert [n.level for n in nodes] == [int(t.tag[1]) for t in headings]
        seen.update(n.level for n in nodes)
    assert seen == {1, 2, 3, 4, 5, 6}


# Two lines, a header row then a line below it opening with any two of the characters the
# table rule reads (and others), indented or not, inside a list or a blockquote or not.
_HEADERS = ("a | b", "| a |")
_ROW_CHARACTERS = "|-: \tx*>1"
_ROW_TAILS = ("", "-", " x", "--|--")
_CONTAINERS = ("", "- ", "> ")


def _row_texts() -> list[str]:
    return [
        f"{outer}{header}\n{outer}{indent}{first}{second}{tail}\ntext\n"
        for outer in _CONTAINERS
        for header in _HEADERS
        for indent in ("", "    ")
        for first in _ROW_CHARACTERS
        for second in _ROW_CHARACTERS
        for tail in _ROW_TAILS
    ]


ROW_TEXTS = _row_texts()


def test_table_dispatch_matches_rule_chains_on_delimiter_row_openings() -> None:
    assert [text for text in ROW_TEXTS if not _same_tokens(text)] == []


def test_delimiter_row_openings_make_tables_and_not() -> None:
    made = [any(t.type == "table_open" for t in tokens._parser().parse(x)) for x in ROW_TEXTS]
    assert 40 < sum(made) < len(ROW_TEXTS) - 1000
