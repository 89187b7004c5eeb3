"""End to end: Markdown reports through the real parser and the rules.

fixtures/check/report_cases.tsv lists, per report and profile, every finding expected, so each
rule has a report that trips it and the complete reports show what does not. Regenerate the
last column with `pytest tests/test_check_reports.py --update-goldens` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from incidentparse import parse
from incidentparse.check import Config, check_report, from_mapping
from incidentparse.check.rules import RULES

from .check_helpers import CHECK
from .conftest import SHARED

REPORTS = CHECK / "reports"
CASES_FILE = CHECK / "report_cases.tsv"
SEED = SHARED / "seeds" / "000_b9ce0a70cba81852.txt"


def _rows() -> list[list[str]]:
    lines = CASES_FILE.read_text(encoding="utf-8").splitlines()
    return [[*line.split("\t"), ""][:3] for line in lines if line and not line.startswith("#")]


def findings_of(path: Path, profile: str, config: Config | None = None) -> str:
    text = path.read_text(encoding="utf-8")
    result = check_report(parse(text, path=str(path)), profile=profile, text=text, config=config)
    return " ".join(f"{f.name}@{f.start.line}.{f.start.col}:{f.severity}" for f in result.findings)


ROWS = _rows()


@pytest.mark.parametrize("row", ROWS, ids=[f"{r[0]}-{r[1]}" for r in ROWS])
def test_report(row: list[str], update_goldens: bool) -> None:
    name, profile, expected = row
    actual = findings_of(REPORTS / name, profile)
    if update_goldens:
        text = CASES_FILE.read_text(encoding="utf-8")
        CASES_FILE.write_text(
            text.replace(f"{name}\t{profile}\t{expected}\n", f"{name}\t{profile}\t{actual}\n"),
            encoding="utf-8",
        )
        return
    assert actual == expected


def test_every_report_has_a_row_and_every_rule_a_report() -> None:
    listed = {row[0] for row in ROWS}
    assert listed == {p.name for p in REPORTS.glob("*.md")}
    tripped = {f.split("@")[0] for row in ROWS for f in row[2].split()}
    by_parser_or_profile = {
        "unknown-section",
        "empty-section",
        "duplicate-section",
        "unreadable-front-matter",
        "ambiguous-date",
        "unreadable-date",
        "unknown-zone",
        "invalid-suppression",
        "too-few-items",
        "missing-incident-date",
        "missing-incident-type",
    }
    assert {r.name for r in RULES} - tripped - by_parser_or_profile == set()


def test_ongoing_relaxation_off_restores_the_two_must_failures() -> None:
    config = from_mapping({"profiles": {"strict": {"ongoing-relaxation": False}}})
    found = findings_of(REPORTS / "outage-ongoing.md", "strict", config=config)
    assert "missing-impact-window@" in found and "missing-timeline@" in found


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed report is not beside the checkout")
def test_seed_report() -> None:
    """completeness.md: outage with the ongoing relaxation; only SHOULD-level warnings remain."""
    text = SEED.read_text(encoding="utf-8")
    result = check_report(parse(text, path=str(SEED)), text=text)
    assert result.choice.label == "outage with ongoing relaxation"
    got = [(f.name, f.start.line, f.severity) for f in result.findings]
    assert got == [
        ("missing-severity", 1, "warning"),
        ("action-item-without-owner", 57, "warning"),
        ("action-item-without-owner", 58, "warning"),
        ("action-item-without-owner", 59, "warning"),
    ]
    strict = from_mapping({"profiles": {"strict": {"ongoing-relaxation": False}}})
    errors = check_report(parse(text), text=text, profile="strict", config=strict).findings
    assert sorted(f.name for f in errors if f.severity == "error") == [
        "missing-impact-window",
        "missing-timeline",
    ]


def test_item_findings_cover_their_line() -> None:
    path = REPORTS / "outage-action-item-without-owner.md"
    text = path.read_text(encoding="utf-8")
    (finding,) = check_report(parse(text, path=str(path)), text=text).findings
    line = text.splitlines()[finding.start.line - 1]
    assert (finding.start.col, finding.end.line, finding.end.col) == (
        1,
        finding.start.line,
        len(line) + 1,
    )


def test_check_parses_text_itself() -> None:
    from incidentparse.check import check

    text = (REPORTS / "outage-placeholder.md").read_text(encoding="utf-8")
    from_text = check(text)
    from_report = check(parse(text), text=text)
    assert from_text == from_report and {f.code for f in from_text} == {"IP105"}
