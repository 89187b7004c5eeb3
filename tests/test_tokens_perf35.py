"""Round 35 of the token stage.

absent_block_rules takes the test for str.splitlines' other line breaks from parse_blocks,
which reads it for the inline contents too (other_breaks): compared with round 34's function,
kept here, on every text of test_tokens_perf26 (blank-ended lines, every break splitlines
knows) and generated ones, the test given and not.

lazy_inline's one-line plain path tells "no whitespace but the space" without reading an ASCII
content a character at a time (isprintable) when the text holds no ASCII whitespace but the
space and "\\n" (parse_blocks' spaces_only): compared with the general path (spaces_only False,
isprintable on every content) through parse_blocks on every report (the corpus too when
present), on generated texts holding control characters, blanks of every kind, non-ASCII words
and tables, and content by content.

_StateBlock reads whether the code rule is active from _ParserBlock.code_enabled, which
_block_parser sets once its rules are final, instead of the ruler's active rules at each parse:
compared with the ruler's answer on every parser our texts use and with StateBlock's state.
"""

from __future__ import annotations

import random

from markdown_it.rules_block import StateBlock

from incidentparse import tokens
from incidentparse.tokens import Node

from .test_tokens_perf11 import LINE_STARTS, TEXTS
from .test_tokens_perf26 import ALL_TEXTS as PERF26_TEXTS


def _reference_absent_block_rules(text: str, lines: list[str] | None = None) -> frozenset[str]:
    """Round 34's tokens.absent_block_rules."""
    absent: list[str] = [] if tokens._holds_fence_mark(text) else ["fence"]
    for rule, marks in tokens._SEARCHED_MARKS:
        for mark in marks:
            if (len(mark) == 1 or mark[0] in text) and mark in text:
                break
        else:
            absent.append(rule)
    if lines is None or tokens._holds_any(text, tokens._OTHER_LINE_BREAKS):
        lines = text.splitlines()
    line_ends = {line[-1:] for line in lines}
    if " " in line_ends or "\t" in line_ends:
        line_ends = {line.rstrip(" \t")[-1:] for line in lines}
    absent += [
        rule for rule, ends in tokens._BLOCK_RULE_LINE_ENDS.items() if ends.isdisjoint(line_ends)
    ]
    return frozenset(absent)


# Words, blanks of every kind, control characters (unprintable, not whitespace), non-ASCII
# words and blanks, the characters that end spaces_only, block marks and a table.
PIECES = (
    "word", "two words", "Fix", ".", ":", "é", "’", "\u00a0", "\u2003", "\x85", "\u2028",
    " ", " ", "  ", "   ", "\t", "\x0b", "\x0c", "\x1c", "\x1f", "\r",
    "\x00", "\x01", "\x08", "\x1b", "\x7f", "\x0e",
    "\n", "\n", "\n\n", "# ", "## ", "- ", "1. ", "> ", "    ", "=", "-", "---", "*", "_",
    "| a | b |\n|---|---|\n| c  d | \x01 |\n", "|  x\x1b |  y  |\n| --- | --- |\n| \x7f | z |\n",
)  # fmt: skip


def _generated(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randint(0, 30))) for _ in range(count)]


GENERATED = _generated(20261135, 8000)
BLOCK_TEXTS = [*TEXTS, *LINE_STARTS, *GENERATED, "", "\n", " ", "\x01", "a\x1fb", "a\tb"]


def _general_parse_blocks(text: str) -> list[Node]:
    """parse_blocks with round 34's absent_block_rules and lazy_inline's general path."""
    if tokens.may_hold_footnote(text):
        return tokens.parse_blocks(text)  # no lazy_inline there
    lines = text.split("\n")
    line_count = len(lines)
    parser = tokens._block_parser(
        _reference_absent_block_rules(text, lines), tokens.is_normalized(text)
    )
    env: tokens.EnvType = {}
    found = tokens.block_tokens(parser, text, env, lines)
    tree = tokens._Tree(found, tokens._lazy_inline_of(parser, env))
    root = Node("root", 1, max(1, line_count))
    tree.build(0, len(tree.tokens), root, depth=0)
    return root.children


def _spaces_only(text: str) -> bool:
    """parse_blocks' flag: no character of _OTHER_LINE_BREAKS or _OTHER_ASCII_BLANKS."""
    return not tokens._holds_any(text, tokens._OTHER_LINE_BREAKS) and not tokens._holds_any(
        text, tokens._OTHER_ASCII_BLANKS
    )


def test_other_ascii_blanks_complete_the_ascii_whitespace() -> None:
    ascii_whitespace = {chr(code) for code in range(128) if chr(code).isspace()}
    split_at = {chr(code) for code in range(128) if len(f"a{chr(code)}a".split()) > 1}
    known = {" ", "\n", *tokens._OTHER_ASCII_BLANKS}
    known |= {character for character in tokens._OTHER_LINE_BREAKS if character.isascii()}
    assert known == ascii_whitespace == split_at


def test_absent_block_rules_matches_round_34() -> None:
    texts = [*PERF26_TEXTS, *GENERATED]
    for text in texts:
        lines = text.split("\n")
        expected = _reference_absent_block_rules(text, lines)
        breaks = tokens._holds_any(text, tokens._OTHER_LINE_BREAKS)
        assert tokens.absent_block_rules(text, text.split("\n"), breaks) == expected, text
        assert tokens.absent_block_rules(text, text.split("\n")) == expected, text
        assert tokens.absent_block_rules(text) == _reference_absent_block_rules(text), text
    # some lines ending in a blank, beside others not: the stripped ends replace the blanks
    mixed = [
        t
        for t in texts
        if {line[-1:] for line in t.split("\n")} & {" ", "\t"}
        and {line.rstrip(" \t")[-1:] for line in t.split("\n")} & {"-", "=", "*", "_"}
    ]
    assert len(mixed) > 500


def test_parse_blocks_matches_the_general_path() -> None:
    wrong = [
        text for text in BLOCK_TEXTS if tokens.parse_blocks(text) != _general_parse_blocks(text)
    ]
    assert wrong == []


def test_parse_blocks_given_lines_matches_the_general_path() -> None:
    for text in BLOCK_TEXTS[:3000]:
        assert tokens.parse_blocks(text, text.split("\n")) == _general_parse_blocks(text), text


def _contents(text: str) -> tuple[tokens.MarkdownIt, list[tokens.Token]]:
    parser = tokens._block_parser(tokens.absent_block_rules(text), tokens.is_normalized(text))
    found = tokens.block_tokens(parser, text, {}, text.split("\n"))
    return parser, [token for token in found if token.type == "inline"]


def test_lazy_inline_fast_path_matches_general_path_content_by_content() -> None:
    # The fast path taken: ASCII one-line contents of spaces_only texts that isprintable
    # refuses (a control character), with clean and unclean spacing both.
    taken = {"unprintable": 0, "clean": 0, "unclean": 0}
    for text in BLOCK_TEXTS:
        if tokens.may_hold_footnote(text):
            continue
        spaces_only = _spaces_only(text)
        if spaces_only:  # what the fast path leans on
            assert not any(c.isspace() for c in text if c.isascii() and c not in " \n")
        parser, inline_tokens = _contents(text)
        fast = tokens._lazy_inline_of(parser, {}, spaces_only)
        general = tokens._lazy_inline_of(parser, {})
        for token in inline_tokens:
            assert fast(token) == general(token), repr(token.content)
            content = token.content
            if spaces_only and content.isascii() and "\n" not in content:
                assert not any(c.isspace() for c in content if c != " ")
                if not content.isprintable():
                    taken["unprintable"] += 1
                elif "  " in content or content[:1] == " " or content[-1:] == " ":
                    taken["unclean"] += 1
                else:
                    taken["clean"] += 1
    assert min(taken.values()) > 100, taken


def test_reports_take_the_fast_path() -> None:
    # Most reports hold no tab: their ASCII contents take it (the flag is computed per parse).
    assert sum(_spaces_only(text) for text in TEXTS) > len(TEXTS) // 2
    assert all(tokens.parse_blocks(text) == _general_parse_blocks(text) for text in TEXTS)


# _StateBlock reads whether the code rule is active from the parser's block (_ParserBlock.
# code_enabled, set by _block_parser), where StateBlock asks the ruler at every parse.
def test_code_enabled_is_the_rulers_answer() -> None:
    parsers = {
        tokens._block_parser(tokens.absent_block_rules(text), tokens.is_normalized(text))
        for text in [*TEXTS, *GENERATED[:2000]]
    }
    assert len(parsers) > 10
    for parser in parsers:
        assert isinstance(parser.block, tokens._ParserBlock)
        assert parser.block.code_enabled is ("code" in parser.block.ruler.get_active_rules())
    for text in [*TEXTS, *GENERATED[:2000]]:
        parser = tokens._block_parser(tokens.absent_block_rules(text), tokens.is_normalized(text))
        slow = vars(StateBlock(text, parser, {}, []))
        fast = vars(tokens._StateBlock(text, parser, {}, []))
        assert slow == fast and list(slow) == list(fast)


def test_a_block_without_the_answer_asks_the_ruler() -> None:
    parser = tokens.block_parser_by_rule(frozenset(), True).disable("code")
    block = tokens._ParserBlock()
    block.ruler = parser.block.ruler
    parser.block = block
    assert block.code_enabled is None
    assert tokens._StateBlock("    x\n", parser, {}, [])._code_enabled is False
    assert vars(tokens._StateBlock("    x\n", parser, {}, [])) == vars(
        StateBlock("    x\n", parser, {}, [])
    )
    plain = tokens.block_parser_by_rule(frozenset(), True)  # markdown-it's ParserBlock
    assert tokens._StateBlock("x\n", plain, {}, [])._code_enabled is True
