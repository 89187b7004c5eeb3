"""Round-14 fast paths of the indicator engine give exactly what the plain way gives.

Compared on every report we have (fixtures, docs, the shared corpus when present), the IOC case
tables and generated text (test_ioc_perf's TEXTS), plus generated backtick-heavy text.
"""

from __future__ import annotations

import random

import pytest

from incidentparse.ioc import extract_indicators
from incidentparse.ioc.context import (
    Labels,
    context_of,
    dash_note,
    link_text,
    parenthetical,
    row_note,
)
from incidentparse.ioc.layout import Layout, _inside
from incidentparse.ioc.scan import _COMMON, _PROBES, SCANNERS, absent_literals

from .test_ioc_perf import FENCED, TEXTS

TICK_PIECES: tuple[str, ...] = (
    "`", "``", "```", "a", "b c", " ", "\n", "\n\n", "|", "\\", "x.com", "\t", "~~~", "é", "`a`",
)  # fmt: skip


def _tick_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(TICK_PIECES) for _ in range(rng.randint(1, 50))) for _ in range(count)
    ]


SPAN_TEXTS = [*TEXTS, *FENCED, *_tick_texts(3000, 14)]


@pytest.mark.parametrize("markdown", [True, False])
def test_line_spans_are_the_whole_text_spans(markdown: bool) -> None:
    """Each line's spans are the whole-text spans on that line; every offset's answers agree."""
    spanned = 0
    for text in SPAN_TEXTS:
        layout = Layout.build(text, markdown)
        whole = layout.spans
        by_line = [span for start in layout.line_starts for span in layout.line_spans(start)]
        assert by_line == whole, text
        spanned += len(whole)
        fresh = Layout.build(text, markdown)  # answers asked in text order, from an empty cache
        for offset in range(len(text)) if len(text) < 2000 else range(0, len(text), 7):
            assert fresh.in_code(offset) == (
                layout.in_fence(offset) or _inside(whole, offset) is not None
            ), (text, offset)
            plain_span = _inside(whole, offset)
            span = fresh.code_span(offset)
            if plain_span is None:
                assert span is None, (text, offset)
            else:
                ticks = len(text[plain_span[0] : plain_span[1]].lstrip("`"))
                ticks = plain_span[1] - plain_span[0] - ticks
                assert span == (plain_span[0] + ticks, plain_span[1] - ticks), (text, offset)
    assert spanned > (1000 if markdown else -1)


def test_indicators_with_whole_text_spans_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [extract_indicators(text) for text in SPAN_TEXTS]

    def whole(self: Layout, offset: int) -> list[tuple[int, int]]:
        return self.spans

    monkeypatch.setattr(Layout, "line_spans", whole)
    assert [extract_indicators(text) for text in SPAN_TEXTS] == fast


PROBE_PIECES: tuple[str, ...] = (
    "C", "c", "V", "v", "E", "e", "H", "K", ":", "::", " ", "a", "t", " at ", "\n", "CVE", "Cve",
    "cve", "cVe", "HK", "hk", "é", ".", "@", "/",
)  # fmt: skip


def _probe_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(PROBE_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(count)
    ]


PROBE_TEXTS = [*TEXTS, *_probe_texts(5000, 14), "CV", "Cv", "cv", "VE", "ve", ":", "H", "K", "KH"]


def test_probes_cover_the_common_literals_once() -> None:
    probed = [literal for probe in _PROBES for literal in probe.literals]
    assert sorted(probed) == sorted(_COMMON)
    assert any(probe.finder is not None and len(probe.literals) > 1 for probe in _PROBES)


def test_probe_finders_match_where_one_of_their_literals_is() -> None:
    found = 0
    for text in PROBE_TEXTS:
        for probe in _PROBES:
            for char in probe.telling:
                assert all(char in literal for literal in probe.literals)
            if probe.finder is None:
                continue
            places = [m.end() for m in probe.finder.finditer(text)]  # each where a literal ends
            plain = sorted(
                {
                    index + len(literal)
                    for literal in probe.literals
                    for index in range(len(text))
                    if text.startswith(literal, index)
                }
            )
            assert places == plain, (text, probe)
            found += len(places)
    assert found > 1000


def test_absent_literals_are_the_ones_not_in_the_text() -> None:
    literals = {a.literal for s in SCANNERS for a in s.anchors}
    for text in PROBE_TEXTS:
        plain = frozenset(literal for literal in literals if literal not in text)
        assert absent_literals(text, common=True) == plain, text


def _plain_context(layout: Layout, labels: Labels, start: int, end: int) -> str | None:
    """context_of as written before round 14: each step finds the line again, every line is
    asked for its row note."""
    line_start, line_end = layout.line_bounds(start)
    text = layout.text
    note = parenthetical(text, end, line_end)
    if note is None and layout.markdown:
        note = link_text(text, start, line_start)
    if note is None and layout.markdown:
        note = row_note(layout, start, end)
    if note is None:
        note = dash_note(text, end, line_end)
    if note is None:
        note = labels.label_at(start)
    return note


@pytest.mark.parametrize("markdown", [True, False])
def test_context_is_the_plain_one(markdown: bool) -> None:
    rng = random.Random(14)
    noted = 0
    for text in [*TEXTS, *_tick_texts(500, 15)]:
        if not text:
            continue
        fast, plain = Layout.build(text, markdown), Layout.build(text, markdown)
        fast_labels, plain_labels = Labels(fast), Labels(plain)
        spans = [(hit.start, hit.end) for hit in extract_indicators(text, markdown=markdown)]
        for _ in range(20):
            start = rng.randrange(len(text))
            spans.append((start, rng.randint(start + 1, min(len(text), start + 40))))
        for start, end in spans:
            note = context_of(fast, fast_labels, start, end)
            assert note == _plain_context(plain, plain_labels, start, end), (text, start, end)
            noted += note is not None
    assert noted > 1000
