"""Raw-text rules: placeholder micro-cases and every inline suppression form.

Cases live in fixtures/check/placeholders.tsv and fixtures/check/suppressions.yaml.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from incidentparse.check import check, check_report

from .check_helpers import CHECK, build

PLACEHOLDER_ROWS = [
    line.split("\t")
    for line in (CHECK / "placeholders.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
SUPPRESSION_CASES: list[dict[str, Any]] = yaml.safe_load(
    (CHECK / "suppressions.yaml").read_text(encoding="utf-8")
)
DEFAULT_SELECT = ["IP105", "IP412", "IP423", "IP424"]


@pytest.mark.parametrize("row", PLACEHOLDER_ROWS, ids=[r[1][:40] for r in PLACEHOLDER_ROWS])
def test_placeholder(row: list[str]) -> None:
    verdict, line = row[0], row[1]
    result = check_report(build("outage_complete"), text=line + "\n", select=["placeholder-text"])
    quoted = [f.message for f in result.findings]
    if verdict == "miss":
        assert quoted == []
        return
    assert any(f"'{row[2]}'" in message for message in quoted), quoted
    finding = result.findings[0]
    assert line[finding.start.col - 1 : finding.end.col - 1] == row[2]


def test_placeholders_need_raw_text() -> None:
    report = build("outage_complete", {"summary": "TBD in full: writes failed for 42 minutes."})
    assert [f for f in check(report, profile="outage") if f.code == "IP105"] == []
    with_text = check(report, profile="outage", text="TBD in full\n")
    assert [f.code for f in with_text] == ["IP105"]


def test_parser_placeholder_diagnostics_stand_in_without_text() -> None:
    diagnostic = {
        "code": "IP105",
        "name": "placeholder-text",
        "severity": "warning",
        "message": "'TBD' left in the report",
        "line": 4,
        "column": 2,
    }
    report = build("outage_complete", {"diagnostics": [diagnostic]})
    assert [(f.code, f.start.line) for f in check(report)] == [("IP105", 4)]
    assert [f.code for f in check(report, text="clean\n")] == []


@pytest.mark.parametrize("case", SUPPRESSION_CASES, ids=[c["id"] for c in SUPPRESSION_CASES])
def test_suppression(case: dict[str, Any]) -> None:
    items = [{"text": "Add a failover test.", "line": case.get("owner_line", 40)}]
    patch: dict[str, Any] = {"recommendations": items, "source": {"line_count": 40}}
    result = check_report(
        build("outage_complete", patch),
        text=case["text"],
        select=case.get("select", DEFAULT_SELECT),
    )
    owner_findings_expected = "owner_line" in case
    got = [f"{f.code}@{f.start.line}" for f in result.findings]
    if not owner_findings_expected:
        got = [g for g in got if not g.startswith("IP412@40")]
    assert got == case["expect"]


def test_invalid_suppression_points_at_the_comment() -> None:
    text = "Intro <!-- incidentparse-disable-line nope -->\n"
    result = check_report(build("outage_complete"), text=text, select=["IP424"])
    (finding,) = result.findings
    assert (finding.start.col, finding.end.col) == (7, len(text.rstrip()) + 1)
    assert "unknown code 'nope'" in finding.message
