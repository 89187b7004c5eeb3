"""Round 33: metrics._from_timeline searches an anchor cue near its words in a long event text.

A cue is literal words, spaces and optional groups, so a match is at most its longest top-level
branch's source long (metrics._widest) and on one line; every match holds one of the cue's words
(CUE_RUNS) as a run. On an event text of _NEAR_FROM characters or more the cue is searched by
document._found_near (within that width of each place of those words), where cue.search read
the whole text (an alternation tried at every character). _cue_found gives cue.search's answer
(the plain computation, kept here) on every event of our reports (fixtures, docs, the corpus
when present) and on generated long texts of cue words, look-alikes and fillers; the widths
bound the regex engine's own; _from_timeline gives round 26's anchors (test_metrics_perf27's
reference) on generated long timelines; whole parses are alike with the plain search put back.
No timings.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

import incidentparse
from incidentparse.extract import metrics
from incidentparse.extract.context import lowered_and_runs
from incidentparse.models import TimelineEvent, TimeSpan

from .test_dates_perf27_ref_value import _reports
from .test_metrics_perf27 import _plain_from_timeline

_DOCS = [
    path.read_text(encoding="utf-8")
    for path in (Path(__file__).parent.parent / "docs").glob("*.md")
]


def _plain_cue_found(name: str, cue: re.Pattern[str], text: str, runs: frozenset[bytes]) -> bool:
    return cue.search(text) is not None


def _check(text: str) -> tuple[int, int]:
    """Compare _cue_found with the plain search for each cue the text's runs let through;
    (comparisons, those made on the near path)."""
    lowered, text_runs = lowered_and_runs(text)
    runs = metrics._ANY_CUE_RUN.intersection(text_runs)
    compared = near = 0
    for name, cue in metrics._CUES.items():
        if metrics.CUE_RUNS[name].isdisjoint(runs):
            continue
        fast = metrics._cue_found(name, cue, lowered, runs)
        assert fast == _plain_cue_found(name, cue, lowered, runs), (name, lowered)
        compared += 1
        near += len(lowered) >= metrics._NEAR_FROM
    return compared, near


def test_widths_bound_the_matches() -> None:
    for name, cue in metrics.ANCHOR_CUES.items():
        longest = re._parser.parse(cue).getwidth()[1]  # type: ignore[attr-defined]
        assert longest <= metrics._CUE_WIDTHS[name], name
        assert metrics._CUE_WIDTHS[name] < 60  # the window is narrower than a long text


def test_our_events_and_texts() -> None:
    compared = near = 0
    for text in _reports():
        report = incidentparse.parse(text)
        pieces = [event.text for event in report.timeline]
        pieces += [report.summary or "", *(s.text for s in report.root_cause)]
        for piece in pieces:
            done, on_near = _check(piece)
            compared, near = compared + done, near + on_near
    for text in _DOCS:
        for paragraph in text.split("\n\n"):
            done, on_near = _check(paragraph)
            compared, near = compared + done, near + on_near
    assert compared >= 100
    assert near >= 10


_WORDS = (
    "began", "begins", "started", "start", "outage", "incident", "impact", "failing", "detected",
    "noticed", "alert", "alerted", "alerts fired", "alert fired", "reported", "became aware",
    "declared", "an", "paged", "mitigated", "contained", "workaround", "containment", "resolved",
    "restored", "recovered", "back to normal", "fully operational", "verified operational",
    "closed", "ends", "end of the outage", "end of outage", "start of the outage", "end", "the",
    "of", "first", "to", "back", "normal", "fully", "deploy", "Began", "RESOLVED", "unresolved",
    "restored-ish", "x2", "début", "alertes", "paged_out", "started.", "(resolved)", "\n", "  ",
    "-", "İ", "K", "é", "_", "resolvedé", "éresolved", "outage\nbegan", "incident  declared",
    "impact started", "impact began", "outage ends", "incident closed", "declared an incident",
)  # fmt: skip
_FILLER = ("the", "team", "deploys", "a", "fix", "to", "prod", "and", "waits", "for", "users.")


def _long_text(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(1, 6))
    words += rng.choices(_FILLER, k=rng.randint(10, 80))
    rng.shuffle(words)
    joiner = rng.choice((" ", " ", " ", "", "\n", "-"))
    return joiner.join(words)


def test_generated_texts() -> None:
    rng = random.Random(3303)
    compared = near = 0
    for _ in range(20_000):
        done, on_near = _check(_long_text(rng))
        compared, near = compared + done, near + on_near
    assert near > 15_000


_DAY = dt.date(2025, 8, 12)
_SPAN = TimeSpan(text="2025-08-12", start=_DAY, end=_DAY, grain="day")


def test_generated_timelines_give_the_same_anchors() -> None:
    rng = random.Random(3304)
    anchors = 0
    for _ in range(3_000):
        events = [
            TimelineEvent(when=_SPAN, text=_long_text(rng), line=line)
            for line in range(1, rng.randint(2, 8))
        ]
        fast, plain = metrics._from_timeline(events), _plain_from_timeline(events)
        assert fast == plain
        for anchor_name, anchor in fast.items():
            assert anchor.model_dump_json() == plain[anchor_name].model_dump_json()
        anchors += len(fast)
    assert anchors > 3_000


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _reports()
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    monkeypatch.setattr(metrics, "_cue_found", _plain_cue_found)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
