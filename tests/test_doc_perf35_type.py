"""Round 35: report_type's fixed cost and text_evidence's outage words.

report_type leaves the methodology's two walks out when it has no rows (they add nothing
then) and picks the side of the higher score by one comparison, where max() called a lambda
per side (the scores differ there). text_evidence counts an outage word's places without
asking _negated of each (it is False for the outage's side). Both give round 34's answers
(kept here as the reference) on every report we have (fixtures, README and docs Markdown, the
corpus when present; each whole and each line for text_evidence), on generated texts of
evidence words, phrases and negations, and on drafts given generated methodology rows and
indicators. No timings.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import incidentparse
from incidentparse.extract import document
from incidentparse.extract.context import Context, letter_runs
from incidentparse.models import ReportType

from .test_dates_perf27_ref_value import _reports
from .test_doc_perf31 import _context

_ROOT = Path(__file__).parent.parent
_DOCS = [
    path.read_text(encoding="utf-8") for path in [_ROOT / "README.md", *_ROOT.glob("docs/*.md")]
]


# --- the plain computations: round 34's code ---


def _plain_text_evidence(
    text: str, runs: Iterable[bytes] | None = None, *, gated: bool = False
) -> dict[ReportType, int]:
    scores: dict[ReportType, int] = {"security_incident": 0, "service_outage": 0}
    present: frozenset[bytes] = frozenset()
    if gated:
        assert isinstance(runs, frozenset)
        words = document._gated_words(text, runs)
        phrases, present = document._GATED_PHRASES, runs
    else:
        words, phrases = document._whole_words(text, runs), document._UNGATED_PHRASES
    for word in words:
        found = document._TYPE_WORD_WEIGHTS.get(word)
        if found is None:
            continue
        side, weight = found
        starts = document._word_starts(text, word.decode())
        scores[side] += weight * sum(not document._negated(text, at, side) for at in starts)
    for opener, pattern, side, weight, gate in phrases:
        if gate is not None and gate.isdisjoint(present):
            continue
        first = text.find(opener)
        if first < 0:
            continue
        for match in pattern.finditer(text, first):
            if not document._negated(text, match.start(), side):
                scores[side] += weight
    return scores


def _plain_report_type(ctx: Context) -> ReportType:
    runs = ctx.runs_among(document._TYPE_RUN_WORDS, document._DOCUMENT_WORDS)
    scores = _plain_text_evidence(ctx.lowered, runs, gated=True)
    draft = ctx.draft
    if any(row.applicable and row.techniques for row in draft.methodology):
        scores["security_incident"] += 4
    real_rows = [r for r in draft.methodology if r.applicable and r.tactic_id != "TA0040"]
    scores["security_incident"] += 2 * len(real_rows)
    if any(i.category in ("file", "host") for i in draft.indicators):
        scores["security_incident"] += 2
    if scores["security_incident"] == scores["service_outage"]:
        return "unknown"
    return max(scores, key=lambda side: scores[side])


def _evidence(text: str) -> int:
    lowered = text.lower()
    plain = _plain_text_evidence(lowered)
    assert document.text_evidence(lowered) == plain, text
    runs = document._TYPE_RUN_WORDS.intersection(letter_runs(lowered))
    assert document.text_evidence(lowered, runs, gated=True) == plain, text
    return plain["service_outage"]


def _report_type(text: str, methodology: list[Any] | None = None, indicators: Any = None) -> str:
    fast_ctx, plain_ctx = _context(text), _context(text)
    if methodology is not None:
        fast_ctx.draft.methodology = plain_ctx.draft.methodology = methodology
    if indicators is not None:
        fast_ctx.draft.indicators = plain_ctx.draft.indicators = indicators
    fast, plain = document.report_type(fast_ctx), _plain_report_type(plain_ctx)
    assert fast == plain, text
    return fast


def test_our_reports() -> None:
    texts = [*_reports(), *_DOCS]
    outage = 0
    for text in texts:
        outage += _evidence(text) > 0
        for line in text.splitlines():
            _evidence(line)
    assert outage >= 8
    kinds = {_report_type(text) for text in texts}
    # (the fixtures hold no report of neither side; generated drafts below do)
    assert {"security_incident", "service_outage"} <= kinds


_PIECES = (
    "outage", "outages", "downtime", "not an outage", "no outage", "without downtime",
    "non-outage", "outage-related", "pre-outage", "--outage", "on-call", "oncall", "failure",
    "malware", "no malware", "not malicious", "malicious", "attacker", "compromised",
    "not an attack", "rather than malicious", "root cause", "rolled back", "threat actor",
    "cve-2021-44228", "service disruption", "the", "team", "and", ".", ";", "\n", " ", "-", "é",
)  # fmt: skip


def test_generated_texts() -> None:
    rng = random.Random(3510)
    outage = 0
    for _ in range(20_000):
        words = rng.choices(_PIECES, k=rng.randint(0, 16))
        outage += _evidence(rng.choice((" ", " ", "", "\n")).join(words)) > 0
    assert outage > 10_000


def _rows(rng: random.Random) -> list[Any]:
    return [
        SimpleNamespace(
            applicable=rng.random() < 0.7,
            techniques=rng.choice(((), ("T1059",), ("T1059", "T1190"))),
            tactic_id=rng.choice((None, "TA0040", "TA0001", "TA0002")),
        )
        for _ in range(rng.choice((0, 0, 1, 2, 3)))
    ]


def test_generated_drafts() -> None:
    rng = random.Random(3511)
    verdicts: set[str] = set()
    for _ in range(300):
        words = rng.choices(_PIECES, k=rng.randint(0, 12))
        indicators = [
            SimpleNamespace(category=rng.choice(("file", "host", "network", "other")))
            for _ in range(rng.choice((0, 0, 1, 2)))
        ]
        text = "# Report\n\n" + " ".join(words) + "\n"
        verdicts.add(_report_type(text, _rows(rng), indicators))
    assert verdicts == {"security_incident", "service_outage", "unknown"}


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_reports(), *_DOCS]
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    monkeypatch.setattr(document, "text_evidence", _plain_text_evidence)
    monkeypatch.setattr(document, "report_type", _plain_report_type)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
