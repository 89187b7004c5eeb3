"""Round 39 of the speed work: a timeline's calls per row, exactly as before.

- dates/sequence.py `resolve_sequence` asks `_after_report` only of a row whose year came from
  the context, and `_rolls_over` only of a row whose clock steps back more than ROLLOVER from
  the row before: their own first tests, written in the loop.
- extract/timeline.py `_part_rows` tells a heading per timestamp (T4) by a loop where any()
  ran a generator.
- `timeline._new_event` and `resolve._new_alternative` hand assembled their fields sets as
  frozensets (every field of an event; an Alternative's three): the validated models' sets.

Each is compared with the plain code (test_timeline_perf's `_plain_resolve_sequence`, the
any() form, the validated models) on every report we have (fixtures, README and docs, the
shared corpus when present) and on generated timelines, rows and stamps, which reach every
branch without the corpus. No timings here.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from incidentparse import parse
from incidentparse.dates import resolve, sequence
from incidentparse.dates.scan import Options
from incidentparse.extract import timeline
from incidentparse.extract.context import Context
from incidentparse.extract.readers import entries
from incidentparse.models import Alternative, TimelineEvent, TimeSpan
from incidentparse.sections import Part

from .test_timeline_perf import (
    DOCS,
    OPTIONS,
    REFERENCES,
    _doc_timelines,
    _generated_timelines,
    _plain_resolve_sequence,
    _spans,
)
from .test_timeline_perf14 import _same_model

# --- resolve_sequence -------------------------------------------------------------------------

# Rows that step back past midnight, dated rows after the report (context years) and rows of
# every other kind, as plain labels and as the timeline's Stamps.
_ROWS = (
    "23:55", "00:07", "[23:10]", "[01:20]", "11:59 PM", "12:01 AM", "9am", "9pm", "18:40",
    "06:15", "13:00 BST", "02:00 PDT", "Dec 31 23:50", "Jan 1 00:10", "12-05 16:21",
    "[12-05 16:21]", "11-30 22:00", "03-26 07:16", "2019-12-31 23:59", "2020-01-01 00:01",
    "2018-08-22, 03:26pm", "July 11, 2025, 12:42 PM", "1:06 PM", "12:49 PM", "Monday",
    "the next morning", "noon", "midnight", "[???]", "", "restarted the service", "Q3 2019",
    "April 1", "10:00-11:30", "~14:00",
)  # fmt: skip


def _stamped(row: str, reference: dt.date) -> str:
    """The row as the timeline hands it on: its leading Stamp, or the row."""
    found = timeline._stamp_of(row, reference) if row else None
    return found[0] if found else row


def _sequences(count: int, seed: int) -> Iterator[tuple[list[str], Options, TimeSpan | None]]:
    rng = random.Random(seed)
    day = dt.date(2019, 12, 31)
    anchors = (None, TimeSpan(text="Dec 31", start=day, end=day, grain="day"))
    for number in range(count):
        reference = REFERENCES[number % len(REFERENCES)]
        options = OPTIONS[number % len(OPTIONS)](reference)
        rows = [rng.choice(_ROWS) for _ in range(rng.randint(1, 14))]
        if number % 2:
            rows = [_stamped(row, reference) for row in rows]
        yield rows, options, anchors[number % 3 == 0]


@contextmanager
def _counted() -> Iterator[dict[str, int]]:
    """Calls of _after_report and _rolls_over, and their True answers, while seen["on"]."""
    seen = {"on": 1, "after": 0, "after_true": 0, "rolls": 0, "rolls_true": 0}
    after, rolls = sequence._after_report, sequence._rolls_over

    def counted_after(span: TimeSpan, options: Options) -> bool:
        found = after(span, options)
        seen["after"] += seen["on"]
        seen["after_true"] += found and seen["on"]
        return found

    def counted_rolls(span: TimeSpan, local: dt.datetime | None, last: dt.datetime | None) -> bool:
        found = rolls(span, local, last)
        seen["rolls"] += seen["on"]
        seen["rolls_true"] += found and seen["on"]
        return found

    mp = pytest.MonkeyPatch()
    mp.setattr(sequence, "_after_report", counted_after)
    mp.setattr(sequence, "_rolls_over", counted_rolls)
    try:
        yield seen
    finally:
        mp.undo()


def test_generated_sequences_as_the_plain_code() -> None:
    rows_seen = 0
    with _counted() as seen:
        for rows, options, anchor in _sequences(1500, 39):
            seen["on"] = 1
            got = sequence.resolve_sequence(rows, options, anchor)
            seen["on"] = 0  # the plain code calls both for every row
            assert _spans(got) == _spans(_plain_resolve_sequence(rows, options, anchor)), rows
            rows_seen += len(rows)
    # both retries happen, and most rows are told without either call
    assert seen["after_true"] > 50 and seen["rolls_true"] > 50, seen
    assert seen["after"] < 0.7 * rows_seen and seen["rolls"] < rows_seen // 4, (seen, rows_seen)


@pytest.mark.parametrize("make_options", OPTIONS[:2])
def test_report_sequences_as_the_plain_code(make_options: object) -> None:
    timelines = _doc_timelines() + _generated_timelines(200, 39)
    for number, rows in enumerate(timelines):
        reference = REFERENCES[number % len(REFERENCES)]
        options = make_options(reference)  # type: ignore[operator]
        stamped = [_stamped(row, reference) for row in rows]
        for labels in (rows, stamped):
            got = sequence.resolve_sequence(labels, options)
            assert _spans(got) == _spans(_plain_resolve_sequence(labels, options)), labels


# --- _part_rows' heading per timestamp (T4) ---------------------------------------------------


def _generated_timeline_reports(count: int, seed: int) -> list[str]:
    """Timelines of `### 1:06 PM` headings over prose and bullets, some of them stamped."""
    rng = random.Random(seed)
    headings = ("### 1:06 PM", "### July 11, 2025, 12:42 PM", "### 2024-03-05", "### Detection",
                "### 12:49 PM", "### Day 2", "### [23:55]", "### Notes")  # fmt: skip
    lines = ("Engineer attempts hub pod restarts.", "It does.", "- 13:10 paged on-call",
             "- Tech Lead joins", "- 2024-03-05 14:00: rolled back", "14:02 restarted the hub",
             "> quoted 15:00", "**Response:**", "- The hub is down", "All times in UTC.",
             "| Time | Event |\n| --- | --- |\n| 14:00 | paged |")  # fmt: skip
    out = []
    for _ in range(count):
        parts = ["# Incident\n\n## Timeline (times in BST)\n"]
        for _ in range(rng.randint(1, 6)):
            parts.append(rng.choice(headings))
            parts.extend(rng.choice(lines) for _ in range(rng.randint(0, 4)))
            parts.append("")
        out.append("\n".join(parts))
    return out


def test_heading_per_timestamp_as_any(monkeypatch: pytest.MonkeyPatch) -> None:
    """_part_rows makes one heading event exactly where the any() form says T4."""
    part_rows, heading_event = timeline._part_rows, timeline._heading_event
    made: list[Part] = []
    outcomes = {True: 0, False: 0}

    def recorded(part: Part, *args: object) -> timeline._Row:
        made.append(part)
        return heading_event(part, *args)  # type: ignore[arg-type]

    def compared(
        part: Part, is_root: bool, ctx: Context, zone: str, told: dict[str, str | None]
    ) -> list[timeline._Row]:
        heading = None if is_root else part.section.heading
        found = [
            e for n in part.nodes if n.kind not in ("table", "blockquote") for e in entries([n])
        ]
        stamp = timeline._leading_stamp(heading, ctx) if heading else None
        plain = bool(heading) and stamp is not None
        plain = plain and not any(timeline._leading_stamp(e.text, ctx) for e in found)
        made.clear()
        rows = part_rows(part, is_root, ctx, zone, told)
        assert made == ([part] if plain else []), heading
        outcomes[plain] += 1
        return rows

    monkeypatch.setattr(timeline, "_heading_event", recorded)
    monkeypatch.setattr(timeline, "_part_rows", compared)
    for text in [*DOCS, *_generated_timeline_reports(300, 39)]:
        parse(text)
    assert outcomes[True] > 200 and outcomes[False] > 200, outcomes


# --- the fields sets given as frozensets ------------------------------------------------------


def test_events_and_alternatives_as_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every event and Alternative of every report and of generated timelines in ambiguous
    zones (BST, IST: an Alternative per row) against the validated model."""
    new_event, new_alternative = timeline._new_event, resolve._new_alternative
    seen = {"events": 0, "alternatives": 0}

    def event(values: dict[str, object]) -> TimelineEvent:
        fast = new_event(dict(values))
        _same_model(fast, TimelineEvent(**values))
        seen["events"] += 1
        return fast

    def alternative(
        start: dt.date | dt.datetime, end: dt.date | dt.datetime, reading: str
    ) -> Alternative:
        fast = new_alternative(start, end, reading)
        _same_model(fast, Alternative(start=start, end=end, reading=reading))
        seen["alternatives"] += 1
        return fast

    monkeypatch.setattr(timeline, "_new_event", event)
    monkeypatch.setattr(resolve, "_new_alternative", alternative)
    texts = _generated_timeline_reports(150, 40)
    for text in [*DOCS, *texts, *(t.replace("BST", "IST") for t in texts[::3])]:
        parse(text)
    assert seen["events"] > 1000 and seen["alternatives"] > 300, seen
    assert frozenset(TimelineEvent.model_fields) == timeline._EVENT_FIELDS
