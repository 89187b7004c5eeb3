"""tokens.blockquote_rule is markdown-it's blockquote rule (rules_block/blockquote.py) without
the alerts option, with its state methods read in place and its per-character reads of the
blanks after each '>' done by comparisons.

The block pass with it must give markdown-it's tokens (tests/test_tokens_perf11.py's
_same_tokens: the dispatched chains against markdown-it's own, for the text's rule subset and
for every rule) on generated quotes: nested quotes, lazy continuation lines, quotes inside
lists, tabs and spaces after '>' at every column, empty '>' lines, quotes ended by a blank
line, a fence, a heading, an hr, a list, a table, html; and on every Markdown file we have.
"""

from __future__ import annotations

import random

from markdown_it.rules_block import blockquote

from incidentparse import tokens

from .test_tokens_perf11 import TEXTS, _same_tokens

INDENTS = ("", " ", "  ", "   ", "    ", "\t", " \t", "  \t", "   \t")
MARKERS = (">", "> ", ">  ", ">\t", "> \t", ">\t\t", ">     ", "> > ", ">>", "> >\t", ">>\t ")
WORDS = ("word", "two words", "é", "a | b", "**b**", "`c`", "[!NOTE]", "\\", "- x", "1. y", "")
# Lines that can follow a quoted line: more quotes, lazy lines, blank lines, list items,
# and blocks that end a quote.
NEXT = (
    "",
    "   ",
    "lazy line",
    "    indented lazy",
    "\tindented lazy",
    "```",
    "~~~",
    "---",
    "***",
    "# heading",
    "===",
    "<div>",
    "| a | b |",
    "|---|---|",
    "- item",
    "  - nested item",
    "1. item",
    "   > in item",
    "[ref]: /url",
)


def _line(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 3)))


def _quotes(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        lines = []
        if rng.random() < 0.3:
            lines.append(rng.choice(("a paragraph", "- a list item", "1. item", "  - x")))
        for _ in range(rng.randint(1, 8)):
            if rng.random() < 0.6:
                prefix = rng.choice(INDENTS) + rng.choice(MARKERS)
                if rng.random() < 0.3:
                    prefix += rng.choice(INDENTS) + rng.choice(MARKERS)
                lines.append(prefix + _line(rng))
            else:
                lines.append(rng.choice(NEXT))
        texts.append("\n".join(lines) + rng.choice(("", "\n", "\n\n")))
    return texts


QUOTES = _quotes(20261128, 6000)


def test_blockquote_rule_is_in_place() -> None:
    ruler = tokens._block_parser().block.ruler
    assert [r.fn for r in ruler.__rules__ if r.name == "blockquote"] == [tokens.blockquote_rule]
    plain = tokens.block_parser_by_rule(frozenset(), False).block.ruler
    assert [r.fn for r in plain.__rules__ if r.name == "blockquote"] == [blockquote]


def test_blockquote_rule_leaves_alerts_to_markdown_it() -> None:
    parser = tokens.block_parser_by_rule(frozenset(), False)
    parser.options["alerts"] = True
    tokens._read_quotes_in_place(parser)
    assert [r.fn for r in parser.block.ruler.__rules__ if r.name == "blockquote"] == [blockquote]


def test_blockquote_rule_hands_alerts_set_later_to_markdown_it() -> None:
    fast = tokens.block_parser_by_rule(frozenset(), False)
    tokens._read_quotes_in_place(fast)
    slow = tokens.block_parser_by_rule(frozenset(), False)
    fast.options["alerts"] = slow.options["alerts"] = True
    text = "> [!NOTE]\n> text\n\n> plain\n"
    assert fast.parse(text) == slow.parse(text)


def test_block_pass_with_blockquote_rule_matches_markdown_it_on_quotes() -> None:
    assert [text for text in QUOTES if not _same_tokens(text)] == []


def test_block_pass_with_blockquote_rule_matches_markdown_it_on_files() -> None:
    assert [text for text in TEXTS if not _same_tokens(text)] == []


def test_generated_quotes_reach_every_case_of_the_rule() -> None:
    # The cases the rule tells apart, each seen in the generated texts' token streams: a
    # quote inside a list, a nested quote, a quote ended by a block with a non-zero indent,
    # and a tab after '>' both taken as the space and not.
    parser = tokens._block_parser()
    nested = in_list = 0
    for text in QUOTES:
        stream = parser.parse(text, {})
        kinds = [token.type for token in stream]
        if "blockquote_open" in kinds and "bullet_list_open" in kinds:
            in_list += 1
        depth = 0
        for token in stream:
            if token.type == "blockquote_open":
                depth += 1
                if depth == 2:
                    nested += 1
            elif token.type == "blockquote_close":
                depth -= 1
    assert nested > 100 and in_list > 100
    tab_stops = {
        (len(indent.expandtabs(4)) + 1) % 4
        for text in QUOTES
        for line in text.split("\n")
        for indent in (line[: len(line) - len(line.lstrip(" "))],)
        if line[len(indent) : len(indent) + 2] == ">\t"
    }
    assert tab_stops == {0, 1, 2, 3}
