"""Round-9 fast paths of the document stages give exactly what the plain way gives.

Each test compares a fast path with the code it replaced on every report we have (fixtures,
docs, the shared corpus), the IOC case tables and generated reports.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

from incidentparse import extract
from incidentparse.extract import indicators, metrics
from incidentparse.ioc import extract_indicators
from incidentparse.models import Anchor, Indicator, TimelineEvent

from . import test_ioc_perf
from .test_extract_perf import REPORTS, TEXTS, _context

# Blocks of generated reports: indicators in reference, indicator and other sections, live and
# defanged, in labelled rows, tables, code and prose.
BLOCKS: tuple[str, ...] = (
    "# Incident 42", "## Summary", "## References", "## Indicators", "## Timeline",
    "## Indicators of compromise", "## Sources", "- https://example.com/advisory",
    "- hxxps://evil[.]example[.]com/payload", "- See https://github.com/org/repo/commit/abc",
    "**C2 servers:**", "- 203.0.113.7", "- 198.51.100[.]9 (staging)", "| Type | Value |",
    "|---|---|", "| C2 | evil-c2.example.net |", "| Hash | d41d8cd98f00b204e9800998ecf8427e |",
    "- **Network:** bad.example.org", "- Behaviour: lateral movement over SMB",
    "`C:\\Windows\\Temp\\x.exe` was dropped", "Contact attacker@evil.example.com", "CVE-2024-3094",
    "T1059.001 and TA0001", "AS13335", "See [the panel](hxxp://panel.evil[.]com)",
    "```\ncurl http://10.0.0.5/x.sh\n```", "The outage began at 14:00 UTC.", "",
)  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["\n".join(rng.choice(BLOCKS) for _ in range(rng.randint(1, 30))) for _ in range(count)]


DOC_TEXTS: list[str] = [
    *TEXTS[: len(REPORTS)],
    *test_ioc_perf.CASE_TEXTS,
    *test_ioc_perf.TEXTS[-300:],
    *_generated(300, 9),
]


def _plain_document_indicators(ctx: extract.Context) -> None:
    """extract_document_indicators as it was: each indicator built, then copied with its
    section and label."""
    labels = indicators._row_labels(ctx)
    for found in extract_indicators(ctx.doc.body, line_starts=ctx.doc.body_line_starts):
        kind = ctx.outline.kind_at(found.line)
        if kind in indicators.CITATION_KINDS and not found.defanged:
            indicators._cite(found, ctx)
            continue
        label = labels.get(found.line) if kind == "indicators" else None
        ctx.draft.indicators.append(found.model_copy(update={"section": kind, "label": label}))


@contextmanager
def _plain_run() -> Iterator[None]:
    """extract.run with the plain document pass."""
    saved = extract.extract_document_indicators
    extract.extract_document_indicators = _plain_document_indicators
    try:
        yield
    finally:
        extract.extract_document_indicators = saved


def _same_indicators(ours: list[Indicator], plain: list[Indicator]) -> None:
    assert ours == plain
    for mine, theirs in zip(ours, plain, strict=True):
        assert list(mine.__dict__) == list(theirs.__dict__)
        assert mine.model_fields_set == theirs.model_fields_set
        assert mine.model_dump_json() == theirs.model_dump_json()


def test_document_indicators_are_built_as_the_copies_were() -> None:
    placed = cited = 0
    for text in DOC_TEXTS:
        ours = extract.run(_context(text))
        with _plain_run():
            plain = extract.run(_context(text))
        _same_indicators(ours.indicators, plain.indicators)
        assert ours.references == plain.references
        placed += sum(
            item.section == "indicators" and item.label is not None for item in ours.indicators
        )
        cited += len(ours.references)
    assert placed and cited  # labelled indicator rows and cited links were both met


def test_extract_indicators_sets_no_placement() -> None:
    for text in test_ioc_perf.CASE_TEXTS:
        for item in extract_indicators(text):
            assert not {"section", "label"} & item.model_fields_set


# --- metrics: the timeline events tested against the cues are those holding a cue word ---


def _plain_from_timeline(events: list[TimelineEvent]) -> dict[str, Anchor]:
    """metrics._from_timeline without its skip: every dated event searched for every cue."""
    found: dict[str, Anchor] = {}
    for event in events:
        if event.when is None or event.when.start is None:
            continue
        phase_name = metrics.ANCHOR_PHASES.get(event.phase or "")
        text = event.text.lower()
        for name, cue in metrics._CUES.items():
            marks = phase_name == name or cue.search(text) is not None
            if marks and (name == "resolved" or name not in found):
                found[name] = Anchor(when=event.when, source="timeline", line=event.line)
    return found


CUE_PIECES: tuple[str, ...] = (
    *(run.decode() for runs in metrics.CUE_RUNS.values() for run in runs),
    "auto-", "_", "é", "2", "un", "ing",
    *(cue.split("|")[0] for cue in metrics.ANCHOR_CUES.values()),
    "outage began", "incident declared", "the", "we", "service", "start", "end", "of", "was",
    "alerted", "alerts fired", "back to normal", "-", ".", "\n", "",
)  # fmt: skip


def _timelines() -> Iterator[list[TimelineEvent]]:
    dated: list[TimelineEvent] = []
    for text in TEXTS[: len(REPORTS)]:
        timeline = list(extract.run(_context(text)).timeline)
        dated += [event for event in timeline if event.when is not None]
        yield timeline
    rng = random.Random(3)
    phases = (None, "other", *metrics.ANCHOR_PHASES)
    for _ in range(2000):
        events = []
        for _ in range(rng.randint(0, 10)):
            words = " ".join(rng.choice(CUE_PIECES) for _ in range(rng.randint(0, 8)))
            event = rng.choice(dated)
            update = {"text": rng.choice((words, words.upper())), "phase": rng.choice(phases)}
            if rng.random() < 0.2:
                update["when"] = None
            events.append(event.model_copy(update=update))
        yield events


def test_timeline_anchors_are_those_of_every_event() -> None:
    marked = set()
    for events in _timelines():
        ours = metrics._from_timeline(events)
        assert ours == _plain_from_timeline(events)
        marked.update(ours)
    assert marked == {"occurred", "detected", "contained", "resolved"}
