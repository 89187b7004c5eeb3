"""Round-18: the indicator engine's fast paths give exactly what the plain way gives.

absent_literals counts an opener's places (to pick substring searches on a dense text) only on
a long text; both ways, with and without the count, give the literals the text does not hold.
The URL judge tests a host's labels with one pattern, which accepts what the looser pattern and
a test of each label before the last dot accepted.
"""

from __future__ import annotations

import importlib
import random
import re

import pytest

from incidentparse.ioc.classify import _HOST_LABELS, _URL_SPLIT
from incidentparse.ioc.fang import refang
from incidentparse.ioc.patterns import URL
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


# _url_host's host test, the plain way: the looser pattern, then each label before the last dot.
_PLAIN_HOST_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.?$")


def _plain_host_ok(host: str) -> bool:
    labels = host.split(".")[:-1]
    return bool(_PLAIN_HOST_NAME.match(host)) and all(
        label and label[0] != "-" and label[-1] != "-" for label in labels
    )


def _hosts() -> list[str]:
    """Every host part of a URL candidate in our texts, and generated ones."""
    hosts: list[str] = []
    for text in TEXTS:
        for match in URL.finditer(text):
            split = _URL_SPLIT.match(refang(match.group()))
            if split is not None:
                hosts.append(split.group(2).rpartition("@")[2].partition(":")[0])
    rng = random.Random(18)
    pieces = ("a", "Z", "0", "9", "-", "--", ".", "..", "_", "\n", " ", "é", "ab", "x1")
    hosts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(20000)]
    return hosts


def test_host_labels_are_the_plain_test() -> None:
    hosts = _hosts()
    assert sum(_plain_host_ok(host) for host in hosts) >= 1000
    assert sum(not _plain_host_ok(host) for host in hosts) >= 1000
    assert sum("." in host and _plain_host_ok(host) for host in hosts) >= 100
    for host in hosts:
        assert (_HOST_LABELS.match(host) is not None) == _plain_host_ok(host), repr(host)
