"""Round 27: metrics._from_timeline turns an event away by _ANY_CUE_RUN.isdisjoint of its runs.

Where round 26 built the intersection of the cue words and the event's runs to find it empty,
isdisjoint tells the same without building a set; the intersection is built for the events
it lets through. _from_timeline gives the same anchors (equal models, the same fields set) as
round 26's (kept here as the reference) on every timeline of our reports (fixtures, corpus when
present) and on generated timelines of cue words, look-alikes, phases and dated and undated
events; whole parses are the same with the reference put back. No timings.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable

import pytest

import incidentparse
from incidentparse.extract import metrics
from incidentparse.extract.context import lowered_and_runs
from incidentparse.models import Anchor, TimelineEvent, TimeSpan

from .test_dates_perf27_ref_value import _reports


def _plain_from_timeline(
    events: Iterable[TimelineEvent],
    read: Callable[[str], tuple[str, list[bytes]]] = lowered_and_runs,
) -> dict[str, Anchor]:
    """_from_timeline as round 26 left it."""
    found: dict[str, Anchor] = {}
    for event in events:
        when = event.when
        if when is None or when.start is None:
            continue
        phase_name = metrics.ANCHOR_PHASES.get(event.phase or "")
        text, text_runs = read(event.text)
        runs = metrics._ANY_CUE_RUN.intersection(text_runs)
        if phase_name is None and not runs:
            continue
        for name, cue in metrics._CUES.items():
            marks = phase_name == name or (
                not metrics.CUE_RUNS[name].isdisjoint(runs) and cue.search(text) is not None
            )
            if marks and (name == "resolved" or name not in found):
                found[name] = metrics._built(Anchor, when=when, source="timeline", line=event.line)
    return found


def _assert_same(events: list[TimelineEvent]) -> int:
    fast, plain = metrics._from_timeline(events), _plain_from_timeline(events)
    assert fast == plain, events
    for name, anchor in fast.items():
        assert anchor.model_fields_set == plain[name].model_fields_set
        assert anchor.model_dump_json() == plain[name].model_dump_json()
    return len(fast)


def test_our_timelines_give_the_same_anchors() -> None:
    anchors = events = 0
    for text in _reports():
        timeline = list(incidentparse.parse(text).timeline)
        events += len(timeline)
        anchors += _assert_same(timeline)
    assert events >= 100
    assert anchors >= 10


_WORDS = (
    "began", "begins", "started", "start", "outage", "incident", "impact", "failing", "detected",
    "noticed", "alert", "alerted", "alerts fired", "reported", "became aware", "declared",
    "paged", "mitigated", "contained", "workaround", "containment", "resolved", "restored",
    "recovered", "back to normal", "fully operational", "closed", "ends", "end of the outage",
    "end", "the", "of", "deploy", "Began", "RESOLVED", "unresolved", "restored-ish", "x2",
    "début", "alertes", "paged_out", "started.", "(resolved)", "\n", "  ", "-", "İ", "K",
)  # fmt: skip
_PHASES = (None, None, None, "initial_access", "detection", "containment", "recovery", "other")
_DAY = dt.date(2025, 8, 12)
_SPAN = TimeSpan(text="2025-08-12", start=_DAY, end=_DAY, grain="day")
_OPEN = TimeSpan(text="until now", start=None, end=None, grain=None)


def _timeline(rng: random.Random) -> list[TimelineEvent]:
    return [
        TimelineEvent(
            when=rng.choice((_SPAN, _SPAN, _SPAN, _OPEN, None)),
            phase=rng.choice(_PHASES),
            text=" ".join(rng.choices(_WORDS, k=rng.randint(0, 8))),
            line=line,
        )
        for line in range(1, rng.randint(1, 12))
    ]


def test_generated_timelines_give_the_same_anchors() -> None:
    rng = random.Random(2703)
    anchors = sum(_assert_same(_timeline(rng)) for _ in range(20_000))
    assert anchors > 20_000


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _reports()
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]

    # derive asks for the anchors no earlier source gave (round 36): round 26's walk, its
    # anchors of those names only
    def plain(
        events: Iterable[TimelineEvent],
        read: Callable[[str], tuple[str, list[bytes]]],
        wanted: tuple[str, ...],
    ) -> dict[str, Anchor]:
        return {k: v for k, v in _plain_from_timeline(events, read).items() if k in wanted}

    monkeypatch.setattr(metrics, "_from_timeline", plain)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
