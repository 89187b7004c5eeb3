"""Prose through find_timespans (fixtures/dates/find.tsv) and durations (durations.tsv)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from incidentparse.dates import find_timespans, parse_duration

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "dates"
DEFAULT_REFERENCE = dt.date(2026, 4, 3)


def rows(name: str) -> list[tuple[int, list[str]]]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [(n, line.split("\t")) for n, line in enumerate(lines, 1) if line and line[0] != "#"]


def _value(field: str) -> dt.date | dt.datetime | None:
    if field == "open":
        return None
    if "T" in field:
        return dt.datetime.fromisoformat(field.replace("Z", "+00:00"))
    return dt.date.fromisoformat(field)


@pytest.mark.parametrize(("line", "row"), rows("find.tsv"), ids=lambda v: str(v)[:40])
def test_find(line: int, row: list[str]) -> None:
    text, reference, expected = row[0].replace("\\n", "\n"), row[1], row[2]
    ref = DEFAULT_REFERENCE if reference == "-" else dt.date.fromisoformat(reference)
    spans = find_timespans(text, reference_date=ref)
    assert [s.text for s in spans] == ([] if expected == "-" else expected.split(" | "))
    for span in spans:
        assert span.char_start is not None and span.char_end is not None
        assert text[span.char_start : span.char_end] == span.text
    if len(row) > 3:
        starts = [_value(v) for v in row[3].split(" | ")]
        assert [s.start for s in spans] == starts


@pytest.mark.parametrize(("line", "row"), rows("durations.tsv"), ids=lambda v: str(v)[:30])
def test_duration(line: int, row: list[str]) -> None:
    text, seconds, approximate = row
    duration = parse_duration(text)
    if seconds == "null":
        assert duration is None
        return
    assert duration is not None
    assert (duration.seconds, duration.approximate) == (float(seconds), approximate == "1")
