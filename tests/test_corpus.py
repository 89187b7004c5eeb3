"""Every real report in ../shared/corpus parses without a crash and with lossless sections."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from incidentparse import parse

from .conftest import SHARED
from .test_sections import assert_lossless

CORPUS = sorted((SHARED / "corpus").glob("*.md")) if (SHARED / "corpus").is_dir() else []
CORPUS = [p for p in CORPUS if p.name != "README.md"]


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", CORPUS, ids=[p.stem[:40] for p in CORPUS])
def test_corpus_file_parses_losslessly(path: Path) -> None:
    data = path.read_bytes()
    report = parse(data, path=str(path))
    assert_lossless(report, data.decode("utf-8"))
    assert report.sections and report.source.line_count > 0
    unknown_lines = {d.line for d in report.diagnostics if d.name == "unknown-section"}
    for section in report.sections:
        if section.kind == "unknown":
            assert section.line_start in unknown_lines, f"{section.heading!r} has no IP101"
    assert not [d for d in report.diagnostics if d.severity == "error"]


# What each corpus report is, read by a person (file-name prefix -> report type).
EXPECTED_TYPES: dict[str, str] = {
    "2i2c-org_incident-reports__reports_2025-07-11": "service_outage",
    "2i2c-org_incident-reports__reports_2025-08-12": "service_outage",
    "cncf_tag-security__community_catalog_compromises_2024_xz": "security_incident",
    "dfds_postmortems__PM2019-009": "service_outage",
    "dfds_postmortems__PM2021-004": "service_outage",
    "dfds_postmortems__PM2021-011": "security_incident",
    "dfds_postmortems__PM2022-005": "security_incident",
    "dfds_postmortems__PM2023-001": "service_outage",
    "kubernetes_test-infra__docs_post-mortems_2019-03-26": "service_outage",
    "kubernetes_test-infra__docs_post-mortems_2019-05-30": "service_outage",
    "learningequality_postmortems__002": "service_outage",
    "learningequality_postmortems__004": "service_outage",
}


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", CORPUS, ids=[p.stem[:40] for p in CORPUS])
def test_corpus_report_type(path: Path) -> None:
    expected = [kind for prefix, kind in EXPECTED_TYPES.items() if path.name.startswith(prefix)]
    assert expected, f"add {path.name} to EXPECTED_TYPES"
    assert parse(path.read_bytes()).report_type == expected[0]


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", CORPUS, ids=[p.stem[:40] for p in CORPUS])
def test_corpus_timeline(path: Path) -> None:
    report = parse(path.read_bytes())
    if not any(section.kind == "timeline" for section in report.sections):
        return
    dated = [event for event in report.timeline if event.when and event.when.start]
    assert dated, "a timeline section yields dated events"
    assert report.reference_date is not None
    limit = report.reference_date + dt.timedelta(days=31)
    for event in dated:
        assert event.when is not None and event.when.start is not None
        start = event.when.start
        day = start.date() if isinstance(start, dt.datetime) else start
        assert day <= limit, f"line {event.line}: {day} is after the report date + 31 days"
