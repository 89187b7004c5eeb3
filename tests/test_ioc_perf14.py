"""Round-14 fast paths of the indicator engine give exactly what the plain way gives.

Compared on every report we have (fixtures, docs, the shared corpus when present), the IOC case
tables and generated text (test_ioc_perf's TEXTS), plus generated backtick-heavy text.
"""

from __future__ import annotations

import random

import pytest

from incidentparse.ioc import extract_indicators
from incidentparse.ioc.layout import Layout, _inside

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
