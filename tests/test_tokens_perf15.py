"""tokens._StateBlock finds its line marks with str.split (tokens._line_marks) instead of
StateBlock.__init__'s loop over every line; the state it builds must be StateBlock's, attribute
for attribute and in the same order, on every Markdown file at hand (the repository's, the
shared corpus when present), the generated texts of the other token tests, and generated
texts of spaces, tabs, newlines and words in every order (indents, blank and space-only lines,
a last line with or without its newline).

The table rule splits rows without a backslash with str.split (tokens._split_table_rows_plainly):
the split must give escapedSplit's list on generated rows, and the block pass markdown-it's
tokens on generated tables.

The block pass as a whole is compared with markdown-it's by tests/test_tokens_perf11.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.table import escapedSplit

from incidentparse import tokens

from .test_tokens_fastpath import GENERATED
from .test_tokens_perf11 import LINE_STARTS, TEXTS, _same_tokens

# Pieces of lines: indents of spaces and tabs in every mix, newlines, words, block markers.
PIECES = ("\n", "\n\n", " ", "  ", "    ", "\t", " \t", "\t ", "  \t", "a", "word", "é", "- ", "> ")


def _whitespace_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 25))) for _ in range(count)]


WHITESPACE = _whitespace_texts(20261128, 4000)


def _same_state(text: str) -> bool:
    parser = tokens._block_parser()
    slow = vars(StateBlock(text, parser, {}, []))
    fast = vars(tokens._StateBlock(text, parser, {}, []))
    return slow == fast and list(slow) == list(fast)


@pytest.mark.parametrize("number", range(len(TEXTS)))
def test_line_marks_match_state_block_on_files(number: int) -> None:
    assert _same_state(TEXTS[number])


def test_line_marks_match_state_block_on_generated_texts() -> None:
    texts = [*GENERATED, *LINE_STARTS, *WHITESPACE]
    assert [text for text in texts if not _same_state(text)] == []


def test_line_mark_texts_cover_the_cases() -> None:
    # Floors from the repository's own texts (no corpus needed): indents holding a tab (its
    # columns differ from its characters), a space-only last line without its newline (no
    # line for it), texts ending with and without a newline.
    texts = [*TEXTS, *GENERATED, *LINE_STARTS, *WHITESPACE]
    tabbed = [t for t in texts if tokens._line_marks(t)[2] != tokens._line_marks(t)[3]]
    last_lines = [t.rsplit("\n", 1)[-1] for t in texts]
    assert len(tabbed) > 500
    assert sum(bool(last) and not last.strip(" \t") for last in last_lines) > 300
    assert sum(t.endswith("\n") for t in texts) > 1000
    assert sum(bool(last) for last in last_lines) > 1000


# The table rule's row split (tokens._split_table_rows_plainly): str.split on rows without a
# backslash, escapedSplit on the others, gives escapedSplit's list on every row.
ROW_PIECES = ("|", "||", "\\", "\\|", "\\\\|", " ", "a", "`", "`|`", "é", "-", ":")


def _rows(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(ROW_PIECES) for _ in range(rng.randint(0, 16))) for _ in range(count)
    ]


ROWS = _rows(20261128, 5000)


def _table_rule_split() -> Callable[[str], list[str]]:
    ruler = tokens._block_parser().block.ruler
    (table,) = (rule.fn for rule in ruler.__rules__ if rule.name == "table")
    split: Callable[[str], list[str]] = table.__globals__["escapedSplit"]
    return split


def test_table_rule_split_matches_escaped_split() -> None:
    split = _table_rule_split()
    assert split is not escapedSplit  # the rule reads the plain split
    assert [row for row in ROWS if split(row) != escapedSplit(row)] == []
    assert sum("\\" in row for row in ROWS) > 1000
    assert sum("\\" not in row and "|" in row for row in ROWS) > 500


def _table_texts(seed: int, count: int) -> list[str]:
    # a header row, a delimiter row, body rows: escaped pipes, code spans, ragged rows
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        header = rng.choice(("| a | b |", "a | b", "| a \\| b | c |", "|a|", "a|b|c"))
        delimiter = rng.choice(("|---|---|", "---|---", "| :-: | --: |", "|-|", "-|-|-"))
        body = [rng.choice(ROWS) for _ in range(rng.randint(0, 4))]
        texts.append("\n".join([header, delimiter, *body]) + rng.choice(("", "\n")))
    return texts


TABLES = _table_texts(20261128, 1500)


def test_block_pass_with_plain_split_matches_markdown_it_on_tables() -> None:
    assert [text for text in TABLES if not _same_tokens(text)] == []
    parsed = [tokens._block_parser().parse(text, {}) for text in TABLES]
    assert sum(any(t.type == "td_open" for t in stream) for stream in parsed) > 400


# code_span_inline joins its stretches and spans without plain_inline when the content holds
# no line break (tokens._joined): the same raw text and breaks as the general join.
JOIN_PIECES = ("", " ", "a", "two words", "  ", "\t", "é", "x ", " y", "[", "]")


def _joins(seed: int, count: int) -> list[tuple[list[str], list[tuple[str, tuple[int, ...]]]]]:
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        spans = [(rng.choice(JOIN_PIECES), ()) for _ in range(rng.randint(1, 4))]
        stretches = [rng.choice(JOIN_PIECES) for _ in range(len(spans) + 1)]
        cases.append((stretches, spans))
    return cases


def test_one_line_join_matches_the_general_join() -> None:
    cases = _joins(20261128, 3000)
    assert [c for c in cases if tokens._joined(*c, False) != tokens._joined(*c, True)] == []


# tokens.heading_rule reads `#` lines with str methods: the block pass must give markdown-it's
# tokens on generated headings (runs of 0 to 8 `#`, closing runs, spaces and tabs around them,
# escapes, indents, inside blockquotes and lists, after a paragraph line it ends).
HEADING_PIECES = ("#", "##", " ", "  ", "\t", "a", "Title", "\\#", " #", "# ", "é", "\u00a0", "x#")
HEADING_CONTEXTS = ("", " ", "   ", "    ", "> ", "- ", "1. ", "text\n", "> text\n> ", "- a\n  ")


def _headings(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        line = "#" * rng.randint(0, 8) + "".join(
            rng.choice(HEADING_PIECES) for _ in range(rng.randint(0, 6))
        )
        texts.append(rng.choice(HEADING_CONTEXTS) + line + rng.choice(("", "\n", "\nnext")))
    return texts


HEADINGS = _headings(20261128, 4000)


def test_heading_rule_is_in_place() -> None:
    ruler = tokens._block_parser().block.ruler
    assert [rule.fn for rule in ruler.__rules__ if rule.name == "heading"] == [tokens.heading_rule]


def test_block_pass_with_heading_rule_matches_markdown_it_on_headings() -> None:
    assert [text for text in HEADINGS if not _same_tokens(text)] == []
    parsed = [tokens._block_parser().parse(text, {}) for text in HEADINGS]
    opened = [t.tag for stream in parsed for t in stream if t.type == "heading_open"]
    assert len(opened) > 1000
    assert set(opened) == {f"h{level}" for level in range(1, 7)}
