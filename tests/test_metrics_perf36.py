"""Round 36: metrics.derive reads from the timeline only the anchors no earlier source gave.

An anchor the details, front matter or metadata gave wins over the timeline's (derive kept
`anchors[name] or found`, and an Anchor is never falsy), so derive looks for the others only
(`_from_timeline`'s wanted): it spares their cue searches and Anchor builds, and stops the walk
once every wanted anchor is found when resolved (the last event's) is not among them.
_from_timeline gives round 26's anchors (test_metrics_perf27's reference) restricted to
the wanted names, for every choice of names, on every timeline of our reports and on generated
timelines; derive gives the Metrics of round 35's (kept here as the reference) on every report
we have (fixtures, README and docs Markdown, the corpus when present) and on generated drafts of
anchor fields beside generated timelines. No timings.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import incidentparse
from incidentparse.extract import metrics
from incidentparse.extract.context import Draft, lowered_and_runs
from incidentparse.models import Field, TimelineEvent

from .test_dates_perf27_ref_value import _reports
from .test_metrics_perf27 import _plain_from_timeline, _timeline
from .test_metrics_perf35 import _derive_with
from .test_metrics_perf35 import _same as _same_as

_ROOT = Path(__file__).parent.parent
_DOCS = [
    path.read_text(encoding="utf-8") for path in [_ROOT / "README.md", *_ROOT.glob("docs/*.md")]
]
_NAMES = tuple(metrics.ANCHOR_CUES)
_CHOICES = [
    choice for size in range(1, len(_NAMES) + 1) for choice in itertools.combinations(_NAMES, size)
]


# --- the plain computation: round 35's derive ---


_plain_derive = _derive_with(metrics._from_fields, _plain_from_timeline, metrics._stated)


def _same_wanted(events: list[TimelineEvent]) -> int:
    """_from_timeline against the reference for every choice; anchors found in all."""
    plain = _plain_from_timeline(events)
    assert metrics._from_timeline(events) == plain
    for choice in _CHOICES:
        fast = metrics._from_timeline(events, lowered_and_runs, choice)
        expected = {name: anchor for name, anchor in plain.items() if name in choice}
        assert fast == expected, (choice, events)
        for name, anchor in fast.items():
            assert anchor.model_dump_json() == expected[name].model_dump_json()
            assert anchor.model_fields_set == expected[name].model_fields_set
    return len(plain)


def _same(text: str, draft: Draft | None = None) -> bool:
    """test_metrics_perf35's comparison, against round 35's derive."""
    return _same_as(text, draft, _plain_derive)


def test_our_timelines_for_every_choice() -> None:
    events = anchors = 0
    for text in [*_reports(), *_DOCS]:
        timeline = list(incidentparse.parse(text).timeline)
        events += len(timeline)
        anchors += _same_wanted(timeline)
    assert events >= 100
    assert anchors >= 10


def test_generated_timelines_for_every_choice() -> None:
    rng = random.Random(3636)
    assert sum(_same_wanted(_timeline(rng)) for _ in range(4_000)) > 4_000


def test_our_reports() -> None:
    texts = [*_reports(), *_DOCS]
    assert sum(_same(text) for text in texts) >= 8


_ANCHOR_LABELS = ["Start", "End", "Detected", "Mitigation", "Resolved", "Owner", "Duration"]
_VALUES = ["2024-05-01 10:00 UTC", "Wednesday, 2018-08-22", "N/A", "soon", "2 hours", ""]


def test_generated_drafts() -> None:
    # metadata anchors beside timelines: some, none or every anchor given before the timeline,
    # so the walk looks for every choice of names and stops early where it may
    rng = random.Random(36)
    found = 0
    for _ in range(600):
        metadata = [
            Field(label=rng.choice(_ANCHOR_LABELS), value=rng.choice(_VALUES), line=2 + i)
            for i in range(rng.randint(0, 5))
        ]
        draft = Draft(metadata=metadata)
        draft.timeline = _timeline(rng)
        found += _same("# x\n\nSome prose.\n", draft)
    assert found > 300
