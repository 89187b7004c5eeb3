"""Round 26: zone declarations told with less reading.

- `dates.zones.lowered_declaration(text, text.lower())` (Context.default_zone, with the
  lower-cased report every parse builds for report_type) finds the words 'time' in the given
  lower-cased text instead of ascii_lower's copy: the same answer as zone_declaration, and as
  _DECLARATION.finditer (the definition), on every report, paragraph and line we have, and on
  generated texts with characters beyond ASCII put in; and the two facts the proof rests on,
  checked on every character.
- `extract.timeline._entry_rows` tells a zone line by `_declared_in` (None at once for an ASCII
  text without 'time'), as truthy as zone_declaration on every text.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections import Counter

import pytest

from incidentparse import parse, source
from incidentparse.dates import zones
from incidentparse.dates.zones import lookup_zone, lowered_declaration, zone_declaration
from incidentparse.diagnostics import Sink
from incidentparse.extract import context, timeline

from .test_timeline_perf9 import _doc_paragraphs, _generated_paragraphs
from .test_timeline_perf11 import DOCS

EXTRA = (
    "\u0130", "\u0131", "\u017f", "\u212a", "é", "’", "ß", "Σ", "T\u0130MES IN BST ",
    " t\u0131me in PDT", " tımes: UTC", " TIMES IN CET ", "(times in BST)", " All times UTC.",
    "\u0130\u0130", "Timeline", "TİME",
)  # fmt: skip


def test_lowering_facts() -> None:
    """Only 'İ' lower-cases to more than one character, and no character beyond ASCII lower-
    cases to 't', 'i', 'm' or 'e': with the lengths equal, 'time' stands at the same offsets in
    text.lower() and in ascii_lower(text)."""
    longer = [c for c in map(chr, range(sys.maxunicode + 1)) if len(c.lower()) != 1]
    assert longer == ["\u0130"]
    into = [
        c for c in map(chr, range(128, sys.maxunicode + 1)) if c.lower() in ("t", "i", "m", "e")
    ]
    assert into == []


def _definition(text: str) -> str | None:
    """zone_declaration as its docstring defines it: the first _DECLARATION match whose zone
    is known."""
    for match in zones._DECLARATION.finditer(text):
        zone = lookup_zone(match.group("zone"))
        if zone is not None:
            return zone.region or zone.name
    return None


def _texts() -> list[str]:
    rng = random.Random(26)
    texts = [*DOCS, *_doc_paragraphs(), *_generated_paragraphs(3000, 26)]
    texts += [line for doc in DOCS for line in doc.splitlines()]
    for text in [*DOCS, *texts[:4000]]:
        for _ in range(2):
            at = rng.randint(0, len(text))
            texts.append(text[:at] + rng.choice(EXTRA) + text[at:])
    return texts


def test_lowered_declaration_as_zone_declaration() -> None:
    answers: Counter[bool] = Counter()
    for text in _texts():
        plain = _definition(text)
        assert zone_declaration(text) == plain, text
        assert lowered_declaration(text, text.lower()) == plain, text
        answers[plain is None] += 1
    assert answers[True] > 5000 and answers[False] > 100, answers


def test_default_zone_as_declared_zone() -> None:
    for text in [*DOCS, *_texts()[-2000:]]:
        doc = source.load(text, None)
        ctx = context.Context(doc, None, Sink(), dt.date(2024, 3, 1))  # type: ignore[arg-type]
        assert ctx.default_zone == (context.declared_zone(doc.text) or "UTC"), text


def test_entry_zone_test_as_zone_declaration() -> None:
    counts: Counter[bool] = Counter()
    for text in _texts():
        plain = bool(zone_declaration(text))
        assert bool(timeline._declared_in(text)) == plain, text
        counts[plain] += 1
    assert counts[True] > 100 and counts[False] > 5000, counts


def test_reports_parse_as_with_the_plain_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [parse(doc).model_dump_json() for doc in DOCS]
    monkeypatch.setattr(timeline, "_declared_in", context.declared_zone)
    monkeypatch.setattr(
        context, "lowered_declaration", lambda text, lowered: zone_declaration(text)
    )
    plain = [parse(doc).model_dump_json() for doc in DOCS]
    assert fast == plain
