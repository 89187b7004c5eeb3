"""Every layout fixture against what a person expects of it (fixtures/layouts.toml, written by
hand from the reports, never from parser output). The goldens pin the rest."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import pytest

from incidentparse import IncidentReport, parse

from .conftest import FIXTURES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

EXPECTED: dict[str, dict[str, Any]] = tomllib.loads(
    (FIXTURES / "layouts.toml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def case(request: pytest.FixtureRequest) -> tuple[IncidentReport, dict[str, Any]]:
    name = request.param
    report = parse((FIXTURES / "reports" / f"{name}.md").read_bytes())
    return report, EXPECTED[name]


def utc(value: dt.date | dt.datetime | None) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat() if value else ""


def test_title_type_status(case: tuple[IncidentReport, dict[str, Any]]) -> None:
    report, want = case
    assert (report.title, report.report_type, report.status) == (
        want["title"],
        want["report_type"],
        want["status"],
    )


def test_section_kinds(case: tuple[IncidentReport, dict[str, Any]]) -> None:
    report, want = case
    kinds = {section.kind for section in report.sections}
    assert set(want["section_kinds"]) <= kinds


def test_timeline(case: tuple[IncidentReport, dict[str, Any]]) -> None:
    report, want = case
    dated = [e for e in report.chronological() if e.when is not None and e.when.start]
    assert len(dated) == want["timeline_events"]
    first, last = dated[0].when, dated[-1].when
    assert first is not None and last is not None
    assert (utc(first.start), utc(last.start)) == (want["first_event_utc"], want["last_event_utc"])


def test_indicators_and_techniques(case: tuple[IncidentReport, dict[str, Any]]) -> None:
    report, want = case
    values = {i.value for i in report.indicators if i.type != "behavior"}
    assert set(want["indicators"]) <= values
    techniques = {i.value for i in report.identifiers if i.scheme == "attack_technique"}
    assert techniques == set(want["techniques"])


def test_action_items(case: tuple[IncidentReport, dict[str, Any]]) -> None:
    report, want = case
    assert len(report.recommendations) == want["action_items"]
