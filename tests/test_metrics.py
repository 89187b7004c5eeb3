"""Derived timing: anchors from fields and timeline wording, durations between them, and the
durations a report states. Nothing is invented."""

from __future__ import annotations

import datetime as dt

from incidentparse import parse

UTC = dt.timezone.utc

POSTMORTEM = """# Database outage

## Summary
The primary database was unavailable; the incident was resolved the same day.

## Timeline
All times in UTC.

- 2024-03-05 09:58: OUTAGE BEGINS, writes start failing
- 10:04: on-call engineer paged by the error-rate alert
- 10:40: failover mitigated the impact
- 11:15: service restored, incident closed

## Stats
- Time to detection: 6 minutes
- Incident duration: 1h 17m
"""


def test_anchors_and_durations_from_the_timeline() -> None:
    metrics = parse(POSTMORTEM).metrics
    assert metrics is not None
    assert metrics.occurred is not None and metrics.occurred.source == "timeline"
    assert metrics.occurred.when.start == dt.datetime(2024, 3, 5, 9, 58, tzinfo=UTC)
    assert metrics.detected is not None and metrics.detected.line == 10
    assert metrics.contained is not None and metrics.contained.line == 11
    assert metrics.resolved is not None and metrics.resolved.line == 12
    assert metrics.time_to_detect is not None and metrics.time_to_detect.seconds == 6 * 60
    assert metrics.total_duration is not None and metrics.total_duration.text == "1h 17m"
    assert not metrics.total_duration.approximate


def test_stated_durations_are_kept_with_their_labels() -> None:
    metrics = parse(POSTMORTEM).metrics
    assert metrics is not None
    assert [(s.label, s.duration.seconds, s.line) for s in metrics.stated] == [
        ("Time to detection", 360.0, 15),
        ("Incident duration", 4620.0, 16),
    ]


def test_nothing_is_invented() -> None:
    report = parse("# Note\n\n## Summary\nA short note with no dates at all.\n")
    assert report.metrics is None


def test_ongoing_incident_has_no_resolved_anchor() -> None:
    text = (
        "# X\n\n## Summary\nThe issue remains unresolved.\n\n## Timeline\n"
        "- 2024-03-05 10:00 UTC: alert fired\n- 2024-03-06 10:00 UTC: flagged as resolved\n"
    )
    metrics = parse(text).metrics
    assert metrics is not None and metrics.detected is not None
    assert metrics.resolved is None and metrics.time_to_resolve is None


def test_seed_anchors_come_from_the_details_fields() -> None:
    from .test_seed import SEED

    metrics = parse(SEED.read_bytes()).metrics
    assert metrics is not None
    assert metrics.occurred is not None and metrics.detected is not None
    assert (metrics.occurred.source, metrics.occurred.line) == ("details", 9)
    assert (metrics.detected.source, metrics.detected.line) == ("details", 8)
    assert metrics.resolved is None
    assert metrics.time_to_detect is not None and metrics.time_to_detect.approximate


def test_chronological_view_sorts_out_of_order_rows() -> None:
    text = (
        "# X\n\n## Timeline\n| Time | Event |\n| --- | --- |\n"
        "| 2023-02-14 11:08 | Follow-up mail |\n| 2023-02-14 11:07 | Ticket raised |\n"
        "| Post-incident | Credentials rotated |\n"
    )
    report = parse(text)
    assert [e.line for e in report.timeline] == [6, 7, 8]
    assert [e.line for e in report.chronological()] == [7, 6, 8]


def test_front_matter_start_and_end_times_are_anchors() -> None:
    text = (
        "---\ntitle: Storage outage\nstart_time: 2007-12-05T22:04:00Z\n"
        "end_time: 2007-12-06T06:08:00Z\n---\n# Storage outage\n\n## Summary\nDisks filled up.\n"
    )
    metrics = parse(text).metrics
    assert metrics is not None and metrics.occurred is not None and metrics.resolved is not None
    assert (metrics.occurred.source, metrics.occurred.line) == ("front_matter", 3)
    assert metrics.occurred.when.start == dt.datetime(2007, 12, 5, 22, 4, tzinfo=UTC)
    assert metrics.total_duration is not None and metrics.total_duration.text == "8h 4m"


def test_outage_markers_are_anchors() -> None:
    text = (
        "# X\n\n## Timeline\n- 2024-03-05 10:00 UTC: OUTAGE BEGINS\n"
        "- 2024-03-05 10:30 UTC: OUTAGE MITIGATED\n"
    )
    metrics = parse(text).metrics
    assert metrics is not None and metrics.occurred is not None and metrics.contained is not None
    assert (metrics.occurred.line, metrics.contained.line) == (4, 5)
