"""Round 27 of the block pass: parse_blocks reads the root's last line off its split of the text
(len(lines)) instead of counting the text's newlines again, and takes that split from a caller
holding the text's lines (source.SourceDocument.body_lines builds body.split("\\n") from the
document's lines without reading the text).

parse_blocks is compared with the round-26 function, kept here as the reference, and
body_lines with body.split("\\n"), on the repository's Markdown, the corpus and seeded random
mixes of block openings, footnotes, BOMs, CRs, blank lines and front matter fences.
"""

from __future__ import annotations

import random

from incidentparse import source, tokens
from incidentparse.tokens import Node

from .test_tokens_perf11 import LINE_STARTS, TEXTS
from .test_tokens_perf26_source import MIXED


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
