"""Properties of parse() on arbitrary Markdown-ish input: it never raises, its sections cover
every line exactly once, and every extracted line number points into the input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incidentparse import parse

from .test_sections import assert_lossless

PIECES = [
    "# ", "## ", "### ", "- ", "* ", "1. ", "> ", "| ", " | ", "|---|---|", "```", "**", "*",
    "_", "`", "[", "]", "(", ")", ":", "---", "+++", "\n", "\n\n", "\r\n", "   ", "<START>",
    "Timeline", "Summary", "Impact", "Indicators of Compromise", "Response:", "N/A", "TBD",
    "2024-03-05 10:00 UTC", "April 2-3", "Mid-March 2026", "[12-05 16:21]", "hxxps[://]a[.]b",
    "203.0.113[.]7", "T1059.001", "CVE-2024-1234", "Date/Time:", "All times in PDT.", "é", "🔥",
    "Let me know if you'd like changes", "[^1]", "[^1]: note", "<!-- x -->", "\t",
]  # fmt: skip
documents = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_parse_never_raises_and_stays_lossless(text: str) -> None:
    report = parse(text)
    assert_lossless(report, text)
    line_count = report.source.line_count or 1
    lines = [e.line for e in report.timeline] + [i.line for i in report.indicators]
    lines += [d.line for d in report.diagnostics if d.line is not None]
    assert all(1 <= line <= line_count for line in lines)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_parse_never_raises_on_any_text(text: str) -> None:
    parse(text)
