"""Round 27 of the section stage: _classify_all fills a heading's Match below a timeline or an
appendix as a tuple (Match's __new__ is a Python function) and reads qualifiers' own first test
(no '(' in the text) in place; sections._run_in tests a paragraph's last character
before it counts its words, sparing the word split (a list of nine strings) for the prose that
ends in a full stop, most of it. The three tests only read the text, so their order cannot
change the answer.

_is_run_in is compared with round 26's, kept here as the reference, on every paragraph of the
repository's Markdown and the corpus, on generated labels and prose (bold or plain, around the
word limit, every end mark, blanks of several kinds) under several alias sets; and the outline
sections.build gives on the reports is compared with the one round 26's test gives.
_classify_all is compared with round 26's on the headings of every report and of generated
documents (every heading text below a timeline, an appendix and another section, with and
without qualifiers).
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from incidentparse import headings, sections, tokens
from incidentparse.diagnostics import Sink
from incidentparse.headings import Match
from incidentparse.tokens import Node

from .test_sections_perf12 import _blocks, _generated_reports
from .test_tokens_perf11 import TEXTS
from .test_tree_perf9 import ALIAS_SETS, HEADING_DOCUMENTS, _is_run_in, _paragraphs


def _is_title(number: int, match: headings.Match, headings_: list[Node]) -> bool:
    """sections._is_title as round 26 wrote it (gone since round 33's flag in _classify_all)."""
    if match.kind not in ("unknown", "meta") and match.score == 100:
        return False
    return _may_be_title(number, headings_)


def _may_be_title(number: int, headings_: list[Node]) -> bool:
    """sections._may_be_title as round 26 wrote it: whether the heading is the first H1."""
    if headings_[number].level != 1:
        return False
    return all(heading.level != 1 for heading in headings_[:number])


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
        fast = [_is_run_in(node, aliases) for node in nodes]
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
    # promote_run_in's test of each paragraph (sections._run_in since round 35) put back as
    # round 26 wrote it; build is called without aliases.
    original = sections._run_in
    for text in texts:
        blocks, line_count = _blocks(text)
        fast = sections.build(blocks, line_count, Sink())
        try:
            sections._run_in = lambda node, extra, index: _reference_is_run_in(node, None)
            plain = sections.build(blocks, line_count, Sink())
        finally:
            sections._run_in = original
        assert [s.model_dump() for s in fast.sections] == [s.model_dump() for s in plain.sections]
        assert [len(p.nodes) for p in fast.parts] == [len(p.nodes) for p in plain.parts]


def _reference_classify_all(
    headings_: list[Node], offset: int, aliases: Mapping[str, str] | None
) -> tuple[list[tuple[headings.Match, int | None]], int | None]:
    """sections._classify_all as round 26 wrote it."""
    title_index: int | None = None
    found: list[tuple[headings.Match, int | None]] = []
    stack: list[int] = []
    for number, heading in enumerate(headings_):
        while stack and headings_[stack[-1]].level >= heading.level:
            stack.pop()
        parent = stack[-1] if stack else None
        parent_kind = found[parent][0].kind if parent is not None else None
        if parent_kind in sections.ABSORBING_KINDS:
            match = headings.Match(parent_kind or "", 100.0, "", headings.qualifiers(heading.text))
        else:
            fuzzy = title_index is not None or not _may_be_title(number, headings_)
            match = headings.classify(heading.text, aliases, fuzzy=fuzzy)
        if title_index is None and _is_title(number, match, headings_):
            match = headings.Match("meta", 100.0, match.normalised, match.qualifiers)
            title_index = number + offset
        found.append((match, parent + offset if parent is not None else None))
        stack.append(number)
    return found, title_index


QUALIFIED = ("5:02 PM", "5:02 PM (BST)", "Phase 1 (detection)", "(a)", "x (y) (z)", "Details")


def _timeline_documents(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    documents = []
    for _ in range(count):
        lines = [rng.choice(("", "# Title\n"))]
        for _ in range(rng.randint(1, 8)):
            level = rng.choice((1, 2, 2, 3, 3, 4))
            text = rng.choice(("Timeline", "Appendix", "Summary", "Timeline (UTC)", *QUALIFIED))
            lines.append(f"{'#' * level} {text}\n\nx\n")
        documents.append("\n".join(lines))
    return documents


def test_match_fields_are_in_the_order_filled() -> None:
    assert Match._fields == ("kind", "score", "normalised", "qualifiers")


def test_classify_all_matches_round_26() -> None:
    documents = TEXTS + HEADING_DOCUMENTS + _timeline_documents(20261128, 1500)
    absorbed = qualified = 0
    for text in documents:
        blocks, _ = _blocks(text)
        promoted = sections.promote_run_in(blocks)
        heads = [node for node in promoted if node.kind == "heading"]
        for aliases in (None, {"Details": "timeline"}):
            for offset in (0, 1):
                fast = sections._classify_all(heads, offset, aliases)
                plain = _reference_classify_all(heads, offset, aliases)
                assert fast == plain
                assert [type(match) for match, _ in fast[0]] == [Match] * len(heads)
        for match, _ in fast[0]:
            if match.kind in sections.ABSORBING_KINDS and not match.normalised:
                absorbed += 1
                qualified += bool(match.qualifiers)
    assert absorbed > 1000 and qualified > 200
