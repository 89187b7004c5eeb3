"""Round-17 fast paths of the document facts and the readers give exactly what the code they
replaced gives, on every report we have (fixtures, docs, the shared corpus) and generated text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator

import pytest

from incidentparse import tokens
from incidentparse.extract import context, document, readers
from incidentparse.extract.readers import Entry
from incidentparse.tokens import Inline, Node

from .test_extract_perf import REPORTS, TEXTS

# --- report type: the evidence words (extract/document.py) ---

_OLD_WORD_RUNS = context._blanking("".join(document._WORD_CHARS))
_OLD_RUN_HYPHENS = re.compile(rb" -+")


def _old_whole_words(text: str, runs: object = None) -> frozenset[bytes]:
    """_whole_words as it was: every run of word characters less its leading hyphens (runs,
    which the new one may be handed, is not read)."""
    runs = b" " + text.encode("utf-8", "surrogatepass").translate(_OLD_WORD_RUNS)
    return frozenset(_OLD_RUN_HYPHENS.sub(b" ", runs).split())


EVIDENCE_PIECES: tuple[str, ...] = (
    *(word for word in document.TYPE_WORDS), "-", "--", "x", "9", "é", "post", "mortem", "on",
    "call", "not", "no", "a", ".", "\n", "ß", "İ", "\ud800", "cve-2024-1", "root cause",
)  # fmt: skip


def _evidence_texts() -> list[str]:
    rng = random.Random(17)
    generated = [
        "".join(rng.choice(EVIDENCE_PIECES) + rng.choice(("", " ", "-", "_")) for _ in range(30))
        for _ in range(1500)
    ]
    return [text.lower() for text in [*TEXTS, *generated]]


def test_whole_words_hold_every_word_the_old_split_held() -> None:
    checked = 0
    for text in _evidence_texts():
        fast = document._whole_words(text)
        old = _old_whole_words(text)
        for word in document.TYPE_WORDS:
            key = word.encode()
            assert key not in old or key in fast, (word, text)
            if key in fast and key not in old:  # an extra word: _word_starts finds it nowhere
                assert not list(document._word_starts(text, word)), (word, text)
            checked += key in old
    assert checked > 300


def test_text_evidence_is_that_of_the_old_split(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _evidence_texts()
    fast = [document.text_evidence(text) for text in texts]
    monkeypatch.setattr(document, "_whole_words", _old_whole_words)
    old = [document.text_evidence(text) for text in texts]
    assert fast == old
    assert sum(1 for score in old if any(score.values())) > 300


def test_runs_handed_in_give_what_the_text_gives() -> None:
    # report_type and status's last resort share one split of the text (Context.lowered_runs)
    verdicts = set()
    for text in _evidence_texts():
        lowered = text.lower()
        runs = context.letter_runs(lowered)
        assert document.text_evidence(lowered, runs) == document.text_evidence(lowered)
        verdict = document._status_in(lowered, runs)
        assert verdict == document._status_in(lowered)
        verdicts.add(verdict)
    assert verdicts == {"ongoing", "resolved", "unknown"}


# --- readers.entries (extract/readers.py) ---

_OLD_CHECKBOX = re.compile(r"^\[([ xX])\]\s+")


def _old_entries(nodes: Iterable[Node]) -> Iterator[Entry]:
    """entries as it was: a generator per node, resumed through `yield from`."""
    for node in nodes:
        yield from _old_node_entries(node, 0)


def _old_node_entries(node: Node, depth: int) -> Iterator[Entry]:
    if node.kind == "paragraph":
        yield from _old_paragraph_entries(node, depth)
    elif node.kind == "html" and readers._MARKER.match(node.text):
        text = node.text.strip()
        yield Entry(node.line, node.end_line, depth, text, None, text, False, Inline(text))
    elif node.kind == "list_item":
        for child in node.children:
            yield from _old_node_entries(child, node.level)
    elif node.kind in ("list", "blockquote"):
        for child in node.children:
            yield from _old_node_entries(child, depth)


def _old_paragraph_entries(node: Node, depth: int) -> Iterator[Entry]:
    if not node.inline.breaks:
        yield _old_entry(node, depth)
        return
    lines = node.inline.source_lines()
    if len(lines) < 2 or not all(readers._plain_label(line)[0] for line in lines):
        yield _old_entry(node, depth)
        return
    for offset, line in enumerate(lines):
        yield _old_entry(node, depth, Inline(line), node.line + offset)


def _old_entry(node: Node, depth: int, inline: Inline | None = None, line: int = 0) -> Entry:
    inline = inline or node.inline
    first = line or node.line
    last = line or node.end_line
    checked: bool | None = None
    box = _OLD_CHECKBOX.match(inline.text)
    if box:
        checked = box.group(1) != " "
        inline = Inline(inline.text[box.end() :], links=inline.links, code=inline.code)
    label, value, bold = readers.split_label(inline)
    return Entry(first, last, depth, inline.text, label, value, bold, inline, checked)


ENTRY_PIECES: tuple[str, ...] = (
    "- [x] done", "- [ ] open", "* [X] Done:", "- [x]no space", "[ ] plain box", "- item",
    "  - nested", "    - deeper [x] late", "1. **Owner:** Ana", "> quoted **Label:** v",
    "> - [x] quoted box", "<START OF OUTAGE>", "<div>x</div>", "Start: Monday⏎End: Tuesday",
    "Start: Monday⏎plain line", "**Bold** - dash value", "Label: value", "plain prose.", "",
    "| a | b |⏎|---|---|⏎| [x] | y |", "```⏎[x] code⏎```", "## Heading", "one line⏎two lines",
    "A: x⏎B: y⏎C: z", "a: b⏎c⏎D: e", "x⏎Label: y", "Start:⏎End:", "T: 10:00⏎no label",
    "Key: v  ⏎Next: w", "Owner: Ana\\⏎Due: May", "- Start: 1⏎  End: 2", "> In: a⏎> Out: b",
)  # fmt: skip


def _entry_documents() -> list[str]:
    rng = random.Random(1717)
    generated = [
        "\n".join(rng.choice(ENTRY_PIECES).replace("⏎", "\n") for _ in range(rng.randint(1, 12)))
        for _ in range(600)
    ]
    reports = [path.read_text(encoding="utf-8") for path in REPORTS]
    return [*reports, *generated]


def _walk(nodes: list[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        yield from _walk(node.children)


def test_entries_are_those_of_the_generator_walk() -> None:
    compared = 0
    for text in _entry_documents():
        blocks = tokens.parse_blocks(text)
        assert readers.entries(blocks) == list(_old_entries(blocks)), text
        for node in _walk(blocks):  # every node alone, at any depth, as extractors pass them
            fast = readers.entries([node])
            assert fast == list(_old_entries([node])), text
            compared += len(fast)
    assert compared > 3000
    assert any(entry.checked for text in ENTRY_PIECES for entry in _entries_of(text))


def _entries_of(text: str) -> list[Entry]:
    return readers.entries(tokens.parse_blocks(text.replace("⏎", "\n")))
