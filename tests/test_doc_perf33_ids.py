"""Round 33: identifiers finds every scheme's ids on the byte mask, in one pass.

document._id_matches finds the places where a GHSA id (AAAA and a blank on the mask), a CWE id
(AAA, a blank and a digit) or a vendor id (AA and six digits) may open in one pass over the mask
the vendor ids were found on already, and tries the one scheme each place reads as; the GHSA
and CWE patterns' passes over the text are spared. Its matches are each pattern's finditer's
(the plain computation) on every report we have (fixtures, docs, the corpus when present) and
on generated texts of ids, glued and broken ids, non-ASCII digits and capitals, '?' and
fillers; identifiers gives round 32's list (kept here) on the reports and generated documents.
No timings.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import incidentparse
from incidentparse.extract import Context, document
from incidentparse.models import Identifier
from incidentparse.shared_reads import one_parse

from .test_dates_perf27_ref_value import _reports
from .test_doc_perf31 import _context

_ROOT = Path(__file__).parent.parent
_DOCS = [
    path.read_text(encoding="utf-8") for path in [_ROOT / "README.md", *_ROOT.glob("docs/*.md")]
]


def _plain_matches(text: str) -> list[list[tuple[int, str]]]:
    return [
        [(match.start(), match.group(0)) for match in pattern.finditer(text)]
        for _, pattern in document.IDENTIFIER_PATTERNS
    ]


def _check(text: str) -> int:
    plain = _plain_matches(text)
    for scoped in (False, True):
        if scoped:
            with one_parse():
                found = document._id_matches(text)
        else:
            found = document._id_matches(text)
        assert [[(m.start(), m.group(0)) for m in ms] for ms in found] == plain, text
    return sum(map(len, plain))


def _plain_identifiers(ctx: Context, title_id: str | None) -> list[Identifier]:
    """identifiers as round 32 left it (each scheme's finditer over the text)."""
    seen: dict[tuple[str, str], Identifier] = {}
    text = ctx.doc.text
    for scheme, pattern in document.IDENTIFIER_PATTERNS:
        for match in pattern.finditer(text):
            key = (scheme, match.group(0))
            if key not in seen:
                line = ctx.doc.line_of(match.start())
                seen[key] = Identifier(scheme=scheme, value=key[1], line=line)
    for item in ctx.draft.indicators:
        key = (item.type, item.value)
        if item.type in document.INDICATOR_IDENTIFIERS and key not in seen:
            seen[key] = Identifier(scheme=item.type, value=item.value, line=item.line)
    ordered = sorted(seen.values(), key=lambda ident: ident.line)
    if title_id and not any(ident.value == title_id for ident in ordered):
        heading_line = ctx.outline.sections[ctx.outline.title_index or 0].line_start
        ordered.insert(0, Identifier(scheme="vendor_incident", value=title_id, line=heading_line))
    return ordered


def test_our_reports() -> None:
    found = sum(_check(text) for text in [*_reports(), *_DOCS])
    assert found >= 5


_PIECES = (
    "GHSA-2345-cfgh-jmpq", "GHSA-xxxx-2345-6789", "GHSA-2345-cfgh", "XGHSA-2345-cfgh-jmpq",
    "GHSA-2345-cfgh-jmpqr", "GHSA-2345-cfgh-jmpq-", "_GHSA-2345-cfgh-jmpq", "GHSAA-2345-cfgh-jmpq",
    "CWE-79", "CWE-12345", "CWE-123456", "CWE-", "CWE-٣", "xCWE-79", "CCWE-7", "CWE-7a", "CWEE-7",
    "EX1268771", "MO123456", "EX12345", "EX12345678", "AEX123456", "EX123456a", "ÉX123456",
    "EX١٢٣٤٥٦", "EX12345?", "AB-123456", "ABC", "AB", "A", "9", "?", "é", "—", "-", " ", "\n",
    "(", ")", ".", "HTTP", "NOTE: ", "GH", "SA", "CW", "E-5", "12345678",
)  # fmt: skip


def test_generated_texts() -> None:
    rng = random.Random(3310)
    found = 0
    for _ in range(20_000):
        words = rng.choices(_PIECES, k=rng.randint(0, 14))
        found += _check(rng.choice((" ", "", "\n", "", "-")).join(words)) > 0
    assert found > 8_000


def test_identifiers_are_the_plain_ones() -> None:
    rng = random.Random(3311)
    generated = [
        "# Outage (EX1268771)\n\n" + " ".join(rng.choices(_PIECES, k=rng.randint(0, 30)))
        for _ in range(300)
    ]
    listed = 0
    for text in [*_reports(), *_DOCS, *generated]:
        with one_parse():
            ctx = _context(text)
            title_id = document.title(ctx)[1]
            fast = document.identifiers(ctx, title_id)
        assert fast == _plain_identifiers(ctx, title_id), text[:200]
        listed += len(fast)
    assert listed > 800


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_reports(), *_DOCS]
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    monkeypatch.setattr(document, "identifiers", _plain_identifiers)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
