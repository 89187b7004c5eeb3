"""Finding formatters: golden files for every format, SARIF schema validation, escaping.

Regenerate the goldens with `pytest tests/test_check_output.py --update-goldens` and review.
tests/data/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 (errata 01) JSON schema, unchanged
(oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json); no PyPI package ships it.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from incidentparse.check import CheckResult, check_report
from incidentparse.output.findings import FORMATS, Options, display_path, formatters
from incidentparse.output.github import DATA_ESCAPES, PROPERTY_ESCAPES, escape

from .check_helpers import CHECK, build

GOLDEN = CHECK / "golden"
SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
CWD = "/project"
SUFFIX = {"text": "txt", "json": "json", "jsonl": "jsonl", "sarif": "sarif", "github": "github"}

OUTAGE_TEXT = "# Failover\n\nOwner: TBD\n"
LIVE_URL = {
    "type": "url",
    "value": "http://203.0.113.7/x",
    "raw": "http://203.0.113.7/x",
    "category": "network",
    "scope": "documentation",
    "section": "indicators",
    "line": 32,
    "column": 3,
}


def results() -> list[CheckResult]:
    outage = build(
        "outage_complete",
        {
            "source": {"path": f"{CWD}/reports/outage.md"},
            "status": "ongoing",
            "details": {"severity": None},
            "recommendations": [
                {"text": "Add a failover test.", "title": "Failover test", "line": 36}
            ],
        },
    )
    security = build(
        "security_complete",
        {
            "source": {"path": f"{CWD}/reports/phish.md"},
            "indicators": [LIVE_URL],
        },
    )
    return [
        check_report(outage, text=OUTAGE_TEXT),
        check_report(security),
        check_report(build("outage_complete", {"source": {"path": f"{CWD}/clean.md"}})),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt: str, update_goldens: bool) -> None:
    rendered = formatters()[fmt](results(), Options(cwd=CWD, statistics=fmt == "text"))
    path = GOLDEN / f"findings.{SUFFIX[fmt]}"
    if update_goldens:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


def test_text_shape_and_quiet() -> None:
    text = formatters()["text"](results(), Options(cwd=CWD, quiet=True))
    lines = text.splitlines()
    assert lines[0].startswith("reports/outage.md:1:1: IP417 [missing-severity] the report ")
    assert lines[1].startswith("reports/outage.md:3:8: IP105 [placeholder-text] ")
    assert all(":" in line and " [" in line for line in lines)  # no summary when quiet
    full = formatters()["text"](results()[:1], Options(cwd=CWD)).splitlines()[-1]
    assert full.endswith(
        "profile: outage with ongoing relaxation (auto: report type service_outage)"
    )


def test_json_fields() -> None:
    document = json.loads(formatters()["json"](results(), Options(cwd=CWD)))
    finding = document["findings"][1]
    assert set(finding) == {
        "path",
        "code",
        "name",
        "severity",
        "message",
        "hint",
        "start",
        "end",
        "profile",
        "ongoing_relaxation",
    }
    assert finding["start"] == {"line": 3, "col": 8} and finding["path"] == "reports/outage.md"
    assert [f["profile"] for f in document["files"]] == ["outage", "security", "outage"]
    rows = formatters()["jsonl"](results(), Options(cwd=CWD)).splitlines()
    assert [json.loads(row) for row in rows] == document["findings"]


def test_sarif_validates_against_the_official_schema() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(formatters()["sarif"](results(), Options(cwd=CWD)))
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in rules)
    live = next(r for r in run["results"] if r["ruleId"] == "IP301")
    location = live["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "reports/phish.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 32, "startColumn": 3, "endLine": 32, "endColumn": 23}
    assert live["level"] == "error" and rules[live["ruleIndex"]]["id"] == "IP301"


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("x: y, z", "x: y, z", "x%3A y%2C z"),
        ("%3A", "%253A", "%253A"),
    ],
)
def test_github_escaping(raw: str, data: str, prop: str) -> None:
    assert escape(raw, DATA_ESCAPES) == data
    assert escape(raw, PROPERTY_ESCAPES) == prop


def test_github_commands() -> None:
    lines = formatters()["github"](results(), Options(cwd=CWD)).splitlines()
    live = next(line for line in lines if "IP301" in line)
    assert live.startswith("::error file=reports/phish.md,line=32,col=3,endLine=32,endColumn=23,")
    assert "title=IP301 live-indicator (profile security)::" in live
    assert any(line.startswith("::warning ") for line in lines)
    assert all("\n" not in line for line in lines)


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        (None, "-"),
        ("/project/a/b.md", "a/b.md"),
        ("/elsewhere/c.md", "/elsewhere/c.md"),
        ("rel.md", "rel.md"),
    ],
)
def test_display_path(path: str | None, shown: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir("/")
    assert display_path(path, CWD if path != "rel.md" else "/") == shown


def test_sarif_uris_are_relative_to_the_repository_root(tmp_path: Path) -> None:
    from incidentparse import parse
    from incidentparse.output.sarif import repo_root

    (tmp_path / ".git").mkdir()
    nested = tmp_path / "docs" / "incidents"
    nested.mkdir(parents=True)
    report = nested / "r.md"
    report.write_text("# R\n")
    text = report.read_text()
    result = check_report(parse(text, path=str(report)), text=text)
    assert result.findings and repo_root(str(nested)) == str(tmp_path)
    log = json.loads(formatters()["sarif"]([result], Options(cwd=str(nested))))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/incidents/r.md", "uriBaseId": "%SRCROOT%"}
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
