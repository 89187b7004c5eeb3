"""Section stage: lossless partition, levels, parents, setext headings, absorbed sub-headings."""

from __future__ import annotations

from incidentparse import parse
from incidentparse.models import IncidentReport


def assert_lossless(report: IncidentReport, text: str) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    covered = []
    for section in report.sections:
        covered.extend(range(section.line_start, section.line_end + 1))
    assert covered == list(range(1, len(lines) + 1))
    rebuilt = "\n".join("\n".join(lines[s.line_start - 1 : s.line_end]) for s in report.sections)
    assert rebuilt == "\n".join(lines)


DOC = """Lead text before any heading.

Incident write-up
=================

Summary
-------
Short summary.

### Extra notes
More text.

## Timeline
### 2024-03-05
- 10:00 UTC: first thing
"""


def test_sections_partition_every_line() -> None:
    report = parse(DOC, reference_date=None)
    assert_lossless(report, DOC)
    kinds = [(s.heading, s.kind, s.level, s.parent) for s in report.sections]
    assert kinds == [
        ("", "preamble", 0, None),
        ("Incident write-up", "meta", 1, None),
        ("Summary", "summary", 2, 1),
        ("Extra notes", "unknown", 3, 2),
        ("Timeline", "timeline", 2, 1),
        ("2024-03-05", "timeline", 3, 4),
    ]


def test_setext_title_and_unknown_heading_diagnostic() -> None:
    report = parse(DOC)
    assert report.title == "Incident write-up"
    unknown = [d for d in report.diagnostics if d.name == "unknown-section"]
    assert [(d.code, d.line) for d in unknown] == [("IP101", 10)]


def test_unknown_subsection_joins_its_parent_summary() -> None:
    report = parse(DOC)
    assert report.summary == "Short summary.\n\nMore text."


def test_empty_section_is_diagnosed() -> None:
    report = parse("# Title\n\n## Summary\n\n## Impact\nUsers could not log in.\n")
    empty = [d for d in report.diagnostics if d.name == "empty-section"]
    assert [(d.code, d.line) for d in empty] == [("IP102", 3)]


def test_headings_inside_code_fences_are_not_sections() -> None:
    text = "# T\n\n```\n# not a heading\n```\n"
    report = parse(text)
    assert [s.heading for s in report.sections] == ["T"]
    assert_lossless(report, text)


def test_empty_document() -> None:
    report = parse("")
    assert report.title is None and report.sections[0].kind == "preamble"
