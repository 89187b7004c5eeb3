"""Round 35: an action item's ticket is searched for only where '#' or '-' and a digit stand.

actions._search tests a pattern's two marks in turn (no generator), and leaves the ticket
pattern unsearched where the text holds no '#' and no '-' before a digit (_DASH_DIGIT): every
ticket match holds '#' (its first branch) or '-' and a \\d digit (its second), and most action
texts hold '-' in words only ('follow-up'), where the pattern, opening with \\b, tried both
branches at every character. _search gives the plain pattern.search on every line and list
entry of every report we have (fixtures, README and docs Markdown, the corpus when present),
on generated texts of tickets, owners, hyphenated words, digits beyond ASCII and fillers, and
whole parses are the same with the plain search put back. The test counts texts the new gate
turns away that round 34's let through. No timings.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import incidentparse
from incidentparse.extract import actions

from .test_dates_perf27_ref_value import _reports

_ROOT = Path(__file__).parent.parent
_DOCS = [
    path.read_text(encoding="utf-8") for path in [_ROOT / "README.md", *_ROOT.glob("docs/*.md")]
]


def _plain_search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(text)


def _spans(match: re.Match[str] | None) -> object:
    return None if match is None else (match.span(), match.groups(), match.group(0))


def _check(text: str) -> int:
    """Both patterns alike; 1 where round 34's gate ('#' or '-' in text) let a ticket search
    through that this one spares."""
    for pattern in (actions._OWNER, actions._TICKET):
        assert _spans(actions._search(pattern, text)) == _spans(pattern.search(text)), text
    old_gate = "#" in text or "-" in text
    return int(old_gate and "#" not in text and actions._DASH_DIGIT.search(text) is None)


def test_our_reports() -> None:
    spared = 0
    for text in [*_reports(), *_DOCS]:
        for line in text.splitlines():
            spared += _check(line)
            spared += _check(line.lstrip(" -*0123456789."))
    assert spared >= 50


_PIECES = (
    "JIRA-123", "ABC-1", "A-1", "AB-12x", "OPS-٣", "X-", "-1", "-", "#", "#12", "#12a", "a#12",
    "/#12", "issue #4", "(owner: Ana)", "(Owner Bob)", "(owned by: c)", "(assignee:d)", "(owner)",
    "@ana", "x@ana", "@", "(", ")", "follow-up", "on-call", "2024-05-01", "v1.2-3", "é", "١",
    "Write", "the", "report", "SRE-team", "T-1000", "ab-12", "AB12-3", "ABCDEFGHIJK-1",
)  # fmt: skip


def test_generated_texts() -> None:
    rng = random.Random(3513)
    spared = found = 0
    for _ in range(20_000):
        words = rng.choices(_PIECES, k=rng.randint(0, 10))
        text = rng.choice((" ", "", " ", "-")).join(words)
        spared += _check(text)
        found += actions._TICKET.search(text) is not None
    assert spared > 500
    assert found > 5_000


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_reports(), *_DOCS]
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    monkeypatch.setattr(actions, "_search", _plain_search)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
