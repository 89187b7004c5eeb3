"""CLI hook: the `when TEXT` subcommand prints one expression's TimeSpan as JSON.

This is an edge: the clock is read here (today's date when --reference-date is not given).
Exit codes: 0 a date was read; 1 the text holds no date (``null`` is printed); 2 bad options.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json

from ..errors import InputError
from . import parse_timespan


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `when TEXT [--reference-date D] [--context-year N] [--zone Z] [--dayfirst|...]`."""
    parser = subparsers.add_parser(
        "when",
        help="read one date expression as a time span (JSON)",
        description="Print the TimeSpan of TEXT as JSON; prints null and exits 1 for no date.",
    )
    parser.add_argument("text", metavar="TEXT", help="the expression, e.g. 'Mid-March 2026'")
    parser.add_argument(
        "--reference-date", metavar="YYYY-MM-DD", help="report date R (default: today)"
    )
    parser.add_argument("--context-year", type=int, metavar="N", help="year of the document")
    parser.add_argument(
        "--zone", default="UTC", metavar="Z", help="zone of times written without one (UTC)"
    )
    order = parser.add_mutually_exclusive_group()
    order.add_argument("--dayfirst", dest="dayfirst", action="store_true", default=None)
    order.add_argument("--monthfirst", dest="dayfirst", action="store_false")
    parser.set_defaults(handler=run)


def reference_date(value: str | None) -> dt.date:
    """The --reference-date option, or today's date (the CLI is where the clock is read)."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"--reference-date must be YYYY-MM-DD, got {value!r}") from None


def run(args: argparse.Namespace) -> int:
    """Print the span as pretty JSON; 1 with `null` when TEXT holds no date."""
    span = parse_timespan(
        args.text,
        reference_date=reference_date(args.reference_date),
        context_year=args.context_year,
        default_zone=args.zone,
        dayfirst=args.dayfirst,
    )
    if span is None:
        print("null")
        return 1
    print(json.dumps(span.model_dump(mode="json"), indent=2, ensure_ascii=False))
    return 0
