"""Each completeness rule against constructed reports: fixtures/check/rule_cases.yaml.

Every case names a complete base report, a patch that breaks (or keeps) one thing, the profile,
and the findings that must (expect) or must not (absent) appear.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from incidentparse import diagnostics
from incidentparse.check import RULES, check, check_report
from incidentparse.check.profiles import BUILTIN

from .check_helpers import CHECK, build, code_of, matches

CASES: list[dict[str, Any]] = yaml.safe_load((CHECK / "rule_cases.yaml").read_text())


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_rule_case(case: dict[str, Any]) -> None:
    report = build(case["base"], case.get("patch"))
    findings = check(report, profile=case["profile"])
    shown = [f"{f.name}@{f.start.line}:{f.severity}" for f in findings]
    for spec in case.get("expect", []):
        assert any(matches(f, spec) for f in findings), f"{spec} not in {shown}"
    for token in case.get("absent", []):
        assert all(f.code != code_of(token) for f in findings), f"{token} in {shown}"


@pytest.mark.parametrize("base", ["outage_complete", "security_complete"])
def test_complete_reports_are_clean(base: str) -> None:
    profile = base.split("_")[0]
    assert check(build(base), profile=profile) == []


def test_every_rule_has_a_tripping_case() -> None:
    tripped = {
        code_of(spec.split("@")[0].split(":")[0]) for c in CASES for spec in c.get("expect", [])
    }
    untested = {"IP106", "IP107", "IP202", "IP423", "IP424", "IP425", "IP105"}  # other modules
    assert {r.code for r in RULES} - tripped - untested == set()


def test_every_rule_has_a_passing_case() -> None:
    # The complete reports are clean under both profiles, so each profile rule has a non-trip.
    for name, profile in BUILTIN.items():
        base = "security_complete" if name == "security" else "outage_complete"
        assert check(build(base), profile=name) == [], profile


def test_codes_are_registered_and_stable() -> None:
    for rule in RULES:
        row = diagnostics.BY_CODE[rule.code]
        assert (row.code, row.name) == (rule.code, rule.name)
    parse_time = {c.code for c in diagnostics.CODES}
    assert parse_time <= {r.code for r in RULES}, "a parse-time code has no rule row"
    assert len({r.code for r in RULES}) == len({r.name for r in RULES}) == len(RULES)


def test_auto_profile_follows_report_type() -> None:
    outage = check_report(build("outage_complete"))
    security = check_report(build("security_complete"))
    assert (outage.choice.profile.name, security.choice.profile.name) == ("outage", "security")
    assert outage.choice.reason == "auto: report type service_outage"


@pytest.mark.parametrize(
    ("patch", "profile"),
    [
        ({"report_type": "unknown"}, "outage"),
        (
            {
                "report_type": "unknown",
                "methodology": [
                    {
                        "tactic": "Execution",
                        "text": "PowerShell",
                        "techniques": ["T1059.001"],
                        "line": 20,
                    }
                ],
            },
            "security",
        ),
        ({"report_type": "unknown", "front_matter": {"security_related": "Yes"}}, "security"),
        (
            {
                "report_type": "unknown",
                "indicators": [
                    {
                        "type": "sha256",
                        "value": "a" * 64,
                        "raw": "a" * 64,
                        "category": "file",
                        "line": 30,
                        "column": 1,
                    }
                ],
            },
            "security",
        ),
    ],
)
def test_auto_profile_from_evidence(patch: dict[str, Any], profile: str) -> None:
    assert check_report(build("outage_complete", patch)).choice.profile.name == profile


def test_ongoing_relaxation_is_shown() -> None:
    result = check_report(build("outage_complete", {"status": "ongoing"}))
    assert result.choice.ongoing and result.choice.label == "outage with ongoing relaxation"
    assert not check_report(build("outage_complete")).choice.ongoing


def test_findings_are_sorted_and_frozen() -> None:
    findings = check(
        build(
            "outage_complete",
            {
                "title": None,
                "recommendations": [{"text": "b", "line": 37}, {"text": "a", "line": 36}],
            },
        ),
        profile="outage",
    )
    keys = [(f.start.line, f.start.col, f.code) for f in findings]
    assert keys == sorted(keys)
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises its ValidationError
        findings[0].code = "IP000"  # type: ignore[misc]
