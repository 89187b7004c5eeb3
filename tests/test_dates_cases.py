"""Every row of fixtures/dates/cases.tsv through parse_timespan (format in the file's header)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import pytest

from incidentparse.dates import parse_timespan
from incidentparse.models import TimeSpan

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "dates" / "cases.tsv"
DEFAULT_REFERENCE = dt.date(2026, 4, 3)
BOOLEAN_FLAGS = ("approx", "ongoing", "ambiguous", "suspect")


class Case(NamedTuple):
    line: int
    text: str
    reference: dt.date
    options: dict[str, str]
    start: str
    end: str
    grain: str
    flags: dict[str, str]


def _pairs(field: str, sep: str) -> dict[str, str]:
    if field == "-":
        return {}
    out = {}
    for item in field.split(sep):
        key, _, value = item.partition("=")
        out[key.strip()] = value.strip()
    return out


def load_cases() -> list[Case]:
    cases = []
    for number, raw in enumerate(CASES.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        text, reference, options, start, end, grain, flags = raw.split("\t")
        ref = DEFAULT_REFERENCE if reference == "-" else dt.date.fromisoformat(reference)
        cases.append(
            Case(number, text, ref, _pairs(options, ";"), start, end, grain, _pairs(flags, ","))
        )
    return cases


def expected_value(field: str) -> dt.date | dt.datetime | None:
    if field == "open":
        return None
    if "T" in field:
        return dt.datetime.fromisoformat(field.replace("Z", "+00:00"))
    return dt.date.fromisoformat(field)


def run_case(case: Case) -> TimeSpan | None:
    dayfirst = {"1": True, "0": False}.get(case.options.get("df", ""))
    cy = case.options.get("cy")
    zone = {"default_zone": case.options["zone"]} if "zone" in case.options else {}
    return parse_timespan(
        case.text,
        reference_date=case.reference,
        context_year=int(cy) if cy else None,
        dayfirst=dayfirst,
        **zone,
        fiscal_year_start_month=int(case.options["fy"]) if "fy" in case.options else None,
    )


def check_flags(span: TimeSpan, flags: dict[str, str]) -> None:
    actual = {
        "approx": span.approximate,
        "ongoing": span.ongoing,
        "ambiguous": span.ambiguous,
        "suspect": span.zone_suspect,
    }
    for name in BOOLEAN_FLAGS:
        assert actual[name] == (name in flags), f"flag {name}"
    if "year" in flags:
        assert span.year_source == flags["year"]
    if "zone" in flags:
        assert span.zone_source == flags["zone"]
    if "dur" in flags:
        assert span.duration is not None
        assert span.duration.seconds == float(flags["dur"])


@pytest.mark.parametrize("case", load_cases(), ids=lambda c: f"L{c.line}:{c.text[:40]}")
def test_case(case: Case) -> None:
    span = run_case(case)
    if case.start == "null":
        assert span is None, span
        return
    assert span is not None
    assert (span.start, span.end, span.grain) == (
        expected_value(case.start),
        expected_value(case.end),
        case.grain,
    )
    check_flags(span, case.flags)


def test_table_is_large_and_covers_every_convention() -> None:
    text = CASES.read_text(encoding="utf-8")
    assert len(load_cases()) >= 250
    for number in range(1, 21):
        assert f"--- C{number} " in text, f"C{number} has no cases"
