"""Round-7 fast paths of the token stage give exactly what markdown-it gives.

code_span_inline reads content whose only markup is code spans without markdown-it's inline
parser; _Tree builds containers without a table of closes. These tests compare both with the
plain computation on generated texts (backtick runs, line breaks, near-miss markup; nested
containers, tables, footnotes) and on the fixtures, docs and the shared corpus.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import partial

from markdown_it.token import Token

from incidentparse import tokens
from incidentparse.extract import document

from .test_fixed_perf6 import _plain_text_evidence
from .test_tokens_fastpath import FILES, GENERATED
from .test_tokens_perf18 import _keyword_container


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


def piece_contents(pieces: tuple[str, ...], seed: int, count: int, most: int) -> list[str]:
    """`count` contents of 1 to `most` random pieces, empty ones left out."""
    rng = random.Random(seed)
    contents = []
    for _ in range(count):
        content = "".join(rng.choice(pieces) for _ in range(rng.randint(1, most)))
        contents.append(content.strip(" \t\n"))  # as the block parser hands content over
    return [c for c in contents if c]


CODE_CONTENTS = piece_contents(CODE_PIECES, 20261127, 6000, 14)


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


# _Tree reads each container on until the token closing it. The tree it builds is compared
# with the one built the plain way, from a table of every opening token's close, kept here.
def _reference_closes(stream: list[Token]) -> list[int]:
    closes = [len(stream) - 1] * len(stream)
    opened: list[int] = []
    for index, token in enumerate(stream):
        if token.nesting == 1:
            opened.append(index)
        elif token.nesting == -1 and opened:
            closes[opened.pop()] = index
    return closes


class _ReferenceTree:
    def __init__(self, stream: list[Token], inline_of: Callable[[Token], tokens.Inline]) -> None:
        self.tokens = stream
        self.closes = _reference_closes(stream)
        self.inline_of = inline_of

    def build(self, start: int, stop: int, parent: tokens.Node, depth: int) -> None:
        index = start
        while index < stop:
            token = self.tokens[index]
            if token.nesting == 1:
                index = self._opening(index, token, parent, depth)
            elif token.type in tokens._LEAVES:
                line, end = tokens._lines(token, parent.line)
                kind = tokens._LEAVES[token.type]
                node = tokens.Node(kind, line, end, text=token.content, info=token.info.strip())
                parent.children.append(node)
            index += 1

    def _opening(self, index: int, token: Token, parent: tokens.Node, depth: int) -> int:
        base = token.type.removesuffix("_open")
        close = self.closes[index]
        if base in ("heading", "paragraph"):
            line, end = tokens._lines(token, parent.line)
            inline = self.inline_of(self.tokens[index + 1])
            level = int(token.tag[1]) if base == "heading" else 0
            node = tokens.Node(base, line, end, level=level, text=inline.text, inline=inline)
            parent.children.append(node)
        elif base == "table":
            parent.children.append(self._table(index, close))
        elif base == "footnote_block":
            self.build(index + 1, close, parent, depth)
        elif base in tokens._CONTAINERS:
            first = next((t.map[0] + 1 for t in self.tokens[index:close] if t.map), parent.line)
            # built by keyword, as the tree builder once did: tokens._container is code under
            # test, so the reference keeps its own construction
            node = _keyword_container(token, base, first, depth)
            self.build(index + 1, close, node, depth + (base == "list_item"))
            if node.children and not token.map:
                node.line, node.end_line = node.children[0].line, node.children[-1].end_line
            parent.children.append(node)
        else:
            return index
        return close

    def _table(self, start: int, close: int) -> tokens.Node:
        rows: list[tuple[tokens.Inline, ...]] = []
        row_lines: list[int] = []
        cells: list[tokens.Inline] = []
        first, last = tokens._lines(self.tokens[start], 1)
        for index in range(start, close + 1):
            kind = self.tokens[index].type
            if kind == "tr_open":
                cells = []
                row_lines.append(tokens._lines(self.tokens[index], first)[0])
            elif kind == "inline":
                cells.append(self.inline_of(self.tokens[index]))
            elif kind == "tr_close":
                rows.append(tuple(cells))
            elif kind in ("th_open", "td_open") and self.tokens[index + 1].type != "inline":
                cells.append(tokens.EMPTY_INLINE)
        return tokens.Node("table", first, last, rows=tuple(rows), row_lines=tuple(row_lines))


def _both_trees(text: str) -> tuple[list[list[tokens.Node]], list[list[tokens.Node]]]:
    """The trees both builds give, from the footnote parser's stream (footnote blocks have no
    map, and the plugin can leave an unbalanced stream) and from the block parser's."""
    block_parser = tokens._block_parser(tokens.absent_block_rules(text))
    env: dict[str, object] = {}
    streams = [
        (tokens._parser().parse(text), tokens._parsed_inline),
        (block_parser.parse(text, env), partial(tokens._lazy_inline, block_parser, env)),
    ]
    built: tuple[list[list[tokens.Node]], list[list[tokens.Node]]] = ([], [])
    for stream, inline_of in streams:
        for number, tree_class in enumerate((tokens._Tree, _ReferenceTree)):
            root = tokens.Node("root", 1, max(1, text.count("\n") + 1))
            tree_class(stream, inline_of).build(0, len(stream), root, depth=0)
            built[number].append(root.children)
    return built


# Nested containers, tables, footnote definitions (with and without content), fences.
TREE_PIECES = (
    "- ", "  - ", "    - ", "1. ", "2) ", "> ", "> > ", "- [ ] ", "word", "two words", "\n",
    "\n\n", "# ", "## ", "| a | b |\n|---|---|\n| c | |\n", "| x |\n|:-|\n", "```\ncode\n```\n",
    "    indented\n", "<div>\n", "---\n", "[^1]", "[^1]: note\n", "[^n]:\n", "^[inline]",
    "[^2]: - item\n    more\n", "text\n===\n", "`c`", "**b**", "[l](u)",
)  # fmt: skip


def _tree_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(TREE_PIECES) for _ in range(rng.randint(1, 30))) for _ in range(count)
    ]


def test_tree_matches_the_close_table_build_on_generated_texts() -> None:
    texts = _tree_texts(11, 1500) + GENERATED
    assert sum(tokens.may_hold_footnote(t) for t in texts) > 300
    unbalanced = "[^1]: note\n| a | b |\n|---|---|\n| c | |\n    - [^2]: - item\n    more\n1. "
    assert tokens._parser().parse(unbalanced)[0].nesting == -1
    texts.append(unbalanced)
    assert [t for t in texts if (lambda pair: pair[0] != pair[1])(_both_trees(t))] == []


def test_tree_matches_the_close_table_build_on_files() -> None:
    for path in FILES:
        new, reference = _both_trees(path.read_text(encoding="utf-8"))
        assert new == reference, path


# Ampersands that open an entity or not, underscores between letters, digits, punctuation,
# spaces, backticks and the content's edges.
PLAIN_MARK_PIECES = (
    "&", "& ", "&amp;", "&AMP;", "&#35;", "&#x41;", "&#", "&bogus;", "&a;", "&ab", "&\u212aa;",
    "&\u017fhy;", "&ab1;", "ATT&CK", "S&amp;O", "_", "__", "a_b", "x__y", "1_2", "_x", "x_",
    "é_é", "日_本", "(_)", "a_.", "._a", "a_`", "`_a", "**", "*", "a", "word", "two words",
    " ", "  ", "\n", "  \n", "\n  ", "`", "`c_d`", ":", ";", "#", "\\", "<", "[", "](",
)  # fmt: skip


def test_plain_ampersands_and_underscores_match_markdown_it() -> None:
    rng = random.Random(5)
    contents = [
        "".join(rng.choice(PLAIN_MARK_PIECES) for _ in range(rng.randint(1, 8))).strip(" \n")
        for _ in range(8000)
    ]
    contents = [c for c in contents if c]
    plain = [c for c in contents if tokens._INLINE_MARKUP.search(c)]
    plain = [c for c in plain if not tokens.may_hold_markup(c, {})]
    assert len(plain) > 250  # the gate reads many of them as plain
    assert sum(tokens.code_span_inline(c, {}) is not None for c in contents) > 80
    parser = tokens._block_parser()
    for content in contents:
        token = Token("inline", "", 0, content=content)
        assert tokens._lazy_inline(parser, {}, token) == _full_inline(content), content


# --- report_type: a family of evidence words sharing a stem is ruled out by one test ---


def test_text_evidence_is_the_plain_count_on_generated_texts() -> None:
    rng = random.Random(3)
    pieces = [*document.TYPE_WORDS, "no ", "not ", "-", " ", ". ", "re", "s", "x", "root cause"]
    pieces += [word[:5] for word in document.TYPE_WORDS]
    pieces += ["--", "_", "é", "\n", "\ud800", "9", "-x"]  # runs, blanks beyond ASCII
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in texts + [path.read_text(encoding="utf-8").lower() for path in FILES]:
        assert document.text_evidence(text) == _plain_text_evidence(text), text
