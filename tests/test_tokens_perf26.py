"""Round-26 fast paths of the token stage give exactly what the plain computation gives.

may_hold_footnote looks for '^' before the two footnote marks; _holds_any looks for a
longer mark's first character before the mark; absent_block_rules reads the line ends from
the split parse_blocks shares with the block state (text.split("\\n"), unless the text holds
another character str.splitlines breaks at) and strips blanks off the lines only when one
ends in a blank; block_tokens hands that split to the block state's line marks. Each is
compared with the round-25 function, kept here as the reference, on the repository's
Markdown, the corpus, generated texts and seeded random mixes of line ends, blanks, marks
and every character splitlines breaks at.

lead_strong_inline checks the opening `**` before searching for the closing one, and the
tree reads inline contents through a closure (_lazy_inline_of) instead of functools.partial:
compared with the round-25 functions on generated contents and, through parse_blocks, with
the round-25 parse on all the texts above.
"""

from __future__ import annotations

import random
from functools import partial

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


def _reference_lead_strong_inline(content: str, env: EnvType) -> tokens.Inline | None:
    """tokens.lead_strong_inline as it was before round 26 (the closing run searched first)."""
    close = content.find("**", 2)
    if not content.startswith("**") or close < 3:
        return None
    label, rest = content[2:close], content[close + 2 :]
    tail: tokens.Inline | None = None
    if tokens.may_hold_markup(label + rest, env):
        if tokens._may_hold_link(content, env) or tokens._holds_inline_markup(label):
            return None
        tail = tokens.code_span_inline(rest, env)
        if tail is None:
            return None
    after = rest[:1] or " "
    if tokens._is_space(label[0]) or tokens._is_space(label[-1]):
        return None
    if tokens._is_punct(label[-1]) and not (tokens._is_space(after) or tokens._is_punct(after)):
        return None
    head = tokens.plain_inline(label)
    if tail is None:
        tail = tokens.plain_inline(rest)
    raw = head.text_raw + tail.text_raw
    breaks = head.breaks + tuple(len(head.text_raw) + offset for offset in tail.breaks)
    return tokens.Inline(
        tokens._clean(raw),
        lead=head.text,
        lead_strong=True,
        rest=tail.text,
        links=tail.links,
        code=tail.code,
        breaks=breaks,
        text_raw=raw,
    )


LEAD_PIECES = (
    "**", "*", "Label:", "Host", " ", "x", ".", ":", "`code`", "`", "_", "[a](b)", "[", "\n",
    "<http://a.b>", "é", "’", "&amp;", "\\", "value", "  ",
)  # fmt: skip


LABEL_PIECES = ("Label:", "Host", " ", "x", ".", ":", "é", "’", "value", "`a`")


def test_lead_strong_inline_matches_reference() -> None:
    rng = random.Random(26)
    contents = ["".join(rng.choices(LEAD_PIECES, k=rng.randint(0, 10))) for _ in range(8000)]
    contents += ["**" + c for c in contents[:4000]]
    labels = ["".join(rng.choices(LABEL_PIECES, k=rng.randint(0, 4))) for _ in range(3000)]
    contents += ["**" + a + "**" + b for a, b in zip(labels, contents[3000:6000], strict=True)]
    found = 0
    for env in ({}, {"references": {"A": {"href": "b", "title": ""}}}):
        for content in contents:
            fast = tokens.lead_strong_inline(content, env)
            assert fast == _reference_lead_strong_inline(content, env), content
            found += fast is not None
    assert found > 500


def _reference_lazy_inline(
    parser: tokens.MarkdownIt, env: EnvType, token: tokens.Token
) -> tokens.Inline:
    """tokens._lazy_inline as it was before round 26 (called through functools.partial)."""
    content = token.content
    if tokens._markup_free(content) or not tokens.may_hold_markup(content, env):
        return tokens.plain_inline(content)
    found = _reference_lead_strong_inline(content, env)
    if found is None:
        found = tokens.code_span_inline(content, env)
    if found is None:
        found = tokens.emphasis_inline(content, env)
    if found is None:
        found = tokens.flatten(parser.inline.parse(content, parser, env, []))
    return found


def _reference_parse_blocks(text: str) -> list[tokens.Node]:
    """tokens.parse_blocks as it was before round 26: markdown-it's own parse of the text,
    the round-25 line ends and inline reading."""
    if _reference_may_hold_footnote(text):
        tree = tokens._Tree(tokens._parser().parse(text), tokens._parsed_inline)
    else:
        parser = tokens._block_parser(
            _reference_absent_block_rules(text), tokens.is_normalized(text)
        )
        env: EnvType = {}
        tree = tokens._Tree(parser.parse(text, env), partial(_reference_lazy_inline, parser, env))
    root = tokens.Node("root", 1, max(1, text.count("\n") + 1))
    tree.build(0, len(tree.tokens), root, depth=0)
    return root.children


def test_parse_blocks_matches_reference() -> None:
    wrong = [t for t in ALL_TEXTS if tokens.parse_blocks(t) != _reference_parse_blocks(t)]
    assert wrong == []


def _reference_lines(token: tokens.Token, fallback: int) -> tuple[int, int]:
    """tokens._lines as it was before round 26."""
    if token.map:
        start, end = token.map
        return start + 1, max(start + 1, end)
    return fallback, fallback


def _reference_container(token: tokens.Token, base: str, fallback: int, depth: int) -> tokens.Node:
    """tokens._container as it was before round 26."""
    line, end = _reference_lines(token, fallback)
    kind = tokens._CONTAINERS[base]
    level = depth + 1 if kind == "list_item" else depth
    return tokens.Node(
        kind,
        line,
        end,
        level,
        "",
        tokens.EMPTY_INLINE,
        token.info or token.markup,
        base == "ordered_list",
    )


def test_lines_and_containers_match_reference() -> None:
    # Every token of the texts, and maps of every shape: none, empty, closing before, at and
    # after the line they open.
    stream = [token for text in TEXTS for token in tokens._parser().parse(text)]
    for start, end in [(0, 0), (0, 1), (3, 2), (3, 3), (3, 4), (7, 20)]:
        made = tokens.Token("bullet_list_open", "ul", 1)
        made.map = [start, end]
        stream.append(made)
    stream.append(tokens.Token("ordered_list_open", "ol", 1))
    shapes = 0
    for token in stream:
        for fallback in (1, 5):
            assert tokens._lines(token, fallback) == _reference_lines(token, fallback)
            base = tokens._CONTAINER_OPENINGS.get(token.type)
            if base is not None:
                shapes += 1
                for depth in (0, 2):
                    fast = tokens._container(token, base, fallback, depth)
                    assert fast == _reference_container(token, base, fallback, depth)
    assert shapes > 500
