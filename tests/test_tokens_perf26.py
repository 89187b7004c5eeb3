"""Round-26 fast paths of the token stage give exactly what the plain computation gives.

may_hold_footnote looks for '^' before the two footnote marks; _holds_any looks for a
longer mark's first character before the mark; absent_block_rules reads the line ends from
the split parse_blocks shares with the block state (text.split("\\n"), unless the text holds
another character str.splitlines breaks at) and strips blanks off the lines only when one
ends in a blank; block_tokens hands that split to the block state's line marks. Each is
compared with the round-25 function, kept here as the reference, on the repository's
Markdown, the corpus, generated texts and seeded random mixes of line ends, blanks, marks
and every character splitlines breaks at.
"""

from __future__ import annotations

import random

import pytest
from markdown_it.utils import EnvType

from incidentparse import tokens

from .test_tokens_fastpath import EDGE_DOCUMENTS, GENERATED
from .test_tokens_perf11 import LINE_STARTS, TEXTS


def _reference_holds_any(text: str, marks: tuple[str, ...]) -> bool:
    return any(mark in text for mark in marks)


def _reference_may_hold_footnote(text: str) -> bool:
    return _reference_holds_any(text, tokens._FOOTNOTE_MARKS)


def _reference_absent_block_rules(text: str) -> frozenset[str]:
    """tokens.absent_block_rules as it was before round 26."""
    marks = tokens._BLOCK_RULE_MARKS.items()
    absent = [rule for rule, needed in marks if not _reference_holds_any(text, needed)]
    line_ends = {line.rstrip(" \t")[-1:] for line in text.splitlines()}
    ends_by_rule = tokens._BLOCK_RULE_LINE_ENDS.items()
    absent += [rule for rule, ends in ends_by_rule if ends.isdisjoint(line_ends)]
    return frozenset(absent)


# Pieces that reach each branch: every block rule's marks and their first characters alone,
# the footnote marks and '^' alone, line ends of each rule after blanks, every character
# str.splitlines breaks at, non-Latin-1 text (the slow multi-character search).
PIECES = (
    "word", "two words", "’quoted’", "é", "^", "[^1]", "^[note]", "[", "]", "^ [", "[ ^",
    "|", "a | b", "`", "```", "``", "~", "~~~", "~~", ">", "<", "<b>", "=", "-", "*", "_",
    "---", "===", "***", "___", " - ", "- item", " ", "  ", "\t", " \t", "\n", "\n\n", "\r",
    "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\0",
    "# Head", "1. one", "    code",
)  # fmt: skip


def _mixed(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randint(0, 24))) for _ in range(count)]


MIXED = _mixed(20261128, 6000)
ALL_TEXTS = [*TEXTS, *GENERATED, *LINE_STARTS, *EDGE_DOCUMENTS, *MIXED, "", "\n", " \n", "-"]


def test_inputs_reach_every_branch() -> None:
    assert len(TEXTS) >= 20
    with_caret = [t for t in ALL_TEXTS if "^" in t]
    assert sum(tokens.may_hold_footnote(t) for t in with_caret) > 300
    assert sum(not tokens.may_hold_footnote(t) for t in with_caret) > 300
    other_breaks = [t for t in ALL_TEXTS if tokens._holds_any(t, tokens._OTHER_LINE_BREAKS)]
    assert len(other_breaks) > 1000
    blank_ends = [t for t in ALL_TEXTS if " \n" in t or "\t\n" in t or t.endswith((" ", "\t"))]
    assert len(blank_ends) > 1000
    for rule in tokens.PRUNABLE_BLOCK_RULES:
        kept = sum(rule not in tokens.absent_block_rules(t, t.split("\n")) for t in ALL_TEXTS)
        assert 100 < kept < len(ALL_TEXTS) - 100, rule


def test_may_hold_footnote_matches_reference() -> None:
    wrong = [t for t in ALL_TEXTS if tokens.may_hold_footnote(t) != _reference_may_hold_footnote(t)]
    assert wrong == []


def test_holds_any_matches_reference() -> None:
    mark_sets = [
        *tokens._BLOCK_RULE_MARKS.values(),
        tokens._FOOTNOTE_MARKS,
        tokens._NORMALIZED_CHARACTERS,
        tokens._OTHER_LINE_BREAKS,
        ("ab", "b", "```x"),
    ]
    wrong = [
        (t, marks)
        for t in ALL_TEXTS
        for marks in mark_sets
        if tokens._holds_any(t, marks) != _reference_holds_any(t, marks)
    ]
    assert wrong == []


@pytest.mark.parametrize("shared", [False, True])
def test_absent_block_rules_matches_reference(shared: bool) -> None:
    wrong = [
        t
        for t in ALL_TEXTS
        if tokens.absent_block_rules(t, t.split("\n") if shared else None)
        != _reference_absent_block_rules(t)
    ]
    assert wrong == []


def test_block_tokens_with_the_shared_split_match_parser_parse() -> None:
    def same(text: str) -> bool:
        parser = tokens._block_parser(tokens.absent_block_rules(text), tokens.is_normalized(text))
        lines = text.split("\n")
        fast_env: EnvType = {}
        slow_env: EnvType = {}
        fast = tokens.block_tokens(parser, text, fast_env, lines)
        slow = parser.parse(text, slow_env)
        return bool(fast == slow and fast_env == slow_env)

    assert [t for t in ALL_TEXTS if not same(t)] == []


def test_line_marks_of_the_shared_split_match_their_own() -> None:
    wrong = [t for t in ALL_TEXTS if tokens._line_marks(t, t.split("\n")) != tokens._line_marks(t)]
    assert wrong == []
