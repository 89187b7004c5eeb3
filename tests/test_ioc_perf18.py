"""Round-18: the indicator engine's fast paths give exactly what the plain way gives.

absent_literals counts an opener's places (to pick substring searches on a dense text) only on
a long text; both ways, with and without the count, give the literals the text does not hold.
"""

from __future__ import annotations

import importlib

import pytest

from incidentparse.ioc.scan import RARE_OPENERS, absent_literals

from .test_fixed_perf6 import _plain_absent_all
from .test_ioc_perf import TEXTS, _generated, _plain_absent

# The module (incidentparse.ioc.scan, as an attribute, is the scan function it exports).
scan = importlib.import_module("incidentparse.ioc.scan")

# Long texts, dense and sparse in the rare openers, both sides of _DENSE_TEXT.
LONG: list[str] = [
    text * (scan._DENSE_TEXT // max(1, len(text)) + 2)
    for text in _generated(120, 18)
    if any(opener in text for opener in RARE_OPENERS)
] + ["word " * 4000 + "[.] (at) " * 300, "[.]" * 6000, "plain prose. " * 2000 + "{at}"]


def test_long_texts_are_there() -> None:
    assert sum(len(text) > scan._DENSE_TEXT and text.count("[") > scan._DENSE for text in LONG)
    assert sum(len(text) > scan._DENSE_TEXT and text.count("(") <= scan._DENSE for text in LONG)


@pytest.mark.parametrize("counted_from", [0, scan._DENSE_TEXT, 1 << 40], ids=str)
def test_absent_literals_with_and_without_the_count(
    counted_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan, "_DENSE_TEXT", counted_from)
    for text in [*TEXTS, *LONG]:
        assert absent_literals(text) == _plain_absent(text)
        assert absent_literals(text, common=True) == _plain_absent_all(text)
