"""Round 33: text_evidence runs a phrase's regex pass from its opener's first place.

Every match of an evidence phrase opens with its opener (document._opener; no phrase opens
with a look-behind), so no match starts before the opener's first place in the text: the
regex pass starts there (pattern.finditer(text, first)), where a substring test found the
opener and the pass then read the text from its start. text_evidence (gated and not) gives the
scores of round 32's (kept here: the pass over the whole text) on every report we have
(fixtures, docs, the corpus when present, each whole and each line) and on generated texts of
the phrases, their openers, look-alikes, negations and fillers. No timings.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from pathlib import Path

import pytest

import incidentparse
from incidentparse.extract import document
from incidentparse.extract.context import letter_runs
from incidentparse.models import ReportType

from .test_dates_perf27_ref_value import _reports

_ROOT = Path(__file__).parent.parent
_DOCS = [
    path.read_text(encoding="utf-8") for path in [_ROOT / "README.md", *_ROOT.glob("docs/*.md")]
]


def _plain_text_evidence(
    text: str, runs: Iterable[bytes] | None = None, *, gated: bool = False
) -> dict[ReportType, int]:
    """text_evidence as round 32 left it."""
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
        if opener not in text:
            continue
        for match in pattern.finditer(text):
            if not document._negated(text, match.start(), side):
                scores[side] += weight
    return scores


def _check(text: str) -> int:
    lowered = text.lower()
    plain = _plain_text_evidence(lowered)
    assert document.text_evidence(lowered) == plain, text
    runs = document._TYPE_RUN_WORDS.intersection(letter_runs(lowered))
    assert document.text_evidence(lowered, runs, gated=True) == plain, text
    assert _plain_text_evidence(lowered, runs, gated=True) == plain, text
    return sum(plain.values())


def test_no_phrase_opens_with_a_look_behind() -> None:
    for opener, pattern, *_ in document._TYPE_PHRASES:
        assert pattern.pattern.startswith(opener), pattern.pattern
        assert not re.search(r"\(\?<|\\b|\^", pattern.pattern[: len(opener) + 3])


def test_our_reports() -> None:
    scored = 0
    for text in [*_reports(), *_DOCS]:
        scored += _check(text) > 0
        for line in text.splitlines():
            _check(line)
    assert scored >= 10


_PIECES = (
    "not an attack", "not a breach", "not an external attack", "not a security incident",
    "not malicious attack", "not", "not ", "cannot attack", "rather than malicious",
    "rather than a malicious", "rather than", "service availability", "service disruption",
    "service degradation", "service", "root cause", "root", "cause", "rolled back", "roll back",
    "roll", "rollback", "threat actor", "threat", "actor", "command and control", "command",
    "unauthorized access", "unauthorised access", "unauthori", "credential theft", "cve-2021-44228",
    "cve-", "cve-12", "CVE-2024-1234", "no threat actor", "without credential theft", "non-",
    "outage", "malware", "the", "team", "and", ".", ";", "\n", " ", "-", "é", "İ",
)  # fmt: skip


def test_generated_texts() -> None:
    rng = random.Random(3309)
    scored = 0
    for _ in range(20_000):
        words = rng.choices(_PIECES, k=rng.randint(0, 16))
        scored += _check(rng.choice((" ", " ", "", "\n")).join(words)) > 0
    assert scored > 10_000


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_reports(), *_DOCS]
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    monkeypatch.setattr(document, "text_evidence", _plain_text_evidence)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
