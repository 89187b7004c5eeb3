"""Round 33: a plain paragraph's entry built at once (extract.readers._paragraph_entries).

A paragraph or item's first paragraph kept whole (no line-by-line split) with no leading bold
or italic run, no checkbox '[' and no ':' is its own entry with no label (_entry's label split
gives (None, text, False)): it is built without the calls to _entry, split_label and
_plain_label. Compared with round 32's _paragraph_entries, kept here, on every node of our
reports, docs and the corpus when present, and on generated documents dense in labels, colons,
checkboxes, bold and italic leads, links whose destination holds a colon and line breaks.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from incidentparse import parse, tokens
from incidentparse.extract import readers
from incidentparse.extract.readers import Entry
from incidentparse.tokens import Inline, Node

from .test_doc_perf17 import ENTRY_PIECES, _entry_documents
from .test_timeline_perf11 import DOCS


def _old_paragraph_entries(node: Node, depth: int, found: list[Entry]) -> None:
    """readers._paragraph_entries as it was (round 32)."""
    inline = node.inline
    if not inline.breaks or inline.text_raw.count(":") < 2:
        found.append(readers._entry(node, depth))
        return
    lines = inline.source_lines()
    if len(lines) < 2 or not all(readers._plain_label(line)[0] for line in lines):
        found.append(readers._entry(node, depth))
        return
    for offset, line in enumerate(lines):
        found.append(readers._entry(node, depth, Inline(line), node.line + offset))


_PIECES: tuple[str, ...] = (
    *ENTRY_PIECES, "plain prose here", "- plain item", "**Bold** prose", "*em* prose",
    "**Bold:** value", "_it_ - v", "[Foo](<a: b>)⏎[Bar](<c: d>)", "[link](http://x.io) text",
    "[x] box", "[ ] box", "[note] text", "a [b] c", "Time 12:49", "`code: x` text", "x:",
    "- [link](https://a.b) item", "1. plain", "> plain quote", "Line one⏎line two", "\\[x] no",
    "<b>A</b>: x", "Ünïcode prose", "A: [l](<u: v>)⏎B: w",
)  # fmt: skip


def _documents() -> list[str]:
    rng = random.Random(3301)
    generated = [
        "\n".join(rng.choice(_PIECES).replace("⏎", "\n") for _ in range(rng.randint(1, 12)))
        for _ in range(1500)
    ]
    return [*_entry_documents(), *DOCS, *generated]


def _walk(nodes: list[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _plain(entry: Entry) -> bool:
    """An entry the new path builds at once (its own conditions, read off the entry)."""
    return (
        entry.label is None
        and entry.inline.lead is None
        and ":" not in entry.text
        and not entry.text.startswith("[")
    )


def test_entries_are_those_of_round_32(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = _documents()
    blocks = [tokens.parse_blocks(text) for text in documents]
    fast = [readers.entries(nodes) for nodes in blocks]
    alone = [[readers.entries([node]) for node in _walk(nodes)] for nodes in blocks]
    monkeypatch.setattr(readers, "_paragraph_entries", _old_paragraph_entries)
    old = [readers.entries(nodes) for nodes in blocks]
    old_alone = [[readers.entries([node]) for node in _walk(nodes)] for nodes in blocks]
    for text, new_entries, old_entries in zip(documents, fast, old, strict=True):
        assert new_entries == old_entries, text
        for a, b in zip(new_entries, old_entries, strict=True):
            assert [type(v) for v in a] == [type(v) for v in b]
    assert alone == old_alone
    built = sum(1 for entries in fast for entry in entries if _plain(entry))
    assert built > 2000  # 2784 with the corpus


def test_reports_parse_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [parse(doc).model_dump_json() for doc in DOCS]
    monkeypatch.setattr(readers, "_paragraph_entries", _old_paragraph_entries)
    assert [parse(doc).model_dump_json() for doc in DOCS] == fast
