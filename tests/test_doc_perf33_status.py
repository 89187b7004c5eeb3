"""Round 33: status's reads of timeline rows.

- ``document._status_in`` turns a text away by ``_STATUS_RUNS.isdisjoint`` of its runs, where it
  built the set of its _STATUS_WORDS first (_STATUS_RUNS is a subset of them, so it is disjoint
  from the runs iff from that set); the set is built for the texts it lets through.
- ``Context.read`` lowers and splits a text itself, without lowered_and_runs's two calls.

Each is compared with the plain computation (round 32's code, kept below) on every text status
reads in our reports (fixtures, docs, the corpus when present: Status fields, summaries, details,
timeline rows, the whole text) and on generated texts of status wording, look-alikes and fillers.
No timings.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

import pytest

import incidentparse
from incidentparse.extract import document
from incidentparse.extract.context import Context, letter_runs, lowered_and_runs
from incidentparse.models import Status

from .test_dates_perf27_ref_value import _reports
from .test_doc_perf31 import _generated

_ROOT = Path(__file__).parent.parent
_DOCS = [
    path.read_text(encoding="utf-8") for path in [_ROOT / "README.md", *_ROOT.glob("docs/*.md")]
]


def _plain_status_in(lowered: str, runs: Iterable[bytes] | None = None) -> Status:
    """_status_in as round 32 left it."""
    present = document._STATUS_WORDS.intersection(letter_runs(lowered) if runs is None else runs)
    if present.isdisjoint(document._STATUS_RUNS):
        return "unknown"
    for rule in document._STATUS:
        if rule.runs.isdisjoint(present) or any(map(present.isdisjoint, rule.also)):
            continue
        words = [word.decode() for word in rule.runs.intersection(present)]
        if document._found(rule, lowered, words):
            return rule.verdict
    return "unknown"


def _texts() -> list[str]:
    """Every text status reads in our reports and in generated ones, and their whole texts."""
    texts: list[str] = []
    for text in [*_reports(), *_DOCS, *_generated(400, 3306)]:
        report = incidentparse.parse(text)
        texts += [field.value for field in report.metadata]
        texts += [report.summary or "", *(event.text for event in report.timeline)]
        if report.details:
            texts += [" ".join(field.value for field in report.details.fields)]
        texts.append(text)
    return texts


def _check(text: str) -> str:
    lowered, runs = lowered_and_runs(text)
    ctx = Context(None, None, None, None)  # type: ignore[arg-type]  # read uses none of them
    assert ctx.read(text) == (lowered, runs)
    assert ctx.read(text) is ctx.read(text)
    verdict = _plain_status_in(lowered, runs)
    assert document._status_in(lowered, runs) == verdict, text
    assert document._status_in(lowered, frozenset(runs)) == verdict, text
    assert document._status_in(lowered) == verdict, text
    return verdict


def test_our_texts() -> None:
    verdicts = [_check(text) for text in _texts()]
    assert len(verdicts) > 1_500
    assert verdicts.count("unknown") > 800
    assert len(verdicts) - verdicts.count("unknown") > 100


_WORDS = (
    "remains", "remain", "still", "is", "unresolved", "ongoing", "open", "under investigation",
    "currently", "investigating", "working", "monitoring", "continues to", "continue to",
    "exploit", "affect", "has been", "was", "were", "is now", "fully", "resolved", "mitigated",
    "restored", "fixed", "resolved on", "at", "by", "incident", "issue", "outage", "service",
    "services", "problem", "closed", "back to normal", "fully operational", "verified",
    "operational", "fix", "patched", "clean", "release", "version", "build", "update",
    "published", "released", "deployed", "shipped", "Resolved", "ONGOING", "unresolvedx",
    "résolu", "\n", ".", "-", "1.2", "the", "team", "users", "deploys",
)  # fmt: skip


def test_generated_texts() -> None:
    rng = random.Random(3307)
    known = 0
    for _ in range(20_000):
        words = rng.choices(_WORDS, k=rng.randint(0, 14))
        known += _check(rng.choice((" ", " ", "\n", "")).join(words)) != "unknown"
    assert known > 3_000


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_reports(), *_generated(200, 3308)]
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    monkeypatch.setattr(document, "_status_in", _plain_status_in)
    monkeypatch.setattr(Context, "read", lambda self, text: lowered_and_runs(text))
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
