"""tokens._StateBlock finds its line marks with str.split (tokens._line_marks) instead of
StateBlock.__init__'s loop over every line; the state it builds must be StateBlock's, attribute
for attribute and in the same order, on every Markdown file at hand (the repository's, the
shared corpus when present), the generated texts of the other token tests, and generated
texts of spaces, tabs, newlines and words in every order (indents, blank and space-only lines,
a last line with or without its newline).

The block pass as a whole is compared with markdown-it's by tests/test_tokens_perf11.py.
"""

from __future__ import annotations

import random

import pytest
from markdown_it.rules_block import StateBlock

from incidentparse import tokens

from .test_tokens_fastpath import GENERATED
from .test_tokens_perf11 import LINE_STARTS, TEXTS

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
