"""Round-9 fast paths of the tree stage give exactly what the plain computation gives.

parse_blocks leaves out markdown-it's core normalize rule when the text holds no CR and no
NUL (is_normalized): the rule would hand such a text back unchanged. Compared with the
full pipeline (normalize kept) on every Markdown file at hand, on the texts parse() hands
over, and on generated texts holding CR, CRLF and NUL.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from pathlib import Path

import pytest

from incidentparse import headings, sections, source, tokens
from incidentparse.diagnostics import Sink

from .test_tokens_fastpath import FILES, GENERATED, PIECES, _full_blocks


def _with_line_ends(seed: int, count: int) -> list[str]:
    """Generated texts with CR, CRLF, NUL and LF mixed among the usual pieces."""
    rng = random.Random(seed)
    pieces = (*PIECES, "\r", "\r\n", "\0", "a\0b", "\r\r", "\n\r", "\n")
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))) for _ in range(count)]


LINE_END_TEXTS = _with_line_ends(20261127, 800)


def _kept_normalize(text: str) -> list[tokens.Node]:
    """parse_blocks with markdown-it's normalize rule always run."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokens, "is_normalized", lambda text: False)
        return tokens.parse_blocks(text)


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


# The title candidate (the first H1) is classified without the fuzzy look-up: a fuzzy score is
# below 100, and below 100 the candidate becomes the title whatever its kind. Headings below a
# timeline or appendix take only their qualifiers (headings.qualifiers), not the whole key.
# The plain computation: every heading by headings.classify (the fuzzy look-up always, the key
# built, the qualifiers from normalise), the title candidate by a walk over the headings before
# it. (Since round 35, sections no longer calls classify: this replaces _classify_all whole.)
def _plain_classify_all(
    found_headings: list[tokens.Node], offset: int, aliases: Mapping[str, str] | None
) -> tuple[list[tuple[headings.Match, int | None]], int | None]:
    title_index: int | None = None
    found: list[tuple[headings.Match, int | None]] = []
    stack: list[int] = []
    for number, heading in enumerate(found_headings):
        while stack and found_headings[stack[-1]].level >= heading.level:
            stack.pop()
        parent = stack[-1] if stack else None
        parent_kind = found[parent][0].kind if parent is not None else None
        if parent_kind in sections.ABSORBING_KINDS:
            key, found_qualifiers = headings.normalise(heading.text)
            match = headings.Match(parent_kind, 100.0, key, found_qualifiers)
        else:
            match = headings.classify(heading.text, aliases)
        may_be_title = heading.level == 1 and all(
            earlier.level != 1 for earlier in found_headings[:number]
        )
        if (
            title_index is None
            and may_be_title
            and (match.kind in ("unknown", "meta") or match.score != 100)
        ):
            match = headings.Match("meta", 100.0, match.normalised, match.qualifiers)
            title_index = number + offset
        found.append((match, parent + offset if parent is not None else None))
        stack.append(number)
    return found, title_index


def _outline_fuzzy_always(text: str, aliases: Mapping[str, str] | None) -> sections.Outline:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sections, "_classify_all", _plain_classify_all)
        return _outline(text, aliases)


def _outline(text: str, aliases: Mapping[str, str] | None) -> sections.Outline:
    doc = source.load(text)
    blocks = tokens.parse_blocks(doc.body)
    return sections.build(blocks, len(doc.lines), Sink(), aliases)


def _same_outline(text: str, aliases: Mapping[str, str] | None = None) -> bool:
    fast, plain = _outline(text, aliases), _outline_fuzzy_always(text, aliases)
    return fast.sections == plain.sections and fast.title_index == plain.title_index


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_title_without_fuzzy_matches_on_files(path: Path) -> None:
    assert _same_outline(path.read_text(encoding="utf-8"))


# Heading texts: exact aliases, near misses the fuzzy look-up takes ('Atendees'), prefixes,
# questions, 'Label: value' meta headings, titles, numbering, qualifiers, a long key.
HEADING_TEXTS = (
    "Summary", "Sumary", "Atendees", "Attendees", "Timeline", "Timelin", "Time line",
    "Root Cause", "Root cuase", "Lessons Learned", "Lesons learned", "Action Items",
    "Action Itms", "Impact", "Impcat", "ADFS Outage", "Node IPC Incident Response",
    "What went well", "How was it detected", "Date: Feb 6, 2023", "Status", "Report",
    "Timeline of observed activity", "1. Summary", "Summary (draft)", "Overview",
    "Incident report July 11 2025 - CloudBank", "Detection", "Detectoin", "Stats",
    "Resolution", "Resolutoin", "Follow-up", "Follow up", "x" * 1000, "Remediaton",
    "Timeline (UTC)", "Appendix", "5:02 PM", "Phase 1 (detection)", "(a) b", "1. (x) y",
    "Day 2 ( ) (q1)(q2)", "🔥 (hot)", "a_(b)", "§ 3 (c", "x)", "Detection (`code`)",
)  # fmt: skip
ALIAS_SETS: tuple[Mapping[str, str] | None, ...] = (
    None, {"Atendees": "people"}, {"Outage Notes": "summary", "ADFS Outage": "impact"},
)  # fmt: skip


def _heading_documents(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    documents = []
    for _ in range(count):
        lines = []
        for _ in range(rng.randint(1, 5)):
            level = rng.choice((1, 1, 2, 3))
            lines.append(f"{'#' * level} {rng.choice(HEADING_TEXTS)}\n\ntext\n")
        documents.append(rng.choice(("", "intro\n\n")) + "\n".join(lines))
    return documents


# Every heading text below a timeline and an appendix, and as a title above them.
ABSORBED_DOCUMENTS = [
    f"# {text}\n\n## {parent}\n\n### {text}\n\nx\n\n#### {text}\n"
    for text in HEADING_TEXTS
    for parent in ("Timeline", "Appendix", "Summary")
]
HEADING_DOCUMENTS = _heading_documents(20261127, 600) + ABSORBED_DOCUMENTS


def test_title_without_fuzzy_matches_on_generated_documents() -> None:
    for aliases in ALIAS_SETS:
        assert [t for t in HEADING_DOCUMENTS if not _same_outline(t, aliases)] == []
    titles = [_outline(t, None).title_index for t in HEADING_DOCUMENTS]
    assert 100 < sum(index is not None for index in titles) < len(titles) - 100


def test_qualifiers_are_normalise_s() -> None:
    texts = list(HEADING_TEXTS)
    for path in FILES:
        texts += [line.lstrip("#") for line in path.read_text(encoding="utf-8").splitlines()]
    assert sum("(" in text for text in texts) > 100
    assert [t for t in texts if headings.qualifiers(t) != headings.normalise(t)[1]] == []


def _is_run_in(node: tokens.Node, aliases: Mapping[str, str] | None) -> bool:
    """sections._run_in under the aliases (promote_run_in's call, its keys and index built)."""
    extra = headings.alias_keys(aliases)
    return sections._run_in(node, extra, headings._alias_index(extra))


# sections._run_in counts words with a bounded split and tries its end pattern only where a
# match can start; the plain computation counts every word and searches the whole text.
def _is_run_in_plain(node: tokens.Node, aliases: Mapping[str, str] | None) -> bool:
    inline = node.inline
    text = inline.text.rstrip(":").strip()
    if (
        inline.breaks
        or not text
        or len(text.split()) > sections.RUN_IN_MAX_WORDS
        or re.search(r"[.!;,]$", text)
    ):
        return False
    bold = inline.all_emphasis and inline.lead_strong
    match = headings.classify(text, aliases, fuzzy=bold)
    if match.kind == "unknown":
        return False
    return bold or match.score == 100.0


def _label_texts(seed: int, count: int) -> list[str]:
    """Label-like texts around the word limit: aliases and words, spacing, end marks."""
    rng = random.Random(seed)
    words = ("Action", "Items", "Summary", "Timeline", "word", "a", "é", "\u00a0", "x.y")
    ends = ("", ".", ":", "!", ";", ",", " ", "\n", ".\n", ":\n", "  ", "\t", "?", "..")
    texts = []
    for _ in range(count):
        spaces = [rng.choice((" ", " ", "  ", "\t", "\u00a0")) for _ in range(12)]
        picked = [rng.choice(words) for _ in range(rng.randint(1, 11))]
        body = "".join(word + space for word, space in zip(picked, spaces, strict=False))
        texts.append(body.rstrip() + rng.choice(ends))
    return texts


def _paragraphs() -> list[tokens.Node]:
    nodes = []
    for path in FILES:
        blocks = tokens.parse_blocks(path.read_text(encoding="utf-8"))
        nodes += [node for node in blocks if node.kind == "paragraph"]
    for text in _label_texts(20261127, 3000):
        for inline in (tokens.Inline(text), tokens.plain_inline(text)):
            nodes.append(tokens.Node("paragraph", 1, 1, text=inline.text, inline=inline))
        bold = tokens.Inline(text, lead=text, lead_strong=True)
        nodes.append(tokens.Node("paragraph", 1, 1, text=text, inline=bold))
    return nodes


def test_run_in_labels_match_the_plain_test() -> None:
    nodes = _paragraphs()
    for aliases in ALIAS_SETS:
        fast = [_is_run_in(node, aliases) for node in nodes]
        assert fast == [_is_run_in_plain(node, aliases) for node in nodes]
    assert 300 < sum(fast) < len(nodes) - 300  # labels and prose both
