"""The block dispatch hands a line indented as a code block to the code rule alone, any other
line to the chain without it (tokens._code_rule): the rules before code, and every rule of
_REFUSING_CODE_LINES, must return False on such a line, changing nothing, and the block pass
must give markdown-it's tokens on generated texts full of indented lines, inside lists and
blockquotes, after paragraphs, with tabs.

_lazy_inline builds a one-line content without markup itself: it must be plain_inline's
Inline, and markdown-it's.

_ParserBlock.tokenize, markdown-it's loop reading the line marks in place, must give
ParserBlock.tokenize's tokens and state on the same texts and deeply nested ones.

The block pass as a whole is compared with markdown-it's by tests/test_tokens_perf11.py.
"""

from __future__ import annotations

import random
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.token import Token

from incidentparse import tokens

from .test_tokens_fastpath import INLINE_CONTENTS, _full_inline
from .test_tokens_perf11 import LINE_STARTS, TEXTS, _same_tokens

# Lines: indents reaching a code block or not, at the top, in list items and blockquotes.
INDENTS = ("", "  ", "   ", "    ", "     ", "      ", "        ", "\t", " \t", "\t\t")
MARKERS = ("", "", "- ", "1. ", "> ", ">     ", "-     ", "* ", "10) ")
BODIES = ("code", "a | b", "|---|---|", "```", "# h", "- x", "> q", "---", "[a]: /u", "<div>", "")


def _code_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        lines = [
            rng.choice(INDENTS) + rng.choice(MARKERS) + rng.choice(INDENTS) + rng.choice(BODIES)
            for _ in range(rng.randint(1, 10))
        ]
        texts.append("\n".join(lines) + rng.choice(("", "\n")))
    return texts


CODE_TEXTS = _code_texts(20261128, 3000)


def test_block_pass_matches_markdown_it_on_indented_lines() -> None:
    assert [text for text in CODE_TEXTS if not _same_tokens(text)] == []


def _code_lines(text: str) -> list[tuple[tokens._StateBlock, int]]:
    """A fresh state for each line the block pass may read as a code line at the top."""
    parser = tokens._block_parser()
    state = tokens._StateBlock(text, parser, {}, [])
    return [
        (tokens._StateBlock(text, parser, {}, []), line)
        for line in range(state.lineMax)
        if state.sCount[line] - state.blkIndent >= 4
    ]


def test_rules_refusing_code_lines_refuse_them_unchanged() -> None:
    parser = tokens.block_parser_by_rule(frozenset(), False)
    rules = {rule.name: rule.fn for rule in parser.block.ruler.__rules__}
    assert set(rules) >= tokens._REFUSING_CODE_LINES
    checked = 0
    for text in [*CODE_TEXTS, *LINE_STARTS, *TEXTS]:
        for state, line in _code_lines(text):
            before = {k: v.copy() if isinstance(v, list) else v for k, v in vars(state).items()}
            for name in sorted(tokens._REFUSING_CODE_LINES):
                for silent in (False, True):
                    assert not rules[name](state, line, state.lineMax, silent), (name, text)
                    assert vars(state) == before, (name, text)
            checked += 1
    assert checked > 1000  # from the generated texts alone


def test_code_rule_takes_code_lines_in_the_block_chain() -> None:
    parser = tokens.block_parser_by_rule(frozenset(), False)
    chain = [(rule.name, rule.fn) for rule in parser.block.ruler.__rules__]
    code = dict(chain)["code"]
    assert tokens._code_rule(chain) is code  # only table comes before it
    assert tokens._code_rule([("paragraph", code), ("code", code)]) is None
    assert tokens._code_rule([(name, fn) for name, fn in chain if name != "code"]) is None


def test_one_line_plain_contents_are_plain_inline() -> None:
    one_line = [c for c in INLINE_CONTENTS if "\n" not in c]
    parser = tokens._block_parser()
    lazy = {c: tokens._lazy_inline(parser, {}, Token("inline", "", 0, content=c)) for c in one_line}
    plain = [c for c in one_line if not tokens.may_hold_markup(c, {})]
    assert len(plain) > 200
    assert [c for c in plain if lazy[c] != tokens.plain_inline(c)] == []
    assert [c for c in one_line if lazy[c] != _full_inline(c)] == []


# Deep nesting: markdown-it's maxNesting (20 in commonmark) stops the loop early.
NESTED = [">" * depth + " x\n\n" + "- " * depth + "y\n  z" for depth in (5, 19, 20, 21, 40)]


def _tokenized(text: str, parser: MarkdownIt) -> tuple[Any, ...]:
    state = tokens._StateBlock(text, parser, {}, [])
    parser.block.tokenize(state, state.line, state.lineMax)
    return state.tokens, {name: value for name, value in vars(state).items() if name != "md"}


def test_tokenize_loop_is_markdown_its() -> None:
    fast = tokens._block_parser()
    assert isinstance(fast.block, tokens._ParserBlock)
    # The same grammar and dispatched rules, with markdown-it's loop at every level (the
    # list and blockquote rules call state.md.block.tokenize for their content).
    own = tokens._block_parser.__wrapped__()
    own.block = ParserBlock()
    own.block.ruler = fast.block.ruler
    texts = [*CODE_TEXTS, *LINE_STARTS, *TEXTS, *NESTED]
    assert [t for t in texts if _tokenized(t, fast) != _tokenized(t, own)] == []
