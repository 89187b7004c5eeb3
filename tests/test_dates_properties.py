"""Hypothesis properties of the date engine: total, ordered, typed, offsets true to the text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incidentparse.dates import find_timespans, parse_duration, parse_timespan, resolve_sequence
from incidentparse.dates.calendar import TIME_GRAINS
from incidentparse.models import TimeSpan

# Pieces of real expressions, so generated strings reach deep into the grammar.
WORDS = [
    "since",
    "by",
    "until",
    "through",
    "between",
    "and",
    "from",
    "to",
    "week of",
    "mid-",
    "early",
    "late",
    "Q1",
    "Q4",
    "H2",
    "FY26",
    "2026",
    "2019",
    "March",
    "Nov",
    "May",
    "April 2",
    "-",
    "–",
    "3",
    "31",
    "12:30",
    "23:55",
    "UTC",
    "PDT",
    "IST",
    "(",
    ")",
    "ongoing",
    "~",
    "around",
    "last",
    "next",
    "Tuesday",
    "weekend",
    "3 days ago",
    "2026-04-03",
    "04/03/2026",
    "24.10.2024",
    "W13",
    "present",
    "or so",
    "-ish",
    ",",
    " ",
    "at",
    "on",
    "N/A",
    "within",
    "48 hours of",
    "EOM",
    "noon",
    "7pm",
    "(17:14 UTC)",
    "1Q26",
    "2026-W13",
    "ago",
    "later",
]
expressions = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
any_text = st.one_of(st.text(max_size=60), expressions)
# Mostly plausible report dates, sometimes the ends of the calendar.
references = st.one_of(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.dates(),
)
zones = st.sampled_from(["UTC", "PDT", "UTC+1", "Europe/Berlin", "IST", "nonsense"])


def check_span(span: TimeSpan) -> None:
    assert TimeSpan.model_validate(span.model_dump()) == span
    for value in (span.start, span.end):
        if value is None:
            continue
        if span.grain in TIME_GRAINS:
            assert isinstance(value, dt.datetime)
            assert value.utcoffset() == dt.timedelta(0)
        else:
            assert isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    if span.start is not None and span.end is not None:
        assert span.start <= span.end  # type: ignore[operator]


@settings(max_examples=400, deadline=None)
@given(any_text, references, st.sampled_from([None, True, False]), zones)
def test_parse_timespan_is_total_ordered_and_typed(
    text: str, reference: dt.date, dayfirst: bool | None, zone: str
) -> None:
    span = parse_timespan(text, reference_date=reference, dayfirst=dayfirst, default_zone=zone)
    if span is not None:
        check_span(span)


@settings(max_examples=300, deadline=None)
@given(st.lists(any_text, max_size=5).map("\n".join), references)
def test_find_timespans_offsets_point_at_text(text: str, reference: dt.date) -> None:
    for span in find_timespans(text, reference_date=reference):
        check_span(span)
        assert span.char_start is not None and span.char_end is not None
        assert text[span.char_start : span.char_end] == span.text


@settings(max_examples=200, deadline=None)
@given(st.lists(any_text, max_size=6), references)
def test_resolve_sequence_keeps_length(texts: list[str], reference: dt.date) -> None:
    spans = resolve_sequence(texts, reference_date=reference)
    assert len(spans) == len(texts)
    for span in spans:
        if span is not None:
            check_span(span)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_parse_duration_is_total_and_positive(text: str) -> None:
    duration = parse_duration(text)
    assert duration is None or duration.seconds > 0


# Long runs of one character are where regex backtracking explodes (a run of blanks between two
# quantifiers, '?' runs in '[???]'). These must simply finish; the suite would hang otherwise.
RUNS = [" ", "\t", "-", "1", "?", "*", "_", "~", "(", ", ", "1h ", "12:00 ", "within "]


@pytest.mark.parametrize("fill", RUNS)
@pytest.mark.parametrize("head", ["April", "N/A", "12:00", ""])
def test_long_runs_are_read_in_reasonable_work(head: str, fill: str) -> None:
    text = head + fill * 1500 + "x"
    reference = dt.date(2026, 4, 3)
    for span in find_timespans(text, reference_date=reference):
        check_span(span)
    span = parse_timespan(text, reference_date=reference)
    if span is not None:
        check_span(span)
    assert len(resolve_sequence([text, text], reference_date=reference)) == 2
    parse_duration(text)
