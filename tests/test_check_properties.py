"""Property tests: escaping round-trips, placeholder columns, suppression laws, selector laws."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from incidentparse.check import check_report
from incidentparse.check.config import enabled
from incidentparse.check.rules import RULES
from incidentparse.output.github import DATA_ESCAPES, PROPERTY_ESCAPES, escape

from .check_helpers import build

REPORT = build("outage_complete")
PROSE = st.text(alphabet="abcdefghij klmnop.,;", max_size=40)
SELECTORS = st.sampled_from(["ALL", "IP", "IP1", "IP4", "IP40", "IP41", "IP301", "missing-title"])


def unescape(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for raw, escaped in reversed(table):
        text = text.replace(escaped, raw)
    return text


@given(st.text())
def test_github_escaping_round_trips(text: str) -> None:
    for table in (DATA_ESCAPES, PROPERTY_ESCAPES):
        escaped = escape(text, table)
        assert "\n" not in escaped and "\r" not in escaped
        assert unescape(escaped, table) == text
    assert "," not in escape(text, PROPERTY_ESCAPES) and ":" not in escape(text, PROPERTY_ESCAPES)


@settings(max_examples=60)
@given(PROSE, PROSE)
def test_placeholder_column_is_where_it_was_written(before: str, after: str) -> None:
    line = f"{before} TODO {after}"
    result = check_report(REPORT, text=line + "\n", select=["IP105"])
    todo = [f for f in result.findings if "'TODO'" in f.message]
    assert [(f.start.col, f.end.col) for f in todo] == [(len(before) + 2, len(before) + 6)]


@settings(max_examples=40)
@given(st.lists(st.sampled_from(["TODO", "fine", "TBD", "ok"]), min_size=1, max_size=8))
def test_disable_file_removes_every_finding_of_its_code(words: list[str]) -> None:
    text = "\n".join(words) + "\n"
    plain = check_report(REPORT, text=text, select=["IP105", "IP423"]).findings
    header = "<!-- incidentparse-disable-file placeholder-text -->\n"
    suppressed = check_report(REPORT, text=header + text, select=["IP105", "IP423"]).findings
    if any(f.code == "IP105" for f in plain):
        assert suppressed == ()
    else:
        assert [f.code for f in suppressed] == ["IP423"]


@given(st.lists(SELECTORS, max_size=3), st.lists(SELECTORS, max_size=3))
def test_ignore_never_adds_and_select_all_keeps_everything_unignored(
    select: list[str], ignore: list[str]
) -> None:
    assert enabled(select, ignore) <= enabled(select, [])
    everything = {r.code for r in RULES}
    assert enabled(["ALL"], []) == everything
