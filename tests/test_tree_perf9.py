"""Round-9 fast paths of the tree stage give exactly what the plain computation gives.

parse_blocks leaves out markdown-it's core normalize rule when the text holds no CR and no
NUL (is_normalized): the rule would hand such a text back unchanged. Compared with the
full pipeline (normalize kept) on every Markdown file at hand, on the texts parse() hands
over, and on generated texts holding CR, CRLF and NUL.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from incidentparse import source, tokens

from .test_tokens_fastpath import FILES, GENERATED, PIECES, _full_blocks


def _with_line_ends(seed: int, count: int) -> list[str]:
    """Generated texts with CR, CRLF, NUL and LF mixed among the usual pieces."""
    rng = random.Random(seed)
    pieces = (*PIECES, "\r", "\r\n", "\0", "a\0b", "\r\r", "\n\r", "\n")
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))) for _ in range(count)]


LINE_END_TEXTS = _with_line_ends(20261127, 800)


def _kept_normalize(text: str) -> list[tokens.Node]:
    """parse_blocks with markdown-it's normalize rule always run."""
    saved = tokens.is_normalized
    tokens.is_normalized = lambda text: False  # type: ignore[assignment]
    try:
        return tokens.parse_blocks(text)
    finally:
        tokens.is_normalized = saved


def test_normalize_rule_is_left_out_only_for_texts_it_keeps() -> None:
    assert tokens.is_normalized("# T\n\nplain\n")
    assert not tokens.is_normalized("a\r\nb")
    assert not tokens.is_normalized("a\rb")
    assert not tokens.is_normalized("a\0b")
    left_out = [t for t in LINE_END_TEXTS if tokens.is_normalized(t)]
    assert 100 < len(left_out) < len(LINE_END_TEXTS) - 100  # both ways are exercised
    parser = tokens._block_parser(frozenset(), True)
    assert "normalize" not in parser.core.ruler.get_active_rules()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_parse_blocks_without_normalize_matches_on_files(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    body = source.load(text).body  # what parse() hands to parse_blocks
    assert tokens.parse_blocks(body) == _kept_normalize(body) == _full_blocks(body)
    assert tokens.parse_blocks(text) == _full_blocks(text)


def test_parse_blocks_without_normalize_matches_on_generated_texts() -> None:
    texts = LINE_END_TEXTS + GENERATED
    assert [t for t in texts if tokens.parse_blocks(t) != _kept_normalize(t)] == []
    assert [t for t in LINE_END_TEXTS if tokens.parse_blocks(t) != _full_blocks(t)] == []
