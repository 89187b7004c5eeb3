"""Round-7 fast paths of the token stage give exactly what markdown-it gives.

code_span_inline reads content whose only markup is code spans without markdown-it's inline
parser. These tests compare it with the full pipeline on generated contents rich in backtick
runs, line breaks and near-miss markup, and on every inline content of the fixtures, docs and
the shared corpus.
"""

from __future__ import annotations

import random

from markdown_it.token import Token

from incidentparse import tokens

from .test_tokens_fastpath import FILES


def _full_inline(content: str, env: dict[str, object] | None = None) -> tokens.Inline:
    (token,) = tokens._plain_parser().parseInline(content, dict(env or {}))
    return tokens.flatten(token.children or [])


# Backtick runs of every length that pair or not, spaces and breaks around and inside them,
# and the markup that must send a content to markdown-it's parser (inside spans it is plain).
CODE_PIECES = (
    "`", "``", "```", "`code`", "`a b`", "` a `", "`  `", "``a`b``", "`*x*`", "`a_b`", "`\\`",
    "`<b>`", "`&amp;`", "`[x](y)`", "word", "two words", "é", "日本", ":", "-", "!", "]", "(",
    " ", "  ", "\t", "\n", "  \n", " \n", "\t\n", "\n  ", "\n\t", "   \n ",
    "*", "_", "\\", "<", "&", "[", "](", "[a]", "![", "**", "&amp;",
)  # fmt: skip


def _code_contents(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    contents = []
    for _ in range(count):
        content = "".join(rng.choice(CODE_PIECES) for _ in range(rng.randint(1, 14)))
        contents.append(content.strip(" \t\n"))  # as the block parser hands content over
    return [c for c in contents if c]


CODE_CONTENTS = _code_contents(20261127, 6000)


def test_code_span_inline_matches_markdown_it_on_generated_contents() -> None:
    taken = [c for c in CODE_CONTENTS if tokens.code_span_inline(c, {}) is not None]
    assert len(taken) > 800  # the fast path is exercised, and so is the fallback
    assert len(CODE_CONTENTS) - len(taken) > 1000
    assert [c for c in taken if tokens.code_span_inline(c, {}) != _full_inline(c)] == []


def test_code_span_inline_leaves_links_to_markdown_it_when_definitions_exist() -> None:
    env = {"references": {"A": {"href": "http://r.example", "title": ""}}}
    assert tokens.code_span_inline("see [a] and `b`", env) is None
    assert tokens.code_span_inline("see [a] and `b`", {}) == _full_inline("see [a] and `b`")


def _file_contents() -> list[str]:
    contents = []
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        parser = tokens._block_parser(tokens.absent_block_rules(text))
        contents += [t.content for t in parser.parse(text, {}) if t.type == "inline"]
    return contents


def test_code_span_inline_matches_markdown_it_on_files() -> None:
    contents = [c for c in _file_contents() if tokens.code_span_inline(c, {}) is not None]
    assert len(contents) > 50
    assert [c for c in contents if tokens.code_span_inline(c, {}) != _full_inline(c)] == []


def test_lazy_inline_matches_markdown_it_on_code_contents() -> None:
    parser = tokens._block_parser()
    for content in CODE_CONTENTS:
        token = Token("inline", "", 0, content=content)
        assert tokens._lazy_inline(parser, {}, token) == _full_inline(content), content
