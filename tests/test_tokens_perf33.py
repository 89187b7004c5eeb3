"""Round 33: tokens.emphasis_inline's one-line contents and tokens._flanks' ASCII answers.

- emphasis_inline tests the three parts around the delimiter runs for markup by substring
  tests of the content (no part holds the marker, nor '*' when the marker is '_'), walking
  _holds_inline_markup over the parts only where the content holds a backslash, backtick,
  '<', '&' or (with '*') a '_'; and builds a one-line content's Inline from the parts
  themselves, without three plain_inline calls and their breaks.
- _flanks reads whether an ASCII character is a space or punctuation from tables built at
  import from _is_space and _is_punct (tokens._ASCII_SPACES, _ASCII_PUNCTS).

Both are compared with round 32's code, kept below, on every inline content of the
repository's files (the corpus too when present) and on generated contents mixing the
markers, runs, line breaks, markup characters, punctuation, Unicode spaces and letters; the
generated contents take the fast ways without ../shared/corpus.
"""

from __future__ import annotations

import random

from markdown_it.utils import EnvType

from incidentparse import tokens
from incidentparse.tokens import (
    Inline,
    _holds_inline_markup,
    _is_punct,
    _is_space,
    _may_hold_link,
    _run_end_of,
    plain_inline,
)

from .test_tokens_perf11 import TEXTS


def _reference_flanks(content: str, start: int, end: int) -> tuple[bool, bool, bool, bool]:
    """Round 32's tokens._flanks."""
    last = content[start - 1] if start else " "
    following = content[end] if end < len(content) else " "
    last_punct, next_punct = _is_punct(last), _is_punct(following)
    last_space, next_space = _is_space(last), _is_space(following)
    left = not (next_space or (next_punct and not (last_space or last_punct)))
    right = not (last_space or (last_punct and not (next_space or next_punct)))
    return left, right, last_punct, next_punct


def _reference_can_open(content: str, start: int, end: int, word_split: bool) -> bool:
    left, right, last_punct, _ = _reference_flanks(content, start, end)
    return left and (word_split or not right or last_punct)


def _reference_can_close(content: str, start: int, end: int, word_split: bool) -> bool:
    left, right, _, next_punct = _reference_flanks(content, start, end)
    return right and (word_split or not left or next_punct)


def _reference_emphasis_inline(content: str, env: EnvType) -> Inline | None:
    """Round 32's tokens.emphasis_inline."""
    marker = "*" if "*" in content else "_"
    opener = content.find(marker)
    size = len(content)
    inner = _run_end_of(content, opener, marker, size)
    length = inner - opener
    closer = content.find(marker, inner)
    if opener < 0 or length > 2 or closer <= inner:
        return None
    after = _run_end_of(content, closer, marker, size)
    if after - closer != length or marker in content[after:]:
        return None
    before, within, rest = content[:opener], content[inner:closer], content[after:]
    if _may_hold_link(content, env) or any(
        _holds_inline_markup(part) for part in (before, within, rest)
    ):
        return None
    word_split = marker == "*"
    if not _reference_can_open(content, opener, inner, word_split):
        return None
    if not _reference_can_close(content, closer, after, word_split):
        return None
    head, span, tail = plain_inline(before), plain_inline(within), plain_inline(rest)
    raw = head.text_raw + span.text_raw + tail.text_raw
    breaks = (
        *head.breaks,
        *(len(head.text_raw) + at for at in span.breaks),
        *(len(head.text_raw) + len(span.text_raw) + at for at in tail.breaks),
    )
    if before:
        return Inline(tokens._clean(raw), breaks=breaks, text_raw=raw)
    return Inline(
        tokens._clean(raw),
        lead=span.text,
        lead_strong=length == 2,
        rest=tail.text,
        breaks=breaks,
        text_raw=raw,
    )


PIECES = (
    "word", "two words", "x", "é", "’", "—", "ß", "🔥", "٣", "2023", ".", ",", "!", "?", "(",
    ")", "-", ":", '"', "'", "/", "$", "€", "¿", "§", "*", "**", "***", "_", "__", "___",
    "\\", "\\*", "`", "`code`", "<", "<https://x.y>", "&", "&amp;", "&#35;", "[", "]", "[l](u)",
    " ", "  ", "\t", "\n", " \n", "\n ", "\u00a0", "\u2003", "\u3000", "\x0b", "\x0c",
)  # fmt: skip
EMPHASIS = ("*", "**", "_", "__")
# What a run holds: words, punctuation, and blanks _clean folds ('two  spaces').
INSIDE = (*PIECES[:16], "two  spaces", "a\u2003b", "x\ty", "a \u00a0b")


def _generated(seed: int, count: int) -> list[str]:
    """Contents of pieces around one emphasis run pair (most) or loose markers."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(0, 4))]
        if rng.random() < 0.8:
            run = rng.choice(EMPHASIS)
            inside = [rng.choice(INSIDE) for _ in range(rng.randint(1, 3))]
            parts.insert(rng.randint(0, len(parts)), run + "".join(inside) + run)
        parts += [rng.choice(PIECES) for _ in range(rng.randint(0, 4))]
        found.append("".join(parts))
    return found


GENERATED = _generated(20261129, 40000)
# Plain one-line prose around one run, the shape the fast way is for.
PROSE = [
    f"{head}{run}{inside}{run}{tail}"
    for head in ("", "Use ", "a ", "(", "“")
    for run in EMPHASIS
    for inside in ("ALL", "nodes", "two words", "é", "x.")
    for tail in ("", " of our domains.", ", then", ")", "’s", "x")
]


def _report_contents() -> list[str]:
    found = []
    for text in TEXTS:
        parser = tokens._block_parser(tokens.absent_block_rules(text), tokens.is_normalized(text))
        env: EnvType = {}
        found += [
            token.content
            for token in tokens.block_tokens(parser, text, env)
            if token.type == "inline"
        ]
    return found


def test_emphasis_inline_matches_round_32() -> None:
    env: EnvType = {}
    contents = [*_report_contents(), *GENERATED, *PROSE]
    assert [
        content
        for content in contents
        if tokens.emphasis_inline(content, env) != _reference_emphasis_inline(content, env)
    ] == []
    references: EnvType = {"references": {"L": {"href": "u", "title": ""}}}
    assert [
        content
        for content in GENERATED
        if tokens.emphasis_inline(content, references)
        != _reference_emphasis_inline(content, references)
    ] == []


def test_inputs_take_every_way() -> None:
    env: EnvType = {}
    read = [c for c in GENERATED + PROSE if _reference_emphasis_inline(c, env) is not None]
    one_line = [content for content in read if "\n" not in content]
    plain = [c for c in one_line if not any(m in c for m in ("\\", "`", "<", "&"))]
    assert len(plain) > 1000  # no part walked
    assert len(one_line) - len(plain) > 100  # parts walked, no markup found
    assert len(read) - len(one_line) > 1000  # line breaks: plain_inline's parts
    assert sum(_reference_emphasis_inline(c, env) is None for c in GENERATED) > 5000
    assert sum(tokens._flanks(c, 1, 2) != (0, 0, 0, 0) for c in GENERATED if len(c) > 2)


def test_flanks_match_round_32() -> None:
    rng = random.Random(33)
    characters = [chr(code) for code in range(0x300)]
    characters += [chr(code) for code in (0x2000, 0x200A, 0x200B, 0x2028, 0x3000, 0xFEFF)]
    characters += list("’“”—–…€£¿¡🔥٣ßİ")
    contents = [rng.choice(characters) + "*" + rng.choice(characters) for _ in range(20000)]
    contents += [a + "_" + b for a in characters for b in ("a", " ", ".", "é")]
    for content in contents:
        for start, end in ((1, 2), (0, 1), (2, 3)):
            assert tokens._flanks(content, start, end) == _reference_flanks(content, start, end)
    assert tokens._ASCII_SPACES and tokens._ASCII_PUNCTS
