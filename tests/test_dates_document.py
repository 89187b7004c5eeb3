"""Timeline sequences, document helpers (R, context year, day-first, zone declaration), CLI."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import pytest

from incidentparse.dates import (
    context_year,
    detect_dayfirst,
    explicit_years,
    infer_reference_date,
    is_known_zone,
    parse_timespan,
    resolve_sequence,
    zone_declaration,
)
from incidentparse.dates.cli import register
from incidentparse.errors import InputError
from incidentparse.models import TimeSpan

R = dt.date(2026, 4, 3)
SEED = Path("/work/shared/seeds/000_b9ce0a70cba81852.txt")


def utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=dt.timezone.utc)


def starts(spans: list[TimeSpan | None]) -> list[object]:
    return [None if s is None else s.start for s in spans]


# --- resolve_sequence ------------------------------------------------------------------------

SEQUENCES: list[tuple[list[str], str | None, str, list[object]]] = [
    (
        ["2020-02-20", "21:17 UTC: the authors", "23:55", "00:07 UTC"],
        None,
        "UTC",
        [
            dt.date(2020, 2, 20),
            utc(2020, 2, 20, 21, 17),
            utc(2020, 2, 20, 23, 55),
            utc(2020, 2, 21, 0, 7),
        ],
    ),
    (
        ["[23:55]", "[00:07]", "[???]", "~14:18"],
        "2026-03-01",
        "UTC",
        [utc(2026, 3, 1, 23, 55), utc(2026, 3, 2, 0, 7), None, utc(2026, 3, 2, 14, 18)],
    ),
    (
        ["11:08", "11:07"],  # rows out of order stay on the same day
        "2026-03-01",
        "UTC",
        [utc(2026, 3, 1, 11, 8), utc(2026, 3, 1, 11, 7)],
    ),
    (
        ["2025-07-26 Saturday", "13:14 EDT (17:14 UTC)", "20:07 EDT (00:07 UTC)"],
        None,
        "UTC",
        [dt.date(2025, 7, 26), utc(2025, 7, 26, 17, 14), utc(2025, 7, 27, 0, 7)],
    ),
    (
        ["July 11, 2025, 12:42 PM", "12:49 PM"],
        None,
        "PDT",
        [utc(2025, 7, 11, 19, 42), utc(2025, 7, 11, 19, 49)],
    ),
    (
        ["2019-10-20 00:55", "01:10"],
        "2019-10-21",
        "UTC",
        [utc(2019, 10, 20, 0, 55), utc(2019, 10, 20, 1, 10)],
    ),
    (["Alert Generated", "Containment", "10:00"], None, "UTC", [None, None, utc(2026, 4, 3, 10)]),
    (["April 1", "April 2-3"], None, "UTC", [dt.date(2026, 4, 1), dt.date(2026, 4, 2)]),
]


@pytest.mark.parametrize(("texts", "anchor", "zone", "expected"), SEQUENCES)
def test_resolve_sequence(
    texts: list[str], anchor: str | None, zone: str, expected: list[object]
) -> None:
    anchor_span = parse_timespan(anchor, reference_date=R) if anchor else None
    spans = resolve_sequence(texts, reference_date=R, default_zone=zone, anchor=anchor_span)
    assert starts(spans) == expected


def test_sequence_approximate_and_dual_zone_flags() -> None:
    spans = resolve_sequence(["~14:18", "13:14 EDT (18:14 UTC)"], reference_date=R)
    assert spans[0] is not None and spans[0].approximate
    assert spans[1] is not None and spans[1].ambiguous


def test_declared_ambiguous_zone_is_flagged() -> None:
    span = parse_timespan("17:00", reference_date=R, default_zone="BST")
    assert span is not None and span.ambiguous and span.zone_source == "declared"
    assert span.start == utc(2026, 4, 3, 16) and span.alternatives


# --- must-hold examples of the brief ------------------------------------------------------------


def test_seed_discovery_date() -> None:
    text = "Mid-March 2026 (ongoing for weeks prior to April 3 report)"
    span = parse_timespan(text, reference_date=R)
    assert span is not None
    assert (span.start, span.end, span.grain) == (dt.date(2026, 3, 11), None, "part_of_month")
    assert span.ongoing and span.approximate and span.year_source == "explicit"


def test_seed_incident_date() -> None:
    span = parse_timespan("Ongoing (March–April 2026)", reference_date=R)
    assert span is not None
    assert (span.start, span.end, span.grain, span.ongoing) == (
        dt.date(2026, 3, 1),
        None,
        "month",
        True,
    )


def test_seed_reference_date() -> None:
    if not SEED.exists():
        pytest.skip("seed report not available")
    assert infer_reference_date(SEED.read_text(encoding="utf-8")) == dt.date(2026, 4, 3)


# --- document helpers --------------------------------------------------------------------------

REFERENCE_DATES: list[tuple[str, dict[str, object] | None, dt.date | None]] = [
    ("x", {"date": "2025-06-01"}, dt.date(2025, 6, 1)),
    ("x", {"published": dt.date(2024, 1, 2)}, dt.date(2024, 1, 2)),
    ("x", {"date": dt.datetime(2024, 1, 2, 10, 0)}, dt.date(2024, 1, 2)),
    ("Status as of March 5, 2026: ongoing. Seen 2026-03-01.", None, dt.date(2026, 3, 5)),
    ("Report date: 2026-02-01\nIncident on 2026-01-20.", None, dt.date(2026, 2, 1)),
    ("In 2025 we saw it.\nThe April 3 update says it is fixed.", None, dt.date(2025, 4, 3)),
    ("Seen 2026-03-01 and 2026-03-09, then in Q2.", None, dt.date(2026, 3, 9)),
    ("No dates here at all.", None, None),
    ("The April 3 report came first. Later, in 2024 and 2025, more.", None, dt.date(2024, 4, 3)),
    ("In 2026 it began. The Feb 29 report said so.", None, None),
    # A weekday before 'post' names no day by itself: the latest full date is R.
    ("Seen 2021-12-10, fixed 2022-01-04.\n- Initial Friday post", None, dt.date(2022, 1, 4)),
    ("Posted yesterday. Seen 2021-12-10.", None, dt.date(2021, 12, 10)),
]


@pytest.mark.parametrize(("text", "front", "expected"), REFERENCE_DATES)
def test_infer_reference_date(
    text: str, front: dict[str, object] | None, expected: dt.date | None
) -> None:
    assert infer_reference_date(text, front_matter=front) == expected


def test_explicit_and_context_years() -> None:
    text = "In 2024 we saw it. On March 3 again. Later, in May 2025 it returned."
    assert explicit_years(text) == [(3, 2024), (47, 2025)]
    assert context_year(text, text.index("March")) == 2024
    assert context_year(text) == 2025
    assert context_year("nothing", 3) is None


DAYFIRST: list[tuple[str, dt.date | None, bool | None]] = [
    ("on 24/10/2024 and 03/04/2024", None, True),
    ("on 10/24/2024", None, False),
    ("8 January 2026 … later 08/01/2026", None, True),
    ("January 8, 2026 … later 01/08/2026", None, False),
    ("only 04/03/2026", None, None),
    ("24/10/2024 and 10/24/2024", None, None),
    ("04/09/2026", R, False),
    ("09/04/2026", R, True),
]


@pytest.mark.parametrize(("text", "reference", "expected"), DAYFIRST)
def test_detect_dayfirst(text: str, reference: dt.date | None, expected: bool | None) -> None:
    assert detect_dayfirst(text, reference_date=reference) is expected


ZONES: list[tuple[str, str | None]] = [
    ("All times in PDT.", "PDT"),
    ("All times PDT.", "PDT"),
    ("All times in PDT (UTC-7).", "PDT"),
    ("## Timeline (times in BST)", "BST"),
    ("all times are in UTC", "UTC"),
    ("_All times in EEST_", "EEST"),
    ("_All times in EDT_", "EDT"),
    ("All times in UTC+1", "UTC+1"),
    ("All times in CET.", "CET"),
    ("All times in IST", "IST"),
    ("Times are in both EDT and UTC", "EDT"),
    ("Times are in both Eastern Daylight Time (EDT) and UTC.", "EDT"),
    ("_All times are in Eastern Time (UTC-4), and some are approximated._", "America/New_York"),
    ("> (all times in GMT)", "GMT"),
    ("all times in Pacific Time", "America/Los_Angeles"),
    ("Unless otherwise noted all events happened on 2019-10-21, and all times are in UTC", "UTC"),
    ("The timing of the attack was unclear.", None),
]


@pytest.mark.parametrize(("text", "expected"), ZONES)
def test_zone_declaration(text: str, expected: str | None) -> None:
    found = zone_declaration(text)
    assert found == expected
    if found is not None:
        assert is_known_zone(found)


# --- CLI hook ----------------------------------------------------------------------------------


def cli(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    return parser.parse_args(argv)


def test_cli_prints_span(capsys: pytest.CaptureFixture[str]) -> None:
    args = cli(["when", "April 2-3", "--reference-date", "2026-04-03", "--context-year", "2026"])
    assert args.handler(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["start"], out["end"], out["grain"]) == ("2026-04-02", "2026-04-03", "day")


def test_cli_zone_and_order(capsys: pytest.CaptureFixture[str]) -> None:
    args = cli(
        [
            "when",
            "04/03/2026 09:00",
            "--reference-date",
            "2026-04-03",
            "--zone",
            "PDT",
            "--dayfirst",
        ]
    )
    assert args.handler(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["start"] == "2026-03-04T16:00:00Z"


def test_cli_null_exits_one(capsys: pytest.CaptureFixture[str]) -> None:
    args = cli(["when", "N/A", "--reference-date", "2026-04-03", "--monthfirst"])
    assert args.handler(args) == 1
    assert capsys.readouterr().out.strip() == "null"


def test_cli_bad_reference_date() -> None:
    args = cli(["when", "April 1", "--reference-date", "April 3rd"])
    with pytest.raises(InputError):
        args.handler(args)


def test_cli_defaults_to_today(capsys: pytest.CaptureFixture[str]) -> None:
    args = cli(["when", "today"])
    assert args.handler(args) == 0
    assert json.loads(capsys.readouterr().out)["start"] == dt.date.today().isoformat()
