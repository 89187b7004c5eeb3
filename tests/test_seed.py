"""The seed report, field by field, as issue 2 specifies it (the golden file holds the rest)."""

from __future__ import annotations

import datetime as dt

import pytest

from incidentparse import IncidentReport, parse

from .conftest import FIXTURES

SEED = FIXTURES / "reports" / "seed-exchange-online.md"


@pytest.fixture(scope="module")
def seed() -> IncidentReport:
    return parse(SEED.read_bytes(), path=str(SEED))


def test_header_facts(seed: IncidentReport) -> None:
    assert seed.title == "Exchange Online Connectivity Issues"
    assert [(i.scheme, i.value) for i in seed.identifiers] == [
        ("vendor_incident", "EX1268771"),
        ("vendor_incident", "EX1256020"),
    ]
    assert seed.report_type == "service_outage"
    assert seed.status == "ongoing"
    assert seed.preamble is not None and seed.preamble.startswith("Full Report")
    assert seed.reference_date == dt.date(2026, 4, 3)


def test_details(seed: IncidentReport) -> None:
    details = seed.details
    assert details is not None
    discovered, occurred = details.discovered, details.occurred
    assert discovered is not None and occurred is not None
    assert (discovered.start, discovered.end) == (dt.date(2026, 3, 11), None)
    assert discovered.ongoing and discovered.approximate
    assert discovered.grain == "part_of_month"
    assert (occurred.start, occurred.end, occurred.grain) == (dt.date(2026, 3, 1), None, "month")
    assert occurred.ongoing
    assert details.organization == "Microsoft (Exchange Online)"
    assert details.sector == "Technology / Cloud Service Provider"
    assert details.geography == "Global (Affected regions not specifically disclosed)"
    assert [f.label for f in details.fields] == [
        "Discovery Date",
        "Incident Date",
        "Affected Organization",
        "Sector",
        "Geography",
    ]


def test_timeline(seed: IncidentReport) -> None:
    events = seed.timeline
    assert [e.phase for e in events] == [
        "initial_access",
        "lateral_movement",
        "impact",
        "detection",
        "response",
        "response",
        "response",
    ]
    initial = events[0]
    assert initial.when is None
    assert [f.label for f in initial.fields] == ["Date/Time", "Vector", "Details"]
    date_field = initial.fields[0]
    assert not date_field.applicable and date_field.reason == "Not an external attack"
    lateral = events[1]
    assert not lateral.applicable and lateral.reason is not None
    assert "not a security breach" in lateral.reason
    april1, april23, mitigation = events[4:]
    assert april1.when is not None and april1.when.start == april1.when.end == dt.date(2026, 4, 1)
    assert april1.when.grain == "day" and april1.label == "Response"
    assert april1.text == "Microsoft flagged the issue as resolved."
    assert april23.when is not None
    assert (april23.when.start, april23.when.end) == (dt.date(2026, 4, 2), dt.date(2026, 4, 3))
    assert mitigation.when is None and mitigation.text.startswith("Mitigation:")


def test_methodology(seed: IncidentReport) -> None:
    rows = seed.methodology
    assert len(rows) == 10
    assert [r.applicable for r in rows].count(False) == 9
    assert (rows[0].tactic, rows[0].tactic_id) == ("Initial Access", "TA0001")
    assert rows[0].reason == "Service Update/Configuration Change"
    assert (rows[-1].tactic, rows[-1].tactic_id, rows[-1].applicable) == ("Impact", "TA0040", True)


def test_impact(seed: IncidentReport) -> None:
    impact = seed.impact
    assert impact is not None
    for name in ("financial", "data_breach", "operational", "reputational"):
        assert getattr(impact, name) is not None, name
    assert impact.data_breach is not None and not impact.data_breach.applicable


def test_indicators(seed: IncidentReport) -> None:
    url, behavior = seed.indicators[0], seed.indicators[1]
    assert len(seed.indicators) == 2
    assert (url.type, url.value, url.raw) == (
        "url",
        "https://admin.microsoft.com",
        "hxxps[://]admin[.]microsoft[.]com",
    )
    assert url.defanged and url.category == "network"
    assert url.context == "Official admin notifications"
    assert url.section == "indicators" and url.label == "Network indicators"
    assert (url.line, url.column) == (46, 27)
    assert behavior.type == "behavior" and behavior.category == "behavioral"
    assert not any(i.category == "file" for i in seed.indicators)
    file_row = [f for f in seed.indicator_fields if f.label == "File indicators"]
    assert len(file_row) == 1 and not file_row[0].applicable


def test_response_lessons_recommendations(seed: IncidentReport) -> None:
    response = seed.response
    assert response is not None
    counts = (len(response.containment), len(response.eradication), len(response.recovery))
    assert counts == (1, 1, 1)
    assert len(seed.lessons_learned) == 2
    assert [r.title for r in seed.recommendations] == [
        "Client Diversification",
        "Monitoring",
        "Update Management",
    ]


def test_impact_month_abbreviation_reads_relative_to_report_date() -> None:
    from incidentparse import find_timespans

    text = "IMAP issues in Jan, Outlook Desktop issues in Nov"
    spans = find_timespans(text, reference_date=dt.date(2026, 4, 3))
    starts = [s.start for s in spans]
    assert dt.date(2026, 1, 1) in starts and dt.date(2025, 11, 1) in starts
