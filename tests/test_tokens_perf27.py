"""Round 27 of the block pass: the lazy inline read tests a content for markup characters and
folds a one-line content's blanks in place (no _markup_free or _clean call), and
code_span_inline tests for the markup characters besides backticks with five substring tests
instead of a character-class search; parse_blocks reads the root's last line off its split of
the text (len(lines)) instead of counting the text's newlines again, and takes that split from
a caller holding the text's lines (source.SourceDocument.body_lines builds body.split("\\n")
from the document's lines without reading the text).

The inline reads are compared with round 26's (its code spans read by test_tokens_perf25's
reference) and with markdown-it's inline parse on every
inline content of the repository's Markdown and the corpus and on generated contents (code
spans, links, autolinks and emphasis among the markup characters and their near misses).
parse_blocks is compared with the round-26 function, kept here as the reference, and
body_lines with body.split("\\n"), on the repository's Markdown, the corpus and seeded random
mixes of block openings, footnotes, BOMs, CRs, blank lines and front matter fences.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType

from incidentparse import source, tokens
from incidentparse.tokens import Inline, Node

from .test_tokens_fastpath import INLINE_CONTENTS, LEAD_CONTENTS
from .test_tokens_perf11 import LINE_STARTS, TEXTS
from .test_tokens_perf12 import LINK_CONTENTS, MIXED_CONTENTS
from .test_tokens_perf25 import _reference_code_span_inline  # the plain code-span read
from .test_tokens_perf26_source import MIXED
from .test_tree_perf7 import CODE_PIECES, _full_inline, piece_contents


def _reference_parse_blocks(text: str) -> list[Node]:
    """parse_blocks as round 26 wrote it."""
    if tokens.may_hold_footnote(text):
        tree = tokens._Tree(tokens._parser().parse(text), tokens._parsed_inline)
    else:
        lines = text.split("\n")
        parser = tokens._block_parser(
            tokens.absent_block_rules(text, lines), tokens.is_normalized(text)
        )
        env: tokens.EnvType = {}
        found = tokens.block_tokens(parser, text, env, lines)
        tree = tokens._Tree(found, tokens._lazy_inline_of(parser, env))
    root = Node("root", 1, max(1, text.count("\n") + 1))
    tree.build(0, len(tree.tokens), root, depth=0)
    return root.children


# Front matter (closing on the last line or not, with and without a body), footnotes, blank
# and blank-ish last lines, CRs, BOMs, lists and quotes whose blocks fall back on the root.
PIECES = (
    "---\n", "+++\n", "title: x\n", "a = 1\n", "# Title\n", "para\n", "\n", "  \n", "\r\n",
    "\r", "\ufeff", "- item\n", "> quote\n", "[^1]\n", "[^1]: note\n", "^[inline]", "’",
    "| a | b |\n|---|---|\n| 1 | 2 |\n", "```\ncode\n```\n", "    indented\n", "text", " ",
)  # fmt: skip


def _mixed(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randint(0, 14))) for _ in range(count)]


def _front_matter_first(seed: int, count: int) -> list[str]:
    """A fence, a few lines (valid YAML/TOML or not), the fence again (closing on the last
    line or not) and a body of the mixes."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        fence = rng.choice(("---", "+++", "--- "))
        inner = "".join(
            rng.choices(("title: x\n", "a = 1\n", "- x\n", "\n", "’\n"), k=rng.randint(0, 3))
        )
        closing = rng.choice(("", "\n", "\r\n", "\n\n"))
        body = "".join(rng.choices(PIECES, k=rng.randint(0, 6))) if rng.random() < 0.7 else ""
        texts.append(rng.choice(("", "\ufeff")) + fence + "\n" + inner + fence + closing + body)
    return texts


GENERATED = _mixed(20261128, 4000) + _front_matter_first(20261129, 2000)
ALL_TEXTS = [*TEXTS, *LINE_STARTS, *MIXED, *GENERATED, "", "\n", "\n\n", " ", "---\n---"]


def test_inputs_reach_every_branch() -> None:
    docs = [source.load(text, None) for text in ALL_TEXTS]
    assert sum(doc.front_matter_end > 0 for doc in docs) > 200
    assert sum(0 < doc.front_matter_end == len(doc.lines) for doc in docs) > 20
    assert sum(tokens.may_hold_footnote(text) for text in ALL_TEXTS) > 200
    assert sum(text.endswith("\n") for text in ALL_TEXTS) > 1000


def test_parse_blocks_matches_round_26() -> None:
    wrong = [t for t in ALL_TEXTS if tokens.parse_blocks(t) != _reference_parse_blocks(t)]
    assert wrong == []


def test_parse_blocks_given_lines_matches_round_26() -> None:
    wrong = [
        t for t in ALL_TEXTS if tokens.parse_blocks(t, t.split("\n")) != _reference_parse_blocks(t)
    ]
    assert wrong == []


def test_body_lines_is_the_body_split() -> None:
    wrong = []
    for text in ALL_TEXTS:
        doc = source.load(text, None)
        lines = doc.body_lines()
        if lines != doc.body.split("\n") or type(lines) is not list:
            wrong.append(text)
    assert wrong == []


def test_body_lines_is_a_new_list_each_call() -> None:
    doc = source.load("# A\n\ntext\n\n\n", None)
    first = doc.body_lines()
    first.pop()
    assert doc.body_lines() == doc.body.split("\n")


def test_parse_of_a_document_with_its_body_lines_matches() -> None:
    wrong = []
    for text in ALL_TEXTS:
        doc = source.load(text, None)
        if tokens.parse_blocks(doc.body, doc.body_lines()) != _reference_parse_blocks(doc.body):
            wrong.append(text)
    assert wrong == []


def _reference_lazy_inline_of(parser: MarkdownIt, env: EnvType) -> Callable[[Token], Inline]:
    """_lazy_inline_of as round 26 wrote it (with the plain code-span read that round 25 kept
    as its reference, as round 26's code_span_inline read alike)."""

    def lazy_inline(token: Token) -> Inline:
        content = token.content
        if tokens._markup_free(content) or not tokens.may_hold_markup(content, env):
            if "\n" in content:
                return tokens.plain_inline(content)
            return tokens._new_tuple(
                Inline, (tokens._clean(content), None, False, "", (), (), (), content)
            )
        found = tokens.lead_strong_inline(content, env)
        if found is None:
            found = _reference_code_span_inline(content, env)
        if found is None:
            found = tokens.emphasis_inline(content, env)
        if found is None:
            found = tokens.flatten(parser.inline.parse(content, parser, env, []))
        return found

    return lazy_inline


def _file_contents() -> list[str]:
    contents = []
    for text in TEXTS:
        if not tokens.may_hold_footnote(text):
            parser = tokens._block_parser(tokens.absent_block_rules(text), True)
            found = tokens.block_tokens(parser, text, {})
            contents += [token.content for token in found if token.type == "inline"]
    return contents


# Code spans and links among every character the guards look for, blanks of several kinds
# (a one-line content's fold), entities and underscores that are or are not markup.
GUARDED = (
    "\\", "\\`", "*", "**", "_", "a_b", "<", "<b>", "&", "&amp;", "& ", "[", "[x](http://y.z)",
    "  ", " ", "\t", "\u00a0", "\x0c", "\n", "  \n", "é", "’", "word", "<http://x.io>",
)  # fmt: skip
GUARDED_CONTENTS = piece_contents(CODE_PIECES * 2 + GUARDED, 20261128, 6000, 9)
CONTENTS = [
    *_file_contents(),
    *INLINE_CONTENTS,
    *LEAD_CONTENTS,
    *LINK_CONTENTS,
    *MIXED_CONTENTS,
    *GUARDED_CONTENTS,
    "",
    " ",
    "  a",
    "a  ",
    "a  b",
    "a\tb",
    "a\u00a0b",
]


def test_code_span_inline_matches_round_26() -> None:
    taken = [c for c in CONTENTS if _reference_code_span_inline(c, {}) is not None]
    guarded = [c for c in CONTENTS if tokens._MARKUP_BUT_BACKTICKS.search(c)]
    spans = [c for c in guarded if "`" in c]
    assert len(taken) > 1000 and len(spans) > 1000  # both sides of the guard are read
    wrong = [
        c for c in CONTENTS if tokens.code_span_inline(c, {}) != _reference_code_span_inline(c, {})
    ]
    assert wrong == []
    references = {"references": {"X": {"href": "u", "title": ""}}}
    wrong = [
        c
        for c in CONTENTS
        if tokens.code_span_inline(c, references) != _reference_code_span_inline(c, references)
    ]
    assert wrong == []


def test_code_span_inline_matches_markdown_it_where_taken() -> None:
    taken = [c for c in GUARDED_CONTENTS if tokens.code_span_inline(c, {}) is not None]
    assert len(taken) > 500
    assert [c for c in taken if tokens.code_span_inline(c, {}) != _full_inline(c)] == []


def test_lazy_inline_matches_round_26_and_markdown_it() -> None:
    parser = tokens._block_parser()
    clean = [c for c in CONTENTS if "\n" not in c and tokens._markup_free(c)]
    assert sum(tokens._clean(c) != c for c in clean) > 100  # the fold's both branches
    for env in ({}, {"references": {"X": {"href": "u", "title": ""}}}):
        fast = tokens._lazy_inline_of(parser, dict(env))
        plain = _reference_lazy_inline_of(parser, dict(env))
        wrong = []
        for content in CONTENTS:
            token = Token("inline", "", 0, content=content)
            if fast(token) != plain(token):
                wrong.append(content)
        assert wrong == []
    full = tokens._lazy_inline_of(parser, {})
    sample = CONTENTS[::3]
    assert [c for c in sample if full(Token("inline", "", 0, content=c)) != _full_inline(c)] == []
