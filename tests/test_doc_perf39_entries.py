"""Round 39: an Entry and a Row are filled by tuple.__new__ (``readers._new_tuple``).

``readers._unlabelled_entry``, ``readers._entry`` and ``readers.table_rows`` built each one by
calling the NamedTuple (its __new__ is a Python frame); they now give tuple.__new__ every
field in its order. Checked here against those functions as they were (kept below as the
reference), on every report we have (fixtures, README and docs, the corpus when present) and on
generated texts mixing the shapes involved (plain prose, `Label: value` lines, bold leads,
checkboxes, nested lists, block quotes, tables with short and long rows): the same entries and
rows (each field equal and of the same type), and the same whole parses. No timings.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

import incidentparse
from incidentparse import tokens
from incidentparse.extract import actions, fields, readers, timeline
from incidentparse.extract.readers import Entry, Row, split_label
from incidentparse.tokens import Inline, Node

from .conftest import REPO_MARKDOWN, SHARED
from .test_timeline_perf33_rows import _old_table_rows as _perf33_table_rows
from .test_timeline_perf37_label import _entry as _perf37_entry


def _old_unlabelled_entry(node: Node, depth: int) -> Entry:
    """readers._unlabelled_entry before round 39."""
    inline = node.inline
    text = inline.text
    if inline.lead is None and not text.startswith("["):
        colon = text.find(":")
        if colon < 0 or (colon + 1 < len(text) and not text[colon + 1].isspace()):
            return Entry(node.line, node.end_line, depth, text, None, text, False, inline)
    return _old_entry(node, depth)


def _old_entry(node: Node, depth: int, inline: Inline | None = None, line: int = 0) -> Entry:
    """readers._entry before round 39: test_timeline_perf37_label's copy with today's split."""
    return _perf37_entry(node, depth, inline, line, split_label)


def _old_table_rows(node: Node) -> list[Row]:
    """readers.table_rows before round 39: test_timeline_perf33_rows' copy building Rows."""
    return _perf33_table_rows(node, Row)


LINES = (
    "Plain prose with no label at all.",
    "At 10:30 the deploy went out (see https://example.com/x).",
    "Start: Wednesday, 2018-08-22\nEnd: Thursday, 2018-08-23",
    "Owner: @alice",
    "Status: N/A (not an attack)",
    "**Detection:** an alert fired at 10:10.",
    "**Impact**: 40 users",
    "**Root cause** - a full disk",
    "**Lessons:**",
    "*emphasis* and `code` in a line",
    "2018-08-22, 03:26pm: first noticed that the site was\ngiving an error.",
    "Wrapped prose over\ntwo lines: with a colon",
    "<START OF OUTAGE>",
)
ITEMS = (
    "- [ ] set up alerting",
    "- [x] renew the certificate",
    "- [X] **Owner:** bob",
    "- Users affected: 40\n- Duration: 2 hours\n- Revenue: TBD",
    "1. first step\n   - nested: value\n2. second step",
    "- one\n\n- two\n\n- three",
    "> quoted note: on April 2-3\n> - quoted item",
    "* Who: carol\n  continued line",
)
TABLES = (
    "| Time | Event | Owner |\n|---|---|---|\n| 10:00 | page | ann |\n| 10:30 | fix |",
    "| Action item | Owner | Status | Ticket |\n|---|---|---|---|\n| rotate | dan | done | #12 |",
    "| Indicator | Type |\n|---|---|\n| 198.51.100.9 | ip |\n| bad[.]example | domain | extra |",
    "| Date | Time | What | Who |\n|--|--|--|--|\n| 2024-03-04 | 09:00 | deploy | ops |",
    "| a | b |\n|---|---|",
)


def _generated(count: int, seed: int = 3901) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for number in range(count):
        parts = [f"# Incident {number}"]
        for _ in range(rng.randint(1, 7)):
            parts.append(rng.choice(("## Summary", "## Timeline", "## Action items", "## Impact")))
            for _ in range(rng.randint(0, 4)):
                parts.append(rng.choice(rng.choice((LINES, ITEMS, TABLES))))
        texts.append("\n\n".join(parts) + "\n")
    return texts


def _texts() -> list[str]:
    paths = [*REPO_MARKDOWN, *sorted((SHARED / "corpus").glob("*.md"))]
    return [path.read_text(encoding="utf-8") for path in paths] + _generated(600)


def _walk(nodes: list[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _same(new: tuple[object, ...], old: tuple[object, ...]) -> None:
    assert type(new) is type(old)
    assert new == old
    assert [type(value) for value in new] == [type(value) for value in old]


def test_entries_are_those_the_namedtuple_built(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = [tokens.parse_blocks(text) for text in _texts()]
    # each node alone too: every paragraph, item and quote as entries() meets it first
    fast = [[readers.entries([node]) for node in _walk(nodes)] for nodes in blocks]
    monkeypatch.setattr(readers, "_unlabelled_entry", _old_unlabelled_entry)
    monkeypatch.setattr(readers, "_entry", _old_entry)
    old = [[readers.entries([node]) for node in _walk(nodes)] for nodes in blocks]
    built = checked = 0
    for new_doc, old_doc in zip(fast, old, strict=True):
        for new_entries, old_entries in zip(new_doc, old_doc, strict=True):
            assert len(new_entries) == len(old_entries)
            for new, entry in zip(new_entries, old_entries, strict=True):
                _same(new, entry)
                built += 1
                checked += entry.checked is not None
    # The fast path is exercised without the corpus (the generated texts alone hold these).
    assert built > 5000
    assert checked > 100


def test_rows_are_those_the_namedtuple_built() -> None:
    rows = 0
    for text in _texts():
        for node in _walk(tokens.parse_blocks(text)):
            if node.kind == "table":
                new, old = readers.table_rows(node), _old_table_rows(node)
                assert len(new) == len(old)
                for row, reference in zip(new, old, strict=True):
                    _same(row, reference)
                    rows += 1
    assert rows > 1000


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    monkeypatch.setattr(readers, "_unlabelled_entry", _old_unlabelled_entry)
    monkeypatch.setattr(readers, "_entry", _old_entry)
    # table_rows is called by the modules that imported it, each patched
    for module in (readers, actions, fields, timeline):
        monkeypatch.setattr(module, "table_rows", _old_table_rows)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
