"""Round 27 of the section stage: sections._is_run_in tests a paragraph's last character
before it counts its words, sparing the word split (a list of nine strings) for the prose that
ends in a full stop, most of it. The three tests only read the text, so their order cannot
change the answer.

_is_run_in is compared with round 26's, kept here as the reference, on every paragraph of the
repository's Markdown and the corpus, on generated labels and prose (bold or plain, around the
word limit, every end mark, blanks of several kinds) under several alias sets; and the outline
sections.build gives on the reports is compared with the one round 26's test gives.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from incidentparse import headings, sections, tokens
from incidentparse.diagnostics import Sink
from incidentparse.tokens import Node

from .test_sections_perf12 import _blocks, _generated_reports
from .test_tokens_perf11 import TEXTS
from .test_tree_perf9 import ALIAS_SETS, _paragraphs


def _reference_is_run_in(node: Node, aliases: Mapping[str, str] | None) -> bool:
    """sections._is_run_in as round 26 wrote it."""
    inline = node.inline
    if inline.breaks:
        return False
    text = inline.text.rstrip(":").strip()
    if (
        not text
        or len(text.split(maxsplit=sections.RUN_IN_MAX_WORDS)) > sections.RUN_IN_MAX_WORDS
        or text[-1] in sections.RUN_IN_END
    ):
        return False
    bold = inline.all_emphasis and inline.lead_strong
    match = headings.classify(text, aliases, fuzzy=bold)
    if match.kind == "unknown":
        return False
    return bold or match.score == 100.0


WORDS = ("Action", "Items", "Timeline", "Summary", "Root", "cause", "word", "é", "x.y", "**")
ENDS = ("", ".", ":", "!", ";", ",", "?", ". ", ":.", ".:", " :", "\u00a0", "…")


def _generated_paragraphs(seed: int, count: int) -> list[Node]:
    """Labels and prose around the word limit, ending in every mark, plain and bold."""
    rng = random.Random(seed)
    nodes = []
    for _ in range(count):
        words = rng.choices(WORDS, k=rng.randint(0, 12))
        blanks = [rng.choice((" ", " ", "  ", "\t", "\u00a0")) for _ in words]
        text = "".join(w + b for w, b in zip(words, blanks, strict=True)).strip()
        text += rng.choice(ENDS)
        for inline in (tokens.plain_inline(text), tokens.Inline(text, lead=text, lead_strong=True)):
            nodes.append(Node("paragraph", 1, 1, text=inline.text, inline=inline))
    return nodes


def test_is_run_in_matches_round_26() -> None:
    nodes = _paragraphs()
    for text in TEXTS:
        blocks, _ = _blocks(text)
        nodes += [node for node in blocks if node.kind == "paragraph"]
    nodes += _generated_paragraphs(20261128, 4000)
    for aliases in (*ALIAS_SETS, {"Root cause": "root_cause", "word word": "timeline"}):
        fast = [sections._is_run_in(node, aliases) for node in nodes]
        assert fast == [_reference_is_run_in(node, aliases) for node in nodes]
    # labels and prose both, and prose that ends in a mark and is short enough to be split
    assert 300 < sum(fast) < len(nodes) - 300
    short_and_ended = [
        node
        for node in nodes
        if node.inline.text.rstrip(":").strip()[-1:] in tuple(sections.RUN_IN_END)
        and len(node.inline.text.split()) <= sections.RUN_IN_MAX_WORDS
    ]
    assert len(short_and_ended) > 300


def test_outline_matches_with_round_26_run_in() -> None:
    texts = TEXTS + _generated_reports(400, 27)
    original = sections._is_run_in
    for text in texts:
        blocks, line_count = _blocks(text)
        fast = sections.build(blocks, line_count, Sink())
        try:
            sections._is_run_in = _reference_is_run_in
            plain = sections.build(blocks, line_count, Sink())
        finally:
            sections._is_run_in = original
        assert [s.model_dump() for s in fast.sections] == [s.model_dump() for s in plain.sections]
        assert [len(p.nodes) for p in fast.parts] == [len(p.nodes) for p in plain.parts]
