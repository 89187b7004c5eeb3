"""Parse-time diagnostics: stable codes, aliases, lines; never exceptions."""

from __future__ import annotations

import datetime as dt

import pytest

from incidentparse import parse
from incidentparse.diagnostics import CODES, Code, register

REPORT = """# Disk outage

## Incident Details
- **Discovery Date:** the week after the migration, probably
- **Incident Date:** 03/04/2024
- **Severity:** N/A

## Indicators of Compromise
- **File indicators:** N/A (not a security incident)
"""


def diagnostics(text: str) -> list[tuple[str, str, int | None]]:
    report = parse(text, reference_date=dt.date(2024, 6, 1))
    return [(d.code, d.name, d.line) for d in report.diagnostics]


def test_unreadable_ambiguous_and_na_without_reason() -> None:
    found = diagnostics(REPORT)
    assert ("IP202", "unreadable-date", 4) in found
    assert ("IP201", "ambiguous-date", 5) in found
    assert ("IP103", "na-without-reason", 6) in found
    assert not [d for d in found if d[2] == 9], "an N/A with a reason is fine"


def test_codes_are_unique_and_registered_once() -> None:
    assert len({c.code for c in CODES}) == len(CODES)
    assert len({c.name for c in CODES}) == len(CODES)
    register(CODES[0])  # the same row again is a no-op
    with pytest.raises(ValueError):
        register(Code(CODES[0].code, "another-name", "info", "clash"))


def test_broken_front_matter_is_a_diagnostic() -> None:
    found = diagnostics("---\ntitle: [oops\n---\n# T\n")
    assert ("IP106", "unreadable-front-matter", 1) in found


def test_live_indicator_diagnostic_never_prints_the_live_link() -> None:
    text = (
        "# Breach\n\n## Summary\nAn attacker used malware to compromise a host.\n\n"
        "## Indicators of Compromise\n- **C2:** http://203.0.113.7/x\n"
    )
    found = [d for d in parse(text).diagnostics if d.name == "live-indicator"]
    assert [(d.code, d.line, d.column) for d in found] == [("IP301", 7, 11)]
    assert "http://" not in found[0].message and "hxxp[://]203[.]0[.]113[.]7/x" in found[0].message
