"""Round 37: shared_reads.one_parse is a class whose __enter__ and __exit__ set and reset the
scope, where a @contextmanager generator did (its helper object and two generator resumptions,
a fixed cost of every parse).

Round 36's one_parse is kept here as the reference. Both are held to the same behaviour: the
scope is open inside and gone after, a read is shared inside and not after, nested scopes each
restore the one they found, an exception raised inside passes through and the scope is reset;
the whole parse of every report we have (fixtures, README and docs Markdown, the corpus when
present, generated texts), round 36's scope patched in for the one api.parse opens (api
looks the name up in its module), gives the same JSON. No timings.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

import incidentparse
from incidentparse import api, shared_reads
from incidentparse.shared_reads import _SCOPE, ascii_replaced, century_starts

from .test_dates_perf27_ref_value import _reports

_ROOT = Path(__file__).parent.parent
_DOCS = [
    path.read_text(encoding="utf-8") for path in [_ROOT / "README.md", *_ROOT.glob("docs/*.md")]
]


@contextmanager
def _plain_one_parse() -> Iterator[None]:
    """Round 36's one_parse."""
    token = _SCOPE.set({})
    try:
        yield
    finally:
        _SCOPE.reset(token)


_SCOPES: list[Callable[[], AbstractContextManager[None]]] = [
    shared_reads.one_parse,
    _plain_one_parse,
]


def _behaviour(scope: Callable[[], AbstractContextManager[None]]) -> list[object]:
    """What a scope does, as a list of observations (compared between both scopes)."""
    seen: list[object] = []
    text = "Outage – 2019 to 2020 “quoted”"
    seen.append(_SCOPE.get() is None)
    with scope() as entered:
        seen.append(entered)
        memo = _SCOPE.get()
        seen.append(memo == {})
        first = ascii_replaced(text)
        seen.append(first is ascii_replaced(text))  # shared inside
        seen.append(century_starts(text) is century_starts(text))
        with scope():
            inner = _SCOPE.get()
            seen.append(inner == {} and inner is not memo)
            seen.append(ascii_replaced(text) is not first)  # the inner scope's own read
        seen.append(_SCOPE.get() is memo)  # the outer scope is back
        seen.append(ascii_replaced(text) is first)
    seen.append(_SCOPE.get() is None)
    seen.append(ascii_replaced(text) is not ascii_replaced(text))  # not shared outside
    try:
        with scope():
            seen.append(_SCOPE.get() == {})
            raise KeyError("inside")
    except KeyError as error:
        seen.append(("raised", error.args))
    seen.append(_SCOPE.get() is None)
    return seen


def test_scope_behaves_alike() -> None:
    fast, plain = (_behaviour(scope) for scope in _SCOPES)
    assert fast == plain
    assert fast[0] is True and fast[-1] is True
    assert all(item is not False for item in fast)


def test_scope_is_the_class() -> None:
    # The package's scope is the class (the fast path), and api.parse opens that one.
    assert isinstance(shared_reads.one_parse, type)
    assert api.one_parse is shared_reads.one_parse


def _generated() -> list[str]:
    rng = random.Random(37)
    pieces = [
        "# Outage 2019-08-22\n",
        "## Timeline\n",
        "- 2020-01-02 10:00 UTC: alert fired – paged on-call\n",
        "Start: Wednesday, 2018-08-22\n",
        "End: Thursday, 2018-08-23\n",
        "## Status\nResolved\n",
        "The incident was resolved at 12:00.\n",
        "CVE-2021-44228 seen at 203.0.113.7 — “quoted”\n",
        "| Time | Event |\n|---|---|\n| 09:00 | detected |\n",
        "\n",
    ]
    return ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12))) for _ in range(60)]


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_reports(), *_DOCS, *_generated(), "", "# x\n"]
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    assert _SCOPE.get() is None
    monkeypatch.setattr(api, "one_parse", _plain_one_parse)
    plain = [incidentparse.parse(text).model_dump_json() for text in texts]
    assert fast == plain
