"""Round-7 fast paths of the indicator engine give exactly what the plain way gives.

The layout finds fences, code spans and headings on first use instead of up front; the
common anchor literals are first ruled out by one of their telling characters; fences are
first ruled out by their marker's character. Each is compared with the plain computation on
every report we have, the IOC case tables and generated text (test_ioc_perf's TEXTS).
"""

from __future__ import annotations

import pytest

from incidentparse.ioc import extract_indicators
from incidentparse.ioc.layout import Layout, _line_start
from incidentparse.ioc.patterns import CODE_SPAN, HEADING
from incidentparse.ioc.scan import _COMMON, RARE_OPENERS, SCANNERS, absent_literals

from .test_ioc_perf import FENCED, TEXTS, _plain_fences


def _plain_absent(text: str) -> frozenset[str]:
    literals = {a.literal for s in SCANNERS for a in s.anchors}
    return frozenset(literal for literal in literals if literal not in text)


def test_common_absent_literals_are_the_ones_not_in_the_text() -> None:
    assert any(len(literal) > 1 for literal in _COMMON)
    extra = ["HK", "xHKy", "CVE-2021", "Cve", "cve", "C V E", "H K", "::", "a at b", "@", "CV"]
    for text in [*TEXTS, *extra]:
        assert absent_literals(text, common=True) == _plain_absent(text), text


def test_rare_absent_literals_unchanged() -> None:
    rare = {a.literal for s in SCANNERS for a in s.anchors if a.literal[0] in RARE_OPENERS}
    for text in TEXTS[:500]:
        assert absent_literals(text) == _plain_absent(text) & rare


@pytest.mark.parametrize("markdown", [True, False])
def test_lazy_layout_is_the_eager_one(markdown: bool) -> None:
    for text in [*TEXTS, *FENCED]:
        layout = Layout.build(text, markdown)
        if markdown:
            spans = [(m.start(), m.end()) for m in CODE_SPAN.finditer(text)]
            heads = [m.start() for m in HEADING.finditer(text) if _line_start(text, m)]
            assert layout.fences == _plain_fences(text), text
        else:
            spans, heads = [], []
            assert layout.fences == []
        assert layout.spans == spans, text
        assert layout.headings == heads, text


def test_indicators_with_an_eager_layout_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    lazy = [extract_indicators(text) for text in TEXTS]
    build = Layout.build

    def eager(text: str, markdown: bool = True, line_starts: list[int] | None = None) -> Layout:
        layout = build(text, markdown, line_starts)
        assert (layout.fences, layout.spans, layout.headings) is not None
        return layout

    monkeypatch.setattr(Layout, "build", eager)
    assert [extract_indicators(text) for text in TEXTS] == lazy
