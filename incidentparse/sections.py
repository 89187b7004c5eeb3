"""Section stage: block nodes to a lossless Section tree with classified headings, and the
per-kind views the extractors read.

Every heading outside lists and blockquotes starts a section; a section runs to the line
before the next heading, so the sections partition the input lines (the preamble is level 0).
A sub-heading takes its own kind, except below a timeline, where sub-headings are phases or
timestamps of that timeline, and where it matches nothing, where it joins its parent's view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .diagnostics import Sink
from .headings import (
    Match,
    _alias_index,
    _classify_unlisted,
    alias_keys,
    is_plain_label,
    normalise,
    qualifiers,
)
from .models import Section, assembled
from .tokens import Node

# Match's fields filled without its Python __new__ (tests/test_sections_perf27.py checks the
# order of the fields).
_new_tuple = tuple.__new__

# Kinds whose sub-headings belong to the parent kind rather than being classified apart.
ABSORBING_KINDS: frozenset[str] = frozenset({"timeline", "appendix"})


@dataclass
class Part:
    """One section with its heading node and its own top-level blocks."""

    index: int
    section: Section
    heading: Node | None
    nodes: list[Node] = field(default_factory=list)


@dataclass
class View:
    """What an extractor reads: a root section and the descendants that joined it."""

    kind: str
    parts: list[Part]

    @property
    def root(self) -> Part:
        return self.parts[0]

    def nodes(self) -> list[Node]:
        return [node for part in self.parts for node in part.nodes]


@dataclass
class Outline:
    """The sections of a document, their blocks, and the views by kind."""

    sections: list[Section]
    parts: list[Part]
    title_index: int | None
    views: list[View]

    def kind_at(self, line: int) -> str:
        """Kind of the section containing a line."""
        for part in self.parts:
            if part.section.line_start <= line <= part.section.line_end:
                return part.section.kind
        return "unknown"


def build(
    blocks: list[Node], line_count: int, sink: Sink, aliases: Mapping[str, str] | None = None
) -> Outline:
    """Partition the document into sections, classify headings, group them into views."""
    blocks = promote_run_in(blocks, aliases)
    headings = [node for node in blocks if node.kind == "heading"]
    preamble = not headings or headings[0].line > 1
    matches, title_index = _classify_all(headings, int(preamble), aliases)
    parts = _partition(blocks, headings, matches, line_count)
    _report(parts, sink)
    sections = [part.section for part in parts]
    return Outline(sections, parts, title_index, _views(parts))


RUN_IN_MAX_WORDS = 8
# A label ends in none of these (a sentence or a list of words does).
RUN_IN_END = ".!;,"


def promote_run_in(blocks: list[Node], aliases: Mapping[str, str] | None = None) -> list[Node]:
    """Top-level one-line paragraphs that are section labels become headings one level below
    the current heading: `**Action Items**`, `Action Items:`, `INFECTION CHAIN:`. A bold label
    needs only to classify; a plain one must match an alias exactly (prose must not split)."""
    promoted: list[Node] = []
    level = 1
    # classify(text, aliases, fuzzy=...)'s alias keys and index, built once here, not at each
    # short paragraph (its two calls and keyword spared too).
    extra = alias_keys(aliases)
    index = _alias_index(extra)
    for node in blocks:
        if node.kind == "heading":
            level = node.level
        elif node.kind == "paragraph" and _run_in(node, extra, index):
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


def _run_in(node: Node, extra: tuple[tuple[str, str], ...], index: dict[str, str]) -> bool:
    """Whether a paragraph is a run-in label (section label) under the aliases whose keys
    (alias_keys) and index (_alias_index(extra)) are given: promote_run_in builds them once,
    not at each paragraph."""
    inline = node.inline
    if inline.breaks:  # a label is one line; the text is not even needed
        return False
    text = inline.text.rstrip(":").strip()
    # Every top-level paragraph comes here, most of them long prose: the word count stops
    # splitting after the limit. The stripped text ends in no newline, so _RUN_IN_END can
    # only match its last character: a membership test instead of a regex search, made
    # first (the three tests read the text only), as most prose ends in a full stop: the
    # split, a list of nine strings, is spared.
    if (
        not text
        or text[-1] in RUN_IN_END
        or len(text.split(maxsplit=RUN_IN_MAX_WORDS)) > RUN_IN_MAX_WORDS
    ):
        return False
    bold = inline.all_emphasis and inline.lead_strong
    # A plain label must classify with a score of 100, which no fuzzy match gives: skip it.
    # classify(text, aliases, fuzzy=bold): its key looked up here, the rest of its steps
    # only for a key that is no alias.
    key, found_qualifiers = normalise(text)
    if key in index:
        # a score of 100: a label unless a team's alias names the kind "unknown"
        return index[key] != "unknown"
    if not bold:
        # a plain label: a kind with a score of 100, told without building the Match
        return is_plain_label(key, index, extra)
    return _classify_unlisted(key, found_qualifiers, index, extra, True).kind != "unknown"


# Sections are built unvalidated (models.assembled): one per heading, and validating it cost
# more than classifying most headings. Every value is of its field's type already (str, Match's
# float score, int lines, a tuple of str, bool, int or None), which the validator hands on
# unchanged, so the model is the one Section(...) builds (tests/test_doc_perf18.py compares both
# on every section of our reports). The values go in the model's field order; a preamble is
# given these fields, the others keep their defaults, unset as in Section(...) (the names
# given are frozensets, which models.assembled copies fastest).
_SECTION_FIELDS = frozenset(Section.model_fields)
_new_part = object.__new__
_PREAMBLE_GIVEN = frozenset(("heading", "kind", "score", "level", "line_start", "line_end"))


def _partition(
    blocks: list[Node],
    headings: list[Node],
    matches: list[tuple[Match, int | None]],
    line_count: int,
) -> list[Part]:
    """One part per heading (plus the preamble before the first), each section built once
    with its classification, and every other block given to the part it falls in."""
    parts: list[Part] = []
    first_line = headings[0].line if headings else line_count + 1
    if first_line > 1 or not headings:
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
        parts.append(Part(0, assembled(Section, values, _PREAMBLE_GIVEN), None))
    for number, (heading, (match, parent)) in enumerate(zip(headings, matches, strict=True)):
        end = headings[number + 1].line - 1 if number + 1 < len(headings) else line_count
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
        # Part(len(parts), section, heading), its fields set here in their order (_new_part):
        # the dataclass __init__ is a Python frame and a default_factory call per heading.
        part = _new_part(Part)
        part.index = len(parts)
        part.section = assembled(Section, values, _SECTION_FIELDS)
        part.heading = heading
        part.nodes = []
        parts.append(part)
    # Blocks are in line order and each heading starts its part, so a block belongs to the
    # part of the last heading before it (the first part before any): one walk, where a
    # bisect of the part starts per block cost a call and a search each.
    owners = iter(parts[1:] if parts[0].heading is None else parts)
    current = parts[0]
    for node in blocks:
        if node.kind == "heading":
            current = next(owners)
        else:
            current.nodes.append(node)
    return parts


def _classify_all(
    headings: list[Node], offset: int, aliases: Mapping[str, str] | None
) -> tuple[list[tuple[Match, int | None]], int | None]:
    """Each heading's kind, score and qualifiers with its parent's part index; and the title's
    part index. A heading's part index is its position plus ``offset`` (1 after a preamble)."""
    title_index: int | None = None
    found: list[tuple[Match, int | None]] = []
    stack: list[int] = []
    # classify(text, aliases, fuzzy=...) is _classify with the aliases' keys, built here once
    # instead of at every heading (the call and its keyword spared too).
    extra = alias_keys(aliases)
    index = _alias_index(extra)
    # The first H1 may be the title: read off a flag set at each H1 (a walk over the headings
    # before each one, while no title was found, until round 33).
    h1_before = False
    for number, heading in enumerate(headings):
        may_be_title = heading.level == 1 and not h1_before
        while stack and headings[stack[-1]].level >= heading.level:
            stack.pop()
        parent = stack[-1] if stack else None
        parent_kind = found[parent][0].kind if parent is not None else None
        if parent_kind in ABSORBING_KINDS:
            # Its kind is the parent's; only kind, score and qualifiers reach the Section
            # (_partition), so the key is left unbuilt. A timeline's headings are many ('### 5:02
            # PM'): the Match is filled as a tuple (its __new__ is a Python function), and
            # qualifiers' own first test, no '(' in the text, read in place.
            text = heading.text
            found_qualifiers = qualifiers(text) if "(" in text else ()
            match = _new_tuple(Match, (parent_kind, 100.0, "", found_qualifiers))
        else:
            # The title candidate keeps its kind only with a score of 100, which no fuzzy
            # match gives: it skips the fuzzy look-up (the costliest step of classifying a
            # title such as '# ADFS Outage'), and whatever kind it has becomes the title's.
            fuzzy = title_index is not None or not may_be_title
            # _classify(heading.text, extra, fuzzy) read in place: most headings' keys are an
            # alias (two calls spared each), the others go on through its further steps.
            key, found_qualifiers = normalise(heading.text)
            if key in index:
                match = _new_tuple(Match, (index[key], 100.0, key, found_qualifiers))
            else:
                match = _classify_unlisted(key, found_qualifiers, index, extra, fuzzy)
        # The first H1 is the title unless it is plainly a section: an exact alias ('# Overview'),
        # not a title that merely starts like one ('# Threat Actors Exploit …').
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


def _report(parts: list[Part], sink: Sink) -> None:
    for number, part in enumerate(parts):
        section = part.section
        if part.heading is None:
            continue
        if section.kind == "unknown":
            sink.add(
                "unknown-section",
                f"heading '{section.heading}' matches no known section kind; kept as unknown",
                line=section.line_start,
                column=1,
                hint="add it to heading-aliases in the configuration if it is a known kind",
            )
        has_child = number + 1 < len(parts) and parts[number + 1].section.parent == part.index
        if not part.nodes and not has_child and section.kind != "meta":
            sink.add(
                "empty-section",
                f"section '{section.heading}' has no content",
                line=section.line_start,
                column=1,
            )


def _views(parts: list[Part]) -> list[View]:
    """One view per root section of a kind; descendants that are unknown or of the same kind
    (phase headings under a timeline, '### Details' under an unknown heading) join it."""
    views: list[View] = []
    owner: dict[int, View] = {}
    for part in parts:
        parent = part.section.parent
        parent_view = owner.get(parent) if parent is not None else None
        if parent_view is not None and part.section.kind in (parent_view.kind, "unknown"):
            parent_view.parts.append(part)
            owner[part.index] = parent_view
            continue
        # View(kind, [part]), its two fields set here in their order (_new_part): the dataclass
        # __init__ is a Python frame per root section (sixteen on a short report).
        view = _new_part(View)
        view.kind = part.section.kind
        view.parts = [part]
        views.append(view)
        owner[part.index] = view
    return views
