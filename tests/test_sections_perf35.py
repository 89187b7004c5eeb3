"""Round 35 of the section stage: promote_run_in builds the aliases' keys and index once and
looks each short paragraph's key up itself (sections._run_in), going on to the rest of
_classify's steps (headings._classify_unlisted) only for a key that is no alias;
_classify_all reads _classify's alias look-up in place the same way; _partition fills each
Part's fields without the dataclass __init__.

Each is compared with round 34's code, kept here as the reference (classify and _classify
called whole, Part(...) built by its constructor), on every report (the corpus too when
present) and on generated paragraphs and outlines, under alias sets that include a team's alias
to the kind "unknown" (a score of 100 and still no label).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields

from incidentparse import headings, sections
from incidentparse.diagnostics import Sink
from incidentparse.headings import Match, alias_keys, classify, qualifiers
from incidentparse.models import Section, assembled
from incidentparse.sections import ABSORBING_KINDS, Part
from incidentparse.tokens import Node

from .test_sections_perf12 import _blocks, _generated_reports
from .test_sections_perf27 import _generated_paragraphs
from .test_sections_perf33_title import _outlines
from .test_tokens_perf11 import TEXTS
from .test_tree_perf9 import ALIAS_SETS, HEADING_DOCUMENTS, _paragraphs

MORE_ALIASES: tuple[Mapping[str, str] | None, ...] = (
    {"Root cause": "root_cause", "word word": "timeline"},
    {"Action Items": "unknown", "Aron Asor": "unknown", "Timeline": "unknown"},
)
ALL_ALIASES = (*ALIAS_SETS, *MORE_ALIASES)


def _reference_is_run_in(node: Node, aliases: Mapping[str, str] | None) -> bool:
    """Round 34's sections._is_run_in."""
    inline = node.inline
    if inline.breaks:
        return False
    text = inline.text.rstrip(":").strip()
    if (
        not text
        or text[-1] in sections.RUN_IN_END
        or len(text.split(maxsplit=sections.RUN_IN_MAX_WORDS)) > sections.RUN_IN_MAX_WORDS
    ):
        return False
    bold = inline.all_emphasis and inline.lead_strong
    match = classify(text, aliases, fuzzy=bold)
    if match.kind == "unknown":
        return False
    return bold or match.score == 100.0


def _reference_promote_run_in(blocks: list[Node], aliases: Mapping[str, str] | None) -> list[Node]:
    """Round 34's sections.promote_run_in."""
    promoted: list[Node] = []
    level = 1
    for node in blocks:
        if node.kind == "heading":
            level = node.level
        elif node.kind == "paragraph" and _reference_is_run_in(node, aliases):
            node = Node(
                "heading",
                node.line,
                node.end_line,
                level=min(level + 1, 6),
                text=node.text.rstrip(":").strip(),
                inline=node.inline,
                info="run-in",
            )
        promoted.append(node)
    return promoted


def _reference_classify_all(
    heads: list[Node], offset: int, aliases: Mapping[str, str] | None
) -> tuple[list[tuple[Match, int | None]], int | None]:
    """Round 34's sections._classify_all (headings._classify called whole)."""
    title_index: int | None = None
    found: list[tuple[Match, int | None]] = []
    stack: list[int] = []
    extra = alias_keys(aliases)
    h1_before = False
    for number, heading in enumerate(heads):
        may_be_title = heading.level == 1 and not h1_before
        while stack and heads[stack[-1]].level >= heading.level:
            stack.pop()
        parent = stack[-1] if stack else None
        parent_kind = found[parent][0].kind if parent is not None else None
        if parent_kind in ABSORBING_KINDS:
            text = heading.text
            found_qualifiers = qualifiers(text) if "(" in text else ()
            match = Match(parent_kind, 100.0, "", found_qualifiers)
        else:
            fuzzy = title_index is not None or not may_be_title
            match = headings._classify(heading.text, extra, fuzzy)
        if (
            title_index is None
            and may_be_title
            and (match.kind in ("unknown", "meta") or match.score != 100)
        ):
            match = Match("meta", 100.0, match.normalised, match.qualifiers)
            title_index = number + offset
        found.append((match, parent + offset if parent is not None else None))
        stack.append(number)
        if heading.level == 1:
            h1_before = True
    return found, title_index


def _reference_partition(
    blocks: list[Node],
    heads: list[Node],
    matches: list[tuple[Match, int | None]],
    line_count: int,
) -> list[Part]:
    """Round 34's sections._partition (Part built by its constructor)."""
    parts: list[Part] = []
    first_line = heads[0].line if heads else line_count + 1
    if first_line > 1 or not heads:
        values = {
            "heading": "",
            "kind": "preamble",
            "score": 100.0,
            "level": 0,
            "qualifiers": (),
            "run_in": False,
            "line_start": 1,
            "line_end": max(1, first_line - 1),
            "parent": None,
        }
        parts.append(Part(0, assembled(Section, values, sections._PREAMBLE_GIVEN), None))
    for number, (heading, (match, parent)) in enumerate(zip(heads, matches, strict=True)):
        end = heads[number + 1].line - 1 if number + 1 < len(heads) else line_count
        values = {
            "heading": heading.text,
            "kind": match.kind,
            "score": match.score,
            "level": heading.level,
            "qualifiers": match.qualifiers,
            "run_in": heading.info == "run-in",
            "line_start": heading.line,
            "line_end": max(heading.end_line, end),
            "parent": parent,
        }
        parts.append(
            Part(len(parts), assembled(Section, values, sections._SECTION_FIELDS), heading)
        )
    owners = iter(parts[1:] if parts[0].heading is None else parts)
    current = parts[0]
    for node in blocks:
        if node.kind == "heading":
            current = next(owners)
        else:
            current.nodes.append(node)
    return parts


def _texts() -> list[str]:
    return [*TEXTS, *HEADING_DOCUMENTS, *_outlines(20261135, 1500), *_generated_reports(600, 35)]


def _same_nodes(found: list[Node], expected: list[Node]) -> bool:
    return len(found) == len(expected) and all(
        a is b or (a == b and list(vars_of(a)) == list(vars_of(b)))
        for a, b in zip(found, expected, strict=True)
    )


def vars_of(node: Node) -> dict[str, object]:
    return {field.name: getattr(node, field.name) for field in fields(node)}


def test_promote_run_in_matches_round_34() -> None:
    promoted = 0
    texts = _texts()
    paragraphs = _paragraphs() + _generated_paragraphs(20261135, 3000)
    for aliases in ALL_ALIASES:
        for text in texts:
            blocks, _ = _blocks(text)
            found = sections.promote_run_in(blocks, aliases)
            assert _same_nodes(found, _reference_promote_run_in(blocks, aliases))
            promoted += sum(node.info == "run-in" for node in found)
        # one paragraph at a time: labels of every kind, bold and plain, and prose
        found = sections.promote_run_in(paragraphs, aliases)
        assert _same_nodes(found, _reference_promote_run_in(paragraphs, aliases))
        assert 300 < sum(node.info == "run-in" for node in found) < len(paragraphs) - 300
    assert promoted > 100


def test_a_team_alias_to_unknown_promotes_nothing() -> None:
    # The alias look-up's own answer: a key in the index whose kind is "unknown" is no label.
    label = Node(
        "paragraph",
        1,
        1,
        text="Action Items",
        inline=_paragraphs()[0].inline._replace(text="Action Items", breaks=()),
    )
    assert sections._run_in(label, (), headings._alias_index(()))
    extra = alias_keys(MORE_ALIASES[1])
    assert not sections._run_in(label, extra, headings._alias_index(extra))
    assert sections.promote_run_in([label], MORE_ALIASES[1])[0].kind == "paragraph"
    assert sections.promote_run_in([label], None)[0].kind == "heading"


def test_classify_all_and_partition_match_round_34() -> None:
    unlisted = 0
    for text in _texts():
        blocks, line_count = _blocks(text)
        for aliases in ALL_ALIASES:
            promoted = sections.promote_run_in(blocks, aliases)
            heads = [node for node in promoted if node.kind == "heading"]
            extra = alias_keys(aliases)
            index = headings._alias_index(extra)
            unlisted += sum(headings.normalise(h.text)[0] not in index for h in heads)
            for offset in (0, 1):
                found = sections._classify_all(heads, offset, aliases)
                assert found == _reference_classify_all(heads, offset, aliases)
            preamble = int(not heads or heads[0].line > 1)
            matches, _ = sections._classify_all(heads, preamble, aliases)
            parts = sections._partition(promoted, heads, matches, line_count)
            expected = _reference_partition(promoted, heads, matches, line_count)
            assert parts == expected
            # the same attributes in the same order, the sections equal field for field
            assert [list(vars(p)) for p in parts] == [list(vars(p)) for p in expected]
            assert [p.section.model_fields_set for p in parts] == [
                p.section.model_fields_set for p in expected
            ]
            assert all(
                a.heading is b.heading and [id(n) for n in a.nodes] == [id(n) for n in b.nodes]
                for a, b in zip(parts, expected, strict=True)
            )
    assert unlisted > 1000  # headings that go on past the alias look-up


def test_classify_unlisted_is_classify_after_its_look_up() -> None:
    texts = [
        "Date: Feb 6, 2023",
        "Root cause of the outage (draft)",
        "What went wrong?",
        "Summry",
        "ADFS Outage",
        "",
        "x" * 40,
        "1. Timeline of events (UTC)",
    ]
    tried = 0
    for aliases in ALL_ALIASES:
        extra = alias_keys(aliases)
        index = headings._alias_index(extra)
        for text in texts:
            key, found_qualifiers = headings.normalise(text)
            if key in index:
                continue
            tried += 1
            for fuzzy in (False, True):
                found = headings._classify_unlisted(key, found_qualifiers, index, extra, fuzzy)
                assert found == headings._classify(text, extra, fuzzy)
    assert tried > 20


def test_build_matches_the_references() -> None:
    for text in _texts()[:400]:
        blocks, line_count = _blocks(text)
        outline = sections.build(blocks, line_count, Sink())
        promoted = _reference_promote_run_in(blocks, None)
        heads = [node for node in promoted if node.kind == "heading"]
        matches, title = _reference_classify_all(heads, int(not heads or heads[0].line > 1), None)
        parts = _reference_partition(promoted, heads, matches, line_count)
        assert outline.parts == parts
        assert outline.title_index == title
