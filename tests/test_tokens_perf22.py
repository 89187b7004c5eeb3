"""tokens.list_rule is markdown-it's list rule (rules_block/list.py list_block) without the
task-list option, with its state methods and option reads done in place.

The block pass with it must give markdown-it's tokens (tests/test_tokens_perf11.py's
_same_tokens: the dispatched chains against markdown-it's own, for the text's rule subset and
for every rule) on generated lists: bullet and ordered markers, start numbers, tabs and wide
gaps after the marker, nested and over-indented items, empty items, blank lines between and
inside items (tight and loose lists), lazy lines, a change of marker, blocks that end a list,
and lists interrupting a paragraph. The repository's files and the earlier generated texts
go through it in tests/test_tokens_perf11.py and tests/test_tokens_perf18.py.

tokens.paragraph_rule slices a list item's one-line first paragraph from the line (after the
marker) where getLines skips the marker and spaces: the same comparisons cover it, on items
with and without a tab after the marker (the latter take getLines).
"""

from __future__ import annotations

import random

from markdown_it.rules_block import list_block

from incidentparse import tokens

from .test_tokens_perf11 import TEXTS, _same_tokens
from .test_tokens_perf18 import one_line_paragraph_lines

INDENTS = ("", " ", "  ", "   ", "    ", "     ", "      ", "\t", " \t", "  \t", "\t\t")
MARKERS = (
    "- ",
    "* ",
    "+ ",
    "-\t",
    "-     ",
    "-",
    "1. ",
    "1) ",
    "2. ",
    "10. ",
    "0. ",
    "123456789. ",
    "1234567890. ",
    "1.\t",
    "3)",
    "٣. ",
    "-- ",
    "*x",
)
WORDS = ("word", "two words", "é", "1", "a | b", "**b**", "`c`", "[x] task", "[ ] todo", "\\")
# Lines that can follow an item: items, continuations, blank lines, and blocks that end it.
NEXT = (
    "",
    "",
    "   ",
    "lazy line",
    "> quoted",
    "```",
    "~~~",
    "---",
    "***",
    "# heading",
    "===",
    "<div>",
    "| a | b |",
    "    code",
    "[ref]: /url",
)


def _line(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 3)))


def _lists(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        lines = []
        if rng.random() < 0.3:
            lines.append("a paragraph " + _line(rng))  # the list may interrupt it
        for _ in range(rng.randint(1, 7)):
            if rng.random() < 0.65:
                lines.append(rng.choice(INDENTS) + rng.choice(MARKERS) + _line(rng))
            else:
                lines.append(rng.choice(INDENTS) + rng.choice(NEXT))
        texts.append("\n".join(lines) + rng.choice(("", "\n", "\n\n")))
    return texts


LISTS = _lists(20261128, 5000)


def test_list_rule_is_in_place() -> None:
    ruler = tokens._block_parser().block.ruler
    assert [rule.fn for rule in ruler.__rules__ if rule.name == "list"] == [tokens.list_rule]
    plain = tokens.block_parser_by_rule(frozenset(), False).block.ruler
    assert [rule.fn for rule in plain.__rules__ if rule.name == "list"] == [list_block]


def test_list_rule_leaves_task_lists_to_markdown_it() -> None:
    parser = tokens.block_parser_by_rule(frozenset(), False)
    parser.options["tasklists"] = True
    tokens._read_lists_in_place(parser)
    assert [rule.fn for rule in parser.block.ruler.__rules__ if rule.name == "list"] == [list_block]


def test_block_pass_with_list_rule_matches_markdown_it_on_lists() -> None:
    assert [text for text in LISTS if not _same_tokens(text)] == []


def test_block_pass_with_list_rule_matches_markdown_it_on_files() -> None:
    assert [text for text in TEXTS if not _same_tokens(text)] == []


def test_generated_lists_reach_every_case_of_the_rule() -> None:
    # What the comparison above must have seen for it to cover the rule's branches.
    seen: set[str] = set()
    for text in LISTS:
        found = tokens._block_parser().parse(text, {})
        for token in found:
            if token.type == "ordered_list_open":
                seen.add("ordered")
                if token.attrs.get("start") not in (None, 1):
                    seen.add("start")
            elif token.type == "bullet_list_open":
                seen.add("bullet")
            elif token.type == "paragraph_open" and token.hidden:
                seen.add("tight")
            elif token.type == "paragraph_open" and token.level >= 2:
                seen.add("loose")
            elif token.type == "list_item_close" and token.level >= 1:
                seen.add("nested")
        items = [t for t in found if t.type == "list_item_open"]
        if any(t.map and t.map[1] - t.map[0] >= 2 for t in items):
            seen.add("multi-line item")
        if len([t for t in found if t.type.endswith("list_open")]) >= 2:
            seen.add("two lists")
        if found and found[0].type == "paragraph_open" and len(items):
            seen.add("after a paragraph")
    assert seen == {
        "ordered",
        "start",
        "bullet",
        "tight",
        "loose",
        "nested",
        "multi-line item",
        "two lists",
        "after a paragraph",
    }


def test_generated_lists_take_both_ways_to_an_item_paragraph() -> None:
    # One-line paragraphs on an item's first line, the marker inside state.tShift: sliced
    # when the marker and spaces hold no tab, read with getLines when they do.
    sliced = tabbed = 0
    for line in one_line_paragraph_lines(LISTS):
        if line[:1] in ("-", "*", "+") or line[:1].isdigit():
            marker = line.split(maxsplit=1)[0]
            gap = line[len(marker) : len(marker) + 1]
            tabbed += gap == "\t"
            sliced += gap == " "
    assert sliced > 1000
    assert tabbed > 100
